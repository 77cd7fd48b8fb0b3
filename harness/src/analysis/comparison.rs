//! A run against a baseline run of the same suite: what got worse, what got
//! better, and which verdicts flipped.
//!
//! Each task × model is compared on the cases both runs have, the way the
//! verdict compares a model with its reference: the paired difference of
//! per-case quality with its 95% interval, and McNemar's test on the cases
//! that pass in one run only. A quality **regression** is a drop whose
//! interval lies wholly below zero and whose size reaches the task's
//! threshold, so that an unchanged setup rerun does not page anyone; p95
//! latency (end-to-end and to the first token), cost per request and error
//! rate regress when they rise beyond their thresholds. The same rules the
//! other way round are improvements. Pure functions over two reports with
//! their trials.

use super::cell::{Acc, CaseScores};
use super::verdict;
use sizeup_reports::format::{dollars, duration_ms, percent, plain_points, points};
use sizeup_reports::{
    Cell, Change, Finding, Flip, Metric, Outcome, QualityMeasure, ReportModel, Shift,
    SinceBaseline, Thresholds, TrialRecord, Verdict,
};
use std::collections::{BTreeMap, BTreeSet};

/// `run` against `baseline`, with the regressions of `fail_on` marked as
/// failing. Both reports must carry their trials; each task's thresholds
/// are `run`'s.
pub fn compare(baseline: &ReportModel, run: &ReportModel, fail_on: &[Metric]) -> SinceBaseline {
    let before = by_cell(&baseline.trials);
    let after = by_cell(&run.trials);
    let mut changes = Vec::new();
    let mut only_in_this_run = Vec::new();
    for (key, trials) in &after {
        let Some(earlier) = before.get(key) else {
            only_in_this_run.push(format!("{} / {}", key.0, key.1));
            continue;
        };
        let task = run.tasks.iter().find(|t| t.id == key.0);
        let thresholds = task.map(|t| t.regression).unwrap_or_default();
        changes.push(change(&key.0, &key.1, earlier, trials, &thresholds));
    }
    let only_in_baseline = before
        .keys()
        .filter(|key| !after.contains_key(*key))
        .map(|(task, model)| format!("{task} / {model}"))
        .collect();
    // Failing regressions first, then other regressions, then improvements,
    // each group in suite order.
    let rank = |c: &Change| {
        let failing = c
            .findings
            .iter()
            .any(|f| f.regression && fail_on.contains(&f.metric));
        let regressed = c.findings.iter().any(|f| f.regression);
        (!failing, !regressed, c.findings.is_empty())
    };
    changes.sort_by_key(|c| rank(c));
    SinceBaseline {
        baseline: baseline.run.clone(),
        fail_on: fail_on.to_vec(),
        changes,
        flips: flips(&baseline.verdicts, &run.verdicts),
        only_in_baseline,
        only_in_this_run,
    }
}

/// A report's trials by (task, model), in the order they first appear.
fn by_cell(trials: &[TrialRecord]) -> BTreeMap<(String, String), Vec<&TrialRecord>> {
    let mut cells: BTreeMap<(String, String), Vec<&TrialRecord>> = BTreeMap::new();
    for t in trials {
        cells
            .entry((t.task.clone(), t.model.clone()))
            .or_default()
            .push(t);
    }
    cells
}

/// One task × model on the cases both runs have.
fn change(
    task: &str,
    model: &str,
    before: &[&TrialRecord],
    after: &[&TrialRecord],
    thresholds: &Thresholds,
) -> Change {
    let cases = |trials: &[&TrialRecord]| -> BTreeSet<String> {
        trials.iter().map(|t| t.case.clone()).collect()
    };
    let (cases_before, cases_after) = (cases(before), cases(after));
    let shared: BTreeSet<&String> = cases_before.intersection(&cases_after).collect();
    let summary = |trials: &[&TrialRecord]| -> (Cell, BTreeMap<String, CaseScores>) {
        let mut acc = Acc::new();
        for t in trials.iter().filter(|t| shared.contains(&t.case)) {
            acc.add(t);
        }
        acc.cell(task, model, None)
    };
    let (old, old_cases) = summary(before);
    let (new, new_cases) = summary(after);
    // Regression thresholds are points of mean quality, whatever measure
    // the task's verdict uses, so a drop in partial credit shows too.
    let paired = verdict::compare("baseline", &new_cases, &old_cases, QualityMeasure::Mean);
    let p95 = |p: Option<sizeup_reports::Percentiles>| p.map(|p| p.p95);
    let mut c = Change {
        task: task.to_string(),
        model: model.to_string(),
        cases: shared.len() as u64,
        only_in_baseline: (cases_before.len() - shared.len()) as u64,
        only_in_this_run: (cases_after.len() - shared.len()) as u64,
        quality: paired.as_ref().map(|(p, _)| p.difference),
        now_passed: paired.as_ref().map_or(0, |(p, _)| p.only_this_passed),
        now_failed: paired.as_ref().map_or(0, |(p, _)| p.only_reference_passed),
        mcnemar_p: paired.as_ref().map_or(1.0, |(p, _)| p.mcnemar_p),
        mean_quality: shift(old.mean_quality, new.mean_quality),
        latency_p95_ms: shift(p95(old.latency_ms), p95(new.latency_ms)),
        ttft_p95_ms: shift(p95(old.ttft_ms), p95(new.ttft_ms)),
        usd_per_request: shift(old.usd_per_request, new.usd_per_request),
        error_rate: shift(old.error_rate, new.error_rate),
        findings: Vec::new(),
    };
    c.findings = findings(&c, thresholds);
    c
}

fn shift(before: Option<f64>, after: Option<f64>) -> Shift {
    Shift { before, after }
}

/// Every change of `c` beyond its threshold, regressions first.
fn findings(c: &Change, t: &Thresholds) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(d) = c.quality {
        let worse = d.high < 0.0 && -d.estimate >= t.quality;
        let better = d.low > 0.0 && d.estimate >= t.quality;
        if worse || better {
            out.push(Finding {
                metric: Metric::Quality,
                regression: worse,
                detail: format!(
                    "quality {} points (95% CI {} to {}) on {} cases; {} now fail, {} now pass (McNemar p = {})",
                    points(d.estimate),
                    points(d.low),
                    points(d.high),
                    c.cases,
                    c.now_failed,
                    c.now_passed,
                    sizeup_reports::format::p_value(c.mcnemar_p),
                ),
            });
        }
    }
    for (what, s) in [
        ("p95 latency", c.latency_p95_ms),
        ("p95 TTFT", c.ttft_p95_ms),
    ] {
        let Some((before, after)) = s.before.zip(s.after) else {
            continue;
        };
        let beyond =
            |low: f64, high: f64| high >= low * (1.0 + t.latency) && high - low >= t.latency_ms;
        if beyond(before, after) || beyond(after, before) {
            out.push(Finding {
                metric: Metric::Latency,
                regression: after > before,
                detail: format!(
                    "{what} {} → {} ({})",
                    duration_ms(before),
                    duration_ms(after),
                    relative(before, after)
                ),
            });
        }
    }
    if let Some((before, after)) = c.usd_per_request.before.zip(c.usd_per_request.after) {
        let beyond = |low: f64, high: f64| high > low * (1.0 + t.cost) && high > low;
        if beyond(before, after) || beyond(after, before) {
            out.push(Finding {
                metric: Metric::Cost,
                regression: after > before,
                detail: format!(
                    "cost per 1,000 requests {} → {} ({})",
                    dollars(before * 1000.0),
                    dollars(after * 1000.0),
                    relative(before, after)
                ),
            });
        }
    }
    if let Some((before, after)) = c.error_rate.before.zip(c.error_rate.after) {
        if (after - before).abs() >= t.error_rate && after != before {
            out.push(Finding {
                metric: Metric::Errors,
                regression: after > before,
                detail: format!(
                    "error rate {} → {} ({} points; threshold {})",
                    percent(before),
                    percent(after),
                    points(after - before),
                    plain_points(t.error_rate)
                ),
            });
        }
    }
    out.sort_by_key(|f| !f.regression);
    out
}

/// `+25%`, `−40%`, or `from 0` when there was nothing to compare with.
fn relative(before: f64, after: f64) -> String {
    if before == 0.0 {
        return "from 0".into();
    }
    let change = (after / before - 1.0) * 100.0;
    if change < 0.0 {
        format!("−{:.0}%", -change)
    } else {
        format!("+{change:.0}%")
    }
}

/// The tasks whose outcome or recommended model changed.
fn flips(before: &[Verdict], after: &[Verdict]) -> Vec<Flip> {
    after
        .iter()
        .filter_map(|now| {
            let then = before.iter().find(|v| v.task == now.task)?;
            let same = then.outcome == now.outcome && then.recommended == now.recommended;
            (!same).then(|| Flip {
                task: now.task.clone(),
                before: then.outcome,
                before_recommended: then.recommended.clone(),
                after: now.outcome,
                after_recommended: now.recommended.clone(),
                sentence: flip_sentence(then, now),
            })
        })
        .collect()
}

fn flip_sentence(then: &Verdict, now: &Verdict) -> String {
    let task = &now.task;
    match (then.outcome, now.outcome) {
        (Outcome::Cheaper, Outcome::Cheaper) => format!(
            "{task}: the recommended model changed from {} to {}.",
            named(then),
            named(now)
        ),
        (_, Outcome::Cheaper) => format!(
            "{task} no longer needs {}: {} is now adequate (before: {}).",
            now.reference,
            named(now),
            outcome_phrase(then)
        ),
        (Outcome::Cheaper, _) => format!(
            "{task} now needs more than {}, adequate in the baseline: {}.",
            named(then),
            outcome_phrase(now)
        ),
        _ => format!(
            "{task}: {} before, {} now.",
            outcome_phrase(then),
            outcome_phrase(now)
        ),
    }
}

fn outcome_phrase(v: &Verdict) -> String {
    match v.outcome {
        Outcome::Cheaper => format!("{} adequate", named(v)),
        Outcome::NeedsReference => format!("needs {}", v.reference),
        Outcome::Inconclusive => "inconclusive".into(),
        Outcome::Alone => format!("only {} ran", v.reference),
        Outcome::NoneAdequate => "no adequate model among those tested".into(),
    }
}

/// The recommended model's id, or `no model`.
fn named(v: &Verdict) -> &str {
    v.recommended.as_deref().unwrap_or("no model")
}

/// One threshold set on the command line, over every task's: `quality=0.1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setting {
    name: &'static str,
    value: f64,
}

/// The thresholds' names, and the largest value each takes.
const SETTINGS: [(&str, f64); 5] = [
    ("quality", 1.0),
    ("latency", f64::MAX),
    ("latency_ms", f64::MAX),
    ("cost", f64::MAX),
    ("error_rate", 1.0),
];

impl std::str::FromStr for Setting {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let names = || SETTINGS.map(|(n, _)| n).join(", ");
        let (name, value) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}` is not NAME=VALUE (names: {})", names()))?;
        let (name, high) = SETTINGS
            .into_iter()
            .find(|(n, _)| *n == name.trim())
            .ok_or_else(|| format!("`{name}` is not a threshold (names: {})", names()))?;
        match value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() && (0.0..=high).contains(&v) => Ok(Self { name, value: v }),
            _ => Err(format!(
                "`{value}` is not a value for {name} (a number from 0 to {})",
                if high == 1.0 { "1" } else { "any size" }
            )),
        }
    }
}

impl Setting {
    /// Sets this threshold in `t`.
    pub fn apply(self, t: &mut Thresholds) {
        let slot = match self.name {
            "quality" => &mut t.quality,
            "latency" => &mut t.latency,
            "latency_ms" => &mut t.latency_ms,
            "cost" => &mut t.cost,
            _ => &mut t.error_rate,
        };
        *slot = self.value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sizeup_reports::sample;

    /// A trial of `case`, its first token at half its latency.
    fn trial(case: usize, quality: f64, latency_ms: u64, cost: f64) -> TrialRecord {
        TrialRecord {
            ttft_us: Some(latency_ms * 500),
            latency_us: latency_ms * 1000,
            cost_usd: cost,
            ..crate::analysis::test_trial(&case.to_string(), Some(quality))
        }
    }

    /// A run of 20 cases of one task × model; `edit` changes its trials.
    fn run(id: &str, edit: impl Fn(&mut TrialRecord)) -> ReportModel {
        let mut r = sample::report();
        r.run.id = id.into();
        r.tasks.truncate(1);
        r.tasks[0].id = "t".into();
        r.tasks[0].regression = Thresholds::default();
        r.verdicts.clear();
        r.trials = (0..20)
            .map(|i| {
                let mut t = trial(i, 1.0, 400 + i as u64, 0.001);
                edit(&mut t);
                t
            })
            .collect();
        r
    }

    const DEFAULT_FAIL_ON: [Metric; 2] = [Metric::Quality, Metric::Errors];

    #[test]
    fn an_unchanged_rerun_finds_nothing() {
        let before = run("a", |_| {});
        // Latency jitter within the thresholds, as a rerun on a busy machine has.
        let after = run("b", |t| t.latency_us += 30_000);
        let s = compare(&before, &after, &DEFAULT_FAIL_ON);
        assert_eq!(s.changes.len(), 1);
        assert!(
            s.changes[0].findings.is_empty(),
            "{:?}",
            s.changes[0].findings
        );
        assert_eq!(s.changes[0].quality.unwrap().estimate, 0.0);
        assert!(s.flips.is_empty());
        assert_eq!(s.failing().count(), 0);
    }

    #[test]
    fn a_clear_quality_drop_fails_and_a_small_one_does_not() {
        let before = run("a", |_| {});
        let after = run("b", |t| {
            if t.case.parse::<usize>().unwrap() % 2 == 0 {
                t.quality = Some(0.0);
                t.passed = false;
            }
        });
        let s = compare(&before, &after, &DEFAULT_FAIL_ON);
        let c = &s.changes[0];
        assert_eq!((c.now_failed, c.now_passed), (10, 0));
        let f = &c.findings[0];
        assert_eq!((f.metric, f.regression), (Metric::Quality, true));
        assert!(f.detail.contains("−50.0 points"), "{}", f.detail);
        assert_eq!(s.failing().count(), 1);
        // One case of twenty worse: its interval reaches zero, no finding.
        let after = run("b", |t| {
            if t.case == "3" {
                t.quality = Some(0.0);
                t.passed = false;
            }
        });
        let s = compare(&before, &after, &DEFAULT_FAIL_ON);
        assert!(s.changes[0].findings.is_empty());
        // And the other way round it is an improvement.
        let s = compare(
            &run("a", |t| t.quality = Some(0.5)),
            &before,
            &DEFAULT_FAIL_ON,
        );
        assert!(!s.changes[0].findings[0].regression);
        assert_eq!(s.failing().count(), 0);
    }

    #[test]
    fn latency_must_rise_by_its_share_and_its_milliseconds() {
        let before = run("a", |t| t.latency_us /= 100); // about 4 ms
                                                        // Ten times slower, but only by some 36 ms: under the 50 ms floor.
        let after = run("b", |t| t.latency_us /= 10);
        let s = compare(&before, &after, &DEFAULT_FAIL_ON);
        assert!(s.changes[0].findings.is_empty());
        let slow = run("b", |t| t.latency_us *= 2);
        let s = compare(&run("a", |_| {}), &slow, &DEFAULT_FAIL_ON);
        let f = &s.changes[0].findings[0];
        assert_eq!((f.metric, f.regression), (Metric::Latency, true));
        // Latency is not among the default failing metrics …
        assert_eq!(s.failing().count(), 0);
        // … unless asked for.
        let s = compare(&run("a", |_| {}), &slow, &[Metric::Latency]);
        assert_eq!(s.failing().count(), 1);
    }

    #[test]
    fn cost_and_errors_regress_beyond_their_thresholds() {
        let before = run("a", |_| {});
        let dearer = run("b", |t| t.cost_usd *= 1.2);
        let s = compare(&before, &dearer, &DEFAULT_FAIL_ON);
        let f = &s.changes[0].findings[0];
        assert_eq!((f.metric, f.regression), (Metric::Cost, true));
        assert!(f.detail.contains("+20%"), "{}", f.detail);
        let cheaper_by_5 = run("b", |t| t.cost_usd *= 0.95);
        assert!(compare(&before, &cheaper_by_5, &DEFAULT_FAIL_ON).changes[0]
            .findings
            .is_empty());
        let failing = run("b", |t| {
            if t.case == "0" {
                t.error_class = Some("timeout".into());
            }
        });
        let s = compare(&before, &failing, &DEFAULT_FAIL_ON);
        let errors: Vec<&Finding> = s.changes[0]
            .findings
            .iter()
            .filter(|f| f.metric == Metric::Errors)
            .collect();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].detail.contains("0.0% → 5.0%"),
            "{}",
            errors[0].detail
        );
        assert_eq!(s.failing().count(), 1);
    }

    #[test]
    fn only_shared_cases_are_compared_and_the_rest_is_reported() {
        let before = run("a", |_| {});
        let mut after = run("b", |t| {
            t.case = format!("{}", t.case.parse::<usize>().unwrap() + 5)
        });
        after.trials.push(TrialRecord {
            model: "new".into(),
            ..trial(0, 1.0, 400, 0.001)
        });
        let s = compare(&before, &after, &DEFAULT_FAIL_ON);
        let c = s.changes.iter().find(|c| c.model == "m").unwrap();
        assert_eq!(
            (c.cases, c.only_in_baseline, c.only_in_this_run),
            (15, 5, 5)
        );
        assert_eq!(s.only_in_this_run, ["t / new"]);
        assert!(s.only_in_baseline.is_empty());
    }

    #[test]
    fn flipped_verdicts_are_named() {
        let mut before = sample::report();
        let mut after = before.clone();
        after.run.id = "other".into();
        let v = &mut after.verdicts[0];
        let was = v.outcome;
        v.outcome = Outcome::NeedsReference;
        v.recommended = Some(v.reference.clone());
        before.trials.clear();
        after.trials.clear();
        let s = compare(&before, &after, &DEFAULT_FAIL_ON);
        assert_eq!(s.flips.len(), 1);
        assert_eq!(s.flips[0].before, was);
        assert!(
            s.flips[0].sentence.contains("now needs"),
            "{}",
            s.flips[0].sentence
        );
    }

    #[test]
    fn settings_are_checked_and_applied() {
        let mut t = Thresholds::default();
        "quality=0.1".parse::<Setting>().unwrap().apply(&mut t);
        " latency_ms = 200"
            .parse::<Setting>()
            .unwrap()
            .apply(&mut t);
        assert_eq!((t.quality, t.latency_ms), (0.1, 200.0));
        for bad in ["quality", "speed=1", "quality=2", "cost=-1", "cost=inf"] {
            assert!(bad.parse::<Setting>().is_err(), "{bad}");
        }
    }
}
