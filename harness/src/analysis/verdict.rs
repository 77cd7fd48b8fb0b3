//! The verdict per task: does it need the reference (frontier) model, or is
//! a cheaper model adequate, or is no model tested adequate at all?
//!
//! A model is **adequate** when it meets every bar of the task: its paired
//! difference with the reference is non-inferior at the margin, its quality
//! reaches the task's `min`, its p95 latencies meet the objectives and its
//! error rate is within the bound. Each bar is decided on its 95% interval
//! (see `bars`): met, missed, or undecided. The reference is held
//! to the bars that do not depend on it.
//!
//! The verdict names the cheapest adequate model by cost per request. Else,
//! when a cheaper model misses no bar and leaves one undecided, or the
//! reference's own bars are undecided, it is inconclusive and says how many
//! cases would settle it. Else, when the reference meets its bars, the task
//! needs the reference. Else, when a model that is not cheaper (dearer, or
//! not priced in the run) meets the bars or may, it is inconclusive too:
//! that model is no answer to "does a cheaper one do?", but the task is not
//! without an adequate model. Else no model tested is adequate, and none is
//! recommended. Pure functions over the cells and case scores of one task.

use super::bars::{self, Standing};
use super::cell::CaseScores;
use super::statistics::{mcnemar_exact, paired_difference, tango};
use sizeup_reports::format::{dollars, duration_ms, plain_points, points};
use sizeup_reports::{
    Cell, Comparison, Miss, Outcome, QualityMeasure, TaskInfo, Verdict, DEFAULT_MARGIN,
};
use std::collections::BTreeMap;

/// One model's results on one task.
pub struct Entry<'a> {
    /// Its summary; the comparison and the bars it misses or leaves
    /// undecided are filled in here.
    pub cell: &'a mut Cell,
    /// True when the model has `role: reference`.
    pub reference_role: bool,
    /// Its trials by case.
    pub cases: &'a BTreeMap<String, CaseScores>,
}

/// Which verdict the bars make, and of which model.
enum Decision<'a> {
    /// The reference ran alone and meets its bars.
    Alone,
    /// The cheapest adequate cheaper model.
    Cheaper(&'a Candidate),
    /// Bars left open: a cheaper model's, or the reference's own (`None`).
    Open(Option<&'a Candidate>),
    /// No cheaper model is adequate; the reference meets its bars.
    NeedsReference,
    /// The reference misses a bar, and only a model that is not cheaper
    /// meets the bars or may.
    Dearer(&'a Candidate),
    /// Every model misses a bar.
    NoneAdequate,
}

/// A model other than the reference, and where it stands.
struct Candidate {
    index: usize,
    /// Its cost per request, when measured.
    cost: Option<f64>,
    standing: Standing,
}

/// Decides `task` over the models that ran it, filling each cell's
/// comparison with the reference and its bars; `None` when no model ran it.
pub fn decide(task: &TaskInfo, entries: &mut [Entry<'_>]) -> Option<Verdict> {
    let reference_by_quality = !entries.iter().any(|e| e.reference_role);
    let r = match entries.iter().position(|e| e.reference_role) {
        Some(r) => r,
        None => best_by_quality(task.quality_measure, entries)?,
    };
    let reference = entries[r].cell.model.clone();
    let reference_cost = entries[r].cell.usd_per_request;
    let margin = task.margin.unwrap_or(DEFAULT_MARGIN);
    let (own, candidates) = stand(task, margin, r, entries);
    let unpriced: Vec<String> = candidates
        .iter()
        .filter(|c| c.cost.is_none() || reference_cost.is_none())
        .map(|c| entries[c.index].cell.model.clone())
        .collect();
    let mut cheaper: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.cost.zip(reference_cost).is_some_and(|(c, r)| c < r))
        .collect();
    cheaper.sort_by(|a, b| a.cost.unwrap_or(0.0).total_cmp(&b.cost.unwrap_or(0.0)));

    let chosen = cheaper.iter().find(|c| c.standing.adequate());
    let open = cheaper.iter().find(|c| c.standing.undecided());
    let decision = match (chosen, open) {
        _ if candidates.is_empty() && own.adequate() => Decision::Alone,
        _ if candidates.is_empty() && own.undecided() => Decision::Open(None),
        _ if candidates.is_empty() => Decision::NoneAdequate,
        (Some(c), _) => Decision::Cheaper(c),
        (None, Some(c)) => Decision::Open(Some(c)),
        (None, None) if own.adequate() => Decision::NeedsReference,
        (None, None) if own.undecided() => Decision::Open(None),
        // A dearer (or unpriced) model is no answer to "does a cheaper one
        // do?", but while one may meet every bar, the task is not without
        // an adequate model.
        (None, None) => {
            dearer(&candidates, &cheaper).map_or(Decision::NoneAdequate, Decision::Dearer)
        }
    };
    let outcome = match decision {
        Decision::Alone => Outcome::Alone,
        Decision::Cheaper(_) => Outcome::Cheaper,
        Decision::Open(_) | Decision::Dearer(_) => Outcome::Inconclusive,
        Decision::NeedsReference => Outcome::NeedsReference,
        Decision::NoneAdequate => Outcome::NoneAdequate,
    };
    let recommended = match decision {
        Decision::Alone | Decision::NeedsReference => Some(r),
        Decision::Cheaper(c) => Some(c.index),
        Decision::Open(Some(_)) => own.adequate().then_some(r),
        Decision::Open(None) | Decision::Dearer(_) | Decision::NoneAdequate => None,
    };
    // The model more cases would decide, named only while it leaves a bar open.
    let undecided = match decision {
        Decision::Open(Some(c)) => Some((c.index, &c.standing)),
        Decision::Open(None) => Some((r, &own)),
        Decision::Dearer(c) if c.standing.undecided() => Some((c.index, &c.standing)),
        _ => None,
    };
    // Both a cheaper model's bars and the reference's own are open: more
    // cases must decide both.
    let both_open = matches!(decision, Decision::Open(Some(_))) && own.undecided();
    let mut sentence = match decision {
        Decision::Alone => format!(
            "{}: only {reference} ran this task; there is nothing to compare it with.",
            task.id
        ),
        Decision::Cheaper(c) => {
            cheaper_sentence(task, margin, entries[c.index].cell, entries[r].cell)
        }
        Decision::Dearer(c) => {
            dearer_sentence(task, entries[c.index].cell, &c.standing, &reference, &own)
        }
        Decision::Open(c) => open_sentence(task, entries, c, (r, &own), both_open, &cheaper),
        Decision::NeedsReference => needs_sentence(task, &reference, &cheaper, entries),
        Decision::NoneAdequate => none_sentence(task, r, &own, &candidates, entries),
    };
    if !unpriced.is_empty() && outcome != Outcome::Cheaper {
        sentence.push_str(&format!(
            " Not compared on cost: {} (no trial measured in this run: cached answers carry no cost).",
            unpriced.join(", ")
        ));
    }
    if !own.misses.is_empty() && matches!(decision, Decision::Open(_)) {
        sentence.push_str(&format!(
            " {reference} itself misses {}.",
            listed(&own.misses)
        ));
    }
    Some(Verdict {
        task: task.id.clone(),
        outcome,
        reference_by_quality,
        recommended: recommended.map(|i| entries[i].cell.model.clone()),
        undecided: undecided.map(|(i, _)| entries[i].cell.model.clone()),
        sentence,
        reference_monthly_usd: entries[r].cell.monthly_usd,
        recommended_monthly_usd: recommended.and_then(|i| entries[i].cell.monthly_usd),
        cases_needed: match undecided {
            Some((_, s)) if both_open => s
                .cases_needed()
                .zip(own.cases_needed())
                .map(|(a, b)| a.max(b)),
            Some((_, s)) => s.cases_needed(),
            None => None,
        },
        reference,
    })
}

/// Where the reference (at `r`) stands on its own bars, and every other
/// model on all of them; fills each cell with its comparison and bars.
fn stand(
    task: &TaskInfo,
    margin: f64,
    r: usize,
    entries: &mut [Entry<'_>],
) -> (Standing, Vec<Candidate>) {
    let reference = entries[r].cell.model.clone();
    let mut own = Standing::default();
    bars::absolute(
        &mut own,
        task,
        entries[r].cell,
        entries[r].cases.len() as u64,
    );
    fill(entries[r].cell, &own);
    let reference_cases = entries[r].cases;
    let mut candidates = Vec::new();
    for (i, e) in entries.iter_mut().enumerate() {
        if i == r {
            continue;
        }
        let compared = compare(&reference, e.cases, reference_cases, task.quality_measure);
        let mut standing = Standing::default();
        bars::quality(&mut standing, task, margin, compared.as_ref());
        bars::absolute(&mut standing, task, e.cell, e.cases.len() as u64);
        e.cell.vs_reference = compared.map(|(c, _)| c);
        fill(e.cell, &standing);
        candidates.push(Candidate {
            index: i,
            cost: e.cell.usd_per_request,
            standing,
        });
    }
    (own, candidates)
}

/// An inconclusive verdict's sentence: the undecided model's open bars,
/// the reference's too when they are open beside a cheaper model's, and,
/// when it is the reference that is undecided, what the cheaper models miss.
fn open_sentence(
    task: &TaskInfo,
    entries: &[Entry<'_>],
    open: Option<&Candidate>,
    (r, own): (usize, &Standing),
    both_open: bool,
    cheaper: &[&Candidate],
) -> String {
    let Some(c) = open else {
        // Undecided at the reference: what the cheaper models miss still stands.
        let mut s = inconclusive_sentence(task, entries[r].cell, true, own);
        let missing: Vec<String> = cheaper
            .iter()
            .filter(|c| !c.standing.misses.is_empty())
            .map(|c| {
                let cell = &entries[c.index].cell;
                format!("{} misses {}", cell.model, listed(&c.standing.misses))
            })
            .collect();
        if !missing.is_empty() {
            s.push_str(&format!(" {}.", missing.join("; ")));
        }
        return s;
    };
    let mut s = inconclusive_sentence(task, entries[c.index].cell, false, &c.standing);
    if both_open {
        s.push_str(&format!(
            " {}, the reference, leaves its own bars undecided too: {}.",
            entries[r].cell.model,
            listed(&own.open)
        ));
    }
    s
}

/// The model, not cheaper than the reference (dearer, or unpriced), that
/// meets the bars, else one that may: the cheapest such (unpriced last).
fn dearer<'a>(candidates: &'a [Candidate], cheaper: &[&Candidate]) -> Option<&'a Candidate> {
    let cost = |c: &Candidate| c.cost.unwrap_or(f64::INFINITY);
    candidates
        .iter()
        .filter(|c| !cheaper.iter().any(|k| k.index == c.index))
        .filter(|c| c.standing.adequate() || c.standing.undecided())
        .min_by(|a, b| {
            b.standing
                .adequate()
                .cmp(&a.standing.adequate())
                .then(cost(a).total_cmp(&cost(b)))
        })
}

/// Writes what `standing` says into the model's cell.
fn fill(cell: &mut Cell, standing: &Standing) {
    cell.misses = Some(standing.misses.clone());
    cell.undecided = Some(standing.open.clone());
}

/// Bars in words: `minimum (pass rate 0.40 …), latency (…)`.
fn listed(bars: &[Miss]) -> String {
    let what: Vec<String> = bars
        .iter()
        .map(|m| format!("{} ({})", m.bar, m.detail))
        .collect();
    what.join(", ")
}

/// The model with the best quality on `measure` (the first on a tie).
fn best_by_quality(measure: QualityMeasure, entries: &[Entry<'_>]) -> Option<usize> {
    let quality = |e: &Entry<'_>| measure.of(e.cell).unwrap_or(f64::NEG_INFINITY);
    (0..entries.len()).reduce(|best, i| {
        if quality(&entries[i]) > quality(&entries[best]) {
            i
        } else {
            best
        }
    })
}

/// The paired comparison on `measure` on the cases both models have, and
/// the spread that plans the cases it still needs.
pub(super) fn compare(
    reference: &str,
    cases: &BTreeMap<String, CaseScores>,
    reference_cases: &BTreeMap<String, CaseScores>,
    measure: QualityMeasure,
) -> Option<(Comparison, Spread)> {
    let value = |c: &CaseScores| match measure {
        QualityMeasure::PassRate => c.pass_share(),
        QualityMeasure::Mean => c.mean(),
    };
    let mut pairs = Vec::new();
    let (mut only_this, mut only_reference) = (0, 0);
    // One pass or fail a case on each side, so far.
    let mut binary = measure == QualityMeasure::PassRate;
    for (id, c) in cases {
        let Some(rc) = reference_cases.get(id) else {
            continue;
        };
        pairs.push((value(c), value(rc)));
        binary &= c.qualities.len() == 1 && rc.qualities.len() == 1;
        match (c.passed(), rc.passed()) {
            (true, false) => only_this += 1,
            (false, true) => only_reference += 1,
            _ => {}
        }
    }
    let paired = paired_difference(&pairs)?;
    // Pass or fail on both sides: the paired proportions' own score
    // interval, which holds its level with few discordant cases.
    let (difference, spread) = match binary {
        true => (
            tango(only_this, only_reference, paired.cases).unwrap_or(paired.difference),
            Spread::PassFail,
        ),
        false => (paired.difference, Spread::Observed(paired.sd)),
    };
    Some((
        Comparison {
            reference: reference.to_string(),
            cases: paired.cases,
            difference,
            only_this_passed: only_this,
            only_reference_passed: only_reference,
            mcnemar_p: mcnemar_exact(only_this, only_reference),
        },
        spread,
    ))
}

/// The spread of a comparison's per-case differences that plans the cases
/// still needed.
#[derive(Debug, Clone, Copy)]
pub(super) enum Spread {
    /// The observed standard deviation of the differences.
    Observed(f64),
    /// One pass or fail a case on each side: the spread the score interval
    /// assumes at the bar, which is not nil when no case was discordant.
    PassFail,
}

fn cheaper_sentence(task: &TaskInfo, margin: f64, chosen: &Cell, reference: &Cell) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &chosen.vs_reference {
        parts.push(format!(
            "{} is within {} points of {} (95% CI {} to {})",
            chosen.model,
            plain_points(margin),
            task.quality_measure.words(),
            points(c.difference.low),
            points(c.difference.high)
        ));
    }
    if let (Some(slo), Some(l)) = (task.p95_latency_ms, chosen.latency_ms) {
        parts.push(format!(
            "p95 {} under the {} SLO",
            duration_ms(l.p95),
            duration_ms(slo)
        ));
    }
    let money = match (chosen.monthly_usd, reference.monthly_usd) {
        (Some(ours), Some(theirs)) => format!(
            "{}/month instead of {} — saves {} a year",
            dollars(ours),
            dollars(theirs),
            dollars((theirs - ours) * 12.0)
        ),
        _ => format!(
            "{} per 1,000 requests instead of {}",
            dollars(chosen.usd_per_request.unwrap_or(0.0) * 1000.0),
            dollars(reference.usd_per_request.unwrap_or(0.0) * 1000.0)
        ),
    };
    parts.push(money);
    format!(
        "{}: does not need {}. {}.",
        task.id,
        reference.model,
        parts.join(", ")
    )
}

fn inconclusive_sentence(
    task: &TaskInfo,
    cell: &Cell,
    reference: bool,
    standing: &Standing,
) -> String {
    let whose = if reference {
        format!(
            "{}, the reference, leaves its own bars undecided:",
            cell.model
        )
    } else {
        format!("{} misses no bar but leaves undecided", cell.model)
    };
    format!(
        "{}: inconclusive. {whose} {}.",
        task.id,
        listed(&standing.open)
    )
}

fn needs_sentence(
    task: &TaskInfo,
    reference: &str,
    cheaper: &[&Candidate],
    entries: &[Entry<'_>],
) -> String {
    if cheaper.is_empty() {
        return format!(
            "{}: needs {reference}: no model that ran it is cheaper.",
            task.id
        );
    }
    let reasons: Vec<String> = cheaper
        .iter()
        .map(|c| {
            format!(
                "{} misses {}",
                entries[c.index].cell.model,
                listed(&c.standing.misses)
            )
        })
        .collect();
    format!("{}: needs {reference}. {}.", task.id, reasons.join("; "))
}

/// The reference misses one of its own bars and no cheaper model is
/// adequate, but a dearer (or unpriced) one may be.
fn dearer_sentence(
    task: &TaskInfo,
    cell: &Cell,
    standing: &Standing,
    reference: &str,
    own: &Standing,
) -> String {
    let state = if standing.adequate() {
        "meets every bar"
    } else {
        "misses no bar and leaves one undecided"
    };
    format!(
        "{}: inconclusive. {reference}, the reference, misses {}; {} {state} but is not cheaper (or was not priced in this run): make it the reference to hold the others to it.",
        task.id,
        listed(&own.misses),
        cell.model
    )
}

/// No model tested is adequate: the best on the task's measure first, with
/// what it misses, then the others, then what to try.
fn none_sentence(
    task: &TaskInfo,
    r: usize,
    own: &Standing,
    candidates: &[Candidate],
    entries: &[Entry<'_>],
) -> String {
    let mut all: Vec<(usize, &Standing)> = vec![(r, own)];
    all.extend(candidates.iter().map(|c| (c.index, &c.standing)));
    let quality = |i: usize| {
        task.quality_measure
            .of(entries[i].cell)
            .unwrap_or(f64::NEG_INFINITY)
    };
    all.sort_by(|a, b| quality(b.0).total_cmp(&quality(a.0)));
    let reasons: Vec<String> = all
        .iter()
        .map(|(i, s)| format!("{} misses {}", entries[*i].cell.model, listed(&s.misses)))
        .collect();
    format!(
        "{}: no adequate model among those tested; none is recommended. {}. Try a stronger model, more cases, or a looser bar.",
        task.id,
        reasons.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::cell::Acc;
    use sizeup_reports::{Bar, TrialRecord};

    /// Bernoulli draws from a fixed stream (splitmix64), so tests repeat.
    struct Draws(u64);

    impl Draws {
        fn next(&mut self) -> f64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) as f64 / u64::MAX as f64
        }
    }

    fn task(margin: f64) -> TaskInfo {
        TaskInfo {
            id: "triage".into(),
            description: String::new(),
            min_quality: Some(0.5),
            quality_measure: QualityMeasure::Mean,
            margin: Some(margin),
            p95_latency_ms: Some(3000.0),
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: Some(100_000),
            max_error_rate: 0.02,
            regression: Default::default(),
        }
    }

    /// A model's cell over `n` cases, each right with probability `p`,
    /// every trial costing `usd` and taking `latency_ms`.
    fn model(
        id: &str,
        n: usize,
        p: f64,
        usd: f64,
        latency_ms: u64,
        draws: &mut Draws,
    ) -> (Cell, BTreeMap<String, CaseScores>) {
        scored(id, n, usd, latency_ms, |_| {
            let right = draws.next() < p;
            (if right { 1.0 } else { 0.0 }, right)
        })
    }

    /// A model's cell over `n` cases, case `i` scoring `score(i)` (quality,
    /// passed).
    fn scored(
        id: &str,
        n: usize,
        usd: f64,
        latency_ms: u64,
        mut score: impl FnMut(usize) -> (f64, bool),
    ) -> (Cell, BTreeMap<String, CaseScores>) {
        let mut acc = Acc::new();
        for case in 0..n {
            let (quality, passed) = score(case);
            acc.add(&TrialRecord {
                task: "triage".into(),
                model: id.into(),
                passed,
                ttft_us: None,
                latency_us: latency_ms * 1000,
                cost_usd: usd,
                ..crate::analysis::test_trial(&case.to_string(), Some(quality))
            });
        }
        acc.cell("triage", id, Some(100_000))
    }

    /// Decides the task over `models`, the one at `reference` having the role.
    fn decide_all(
        models: &mut [(Cell, BTreeMap<String, CaseScores>)],
        reference: Option<usize>,
    ) -> Verdict {
        decide_task(&task(0.05), models, reference)
    }

    /// Decides `task` over `models`, the one at `reference` having the role.
    fn decide_task(
        task: &TaskInfo,
        models: &mut [(Cell, BTreeMap<String, CaseScores>)],
        reference: Option<usize>,
    ) -> Verdict {
        let mut entries: Vec<Entry<'_>> = models
            .iter_mut()
            .enumerate()
            .map(|(i, (cell, cases))| Entry {
                cell,
                reference_role: Some(i) == reference,
                cases,
            })
            .collect();
        decide(task, &mut entries).unwrap()
    }

    /// Decides a task with a reference at 0.98 and two cheaper models.
    fn three(n: usize, cheaper: f64, cheapest: f64) -> (Verdict, Vec<Cell>) {
        let mut draws = Draws(7);
        let mut models = [
            model("frontier", n, 0.98, 0.002, 900, &mut draws),
            model("small", n, cheaper, 0.0004, 700, &mut draws),
            model("tiny", n, cheapest, 0.0001, 300, &mut draws),
        ];
        let verdict = decide_all(&mut models, Some(0));
        (verdict, models.into_iter().map(|(c, _)| c).collect())
    }

    #[test]
    fn the_cheapest_adequate_model_is_named_with_the_money() {
        let (v, cells) = three(400, 0.97, 0.60);
        assert_eq!(v.outcome, Outcome::Cheaper, "{}", v.sentence);
        assert_eq!(v.recommended.as_deref(), Some("small"));
        assert_eq!(v.reference, "frontier");
        assert!(!v.reference_by_quality);
        // $0.0004 × 100,000 = $40 a month instead of $200.
        assert!((v.recommended_monthly_usd.unwrap() - 40.0).abs() < 1e-9);
        assert!((v.reference_monthly_usd.unwrap() - 200.0).abs() < 1e-9);
        assert!(
            v.sentence
                .starts_with("triage: does not need frontier. small is within 5 points"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence.contains("p95 700 ms under the 3 s SLO"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence
                .ends_with("$40/month instead of $200 — saves $1,920 a year."),
            "{}",
            v.sentence
        );
        // The cheapest misses quality by far; the chosen one misses nothing.
        let tiny = cells[2].misses.as_ref().unwrap();
        assert_eq!(tiny[0].bar, Bar::Quality);
        assert!(
            tiny[0].detail.contains("beyond the 5-point margin"),
            "{tiny:?}"
        );
        assert_eq!(cells[1].misses.as_deref(), Some(&[][..]));
        let c = cells[1].vs_reference.as_ref().unwrap();
        assert_eq!(c.cases, 400);
        assert!(c.difference.low > -0.05 && c.difference.low < c.difference.estimate);
        assert!(cells[0].vs_reference.is_none());
        assert_eq!(cells[0].misses.as_deref(), Some(&[][..]));
    }

    #[test]
    fn a_task_whose_cheaper_models_fall_short_needs_the_reference() {
        let (v, _) = three(400, 0.85, 0.60);
        assert_eq!(v.outcome, Outcome::NeedsReference, "{}", v.sentence);
        assert_eq!(v.recommended.as_deref(), Some("frontier"));
        // Cheapest first, each with the bar it misses and by how much.
        assert!(
            v.sentence
                .starts_with("triage: needs frontier. tiny misses quality (−"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence.contains("; small misses quality (−1"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence.contains("points of mean quality, 95% CI −"),
            "{}",
            v.sentence
        );
        assert_eq!(v.cases_needed, None);
    }

    #[test]
    fn few_cases_leave_it_open_and_say_how_many_would_decide() {
        let (v, cells) = three(20, 0.95, 0.60);
        assert_eq!(v.outcome, Outcome::Inconclusive, "{}", v.sentence);
        assert_eq!(v.undecided.as_deref(), Some("small"));
        // The reference meets its bars but a p95 over 20 trials has no
        // upper bound, so nothing can be recommended yet.
        assert_eq!(v.recommended, None);
        let needed = v.cases_needed.expect("a case count");
        assert!(
            v.sentence
                .contains("inconclusive. small misses no bar but leaves undecided quality ("),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence.contains("more) would decide it"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence.contains(
                "latency (p95 700 ms, 95% CI 700 ms to above the slowest, straddles the 3 s SLO: at least 72 measured trials bound a p95 from above)"
            ),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence
                .contains("frontier, the reference, leaves its own bars undecided too: latency"),
            "{}",
            v.sentence
        );
        // Quality, latency, and no error in 20 trials, which cannot show a
        // rate under 2% either: the most any bar needs is the count.
        let open = cells[1].undecided.as_ref().unwrap();
        let bars: Vec<Bar> = open.iter().map(|m| m.bar).collect();
        assert_eq!(bars, [Bar::Quality, Bar::Latency, Bar::Errors], "{open:?}");
        assert_eq!(needed, 385);
        assert_eq!(cells[1].misses.as_deref(), Some(&[][..]));
    }

    #[test]
    fn an_undecided_comparison_is_inconclusive_and_a_true_shortfall_is_rarely_passed() {
        // A small model exactly at the margin (0.93 against 0.98, 5 points)
        // over 400 cases, 1,000 seeded runs, on pass rates.
        let task = TaskInfo {
            quality_measure: QualityMeasure::PassRate,
            ..task(0.05)
        };
        let (mut passed, mut open) = (0, 0);
        for seed in 0..1_000 {
            let mut draws = Draws(seed);
            let mut models = [
                model("frontier", 400, 0.98, 0.002, 900, &mut draws),
                model("small", 400, 0.93, 0.0004, 700, &mut draws),
            ];
            let v = decide_task(&task, &mut models, Some(0));
            let d = models[1].0.vs_reference.as_ref().unwrap().difference;
            if d.low <= -0.05 && d.high > -0.05 {
                open += 1;
                assert_eq!(v.outcome, Outcome::Inconclusive, "{}", v.sentence);
                // Only an estimate exactly on the margin has no count.
                assert!(
                    v.cases_needed.is_some() || (d.estimate + 0.05).abs() < 1e-12,
                    "{}",
                    v.sentence
                );
            }
            passed += usize::from(v.outcome == Outcome::Cheaper);
        }
        assert!(open > 500, "{open} of 1,000 straddled");
        // 2.5% plus two standard errors of a rate over 1,000 runs.
        assert!(
            passed <= 35,
            "declared non-inferior in {passed} of 1,000 runs"
        );
    }

    #[test]
    fn two_models_that_never_disagree_still_plan_a_count() {
        // 40 cases both models pass: no discordant case, yet a 5-point
        // margin needs more cases than these to be shown.
        let task = TaskInfo {
            quality_measure: QualityMeasure::PassRate,
            max_error_rate: 0.1,
            p95_latency_ms: None,
            ..task(0.05)
        };
        let right = |_| (1.0, true);
        let mut models = [
            scored("frontier", 40, 0.002, 900, right),
            scored("small", 40, 0.0001, 300, right),
        ];
        let v = decide_task(&task, &mut models, Some(0));
        assert_eq!(v.outcome, Outcome::Inconclusive, "{}", v.sentence);
        let needed = v.cases_needed.expect("a count");
        assert!((100..1_000).contains(&needed), "{needed}: {}", v.sentence);
    }

    #[test]
    fn a_dearer_model_that_meets_the_bars_is_not_called_none_adequate() {
        let mut draws = Draws(9);
        let mut models = [
            model("frontier", 200, 0.98, 0.002, 3500, &mut draws),
            model("dearer", 200, 0.98, 0.004, 500, &mut draws),
        ];
        let v = decide_all(&mut models, Some(0));
        assert_eq!(v.outcome, Outcome::Inconclusive, "{}", v.sentence);
        assert_eq!(v.recommended, None);
        assert!(
            v.sentence.contains(
                "dearer meets every bar but is not cheaper (or was not priced in this run)"
            ),
            "{}",
            v.sentence
        );
    }

    #[test]
    fn latency_and_errors_are_bars_too() {
        let mut draws = Draws(11);
        let mut models = [
            model("frontier", 200, 0.98, 0.002, 900, &mut draws),
            model("slow", 200, 0.98, 0.0004, 4500, &mut draws),
        ];
        // 10 failed trials of 200: 5.0%, whose interval lies over 2%.
        models[1].0.errors = 10;
        let v = decide_all(&mut models, Some(0));
        assert_eq!(v.outcome, Outcome::NeedsReference, "{}", v.sentence);
        assert!(
            v.sentence
                .contains("latency (p95 4.5 s over the 3 s SLO, 95% CI 4.5 s to 4.5 s)"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence.contains(
                "errors (5.0% of trials failed, 95% CI 2.7% to 9.0%, over the 2.0% bound)"
            ),
            "{}",
            v.sentence
        );
    }

    #[test]
    fn a_reference_that_misses_its_own_bar_is_not_recommended() {
        let mut draws = Draws(5);
        let mut models = [
            model("frontier", 200, 0.98, 0.002, 3500, &mut draws),
            model("small", 200, 0.60, 0.0004, 500, &mut draws),
        ];
        let v = decide_all(&mut models, Some(0));
        assert_eq!(v.outcome, Outcome::NoneAdequate, "{}", v.sentence);
        assert_eq!(
            (v.recommended.as_deref(), v.recommended_monthly_usd),
            (None, None)
        );
        assert!(
            v.sentence.starts_with(
                "triage: no adequate model among those tested; none is recommended. \
                 frontier misses latency (p95 3.5 s over the 3 s SLO, 95% CI 3.5 s to 3.5 s); \
                 small misses quality ("
            ),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence
                .ends_with("Try a stronger model, more cases, or a looser bar."),
            "{}",
            v.sentence
        );
        assert_eq!(models[0].0.misses.as_ref().unwrap()[0].bar, Bar::Latency);

        // A cheaper model that meets every bar is adequate all the same.
        let mut models = [
            model("frontier", 200, 0.98, 0.002, 3500, &mut draws),
            model("small", 200, 0.98, 0.0004, 500, &mut draws),
        ];
        let v = decide_all(&mut models, Some(0));
        assert_eq!(v.outcome, Outcome::Cheaper, "{}", v.sentence);
    }

    #[test]
    fn without_a_reference_role_the_best_model_is_the_reference() {
        let mut draws = Draws(3);
        let mut models = [
            model("a", 300, 0.70, 0.0001, 100, &mut draws),
            model("b", 300, 0.95, 0.002, 100, &mut draws),
        ];
        let v = decide_all(&mut models, None);
        assert_eq!(v.reference, "b");
        assert!(v.reference_by_quality);
        assert_eq!(v.outcome, Outcome::NeedsReference);
    }

    /// Partial credit on every case, no case right: 0.7 mean quality, pass
    /// rate 0.
    fn partial(id: &str, usd: f64) -> (Cell, BTreeMap<String, CaseScores>) {
        scored(id, 100, usd, 300, |_| (0.7, false))
    }

    /// A reference that gets every case right.
    fn perfect(id: &str) -> (Cell, BTreeMap<String, CaseScores>) {
        scored(id, 100, 0.002, 900, |_| (1.0, true))
    }

    fn bar(min: f64, measure: QualityMeasure) -> TaskInfo {
        TaskInfo {
            min_quality: Some(min),
            quality_measure: measure,
            margin: Some(0.35),
            // 0 errors in 100 trials bound the rate under 3.7%.
            max_error_rate: 0.05,
            ..task(0.35)
        }
    }

    #[test]
    fn partial_credit_without_a_right_answer_misses_a_pass_rate_bar() {
        let mut models = [partial("small", 0.0004)];
        let v = decide_task(&bar(0.6, QualityMeasure::PassRate), &mut models, None);
        let misses = models[0].0.misses.as_ref().unwrap();
        assert_eq!(misses.len(), 1, "{misses:?}");
        assert_eq!(misses[0].bar, Bar::Minimum);
        assert_eq!(
            misses[0].detail,
            "pass rate 0.00, 95% CI 0.00 to 0.04, under the minimum 0.60 (mean quality 0.70)"
        );
        // The only model misses a bar: there is nothing to recommend.
        assert_eq!(v.outcome, Outcome::NoneAdequate, "{}", v.sentence);
        assert!(
            v.sentence
                .contains("small misses minimum (pass rate 0.00, 95% CI"),
            "{}",
            v.sentence
        );
        // The same answers clear the same bar on mean quality.
        let mut models = [partial("small", 0.0004)];
        decide_task(&bar(0.6, QualityMeasure::Mean), &mut models, None);
        assert_eq!(models[0].0.misses.as_deref(), Some(&[][..]));
    }

    #[test]
    fn the_paired_difference_is_taken_on_the_tasks_measure() {
        // 0.7 against 1.0 on every case: 30 points of mean quality, inside
        // a 35-point margin, but 100 points of pass rate.
        let mut models = [perfect("frontier"), partial("small", 0.0004)];
        let v = decide_task(&bar(0.0, QualityMeasure::Mean), &mut models, Some(0));
        assert_eq!(v.outcome, Outcome::Cheaper, "{}", v.sentence);
        assert!(
            v.sentence
                .contains("small is within 35 points of mean quality (95% CI −30.0 to −30.0)"),
            "{}",
            v.sentence
        );
        let d = models[1].0.vs_reference.as_ref().unwrap().difference;
        assert!((d.estimate + 0.3).abs() < 1e-9, "{d:?}");

        let mut models = [perfect("frontier"), partial("small", 0.0004)];
        let v = decide_task(&bar(0.0, QualityMeasure::PassRate), &mut models, Some(0));
        assert_eq!(v.outcome, Outcome::NeedsReference, "{}", v.sentence);
        // One pass or fail a case: Tango's interval, which leaves room
        // above −100 points even when every case went one way.
        assert!(
            v.sentence.contains(
                "small misses quality (−100.0 points of pass rate, 95% CI −100.0 to −92.6, beyond the 35-point margin)"
            ),
            "{}",
            v.sentence
        );
        let c = models[1].0.vs_reference.as_ref().unwrap();
        assert!((c.difference.estimate + 1.0).abs() < 1e-9, "{c:?}");
        assert_eq!(c.only_reference_passed, 100);
    }

    #[test]
    fn without_a_reference_role_the_best_on_the_measure_is_the_reference() {
        // "partial" has the higher mean, "half" the higher pass rate.
        let mut models = [
            partial("partial", 0.0004),
            scored("half", 100, 0.0004, 300, |i| {
                if i % 2 == 0 {
                    (1.0, true)
                } else {
                    (0.0, false)
                }
            }),
        ];
        let v = decide_task(&bar(0.0, QualityMeasure::PassRate), &mut models, None);
        assert_eq!(v.reference, "half");
        let v = decide_task(&bar(0.0, QualityMeasure::Mean), &mut models, None);
        assert_eq!(v.reference, "partial");
    }
}
