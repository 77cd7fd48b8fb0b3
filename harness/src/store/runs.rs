//! Runs in the store: creating one (or a merged one from shards), the lock
//! a process holds on the run it executes, its status, and reading back its
//! models, tasks and the files it was planned from.

use super::{Owner, RunModel, RunRow, RunStatus, RunTask, Store, StoreError};
use crate::plan::Shard;
use crate::suite::Cost;
use crate::suite::QualityMeasure;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

const RUN_COLUMNS: &str = "id, suite, suite_path, options, status, started_at, finished_at,
     trials_planned, shard_index, shard_count, plan_trials";

impl Store {
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
                 max_error_rate, regression, p95_ttft_ms, p95_tpot_ms, quality_measure, judge_bars
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
                    // Runs stored before judges had bars hold them to the defaults.
                    judge_bars: r
                        .get::<_, Option<String>>(11)?
                        .and_then(|json| serde_json::from_str(&json).ok())
                        .unwrap_or_default(),
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
             p95_tpot_ms, quality_measure, judge_bars)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
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
                t.quality_measure.as_str(),
                serde_json::to_string(&t.judge_bars).expect("judge bars serialize")
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
