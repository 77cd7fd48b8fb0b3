//! `sizeup run`: plan, execute, store, summarise.

use super::report::{store_error, write};
use super::{chain, message, price_book, print, CliError};
use crate::budget::Budget;
use crate::cli::RunArgs;
use crate::engine::{self, Control, Job};
use crate::events::Event;
use crate::plan::{Plan, Selection};
use crate::providers;
use crate::sinks::{self, Progress, Sink, StoreSink};
use crate::store::{RunRow, Store};
use crate::suite::{self, Suite};
use crate::{analysis, time};
use serde::{Deserialize, Serialize};
use sizeup_reports::{ModelInfo, TaskInfo};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// The options that decide a run's plan, stored with the run so that
/// `--resume` plans exactly the same trials.
#[derive(Debug, Serialize, Deserialize)]
struct RunOptions {
    suite: PathBuf,
    models: Option<PathBuf>,
    #[serde(default)]
    prices: Option<PathBuf>,
    tasks: Vec<String>,
    model_ids: Vec<String>,
    limit: Option<usize>,
    repeats: Option<u32>,
}

impl RunOptions {
    fn selection(&self) -> Selection {
        Selection {
            tasks: self.tasks.clone(),
            models: self.model_ids.clone(),
            limit: self.limit,
            repeats: self.repeats,
        }
    }
}

pub fn run(args: RunArgs) -> Result<ExitCode, CliError> {
    if let Some(n) = args.threads {
        // candle sizes its thread pools from these variables when a local
        // model first runs, which is after this point.
        std::env::set_var("RAYON_NUM_THREADS", n.to_string());
        std::env::set_var("CANDLE_NUM_THREADS", n.to_string());
    }
    let db = args.db.db.clone();
    let store = Store::open(&db).map_err(|e| CliError::input(message(chain(&e))))?;
    let (run_id, options) = match &args.resume {
        Some(id) => {
            let row = store.run(id).map_err(store_error)?;
            let options: RunOptions = serde_json::from_str(&row.options).map_err(|e| {
                CliError::input(message(format!("run `{id}` has unreadable options: {e}")))
            })?;
            (Some(row.id), options)
        }
        None => (
            None,
            RunOptions {
                suite: args
                    .suite
                    .clone()
                    .expect("clap requires SUITE without --resume"),
                models: args.models.clone(),
                prices: args.prices.prices.clone(),
                tasks: args.select.tasks.clone(),
                model_ids: args.select.model_ids.clone(),
                limit: args.select.limit,
                repeats: args.select.repeats,
            },
        ),
    };
    let prices = price_book(options.prices.as_deref())?;
    let suite = Arc::new(suite::load(
        &options.suite,
        options.models.as_deref(),
        &prices,
    )?);
    let plan = Arc::new(
        Plan::new(&suite, &options.selection())
            .map_err(|e| CliError::input(message(e.to_string())))?,
    );
    let client = reqwest::Client::builder()
        .build()
        .map_err(|e| CliError::incomplete(message(chain(&e))))?;
    // Only the models the plan uses are built: a local model is loaded here.
    let used: HashSet<usize> = plan.trials.iter().map(|t| t.model).collect();
    let mut runners = Vec::new();
    for (i, model) in suite.models.iter().enumerate() {
        runners.push(match used.contains(&i) {
            true => Some(
                providers::runner(model, &client)
                    .map_err(|e| CliError::input(message(chain(&e))))?,
            ),
            false => None,
        });
    }

    let skip: HashSet<String> = match &run_id {
        Some(id) => store.succeeded(id).map_err(store_error)?,
        None => HashSet::new(),
    };
    let cache = if args.cache {
        let ids: Vec<&str> = plan
            .trials
            .iter()
            .map(|t| t.id.as_str())
            .filter(|id| !skip.contains(*id))
            .collect();
        store.cached(&ids).map_err(store_error)?
    } else {
        HashMap::new()
    };

    let run_id = match run_id {
        Some(id) => {
            store
                .set_status(&id, "running", None)
                .map_err(store_error)?;
            id
        }
        None => {
            let id = new_run_id();
            store
                .create_run(&run_row(&id, &suite, &plan, &options))
                .map_err(store_error)?;
            id
        }
    };

    let job = Arc::new(Job {
        suite: suite.clone(),
        plan: plan.clone(),
        runners,
        concurrency: args.concurrency.map_or(suite.concurrency, |c| c as usize),
        skip,
        cache,
        budget: args.budget_usd.map(|usd| Arc::new(Budget::new(usd))),
    });
    let budget = job.budget.clone();
    let mut sinks: Vec<Box<dyn Sink>> = vec![Box::new(StoreSink::new(
        store,
        run_id.clone(),
        suite.clone(),
        plan.clone(),
    ))];
    if !args.quiet {
        let totals = job
            .queues()
            .iter()
            .zip(&suite.models)
            .map(|(q, m)| (m.id.clone(), q.len() as u64))
            .collect();
        sinks.push(Box::new(Progress::new(
            plan.clone(),
            totals,
            std::io::stderr().is_terminal(),
        )));
    }

    let control = Control::default();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let collector = {
        let abort = control.abort.clone();
        std::thread::spawn(move || sinks::collect(rx, sinks, abort))
    };
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| CliError::incomplete(message(chain(&e))))?;
    let grace = Duration::try_from_secs_f64(args.grace.max(0.0)).unwrap_or(Duration::from_secs(10));
    runtime.block_on(async {
        let signals = tokio::spawn(watch_interrupts(control.clone(), grace));
        engine::execute(job, tx, control.clone()).await;
        signals.abort();
    });
    drop(runtime);
    let stored = collector
        .join()
        .unwrap_or_else(|_| panic!("the result collector panicked"));

    let interrupted = control.stop.is_cancelled() || control.abort.is_cancelled();
    let store = Store::open(&db).map_err(|e| CliError::incomplete(message(chain(&e))))?;
    let status = match (&stored, interrupted) {
        (Err(_), _) => "failed",
        (Ok(()), true) => "interrupted",
        (Ok(()), false) => "finished",
    };
    store
        .set_status(&run_id, status, Some(&time::now_rfc3339()))
        .map_err(store_error)?;
    if let Err(e) = stored {
        return Err(CliError::incomplete(message(format!(
            "run {run_id} stopped: {}; resume with: sizeup run --resume {run_id} --db {}",
            chain(&e),
            db.display()
        ))));
    }

    let report = analysis::summary(&store, &run_id).map_err(store_error)?;
    print(&sizeup_reports::table::render(&report));
    if let Some(path) = &args.json {
        let full = analysis::report(&store, &run_id).map_err(store_error)?;
        let text = sizeup_reports::json::render(&full)
            .map_err(|e| CliError::incomplete(message(chain(&e))))?;
        write(path, &text)?;
    }
    if let Some(b) = budget.filter(|b| b.exhausted()) {
        eprintln!(
            "budget reached: ${:.4} of ${:.4} spent; {} of {} trials stored; the next trial could have passed the budget. \
             Continue with: sizeup run --resume {run_id} --db {} --budget-usd AMOUNT",
            b.spent(),
            b.limit(),
            report.run.trials_done,
            report.run.trials_planned,
            db.display()
        );
        return Ok(ExitCode::from(3));
    }
    if interrupted {
        eprintln!(
            "interrupted: {} of {} trials stored; resume with: sizeup run --resume {run_id} --db {}",
            report.run.trials_done,
            report.run.trials_planned,
            db.display()
        );
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

/// First Ctrl-C: start nothing new and give trials in flight `grace` to
/// finish. Second Ctrl-C, or the end of the grace: abandon them.
async fn watch_interrupts(control: Control, grace: Duration) {
    if tokio::signal::ctrl_c().await.is_err() {
        return;
    }
    control.stop.cancel();
    eprintln!(
        "stopping: waiting up to {:.0}s for trials in flight (Ctrl-C again to stop now)",
        grace.as_secs_f64()
    );
    tokio::select! {
        _ = tokio::time::sleep(grace) => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    control.abort.cancel();
}

fn run_row(id: &str, suite: &Suite, plan: &Plan, options: &RunOptions) -> RunRow {
    let used_models: HashSet<usize> = plan.trials.iter().map(|t| t.model).collect();
    let used_tasks: HashSet<usize> = plan.trials.iter().map(|t| t.task).collect();
    let models: Vec<ModelInfo> = suite
        .models
        .iter()
        .enumerate()
        .filter(|(i, _)| used_models.contains(i))
        .map(|(_, m)| ModelInfo {
            id: m.id.clone(),
            provider: m.provider.as_str().to_string(),
            model: m.model.clone(),
            role: m.reference.then(|| "reference".to_string()),
        })
        .collect();
    let tasks: Vec<TaskInfo> = suite
        .tasks
        .iter()
        .enumerate()
        .filter(|(i, _)| used_tasks.contains(i))
        .map(|(_, t)| TaskInfo {
            id: t.id.clone(),
            description: t.description.clone(),
        })
        .collect();
    RunRow {
        id: id.to_string(),
        suite: suite.name.clone(),
        suite_path: suite.file.display().to_string(),
        options: serde_json::to_string(options).unwrap_or_default(),
        status: "running".into(),
        started_at: time::now_rfc3339(),
        finished_at: None,
        trials_planned: plan.trials.len() as u64,
        models: serde_json::to_string(&models).unwrap_or_default(),
        tasks: serde_json::to_string(&tasks).unwrap_or_default(),
    }
}

/// `YYYYMMDD-HHMMSS-xxxx`: sortable, readable, and unique enough for one machine.
fn new_run_id() -> String {
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("{}-{:04x}", time::now_compact(), random & 0xffff)
}
