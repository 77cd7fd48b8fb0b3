//! Where one model stands on each of a task's bars: met when the bar's 95%
//! interval lies wholly on the right side, missed when it lies wholly on
//! the wrong side, undecided when it straddles the bar, with the cases that
//! would decide it. A figure at 3 cases is not stated as a fact: only its
//! interval decides.

use super::statistics::{cases_to_clear, cases_to_decide, tango_spread, wilson};
use super::verdict::Spread;
use sizeup_reports::format::{duration_ms, group, plain_points, points};
use sizeup_reports::{Bar, Cell, Comparison, Miss, QualityMeasure, TaskInfo};

/// Measured values below which no p95 has an upper bound (the tests check
/// it against [`crate::percentiles::quantile_ranks`]).
const FEWEST_FOR_A_P95: u64 = 72;

/// A model's bars: those missed, and those undecided.
#[derive(Debug, Default)]
pub(super) struct Standing {
    /// Bars whose interval lies wholly on the wrong side.
    pub misses: Vec<Miss>,
    /// Bars whose interval straddles the bar.
    pub open: Vec<Miss>,
    /// The cases each undecided bar needs, `None` where no count decides it.
    needs: Vec<Option<u64>>,
}

impl Standing {
    /// Meets every bar.
    pub fn adequate(&self) -> bool {
        self.misses.is_empty() && self.open.is_empty()
    }

    /// Misses no bar, but leaves one undecided.
    pub fn undecided(&self) -> bool {
        self.misses.is_empty() && !self.open.is_empty()
    }

    /// The cases in all that would decide every undecided bar: the most
    /// any needs, `None` when one of them no count decides.
    pub fn cases_needed(&self) -> Option<u64> {
        self.needs
            .iter()
            .try_fold(None, |most: Option<u64>, n| n.map(|n| most.max(Some(n))))
            .flatten()
    }

    fn missed(&mut self, bar: Bar, detail: String) {
        self.misses.push(Miss { bar, detail });
    }

    fn undecided_by(&mut self, bar: Bar, detail: String, cases: Option<u64>) {
        self.open.push(Miss { bar, detail });
        self.needs.push(cases);
    }
}

/// Non-inferiority against the reference: the paired interval's lower end
/// above −margin. `compared` is the comparison with the spread of the
/// per-case differences.
pub(super) fn quality(
    standing: &mut Standing,
    task: &TaskInfo,
    margin: f64,
    compared: Option<&(Comparison, Spread)>,
) {
    let Some((c, spread)) = compared else {
        // No comparison is no evidence either way.
        standing.undecided_by(
            Bar::Quality,
            "fewer than two cases in common with the reference".into(),
            None,
        );
        return;
    };
    let d = c.difference;
    if d.low > -margin {
        return;
    }
    let measured = format!(
        "{} points of {}, 95% CI {} to {}",
        points(d.estimate),
        task.quality_measure.words(),
        points(d.low),
        points(d.high),
    );
    if d.high <= -margin {
        standing.missed(
            Bar::Quality,
            format!(
                "{measured}, beyond the {}-point margin",
                plain_points(margin)
            ),
        );
    } else {
        let sd = match *spread {
            Spread::Observed(sd) => sd,
            Spread::PassFail => tango_spread(
                c.only_this_passed,
                c.only_reference_passed,
                c.cases,
                -margin,
            ),
        };
        let cases = cases_to_decide(d.estimate, sd, margin);
        standing.undecided_by(
            Bar::Quality,
            format!(
                "{measured}, straddles the {}-point margin{}",
                plain_points(margin),
                needs(cases, c.cases, "cases")
            ),
            cases,
        );
    }
}

/// The bars that do not depend on the reference, which is held to them
/// too: minimum quality, latency objectives and the error bound. `cases`
/// is the number of cases the model ran.
pub(super) fn absolute(standing: &mut Standing, task: &TaskInfo, cell: &Cell, cases: u64) {
    if let Some(min) = task.min_quality {
        minimum(standing, task.quality_measure, cell, min, cases);
    }
    let objectives = [
        ("", task.p95_latency_ms, cell.latency_ms),
        (" TTFT", task.p95_ttft_ms, cell.ttft_ms),
        (" TPOT", task.p95_tpot_ms, cell.tpot_ms),
    ];
    for (what, slo, measured) in objectives {
        let Some(slo) = slo else { continue };
        let Some(p) = measured else {
            standing.undecided_by(
                Bar::Latency,
                format!("no p95{what} measured in this run"),
                None,
            );
            continue;
        };
        let interval = |p: &sizeup_reports::Percentiles| {
            let low = p
                .p95_low
                .map_or_else(|| "below the fastest".into(), duration_ms);
            let high = p
                .p95_high
                .map_or_else(|| "above the slowest".into(), duration_ms);
            format!("95% CI {low} to {high}")
        };
        if p.p95_high.is_some_and(|h| h <= slo) {
            continue;
        }
        if p.p95_low.is_some_and(|l| l > slo) {
            standing.missed(
                Bar::Latency,
                format!(
                    "p95{what} {} over the {} SLO, {}",
                    duration_ms(p.p95),
                    duration_ms(slo),
                    interval(&p)
                ),
            );
            continue;
        }
        // Below 72 values no p95 has an upper bound; beyond that, more
        // narrow it, by how much the spread alone does not say.
        let fewest = p
            .p95_high
            .is_none()
            .then(|| cases_for(FEWEST_FOR_A_P95, p.n, cases));
        let more = match fewest {
            Some(_) => {
                format!(": at least {FEWEST_FOR_A_P95} measured trials bound a p95 from above")
            }
            None => ": more measured trials would narrow it".into(),
        };
        standing.undecided_by(
            Bar::Latency,
            format!(
                "p95{what} {}, {}, straddles the {} SLO{more}",
                duration_ms(p.p95),
                interval(&p),
                duration_ms(slo)
            ),
            fewest,
        );
    }
    errors(standing, task.max_error_rate, cell, cases);
}

/// The cases in all that give `trials` trials, when `cases` cases gave
/// `had` of them (trials left out of a figure, cached or failed, count
/// against it).
fn cases_for(trials: u64, had: u64, cases: u64) -> u64 {
    let per_case = had as f64 / cases.max(1) as f64;
    if per_case <= 0.0 {
        return trials;
    }
    (trials as f64 / per_case).ceil() as u64
}

/// The task's minimum on its measure, decided on the measure's interval.
fn minimum(standing: &mut Standing, measure: QualityMeasure, cell: &Cell, min: f64, cases: u64) {
    let Some(i) = measure.interval(cell) else {
        return;
    };
    if i.low >= min {
        return;
    }
    // The other figure is named too: a pass rate far under a high mean says
    // the credit is partial.
    let (other, value) = match measure {
        QualityMeasure::PassRate => (QualityMeasure::Mean, cell.mean_quality),
        QualityMeasure::Mean => (QualityMeasure::PassRate, cell.pass_rate),
    };
    let aside = value.map_or_else(String::new, |v| format!(" ({} {v:.2})", other.words()));
    let measured = format!(
        "{} {:.2}, 95% CI {:.2} to {:.2}",
        measure.words(),
        i.estimate,
        i.low,
        i.high
    );
    if i.high < min {
        standing.missed(
            Bar::Minimum,
            format!("{measured}, under the minimum {min:.2}{aside}"),
        );
    } else {
        let needed = cases_to_clear(i.estimate, at_the_bar(min), min);
        standing.undecided_by(
            Bar::Minimum,
            format!(
                "{measured}, straddles the minimum {min:.2}{aside}{}",
                needs(needed, cases, "cases")
            ),
            needed,
        );
    }
}

/// The error bound, decided on the Wilson interval of the share of trials
/// measured in this run that ended in an error (the cache keeps answers
/// only, so cached trials would dilute it).
fn errors(standing: &mut Standing, bound: f64, cell: &Cell, cases: u64) {
    let measured = cell.n.saturating_sub(cell.cached);
    let Some(i) = wilson(cell.errors, measured) else {
        // Every answer came from the cache: nothing shows the rate.
        standing.undecided_by(Bar::Errors, "no trial measured in this run".into(), None);
        return;
    };
    if i.high <= bound {
        return;
    }
    let shown = format!(
        "{:.1}% of trials failed, 95% CI {:.1}% to {:.1}%",
        i.estimate * 100.0,
        i.low * 100.0,
        i.high * 100.0
    );
    if i.low > bound {
        standing.missed(
            Bar::Errors,
            format!("{shown}, over the {:.1}% bound", bound * 100.0),
        );
    } else {
        // With no error seen, the observed spread is 0 and says nothing.
        let trials = cases_to_clear(i.estimate, at_the_bar(bound), bound);
        standing.undecided_by(
            Bar::Errors,
            format!(
                "{shown}, straddles the {:.1}% bound{}",
                bound * 100.0,
                needs(trials, measured, "trials")
            ),
            trials.map(|t| cases_for(t, measured, cases)),
        );
    }
}

/// The spread that plans the cases a share or score in [0, 1] needs to
/// clear `bar`: the largest standard deviation one with that mean can have
/// (a pass or fail at that rate), so the count errs on the side of more.
fn at_the_bar(bar: f64) -> f64 {
    (bar * (1.0 - bar)).sqrt()
}

/// ": about N cases in all would decide it", or that no count does (the
/// estimate sits on the bar, or the spread is nil).
fn needs(needed: Option<u64>, have: u64, unit: &str) -> String {
    match needed {
        Some(n) if n > have => format!(
            ": about {} {unit} in all ({} more) would decide it",
            group(n),
            group(n - have)
        ),
        Some(_) => {
            format!(": the {unit} in hand should decide it at this spread, rerun with them all")
        }
        None => format!(": no number of {unit} decides it at the observed spread"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::cell::Acc;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    use sizeup_reports::TrialRecord;

    fn task(min: f64) -> TaskInfo {
        TaskInfo {
            id: "t".into(),
            description: String::new(),
            min_quality: Some(min),
            quality_measure: QualityMeasure::PassRate,
            margin: None,
            p95_latency_ms: None,
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: None,
            max_error_rate: 0.05,
            regression: Default::default(),
        }
    }

    /// A cell over `n` cases, each passing with probability `p` and failing
    /// with an error with probability `error`.
    fn cell(rng: &mut StdRng, n: usize, p: f64, error: f64) -> Cell {
        let mut acc = Acc::new();
        for case in 0..n {
            let failed = rng.random::<f64>() < error;
            let passed = !failed && rng.random::<f64>() < p;
            acc.add(&TrialRecord {
                passed,
                error_class: failed.then(|| "timeout".into()),
                ..crate::analysis::test_trial(&case.to_string(), Some(f64::from(u8::from(passed))))
            });
        }
        acc.cell("t", "m", None).0
    }

    fn standing(task: &TaskInfo, cell: &Cell) -> Standing {
        let mut s = Standing::default();
        absolute(&mut s, task, cell, cell.n);
        s
    }

    fn has(bars: &[Miss], bar: Bar) -> bool {
        bars.iter().any(|m| m.bar == bar)
    }

    #[test]
    fn the_fewest_trials_for_a_p95_are_the_order_statistics_own() {
        use crate::percentiles::quantile_ranks;
        assert!(quantile_ranks(FEWEST_FOR_A_P95, 0.95).1.is_some());
        assert!(quantile_ranks(FEWEST_FOR_A_P95 - 1, 0.95).1.is_none());
    }

    #[test]
    fn at_the_minimum_the_bar_is_rarely_declared_met() {
        let mut rng = StdRng::seed_from_u64(3);
        let task = task(0.8);
        let mut met = 0;
        for _ in 0..1_000 {
            let s = standing(&task, &cell(&mut rng, 100, 0.8, 0.0));
            met += usize::from(!has(&s.misses, Bar::Minimum) && !has(&s.open, Bar::Minimum));
        }
        assert!(met <= 50, "met in {met} of 1,000 runs");
    }

    #[test]
    fn at_the_error_bound_the_bar_is_rarely_declared_met() {
        let mut rng = StdRng::seed_from_u64(4);
        let task = task(0.0);
        let mut met = 0;
        for _ in 0..1_000 {
            let s = standing(&task, &cell(&mut rng, 300, 0.9, 0.05));
            met += usize::from(!has(&s.misses, Bar::Errors) && !has(&s.open, Bar::Errors));
        }
        assert!(met <= 50, "met in {met} of 1,000 runs");
    }

    #[test]
    fn answers_all_from_the_cache_leave_the_error_bound_open() {
        let mut rng = StdRng::seed_from_u64(6);
        let mut c = cell(&mut rng, 200, 0.97, 0.0);
        c.cached = c.n;
        let s = standing(&task(0.0), &c);
        assert!(s.undecided(), "{s:?}");
        assert_eq!(s.open[0].detail, "no trial measured in this run");
        assert_eq!(s.cases_needed(), None);
    }

    #[test]
    fn clear_results_are_decided_and_close_ones_left_open() {
        let mut rng = StdRng::seed_from_u64(5);
        let task = task(0.8);
        let clear = standing(&task, &cell(&mut rng, 200, 0.97, 0.0));
        assert!(clear.adequate(), "{clear:?}");
        let short = standing(&task, &cell(&mut rng, 200, 0.5, 0.0));
        assert!(has(&short.misses, Bar::Minimum), "{short:?}");
        // 3 cases decide nothing about a minimum of 0.8.
        let few = standing(&task, &cell(&mut rng, 3, 1.0, 0.0));
        assert!(few.undecided(), "{few:?}");
        assert!(
            few.open[0].detail.contains("straddles the minimum 0.80"),
            "{few:?}"
        );
    }
}
