//! [`Store`]: runs and their trials in one SQLite file.
//!
//! WAL mode, one transaction per burst of finished trials, so a killed run
//! loses only the trials that were in flight. The schema is versioned in
//! `PRAGMA user_version` and migrated forward in order (see `schema`); a
//! newer file is refused rather than misread. A run being executed holds a
//! lock (its process and host), so two processes never run it at once.

mod capacity;
mod judgements;
mod rows;
mod schema;

pub use capacity::SweepRow;
pub use judgements::{JudgeCallRow, NewJudgeCall};
pub use rows::{NewTrial, Owner, RunModel, RunRow, RunStatus, RunTask, ScoreRow, TrialRow};
pub use schema::SCHEMA_VERSION;

use crate::plan::Shard;
use crate::suite::Cost;
use rusqlite::{params, Connection, OptionalExtension};
use sizeup_reports::QualityMeasure;
use sizeup_runners::{Completion, ErrorClass, FinishReason, Timing, Usage};
use std::collections::{BTreeMap, HashMap};
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

const RUN_COLUMNS: &str = "id, suite, suite_path, options, status, started_at, finished_at,
     trials_planned, shard_index, shard_count, plan_trials";

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
        let current = |conn: Connection| match version(&conn) {
            Ok(SCHEMA_VERSION) => Some(conn),
            _ => None,
        };
        // A store in WAL mode needs its shared-memory file to be read; on
        // a file system where it cannot be created, no process can be
        // writing the store either, so it is read as immutable.
        let conn = Connection::open_with_flags(path, flags)
            .ok()
            .and_then(current)
            .or_else(|| {
                let uri = format!("file:{}?immutable=1", uri_path(path));
                Connection::open_with_flags(uri, flags)
                    .ok()
                    .and_then(current)
            });
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

    /// Records a new run, held by `owner`, with its models, tasks and the
    /// digests of the files it was planned from.
    pub fn create_run(
        &mut self,
        run: &RunRow,
        models: &[RunModel],
        tasks: &[RunTask],
        sources: &BTreeMap<String, String>,
        owner: &Owner,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = move |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(&e)?;
        insert_run(&tx, run, models, tasks, sources, Some(owner)).map_err(&e)?;
        tx.commit().map_err(&e)
    }

    /// Records `run`, finished as it stands, with the trials of other runs:
    /// each of `parts` is a store and the id of a run in it. Every stored
    /// column is copied as it is (completions and scores included), under
    /// the new run's id, in one transaction: the run appears whole or not
    /// at all.
    pub fn create_merged_run(
        &mut self,
        run: &RunRow,
        models: &[RunModel],
        tasks: &[RunTask],
        sources: &BTreeMap<String, String>,
        parts: &[(&Store, &str)],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = move |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(&e)?;
        insert_run(&tx, run, models, tasks, sources, None).map_err(&e)?;
        for (from, from_run) in parts {
            for table in ["trials", "completions", "scores", "judge_calls"] {
                copy_rows(&from.conn, &tx, table, from_run, &run.id).map_err(|source| {
                    StoreError::Sqlite {
                        path: from.path.clone(),
                        source,
                    }
                })?;
            }
        }
        tx.commit().map_err(&e)
    }

    /// Takes the run for `owner`; with `force`, even from another holder.
    pub fn lock_run(&self, run_id: &str, owner: &Owner, force: bool) -> Result<(), StoreError> {
        let taken = self
            .conn
            .execute(
                "UPDATE runs SET lock_pid = ?2, lock_host = ?3, locked_at = ?4
                 WHERE id = ?1 AND (lock_pid IS NULL OR ?5)",
                params![
                    run_id,
                    owner.pid,
                    owner.host,
                    crate::time::now_rfc3339(),
                    force
                ],
            )
            .map_err(self.err())?;
        if taken == 1 {
            return Ok(());
        }
        let held: Option<(Option<u32>, Option<String>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT lock_pid, lock_host, locked_at FROM runs WHERE id = ?1",
                [run_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(self.err())?;
        match held {
            None => Err(StoreError::UnknownRun(run_id.to_string())),
            Some((pid, host, since)) => Err(StoreError::Locked {
                run: run_id.to_string(),
                owner: Owner {
                    pid: pid.unwrap_or_default(),
                    host: host.unwrap_or_default(),
                },
                since: since.unwrap_or_default(),
            }),
        }
    }

    /// Sets a run's status and end time, and releases its lock.
    pub fn finish_run(
        &self,
        run_id: &str,
        status: RunStatus,
        finished_at: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET status = ?2, finished_at = ?3,
                 lock_pid = NULL, lock_host = NULL, locked_at = NULL WHERE id = ?1",
                params![run_id, status.as_str(), finished_at],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Marks a run as running again (a resume).
    pub fn reopen_run(&self, run_id: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?1",
                [run_id],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// One run; `latest` names the most recent.
    pub fn run(&self, id: &str) -> Result<RunRow, StoreError> {
        let sql = format!("SELECT {RUN_COLUMNS} FROM runs");
        let row = if id == "latest" {
            self.conn
                .query_row(
                    &format!("{sql} ORDER BY started_at DESC, rowid DESC LIMIT 1"),
                    [],
                    raw_run,
                )
                .optional()
        } else {
            self.conn
                .query_row(&format!("{sql} WHERE id = ?1"), [id], raw_run)
                .optional()
        };
        let raw = row
            .map_err(self.err())?
            .ok_or_else(|| StoreError::UnknownRun(id.to_string()))?;
        raw.typed()
    }

    /// Every run, newest first, with its count of stored trials.
    pub fn runs(&self) -> Result<Vec<(RunRow, u64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {RUN_COLUMNS}, (SELECT COUNT(*) FROM trials t WHERE t.run_id = runs.id)
                 FROM runs ORDER BY started_at DESC, rowid DESC"
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| Ok((raw_run(r)?, r.get::<_, u64>(11)?)))
            .map_err(self.err())?;
        let mut out = Vec::new();
        for row in rows {
            let (raw, done) = row.map_err(self.err())?;
            out.push((raw.typed()?, done));
        }
        Ok(out)
    }

    /// The models of a run, in suite order.
    pub fn run_models(&self, run_id: &str) -> Result<Vec<RunModel>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, provider, model, reference, identity, input_per_mtok, output_per_mtok,
                 cached_input_per_mtok, cache_write_per_mtok, reasoning_per_mtok, hourly_usd,
                 price_source, base_url, api_version, api_key_env
                 FROM run_models WHERE run_id = ?1 ORDER BY position",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([run_id], |r| {
                let prices: [Option<f64>; 6] = [
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                ];
                let cost = match prices {
                    [Some(i), Some(o), Some(ci), Some(cw), Some(re), Some(h)] => Some(Cost {
                        input_per_mtok: i,
                        output_per_mtok: o,
                        cached_input_per_mtok: ci,
                        cache_write_per_mtok: cw,
                        reasoning_per_mtok: re,
                        hourly_usd: h,
                    }),
                    _ => None,
                };
                Ok(RunModel {
                    id: r.get(0)?,
                    provider: r.get(1)?,
                    model: r.get(2)?,
                    reference: r.get(3)?,
                    identity: r.get(4)?,
                    base_url: r.get(12)?,
                    api_version: r.get(13)?,
                    api_key_env: r.get(14)?,
                    cost,
                    price_source: r.get(11)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The tasks of a run, in suite order.
    pub fn run_tasks(&self, run_id: &str) -> Result<Vec<RunTask>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, description, min_quality, margin, p95_latency_ms, requests_per_month,
                 max_error_rate, regression, p95_ttft_ms, p95_tpot_ms, quality_measure
                 FROM run_tasks WHERE run_id = ?1 ORDER BY position",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([run_id], |r| {
                Ok(RunTask {
                    id: r.get(0)?,
                    description: r.get(1)?,
                    min_quality: r.get(2)?,
                    margin: r.get(3)?,
                    p95_latency_ms: r.get(4)?,
                    requests_per_month: r.get(5)?,
                    max_error_rate: r.get(6)?,
                    // Runs stored before thresholds were recorded keep the defaults.
                    regression: r
                        .get::<_, Option<String>>(7)?
                        .and_then(|json| serde_json::from_str(&json).ok())
                        .unwrap_or_default(),
                    p95_ttft_ms: r.get(8)?,
                    p95_tpot_ms: r.get(9)?,
                    // Runs stored before tasks named a measure held every
                    // task to its mean quality.
                    quality_measure: r
                        .get::<_, Option<String>>(10)?
                        .as_deref()
                        .and_then(QualityMeasure::parse)
                        .unwrap_or_else(QualityMeasure::legacy),
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Each trial of a run with the key of the request it sent: trial id →
    /// (task, model, cache key). The same trial id in two runs with another
    /// key means the request (prompt, parameters or model) changed.
    pub fn request_keys(
        &self,
        run_id: &str,
    ) -> Result<HashMap<String, (String, String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, task, model, cache_key FROM trials WHERE run_id = ?1")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([run_id], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The files a run was planned from, each with its SHA-256.
    pub fn run_sources(&self, run_id: &str) -> Result<BTreeMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, sha256 FROM run_sources WHERE run_id = ?1")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([run_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The run's trials that finished without error: id → cache key.
    pub fn succeeded(&self, run_id: &str) -> Result<HashMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT t.id, t.cache_key FROM trials t
                 JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
                 WHERE t.run_id = ?1 AND c.error_class IS NULL",
            )
            .map_err(self.err())?;
        let ids = stmt
            .query_map([run_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err())?;
        ids.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The newest successful completion stored under each of `keys` (cache
    /// keys), from any run.
    pub fn cached(&self, keys: &[&str]) -> Result<HashMap<String, Completion>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.text, c.finish_reason, c.input_tokens, c.output_tokens,
                 c.cached_input_tokens, c.cache_write_tokens, c.reasoning_tokens,
                 c.usage_estimated, c.ttft_us, c.total_us, c.gaps_us
                 FROM trials t JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
                 WHERE t.cache_key = ?1 AND c.error_class IS NULL
                 ORDER BY t.rowid DESC LIMIT 1",
            )
            .map_err(self.err())?;
        let mut out = HashMap::new();
        for key in keys {
            let found = stmt
                .query_row([key], |r| {
                    let gaps: String = r.get(10)?;
                    Ok(Completion {
                        text: r.get(0)?,
                        finish: finish_reason(&r.get::<_, String>(1)?),
                        usage: usage(r, 2)?,
                        timing: Timing {
                            ttft_us: r.get(8)?,
                            total_us: r.get(9)?,
                            gaps_us: serde_json::from_str(&gaps).unwrap_or_default(),
                        },
                        error: None,
                        attempts: 0,
                        retried_usage: Usage::default(),
                    })
                })
                .optional()
                .map_err(self.err())?;
            if let Some(c) = found {
                out.insert(key.to_string(), c);
            }
        }
        Ok(out)
    }

    /// The SHA-256 recorded for a file of this size and modification time.
    pub fn file_digest(
        &self,
        path: &str,
        size: u64,
        modified_ns: i64,
    ) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT sha256 FROM file_digests WHERE path = ?1 AND size = ?2 AND modified_ns = ?3",
                params![path, size, modified_ns],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.err())
    }

    /// Records a file's SHA-256 for its size and modification time.
    pub fn set_file_digest(
        &self,
        path: &str,
        size: u64,
        modified_ns: i64,
        sha256: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO file_digests (path, size, modified_ns, sha256)
                 VALUES (?1, ?2, ?3, ?4)",
                params![path, size, modified_ns, sha256],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Stores finished trials in one transaction, replacing earlier failed
    /// attempts at the same trials in the same run.
    pub fn insert_trials(
        &mut self,
        run_id: &str,
        trials: &[NewTrial<'_>],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = move |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(&e)?;
        let now = crate::time::now_rfc3339();
        {
            let mut trial_stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO trials (run_id, id, seq, task, case_id, model, repeat,
                     request, expected, quality, passed, cost_usd, cached, attempts, finished_at,
                     cache_key, failure_cost_usd)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                     ?16, ?17)",
                )
                .map_err(&e)?;
            let mut completion_stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO completions (run_id, trial_id, text, finish_reason,
                     input_tokens, output_tokens, cached_input_tokens, cache_write_tokens,
                     reasoning_tokens, usage_estimated, ttft_us, total_us, gaps_us, error_class,
                     error_message, http_status, retried_input_tokens, retried_output_tokens,
                     retried_usage_estimated)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19)",
                )
                .map_err(&e)?;
            let mut clear_stmt = tx
                .prepare_cached("DELETE FROM scores WHERE run_id = ?1 AND trial_id = ?2")
                .map_err(&e)?;
            let mut score_stmt = tx
                .prepare_cached(
                    "INSERT INTO scores (run_id, trial_id, position, scorer, weight, value, passed,
                     answer, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(&e)?;
            for t in trials {
                let c = t.completion;
                trial_stmt
                    .execute(params![
                        run_id,
                        t.id,
                        t.seq,
                        t.task,
                        t.case,
                        t.model,
                        t.repeat,
                        t.request,
                        t.expected,
                        t.quality,
                        t.passed,
                        t.cost_usd,
                        t.cached,
                        c.attempts,
                        now,
                        t.cache_key,
                        t.failure_cost_usd
                    ])
                    .map_err(&e)?;
                let failure = c.error.as_ref();
                completion_stmt
                    .execute(params![
                        run_id,
                        t.id,
                        c.text,
                        c.finish.as_str(),
                        c.usage.input_tokens,
                        c.usage.output_tokens,
                        c.usage.cached_input_tokens,
                        c.usage.cache_write_tokens,
                        c.usage.reasoning_tokens,
                        c.usage.estimated,
                        c.timing.ttft_us,
                        c.timing.total_us,
                        serde_json::to_string(&c.timing.gaps_us).unwrap_or_default(),
                        failure.map(|f| f.class.as_str()),
                        failure.map(|f| f.message.as_str()),
                        failure.and_then(|f| f.status),
                        c.retried_usage.input_tokens,
                        c.retried_usage.output_tokens,
                        c.retried_usage.estimated
                    ])
                    .map_err(&e)?;
                clear_stmt.execute(params![run_id, t.id]).map_err(&e)?;
                for (i, s) in t.scores.iter().enumerate() {
                    score_stmt
                        .execute(params![
                            run_id, t.id, i, s.scorer, s.weight, s.value, s.passed, s.answer,
                            s.reason
                        ])
                        .map_err(&e)?;
                }
            }
        }
        tx.commit().map_err(&e)
    }

    /// Calls `visit` with each stored trial of a run, in plan order, without
    /// holding them all in memory; scores and requests are read only when
    /// asked for (`details`).
    pub fn visit_trials(
        &self,
        run_id: &str,
        details: bool,
        mut visit: impl FnMut(TrialRow),
    ) -> Result<(), StoreError> {
        let mut scores: HashMap<String, Vec<ScoreRow>> = HashMap::new();
        if details {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT trial_id, scorer, weight, value, passed, answer, reason FROM scores
                     WHERE run_id = ?1 ORDER BY trial_id, position",
                )
                .map_err(self.err())?;
            let rows = stmt
                .query_map([run_id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        ScoreRow {
                            scorer: r.get(1)?,
                            weight: r.get(2)?,
                            value: r.get(3)?,
                            passed: r.get(4)?,
                            answer: r.get(5)?,
                            reason: r.get(6)?,
                        },
                    ))
                })
                .map_err(self.err())?;
            for row in rows {
                let (id, s) = row.map_err(self.err())?;
                scores.entry(id).or_default().push(s);
            }
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT t.id, t.task, t.case_id, t.model, t.repeat, c.text, t.expected,
                 c.error_class, c.error_message, c.finish_reason, t.quality, t.passed,
                 c.input_tokens, c.output_tokens, c.cached_input_tokens, c.cache_write_tokens,
                 c.reasoning_tokens, c.usage_estimated, c.ttft_us, c.total_us, t.attempts,
                 t.cached, t.cost_usd, t.failure_cost_usd, c.retried_input_tokens,
                 c.retried_output_tokens, c.retried_usage_estimated,
                 CASE WHEN ?2 THEN t.request END
                 FROM trials t JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
                 WHERE t.run_id = ?1 ORDER BY t.seq",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![run_id, details], |r| {
                let class: Option<String> = r.get(7)?;
                let row = TrialRow {
                    id: r.get(0)?,
                    task: r.get(1)?,
                    case: r.get(2)?,
                    model: r.get(3)?,
                    repeat: r.get(4)?,
                    request: r.get(27)?,
                    output: r.get(5)?,
                    expected: r.get(6)?,
                    error_class: None,
                    error_message: r.get(8)?,
                    finish: finish_reason(&r.get::<_, String>(9)?),
                    quality: r.get(10)?,
                    passed: r.get(11)?,
                    scores: Vec::new(),
                    usage: usage(r, 12)?,
                    ttft_us: r.get(18)?,
                    latency_us: r.get(19)?,
                    attempts: r.get(20)?,
                    cached: r.get(21)?,
                    cost_usd: r.get(22)?,
                    failure_cost_usd: r.get(23)?,
                    retried_usage: Usage {
                        input_tokens: r.get(24)?,
                        output_tokens: r.get(25)?,
                        estimated: r.get(26)?,
                        ..Usage::default()
                    },
                };
                Ok((row, class))
            })
            .map_err(self.err())?;
        for row in rows {
            let (mut t, class) = row.map_err(self.err())?;
            if let Some(class) = class {
                t.error_class =
                    Some(
                        ErrorClass::parse(&class).ok_or_else(|| StoreError::Corrupt {
                            run: run_id.to_string(),
                            what: format!("error class `{class}` in trial {}", t.id),
                        })?,
                    );
            }
            t.scores = scores.remove(&t.id).unwrap_or_default();
            visit(t);
        }
        Ok(())
    }
}

/// Inserts a run with its models, tasks and sources; held by `owner` when
/// there is one (a run about to execute), else free (a merged run).
fn insert_run(
    tx: &rusqlite::Transaction<'_>,
    run: &RunRow,
    models: &[RunModel],
    tasks: &[RunTask],
    sources: &BTreeMap<String, String>,
    owner: Option<&Owner>,
) -> rusqlite::Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO runs ({RUN_COLUMNS}, lock_pid, lock_host, locked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
             CASE WHEN ?12 IS NULL THEN NULL ELSE ?6 END)"
        ),
        params![
            run.id,
            run.suite,
            run.suite_path,
            run.options,
            run.status.as_str(),
            run.started_at,
            run.finished_at,
            run.trials_planned,
            run.shard.map(Shard::index),
            run.shard.map(Shard::count),
            run.plan_trials,
            owner.map(|o| o.pid),
            owner.map(|o| o.host.as_str())
        ],
    )?;
    for (i, m) in models.iter().enumerate() {
        let c = m.cost;
        tx.execute(
            "INSERT INTO run_models (run_id, position, id, provider, model, reference,
             identity, input_per_mtok, output_per_mtok, cached_input_per_mtok,
             cache_write_per_mtok, reasoning_per_mtok, hourly_usd, price_source,
             base_url, api_version, api_key_env)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
             ?17)",
            params![
                run.id,
                i,
                m.id,
                m.provider,
                m.model,
                m.reference,
                m.identity,
                c.map(|c| c.input_per_mtok),
                c.map(|c| c.output_per_mtok),
                c.map(|c| c.cached_input_per_mtok),
                c.map(|c| c.cache_write_per_mtok),
                c.map(|c| c.reasoning_per_mtok),
                c.map(|c| c.hourly_usd),
                m.price_source,
                m.base_url,
                m.api_version,
                m.api_key_env
            ],
        )?;
    }
    for (i, t) in tasks.iter().enumerate() {
        tx.execute(
            "INSERT INTO run_tasks (run_id, position, id, description, min_quality, margin,
             p95_latency_ms, requests_per_month, max_error_rate, regression, p95_ttft_ms,
             p95_tpot_ms, quality_measure)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                run.id,
                i,
                t.id,
                t.description,
                t.min_quality,
                t.margin,
                t.p95_latency_ms,
                t.requests_per_month,
                t.max_error_rate,
                serde_json::to_string(&t.regression).expect("thresholds serialize"),
                t.p95_ttft_ms,
                t.p95_tpot_ms,
                t.quality_measure.as_str()
            ],
        )?;
    }
    for (file, sha256) in sources {
        tx.execute(
            "INSERT INTO run_sources (run_id, path, sha256) VALUES (?1, ?2, ?3)",
            params![run.id, file, sha256],
        )?;
    }
    Ok(())
}

/// Copies the rows of `table` that belong to run `from_run` in `from`
/// into `to`, under run `to_run`. Columns are read by name from the
/// source, so whatever the schema holds travels; both files are at the
/// same version, as [`Store::open`] left them.
fn copy_rows(
    from: &Connection,
    to: &rusqlite::Transaction<'_>,
    table: &str,
    from_run: &str,
    to_run: &str,
) -> rusqlite::Result<()> {
    let mut read = from.prepare(&format!("SELECT * FROM {table} WHERE run_id = ?1"))?;
    let columns: Vec<String> = read.column_names().iter().map(|c| c.to_string()).collect();
    let run_column = columns.iter().position(|c| c == "run_id");
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let mut write = to.prepare(&format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        marks.join(", ")
    ))?;
    let mut rows = read.query([from_run])?;
    while let Some(row) = rows.next()? {
        let mut values = (0..columns.len())
            .map(|i| row.get::<_, rusqlite::types::Value>(i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(i) = run_column {
            values[i] = rusqlite::types::Value::Text(to_run.to_string());
        }
        write.execute(rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

/// A run row before its status and shard are parsed.
struct RawRun(RunRow, String, Option<(u32, u32)>);

impl RawRun {
    fn typed(self) -> Result<RunRow, StoreError> {
        let RawRun(mut row, status, shard) = self;
        row.status = RunStatus::parse(&status).ok_or_else(|| StoreError::Corrupt {
            run: row.id.clone(),
            what: format!("status `{status}`"),
        })?;
        row.shard = shard
            .map(|(index, count)| {
                Shard::new(index, count).map_err(|_| StoreError::Corrupt {
                    run: row.id.clone(),
                    what: format!("shard {index}/{count}"),
                })
            })
            .transpose()?;
        Ok(row)
    }
}

fn raw_run(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRun> {
    Ok(RawRun(
        RunRow {
            id: r.get(0)?,
            suite: r.get(1)?,
            suite_path: r.get(2)?,
            options: r.get(3)?,
            status: RunStatus::Running,
            started_at: r.get(5)?,
            finished_at: r.get(6)?,
            trials_planned: r.get(7)?,
            shard: None,
            plan_trials: r.get(10)?,
        },
        r.get(4)?,
        Option::zip(r.get(8)?, r.get(9)?),
    ))
}

/// A completion's usage from six columns from `at`: input, output, cached
/// input, cache write and reasoning tokens, and whether they are estimates.
fn usage(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Usage> {
    Ok(Usage {
        input_tokens: r.get(at)?,
        output_tokens: r.get(at + 1)?,
        cached_input_tokens: r.get(at + 2)?,
        cache_write_tokens: r.get(at + 3)?,
        reasoning_tokens: r.get(at + 4)?,
        estimated: r.get(at + 5)?,
    })
}

fn finish_reason(name: &str) -> FinishReason {
    match name {
        "error" => FinishReason::Error,
        other => FinishReason::from_openai(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sizeup_runners::Failure;

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
