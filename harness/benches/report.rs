//! How long every report format takes for a big run, from the store.
//!
//! Stores a run of 100,000 trials (4 tasks × 5 models × 5,000 cases, a
//! tenth of them wrong and one in fifty failed) in a fresh database, then
//! times reading it back with its statistics and verdicts
//! (`analysis::report`) and rendering each format, and prints each time and
//! size. It checks that the work was done: every trial read, a verdict per
//! task, the HTML holding its verdict table. Targets: every format in under
//! 5 s, the HTML under 10 MB.
//!
//! `cargo bench -p sizeup --bench report` (`SIZEUP_BENCH_TRIALS=N` for another size).

use sizeup::analysis;
use sizeup::store::{NewTrial, Owner, RunModel, RunRow, RunStatus, RunTask, ScoreRow, Store};
use sizeup::suite::{Cost, QualityMeasure};
use sizeup_runners::{Completion, ErrorClass, Failure, FinishReason, Timing, Usage};
use std::collections::BTreeMap;
use std::time::Instant;

const TASKS: usize = 4;

/// One format's renderer.
type Render = fn(&sizeup_reports::ReportModel) -> Result<String, sizeup_reports::RenderError>;
const MODELS: usize = 5;

fn main() {
    let trials: usize = std::env::var("SIZEUP_BENCH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let cases = trials / (TASKS * MODELS);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("results.db")).expect("store");
    let started = Instant::now();
    fill(&mut store, cases);
    let fill_s = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let report =
        analysis::report(&store, "bench", analysis::history::DEFAULT_RUNS).expect("report");
    let analysis_s = started.elapsed().as_secs_f64();
    assert_eq!(report.run.trials_done as usize, cases * TASKS * MODELS);
    assert_eq!(report.trials.len(), cases * TASKS * MODELS);
    assert_eq!(report.verdicts.len(), TASKS);

    println!(
        "{} trials ({cases} cases × {TASKS} tasks × {MODELS} models); stored in {fill_s:.1} s",
        report.trials.len()
    );
    println!("{:<10} {:>9} {:>12}", "step", "seconds", "bytes");
    println!("{:<10} {:>9.3} {:>12}", "analysis", analysis_s, "-");
    let formats: [(&str, Render); 5] = [
        ("json", sizeup_reports::json::render),
        ("html", sizeup_reports::html::render),
        ("markdown", sizeup_reports::markdown::render),
        ("junit", sizeup_reports::junit::render),
        ("litellm", sizeup_reports::litellm::render),
    ];
    let mut total = analysis_s;
    for (name, render) in formats {
        let started = Instant::now();
        let text = render(&report).expect("render");
        let s = started.elapsed().as_secs_f64();
        total += s;
        match name {
            "html" => {
                assert!(
                    text.contains("<table class=\"verdicts\">"),
                    "the HTML lacks its verdict table"
                );
                assert!(
                    text.len() < 10 << 20,
                    "the HTML is {} bytes, over 10 MB",
                    text.len()
                );
            }
            "junit" => assert!(text.contains("<testcase"), "JUnit without test cases"),
            _ => assert!(!text.is_empty()),
        }
        println!("{name:<10} {s:>9.3} {:>12}", text.len());
    }
    println!("{:<10} {total:>9.3}", "all");
}

/// Stores the run: case `c` of model `m` is wrong every tenth case after
/// the model's offset and failed every fiftieth.
fn fill(store: &mut Store, cases: usize) {
    let run = RunRow {
        id: "bench".into(),
        suite: "bench".into(),
        suite_path: "/bench.yaml".into(),
        options: "{}".into(),
        status: RunStatus::Finished,
        started_at: "2026-01-01T00:00:00Z".into(),
        finished_at: Some("2026-01-01T01:00:00Z".into()),
        trials_planned: (cases * TASKS * MODELS) as u64,
        shard: None,
        plan_trials: (cases * TASKS * MODELS) as u64,
    };
    let models: Vec<RunModel> = (0..MODELS)
        .map(|m| RunModel {
            id: format!("model-{m}"),
            provider: "openai_compatible".into(),
            model: format!("m{m}"),
            reference: m == 0,
            identity: "{}".into(),
            base_url: Some("http://127.0.0.1:8000/v1".into()),
            api_version: None,
            api_key_env: None,
            cost: Some(Cost {
                input_per_mtok: 10.0 / (m + 1) as f64,
                output_per_mtok: 30.0 / (m + 1) as f64,
                ..Cost::default()
            }),
            price_source: Some("bench".into()),
        })
        .collect();
    let tasks: Vec<RunTask> = (0..TASKS)
        .map(|t| RunTask {
            id: format!("task-{t}"),
            description: "a task".into(),
            min_quality: Some(0.8),
            quality_measure: QualityMeasure::PassRate,
            margin: Some(0.05),
            p95_latency_ms: Some(2000.0),
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: Some(100_000),
            max_error_rate: 0.05,
            regression: Default::default(),
            judge_bars: Default::default(),
        })
        .collect();
    let owner = Owner {
        pid: std::process::id(),
        host: "bench".into(),
    };
    store
        .create_run(&run, &models, &tasks, &BTreeMap::new(), &owner)
        .expect("run");
    let ok = completion(None);
    let failed = completion(Some(ErrorClass::ServerError));
    let mut seq = 0;
    for (t, task) in tasks.iter().enumerate() {
        for c in 0..cases {
            let case = format!("case-{c}");
            let ids: Vec<String> = (0..MODELS).map(|m| format!("{t}-{c}-{m}")).collect();
            let batch: Vec<NewTrial<'_>> = (0..MODELS)
                .map(|m| {
                    seq += 1;
                    let error = (c + m) % 50 == 0;
                    let right = !error && (c + m) % 10 != 0;
                    NewTrial {
                        id: &ids[m],
                        cache_key: &ids[m],
                        seq,
                        task: &task.id,
                        case: &case,
                        model: &models[m].id,
                        repeat: 0,
                        request: "{}".into(),
                        expected: Some("\"billing\"".into()),
                        completion: if error { &failed } else { &ok },
                        quality: (!error).then_some(if right { 1.0 } else { 0.0 }),
                        passed: right,
                        scores: vec![ScoreRow {
                            scorer: "label".into(),
                            weight: 1.0,
                            value: if right { 1.0 } else { 0.0 },
                            passed: right,
                            answer: Some("billing".into()),
                            reason: "label billing".into(),
                        }],
                        cost_usd: 0.0001,
                        failure_cost_usd: 0.0,
                        cached: false,
                    }
                })
                .collect();
            store.insert_trials("bench", &batch).expect("insert");
        }
    }
}

fn completion(error: Option<ErrorClass>) -> Completion {
    Completion {
        text: "The ticket is about billing: the customer was charged twice.".into(),
        usage: Usage {
            input_tokens: 300,
            output_tokens: 12,
            ..Usage::default()
        },
        timing: Timing {
            ttft_us: Some(120_000),
            total_us: 480_000,
            gaps_us: vec![30_000; 11],
        },
        finish: FinishReason::Stop,
        error: error.map(|c| Failure::new(c, "HTTP 500")),
        attempts: 1,
        retried_usage: Usage::default(),
    }
}
