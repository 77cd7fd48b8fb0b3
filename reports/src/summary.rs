//! What the HTML and Markdown reports both open with: the money at stake
//! and the verdicts counted in a headline, and a row per verdict.

use crate::format::{dollars, duration_ms, points, points_ci_of};
use crate::{Cell, Outcome, QualityMeasure, ReportModel};
use serde::Serialize;
use std::collections::HashMap;

/// The money at stake, in words.
#[derive(Debug, Serialize)]
pub(crate) struct Headline {
    /// True when at least one task is priced.
    pub priced: bool,
    /// Per month with every task on its reference.
    pub reference_monthly: String,
    /// Per month as recommended.
    pub recommended_monthly: String,
    /// Saved per month.
    pub savings_monthly: String,
    /// Saved per year.
    pub savings_yearly: String,
    /// True when the recommendation saves money.
    pub saves: bool,
    /// The savings as a share of the spend on the references: `29%`.
    pub savings_share: Option<String>,
    /// Tasks left out of the sums.
    pub unpriced: Vec<String>,
    /// How many tasks got which verdict, in a sentence.
    pub counts: String,
}

/// One line of the verdict table.
#[derive(Debug, Serialize)]
pub(crate) struct VerdictRow {
    /// Anchor of the task's section.
    pub anchor: String,
    /// Task id.
    pub task: String,
    /// What the task needs (its CSS class is its JSON name).
    pub outcome: Outcome,
    /// The verdict in two or three words.
    pub label: &'static str,
    /// The model to use, or `none`.
    pub recommended: String,
    /// True when that is the reference.
    pub recommended_is_reference: bool,
    /// The model whose difference is shown, when not the recommended one.
    pub difference_model: Option<String>,
    /// Difference with the reference, with its interval, in words.
    pub difference: String,
    /// The difference alone, on the task's measure: `−1.0 pts of pass rate`.
    pub difference_estimate: Option<String>,
    /// Its interval: `95% CI −2.1 to +1.4`.
    pub difference_range: Option<String>,
    /// p95 latency of the recommended model against the objective.
    pub latency: String,
    /// `ok`, `over` or `none`.
    pub latency_state: &'static str,
    /// Cost per month of the recommended model.
    pub cost: String,
    /// The harness's sentence.
    pub sentence: String,
}

/// The report's cells by task and model.
pub(crate) struct Cells<'a>(HashMap<(&'a str, &'a str), &'a Cell>);

impl<'a> Cells<'a> {
    pub(crate) fn new(report: &'a ReportModel) -> Self {
        Self(
            report
                .cells
                .iter()
                .map(|c| ((c.task.as_str(), c.model.as_str()), c))
                .collect(),
        )
    }

    pub(crate) fn get(&self, task: &str, model: &str) -> Option<&'a Cell> {
        self.0.get(&(task, model)).copied()
    }
}

/// The money at stake and the verdicts counted.
pub(crate) fn headline(report: &ReportModel) -> Headline {
    let p = &report.portfolio;
    let count = |o: Outcome| report.verdicts.iter().filter(|v| v.outcome == o).count();
    let mut parts = Vec::new();
    for (o, one, many) in [
        (
            Outcome::Cheaper,
            "can move to a cheaper model",
            "can move to a cheaper model",
        ),
        (
            Outcome::NeedsReference,
            "needs the reference",
            "need the reference",
        ),
        (Outcome::Inconclusive, "is inconclusive", "are inconclusive"),
        (
            Outcome::NoneAdequate,
            "has no adequate model among those tested",
            "have no adequate model among those tested",
        ),
        (
            Outcome::Alone,
            "ran on one model only",
            "ran on one model only",
        ),
    ] {
        match count(o) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    let total = report.verdicts.len();
    let counts = match parts.len() {
        0 => "No task has a verdict yet.".to_string(),
        _ => {
            let last = parts.pop().unwrap_or_default();
            let list = if parts.is_empty() {
                last
            } else {
                format!("{} and {last}", parts.join(", "))
            };
            format!(
                "Of {total} task{}, {list}.",
                if total == 1 { "" } else { "s" }
            )
        }
    };
    Headline {
        priced: p.reference_monthly_usd > 0.0 || p.recommended_monthly_usd > 0.0,
        reference_monthly: dollars(p.reference_monthly_usd),
        recommended_monthly: dollars(p.recommended_monthly_usd),
        savings_monthly: dollars(p.savings_monthly_usd),
        savings_yearly: dollars(p.savings_yearly_usd),
        saves: p.savings_monthly_usd > 0.0,
        savings_share: (p.savings_monthly_usd > 0.0 && p.reference_monthly_usd > 0.0).then(|| {
            format!(
                "{:.0}%",
                p.savings_monthly_usd / p.reference_monthly_usd * 100.0
            )
        }),
        unpriced: p.unpriced_tasks.clone(),
        counts,
    }
}

/// One row per verdict, in task order.
pub(crate) fn verdict_rows(report: &ReportModel) -> Vec<VerdictRow> {
    let cells = Cells::new(report);
    let anchors: HashMap<&str, usize> = report
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    report
        .verdicts
        .iter()
        .map(|v| {
            let task = report.tasks.iter().find(|t| t.id == v.task);
            let measure = task
                .map_or(QualityMeasure::Mean, |t| t.quality_measure)
                .words();
            let label = v.outcome.label();
            let recommended = v.recommended.as_deref().and_then(|m| cells.get(&v.task, m));
            let task_cells: Vec<&Cell> = report.cells.iter().filter(|c| c.task == v.task).collect();
            let vs = |c: &Cell| c.vs_reference.as_ref().map(|x| x.difference);
            let (difference_model, interval, fallback) = match v.outcome {
                Outcome::Cheaper => (None, recommended.and_then(vs), "–"),
                Outcome::Inconclusive => match v
                    .undecided
                    .as_deref()
                    .and_then(|m| cells.get(&v.task, m))
                    .filter(|c| c.vs_reference.is_some())
                    .or_else(|| closest(&task_cells))
                {
                    Some(c) => (Some(c.model.clone()), vs(c), "–"),
                    None => (None, None, "–"),
                },
                Outcome::NeedsReference | Outcome::NoneAdequate => match closest(&task_cells) {
                    Some(c) => (Some(c.model.clone()), vs(c), "–"),
                    None => (None, None, "no cheaper model"),
                },
                Outcome::Alone => (None, None, "nothing to compare"),
            };
            let slo = task.and_then(|t| t.p95_latency_ms);
            let (latency, latency_state) = match (recommended.and_then(|c| c.latency_ms), slo) {
                (Some(l), Some(s)) if l.p95 <= s => (
                    format!("{} within {}", duration_ms(l.p95), duration_ms(s)),
                    "ok",
                ),
                (Some(l), Some(s)) => (
                    format!("{} over {}", duration_ms(l.p95), duration_ms(s)),
                    "over",
                ),
                (Some(l), None) => (format!("{} (no SLO)", duration_ms(l.p95)), "none"),
                (None, _) if recommended.is_none() => ("–".into(), "none"),
                (None, _) => ("not measured".into(), "none"),
            };
            let cost = match (v.recommended_monthly_usd, v.reference_monthly_usd) {
                (Some(ours), Some(theirs)) if v.outcome == Outcome::Cheaper => {
                    format!("{} instead of {}", dollars(ours), dollars(theirs))
                }
                (Some(ours), _) => dollars(ours),
                (None, _) if v.recommended.is_none() => "–".into(),
                (None, _) => "unpriced".into(),
            };
            VerdictRow {
                anchor: format!("task-{}", anchors.get(v.task.as_str()).map_or(0, |i| i + 1)),
                task: v.task.clone(),
                outcome: v.outcome,
                label,
                recommended: v.recommended.clone().unwrap_or_else(|| "none".into()),
                recommended_is_reference: v.recommended.as_ref() == Some(&v.reference),
                difference_model,
                difference: interval
                    .map_or_else(|| fallback.to_string(), |i| points_ci_of(&i, measure)),
                difference_estimate: interval
                    .map(|i| format!("{} pts of {measure}", points(i.estimate))),
                difference_range: interval
                    .map(|i| format!("95% CI {} to {}", points(i.low), points(i.high))),
                latency,
                latency_state,
                cost,
                sentence: v.sentence.clone(),
            }
        })
        .collect()
}

/// The model whose difference with the reference is the least bad.
fn closest<'a>(cells: &[&'a Cell]) -> Option<&'a Cell> {
    cells
        .iter()
        .copied()
        .filter(|c| c.vs_reference.is_some())
        .max_by(|a, b| {
            let d = |c: &Cell| {
                c.vs_reference
                    .as_ref()
                    .map_or(0.0, |x| x.difference.estimate)
            };
            d(a).total_cmp(&d(b))
        })
}
