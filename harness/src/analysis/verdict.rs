//! The verdict per task: does it need the reference (frontier) model, or is
//! a cheaper model adequate?
//!
//! A model is **adequate** when the 95% interval of its paired difference
//! with the reference lies above −margin (non-inferiority), its quality
//! reaches the task's `min`, its p95 latency meets the SLO and its error
//! rate is at most the task's bound. Quality is the task's measure: the
//! pass rate, or the mean quality with partial credit; the sentences name
//! it. The verdict names the cheapest
//! adequate model by cost per request. Else, when a cheaper model meets
//! every other bar and its interval straddles −margin, the question is
//! open and the verdict says how many cases would settle it. Else the task
//! needs the reference. Pure functions over the cells and case scores of
//! one task.

use super::cell::CaseScores;
use super::statistics::{cases_to_decide, mcnemar_exact, paired_difference};
use sizeup_reports::format::{dollars, duration_ms, group, plain_points, points};
use sizeup_reports::{
    Bar, Cell, Comparison, Miss, Outcome, QualityMeasure, TaskInfo, Verdict, DEFAULT_MARGIN,
};
use std::collections::BTreeMap;

/// One model's results on one task.
pub struct Entry<'a> {
    /// Its summary; the comparison and misses are filled in here.
    pub cell: &'a mut Cell,
    /// True when the model has `role: reference`.
    pub reference_role: bool,
    /// Its trials by case.
    pub cases: &'a BTreeMap<String, CaseScores>,
}

/// A model cheaper than the reference, and where it stands.
struct Cheaper {
    index: usize,
    cost: f64,
    misses: Vec<Miss>,
    /// Cases that would decide its non-inferiority, when its interval
    /// straddles −margin.
    open: Option<u64>,
}

/// Decides `task` over the models that ran it, filling each cell's
/// comparison with the reference and the bars it misses; `None` when no
/// model ran it.
pub fn decide(task: &TaskInfo, entries: &mut [Entry<'_>]) -> Option<Verdict> {
    let reference_by_quality = !entries.iter().any(|e| e.reference_role);
    let r = match entries.iter().position(|e| e.reference_role) {
        Some(r) => r,
        None => best_by_quality(task.quality_measure, entries)?,
    };
    let reference = entries[r].cell.model.clone();
    let reference_misses = absolute_bars(task, entries[r].cell);
    entries[r].cell.misses = Some(reference_misses.clone());
    let reference_cases = entries[r].cases;
    let reference_cost = entries[r].cell.usd_per_request;
    let margin = task.margin.unwrap_or(DEFAULT_MARGIN);

    let mut cheaper = Vec::new();
    let mut unpriced = Vec::new();
    for (i, e) in entries.iter_mut().enumerate() {
        if i == r {
            continue;
        }
        let compared = compare(&reference, e.cases, reference_cases, task.quality_measure);
        let (misses, open) = bars(task, margin, e.cell, compared.as_ref());
        e.cell.vs_reference = compared.map(|(c, _)| c);
        e.cell.misses = Some(misses.clone());
        if e.cell.usd_per_request.is_none() || reference_cost.is_none() {
            unpriced.push(e.cell.model.clone());
        }
        if let (Some(cost), Some(reference_cost)) = (e.cell.usd_per_request, reference_cost) {
            if cost < reference_cost {
                cheaper.push(Cheaper {
                    index: i,
                    cost,
                    misses,
                    open,
                });
            }
        }
    }
    cheaper.sort_by(|a, b| a.cost.total_cmp(&b.cost));

    let chosen = cheaper.iter().find(|c| c.misses.is_empty());
    let undecided = cheaper
        .iter()
        .find(|c| c.open.is_some() && c.misses.iter().all(|m| m.bar == Bar::Quality));
    let (outcome, recommended) = match (chosen, undecided) {
        _ if entries.len() == 1 => (Outcome::Alone, r),
        (Some(c), _) => (Outcome::Cheaper, c.index),
        (None, Some(_)) => (Outcome::Inconclusive, r),
        (None, None) => (Outcome::NeedsReference, r),
    };
    let mut sentence = match (outcome, undecided) {
        (Outcome::Alone, _) => format!(
            "{}: only {reference} ran this task; there is nothing to compare it with.",
            task.id
        ),
        (Outcome::Cheaper, _) => {
            cheaper_sentence(task, margin, entries[recommended].cell, entries[r].cell)
        }
        (Outcome::Inconclusive, Some(c)) => {
            inconclusive_sentence(task, margin, entries[c.index].cell, c.open)
        }
        _ => needs_sentence(task, &reference, &cheaper, entries),
    };
    if !unpriced.is_empty() && outcome != Outcome::Cheaper {
        sentence.push_str(&format!(
            " Not compared on cost: {} (no trial measured in this run: cached answers carry no cost).",
            unpriced.join(", ")
        ));
    }
    if !reference_misses.is_empty() && outcome != Outcome::Cheaper {
        let what: Vec<String> = reference_misses
            .iter()
            .map(|m| format!("{} ({})", m.bar, m.detail))
            .collect();
        sentence.push_str(&format!(" {reference} itself misses {}.", what.join(", ")));
    }
    Some(Verdict {
        task: task.id.clone(),
        outcome,
        reference_by_quality,
        recommended: entries[recommended].cell.model.clone(),
        sentence,
        reference_monthly_usd: entries[r].cell.monthly_usd,
        recommended_monthly_usd: entries[recommended].cell.monthly_usd,
        cases_needed: undecided
            .filter(|_| outcome == Outcome::Inconclusive)
            .and_then(|c| c.open),
        reference,
    })
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
/// the spread of the per-case differences.
pub(super) fn compare(
    reference: &str,
    cases: &BTreeMap<String, CaseScores>,
    reference_cases: &BTreeMap<String, CaseScores>,
    measure: QualityMeasure,
) -> Option<(Comparison, f64)> {
    let value = |c: &CaseScores| match measure {
        QualityMeasure::PassRate => c.pass_share(),
        QualityMeasure::Mean => c.mean(),
    };
    let mut pairs = Vec::new();
    let (mut only_this, mut only_reference) = (0, 0);
    for (id, c) in cases {
        let Some(rc) = reference_cases.get(id) else {
            continue;
        };
        pairs.push((value(c), value(rc)));
        match (c.passed(), rc.passed()) {
            (true, false) => only_this += 1,
            (false, true) => only_reference += 1,
            _ => {}
        }
    }
    let paired = paired_difference(&pairs)?;
    Some((
        Comparison {
            reference: reference.to_string(),
            cases: paired.cases,
            difference: paired.difference,
            only_this_passed: only_this,
            only_reference_passed: only_reference,
            mcnemar_p: mcnemar_exact(only_this, only_reference),
        },
        paired.sd,
    ))
}

/// The task's bars that `cell` misses, and, when its quality interval
/// straddles −margin, the cases that would decide it.
fn bars(
    task: &TaskInfo,
    margin: f64,
    cell: &Cell,
    compared: Option<&(Comparison, f64)>,
) -> (Vec<Miss>, Option<u64>) {
    let mut misses = Vec::new();
    let mut open = None;
    match compared {
        None => misses.push(miss(
            Bar::Quality,
            "fewer than two cases in common with the reference".into(),
        )),
        Some((c, sd)) => {
            let d = c.difference;
            if d.low <= -margin {
                let text = if d.high <= -margin {
                    format!(
                        "{} points of {}, 95% CI {} to {}, beyond the {}-point margin",
                        points(d.estimate),
                        task.quality_measure.words(),
                        points(d.low),
                        points(d.high),
                        plain_points(margin)
                    )
                } else {
                    open = cases_to_decide(d.estimate, *sd, margin);
                    format!(
                        "{} points of {}, 95% CI {} to {}, straddles the {}-point margin",
                        points(d.estimate),
                        task.quality_measure.words(),
                        points(d.low),
                        points(d.high),
                        plain_points(margin)
                    )
                };
                misses.push(miss(Bar::Quality, text));
            }
        }
    }
    misses.extend(absolute_bars(task, cell));
    (misses, open)
}

/// The bars that do not depend on the reference: minimum quality, latency
/// and errors. The reference is held to them too.
fn absolute_bars(task: &TaskInfo, cell: &Cell) -> Vec<Miss> {
    let mut misses = Vec::new();
    let measure = task.quality_measure;
    if let (Some(min), Some(quality)) = (task.min_quality, measure.of(cell)) {
        if quality < min {
            // The other figure is named too: a pass rate far under a high
            // mean says the credit is partial.
            let (other, value) = match measure {
                QualityMeasure::PassRate => (QualityMeasure::Mean, cell.mean_quality),
                QualityMeasure::Mean => (QualityMeasure::PassRate, cell.pass_rate),
            };
            let aside = value.map_or_else(String::new, |v| format!(" ({} {v:.2})", other.words()));
            misses.push(miss(
                Bar::Minimum,
                format!(
                    "{} {quality:.2} under the minimum {min:.2}{aside}",
                    measure.words()
                ),
            ));
        }
    }
    let objectives = [
        ("", task.p95_latency_ms, cell.latency_ms),
        (" TTFT", task.p95_ttft_ms, cell.ttft_ms),
        (" TPOT", task.p95_tpot_ms, cell.tpot_ms),
    ];
    for (what, slo, measured) in objectives {
        let Some(slo) = slo else { continue };
        match measured {
            None => misses.push(miss(
                Bar::Latency,
                format!("no p95{what} measured in this run"),
            )),
            Some(l) if l.p95 > slo => misses.push(miss(
                Bar::Latency,
                format!(
                    "p95{what} {} over the {} SLO",
                    duration_ms(l.p95),
                    duration_ms(slo)
                ),
            )),
            Some(_) => {}
        }
    }
    if let Some(rate) = cell.error_rate.filter(|r| *r > task.max_error_rate) {
        misses.push(miss(
            Bar::Errors,
            format!(
                "{:.1}% of trials failed, over the {:.1}% bound",
                rate * 100.0,
                task.max_error_rate * 100.0
            ),
        ));
    }
    misses
}

fn miss(bar: Bar, detail: String) -> Miss {
    Miss { bar, detail }
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

fn inconclusive_sentence(task: &TaskInfo, margin: f64, cell: &Cell, needed: Option<u64>) -> String {
    let Some(c) = &cell.vs_reference else {
        return format!("{}: inconclusive.", task.id);
    };
    let more = match needed {
        Some(n) if n > c.cases => format!(
            "about {} cases in all ({} more) would decide it at the observed spread",
            group(n),
            group(n - c.cases)
        ),
        Some(_) => {
            "the cases in hand should decide it at the observed spread: rerun with them all".into()
        }
        None => "no number of cases decides it at the observed spread".into(),
    };
    format!(
        "{}: inconclusive. {} is {} points of {} against {} (95% CI {} to {}) and the margin is {} points: {}.",
        task.id,
        cell.model,
        points(c.difference.estimate),
        task.quality_measure.words(),
        c.reference,
        points(c.difference.low),
        points(c.difference.high),
        plain_points(margin),
        more
    )
}

fn needs_sentence(
    task: &TaskInfo,
    reference: &str,
    cheaper: &[Cheaper],
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
            let what: Vec<String> = c
                .misses
                .iter()
                .map(|m| format!("{} ({})", m.bar, m.detail))
                .collect();
            format!("{} misses {}", entries[c.index].cell.model, what.join(", "))
        })
        .collect();
    format!("{}: needs {reference}. {}.", task.id, reasons.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::cell::Acc;
    use sizeup_reports::TrialRecord;

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
        assert_eq!(v.recommended, "small");
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
        assert_eq!(v.recommended, "frontier");
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
        let (v, _) = three(20, 0.95, 0.60);
        assert_eq!(v.outcome, Outcome::Inconclusive, "{}", v.sentence);
        let needed = v.cases_needed.expect("a case count");
        assert!(needed > 20, "{needed}");
        assert!(
            v.sentence.contains("inconclusive. small is"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence.contains("more) would decide it"),
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
        models[1].0.error_rate = Some(0.05);
        let v = decide_all(&mut models, Some(0));
        assert_eq!(v.outcome, Outcome::NeedsReference);
        assert!(
            v.sentence.contains("latency (p95 4.5 s over the 3 s SLO)"),
            "{}",
            v.sentence
        );
        assert!(
            v.sentence
                .contains("errors (5.0% of trials failed, over the 2.0% bound)"),
            "{}",
            v.sentence
        );
    }

    #[test]
    fn the_reference_is_held_to_the_absolute_bars_too() {
        let mut draws = Draws(5);
        let mut models = [
            model("frontier", 200, 0.98, 0.002, 3500, &mut draws),
            model("small", 200, 0.60, 0.0004, 500, &mut draws),
        ];
        let v = decide_all(&mut models, Some(0));
        assert_eq!(v.outcome, Outcome::NeedsReference);
        assert!(
            v.sentence
                .ends_with(" frontier itself misses latency (p95 3.5 s over the 3 s SLO)."),
            "{}",
            v.sentence
        );
        assert_eq!(models[0].0.misses.as_ref().unwrap()[0].bar, Bar::Latency);
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
            "pass rate 0.00 under the minimum 0.60 (mean quality 0.70)"
        );
        assert!(
            v.sentence
                .ends_with("small itself misses minimum (pass rate 0.00 under the minimum 0.60 (mean quality 0.70))."),
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
        assert!(
            v.sentence.contains(
                "small misses quality (−100.0 points of pass rate, 95% CI −100.0 to −100.0, beyond the 35-point margin)"
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
