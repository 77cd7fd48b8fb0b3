//! [`Store`]: runs and their trials in one SQLite file.
//!
//! WAL mode, one transaction per burst of finished trials, so a killed run
//! loses only the trials that were in flight. The schema is versioned in
//! `PRAGMA user_version` and migrated forward in order (see `schema`); a
//! newer file is refused rather than misread. A run being executed holds a
//! lock (its process and host), so two processes never run it at once.

mod capacity;
mod digests;
mod judgements;
mod rows;
mod runs;
mod schema;
mod trials;

pub use capacity::SweepRow;
pub use judgements::{JudgeCallRow, NewJudgeCall};
pub use rows::{NewTrial, Owner, RunModel, RunRow, RunStatus, RunTask, ScoreRow, TrialRow};
pub use schema::SCHEMA_VERSION;

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A failure of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The directory for the database could not be created.
    #[error("failed to create the directory {}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// SQLite refused an operation.
    #[error("database error in {}{}", path.display(), condition(path, source))]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },
    /// The file is an SQLite database of something else.
    #[error("{} is a database with tables of its own, not a sizeup results database", path.display())]
    NotAStore {
        /// The database file.
        path: PathBuf,
    },
    /// The file is not an SQLite database at all (text, an image, a
    /// directory), so not a store either.
    #[error("{} is {}, so not a sizeup results database", path.display(), if path.is_dir() { "a directory, not an SQLite database" } else { "not an SQLite database" })]
    NotADatabase {
        /// The path given.
        path: PathBuf,
    },
    /// The file was written by a newer sizeup.
    #[error("{} has schema version {found}; this sizeup reads version {SCHEMA_VERSION}", path.display())]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// Its version.
        found: i64,
    },
    /// An older file could not be brought to the current schema.
    #[error("failed to migrate {} from schema version {from} to {SCHEMA_VERSION} (the file is unchanged; a copy was saved as {})", path.display(), backup.display())]
    Migration {
        /// The database file.
        path: PathBuf,
        /// Its version.
        from: i64,
        /// The copy made before migrating.
        backup: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },
    /// No run has this id.
    #[error("no run `{0}` in the database")]
    UnknownRun(String),
    /// Another process holds the run.
    #[error("run `{run}` is held by {owner} since {since}; if that process is gone, pass --force")]
    Locked {
        /// The run.
        run: String,
        /// The process holding it.
        owner: Owner,
        /// When it took the run.
        since: String,
    },
    /// A stored value this sizeup cannot read.
    #[error("run `{run}` has an unreadable {what}")]
    Corrupt {
        /// The run.
        run: String,
        /// What could not be read.
        what: String,
    },
}

/// `path` as the path of an SQLite URI: the characters a URI gives a
/// meaning to are percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Whether SQLite could not open or write what reading needs (a file
/// system that is read-only, or a folder the process may not write).
fn cannot_open(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode::{CannotOpen, ReadOnly};
    matches!(e.sqlite_error_code(), Some(CannotOpen | ReadOnly))
}

/// Whether the store's write-ahead log holds anything.
fn has_log(path: &Path) -> bool {
    let mut log = path.as_os_str().to_owned();
    log.push("-wal");
    std::fs::metadata(log).is_ok_and(|m| m.len() > 0)
}

/// What a failure of SQLite on `path` comes from, where the file system
/// tells: SQLite reports a full disk as a bare "disk I/O error" when it
/// happens while growing its shared-memory file.
fn condition(path: &Path, source: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode::{DiskFull, SystemIoFailure};
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let full = || {
        rustix::fs::statvfs(dir.unwrap_or(Path::new(".")))
            .is_ok_and(|fs| fs.f_bavail.saturating_mul(fs.f_frsize) < FULL_BELOW)
    };
    match source.sqlite_error_code() {
        Some(DiskFull) => ": the disk that holds it is full",
        Some(SystemIoFailure) if full() => ": the disk that holds it is full",
        _ => "",
    }
}

/// Free bytes under which a file system counts as full: less than SQLite
/// needs to grow its files by a page or two.
const FULL_BELOW: u64 = 64 << 10;

/// The results database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (and if needed creates or migrates) the database at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        // SQLite would fail on a directory or a FIFO with a bare "unable to
        // open": say what the path is instead.
        if path.exists() && !path.is_file() {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
        let mut store = Self {
            conn,
            path: path.to_path_buf(),
        };
        store.init()?;
        Ok(store)
    }

    /// Opens an existing store to read it only: nothing in the file or
    /// beside it is written, so a store on a read-only file system (a
    /// mounted artifact, a CI cache) can still be shown and exported. A
    /// store that needs more (a migration from an older schema, a check
    /// that it is a store at all) is opened with [`Store::open`].
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let version = |conn: &Connection| -> rusqlite::Result<i64> {
            conn.busy_timeout(std::time::Duration::from_secs(10))?;
            conn.pragma_query_value(None, "user_version", |r| r.get(0))
        };
        let conn = match Connection::open_with_flags(path, flags) {
            Ok(conn) => match version(&conn) {
                Ok(SCHEMA_VERSION) => Some(conn),
                Ok(_) => None,
                // A store in WAL mode needs its shared-memory file to be
                // read; on a file system where that cannot be created, no
                // process can be writing the store either, so it is read as
                // immutable, unless its log holds writes not yet folded in
                // (an immutable read would silently miss them).
                Err(e) if cannot_open(&e) && !has_log(path) => {
                    let uri = format!("file:{}?immutable=1", uri_path(path));
                    Connection::open_with_flags(uri, flags)
                        .ok()
                        .filter(|c| matches!(version(c), Ok(SCHEMA_VERSION)))
                }
                Err(_) => None,
            },
            Err(_) => None,
        };
        match conn {
            Some(conn) => Ok(Self {
                conn,
                path: path.to_path_buf(),
            }),
            None => Self::open(path),
        }
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    fn init(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        // The first statement reads the file's header: this is where a file
        // that is not a database shows itself.
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|source| match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => {
                    StoreError::NotADatabase { path: path.clone() }
                }
                _ => e(source),
            })?;
        // NORMAL is durable across a process crash in WAL mode; only a power
        // loss may drop the last transactions.
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(e)?;
        self.conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(e)?;
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(e)?;
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        if !(0..=SCHEMA_VERSION).contains(&version) {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: version,
            });
        }
        if version == 0 {
            // A database with tables of its own is not an empty store: adding
            // sizeup's tables to it would change a file that is not ours.
            let tables: i64 = self
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                    [],
                    |r| r.get(0),
                )
                .map_err(e)?;
            if tables > 0 {
                return Err(StoreError::NotAStore {
                    path: self.path.clone(),
                });
            }
            return schema::migrate(&mut self.conn, 0).map_err(e);
        }
        let backup = self.backup(version)?;
        schema::migrate(&mut self.conn, version).map_err(|source| StoreError::Migration {
            path: self.path.clone(),
            from: version,
            backup,
            source,
        })
    }

    /// Copies the database aside before migrating it from `version`.
    fn backup(&self, version: i64) -> Result<PathBuf, StoreError> {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let mut n = 0;
        let backup = loop {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!(".{n}")
            };
            let candidate = self
                .path
                .with_file_name(format!("{name}.v{version}.bak{suffix}"));
            if !candidate.exists() {
                break candidate;
            }
            n += 1;
        };
        self.conn
            .execute("VACUUM INTO ?1", [backup.to_string_lossy()])
            .map_err(self.err())?;
        Ok(backup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Shard;
    use crate::suite::Cost;
    use crate::suite::QualityMeasure;
    use sizeup_runners::{Completion, ErrorClass, Failure, FinishReason, Timing, Usage};
    use std::collections::{BTreeMap, HashMap};

    fn trials(store: &Store, run_id: &str) -> Vec<TrialRow> {
        let mut out = Vec::new();
        store.visit_trials(run_id, true, |t| out.push(t)).unwrap();
        out
    }

    fn completion(text: &str, error: Option<ErrorClass>) -> Completion {
        Completion {
            text: text.into(),
            usage: Usage {
                input_tokens: 10,
                output_tokens: 3,
                ..Usage::default()
            },
            timing: Timing {
                ttft_us: Some(100),
                total_us: 250,
                gaps_us: vec![50, 100],
            },
            finish: FinishReason::Stop,
            error: error.map(|c| Failure::new(c, "boom")),
            attempts: 1,
            retried_usage: Usage {
                input_tokens: 7,
                output_tokens: 2,
                estimated: true,
                ..Usage::default()
            },
        }
    }

    fn trial<'a>(id: &'a str, seq: usize, c: &'a Completion) -> NewTrial<'a> {
        NewTrial {
            id,
            cache_key: "k",
            seq,
            task: "t",
            case: "1",
            model: "m",
            repeat: 0,
            request: "{}".into(),
            expected: Some("\"x\"".into()),
            completion: c,
            quality: Some(1.0),
            passed: true,
            scores: vec![ScoreRow {
                scorer: "exact".into(),
                weight: 1.0,
                value: 1.0,
                passed: true,
                answer: None,
                reason: "ok".into(),
            }],
            cost_usd: 0.5,
            failure_cost_usd: 0.25,
            cached: false,
        }
    }

    fn run(id: &str) -> RunRow {
        RunRow {
            id: id.into(),
            suite: "s".into(),
            suite_path: "/s.yaml".into(),
            options: "{}".into(),
            status: RunStatus::Running,
            started_at: crate::time::now_rfc3339(),
            finished_at: None,
            trials_planned: 2,
            shard: None,
            plan_trials: 2,
        }
    }

    fn create(store: &mut Store, id: &str) {
        let model = RunModel {
            id: "m".into(),
            provider: "local".into(),
            model: "m.gguf".into(),
            reference: true,
            identity: "{}".into(),
            base_url: None,
            api_version: None,
            api_key_env: None,
            cost: Some(Cost {
                hourly_usd: 1.5,
                ..Cost::default()
            }),
            price_source: Some("suite".into()),
        };
        let task = RunTask {
            id: "t".into(),
            description: "d".into(),
            min_quality: Some(0.8),
            quality_measure: QualityMeasure::PassRate,
            margin: Some(0.05),
            p95_latency_ms: Some(2000.0),
            p95_ttft_ms: None,
            p95_tpot_ms: None,
            requests_per_month: Some(1000),
            max_error_rate: 0.05,
            regression: Default::default(),
            judge_bars: BTreeMap::from([(
                1,
                crate::scorers::JudgeBars {
                    max_position_bias: 0.5,
                    ..Default::default()
                },
            )]),
        };
        let sources = BTreeMap::from([("/s.yaml".to_string(), "abc".to_string())]);
        store
            .create_run(&run(id), &[model], &[task], &sources, &owner(1))
            .unwrap();
    }

    #[test]
    fn trials_round_trip_and_failures_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a/b/results.db")).unwrap();
        create(&mut store, "r1");
        let ok = completion("x", None);
        let bad = completion("", Some(ErrorClass::RateLimited));
        store
            .insert_trials("r1", &[trial("b", 1, &ok), trial("a", 0, &bad)])
            .unwrap();
        assert_eq!(
            store.succeeded("r1").unwrap(),
            HashMap::from([("b".to_string(), "k".to_string())])
        );
        let rows = trials(&store, "r1");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "a");
        assert_eq!(rows[0].error_class, Some(ErrorClass::RateLimited));
        assert_eq!(rows[1].expected.as_deref(), Some("\"x\""));
        assert_eq!(rows[1].scores.len(), 1);
        assert_eq!(rows[1].failure_cost_usd, 0.25);
        assert_eq!(rows[1].retried_usage.input_tokens, 7);
        assert!(rows[1].retried_usage.estimated);

        // A retry of the failed trial replaces it.
        store.insert_trials("r1", &[trial("a", 0, &ok)]).unwrap();
        assert_eq!(store.succeeded("r1").unwrap().len(), 2);
        assert_eq!(trials(&store, "r1").len(), 2);

        let cached = store.cached(&["k", "zzz"]).unwrap();
        assert_eq!(cached.len(), 1);
        assert_eq!(cached["k"].timing.gaps_us, vec![50, 100]);
        assert_eq!(cached["k"].usage.input_tokens, 10);
    }

    #[test]
    fn runs_keep_their_models_tasks_and_sources() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("r.db")).unwrap();
        create(&mut store, "r1");
        let models = store.run_models("r1").unwrap();
        assert_eq!(models.len(), 1);
        assert_eq!(models[0].cost.unwrap().hourly_usd, 1.5);
        assert!(models[0].reference);
        let tasks = store.run_tasks("r1").unwrap();
        assert_eq!(tasks[0].requests_per_month, Some(1000));
        assert_eq!(tasks[0].min_quality, Some(0.8));
        assert_eq!(tasks[0].quality_measure, QualityMeasure::PassRate);
        assert_eq!(tasks[0].max_error_rate, 0.05);
        assert_eq!(tasks[0].judge_bars[&1].max_position_bias, 0.5);
        assert_eq!(store.run_sources("r1").unwrap()["/s.yaml"], "abc");
    }

    fn owner(pid: u32) -> Owner {
        Owner {
            pid,
            host: "here".into(),
        }
    }

    #[test]
    fn a_run_is_held_by_one_process_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("r.db")).unwrap();
        create(&mut store, "r1");
        let held = store.lock_run("r1", &owner(2), false).unwrap_err();
        assert!(
            matches!(&held, StoreError::Locked { owner: o, .. } if *o == owner(1)),
            "{held:?}"
        );
        assert!(
            held.to_string().contains("held by process 1 on here"),
            "{held}"
        );
        store.lock_run("r1", &owner(2), true).unwrap();
        store
            .finish_run("r1", RunStatus::Interrupted, "now")
            .unwrap();
        store.lock_run("r1", &owner(3), false).unwrap();
        assert!(matches!(
            store.lock_run("nope", &owner(4), false),
            Err(StoreError::UnknownRun(_))
        ));
    }

    #[test]
    fn runs_are_listed_and_found_and_newer_files_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        let mut store = Store::open(&path).unwrap();
        create(&mut store, "r1");
        store.finish_run("r1", RunStatus::Finished, "now").unwrap();
        assert_eq!(store.run("latest").unwrap().status, RunStatus::Finished);
        assert!(matches!(store.run("nope"), Err(StoreError::UnknownRun(_))));
        assert_eq!(store.runs().unwrap().len(), 1);
        drop(store);
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::NewerSchema { found: 99, .. })
        ));
    }

    #[test]
    fn a_database_of_something_else_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
            .unwrap();
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::NotAStore { .. })
        ));
        let tables: i64 = Connection::open(&path)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 1);
    }

    #[test]
    fn a_merged_run_holds_every_part_and_its_shard_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let ok = completion("x", None);
        let bad = completion("", Some(ErrorClass::Timeout));
        let mut parts = Vec::new();
        for (name, index, trials) in [
            ("a", 1, vec![trial("t2", 2, &ok)]),
            ("b", 2, vec![trial("t0", 0, &bad), trial("t1", 1, &ok)]),
        ] {
            let mut store = Store::open(&dir.path().join(format!("{name}.db"))).unwrap();
            let mut row = run(name);
            row.shard = Some(Shard::new(index, 2).unwrap());
            row.plan_trials = 3;
            store
                .create_run(&row, &[], &[], &BTreeMap::new(), &owner(1))
                .unwrap();
            store.insert_trials(name, &trials).unwrap();
            assert_eq!(store.run(name).unwrap().shard, row.shard);
            parts.push(store);
        }
        let mut out = Store::open(&dir.path().join("out.db")).unwrap();
        let mut merged = run("m");
        merged.status = RunStatus::Finished;
        merged.trials_planned = 3;
        merged.plan_trials = 3;
        create(&mut out, "other");
        let sources = BTreeMap::from([("/s.yaml".to_string(), "abc".to_string())]);
        let from: Vec<(&Store, &str)> = vec![(&parts[0], "a"), (&parts[1], "b")];
        out.create_merged_run(
            &merged,
            &out.run_models("other").unwrap(),
            &out.run_tasks("other").unwrap(),
            &sources,
            &from,
        )
        .unwrap();
        let row = out.run("m").unwrap();
        assert_eq!(
            (row.status, row.shard, row.plan_trials),
            (RunStatus::Finished, None, 3)
        );
        // Not held by anyone: a resume takes it without --force.
        out.lock_run("m", &owner(9), false).unwrap();
        assert_eq!(out.run_sources("m").unwrap(), sources);
        let rows = trials(&out, "m");
        let ids: Vec<&str> = rows.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["t0", "t1", "t2"]);
        let mut expected = trials(&parts[1], "b");
        expected.extend(trials(&parts[0], "a"));
        assert_eq!(rows, expected);
        // The columns no row type reads travel too.
        let gaps: Vec<String> = out
            .conn
            .prepare("SELECT gaps_us FROM completions WHERE run_id = 'm' ORDER BY trial_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(gaps, ["[50,100]"; 3]);
        // A failure halfway (the same part twice) leaves nothing behind.
        let again = out.create_merged_run(
            &run("m2"),
            &[],
            &[],
            &sources,
            &[(&parts[0], "a"), (&parts[0], "a")],
        );
        assert!(matches!(again, Err(StoreError::Sqlite { .. })), "{again:?}");
        assert!(matches!(out.run("m2"), Err(StoreError::UnknownRun(_))));
    }

    #[test]
    fn file_digests_are_kept_by_size_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("r.db")).unwrap();
        store.set_file_digest("/m.gguf", 10, 5, "aa").unwrap();
        assert_eq!(
            store.file_digest("/m.gguf", 10, 5).unwrap().as_deref(),
            Some("aa")
        );
        assert_eq!(store.file_digest("/m.gguf", 10, 6).unwrap(), None);
        assert_eq!(store.file_digest("/m.gguf", 11, 5).unwrap(), None);
    }
}
