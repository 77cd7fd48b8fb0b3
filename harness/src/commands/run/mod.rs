//! `sizeup run`: plan, execute, store, summarise.
//!
//! `options` decides what is planned (and what a resume must find
//! unchanged), `setup` prepares runners, skips and the cache, `signals`
//! handles Ctrl-C; this file puts them in order and says how the run ended.

pub(super) mod options;
pub(super) mod setup;
mod signals;

use super::compare;
use super::report::{self, store_error};
use super::{chain, message, price_book, print, warn, CliError};
use crate::budget::Budget;
use crate::cli::RunArgs;
use crate::engine::{self, Control, Job};
use crate::events::Event;
use crate::plan::Plan;
use crate::sinks::SinkError;
use crate::sinks::{self, Progress, Sink, StoreSink};
use crate::store::{Owner, RunModel, RunRow, RunStatus, RunTask, Store, StoreError};
use crate::{analysis, suite, time};
use options::RunOptions;
use sizeup_reports::ReportModel;
use sizeup_runners::ErrorClass;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hasher};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

pub fn run(args: RunArgs) -> Result<ExitCode, CliError> {
    if let Some(n) = args.threads {
        // candle sizes its thread pools from these variables when a local
        // model first runs, which is after this point.
        std::env::set_var("RAYON_NUM_THREADS", n.to_string());
        std::env::set_var("CANDLE_NUM_THREADS", n.to_string());
    }
    let db = args.db.db.clone();
    let mut store = Store::open(&db).map_err(store_error)?;
    let resumed = match &args.resume {
        Some(id) => Some(store.run(id).map_err(store_error)?),
        None => None,
    };
    let planned = plan(&args, &store, resumed.as_ref(), &db)?;
    // Runners tell of their waits as they happen, so the channel comes first.
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let runners = setup::runners(&planned.suite, &planned.plan, &tx)?;
    let run_id = claim(&mut store, resumed, &planned, args.force)?;
    // From here the run is this process's: any way out releases it.
    let mut held = Held {
        db: &db,
        run_id: &run_id,
        released: false,
    };
    let job = job(&args, &store, &planned, runners, &run_id)?;
    let budget = job.budget.clone();
    let (stored, control) = execute(&args, job, store, &planned, &run_id, (tx, rx))?;

    let store = Store::open(&db).map_err(|e| CliError::incomplete(message(chain(&e))))?;
    let resume = format!("sizeup run --resume {run_id} --db {}", db.display());
    if let Err(e) = stored {
        store
            .finish_run(&run_id, RunStatus::Failed, &time::now_rfc3339())
            .map_err(store_error)?;
        held.released = true;
        return Err(CliError::incomplete(message(format!(
            "run {run_id} stopped: {}; resume with: {resume}",
            chain(&e)
        ))));
    }
    let report = analysis::summary(&store, &run_id).map_err(store_error)?;
    let stopped = control.stop.is_cancelled() || control.abort.is_cancelled();
    let ending = Ending::of(&report, stopped, budget.as_deref());
    let finished_at = time::now_rfc3339();
    store
        .finish_run(&run_id, ending.status(), &finished_at)
        .map_err(store_error)?;
    held.released = true;
    // As the store now has it, so the files written here equal an export.
    let report = ReportModel {
        run: sizeup_reports::RunInfo {
            status: ending.status().into(),
            finished_at: Some(finished_at),
            ..report.run
        },
        ..report
    };
    let run = report.run.clone();
    let regressed = outputs(&args, &store, &run_id, report)?;
    ending.tell(&run, &resume, &db);
    Ok(match ending {
        Ending::Complete => compare::exit_code(regressed),
        _ => ExitCode::from(3),
    })
}

/// What a run is planned from, checked: its options, the suite, the plan
/// (this shard's), and what the store records of them.
struct Planned {
    options: RunOptions,
    suite: Arc<suite::Suite>,
    plan: Arc<Plan>,
    models: Vec<RunModel>,
    tasks: Vec<RunTask>,
    sources: BTreeMap<String, String>,
}

/// Loads the suite the arguments (or the resumed run) name and plans it;
/// a resumed run must find every file and model as it was.
fn plan(
    args: &RunArgs,
    store: &Store,
    resumed: Option<&RunRow>,
    db: &Path,
) -> Result<Planned, CliError> {
    let options = match resumed {
        Some(row) => RunOptions::resumed(row, args.shard)?,
        None => RunOptions::from_args(args)?,
    };
    let prices = price_book(options.prices.as_deref())?;
    let suite = Arc::new(suite::load(
        &options.suite,
        options.models.as_deref(),
        &prices,
    )?);
    warn(&suite);
    let selection = options.selection();
    let sources = options.sources(&suite)?;
    check_outputs(args, &options, &suite, db)?;
    let weights = setup::weights(store, &suite, &selection)?;
    let full = Plan::new(&suite, &selection, &weights)
        .map_err(|e| CliError::input(message(e.to_string())))?;
    // Every shard records the whole plan's models and tasks, so shards
    // compare equal when merged however their trials fell.
    let models = setup::run_models(&suite, &full, &weights);
    let tasks = setup::run_tasks(&suite, &full);
    let plan = Arc::new(match options.shard {
        Some(shard) => full.shard(shard),
        None => full,
    });
    if let Some(row) = resumed {
        options::check_unchanged(
            &row.id,
            &store.run_sources(&row.id).map_err(store_error)?,
            &sources,
            &store.run_models(&row.id).map_err(store_error)?,
            &models,
        )?;
    }
    Ok(Planned {
        options,
        suite,
        plan,
        models,
        tasks,
        sources,
    })
}

/// Takes the resumed run for this process, or records a new one; its id.
fn claim(
    store: &mut Store,
    resumed: Option<RunRow>,
    planned: &Planned,
    force: bool,
) -> Result<String, CliError> {
    let owner = owner();
    if let Some(row) = resumed {
        take(store, &row.id, &owner, force)?;
        store.reopen_run(&row.id).map_err(store_error)?;
        return Ok(row.id);
    }
    let Planned { options, plan, .. } = planned;
    let row = RunRow {
        id: new_run_id(),
        suite: planned.suite.name.clone(),
        suite_path: options.suite.display().to_string(),
        options: serde_json::to_string(options).unwrap_or_default(),
        status: RunStatus::Running,
        started_at: time::now_rfc3339(),
        finished_at: None,
        trials_planned: plan.trials.len() as u64,
        shard: options.shard,
        plan_trials: plan.full_size as u64,
    };
    store
        .create_run(
            &row,
            &planned.models,
            &planned.tasks,
            &planned.sources,
            &owner,
        )
        .map_err(store_error)?;
    Ok(row.id)
}

/// The engine's job: the plan with its runners, the trials a resume skips,
/// the answers the cache gives, and the budget.
fn job(
    args: &RunArgs,
    store: &Store,
    planned: &Planned,
    runners: Vec<Option<Arc<dyn sizeup_runners::Runner>>>,
    run_id: &str,
) -> Result<Arc<Job>, CliError> {
    let Planned { suite, plan, .. } = planned;
    // Read after taking the run, so no other process adds to them meanwhile.
    let skip = match args.resume {
        Some(_) => setup::skip(store, run_id, plan)?,
        None => Default::default(),
    };
    let cache = match args.cache {
        true => {
            let mut cache = setup::cache(store, plan, &skip)?;
            cache.extend(store.judge_cache(&suite.name).map_err(store_error)?);
            cache
        }
        false => HashMap::new(),
    };
    let reference_answers = setup::reference_answers(store, suite, plan, &skip)?;
    Ok(Arc::new(Job {
        suite: suite.clone(),
        plan: plan.clone(),
        runners,
        reference_answers,
        concurrency: args.concurrency.map_or(suite.concurrency, |c| c as usize),
        skip,
        cache,
        budget: args.budget_usd.map(|usd| Arc::new(Budget::new(usd))),
    }))
}

/// Runs `job` to its end (or Ctrl-C), every event to the store and the
/// progress output; whether storing held up, and how the run was stopped.
fn execute(
    args: &RunArgs,
    job: Arc<Job>,
    store: Store,
    planned: &Planned,
    run_id: &str,
    (tx, rx): (UnboundedSender<Event>, UnboundedReceiver<Event>),
) -> Result<(Result<(), SinkError>, Control), CliError> {
    let Planned { suite, plan, .. } = planned;
    let mut sinks: Vec<Box<dyn Sink>> = vec![Box::new(StoreSink::new(
        store,
        run_id.to_string(),
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
    let collector = {
        let abort = control.abort.clone();
        std::thread::spawn(move || sinks::collect(rx, sinks, abort))
    };
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| CliError::incomplete(message(chain(&e))))?;
    let grace = Duration::try_from_secs_f64(args.grace.max(0.0)).unwrap_or(Duration::from_secs(10));
    runtime.block_on(async {
        let signals = tokio::spawn(signals::watch(control.clone(), grace));
        engine::execute(job, tx, control.clone()).await;
        signals.abort();
    });
    drop(runtime);
    let stored = collector
        .join()
        .unwrap_or_else(|_| panic!("the result collector panicked"));
    Ok((stored, control))
}

/// Prints the table of the finished run and writes the files asked for,
/// compared with the baseline when one is given; whether it regressed.
fn outputs(
    args: &RunArgs,
    store: &Store,
    run_id: &str,
    report: ReportModel,
) -> Result<bool, CliError> {
    // Trials are read once, and only when a format shows them or a
    // baseline is compared with them.
    let needs_trials = args.outputs.files.iter().any(|(f, _)| f.needs_trials());
    let mut report = match needs_trials || args.baseline.is_some() {
        true => ReportModel {
            run: report.run.clone(),
            ..compare::full(store, run_id, args.outputs.history.runs)?
        },
        false => report,
    };
    let regressed = match &args.baseline {
        Some(reference) => match compare::baseline(Some(store), reference, &report)? {
            Some(baseline) => compare::attach(&mut report, &baseline, &args.gate)?,
            None => {
                eprintln!(
                    "no earlier finished run of suite `{}` to compare with: nothing to regress from yet",
                    sizeup_reports::table::escape(&report.run.suite)
                );
                false
            }
        },
        None => false,
    };
    print(&sizeup_reports::table::render(&report));
    compare::write_outputs(&args.outputs, &report)?;
    Ok(regressed)
}

/// A run this process holds. Dropped unreleased (an early error), it
/// marks the run failed and releases it, so a resume need not `--force`.
struct Held<'a> {
    db: &'a Path,
    run_id: &'a str,
    released: bool,
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        if self.released {
            return;
        }
        if let Ok(store) = Store::open(self.db) {
            let _ = store.finish_run(self.run_id, RunStatus::Failed, &time::now_rfc3339());
        }
    }
}

/// How a run ended, from what the store holds once the engine is done.
enum Ending {
    /// Every planned trial is stored, none failed inside sizeup.
    Complete,
    /// The budget could not cover one more trial.
    Budget { spent: f64, limit: f64 },
    /// Ctrl-C.
    Interrupted,
    /// Trials failed inside sizeup (a panic): stored as `internal`.
    Internal(u64),
    /// Fewer trials stored than planned, with no reason known: a fault.
    Missing,
}

impl Ending {
    fn of(report: &ReportModel, stopped: bool, budget: Option<&Budget>) -> Self {
        let internal: u64 = report
            .cells
            .iter()
            .filter_map(|c| c.error_classes.get(ErrorClass::Internal.as_str()))
            .sum();
        match budget.filter(|b| b.exhausted()) {
            Some(b) => Self::Budget {
                spent: b.spent(),
                limit: b.limit(),
            },
            None if stopped => Self::Interrupted,
            None if internal > 0 => Self::Internal(internal),
            None if report.run.trials_done != report.run.trials_planned => Self::Missing,
            None => Self::Complete,
        }
    }

    fn status(&self) -> RunStatus {
        match self {
            Self::Complete => RunStatus::Finished,
            Self::Budget { .. } | Self::Interrupted => RunStatus::Interrupted,
            Self::Internal(_) | Self::Missing => RunStatus::Failed,
        }
    }

    /// Says on standard error why the run did not finish, and how to go on.
    fn tell(&self, run: &sizeup_reports::RunInfo, resume: &str, db: &Path) {
        let (done, planned) = (run.trials_done, run.trials_planned);
        match self {
            Self::Complete => {}
            Self::Budget { spent, limit } => eprintln!(
                "budget reached: ${spent:.4} of ${limit:.4} spent; {done} of {planned} trials stored; \
                 the next trial's worst case no longer fits. Continue with: {resume} --budget-usd AMOUNT"
            ),
            Self::Interrupted => {
                eprintln!("interrupted: {done} of {planned} trials stored; resume with: {resume}")
            }
            Self::Internal(n) => eprintln!(
                "{n} trial(s) failed inside sizeup (error class `internal`, a fault of sizeup: please report it); \
                 they are stored as errors; retry them with: {resume}"
            ),
            Self::Missing => eprintln!(
                "only {done} of {planned} planned trials are stored in {}; a fault of sizeup: please report it; \
                 retry the missing ones with: {resume}",
                db.display()
            ),
        }
    }
}

/// Takes a stored run for this process. A run held by a process of this
/// host that no longer runs (killed mid-run) is taken over; one held by a
/// live process, or by another host, only with `force` (exit 2 otherwise).
fn take(store: &Store, run_id: &str, owner: &Owner, force: bool) -> Result<(), CliError> {
    match store.lock_run(run_id, owner, force) {
        Err(StoreError::Locked { owner: held, .. })
            if held.host == owner.host && !alive(held.pid) =>
        {
            eprintln!("taking over run {run_id} from {held}, which is no longer running");
            store.lock_run(run_id, owner, true).map_err(store_error)
        }
        Err(e @ StoreError::Locked { .. }) => Err(CliError::input(message(chain(&e)))),
        other => other.map_err(store_error),
    }
}

/// Whether process `pid` of this host is running; where that cannot be
/// told, it is taken to be.
fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Refuses, before any trial runs, a report file that would be written
/// over what the run reads or keeps: the suite and its files, the price
/// book, a baseline file, a local model, or the store.
fn check_outputs(
    args: &RunArgs,
    options: &RunOptions,
    suite: &suite::Suite,
    db: &Path,
) -> Result<(), CliError> {
    let baseline = args.baseline.as_deref().map(Path::new);
    let models = suite
        .models
        .iter()
        .filter(|m| m.provider.in_process())
        .map(|m| Path::new(&m.model));
    let inputs: Vec<&Path> = suite
        .sources
        .iter()
        .chain(&options.prices)
        .map(PathBuf::as_path)
        .chain(baseline.filter(|b| b.is_file()))
        .chain(models)
        .collect();
    let outputs = args.outputs.paths();
    report::check_outputs(&outputs, &inputs, Some(db))
}

/// This process and host, as a run's lock names its holder.
fn owner() -> Owner {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "an unnamed host".into());
    Owner {
        pid: std::process::id(),
        host,
    }
}

/// `YYYYMMDD-HHMMSS-xxxx`: sortable, readable, and unique enough for one machine.
pub(super) fn new_run_id() -> String {
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("{}-{:04x}", time::now_compact(), random & 0xffff)
}
