//! `sizeup runs`, `show` and `export`: read the store, print or write.

use super::{chain, message, print, CliError};
use crate::analysis;
use crate::cli::{ExportArgs, RunsArgs, ShowArgs};
use crate::store::{Store, StoreError};
use sizeup_reports::format::dollars;
use sizeup_reports::table::aligned;
use sizeup_reports::{Outcome, Output, ReportModel, Verdict};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Opens an existing database to read it; a missing one is a usage error,
/// not a new file.
pub fn open(db: &Path) -> Result<Store, CliError> {
    // A directory (or another thing that is not a file) is named as such.
    if db.exists() && !db.is_file() {
        return Err(store_error(StoreError::NotADatabase {
            path: db.to_path_buf(),
        }));
    }
    if !db.is_file() {
        return Err(CliError::input(message(format!(
            "no results database at {}; run a suite first or pass --db PATH",
            db.display()
        ))));
    }
    Store::open_read_only(db).map_err(store_error)
}

/// A store failure: unknown runs, a `--db` path that cannot hold a store,
/// and files that are not a store this sizeup reads are bad input (exit
/// 2); a real store that fails (I/O, corruption, a lock) is a fault (exit 3).
/// Every command that takes `--db` maps its failures here, so the same
/// file gets the same exit code from each.
pub fn store_error(e: StoreError) -> CliError {
    match e {
        StoreError::UnknownRun(_)
        | StoreError::CreateDir { .. }
        | StoreError::NotAStore { .. }
        | StoreError::NotADatabase { .. }
        | StoreError::NewerSchema { .. } => CliError::input(message(chain(&e))),
        other => CliError::incomplete(message(chain(&other))),
    }
}

pub fn runs(args: RunsArgs) -> Result<ExitCode, CliError> {
    let store = open(&args.db.db)?;
    let mut rows = Vec::new();
    for (run, done) in store.runs().map_err(store_error)? {
        if args.suite.as_ref().is_some_and(|s| *s != run.suite) {
            continue;
        }
        let suite = match run.shard {
            Some(shard) => format!("{} (shard {shard})", run.suite),
            None => run.suite.clone(),
        };
        // The summary reads no scores or requests, so a long history lists
        // quickly; a run it cannot summarise is listed without a headline.
        let (verdicts, tasks, cost) = match analysis::summary(&store, &run.id) {
            Ok(r) => (
                headline(&r.verdicts),
                r.tasks.len().to_string(),
                dollars(r.run.cost_usd + r.run.failure_cost_usd),
            ),
            Err(_) => ("-".into(), "-".into(), "-".into()),
        };
        rows.push(vec![
            run.id,
            run.started_at,
            run.status.as_str().to_string(),
            suite,
            verdicts,
            format!("{done}/{}", run.trials_planned),
            tasks,
            cost,
        ]);
    }
    let headers = [
        "run", "started", "status", "suite", "verdicts", "trials", "tasks", "cost",
    ];
    print(&aligned(&headers, &rows, 5));
    Ok(ExitCode::SUCCESS)
}

/// The verdicts counted by outcome: `2 cheaper · 1 needs reference`.
fn headline(verdicts: &[Verdict]) -> String {
    let label = |o: Outcome| match o {
        Outcome::Cheaper => "cheaper",
        Outcome::NeedsReference => "needs reference",
        Outcome::Inconclusive => "inconclusive",
        Outcome::NoneAdequate => "none adequate",
        Outcome::Alone => "not compared",
    };
    let parts: Vec<String> = [
        Outcome::Cheaper,
        Outcome::NeedsReference,
        Outcome::Inconclusive,
        Outcome::NoneAdequate,
        Outcome::Alone,
    ]
    .into_iter()
    .filter_map(|outcome| {
        let n = verdicts.iter().filter(|v| v.outcome == outcome).count();
        (n > 0).then(|| format!("{n} {}", label(outcome)))
    })
    .collect();
    match parts.is_empty() {
        true => "-".into(),
        false => parts.join(" · "),
    }
}

pub fn show(args: ShowArgs) -> Result<ExitCode, CliError> {
    let store = open(&args.db.db)?;
    let report = analysis::summary(&store, &args.run).map_err(store_error)?;
    print(&sizeup_reports::table::render(&report));
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> Result<ExitCode, CliError> {
    if let Some(path) = &args.output {
        check_outputs(&[path], &[], Some(&args.db.db))?;
    }
    let store = open(&args.db.db)?;
    let report = match args.format.needs_trials() {
        true => analysis::report(&store, &args.run, args.history.runs),
        false => analysis::summary(&store, &args.run),
    }
    .map_err(store_error)?;
    let text = render(args.format, &report)?;
    match &args.output {
        None => print(&text),
        Some(path) => write(path, &text)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Renders `report` in `format`.
pub fn render(format: &dyn Output, report: &ReportModel) -> Result<String, CliError> {
    format
        .render(report)
        .map_err(|e| CliError::incomplete(message(chain(&e))))
}

/// The files SQLite keeps beside a database, by their suffix.
const JOURNALS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// True when `path`, or the database whose journal it is, is an SQLite file.
fn is_database(path: &Path) -> bool {
    let sqlite = |p: &Path| {
        let mut head = [0u8; 16];
        std::fs::File::open(p)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok_and(|()| &head == b"SQLite format 3\0")
    };
    let name = path.to_string_lossy();
    sqlite(path)
        || JOURNALS
            .iter()
            .filter_map(|suffix| name.strip_suffix(suffix))
            .any(|db| sqlite(Path::new(db)))
}

/// Refuses, before any work starts, an output file that is one of the
/// `inputs` (the suite and every file it reads, a catalog, a price book,
/// a baseline), the store `db` or one of its journal files, any SQLite
/// database, or another output: a report written there would destroy it.
/// A path counts as the file it leads to, through symlinks and hard links.
pub fn check_outputs(
    outputs: &[&Path],
    inputs: &[&Path],
    db: Option<&Path>,
) -> Result<(), CliError> {
    let companions: Vec<PathBuf> = db
        .into_iter()
        .flat_map(|db| {
            std::iter::once("").chain(JOURNALS).map(|suffix| {
                let mut name = db.as_os_str().to_owned();
                name.push(suffix);
                PathBuf::from(name)
            })
        })
        .collect();
    let refuse = |out: &Path, what: String| {
        Err(CliError::input(message(format!(
            "{} {what}; a report is never written over it (choose another output file)",
            out.display()
        ))))
    };
    for (i, out) in outputs.iter().enumerate() {
        if let Some(i) = companions.iter().position(|c| same_file(out, c)) {
            return refuse(
                out,
                match (i, db) {
                    (0, _) | (_, None) => "is the results store".into(),
                    (_, Some(db)) => {
                        format!("is a journal file of the results store {}", db.display())
                    }
                },
            );
        }
        if is_database(out) {
            return refuse(out, "is an SQLite database".into());
        }
        if let Some(input) = inputs.iter().find(|input| same_file(out, input)) {
            return refuse(
                out,
                format!("is {}, which this command reads", input.display()),
            );
        }
        if let Some(other) = outputs[..i].iter().find(|other| same_file(out, other)) {
            return refuse(out, format!("is also the output {}", other.display()));
        }
    }
    Ok(())
}

/// Whether `a` and `b` are one file: the same file on disk when both
/// exist, else the same path once folders and symlinks are resolved.
fn same_file(a: &Path, b: &Path) -> bool {
    if let Ok(same) = same_file::is_same_file(a, b) {
        return same;
    }
    matches!((resolved(a), resolved(b)), (Some(x), Some(y)) if x == y)
}

/// Where `path` leads: its deepest part that exists, with symlinks
/// resolved, then the rest read as written (`x/../s.yaml` is `s.yaml`
/// even while `x` does not exist; nothing past the existing part can be
/// a symlink).
fn resolved(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    let parts: Vec<_> = path.components().collect();
    // The longest start of the path that exists (the root always does).
    let (mut out, from) = (1..=parts.len()).rev().find_map(|n| {
        let head: PathBuf = parts[..n].iter().collect();
        std::fs::canonicalize(head).ok().map(|real| (real, n))
    })?;
    for part in &parts[from..] {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    Some(out)
}

/// Writes a file, creating its directory. An SQLite database (the store,
/// or any other) and its journal files are never overwritten: a mistyped
/// `--json results.db` must not destroy every stored run.
pub fn write(path: &Path, text: &str) -> Result<(), CliError> {
    // Checked again as it is written: a database may have appeared there
    // since the command started.
    check_outputs(&[path], &[], None)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::input(message(format!("failed to create {}: {e}", dir.display())))
        })?;
    }
    std::fs::write(path, text)
        .map_err(|e| CliError::input(message(format!("failed to write {}: {e}", path.display()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_never_written_over_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("results.db");
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
        )
        .unwrap();
        let wal = dir.path().join("results.db-wal");
        assert!(wal.exists());
        for path in [&db, &wal] {
            let Err(err) = write(path, "{}") else {
                panic!("a report was written over {}", path.display())
            };
            assert_eq!(err.code, 2);
            assert!(format!("{:?}", err.report).contains("is an SQLite database"));
            assert!(check_outputs(&[path], &[], None).is_err());
        }
        drop(conn);
        let n: i64 = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT x FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        // Other files are written, and rewritten.
        let out = dir.path().join("out/report.json");
        assert!(write(&out, "{}").is_ok());
        assert!(write(&out, "[]").is_ok());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "[]");
    }

    #[test]
    fn no_output_is_one_of_the_inputs_or_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        std::fs::write(at("s.yaml"), "name: s\n").unwrap();
        std::fs::write(at("cases.jsonl"), "{}\n").unwrap();
        std::os::unix::fs::symlink(at("s.yaml"), at("link.json")).unwrap();
        std::fs::hard_link(at("cases.jsonl"), at("hard.html")).unwrap();
        std::fs::create_dir(at("sub")).unwrap();
        let (suite, cases) = (at("s.yaml"), at("cases.jsonl"));
        let inputs = [suite.as_path(), cases.as_path()];
        let db = at("r.db");
        let refused = |outputs: &[&Path]| match check_outputs(outputs, &inputs, Some(&db)) {
            Ok(()) => String::new(),
            Err(e) => e.report.to_string(),
        };
        // The same file by another name: relative through a folder, a
        // symlink, a hard link.
        let dotted = dir.path().join("sub/../s.yaml");
        let r = refused(&[&dotted]);
        assert!(r.contains("which this command reads"), "{r}");
        assert!(refused(&[&at("link.json")]).contains("which this command reads"));
        assert!(refused(&[&at("hard.html")]).contains("cases.jsonl, which this command reads"));
        // Through a folder that does not exist yet.
        let ghost = dir.path().join("ghost/../s.yaml");
        assert!(refused(&[&ghost]).contains("which this command reads"));
        assert!(refused(&[&at("ghost/deeper/../../r.db")]).contains("is the results store"));
        // The store and its journal files, before they exist.
        assert!(refused(&[&db]).contains("is the results store"));
        assert!(
            refused(&[&at("sub/../r.db-wal")]).contains("is a journal file of the results store")
        );
        // Two outputs into one file.
        let twice = refused(&[&at("out.json"), &at("sub/../out.json")]);
        assert!(twice.contains("is also the output"), "{twice}");
        // Anything else is written.
        assert_eq!(refused(&[&at("out.json"), &at("sub/out.json")]), "");
    }
}
