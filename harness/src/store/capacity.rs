//! Capacity sweeps in the store: a sweep's row, then each level as it is
//! measured, so a sweep stopped half way keeps what it measured.

use super::{Store, StoreError};
use rusqlite::params;
use sizeup_reports::{CapacityLevel, EconomicsInputs};
use std::collections::BTreeMap;

/// A capacity sweep as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepRow {
    /// Its id.
    pub id: String,
    /// The suite's name.
    pub suite: String,
    /// The task whose prompts were sent.
    pub task: String,
    /// The model's id in the suite.
    pub model: String,
    /// The model's identity (canonical JSON), as a run stores it: a sweep
    /// prices a run's model only when the two are the same model.
    pub identity: String,
    /// Start, RFC 3339 in UTC.
    pub started_at: String,
    /// End, once the sweep ended.
    pub finished_at: Option<String>,
    /// The objectives levels were held to.
    pub slo: BTreeMap<String, f64>,
    /// The replica's price per hour, when the model has one.
    pub hourly_usd: Option<f64>,
    /// What its economics assume.
    pub economics: EconomicsInputs,
    /// The highest throughput that met the objectives, once known.
    pub goodput_rps: Option<f64>,
}

impl Store {
    /// Records a new sweep (its levels come with [`Store::add_level`]).
    pub fn create_sweep(&self, row: &SweepRow) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO capacity_sweeps (id, suite, task, model, identity, started_at,
                 finished_at, slo, hourly_usd, economics, goodput_rps)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    row.id,
                    row.suite,
                    row.task,
                    row.model,
                    row.identity,
                    row.started_at,
                    row.finished_at,
                    serde_json::to_string(&row.slo).expect("numbers serialize"),
                    row.hourly_usd,
                    serde_json::to_string(&row.economics).expect("numbers serialize"),
                    row.goodput_rps
                ],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Stores a sweep's next level.
    pub fn add_level(
        &self,
        sweep_id: &str,
        position: usize,
        level: &CapacityLevel,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO capacity_levels (sweep_id, position, level) VALUES (?1, ?2, ?3)",
                params![
                    sweep_id,
                    position,
                    serde_json::to_string(level).expect("levels serialize")
                ],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Ends a sweep with its goodput.
    pub fn finish_sweep(
        &self,
        sweep_id: &str,
        finished_at: &str,
        goodput_rps: Option<f64>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE capacity_sweeps SET finished_at = ?2, goodput_rps = ?3 WHERE id = ?1",
                params![sweep_id, finished_at, goodput_rps],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// The latest sweep of `model` (with this `identity`) on `task`, with
    /// its levels, if there is one.
    pub fn latest_sweep(
        &self,
        task: &str,
        model: &str,
        identity: &str,
    ) -> Result<Option<(SweepRow, Vec<CapacityLevel>)>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT id, suite, task, model, identity, started_at, finished_at, slo, hourly_usd,
                 economics, goodput_rps FROM capacity_sweeps
                 WHERE task = ?1 AND model = ?2 AND identity = ?3
                 ORDER BY started_at DESC, rowid DESC LIMIT 1",
                params![task, model, identity],
                |r| {
                    Ok(SweepRow {
                        id: r.get(0)?,
                        suite: r.get(1)?,
                        task: r.get(2)?,
                        model: r.get(3)?,
                        identity: r.get(4)?,
                        started_at: r.get(5)?,
                        finished_at: r.get(6)?,
                        slo: serde_json::from_str(&r.get::<_, String>(7)?).unwrap_or_default(),
                        hourly_usd: r.get(8)?,
                        economics: serde_json::from_str(&r.get::<_, String>(9)?)
                            .unwrap_or_default(),
                        goodput_rps: r.get(10)?,
                    })
                },
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })
            .map_err(self.err())?;
        let Some(row) = row else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare("SELECT level FROM capacity_levels WHERE sweep_id = ?1 ORDER BY position")
            .map_err(self.err())?;
        let levels = stmt
            .query_map([&row.id], |r| r.get::<_, String>(0))
            .map_err(self.err())?
            .filter_map(|json| json.ok().and_then(|j| serde_json::from_str(&j).ok()))
            .collect();
        Ok(Some((row, levels)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_keeps_its_levels_and_the_latest_is_found_by_identity() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("r.db")).unwrap();
        let row = |id: &str, started: &str, identity: &str| SweepRow {
            id: id.into(),
            suite: "s".into(),
            task: "t".into(),
            model: "m".into(),
            identity: identity.into(),
            started_at: started.into(),
            finished_at: None,
            slo: BTreeMap::from([("p95_latency_ms".to_string(), 500.0)]),
            hourly_usd: Some(2.0),
            economics: EconomicsInputs::default(),
            goodput_rps: None,
        };
        store
            .create_sweep(&row("a", "2026-01-01T00:00:00Z", "{}"))
            .unwrap();
        store
            .create_sweep(&row("b", "2026-01-02T00:00:00Z", "{}"))
            .unwrap();
        store
            .create_sweep(&row("c", "2026-01-03T00:00:00Z", "{\"other\":1}"))
            .unwrap();
        let level = CapacityLevel {
            load: sizeup_reports::LoadKind::Rate,
            target: 4.0,
            sent: 10,
            measured: 8,
            errors: 0,
            error_classes: BTreeMap::new(),
            resent: 0,
            duration_s: 2.0,
            offered_rps: 4.0,
            throughput_rps: 4.0,
            output_tokens_per_s: 40.0,
            ttft_ms: None,
            tpot_ms: None,
            latency_ms: None,
            latency_growth: None,
            meets_slo: Some(true),
            cut_short: false,
        };
        store.add_level("b", 0, &level).unwrap();
        store
            .finish_sweep("b", "2026-01-02T00:10:00Z", Some(4.0))
            .unwrap();
        let (found, levels) = store.latest_sweep("t", "m", "{}").unwrap().unwrap();
        assert_eq!(found.id, "b");
        assert_eq!(found.goodput_rps, Some(4.0));
        assert_eq!(found.slo["p95_latency_ms"], 500.0);
        assert_eq!(levels, vec![level]);
        assert!(store.latest_sweep("t", "m", "{\"x\":2}").unwrap().is_none());
    }
}
