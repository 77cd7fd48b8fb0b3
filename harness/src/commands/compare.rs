//! `sizeup compare` and `run --baseline`: a run against a baseline run of
//! the same suite, from the store or from an exported JSON file.

use super::report::{check_outputs, open, render, store_error, write};
use super::{message, print, CliError};
use crate::analysis::{self, comparison};
use crate::cli::{CompareArgs, GateArgs, OutputArgs};
use crate::store::{RunStatus, Store};
use sizeup_reports::{Metric, ReportModel, FORMAT_VERSION};
use std::path::Path;
use std::process::ExitCode;

pub fn compare(args: CompareArgs) -> Result<ExitCode, CliError> {
    file_or_id(&args.run)?;
    file_or_id(&args.baseline)?;
    let files: Vec<&Path> = [&args.baseline, &args.run]
        .into_iter()
        .map(Path::new)
        .filter(|p| p.is_file())
        .collect();
    let outputs = args.outputs.paths();
    check_outputs(&outputs, &files, Some(&args.db.db))?;
    // Two exported files need no store.
    let store = match [&args.baseline, &args.run]
        .iter()
        .all(|r| Path::new(r).is_file())
    {
        true => None,
        false => Some(open(&args.db.db)?),
    };
    let mut report = match store.as_ref().filter(|_| !Path::new(&args.run).is_file()) {
        Some(store) => full(store, &args.run, args.outputs.history.runs)?,
        None => exported(Path::new(&args.run))?,
    };
    let baseline = baseline(store.as_ref(), &args.baseline, &report)?.ok_or_else(|| {
        CliError::input(message(format!(
            "no finished run of suite `{}` before {} to compare with",
            report.run.suite, report.run.id
        )))
    })?;
    let failed = attach(&mut report, &baseline, &args.gate)?;
    print(&sizeup_reports::table::render(&report));
    write_outputs(&args.outputs, &report)?;
    Ok(exit_code(failed))
}

/// Exit code 1 when a comparison found a failing regression.
pub fn exit_code(failed: bool) -> ExitCode {
    match failed {
        true => ExitCode::from(1),
        false => ExitCode::SUCCESS,
    }
}

/// A stored run with its trials and trends, as an export has it.
pub fn full(store: &Store, run: &str, history: usize) -> Result<ReportModel, CliError> {
    analysis::report(store, run, history).map_err(store_error)
}

/// The baseline `reference` names for `run`: an exported JSON file, a run
/// id, or `latest`, the latest finished run of the same suite before it
/// (`None` when there is none yet: the first night has nothing to compare).
pub fn baseline(
    store: Option<&Store>,
    reference: &str,
    run: &ReportModel,
) -> Result<Option<ReportModel>, CliError> {
    file_or_id(reference)?;
    if Path::new(reference).is_file() {
        return exported(Path::new(reference)).map(Some);
    }
    let Some(store) = store else {
        return Err(CliError::input(message(format!(
            "the baseline `{reference}` is not a file, and there is no store to find it in"
        ))));
    };
    let id = match reference {
        "latest" => match latest_before(store, run)? {
            Some(id) => id,
            None => return Ok(None),
        },
        id => id.to_string(),
    };
    full(store, &id, 0).map(Some)
}

/// The latest finished run of `run`'s suite, other than `run`, that began
/// no later than it.
fn latest_before(store: &Store, run: &ReportModel) -> Result<Option<String>, CliError> {
    let runs = store.runs().map_err(store_error)?;
    Ok(runs
        .into_iter()
        .map(|(row, _)| row)
        .find(|r| {
            r.suite == run.run.suite
                && r.id != run.run.id
                && r.status == RunStatus::Finished
                && r.started_at <= run.run.started_at
        })
        .map(|r| r.id))
}

/// Refuses a run reference that names something on disk other than a
/// file (a directory, a FIFO): it is neither an export nor a run id.
fn file_or_id(reference: &str) -> Result<(), CliError> {
    let path = Path::new(reference);
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let what = if meta.is_dir() {
                "a directory"
            } else {
                "not a regular file (a FIFO, socket or device)"
            };
            Err(CliError::input(message(format!(
                "{} is {what}: give an exported JSON report, a run id or `latest`",
                path.display()
            ))))
        }
        _ => Ok(()),
    }
}

/// A report exported as JSON (`export --format json`, `run --json`).
pub fn exported(path: &Path) -> Result<ReportModel, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::input(message(format!("failed to read {}: {e}", path.display()))))?;
    let version = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v["format_version"].as_u64());
    if let Some(v) = version.filter(|v| *v > u64::from(FORMAT_VERSION)) {
        return Err(CliError::input(message(format!(
            "{} is format version {v}, written by a newer sizeup; this one reads up to {FORMAT_VERSION}",
            path.display()
        ))));
    }
    serde_json::from_str(&text).map_err(|e| {
        CliError::input(message(format!(
            "{}:{}:{}: not a sizeup JSON export: {e}",
            path.display(),
            e.line(),
            e.column()
        )))
    })
}

/// Compares `report` with `baseline` under `gate`, fills its
/// `since_baseline`, and says whether a failing regression was found.
pub fn attach(
    report: &mut ReportModel,
    baseline: &ReportModel,
    gate: &GateArgs,
) -> Result<bool, CliError> {
    if baseline.run.suite != report.run.suite {
        return Err(CliError::input(message(format!(
            "the baseline {} is a run of suite `{}`, not `{}`",
            baseline.run.id, baseline.run.suite, report.run.suite
        ))));
    }
    if baseline.run.id == report.run.id {
        return Err(CliError::input(message(format!(
            "run {} cannot be its own baseline",
            report.run.id
        ))));
    }
    for (what, r) in [("baseline", baseline), ("run", &*report)] {
        if r.trials.is_empty() && r.run.trials_done > 0 {
            return Err(CliError::input(message(format!(
                "the {what} {} has no trials to compare (export it with `--format json`)",
                r.run.id
            ))));
        }
    }
    for task in &mut report.tasks {
        for setting in &gate.thresholds {
            setting.apply(&mut task.regression);
        }
    }
    let fail_on: Vec<Metric> = gate.fail_on.iter().map(|&f| f.into()).collect();
    let since = comparison::compare(baseline, report, &fail_on);
    let failed = since.failing().next().is_some();
    report.since_baseline = Some(since);
    Ok(failed)
}

/// Writes each file `outputs` asks for.
pub fn write_outputs(outputs: &OutputArgs, report: &ReportModel) -> Result<(), CliError> {
    for (format, path) in &outputs.files {
        write(path, &render(*format, report)?)?;
    }
    Ok(())
}
