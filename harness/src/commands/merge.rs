//! `sizeup merge`: the shards of a run (`sizeup run --shard I/N`), each
//! from its own database, joined into one new run.
//!
//! The shards must be parts of one plan: same suite, same selection, same
//! models (identity and prices), same task bars, same source files. A
//! shard given twice is refused; a missing one is merged around, the run
//! left unfinished with the missing shards named (exit 3), so the report
//! shows what is there and `run --resume` can complete it.

use super::report::{open, store_error};
use super::run::new_run_id;
use super::run::options::{identity_diff, RunOptions};
use super::{message, print, CliError};
use crate::cli::MergeArgs;
use crate::plan::Shard;
use crate::store::{RunModel, RunRow, RunStatus, RunTask, Store, StoreError};
use crate::{analysis, time};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One input: a shard's database and its latest run.
struct Part {
    path: PathBuf,
    store: Store,
    run: RunRow,
    options: RunOptions,
    models: Vec<RunModel>,
    tasks: Vec<RunTask>,
    sources: BTreeMap<String, String>,
}

impl Part {
    fn read(path: &Path) -> Result<Self, CliError> {
        check_database(path)?;
        let store = open(path)?;
        let run = store.run("latest").map_err(|e| match e {
            e @ StoreError::UnknownRun(_) => {
                CliError::input(message(format!("{}: {}", path.display(), super::chain(&e))))
            }
            other => store_error(other),
        })?;
        let options = RunOptions::stored(&run)?;
        Ok(Self {
            path: path.to_path_buf(),
            models: store.run_models(&run.id).map_err(store_error)?,
            tasks: store.run_tasks(&run.id).map_err(store_error)?,
            sources: store.run_sources(&run.id).map_err(store_error)?,
            store,
            run,
            options,
        })
    }

    /// The run's shard; a run of the whole plan is shard 1 of 1.
    fn shard(&self) -> Shard {
        self.run.shard.unwrap_or(Shard::WHOLE)
    }

    fn name(&self) -> String {
        format!("{} (run {})", self.path.display(), self.run.id)
    }
}

pub fn merge(args: MergeArgs) -> Result<ExitCode, CliError> {
    let parts = args
        .inputs
        .iter()
        .map(|p| Part::read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let first = &parts[0];
    for other in &parts[1..] {
        same_settings(first, other)?;
    }
    let count = first.shard().count();
    let mut by_index: BTreeMap<u32, &Part> = BTreeMap::new();
    for part in &parts {
        if let Some(earlier) = by_index.insert(part.shard().index(), part) {
            return Err(CliError::input(message(format!(
                "shard {} is given twice: {} and {}",
                part.shard(),
                earlier.name(),
                part.name()
            ))));
        }
    }
    let missing: Vec<u32> = (1..=count).filter(|i| !by_index.contains_key(i)).collect();
    let unfinished: Vec<String> = parts
        .iter()
        .filter(|p| p.run.status != RunStatus::Finished)
        .map(|p| format!("shard {} is {}", p.shard(), p.run.status.as_str()))
        .collect();
    let status = if missing.is_empty() && unfinished.is_empty() {
        RunStatus::Finished
    } else if parts.iter().any(|p| p.run.status == RunStatus::Failed) {
        RunStatus::Failed
    } else {
        RunStatus::Interrupted
    };

    let ordered: Vec<&Part> = by_index.into_values().collect();
    let row = merged_row(&ordered, status)?;
    let mut out = Store::open(&args.db.db).map_err(store_error)?;
    let sources: Vec<(&Store, &str)> = ordered
        .iter()
        .map(|p| (&p.store, p.run.id.as_str()))
        .collect();
    out.create_merged_run(&row, &first.models, &first.tasks, &first.sources, &sources)
        .map_err(|e| CliError::incomplete(message(super::chain(&e))))?;

    if !args.quiet {
        let summary = analysis::summary(&out, &row.id).map_err(store_error)?;
        print(&sizeup_reports::table::render(&summary));
    }
    eprintln!(
        "merged {} of {count} shard(s) of suite {} into run {} in {}",
        ordered.len(),
        sizeup_reports::table::escape(&row.suite),
        row.id,
        args.db.db.display()
    );
    if status == RunStatus::Finished {
        return Ok(ExitCode::SUCCESS);
    }
    let mut why = Vec::new();
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|i| format!("{i}/{count}")).collect();
        why.push(format!("missing shard(s) {}", list.join(", ")));
    }
    why.extend(unfinished);
    eprintln!(
        "the merged run is not complete: {}; its report shows the trials stored; \
         run the missing ones with: sizeup run --resume {} --db {}",
        why.join("; "),
        row.id,
        args.db.db.display()
    );
    Ok(ExitCode::from(3))
}

/// The new run: the shards' settings without a shard, the whole plan's
/// trials planned, from the first start to the last end.
fn merged_row(parts: &[&Part], status: RunStatus) -> Result<RunRow, CliError> {
    let first = parts[0];
    let options = RunOptions {
        shard: None,
        ..RunOptions::stored(&first.run)?
    };
    let started_at = parts
        .iter()
        .map(|p| p.run.started_at.clone())
        .min()
        .unwrap_or_default();
    let finished_at = parts
        .iter()
        .map(|p| p.run.finished_at.clone())
        .collect::<Option<Vec<_>>>()
        .and_then(|ends| ends.into_iter().max())
        .unwrap_or_else(time::now_rfc3339);
    Ok(RunRow {
        id: new_run_id(),
        suite: first.run.suite.clone(),
        suite_path: first.run.suite_path.clone(),
        options: serde_json::to_string(&options).unwrap_or_default(),
        status,
        started_at,
        finished_at: Some(finished_at),
        trials_planned: first.run.plan_trials,
        shard: None,
        plan_trials: first.run.plan_trials,
    })
}

/// Refuses two shards that are not parts of one plan, naming the setting
/// that differs.
fn same_settings(a: &Part, b: &Part) -> Result<(), CliError> {
    let mut diffs = Vec::new();
    let mut differ = |what: &str, x: String, y: String| {
        if x != y {
            diffs.push(format!("{what}: {x} vs {y}"));
        }
    };
    differ("suite", a.run.suite.clone(), b.run.suite.clone());
    differ(
        "shard count",
        a.shard().count().to_string(),
        b.shard().count().to_string(),
    );
    let (x, y) = (&a.options, &b.options);
    differ("--task", format!("{:?}", x.tasks), format!("{:?}", y.tasks));
    differ(
        "--model",
        format!("{:?}", x.model_ids),
        format!("{:?}", y.model_ids),
    );
    differ(
        "--limit",
        format!("{:?}", x.limit),
        format!("{:?}", y.limit),
    );
    differ(
        "--repeats",
        format!("{:?}", x.repeats),
        format!("{:?}", y.repeats),
    );
    differ(
        "trials in the whole plan",
        a.run.plan_trials.to_string(),
        b.run.plan_trials.to_string(),
    );
    let ids = |p: &Part| p.models.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    differ("models", ids(a).join(", "), ids(b).join(", "));
    let tasks = |p: &Part| p.tasks.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    differ("tasks", tasks(a).join(", "), tasks(b).join(", "));
    for m in &a.models {
        let Some(n) = b.models.iter().find(|n| n.id == m.id) else {
            continue;
        };
        if m.identity != n.identity {
            diffs.push(format!(
                "model `{}` differs in {}",
                m.id,
                identity_diff(&m.identity, &n.identity)
            ));
        }
        if m.cost != n.cost {
            diffs.push(format!("model `{}` has other prices", m.id));
        }
        if m.reference != n.reference {
            diffs.push(format!("model `{}` is the reference in one only", m.id));
        }
    }
    for t in &a.tasks {
        if b.tasks.iter().any(|u| u.id == t.id && u != t) {
            diffs.push(format!("task `{}` has other bars", t.id));
        }
    }
    let files: BTreeSet<&String> = a.sources.keys().chain(b.sources.keys()).collect();
    for file in files {
        match (a.sources.get(file), b.sources.get(file)) {
            (Some(x), Some(y)) if x != y => diffs.push(format!("{file} differs")),
            (Some(_), None) | (None, Some(_)) => diffs.push(format!("{file} was read by one only")),
            _ => {}
        }
    }
    if diffs.is_empty() {
        return Ok(());
    }
    Err(CliError::input(message(format!(
        "{} and {} are not shards of one run: {}",
        a.name(),
        b.name(),
        diffs.join("; ")
    ))))
}

/// Refuses an input that is not a results database, saying what it is.
fn check_database(path: &Path) -> Result<(), CliError> {
    let refuse = |why: &str| CliError::input(message(format!("{}: {why}", path.display())));
    if path.is_dir() {
        return Err(refuse("a directory, not a results database"));
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| refuse(&format!("failed to read: {e}")))?;
    if head[..read] == *b"SQLite format 3\0" {
        return Ok(());
    }
    if head[..read].trim_ascii_start().starts_with(b"{") {
        return Err(refuse(
            "a JSON export cannot be merged: it lacks what a faithful merge checks and keeps \
             (the models' identities and prices, the digests of the suite's files, each trial's \
             request and cache key); merge the shards' results databases (`--db` of each \
             `sizeup run --shard`) instead",
        ));
    }
    Err(refuse("not a results database"))
}
