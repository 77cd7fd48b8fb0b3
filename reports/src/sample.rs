//! A small but complete [`ReportModel`] for tests and previews of the
//! renderers: four tasks with one verdict of each kind, three models, every
//! interval filled in, an errored trial, and a model output that tries to
//! inject markup ([`HOSTILE`]).
//!
//! The numbers are made up to be plausible and mutually consistent enough
//! for a reader; they are not computed from the trials.

use crate::{
    Bar, Capacity, CapacityLevel, Cell, Change, Comparison, Economics, EconomicsInputs, Finding,
    Flip, HistoryPoint, HistoryRun, Interval, LoadKind, Metric, Miss, ModelInfo, Outcome,
    Percentiles, Portfolio, Projection, QualityMeasure, ReportModel, RunInfo, ScoreRecord, Shift,
    SinceBaseline, TaskInfo, Thresholds, TrialRecord, Verdict, FORMAT_VERSION,
};
use std::collections::BTreeMap;

/// A model output that would run a script, or add an element with an
/// event handler, if any renderer let it through as markup.
pub const HOSTILE: &str =
    "<script>document.title='x'</script>\"><img src=x onerror=\"document.title='x'\">";

/// The reference model of the sample.
pub const REFERENCE: &str = "gpt-4o";

const MODELS: [(&str, &str, &str); 3] = [
    ("gpt-4o", "openai", "gpt-4o-2024-08-06"),
    (
        "qwen2.5-coder-0.5b",
        "local",
        "Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
    ),
    ("smollm2-135m", "local", "SmolLM2-135M-Instruct Q4_1"),
];

/// The sample report: four tasks (a cheaper model is enough; needs the
/// reference; inconclusive; only one model ran it), three models, six cases
/// for each compared task and [`HOSTILE`] as one of smollm2's outputs.
pub fn report() -> ReportModel {
    build(6)
}

/// The sample report with `cases` cases per compared task (and their trials
/// for every model), for measuring how rendering scales.
pub fn report_with_cases(cases: usize) -> ReportModel {
    build(cases)
}

fn build(cases: usize) -> ReportModel {
    let tasks = vec![
        TaskInfo {
            id: "email-triage".into(),
            description: "Label an email as spam or ham".into(),
            min_quality: Some(0.90),
            quality_measure: QualityMeasure::PassRate,
            margin: Some(0.03),
            p95_latency_ms: Some(3000.0),
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: Some(66_000),
            max_error_rate: 0.02,
            regression: Thresholds::default(),
        },
        TaskInfo {
            id: "email-extraction".into(),
            description: "Extract From, To, Date and Subject as JSON".into(),
            min_quality: Some(0.90),
            quality_measure: QualityMeasure::PassRate,
            margin: Some(0.03),
            p95_latency_ms: Some(4000.0),
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: Some(40_000),
            max_error_rate: 0.02,
            regression: Thresholds::default(),
        },
        TaskInfo {
            id: "feedback-sentiment".into(),
            description: "Positive or negative, from one review sentence".into(),
            min_quality: Some(0.85),
            quality_measure: QualityMeasure::PassRate,
            margin: Some(0.03),
            p95_latency_ms: Some(1500.0),
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: Some(100_000),
            max_error_rate: 0.02,
            regression: Thresholds::default(),
        },
        TaskInfo {
            id: "ticket-summary".into(),
            description: "Summarise a support ticket in one line".into(),
            min_quality: None,
            quality_measure: QualityMeasure::Mean,
            margin: None,
            p95_latency_ms: None,
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: None,
            max_error_rate: 0.02,
            regression: Thresholds::default(),
        },
    ];
    let n = cases as u64;
    let ms = |p50: f64, p95: f64| Percentiles {
        n: cases as u64,
        p50,
        p90: p50 + (p95 - p50) * 0.7,
        p95,
        p95_low: Some(p95 * 0.9),
        p95_high: Some(p95 * 1.1),
        p99: p95 * 1.2,
        max: p95 * 1.5,
    };
    let ci = |estimate: f64, half: f64| Interval {
        estimate,
        low: (estimate - half).max(0.0),
        high: (estimate + half).min(1.0),
    };
    // Discordant cases as shares of the cases, so that any size stays consistent.
    let share = |f: f64| (f * n as f64).round() as u64;
    let versus = |estimate: f64, low: f64, high: f64, this: f64, theirs: f64, p: f64| Comparison {
        reference: REFERENCE.into(),
        cases: n,
        difference: Interval {
            estimate,
            low,
            high,
        },
        only_this_passed: share(this),
        only_reference_passed: share(theirs),
        mcnemar_p: p,
    };
    let miss = |bar: Bar, detail: &str| Miss {
        bar,
        detail: detail.into(),
    };
    #[allow(clippy::too_many_arguments)]
    let cell = |task: &str,
                model: &str,
                quality: f64,
                latency: Percentiles,
                usd_per_request: f64,
                volume: Option<u64>,
                vs: Option<Comparison>,
                misses: Option<Vec<Miss>>| {
        let errors = u64::from(model == "smollm2-135m" && task == "email-triage");
        let mut error_classes = BTreeMap::new();
        if errors > 0 {
            error_classes.insert("timeout".to_string(), errors);
        }
        Cell {
            task: task.into(),
            model: model.into(),
            n,
            errors,
            error_classes,
            cached: 0,
            mean_quality: Some(quality),
            answered_quality: Some((quality + 0.01).min(1.0)),
            pass_rate: Some(quality),
            latency_ms: Some(latency),
            ttft_ms: Some(ms(latency.p50 * 0.3, latency.p95 * 0.3)),
            tpot_ms: Some(ms(12.0, 19.0)),
            output_tokens_per_s: Some(ms(40.0, 60.0)),
            input_tokens: 310 * n,
            output_tokens: 12 * n,
            cost_usd: usd_per_request * n as f64,
            failure_cost_usd: if errors > 0 { 0.000_02 } else { 0.0 },
            usd_per_mtok_output: Some(usd_per_request / 12.0 * 1e6),
            quality_ci: Some(ci(quality, 0.03)),
            pass_ci: Some(ci(quality, 0.04)),
            error_rate: Some(errors as f64 / n.max(1) as f64),
            vs_reference: vs,
            usd_per_request: Some(usd_per_request),
            monthly_usd: volume.map(|v| v as f64 * usd_per_request),
            cost_basis: None,
            usd_per_request_busy: None,
            undecided: misses.as_ref().map(|_| Vec::new()),
            misses,
        }
    };
    let (triage, extraction, sentiment) = (Some(66_000), Some(40_000), Some(100_000));
    let mut cells = vec![
        cell(
            "email-triage",
            "gpt-4o",
            0.985,
            ms(620.0, 1100.0),
            0.0035,
            triage,
            None,
            None,
        ),
        cell(
            "email-triage",
            "qwen2.5-coder-0.5b",
            0.975,
            ms(410.0, 900.0),
            0.000_62,
            triage,
            Some(versus(-0.010, -0.021, 0.014, 0.17, 0.17, 1.0)),
            Some(vec![]),
        ),
        cell(
            "email-triage",
            "smollm2-135m",
            0.60,
            ms(180.0, 420.0),
            0.000_21,
            triage,
            Some(versus(-0.385, -0.45, -0.32, 0.0, 0.33, 0.000_000_2)),
            Some(vec![
                miss(
                    Bar::Quality,
                    "−38.5 (95% CI −45.0 to −32.0), beyond the 3-point margin",
                ),
                miss(Bar::Minimum, "mean quality 0.60 under the minimum 0.90"),
            ]),
        ),
        cell(
            "email-extraction",
            "gpt-4o",
            0.95,
            ms(1400.0, 2600.0),
            0.0061,
            extraction,
            None,
            None,
        ),
        cell(
            "email-extraction",
            "qwen2.5-coder-0.5b",
            0.83,
            ms(2100.0, 3800.0),
            0.0011,
            extraction,
            Some(versus(-0.12, -0.151, -0.089, 0.0, 0.17, 0.001)),
            Some(vec![
                miss(
                    Bar::Quality,
                    "−12.0 (95% CI −15.1 to −8.9), beyond the 3-point margin",
                ),
                miss(Bar::Minimum, "mean quality 0.83 under the minimum 0.90"),
            ]),
        ),
        cell(
            "email-extraction",
            "smollm2-135m",
            0.41,
            ms(2900.0, 5200.0),
            0.0006,
            extraction,
            Some(versus(-0.54, -0.60, -0.48, 0.0, 0.5, 0.000_000_001)),
            Some(vec![
                miss(
                    Bar::Quality,
                    "−54.0 (95% CI −60.0 to −48.0), beyond the 3-point margin",
                ),
                miss(Bar::Minimum, "mean quality 0.41 under the minimum 0.90"),
                miss(Bar::Latency, "p95 5.2 s over the 4.0 s SLO"),
            ]),
        ),
        cell(
            "feedback-sentiment",
            "gpt-4o",
            0.94,
            ms(540.0, 980.0),
            0.0019,
            sentiment,
            None,
            None,
        ),
        cell(
            "feedback-sentiment",
            "qwen2.5-coder-0.5b",
            0.925,
            ms(380.0, 760.0),
            0.000_31,
            sentiment,
            Some(versus(-0.015, -0.048, 0.018, 0.17, 0.33, 0.727)),
            Some(vec![]),
        ),
        cell(
            "feedback-sentiment",
            "smollm2-135m",
            0.71,
            ms(150.0, 330.0),
            0.000_09,
            sentiment,
            Some(versus(-0.23, -0.29, -0.17, 0.0, 0.33, 0.000_003)),
            Some(vec![
                miss(
                    Bar::Quality,
                    "−23.0 (95% CI −29.0 to −17.0), beyond the 3-point margin",
                ),
                miss(Bar::Minimum, "mean quality 0.71 under the minimum 0.85"),
            ]),
        ),
        cell(
            "ticket-summary",
            "gpt-4o",
            0.88,
            ms(1800.0, 3100.0),
            0.0072,
            None,
            None,
            None,
        ),
    ];
    // Qwen's interval on sentiment straddles the margin: undecided, not missed.
    let open = cells
        .iter_mut()
        .find(|c| c.task == "feedback-sentiment" && c.model == "qwen2.5-coder-0.5b")
        .expect("the sample has qwen on sentiment");
    open.undecided = Some(vec![miss(
        Bar::Quality,
        "−1.5 (95% CI −4.8 to +1.8) straddles the 3-point margin",
    )]);
    let verdicts = vec![
        Verdict {
            task: "email-triage".into(),
            outcome: Outcome::Cheaper,
            reference: REFERENCE.into(),
            reference_by_quality: false,
            recommended: Some("qwen2.5-coder-0.5b".into()),
            undecided: None,
            sentence: "email-triage: does not need gpt-4o. qwen2.5-coder-0.5b is within 3 points \
                       (95% CI −2.1 to +1.4), p95 0.9 s under the 3.0 s SLO, $41/month instead \
                       of $231 — saves $2,280 a year."
                .into(),
            reference_monthly_usd: Some(231.0),
            recommended_monthly_usd: Some(40.92),
            cases_needed: None,
        },
        Verdict {
            task: "email-extraction".into(),
            outcome: Outcome::NeedsReference,
            reference: REFERENCE.into(),
            reference_by_quality: false,
            recommended: Some(REFERENCE.into()),
            undecided: None,
            sentence: "email-extraction: needs gpt-4o. qwen2.5-coder-0.5b misses quality (−12.0 \
                       (95% CI −15.1 to −8.9), beyond the 3-point margin), minimum (mean quality \
                       0.83 under the minimum 0.90); smollm2-135m misses quality, minimum and \
                       latency (p95 5.2 s over the 4.0 s SLO)."
                .into(),
            reference_monthly_usd: Some(244.0),
            recommended_monthly_usd: Some(244.0),
            cases_needed: None,
        },
        Verdict {
            task: "feedback-sentiment".into(),
            outcome: Outcome::Inconclusive,
            reference: REFERENCE.into(),
            reference_by_quality: false,
            recommended: Some(REFERENCE.into()),
            undecided: Some("qwen2.5-coder-0.5b".into()),
            sentence: "feedback-sentiment: inconclusive. qwen2.5-coder-0.5b misses no bar but \
                       leaves undecided quality (−1.5 points of pass rate, 95% CI −4.8 to +1.8, \
                       straddles the 3-point margin: about 380 cases in all (374 more) would \
                       decide it)."
                .into(),
            reference_monthly_usd: Some(190.0),
            recommended_monthly_usd: Some(190.0),
            cases_needed: Some(380),
        },
        Verdict {
            task: "ticket-summary".into(),
            outcome: Outcome::Alone,
            reference: REFERENCE.into(),
            reference_by_quality: true,
            recommended: Some(REFERENCE.into()),
            undecided: None,
            sentence: "ticket-summary: only gpt-4o ran this task; there is nothing to compare it \
                       with."
                .into(),
            reference_monthly_usd: None,
            recommended_monthly_usd: None,
            cases_needed: None,
        },
    ];
    let portfolio = Portfolio {
        reference_monthly_usd: 665.0,
        recommended_monthly_usd: 474.92,
        savings_monthly_usd: 190.08,
        savings_yearly_usd: 2280.96,
        unpriced_tasks: vec!["ticket-summary".into()],
    };
    let trials = trials(&tasks, cases);
    let cost: f64 = cells.iter().map(|c| c.cost_usd).sum();
    let history = history(&cells);
    ReportModel {
        format_version: FORMAT_VERSION,
        run: RunInfo {
            id: "r-20260412-0930-7f3a".into(),
            suite: "starter".into(),
            suite_path: "/home/ops/sizeup/suites/starter.yaml".into(),
            started_at: "2026-04-12T09:30:04Z".into(),
            finished_at: Some("2026-04-12T09:41:52Z".into()),
            status: crate::RunStatus::Finished,
            trials_planned: trials.len() as u64,
            trials_done: trials.len() as u64,
            cost_usd: cost,
            failure_cost_usd: 0.000_02,
        },
        models: MODELS
            .iter()
            .map(|(id, provider, model)| ModelInfo {
                id: (*id).into(),
                provider: (*provider).into(),
                model: (*model).into(),
                role: (*id == REFERENCE).then_some(crate::Role::Reference),
                base_url: (*provider == "openai").then(|| "https://api.openai.com/v1".into()),
                api_version: None,
                api_key_env: (*provider == "openai").then(|| "OPENAI_API_KEY".into()),
            })
            .collect(),
        tasks,
        cells,
        verdicts,
        portfolio,
        trials,
        since_baseline: Some(since_baseline()),
        history,
        capacity: vec![capacity()],
        economics: vec![economics()],
        judges: Vec::new(),
    }
}

/// Every trial of the sample: each compared task's cases for each model,
/// and two cases of the single-model task.
fn trials(tasks: &[TaskInfo], cases: usize) -> Vec<TrialRecord> {
    let mut out = Vec::new();
    for task in tasks {
        let (models, count) = if task.id == "ticket-summary" {
            (&MODELS[..1], 2)
        } else {
            (&MODELS[..], cases)
        };
        for c in 0..count {
            let case = format!("{}-{:03}", &task.id[..5], c + 1);
            let expected = match task.id.as_str() {
                "email-triage" => ["spam", "ham"][c % 2].to_string(),
                "email-extraction" => {
                    format!("{{\"from\": \"ann{c}@example.org\", \"subject\": \"Invoice {c}\"}}")
                }
                "feedback-sentiment" => ["positive", "negative"][c % 2].to_string(),
                _ => "Customer cannot reset the password after the update.".into(),
            };
            for (m, (model, _, _)) in models.iter().enumerate() {
                // The reference gets everything right; the others miss a
                // share of the cases, the smallest the most.
                let wrong = m > 0 && (c * (m + 1)) % 5 == 2;
                let errored = *model == "smollm2-135m" && task.id == "email-triage" && c == 1;
                let hostile = *model == "smollm2-135m" && task.id == "email-triage" && c == 2;
                let output = if errored {
                    String::new()
                } else if hostile {
                    HOSTILE.to_string()
                } else if wrong {
                    match task.id.as_str() {
                        "email-triage" | "feedback-sentiment" => {
                            format!("The answer is probably {}.", ["ham", "neutral"][c % 2])
                        }
                        _ => "{\"from\": \"unknown\"}".into(),
                    }
                } else {
                    expected.clone()
                };
                let passed = !(wrong || errored || hostile);
                let quality = (!errored).then_some(if passed { 1.0 } else { 0.0 });
                let scorer = match task.id.as_str() {
                    "email-extraction" => "json_fields",
                    "ticket-summary" => "similarity",
                    _ => "label",
                };
                let scores = if errored {
                    vec![]
                } else {
                    vec![ScoreRecord {
                        scorer: scorer.into(),
                        weight: 1.0,
                        value: quality.unwrap_or(0.0),
                        passed,
                        answer: Some(if hostile {
                            HOSTILE.to_string()
                        } else {
                            output.chars().take(40).collect()
                        }),
                        reason: if passed {
                            "matches the expected answer".into()
                        } else {
                            format!("expected {expected:?}, got something else")
                        },
                    }]
                };
                out.push(TrialRecord {
                    id: format!("{:016x}", out.len() as u64 * 0x9e37_79b9 + 17),
                    task: task.id.clone(),
                    case: case.clone(),
                    model: (*model).into(),
                    repeat: 0,
                    input: format!("{}: {case}", task.description),
                    output,
                    expected: Some(expected.clone()),
                    error_class: errored.then(|| "timeout".to_string()),
                    error: errored.then(|| "no answer within 30 s".to_string()),
                    finish_reason: if errored { "error" } else { "stop" }.into(),
                    quality,
                    passed,
                    scores,
                    input_tokens: 310,
                    output_tokens: 12,
                    reasoning_tokens: 0,
                    usage_estimated: false,
                    ttft_us: Some(120_000 + 40_000 * m as u64),
                    latency_us: 400_000 + 150_000 * m as u64 + 7_000 * c as u64,
                    attempts: if errored { 3 } else { 1 },
                    cached: false,
                    cost_usd: 0.0002,
                    failure_cost_usd: 0.0,
                });
            }
        }
    }
    out
}

/// Last night's run against the one before: a failing quality regression,
/// a latency regression that does not fail, an improvement, a flipped
/// verdict and a model only this run has.
fn since_baseline() -> SinceBaseline {
    let shift = |before: f64, after: f64| Shift {
        before: Some(before),
        after: Some(after),
    };
    let change = |task: &str, model: &str, findings: Vec<Finding>| Change {
        task: task.into(),
        model: model.into(),
        cases: 6,
        only_in_baseline: 0,
        only_in_this_run: 0,
        quality: Some(Interval {
            estimate: -0.33,
            low: -0.6,
            high: -0.07,
        }),
        now_passed: 0,
        now_failed: 2,
        mcnemar_p: 0.5,
        mean_quality: shift(0.83, 0.5),
        latency_p95_ms: shift(410.0, 980.0),
        ttft_p95_ms: shift(120.0, 130.0),
        usd_per_request: shift(0.0004, 0.0004),
        error_rate: shift(0.0, 0.0),
        findings,
    };
    SinceBaseline {
        baseline: RunInfo {
            id: "r-20260411-0930-1c2d".into(),
            suite: "starter".into(),
            suite_path: "/home/ops/sizeup/suites/starter.yaml".into(),
            started_at: "2026-04-11T09:30:02Z".into(),
            finished_at: Some("2026-04-11T09:41:10Z".into()),
            status: crate::RunStatus::Finished,
            trials_planned: 66,
            trials_done: 66,
            cost_usd: 0.41,
            failure_cost_usd: 0.0,
        },
        fail_on: vec![Metric::Quality, Metric::Errors],
        changes: vec![
            change(
                "email-extraction",
                "qwen2.5-coder-0.5b",
                vec![
                    Finding {
                        metric: Metric::Quality,
                        regression: true,
                        detail: "quality −33.0 points (95% CI −60.0 to −7.0) on 6 cases; 2 now fail, 0 now pass (McNemar p = 0.500)".into(),
                    },
                    Finding {
                        metric: Metric::Latency,
                        regression: true,
                        detail: "p95 latency 410 ms → 980 ms (+139%)".into(),
                    },
                ],
            ),
            change(
                "feedback-sentiment",
                "smollm2-135m",
                vec![Finding {
                    metric: Metric::Cost,
                    regression: false,
                    detail: "cost per 1,000 requests $0.52 → $0.31 (−40%)".into(),
                }],
            ),
        ],
        flips: vec![Flip {
            task: "email-extraction".into(),
            before: Outcome::Cheaper,
            before_recommended: Some("qwen2.5-coder-0.5b".into()),
            after: Outcome::NeedsReference,
            after_recommended: Some(REFERENCE.into()),
            sentence: format!("email-extraction now needs more than qwen2.5-coder-0.5b, adequate in the baseline: needs {REFERENCE}."),
        }],
        only_in_baseline: Vec::new(),
        only_in_this_run: vec!["ticket-summary / gpt-4o".into()],
    }
}

/// Four earlier nights and this one, each cell a little different, with the
/// prompt changed on the third night and the price on the fourth.
fn history(cells: &[Cell]) -> Vec<HistoryRun> {
    (0..5)
        .map(|night| HistoryRun {
            run: format!("r-2026040{}-0930", 8 + night),
            started_at: format!("2026-04-{:02}T09:30:00Z", 8 + night),
            points: cells
                .iter()
                .map(|c| {
                    let wobble = [0.0, 0.03, -0.05, 0.02, 0.0][night];
                    HistoryPoint {
                        task: c.task.clone(),
                        model: c.model.clone(),
                        quality: c.quality_ci.map(|q| Interval {
                            estimate: (q.estimate + wobble).clamp(0.0, 1.0),
                            low: (q.low + wobble).clamp(0.0, 1.0),
                            high: (q.high + wobble).clamp(0.0, 1.0),
                        }),
                        latency_p95_ms: c.latency_ms.map(|l| l.p95 * (1.0 + wobble)),
                        usd_per_request: c.usd_per_request,
                        changed: match night {
                            2 => vec!["prompt".into()],
                            3 => vec!["price".into()],
                            _ => Vec::new(),
                        },
                    }
                })
                .collect(),
        })
        .collect()
}

/// A goodput search of qwen on email-triage: one at a time, then rates
/// doubling until the 3 s objective breaks, then bisection.
fn capacity() -> Capacity {
    let level =
        |load: LoadKind, target: f64, served: f64, p95_ms: f64, meets: bool| CapacityLevel {
            load,
            target,
            sent: 100,
            measured: 80,
            errors: 0,
            error_classes: BTreeMap::new(),
            resent: 0,
            duration_s: 80.0 / served,
            offered_rps: target,
            throughput_rps: served,
            output_tokens_per_s: served * 2.0,
            ttft_ms: Some(percentiles(p95_ms * 0.9)),
            tpot_ms: Some(percentiles(40.0)),
            latency_ms: Some(percentiles(p95_ms)),
            latency_growth: Some(if meets { 1.05 } else { 2.4 }),
            meets_slo: Some(meets),
            cut_short: false,
        };
    Capacity {
        sweep: "r-20260412-1010-9b1e".into(),
        task: "email-triage".into(),
        model: "qwen2.5-coder-0.5b".into(),
        started_at: "2026-04-12T10:10:00Z".into(),
        slo: BTreeMap::from([
            ("max_error_rate".to_string(), 0.02),
            ("p95_latency_ms".to_string(), 3000.0),
        ]),
        levels: vec![
            level(LoadKind::Concurrency, 1.0, 1.1, 1100.0, true),
            level(LoadKind::Rate, 2.2, 2.1, 1400.0, true),
            level(LoadKind::Rate, 4.4, 3.9, 6200.0, false),
            level(LoadKind::Rate, 3.3, 3.3, 2600.0, true),
            level(LoadKind::Rate, 3.85, 3.5, 4100.0, false),
        ],
        goodput_rps: Some(3.3),
        goodput_ceiling_rps: Some(3.85),
        hourly_usd: Some(0.9),
        economics: EconomicsInputs::default(),
        usd_per_request: Some(0.9 / (3.3 * 3600.0 * 0.6)),
        usd_per_mtok_output: Some(0.9 / (6.6 * 3600.0 * 0.6) * 1e6),
    }
}

fn percentiles(p95: f64) -> Percentiles {
    Percentiles {
        n: 80,
        p50: p95 * 0.7,
        p90: p95 * 0.95,
        p95,
        p95_low: None,
        p95_high: None,
        p99: p95 * 1.1,
        max: p95 * 1.2,
    }
}

/// Self-hosting qwen for email-triage against gpt-4o, with the projection
/// that sample's inputs give.
fn economics() -> Economics {
    Economics {
        task: "email-triage".into(),
        model: "qwen2.5-coder-0.5b".into(),
        replaces: REFERENCE.into(),
        api_usd_per_request: 0.0035,
        hourly_usd: 0.9,
        replica_requests_per_month: 2_890_800.0,
        break_even_requests_per_month: Some(187_715.0),
        replicas: Some(1),
        machines: Some(1),
        api_monthly_usd: Some(231.0),
        self_hosted_monthly_usd: Some(657.0),
        projection: vec![
            Projection {
                months: 12,
                requests: 980_000.0,
                api_usd: 2_120.0,
                self_hosted_usd: 7_884.0,
            },
            Projection {
                months: 24,
                requests: 2_450_000.0,
                api_usd: 3_390.0,
                self_hosted_usd: 15_768.0,
            },
            Projection {
                months: 36,
                requests: 4_660_000.0,
                api_usd: 4_150.0,
                self_hosted_usd: 23_652.0,
            },
        ],
        self_hosting_cheaper_from_month: None,
        api_cheaper_from_month: None,
        inputs: EconomicsInputs::default(),
        sentence: "email-triage: one replica of qwen2.5-coder-0.5b ($0.90 an hour, 3.3 requests/s within the objectives, sized for a peak 3× the average) serves 2,890,800 requests a month; self-hosting costs less than gpt-4o above 187,715 requests a month. At this task's volume: $231 a month on gpt-4o against $657 for 1 replica(s). With the API's price falling 60% a year and the volume growing 50%, the API stays cheaper for three years.".into(),
    }
}
