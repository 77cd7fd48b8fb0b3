//! `sizeup capacity`: sweep load against one model with one task's prompts,
//! store every level, and print the curve and the goodput.

use super::report::store_error;
use super::run::setup;
use super::{chain, message, price_book, print, warn, CliError};
use crate::capacity::{self, Limits, Load, Objectives, Observer};
use crate::cli::CapacityArgs;
use crate::plan::{identity, Plan, Selection};
use crate::store::{Store, SweepRow};
use crate::{analysis, providers, suite, time};
use sizeup_reports::format::{duration_ms, group};
use sizeup_reports::table::aligned;
use sizeup_reports::{CapacityLevel, EconomicsInputs, LoadKind};
use std::process::ExitCode;
use std::time::Duration;

pub fn capacity(args: CapacityArgs) -> Result<ExitCode, CliError> {
    if let Some(n) = args.threads {
        // candle sizes its thread pools from these when the model first runs.
        std::env::set_var("RAYON_NUM_THREADS", n.to_string());
        std::env::set_var("CANDLE_NUM_THREADS", n.to_string());
    }
    let prices = price_book(args.prices.prices.as_deref())?;
    let suite = suite::load(&args.suite, args.models.as_deref(), &prices)?;
    warn(&suite);
    let (mi, model, task) = measured(&args, &suite)?;
    let objectives = Objectives {
        p95_latency_ms: task.p95_latency_ms,
        p95_ttft_ms: task.p95_ttft_ms,
        p95_tpot_ms: task.p95_tpot_ms,
        max_error_rate: task.max_error_rate,
    };
    let loads = loads(&args, &objectives, &task.id)?;

    let store = Store::open(&args.db.db).map_err(store_error)?;
    let selection = Selection {
        tasks: vec![task.id.clone()],
        models: vec![model.id.clone()],
        limit: None,
        repeats: Some(1),
    };
    let weights = setup::weights(&store, &suite, &selection)?;
    let plan = Plan::new(&suite, &selection, &weights)
        .map_err(|e| CliError::input(message(e.to_string())))?;
    let requests: Vec<_> = plan.trials.iter().map(|t| t.request.clone()).collect();
    // A capacity figure is of the server itself: no retries, no client-side
    // rate limits, so overload shows as errors and latency.
    let bare = suite::Model {
        max_attempts: 1,
        requests_per_minute: None,
        tokens_per_minute: None,
        ..model.clone()
    };
    let client = sizeup_runners::client().map_err(|e| CliError::incomplete(message(chain(&e))))?;
    let runner =
        providers::runner(&bare, &client, None).map_err(|e| CliError::input(message(chain(&e))))?;

    let requests_per_level = args.requests as usize;
    let limits = Limits {
        requests: requests_per_level,
        warmup: args.warmup.map_or(requests_per_level / 10, |w| w as usize),
        max_duration: Duration::from_secs_f64(args.level_seconds),
    };
    let identity = identity(model, weights.get(mi).and_then(Option::as_deref)).to_string();
    let sweep = sweep_row(&args, &suite.name, task, model, identity, &objectives);
    let (hourly, economics) = (sweep.hourly_usd, sweep.economics);
    store.create_sweep(&sweep).map_err(store_error)?;

    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| CliError::incomplete(message(chain(&e))))?;
    let mut stored = Stored {
        store: &store,
        sweep: &sweep.id,
        count: 0,
        quiet: args.quiet,
        failed: None,
    };
    let (levels, interrupted) = runtime.block_on(async {
        let bench = capacity::Sweep {
            runner: runner.as_ref(),
            requests: &requests,
            limits,
            objectives: &objectives,
        };
        let work = async {
            match loads.is_empty() {
                true => bench.search(args.search_poisson, &mut stored).await,
                false => bench.levels(&loads, &mut stored).await,
            }
        };
        tokio::select! {
            levels = work => (Some(levels), false),
            _ = tokio::signal::ctrl_c() => (None, true),
        }
    });
    if let Some(e) = stored.failed.take() {
        return Err(e);
    }
    let levels = match levels {
        Some(levels) => levels,
        None => store
            .latest_sweep(&sweep.task, &sweep.model, &sweep.identity)
            .map_err(store_error)?
            .map(|(_, levels)| levels)
            .unwrap_or_default(),
    };
    let goodput = analysis::capacity::goodput(&levels);
    store
        .finish_sweep(&sweep.id, &time::now_rfc3339(), goodput)
        .map_err(store_error)?;
    print(&table(&sweep, &levels, goodput, hourly, &economics));
    if interrupted {
        eprintln!(
            "interrupted: the {} level(s) measured are stored (sweep {})",
            levels.len(),
            sweep.id
        );
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

/// The stored record of a sweep about to start: what it measures, under
/// which objectives, and the economics it is priced with.
fn sweep_row(
    args: &CapacityArgs,
    suite: &str,
    task: &suite::Task,
    model: &suite::Model,
    identity: String,
    objectives: &Objectives,
) -> SweepRow {
    SweepRow {
        id: super::run::new_run_id(),
        suite: suite.to_string(),
        task: task.id.clone(),
        model: model.id.clone(),
        identity,
        started_at: time::now_rfc3339(),
        finished_at: None,
        slo: objectives.as_map(),
        hourly_usd: (model.cost.hourly_usd > 0.0).then_some(model.cost.hourly_usd),
        economics: EconomicsInputs {
            utilisation: args.utilisation,
            machines: args.machines,
            peak_to_average: args.peak_to_average,
            api_price_decline: args.api_price_decline,
            volume_growth: args.volume_growth,
        },
        goodput_rps: None,
    }
}

/// The model the sweep measures (its index too) and the task whose
/// requests it sends: the one named, or the first task the model runs.
fn measured<'a>(
    args: &CapacityArgs,
    suite: &'a suite::Suite,
) -> Result<(usize, &'a suite::Model, &'a suite::Task), CliError> {
    let (mi, model) = suite
        .models
        .iter()
        .enumerate()
        .find(|(_, m)| m.id == args.model)
        .ok_or_else(|| {
            let known: Vec<&str> = suite.models.iter().map(|m| m.id.as_str()).collect();
            CliError::input(message(format!(
                "no model `{}` in {}; its models: {}",
                args.model,
                args.suite.display(),
                known.join(", ")
            )))
        })?;
    let task = match &args.task {
        Some(id) => suite.tasks.iter().find(|t| &t.id == id),
        None => suite.tasks.iter().find(|t| t.models.contains(&mi)),
    }
    .ok_or_else(|| {
        CliError::input(message(match &args.task {
            Some(id) => format!("no task `{id}` in {}", args.suite.display()),
            None => format!(
                "no task of {} runs model `{}`",
                args.suite.display(),
                model.id
            ),
        }))
    })?;
    Ok((mi, model, task))
}

/// The levels named on the command line; none means a search for the
/// goodput, which needs an objective to search under.
fn loads(args: &CapacityArgs, objectives: &Objectives, task: &str) -> Result<Vec<Load>, CliError> {
    let loads: Vec<Load> = args
        .concurrency
        .iter()
        .map(|&c| Load::Concurrency(c))
        .chain(args.rate.iter().map(|&r| Load::Rate(r)))
        .chain(args.poisson.iter().map(|&r| Load::Poisson(r)))
        .collect();
    if loads.is_empty() && !objectives.any() {
        return Err(CliError::input(message(format!(
            "task `{}` has no latency objective to search the goodput under: give it \
             `slo: {{p95_latency_ms: …}}` (or p95_ttft_ms, p95_tpot_ms), or name levels with \
             --concurrency, --rate or --poisson",
            task
        ))));
    }
    Ok(loads)
}

/// Stores each level as it is measured and says so on standard error.
struct Stored<'a> {
    store: &'a Store,
    sweep: &'a str,
    count: usize,
    quiet: bool,
    failed: Option<CliError>,
}

impl Observer for Stored<'_> {
    fn level(&mut self, level: &CapacityLevel) -> bool {
        if let Err(e) = self.store.add_level(self.sweep, self.count, level) {
            self.failed = Some(store_error(e));
            return false;
        }
        self.count += 1;
        if !self.quiet {
            let p95 = level.latency_ms.map_or("–".into(), |p| duration_ms(p.p95));
            let errors: Vec<String> = level
                .error_classes
                .iter()
                .map(|(class, e)| {
                    // The first error is a provider's own words.
                    let first = sizeup_reports::table::escape(&e.first);
                    format!("{} {class} (first: {first})", e.count)
                })
                .collect();
            eprintln!(
                "{} {}: {:.2} req/s, p95 {p95}, {} errors{}{}",
                level.load,
                target(level),
                level.throughput_rps,
                level.errors,
                match errors.is_empty() {
                    true => String::new(),
                    false => format!(": {}", errors.join("; ")),
                },
                match level.meets_slo {
                    Some(true) => ", meets the objectives",
                    Some(false) => ", misses the objectives",
                    None => "",
                }
            );
        }
        true
    }
}

fn target(level: &CapacityLevel) -> String {
    match level.load {
        LoadKind::Concurrency => format!("{}", level.target),
        _ => format!("{:.2}/s", level.target),
    }
}

/// The levels as a table, with the goodput and its cost under it.
fn table(
    sweep: &SweepRow,
    levels: &[CapacityLevel],
    goodput: Option<f64>,
    hourly: Option<f64>,
    economics: &EconomicsInputs,
) -> String {
    let ms =
        |p: Option<sizeup_reports::Percentiles>| p.map_or("–".into(), |p| duration_ms(p.p95));
    let rows: Vec<Vec<String>> = levels
        .iter()
        .map(|l| {
            vec![
                l.load.to_string(),
                target(l),
                group(l.measured),
                group(l.errors),
                group(l.resent),
                format!("{:.2}", l.throughput_rps),
                format!("{:.1}", l.output_tokens_per_s),
                ms(l.ttft_ms),
                ms(l.tpot_ms),
                ms(l.latency_ms),
                match l.meets_slo {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => "–".into(),
                },
            ]
        })
        .collect();
    let headers = [
        "load",
        "target",
        "measured",
        "errors",
        "resent",
        "req/s",
        "tok/s",
        "ttft p95",
        "tpot p95",
        "e2e p95",
        "meets SLO",
    ];
    let mut out = format!(
        "capacity sweep {} · model {} · task {}\n",
        sweep.id, sweep.model, sweep.task
    );
    out.push_str(&aligned(&headers, &rows, 1));
    match goodput {
        Some(g) => {
            out.push_str(&format!(
                "goodput: {g:.2} requests/s served within the objectives"
            ));
            if let Some(c) = crate::analysis::capacity::ceiling(levels) {
                out.push_str(&format!(" ({c:.2} offered did not hold)"));
            }
            if let Some(h) = hourly {
                let per_request =
                    crate::analysis::capacity::usd_per_request(h, g, economics.utilisation);
                out.push_str(&format!(
                    "; at {:.0}% utilisation and ${h}/h, ${per_request:.6} a request",
                    economics.utilisation * 100.0
                ));
            }
            out.push('\n');
        }
        None if levels.iter().any(|l| l.meets_slo.is_some()) => {
            out.push_str("goodput: no level met the objectives\n")
        }
        None => {}
    }
    out
}
