//! [`Store`]: runs and their trials in one SQLite file.
//!
//! WAL mode, one transaction per finished trial, so a killed run loses only
//! the trials that were in flight. The schema is versioned in
//! `PRAGMA user_version`; a newer file is refused rather than misread.

use rusqlite::{params, Connection, OptionalExtension};
use sizeup_reports::{ScoreRecord, TrialRecord};
use sizeup_runners::{Completion, FinishReason, Timing, Usage};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Version of the schema below.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    suite TEXT NOT NULL,
    suite_path TEXT NOT NULL,
    options TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    trials_planned INTEGER NOT NULL,
    models TEXT NOT NULL,
    tasks TEXT NOT NULL
);
CREATE TABLE trials (
    run_id TEXT NOT NULL REFERENCES runs(id),
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    task TEXT NOT NULL,
    case_id TEXT NOT NULL,
    model TEXT NOT NULL,
    repeat INTEGER NOT NULL,
    request TEXT NOT NULL,
    expected TEXT,
    quality REAL,
    passed INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    cached INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (run_id, id)
);
CREATE TABLE completions (
    run_id TEXT NOT NULL,
    trial_id TEXT NOT NULL,
    text TEXT NOT NULL,
    finish_reason TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cached_input_tokens INTEGER NOT NULL,
    cache_write_tokens INTEGER NOT NULL,
    reasoning_tokens INTEGER NOT NULL,
    usage_estimated INTEGER NOT NULL,
    ttft_us INTEGER,
    total_us INTEGER NOT NULL,
    gaps_us TEXT NOT NULL,
    error_class TEXT,
    error_message TEXT,
    http_status INTEGER,
    PRIMARY KEY (run_id, trial_id)
);
CREATE INDEX completions_by_trial ON completions(trial_id);
CREATE TABLE scores (
    run_id TEXT NOT NULL,
    trial_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    scorer TEXT NOT NULL,
    weight REAL NOT NULL,
    value REAL NOT NULL,
    passed INTEGER NOT NULL,
    answer TEXT,
    reason TEXT NOT NULL,
    PRIMARY KEY (run_id, trial_id, position)
);
";

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
    #[error("database error in {}", path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },
    /// The file was written by a newer sizeup.
    #[error("{} has schema version {found}; this sizeup reads version {SCHEMA_VERSION}", path.display())]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// Its version.
        found: i64,
    },
    /// No run has this id.
    #[error("no run `{0}` in the database")]
    UnknownRun(String),
}

/// A run as stored.
#[derive(Debug, Clone)]
pub struct RunRow {
    /// Its id.
    pub id: String,
    /// Suite name.
    pub suite: String,
    /// Suite file as given.
    pub suite_path: String,
    /// The invocation's options (JSON), so a resume can repeat them.
    pub options: String,
    /// `running`, `finished`, `interrupted` or `failed`.
    pub status: String,
    /// Start time.
    pub started_at: String,
    /// End time.
    pub finished_at: Option<String>,
    /// Trials in the plan.
    pub trials_planned: u64,
    /// Models, as JSON list of `ModelInfo`.
    pub models: String,
    /// Tasks, as JSON list of `TaskInfo`.
    pub tasks: String,
}

/// One finished trial to store.
pub struct NewTrial<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Position in the plan.
    pub seq: usize,
    /// Task id.
    pub task: &'a str,
    /// Case id.
    pub case: &'a str,
    /// Model id.
    pub model: &'a str,
    /// Repeat index.
    pub repeat: u32,
    /// The request, as JSON.
    pub request: String,
    /// The expected answer, as JSON.
    pub expected: Option<String>,
    /// What came back.
    pub completion: &'a Completion,
    /// Weighted quality, when scored.
    pub quality: Option<f64>,
    /// Whether every scorer passed.
    pub passed: bool,
    /// Each scorer's score.
    pub scores: Vec<ScoreRecord>,
    /// Money spent.
    pub cost_usd: f64,
    /// Reused from the cache.
    pub cached: bool,
}

/// The results database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (and if needed creates) the database at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
        let store = Self {
            conn,
            path: path.to_path_buf(),
        };
        store.init()?;
        Ok(store)
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    fn init(&self) -> Result<(), StoreError> {
        let e = self.err();
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(&e)?;
        // NORMAL is durable across a process crash in WAL mode; only a power
        // loss may drop the last transactions.
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(&e)?;
        self.conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(&e)?;
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(&e)?;
        match version {
            0 => {
                self.conn
                    .execute_batch(&format!(
                        "BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                    ))
                    .map_err(&e)?;
                Ok(())
            }
            SCHEMA_VERSION => Ok(()),
            found => Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found,
            }),
        }
    }

    /// Records a new run.
    pub fn create_run(&self, run: &RunRow) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO runs (id, suite, suite_path, options, status, started_at, finished_at,
                 trials_planned, models, tasks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    run.id,
                    run.suite,
                    run.suite_path,
                    run.options,
                    run.status,
                    run.started_at,
                    run.finished_at,
                    run.trials_planned,
                    run.models,
                    run.tasks
                ],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Sets a run's status and end time.
    pub fn set_status(
        &self,
        run_id: &str,
        status: &str,
        finished_at: Option<&str>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET status = ?2, finished_at = ?3 WHERE id = ?1",
                params![run_id, status, finished_at],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// One run; `latest` names the most recent.
    pub fn run(&self, id: &str) -> Result<RunRow, StoreError> {
        let sql = "SELECT id, suite, suite_path, options, status, started_at, finished_at,
                   trials_planned, models, tasks FROM runs";
        let row = if id == "latest" {
            self.conn
                .query_row(
                    &format!("{sql} ORDER BY started_at DESC, rowid DESC LIMIT 1"),
                    [],
                    run_row,
                )
                .optional()
        } else {
            self.conn
                .query_row(&format!("{sql} WHERE id = ?1"), [id], run_row)
                .optional()
        };
        row.map_err(self.err())?
            .ok_or_else(|| StoreError::UnknownRun(id.to_string()))
    }

    /// Every run, newest first, with its count of stored trials.
    pub fn runs(&self) -> Result<Vec<(RunRow, u64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, suite, suite_path, options, status, started_at, finished_at,
                 trials_planned, models, tasks,
                 (SELECT COUNT(*) FROM trials t WHERE t.run_id = runs.id)
                 FROM runs ORDER BY started_at DESC, rowid DESC",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| Ok((run_row(r)?, r.get::<_, u64>(10)?)))
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Ids of the run's trials that finished without error.
    pub fn succeeded(&self, run_id: &str) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT trial_id FROM completions WHERE run_id = ?1 AND error_class IS NULL")
            .map_err(self.err())?;
        let ids = stmt.query_map([run_id], |r| r.get(0)).map_err(self.err())?;
        ids.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The newest successful completion stored for each of `ids`, from any run.
    pub fn cached(&self, ids: &[&str]) -> Result<HashMap<String, Completion>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT text, finish_reason, input_tokens, output_tokens, cached_input_tokens,
                 cache_write_tokens, reasoning_tokens, usage_estimated, ttft_us, total_us, gaps_us
                 FROM completions WHERE trial_id = ?1 AND error_class IS NULL
                 ORDER BY rowid DESC LIMIT 1",
            )
            .map_err(self.err())?;
        let mut out = HashMap::new();
        for id in ids {
            let found = stmt
                .query_row([id], |r| {
                    let gaps: String = r.get(10)?;
                    Ok(Completion {
                        text: r.get(0)?,
                        finish: finish_reason(&r.get::<_, String>(1)?),
                        usage: Usage {
                            input_tokens: r.get(2)?,
                            output_tokens: r.get(3)?,
                            cached_input_tokens: r.get(4)?,
                            cache_write_tokens: r.get(5)?,
                            reasoning_tokens: r.get(6)?,
                            estimated: r.get(7)?,
                        },
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
                out.insert(id.to_string(), c);
            }
        }
        Ok(out)
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
                     request, expected, quality, passed, cost_usd, cached, attempts, finished_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                )
                .map_err(&e)?;
            let mut completion_stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO completions (run_id, trial_id, text, finish_reason,
                     input_tokens, output_tokens, cached_input_tokens, cache_write_tokens,
                     reasoning_tokens, usage_estimated, ttft_us, total_us, gaps_us, error_class,
                     error_message, http_status)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
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
                        run_id, t.id, t.seq, t.task, t.case, t.model, t.repeat, t.request,
                        t.expected, t.quality, t.passed, t.cost_usd, t.cached, c.attempts, now
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
    /// holding them all in memory; scores are read only when asked for.
    pub fn visit_trials(
        &self,
        run_id: &str,
        with_scores: bool,
        mut visit: impl FnMut(TrialRecord),
    ) -> Result<(), StoreError> {
        let mut scores: HashMap<String, Vec<ScoreRecord>> = HashMap::new();
        if with_scores {
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
                        ScoreRecord {
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
                 c.input_tokens, c.output_tokens, c.usage_estimated, c.ttft_us, c.total_us,
                 t.attempts, t.cached, t.cost_usd
                 FROM trials t JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
                 WHERE t.run_id = ?1 ORDER BY t.seq",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([run_id], |r| {
                let expected: Option<String> = r.get(6)?;
                Ok(TrialRecord {
                    id: r.get(0)?,
                    task: r.get(1)?,
                    case: r.get(2)?,
                    model: r.get(3)?,
                    repeat: r.get(4)?,
                    output: r.get(5)?,
                    expected: expected.map(|e| match serde_json::from_str(&e) {
                        Ok(serde_json::Value::String(s)) => s,
                        _ => e,
                    }),
                    error_class: r.get(7)?,
                    error: r.get(8)?,
                    finish_reason: r.get(9)?,
                    quality: r.get(10)?,
                    passed: r.get(11)?,
                    scores: Vec::new(),
                    input_tokens: r.get(12)?,
                    output_tokens: r.get(13)?,
                    usage_estimated: r.get(14)?,
                    ttft_us: r.get(15)?,
                    latency_us: r.get(16)?,
                    attempts: r.get(17)?,
                    cached: r.get(18)?,
                    cost_usd: r.get(19)?,
                })
            })
            .map_err(self.err())?;
        for row in rows {
            let mut t = row.map_err(self.err())?;
            t.scores = scores.remove(&t.id).unwrap_or_default();
            visit(t);
        }
        Ok(())
    }
}

fn run_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RunRow> {
    Ok(RunRow {
        id: r.get(0)?,
        suite: r.get(1)?,
        suite_path: r.get(2)?,
        options: r.get(3)?,
        status: r.get(4)?,
        started_at: r.get(5)?,
        finished_at: r.get(6)?,
        trials_planned: r.get(7)?,
        models: r.get(8)?,
        tasks: r.get(9)?,
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

    fn trials(store: &Store, run_id: &str) -> Vec<TrialRecord> {
        let mut out = Vec::new();
        store.visit_trials(run_id, true, |t| out.push(t)).unwrap();
        out
    }
    use sizeup_runners::{ErrorClass, Failure};

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
            retried_usage: Usage::default(),
        }
    }

    fn trial<'a>(id: &'a str, seq: usize, c: &'a Completion) -> NewTrial<'a> {
        NewTrial {
            id,
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
            scores: vec![ScoreRecord {
                scorer: "exact".into(),
                weight: 1.0,
                value: 1.0,
                passed: true,
                answer: None,
                reason: "ok".into(),
            }],
            cost_usd: 0.5,
            cached: false,
        }
    }

    fn run(id: &str) -> RunRow {
        RunRow {
            id: id.into(),
            suite: "s".into(),
            suite_path: "s.yaml".into(),
            options: "{}".into(),
            status: "running".into(),
            started_at: crate::time::now_rfc3339(),
            finished_at: None,
            trials_planned: 2,
            models: "[]".into(),
            tasks: "[]".into(),
        }
    }

    #[test]
    fn trials_round_trip_and_failures_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a/b/results.db")).unwrap();
        store.create_run(&run("r1")).unwrap();
        let ok = completion("x", None);
        let bad = completion("", Some(ErrorClass::RateLimited));
        store
            .insert_trials("r1", &[trial("b", 1, &ok), trial("a", 0, &bad)])
            .unwrap();
        assert_eq!(
            store.succeeded("r1").unwrap(),
            HashSet::from(["b".to_string()])
        );
        let rows = trials(&store, "r1");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "a");
        assert_eq!(rows[0].error_class.as_deref(), Some("rate_limited"));
        assert_eq!(rows[1].expected.as_deref(), Some("x"));
        assert_eq!(rows[1].scores.len(), 1);

        // A retry of the failed trial replaces it.
        store.insert_trials("r1", &[trial("a", 0, &ok)]).unwrap();
        assert_eq!(store.succeeded("r1").unwrap().len(), 2);
        assert_eq!(trials(&store, "r1").len(), 2);

        let cached = store.cached(&["a", "b", "zzz"]).unwrap();
        assert_eq!(cached.len(), 2);
        assert_eq!(cached["b"].timing.gaps_us, vec![50, 100]);
        assert_eq!(cached["b"].usage.input_tokens, 10);
    }

    #[test]
    fn runs_are_listed_and_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        let store = Store::open(&path).unwrap();
        store.create_run(&run("r1")).unwrap();
        store.set_status("r1", "finished", Some("now")).unwrap();
        assert_eq!(store.run("latest").unwrap().status, "finished");
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
}
