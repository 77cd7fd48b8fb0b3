//! The HTML report's section per task: its charts, quality and speed rows,
//! and the sentence that says which differences are decisive.

use super::capacity::{capacity_views, economics_views, CapacityView, EconomicsView};
use super::cases::{case_views, CaseIndex, CaseView};
use super::trends::{trend_rows, TrendRow};
use crate::chart::{self, IntervalChart, LatencyChart, ScatterChart};
use crate::format::{
    dollars, duration_ms, group, p_value, percent, percent_ci, plain_points, points,
};
use crate::summary::Cells;
use crate::DEFAULT_MARGIN;
use crate::{Cell, Miss, QualityMeasure, ReportModel, TaskInfo};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub(super) struct TaskView {
    anchor: String,
    id: String,
    description: String,
    outcome: &'static str,
    label: &'static str,
    sentence: String,
    reference: String,
    reference_by_quality: bool,
    bars: Vec<String>,
    decisive: Option<String>,
    /// The figure the quality bars use, in words.
    measure: &'static str,
    interval_chart: IntervalChart,
    scatter_chart: ScatterChart,
    latency_chart: LatencyChart,
    quality_rows: Vec<QualityRow>,
    speed_rows: Vec<SpeedRow>,
    trends: Vec<TrendRow>,
    capacity: Vec<CapacityView>,
    economics: Vec<EconomicsView>,
    cases: Vec<CaseView>,
    has_cases: bool,
    cases_total: String,
    cases_shown: String,
    cases_note: Option<String>,
}

#[derive(Debug, Serialize)]
struct QualityRow {
    model: String,
    reference: bool,
    status: &'static str,
    status_text: &'static str,
    n: String,
    errors: Figure,
    cached: String,
    quality: Figure,
    answered: String,
    pass: Figure,
    difference: Figure,
    mcnemar: Figure,
    misses: Vec<String>,
    undecided: Vec<String>,
}

/// A figure and, in small print under it, its interval or detail.
#[derive(Debug, Serialize)]
struct Figure {
    main: String,
    sub: Option<String>,
}

impl Figure {
    fn none() -> Self {
        Figure {
            main: "–".into(),
            sub: None,
        }
    }

    /// A share with its interval as a range of percentages.
    fn share(estimate: Option<f64>, interval: Option<crate::Interval>) -> Self {
        match (interval, estimate) {
            (Some(i), _) => Figure {
                main: percent(i.estimate),
                sub: Some(format!("{:.1}–{:.1}", i.low * 100.0, i.high * 100.0)),
            },
            (None, Some(e)) => Figure {
                main: percent(e),
                sub: None,
            },
            (None, None) => Figure::none(),
        }
    }
}

#[derive(Debug, Serialize)]
struct SpeedRow {
    model: String,
    p50: String,
    p95: String,
    p95_over: bool,
    p99: String,
    ttft: String,
    tpot: String,
    tokens_per_s: String,
    per_1k: String,
    monthly: String,
    spent: String,
}

pub(super) fn task_view(
    report: &ReportModel,
    cells: &Cells<'_>,
    cases: &CaseIndex<'_>,
    index: usize,
    task: &TaskInfo,
    budget: &mut usize,
) -> TaskView {
    let verdict = report.verdicts.iter().find(|v| v.task == task.id);
    let (outcome, label) = verdict.map_or(("alone", "No verdict"), |v| {
        (v.outcome.as_str(), v.outcome.label())
    });
    let reference = verdict.map_or_else(String::new, |v| v.reference.clone());
    let margin = task.margin.unwrap_or(DEFAULT_MARGIN);
    // The task's cells in the order of the run's models.
    let mut task_cells: Vec<&Cell> = report
        .models
        .iter()
        .filter_map(|m| cells.get(&task.id, &m.id))
        .collect();
    for c in report.cells.iter().filter(|c| c.task == task.id) {
        if !task_cells.iter().any(|k| std::ptr::eq(*k, c)) {
            task_cells.push(c);
        }
    }
    let measure = task.quality_measure;
    let reference_cell = task_cells.iter().copied().find(|c| c.model == reference);
    let reference_mean = reference_cell.and_then(|c| measure.of(c));

    let bars = bars(task, reference.as_str(), task_cells.len() > 1);
    let (interval_chart, scatter_chart, latency_chart) =
        charts(task, &task_cells, &reference, reference_mean, margin);

    let quality_rows = task_cells
        .iter()
        .map(|c| quality_row(c, c.model == reference))
        .collect();
    let speed_rows = task_cells
        .iter()
        .map(|c| speed_row(c, task.p95_latency_ms))
        .collect();

    let model_order: Vec<&str> = task_cells.iter().map(|c| c.model.as_str()).collect();
    let (case_views, total, shown, cut_by_budget) =
        case_views(cases, &task.id, &model_order, budget);
    let cases_note = (shown < total).then(|| cases_note(shown, total, cut_by_budget));

    TaskView {
        anchor: format!("task-{}", index + 1),
        id: task.id.clone(),
        description: task.description.clone(),
        outcome,
        label,
        sentence: verdict.map_or_else(String::new, |v| v.sentence.clone()),
        reference_by_quality: verdict.is_some_and(|v| v.reference_by_quality),
        reference,
        bars,
        decisive: decisive_sentence(&task_cells, margin, measure),
        measure: measure.words(),
        interval_chart,
        scatter_chart,
        latency_chart,
        quality_rows,
        speed_rows,
        trends: trend_rows(report, &task.id),
        capacity: capacity_views(report, &task.id),
        economics: economics_views(report, &task.id),
        cases: case_views,
        has_cases: total > 0,
        cases_total: group(total as u64),
        cases_shown: group(shown as u64),
        cases_note,
    }
}

/// The task's bars in words, for the line under its title: the measure,
/// the minimum, the margin against `reference` when models are compared,
/// the latency objective, the error bound and the volume.
fn bars(task: &TaskInfo, reference: &str, compared: bool) -> Vec<String> {
    let measure = task.quality_measure;
    let margin = task.margin.unwrap_or(DEFAULT_MARGIN);
    let mut bars = vec![match measure {
        QualityMeasure::PassRate => {
            "quality is the pass rate (a trial passes when every scorer passes; mean quality, \
             with partial credit, is shown beside it)"
                .to_string()
        }
        QualityMeasure::Mean => {
            "quality is the mean quality (partial credit counts; the pass rate is shown beside it)"
                .to_string()
        }
    }];
    if let Some(min) = task.min_quality {
        bars.push(format!("{} at least {}", measure.words(), percent(min)));
    }
    if compared {
        bars.push(format!(
            "no more than {} points of {} below {reference} (non-inferiority{})",
            plain_points(margin),
            measure.words(),
            if task.margin.is_none() {
                ", default margin"
            } else {
                ""
            }
        ));
    }
    if let Some(slo) = task.p95_latency_ms {
        bars.push(format!("p95 latency at most {}", duration_ms(slo)));
    }
    bars.push(format!(
        "at most {} of trials in error",
        percent(task.max_error_rate)
    ));
    bars.push(match task.requests_per_month {
        Some(v) => format!("{} requests a month", group(v)),
        None => "no monthly volume: unpriced".into(),
    });
    bars
}

/// The task's three charts: quality with its intervals against the bars,
/// quality against cost, and latency against the objective.
fn charts(
    task: &TaskInfo,
    task_cells: &[&Cell],
    reference: &str,
    reference_mean: Option<f64>,
    margin: f64,
) -> (IntervalChart, ScatterChart, LatencyChart) {
    let measure = task.quality_measure;
    let mut ranked = task_cells.to_vec();
    ranked.sort_by(|a, b| {
        let q = |c: &Cell| measure.of(c).unwrap_or(f64::NEG_INFINITY);
        q(b).total_cmp(&q(a))
    });
    let interval_chart = chart::interval_chart(
        &ranked
            .iter()
            .map(|c| chart::IntervalInput {
                label: c.model.clone(),
                reference: c.model == reference,
                estimate: measure.interval(c).map(|i| i.estimate).or(measure.of(c)),
                interval: measure.interval(c).map(|i| (i.low, i.high)),
                value: quality_text(measure, c),
            })
            .collect::<Vec<_>>(),
        reference_mean
            .filter(|_| task_cells.len() > 1)
            .map(|r| (r - margin, r)),
        task.min_quality,
    );
    let adequate = match (reference_mean, task.min_quality) {
        (Some(r), Some(m)) => Some((r - margin).max(m)),
        (Some(r), None) => Some(r - margin),
        (None, m) => m,
    };
    let scatter_chart = chart::scatter_chart(
        &task_cells
            .iter()
            .map(|c| chart::ScatterInput {
                label: c.model.clone(),
                reference: c.model == reference,
                cost: c.usd_per_request.map(|u| u * 1000.0),
                quality: measure.of(c),
                value: format!(
                    "{}: {} per 1,000 requests, {} {}",
                    c.model,
                    c.usd_per_request
                        .map_or_else(|| "unpriced".into(), |u| dollars(u * 1000.0)),
                    measure.words(),
                    measure.of(c).map_or_else(|| "–".into(), percent)
                ),
            })
            .collect::<Vec<_>>(),
        adequate.filter(|_| task_cells.len() > 1),
    );
    let latency_chart = chart::latency_chart(
        &task_cells
            .iter()
            .map(|c| chart::LatencyInput {
                label: c.model.clone(),
                p50_p95: c.latency_ms.map(|l| (l.p50, l.p95)),
                value: c.latency_ms.map_or_else(
                    || "not measured".into(),
                    |l| format!("p50 {} · p95 {}", duration_ms(l.p50), duration_ms(l.p95)),
                ),
            })
            .collect::<Vec<_>>(),
        task.p95_latency_ms,
    );
    (interval_chart, scatter_chart, latency_chart)
}

/// Says how many of the task's cases the drill-down shows, and which.
fn cases_note(shown: usize, total: usize, cut_by_budget: bool) -> String {
    format!(
        "Showing {} of {} cases{}: those where the models disagree come first, then those \
         every model failed, then the rest. The JSON export has every trial.",
        group(shown as u64),
        group(total as u64),
        if cut_by_budget {
            " to keep this page small"
        } else {
            ""
        }
    )
}

fn quality_text(measure: QualityMeasure, c: &Cell) -> String {
    match (measure.interval(c), measure.of(c)) {
        (Some(i), _) => percent_ci(&i),
        (None, Some(q)) => percent(q),
        (None, None) => "no trials".into(),
    }
}

/// Which differences with the reference are decisive (the interval of the
/// paired difference is clear of zero) and which are noise, in plain words.
fn decisive_sentence(cells: &[&Cell], margin: f64, measure: QualityMeasure) -> Option<String> {
    let measure = measure.words();
    let mut decisive = Vec::new();
    let mut noise = Vec::new();
    let mut reference = None;
    let mut noise_straddles = false;
    for c in cells {
        let Some(v) = &c.vs_reference else { continue };
        reference = Some(v.reference.clone());
        let d = v.difference;
        let range = format!("95% CI {} to {}", points(d.low), points(d.high));
        if d.high < 0.0 {
            decisive.push(format!(
                "{} is worse by {} points of {measure} ({range})",
                c.model,
                plain_points(-d.estimate)
            ));
        } else if d.low > 0.0 {
            decisive.push(format!(
                "{} is better by {} points of {measure} ({range})",
                c.model,
                plain_points(d.estimate)
            ));
        } else {
            noise_straddles |= d.low <= -margin;
            noise.push(format!(
                "{} ({} points, {range})",
                c.model,
                points(d.estimate)
            ));
        }
    }
    let reference = reference?;
    let mut out = Vec::new();
    if !decisive.is_empty() {
        out.push(format!(
            "Decisive, because the interval of the paired difference is clear of zero: against \
             {reference}, {}.",
            list(&decisive)
        ));
    }
    if !noise.is_empty() {
        let verb = if noise.len() == 1 { "is" } else { "are" };
        out.push(format!(
            "Noise, because the interval includes zero: the difference of {} {verb} \
             indistinguishable from none on these cases.",
            list(&noise)
        ));
        if noise_straddles {
            out.push(format!(
                "Noise is not the same as adequate: a model is adequate only when the whole \
                 interval lies above −{} points.",
                plain_points(margin)
            ));
        }
    }
    Some(out.join(" "))
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

fn quality_row(c: &Cell, reference: bool) -> QualityRow {
    let misses: Vec<String> = c.misses.iter().flatten().map(Miss::to_string).collect();
    let undecided: Vec<String> = c.undecided.iter().flatten().map(Miss::to_string).collect();
    let (status, status_text) = match (&c.misses, reference) {
        (_, true) => ("reference", "reference"),
        (Some(m), false) if m.is_empty() && undecided.is_empty() => ("adequate", "adequate"),
        (Some(m), false) if m.is_empty() => ("undecided", "undecided"),
        (Some(_), false) => ("misses", "misses a bar"),
        (None, false) => ("alone", "not compared"),
    };
    let errors = Figure {
        main: group(c.errors),
        sub: (c.errors > 0).then(|| {
            let classes: Vec<String> = c
                .error_classes
                .iter()
                .map(|(k, v)| format!("{k} {}", group(*v)))
                .collect();
            classes.join(", ")
        }),
    };
    QualityRow {
        model: c.model.clone(),
        reference,
        status,
        status_text,
        n: group(c.n),
        errors,
        cached: group(c.cached),
        quality: Figure::share(c.mean_quality, c.quality_ci),
        answered: c.answered_quality.map_or_else(|| "–".into(), percent),
        pass: Figure::share(c.pass_rate, c.pass_ci),
        difference: c
            .vs_reference
            .as_ref()
            .map_or_else(Figure::none, |v| Figure {
                main: format!("{} pts", points(v.difference.estimate)),
                sub: Some(format!(
                    "{} to {}",
                    points(v.difference.low),
                    points(v.difference.high)
                )),
            }),
        mcnemar: c
            .vs_reference
            .as_ref()
            .map_or_else(Figure::none, |v| Figure {
                main: format!("p {}", p_value(v.mcnemar_p)),
                sub: Some(format!(
                    "{} vs {} of {}",
                    group(v.only_this_passed),
                    group(v.only_reference_passed),
                    group(v.cases)
                )),
            }),
        misses,
        undecided,
    }
}

fn speed_row(c: &Cell, slo: Option<f64>) -> SpeedRow {
    let p = |v: Option<crate::Percentiles>, f: fn(&crate::Percentiles) -> f64| {
        v.as_ref().map_or_else(|| "–".into(), |v| duration_ms(f(v)))
    };
    SpeedRow {
        model: c.model.clone(),
        p50: p(c.latency_ms, |l| l.p50),
        p95: p(c.latency_ms, |l| l.p95),
        p95_over: matches!((c.latency_ms, slo), (Some(l), Some(s)) if l.p95 > s),
        p99: p(c.latency_ms, |l| l.p99),
        ttft: p(c.ttft_ms, |l| l.p50),
        tpot: p(c.tpot_ms, |l| l.p50),
        tokens_per_s: c
            .output_tokens_per_s
            .map_or_else(|| "–".into(), |t| format!("{:.0}", t.p50)),
        per_1k: c
            .usd_per_request
            .map_or_else(|| "–".into(), |u| dollars(u * 1000.0)),
        monthly: c.monthly_usd.map_or_else(|| "–".into(), dollars),
        spent: if c.failure_cost_usd > 0.0 {
            format!(
                "{} (failures {})",
                dollars(c.cost_usd + c.failure_cost_usd),
                dollars(c.failure_cost_usd)
            )
        } else {
            dollars(c.cost_usd)
        },
    }
}
