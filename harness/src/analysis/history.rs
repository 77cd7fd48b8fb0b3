//! A suite's runs over time, for the report's trends: per task × model the
//! quality with its interval, the p95 latency and the cost per request of
//! each of the last finished runs, with the runs where the model, the
//! prompt or the price changed marked.

use super::summary;
use crate::store::{RunModel, RunStatus, Store, StoreError};
use sizeup_reports::{HistoryPoint, HistoryRun};
use std::collections::HashMap;

/// How many runs a trend shows when not told.
pub const DEFAULT_RUNS: usize = 10;

/// Trial id → (task, model, cache key), as [`Store::request_keys`] gives it.
type Keys = HashMap<String, (String, String, String)>;

/// The last `runs` runs of `run`'s suite that finished, up to and including
/// `run` itself (whatever its status), oldest first.
pub fn history(store: &Store, run: &str, runs: usize) -> Result<Vec<HistoryRun>, StoreError> {
    let this = store.run(run)?;
    let mut rows: Vec<_> = store
        .runs()?
        .into_iter()
        .map(|(row, _)| row)
        .filter(|r| {
            r.id == this.id
                || (r.suite == this.suite
                    && r.status == RunStatus::Finished
                    && r.started_at <= this.started_at)
        })
        .collect();
    // Newest first from the store; keep the newest `runs`, then turn them.
    rows.truncate(runs);
    rows.reverse();
    let mut out = Vec::with_capacity(rows.len());
    let mut previous: Option<(Vec<RunModel>, Keys)> = None;
    for row in rows {
        let report = summary(store, &row.id)?;
        let models = store.run_models(&row.id)?;
        let keys = store.request_keys(&row.id)?;
        let points = report
            .cells
            .iter()
            .map(|c| HistoryPoint {
                task: c.task.clone(),
                model: c.model.clone(),
                quality: c.quality_ci,
                latency_p95_ms: c.latency_ms.map(|p| p.p95),
                usd_per_request: c.usd_per_request,
                changed: previous
                    .as_ref()
                    .map(|(m, k)| changed(&c.task, &c.model, (&models, &keys), (m, k)))
                    .unwrap_or_default(),
            })
            .collect();
        out.push(HistoryRun {
            run: row.id,
            started_at: row.started_at,
            points,
        });
        previous = Some((models, keys));
    }
    Ok(out)
}

/// What changed for `task` × `model` between two runs: `model` (its
/// identity: weights, endpoint, template…), `prompt` (a trial both runs
/// have sent another request with the same model) and `price`.
fn changed(
    task: &str,
    model: &str,
    now: (&[RunModel], &Keys),
    before: (&[RunModel], &Keys),
) -> Vec<String> {
    let find = |models: &[RunModel]| models.iter().find(|m| m.id == model).cloned();
    let mut out = Vec::new();
    let (Some(m_now), Some(m_before)) = (find(now.0), find(before.0)) else {
        return out;
    };
    let model_changed = m_now.identity != m_before.identity;
    if model_changed {
        out.push("model".to_string());
    }
    let prompt_changed = now.1.iter().any(|(id, (t, m, key))| {
        t == task
            && m == model
            && before
                .1
                .get(id)
                .is_some_and(|(_, _, earlier)| earlier != key)
    });
    // A new model identity changes every request's key too.
    if prompt_changed && !model_changed {
        out.push("prompt".to_string());
    }
    if m_now.cost != m_before.cost {
        out.push("price".to_string());
    }
    out
}
