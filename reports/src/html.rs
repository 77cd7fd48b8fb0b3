//! The HTML report: one self-contained page (no script, no external font,
//! style or image) that opens from a mail attachment.
//!
//! [`render`] turns a [`ReportModel`] into a `Page`, a view model of
//! pre-formatted text and chart geometry, and renders it with the minijinja
//! templates under `reports/templates/`, compiled into the binary. Every
//! value goes through HTML autoescaping: model outputs are hostile input.
//! The page also carries a Content-Security-Policy that forbids scripts,
//! so markup that slipped through would still not run.

use crate::baseline::{self, Kind};
use crate::chart::{self, IntervalChart, LatencyChart, ScatterChart};
use crate::format::{
    compact, dollars, duration_ms, group, p_value, percent, percent_ci, plain_points, points,
    points_ci_of, truncate,
};
use crate::trend::{trend_chart, Scale, TrendChart, TrendInput};
use crate::xy::{xy_chart, Extras, SeriesInput, XyChart};
use crate::{
    Cell, HistoryPoint, Outcome, QualityMeasure, RenderError, ReportModel, SinceBaseline, TaskInfo,
    TrialRecord, HOURS_PER_MONTH,
};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;
use std::collections::HashMap;

/// Cases shown per task in the drill-down; the rest are counted in a note.
pub const CASES_PER_TASK: usize = 200;

/// Characters of one output (or expected answer) shown in the drill-down.
const OUTPUT_CHARS: usize = 2_000;

/// Characters of a scorer's answer or reason shown in the drill-down.
const NOTE_CHARS: usize = 300;

/// Trials shown per model and case when a task repeats its cases.
const REPEATS_SHOWN: usize = 3;

/// Bytes the whole drill-down may take, its text counted as it is and its
/// markup estimated at [`TRIAL_MARKUP`] and [`CASE_MARKUP`]. With the caps
/// above it keeps the page of any run, however many tasks it has, well
/// under 10 MB; past it, later cases are left out with a note.
const DRILL_DOWN_BYTES: usize = 6_000_000;

/// About the bytes of markup around one trial in the drill-down.
const TRIAL_MARKUP: usize = 600;

/// About the bytes of markup around one case in the drill-down.
const CASE_MARKUP: usize = 400;

/// The margin the harness applies when a task sets none (five points).
const DEFAULT_MARGIN: f64 = 0.05;

/// Renders the report as one HTML page.
pub fn render(report: &ReportModel) -> Result<String, RenderError> {
    let page = Page::build(report);
    let mut env = Environment::new();
    // Every template, whatever its name, escapes for HTML.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    for (name, source) in [
        ("report.html", include_str!("../templates/report.html")),
        ("charts.html", include_str!("../templates/charts.html")),
        ("style.css", include_str!("../templates/style.css")),
    ] {
        env.add_template(name, source)
            .map_err(RenderError::Template)?;
    }
    env.get_template("report.html")
        .and_then(|t| t.render(&page))
        .map_err(RenderError::Template)
}

/// Everything the page shows, formatted.
#[derive(Debug, Serialize)]
struct Page {
    title: String,
    suite: String,
    run: RunView,
    headline: Headline,
    verdicts: Vec<VerdictRow>,
    judges: Vec<crate::judges::JudgeLine>,
    since: Option<SinceView>,
    history_runs: usize,
    models: Vec<ModelRow>,
    tasks: Vec<TaskView>,
    format_version: u32,
    default_margin: String,
    cases_per_task: usize,
    output_chars: String,
}

/// The comparison with the baseline, regressions first.
#[derive(Debug, Serialize)]
struct SinceView {
    headline: String,
    lines: Vec<SinceLine>,
}

#[derive(Debug, Serialize)]
struct SinceLine {
    /// CSS class: `failing`, `regression`, `improvement`, `flip`, `unmatched`.
    kind: &'static str,
    label: &'static str,
    subject: String,
    text: String,
}

/// A capacity sweep of one model on the task.
#[derive(Debug, Serialize)]
struct CapacityView {
    model: String,
    sweep: String,
    started_at: String,
    objectives: String,
    goodput: Option<String>,
    cost: Option<String>,
    levels: Vec<LevelRow>,
    chart: Option<XyChart>,
}

#[derive(Debug, Serialize)]
struct LevelRow {
    load: String,
    rps: String,
    tokens_per_s: String,
    ttft: String,
    tpot: String,
    e2e: String,
    errors: String,
    meets: &'static str,
}

/// Self-hosting one swept model against the task's reference.
#[derive(Debug, Serialize)]
struct EconomicsView {
    model: String,
    replaces: String,
    sentence: String,
    break_even: String,
    replicas: Option<String>,
    rows: Vec<ProjectionRow>,
    chart: Option<XyChart>,
    break_even_chart: Option<XyChart>,
    inputs: String,
}

#[derive(Debug, Serialize)]
struct ProjectionRow {
    months: u32,
    requests: String,
    api: String,
    own: String,
    cheaper: &'static str,
}

/// One model's trends on one task.
#[derive(Debug, Serialize)]
struct TrendRow {
    model: String,
    charts: Vec<TrendChart>,
}

#[derive(Debug, Serialize)]
struct RunView {
    id: String,
    status: String,
    unfinished: bool,
    started_at: String,
    finished_at: Option<String>,
    trials_done: String,
    trials_planned: String,
    spend: String,
    failure_spend: Option<String>,
    suite_path: String,
}

#[derive(Debug, Serialize)]
struct ModelRow {
    id: String,
    provider: String,
    model: String,
    reference: bool,
}

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
    /// `cheaper`, `needs_reference`, `inconclusive` or `alone`.
    pub outcome: &'static str,
    /// The verdict in two or three words.
    pub label: &'static str,
    /// The model to use.
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

#[derive(Debug, Serialize)]
struct TaskView {
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

#[derive(Debug, Serialize)]
struct CaseView {
    id: String,
    input: String,
    input_cut: usize,
    expected: Option<String>,
    expected_cut: usize,
    marks: Vec<Mark>,
    trials: Vec<TrialView>,
}

/// One model's result on a case, for the case's summary line.
#[derive(Debug, Serialize)]
struct Mark {
    model: String,
    state: &'static str,
    word: &'static str,
}

#[derive(Debug, Serialize)]
struct TrialView {
    model: String,
    repeat: Option<u32>,
    state: &'static str,
    word: &'static str,
    quality: String,
    latency: String,
    cached: bool,
    attempts: u32,
    output: String,
    output_cut: usize,
    error: Option<String>,
    scores: Vec<ScoreView>,
}

#[derive(Debug, Serialize)]
struct ScoreView {
    scorer: String,
    value: String,
    passed: bool,
    answer: Option<String>,
    reason: String,
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

impl Page {
    fn build(report: &ReportModel) -> Self {
        let cells = Cells::new(report);
        let run = &report.run;
        let reference_ids: Vec<&str> = report
            .models
            .iter()
            .filter(|m| m.role.as_deref() == Some("reference"))
            .map(|m| m.id.as_str())
            .collect();
        let cases = CaseIndex::new(&report.trials);
        let mut budget = DRILL_DOWN_BYTES;
        let tasks = report
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| task_view(report, &cells, &cases, i, t, &mut budget))
            .collect();
        Page {
            title: format!("sizeup · {} · run {}", run.suite, run.id),
            suite: run.suite.clone(),
            run: RunView {
                id: run.id.clone(),
                status: run.status.clone(),
                unfinished: run.status != "finished",
                started_at: crate::format::time(&run.started_at),
                finished_at: run.finished_at.as_deref().map(crate::format::time),
                trials_done: group(run.trials_done),
                trials_planned: group(run.trials_planned),
                spend: dollars(run.cost_usd + run.failure_cost_usd),
                failure_spend: (run.failure_cost_usd > 0.0).then(|| dollars(run.failure_cost_usd)),
                suite_path: run.suite_path.clone(),
            },
            headline: headline(report),
            verdicts: verdict_rows(report),
            judges: crate::judges::lines(report),
            since: report.since_baseline.as_ref().map(since_view),
            history_runs: report.history.len(),
            models: report
                .models
                .iter()
                .map(|m| ModelRow {
                    id: m.id.clone(),
                    provider: m.provider.clone(),
                    model: m.model.clone(),
                    reference: reference_ids.contains(&m.id.as_str()),
                })
                .collect(),
            tasks,
            format_version: report.format_version,
            default_margin: plain_points(DEFAULT_MARGIN),
            cases_per_task: CASES_PER_TASK,
            output_chars: group(OUTPUT_CHARS as u64),
        }
    }
}

fn since_view(s: &SinceBaseline) -> SinceView {
    SinceView {
        headline: baseline::headline(s),
        lines: baseline::lines(s)
            .into_iter()
            .map(|l| SinceLine {
                kind: match l.kind {
                    Kind::Failing => "failing",
                    Kind::Regression => "regression",
                    Kind::Improvement => "improvement",
                    Kind::Flip => "flip",
                    Kind::Unmatched => "unmatched",
                },
                label: l.kind.label(),
                subject: l.subject,
                text: l.text,
            })
            .collect(),
    }
}

/// Each model's quality, p95 latency and cost on `task` over the runs of
/// the history, when it has at least two.
fn trend_rows(report: &ReportModel, task: &str) -> Vec<TrendRow> {
    if report.history.len() < 2 {
        return Vec::new();
    }
    let mut models: Vec<&str> = Vec::new();
    for run in &report.history {
        for p in run.points.iter().filter(|p| p.task == task) {
            if !models.contains(&p.model.as_str()) {
                models.push(&p.model);
            }
        }
    }
    models
        .into_iter()
        .map(|model| {
            let series = |value: &Measure| series(report, task, model, value);
            let quality = series(&|p| match p.quality {
                Some(q) => (Some(q.estimate), Some((q.low, q.high)), percent_ci(&q)),
                None => (None, None, "–".into()),
            });
            let latency = series(&|p| {
                (
                    p.latency_p95_ms,
                    None,
                    p.latency_p95_ms.map_or("–".into(), duration_ms),
                )
            });
            let cost = series(&|p| {
                let per_1k = p.usd_per_request.map(|u| u * 1000.0);
                (per_1k, None, per_1k.map_or("–".into(), dollars))
            });
            let charts = [
                trend_chart("quality", &quality, Scale::Unit, percent),
                trend_chart("p95 latency", &latency, Scale::FromZero, duration_ms),
                trend_chart("$ per 1,000 requests", &cost, Scale::FromZero, dollars),
            ]
            .into_iter()
            .flatten()
            .collect();
            TrendRow {
                model: model.to_string(),
                charts,
            }
        })
        .collect()
}

fn capacity_views(report: &ReportModel, task: &str) -> Vec<CapacityView> {
    let ms = |p: Option<crate::Percentiles>| p.map_or("–".into(), |p| duration_ms(p.p95));
    report
        .capacity
        .iter()
        .filter(|c| c.task == task)
        .map(|c| {
            let mut by_throughput: Vec<&crate::CapacityLevel> =
                c.levels.iter().filter(|l| l.latency_ms.is_some()).collect();
            by_throughput.sort_by(|a, b| a.throughput_rps.total_cmp(&b.throughput_rps));
            let points = by_throughput
                .iter()
                .map(|l| {
                    let p95 = l.latency_ms.map_or(0.0, |p| p.p95);
                    (
                        l.throughput_rps,
                        p95,
                        format!(
                            "{} {}: {:.2} req/s, p95 {}",
                            l.load,
                            l.target,
                            l.throughput_rps,
                            duration_ms(p95)
                        ),
                    )
                })
                .collect();
            let goodput_level = c.goodput_rps.and_then(|g| {
                c.levels
                    .iter()
                    .filter(|l| l.meets_slo == Some(true))
                    .find(|l| (l.throughput_rps - g).abs() < 1e-9 || (l.target - g).abs() < 1e-9)
            });
            let chart = xy_chart(
                vec![SeriesInput {
                    label: "p95 end to end".into(),
                    class: "a",
                    points,
                }],
                ("requests per second served", &|v| {
                    format!("{v:.3}")
                        .trim_end_matches('0')
                        .trim_end_matches('.')
                        .to_string()
                }),
                ("p95 latency", &duration_ms),
                Extras {
                    rule: c
                        .slo
                        .get("p95_latency_ms")
                        .map(|v| (*v, format!("SLO {}", duration_ms(*v)))),
                    mark: goodput_level.and_then(|l| {
                        let p95 = l.latency_ms?.p95;
                        Some((
                            l.throughput_rps,
                            p95,
                            format!("goodput {:.1}/s", c.goodput_rps?),
                        ))
                    }),
                },
            );
            let objectives: Vec<String> = c
                .slo
                .iter()
                .map(|(k, v)| match k.as_str() {
                    "max_error_rate" => format!("errors ≤ {}", percent(*v)),
                    name => format!(
                        "{} ≤ {}",
                        name.trim_end_matches("_ms").replace('_', " "),
                        duration_ms(*v)
                    ),
                })
                .collect();
            CapacityView {
                model: c.model.clone(),
                sweep: c.sweep.clone(),
                started_at: crate::format::time(&c.started_at),
                objectives: objectives.join(", "),
                goodput: c.goodput_rps.map(|g| format!("{g:.2} requests/s")),
                cost: c.usd_per_request.map(|usd| {
                    let mut text = format!(
                        "{} a request at {:.0}% of the goodput and {} an hour",
                        dollars(usd),
                        c.economics.utilisation * 100.0,
                        c.hourly_usd.map_or("–".into(), dollars)
                    );
                    if let Some(m) = c.usd_per_mtok_output {
                        text.push_str(&format!("; {} per million output tokens", dollars(m)));
                    }
                    text
                }),
                levels: c
                    .levels
                    .iter()
                    .map(|l| LevelRow {
                        load: match l.load.as_str() {
                            "concurrency" => format!("{} in flight", l.target),
                            "poisson" => format!("Poisson {:.2}/s", l.target),
                            _ => format!("{:.2}/s", l.target),
                        },
                        rps: format!("{:.2}", l.throughput_rps),
                        tokens_per_s: format!("{:.1}", l.output_tokens_per_s),
                        ttft: ms(l.ttft_ms),
                        tpot: ms(l.tpot_ms),
                        e2e: ms(l.latency_ms),
                        errors: group(l.errors),
                        meets: match l.meets_slo {
                            Some(true) => "yes",
                            Some(false) => "no",
                            None => "–",
                        },
                    })
                    .collect(),
                chart,
            }
        })
        .collect()
}

/// Monthly cost against monthly volume: the API's line through zero, the
/// replicas' steps (one more each time a replica fills at the peak), and
/// the break-even where they cross.
fn break_even_chart(e: &crate::Economics) -> Option<XyChart> {
    let replica = e.hourly_usd * HOURS_PER_MONTH;
    let per_replica = e.replica_requests_per_month;
    // Wide enough for the break-even (or a first full replica) and the
    // task's own volume.
    let volume = e.api_monthly_usd.map_or(0.0, |m| m / e.api_usd_per_request);
    let reach = e
        .break_even_requests_per_month
        .unwrap_or(per_replica)
        .max(volume);
    let x_max = 2.0 * reach;
    let requests = |v: f64| format!("{} a month", group(v.round() as u64));
    let mut steps = vec![(0.0, replica, format!("1 replica: {}", dollars(replica)))];
    // At most 60 steps: past that the staircase reads as a line anyway.
    for k in 1..=60u32 {
        let edge = f64::from(k) * per_replica;
        let cost = f64::from(k) * replica;
        let label = format!("{k} replica(s) up to {}: {}", requests(edge), dollars(cost));
        if edge >= x_max {
            steps.push((x_max, cost, label));
            break;
        }
        steps.push((edge, cost, label.clone()));
        steps.push((edge, cost + replica, label));
    }
    let api = (0..=10)
        .map(|i| {
            let v = x_max * f64::from(i) / 10.0;
            (
                v,
                v * e.api_usd_per_request,
                format!("{}: {}", requests(v), dollars(v * e.api_usd_per_request)),
            )
        })
        .collect();
    xy_chart(
        vec![
            SeriesInput {
                label: format!("{} (API)", e.replaces),
                class: "a",
                points: api,
            },
            SeriesInput {
                label: format!("{} (self-hosted)", e.model),
                class: "b",
                points: steps,
            },
        ],
        ("requests per month", &compact),
        ("cost per month", &dollars),
        Extras {
            rule: None,
            mark: e.break_even_requests_per_month.map(|v| {
                (
                    v,
                    v * e.api_usd_per_request,
                    format!("break-even {}", compact(v)),
                )
            }),
        },
    )
}

fn economics_views(report: &ReportModel, task: &str) -> Vec<EconomicsView> {
    report
        .economics
        .iter()
        .filter(|e| e.task == task)
        .map(|e| {
            let line = |label: &str, class: &'static str, value: &dyn Fn(&crate::Projection) -> f64| SeriesInput {
                label: label.to_string(),
                class,
                points: std::iter::once((0.0, 0.0, "now".to_string()))
                    .chain(e.projection.iter().map(|p| {
                        (f64::from(p.months), value(p), format!("{} months: {}", p.months, dollars(value(p))))
                    }))
                    .collect(),
            };
            let chart = (!e.projection.is_empty())
                .then(|| {
                    xy_chart(
                        vec![
                            line(&format!("{} (API)", e.replaces), "a", &|p| p.api_usd),
                            line(&format!("{} (self-hosted)", e.model), "b", &|p| p.self_hosted_usd),
                        ],
                        ("months from now", &|v| format!("{v:.0}")),
                        ("spent so far", &dollars),
                        Extras { rule: None, mark: None },
                    )
                })
                .flatten();
            EconomicsView {
                break_even_chart: break_even_chart(e),
                model: e.model.clone(),
                replaces: e.replaces.clone(),
                sentence: e.sentence.clone(),
                break_even: e.break_even_requests_per_month.map_or_else(
                    || "never, at today's prices".to_string(),
                    |v| format!("{} requests a month", group(v.ceil() as u64)),
                ),
                replicas: e.replicas.zip(e.machines).map(|(r, m)| format!("{r} replica(s) on {m} machine(s)")),
                rows: e
                    .projection
                    .iter()
                    .map(|p| ProjectionRow {
                        months: p.months,
                        requests: group(p.requests.round() as u64),
                        api: dollars(p.api_usd),
                        own: dollars(p.self_hosted_usd),
                        cheaper: if p.self_hosted_usd < p.api_usd { "self-hosted" } else { "API" },
                    })
                    .collect(),
                chart,
                inputs: format!(
                    "utilisation {:.0}% of the goodput; replicas sized for a peak {}× the average; API price falling {:.0}% a year; volume growing {:.0}% a year; {} machine(s) a replica",
                    e.inputs.utilisation * 100.0,
                    e.inputs.peak_to_average,
                    e.inputs.api_price_decline * 100.0,
                    e.inputs.volume_growth * 100.0,
                    e.inputs.machines
                ),
            }
        })
        .collect()
}

/// What a trend shows of one run's point: its value, interval and text.
type Measure = dyn Fn(&HistoryPoint) -> (Option<f64>, Option<(f64, f64)>, String);

/// `measure` of `task` × `model` in each run of the history, oldest first.
fn series(report: &ReportModel, task: &str, model: &str, measure: &Measure) -> Vec<TrendInput> {
    report
        .history
        .iter()
        .map(|run| {
            let point = run
                .points
                .iter()
                .find(|p| p.task == task && p.model == model);
            let (value, interval, text) = point.map_or((None, None, "not run".into()), measure);
            TrendInput {
                run: crate::format::time(&run.started_at),
                value,
                interval,
                text,
                changed: point.map(|p| p.changed.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The CSS class and the words of an outcome.
pub(crate) fn outcome_words(o: Outcome) -> (&'static str, &'static str) {
    match o {
        Outcome::Cheaper => ("cheaper", "Cheaper model is enough"),
        Outcome::NeedsReference => ("needs_reference", "Needs the reference"),
        Outcome::Inconclusive => ("inconclusive", "Inconclusive"),
        Outcome::Alone => ("alone", "Not compared"),
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
            let (outcome, label) = outcome_words(v.outcome);
            let recommended = cells.get(&v.task, &v.recommended);
            let task_cells: Vec<&Cell> = report.cells.iter().filter(|c| c.task == v.task).collect();
            let vs = |c: &Cell| c.vs_reference.as_ref().map(|x| x.difference);
            let (difference_model, interval, fallback) = match v.outcome {
                Outcome::Cheaper => (None, recommended.and_then(vs), "–"),
                Outcome::Inconclusive => {
                    let margin = task.and_then(|t| t.margin).unwrap_or(DEFAULT_MARGIN);
                    match undecided(&task_cells, &v.reference, margin) {
                        Some(c) => (Some(c.model.clone()), vs(c), "–"),
                        None => (None, None, "–"),
                    }
                }
                Outcome::NeedsReference => match closest(&task_cells) {
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
                (None, _) => ("not measured".into(), "none"),
            };
            let cost = match (v.recommended_monthly_usd, v.reference_monthly_usd) {
                (Some(ours), Some(theirs)) if v.outcome == Outcome::Cheaper => {
                    format!("{} instead of {}", dollars(ours), dollars(theirs))
                }
                (Some(ours), _) => dollars(ours),
                (None, _) => "unpriced".into(),
            };
            VerdictRow {
                anchor: format!("task-{}", anchors.get(v.task.as_str()).map_or(0, |i| i + 1)),
                task: v.task.clone(),
                outcome,
                label,
                recommended: v.recommended.clone(),
                recommended_is_reference: v.recommended == v.reference,
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

/// The cheapest model whose interval straddles −margin and that misses no
/// bar but quality: the one more cases would decide (as the harness picks it).
fn undecided<'a>(cells: &[&'a Cell], reference: &str, margin: f64) -> Option<&'a Cell> {
    let mut open: Vec<&Cell> = cells
        .iter()
        .copied()
        .filter(|c| c.model != reference)
        .filter(|c| {
            c.vs_reference
                .as_ref()
                .is_some_and(|x| x.difference.low <= -margin && x.difference.high > -margin)
                && c.misses
                    .as_ref()
                    .is_some_and(|m| m.iter().all(|m| m.bar == "quality"))
        })
        .collect();
    open.sort_by(|a, b| {
        let cost = |c: &Cell| c.usd_per_request.unwrap_or(f64::INFINITY);
        cost(a).total_cmp(&cost(b))
    });
    open.first().copied().or_else(|| closest(cells))
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

fn task_view(
    report: &ReportModel,
    cells: &Cells<'_>,
    cases: &CaseIndex<'_>,
    index: usize,
    task: &TaskInfo,
    budget: &mut usize,
) -> TaskView {
    let verdict = report.verdicts.iter().find(|v| v.task == task.id);
    let (outcome, label) = verdict.map_or(("alone", "No verdict"), |v| outcome_words(v.outcome));
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
    if task_cells.len() > 1 {
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

    let mut ranked = task_cells.clone();
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
    let cases_note = (shown < total).then(|| {
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
    });

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
    let misses: Vec<String> = c
        .misses
        .iter()
        .flatten()
        .map(|m| format!("{}: {}", m.bar, m.detail))
        .collect();
    let (status, status_text) = match (&c.misses, reference) {
        (_, true) => ("reference", "reference"),
        (Some(m), false) if m.is_empty() => ("adequate", "adequate"),
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

/// The trials grouped by task and case, in plan order, built in one pass.
struct CaseIndex<'a> {
    tasks: HashMap<&'a str, TaskCases<'a>>,
}

#[derive(Default)]
struct TaskCases<'a> {
    order: Vec<&'a str>,
    trials: HashMap<&'a str, Vec<&'a TrialRecord>>,
}

impl<'a> CaseIndex<'a> {
    fn new(trials: &'a [TrialRecord]) -> Self {
        let mut tasks: HashMap<&str, TaskCases<'_>> = HashMap::new();
        for t in trials {
            let task = tasks.entry(t.task.as_str()).or_default();
            task.trials
                .entry(t.case.as_str())
                .or_insert_with(|| {
                    task.order.push(t.case.as_str());
                    Vec::new()
                })
                .push(t);
        }
        Self { tasks }
    }
}

/// The drill-down of one task: its cases, the models disagreeing first, up
/// to [`CASES_PER_TASK`] and within what is left of `budget`; with the
/// number of cases, how many are shown, and whether the budget cut them.
fn case_views(
    index: &CaseIndex<'_>,
    task: &str,
    models: &[&str],
    budget: &mut usize,
) -> (Vec<CaseView>, usize, usize, bool) {
    let Some(cases) = index.tasks.get(task) else {
        return (Vec::new(), 0, 0, false);
    };
    let total = cases.order.len();
    // 0: the models disagree; 1: every trial failed; 2: every trial passed.
    let rank = |trials: &[&TrialRecord]| {
        let passed = trials.iter().filter(|t| t.passed).count();
        if passed == 0 {
            1
        } else if passed == trials.len() {
            2
        } else {
            0
        }
    };
    let mut order: Vec<(u8, usize)> = cases
        .order
        .iter()
        .enumerate()
        .map(|(i, c)| (rank(&cases.trials[c]), i))
        .collect();
    order.sort_unstable();
    let position = |m: &str| models.iter().position(|x| *x == m).unwrap_or(models.len());
    let mut out = Vec::new();
    let mut cut_by_budget = false;
    for &(_, i) in order.iter().take(CASES_PER_TASK) {
        if *budget == 0 {
            cut_by_budget = true;
            break;
        }
        let id = cases.order[i];
        let mut trials = cases.trials[id].clone();
        trials.sort_by_key(|t| (position(&t.model), t.repeat));
        let repeats = trials.iter().any(|t| t.repeat > 0);
        let mut shown_per_model: HashMap<&str, usize> = HashMap::new();
        let mut views = Vec::new();
        let mut marks: Vec<Mark> = Vec::new();
        for t in trials {
            let (state, word) = trial_state(t);
            match marks.iter_mut().find(|m| m.model == t.model) {
                // A model with repeats is marked by its worst trial.
                Some(m) => {
                    if state != "pass" && m.state == "pass" {
                        m.state = state;
                        m.word = word;
                    }
                }
                None => marks.push(Mark {
                    model: t.model.clone(),
                    state,
                    word,
                }),
            }
            let shown = shown_per_model.entry(t.model.as_str()).or_default();
            if *shown >= REPEATS_SHOWN {
                continue;
            }
            *shown += 1;
            let (output, output_cut) = truncate(&t.output, OUTPUT_CHARS);
            let view = TrialView {
                model: t.model.clone(),
                repeat: repeats.then_some(t.repeat + 1),
                state,
                word,
                quality: t
                    .quality
                    .map_or_else(|| "0 (error)".into(), |q| format!("{q:.2}")),
                latency: duration_ms(t.latency_us as f64 / 1000.0),
                cached: t.cached,
                attempts: t.attempts,
                output: output.to_string(),
                output_cut,
                error: t.error_class.as_ref().map(|class| match &t.error {
                    Some(e) => format!("{class}: {}", truncate(e, NOTE_CHARS).0),
                    None => class.clone(),
                }),
                scores: t
                    .scores
                    .iter()
                    .map(|s| ScoreView {
                        scorer: s.scorer.clone(),
                        value: format!("{:.2}", s.value),
                        passed: s.passed,
                        answer: s.answer.as_ref().map(|a| short(a)),
                        reason: short(&s.reason),
                    })
                    .collect(),
            };
            let text = view.output.len()
                + view.error.as_ref().map_or(0, String::len)
                + view
                    .scores
                    .iter()
                    .map(|s| s.reason.len() + s.answer.as_ref().map_or(0, String::len))
                    .sum::<usize>();
            *budget = budget.saturating_sub(text + TRIAL_MARKUP);
            views.push(view);
        }
        let input = cases.trials[id]
            .iter()
            .map(|t| t.input.as_str())
            .find(|i| !i.is_empty())
            .unwrap_or_default();
        let (input, input_cut) = truncate(input, OUTPUT_CHARS);
        *budget = budget.saturating_sub(input.len());
        let expected = cases.trials[id].iter().find_map(|t| t.expected.as_deref());
        let (expected, expected_cut) = match expected {
            Some(e) => {
                let (head, cut) = truncate(e, OUTPUT_CHARS);
                *budget = budget.saturating_sub(head.len() + CASE_MARKUP);
                (Some(head.to_string()), cut)
            }
            None => (None, 0),
        };
        out.push(CaseView {
            id: id.to_string(),
            input: input.to_string(),
            input_cut,
            expected,
            expected_cut,
            marks,
            trials: views,
        });
    }
    let shown = out.len();
    (out, total, shown, cut_by_budget)
}

fn trial_state(t: &TrialRecord) -> (&'static str, &'static str) {
    if t.error_class.is_some() {
        ("error", "error")
    } else if t.passed {
        ("pass", "pass")
    } else {
        ("fail", "fail")
    }
}

fn short(text: &str) -> String {
    match truncate(text, NOTE_CHARS) {
        (head, 0) => head.to_string(),
        (head, _) => format!("{head}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{self, HOSTILE};

    fn page() -> String {
        render(&sample::report()).expect("renders")
    }

    /// The text between the first `start` and the next `end` after it.
    fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
        let from = html.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
        let to = html[from..]
            .find(end)
            .unwrap_or_else(|| panic!("no {end:?}"))
            + from;
        &html[from..to]
    }

    /// Fails when any tag of `html` is a script or an image, or carries an
    /// event handler: the hostile text may appear, escaped, only as text.
    fn assert_no_hostile_markup(html: &str) {
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            let close = rest[open..].find('>').map_or(rest.len(), |c| open + c);
            let tag = rest[open + 1..close].to_ascii_lowercase();
            assert!(
                !tag.starts_with("script") && !tag.starts_with("img"),
                "markup got through: <{tag}>"
            );
            assert!(
                !tag.contains("onerror"),
                "an event handler got through: <{tag}>"
            );
            rest = &rest[close.min(rest.len())..];
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
        }
    }

    #[test]
    fn the_page_is_self_contained() {
        let html = page();
        assert!(html.starts_with("<!doctype html>"));
        for external in ["http://", "https://", "<script", "<link", "@import", "url("] {
            assert!(!html.contains(external), "found {external:?}");
        }
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("<title>sizeup · starter · run r-20260412-0930-7f3a</title>"));
    }

    #[test]
    fn hostile_output_is_escaped_text() {
        let html = page();
        assert!(!html.contains("<script>document"));
        assert!(!html.contains("<img"));
        assert_no_hostile_markup(&html);
        let escaped = "&lt;script&gt;document.title=&#x27;x&#x27;&lt;&#x2f;script&gt;&quot;&gt;\
                       &lt;img src=x onerror=&quot;document.title=&#x27;x&#x27;&quot;&gt;";
        assert!(
            html.contains(escaped),
            "the hostile output is not shown as text"
        );
    }

    #[test]
    fn hostile_names_are_escaped_everywhere() {
        let mut report = sample::report();
        report.tasks[0].description = HOSTILE.into();
        report.verdicts[0].sentence = HOSTILE.into();
        for c in report
            .cells
            .iter_mut()
            .filter(|c| c.model == "smollm2-135m")
        {
            c.misses = Some(vec![crate::Miss {
                bar: "quality".into(),
                detail: HOSTILE.into(),
            }]);
        }
        // A model and a case named to inject markup, wherever names appear:
        // tables, chart labels and tooltips, the drill-down.
        let evil = format!("m{HOSTILE}");
        for m in &mut report.models {
            if m.id == "smollm2-135m" {
                m.id.clone_from(&evil);
            }
        }
        for c in &mut report.cells {
            if c.model == "smollm2-135m" {
                c.model.clone_from(&evil);
            }
        }
        for t in &mut report.trials {
            if t.model == "smollm2-135m" {
                t.model.clone_from(&evil);
                t.case = format!("c{HOSTILE}");
                t.error = Some(HOSTILE.into());
            }
        }
        let html = render(&report).unwrap();
        assert!(!html.contains("<script>document"));
        assert_no_hostile_markup(&html);
        assert!(html.contains("&lt;script&gt;document.title=&#x27;x&#x27;"));
    }

    #[test]
    fn headline_states_the_money() {
        let html = page();
        let head = between(&html, "<header", "</header>");
        assert!(head.contains("$665"), "{head}");
        assert!(head.contains("$474.92") || head.contains("$475"), "{head}");
        assert!(head.contains("$190"), "{head}");
        assert!(head.contains("$2,281 a year · 29% less"), "{head}");
        assert!(
            head.contains("ticket-summary"),
            "unpriced task not named: {head}"
        );
        assert!(head.contains(
            "Of 4 tasks, 1 can move to a cheaper model, 1 needs the reference, 1 is inconclusive \
             and 1 ran on one model only."
        ));
    }

    #[test]
    fn verdict_table_has_a_row_per_task_with_words() {
        let html = page();
        let table = between(&html, "<table class=\"verdicts\"", "</table>");
        assert_eq!(table.matches("<tr").count(), 5, "header and four rows");
        for word in [
            "Cheaper model is enough",
            "Needs the reference",
            "Inconclusive",
            "Not compared",
        ] {
            assert!(table.contains(word), "{word}");
        }
        assert!(
            table.contains("−1.0 pts of pass rate<span class=\"ci\">95% CI −2.1 to +1.4</span>")
        );
        assert!(table.contains("$41 instead of $231"));
        assert!(table.contains("900 ms within 3 s"));
        // Inconclusive: the difference shown is the model more cases would decide.
        assert!(table
            .contains("qwen2.5-coder-0.5b:</span> −1.5 pts of pass rate<span class=\"ci\">95% CI −4.8 to +1.8"));
    }

    #[test]
    fn the_comparison_with_the_baseline_comes_first_and_trends_mark_changes() {
        let html = page();
        let since = between(&html, "id=\"since-baseline\"", "id=\"task-1\"");
        let failing = since
            .find("class=\"kind failing\"")
            .expect("a failing regression");
        let other = since.find("class=\"kind regression\"").unwrap();
        let better = since.find("class=\"kind improvement\"").unwrap();
        let flip = since.find("class=\"kind flip\"").unwrap();
        assert!(failing < other && other < better && better < flip);
        assert!(since.contains("since baseline r-20260411-0930-1c2d (2026-04-11 09:30 UTC)"));
        assert!(since.contains("only in this run: not compared"));
        // Every model of the task has its three trends over the five runs,
        // the prompt change (third run) and the price change (fourth) marked.
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        assert!(task.contains("Over the last 5 runs"));
        assert_eq!(task.matches("<svg class=\"chart trend\"").count(), 9);
        assert_eq!(task.matches("class=\"change-label\"").count(), 18);
        assert!(task.contains("2026-04-10 09:30 UTC: prompt changed"));
        assert!(task.contains(">$</text>"));
        // One run is no trend.
        let mut report = sample::report();
        report.history.truncate(1);
        report.since_baseline = None;
        let html = render(&report).unwrap();
        assert!(!html.contains("chart trend"));
        assert!(!html.contains("id=\"since-baseline\""));
    }

    #[test]
    fn a_swept_model_shows_its_capacity_curve_and_the_economics() {
        let html = page();
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        let capacity = between(task, "Capacity of qwen2.5-coder-0.5b", "Self-hosting");
        assert!(capacity.contains("<strong>Goodput: 3.30 requests&#x2f;s</strong>"));
        assert!(capacity.contains("at 60% of the goodput and $0.90 an hour"));
        assert_eq!(capacity.matches("<svg class=\"chart xy\"").count(), 1);
        assert!(capacity.contains("class=\"goodput\""));
        assert!(capacity.contains("SLO 3 s"));
        // Every level a row, the ones that broke the objective said so.
        assert_eq!(
            capacity
                .matches("<td data-label=\"Meets objectives\">no</td>")
                .count(),
            2
        );
        let economics = between(
            task,
            "Self-hosting qwen2.5-coder-0.5b instead of gpt-4o",
            "Over the last",
        );
        assert!(economics.contains("Break-even: <strong>187,715 requests a month</strong>"));
        assert_eq!(economics.matches("months</th>").count(), 3);
        // The cost by volume, the break-even circled, and the cumulative cost.
        assert_eq!(economics.matches("<svg class=\"chart xy\"").count(), 2);
        assert!(
            economics.contains(">break-even 187.7k</text>"),
            "{economics}"
        );
        assert!(economics.contains("gpt-4o (API)"));
        // Tasks without a sweep have neither.
        let other = between(&html, "id=\"task-2\"", "id=\"task-3\"");
        assert!(!other.contains("Capacity of"));
    }

    #[test]
    fn each_task_has_its_charts_and_sentence() {
        let html = page();
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        assert_eq!(task.matches("<svg class=\"chart\"").count(), 3);
        assert!(task.contains("class=\"band\""));
        assert!(task.contains("class=\"frontier\""));
        assert!(task.contains("SLO 3 s"));
        assert!(task
            .contains("smollm2-135m is worse by 38.5 points of pass rate (95% CI −45.0 to −32.0)"));
        // The bars say which figure they hold a model to.
        assert!(task.contains("quality is the pass rate (a trial passes when every scorer passes"));
        assert!(task.contains("pass rate at least 90.0%"));
        assert!(task.contains("pass rate, paired 95% CI"));
        assert!(task.contains("qwen2.5-coder-0.5b (−1.0 points, 95% CI −2.1 to +1.4)"));
        assert!(
            task.contains("timeout 1"),
            "error classes in the statistics"
        );
        // Ranked best first.
        let chart = between(task, "<svg", "</svg>");
        let a = chart.find("gpt-4o").unwrap();
        let b = chart.find("qwen2.5-coder-0.5b").unwrap();
        let c = chart.find("smollm2-135m").unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn drill_down_is_collapsed_and_disagreements_come_first() {
        let html = page();
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        let drill = between(task, "<details class=\"cases\"", "</section>");
        assert!(!drill.contains(" open"), "collapsed by default");
        let first = between(drill, "<details class=\"case\"", "</summary>");
        assert!(
            !first.contains("email-001"),
            "a case all models passed came first"
        );
        assert!(drill.contains("no answer within 30 s"));
        assert!(drill.contains("Expected"));
    }

    #[test]
    fn drill_down_is_capped_with_a_note() {
        let report = sample::report_with_cases(CASES_PER_TASK + 50);
        let html = render(&report).unwrap();
        assert!(html.contains(&format!(
            "Showing {CASES_PER_TASK} of {} cases",
            CASES_PER_TASK + 50
        )));
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        assert_eq!(
            task.matches("<details class=\"case\"").count(),
            CASES_PER_TASK
        );
    }

    #[test]
    fn long_outputs_are_cut() {
        let mut report = sample::report();
        report.trials[0].output = "x".repeat(OUTPUT_CHARS + 10);
        let html = render(&report).unwrap();
        assert!(!html.contains(&"x".repeat(OUTPUT_CHARS + 1)));
        assert!(html.contains("10 more characters"));
    }

    #[test]
    fn an_empty_report_renders() {
        let mut report = sample::report();
        report.tasks.clear();
        report.cells.clear();
        report.verdicts.clear();
        report.trials.clear();
        report.portfolio = Default::default();
        let html = render(&report).unwrap();
        assert!(html.contains("No task has a verdict yet."));
    }

    /// Renders a report of about 100,000 trials in every format and prints
    /// the time and the HTML's size: `cargo test -p sizeup-reports --release
    /// -- --ignored --nocapture scale`.
    #[test]
    #[ignore]
    fn scale() {
        let report = sample::report_with_cases(11_111);
        let n = report.trials.len();
        let start = std::time::Instant::now();
        let html = render(&report).unwrap();
        let html_time = start.elapsed();
        let md = crate::markdown::render(&report).unwrap();
        let junit = crate::junit::render(&report).unwrap();
        let json = crate::json::render(&report).unwrap();
        let all = start.elapsed();
        println!(
            "{n} trials: html {:.3} s, {:.2} MB; every format {:.3} s (markdown {} B, junit {} B, json {:.1} MB)",
            html_time.as_secs_f64(),
            html.len() as f64 / 1e6,
            all.as_secs_f64(),
            md.len(),
            junit.len(),
            json.len() as f64 / 1e6
        );
        assert!(all.as_secs_f64() < 5.0);
        assert!(html.len() < 10_000_000);

        // Long outputs everywhere: the drill-down's budget keeps the page small.
        let mut report = report;
        let long = "lorem ipsum dolor sit amet ".repeat(60);
        for t in &mut report.trials {
            t.output.clone_from(&long);
        }
        let start = std::time::Instant::now();
        let html = render(&report).unwrap();
        println!(
            "{n} trials of {} characters each: html {:.3} s, {:.2} MB",
            long.len(),
            start.elapsed().as_secs_f64(),
            html.len() as f64 / 1e6
        );
        assert!(html.len() < 10_000_000);

        // Thirty tasks of long outputs: the budget, not the per-task cap, binds.
        let base = sample::report_with_cases(CASES_PER_TASK);
        let mut many = base.clone();
        many.tasks.clear();
        many.cells.clear();
        many.trials.clear();
        for k in 0..10 {
            let rename = |id: &str| format!("{id}-{k}");
            for t in &base.tasks {
                many.tasks.push(crate::TaskInfo {
                    id: rename(&t.id),
                    ..t.clone()
                });
            }
            for c in &base.cells {
                many.cells.push(crate::Cell {
                    task: rename(&c.task),
                    ..c.clone()
                });
            }
            for t in &base.trials {
                many.trials.push(crate::TrialRecord {
                    task: rename(&t.task),
                    output: long.clone(),
                    ..t.clone()
                });
            }
        }
        let start = std::time::Instant::now();
        let html = render(&many).unwrap();
        println!(
            "{} tasks, {} trials of {} characters each: html {:.3} s, {:.2} MB",
            many.tasks.len(),
            many.trials.len(),
            long.len(),
            start.elapsed().as_secs_f64(),
            html.len() as f64 / 1e6
        );
        assert!(html.len() < 10_000_000);
        assert!(html.contains("to keep this page small"));
    }
}
