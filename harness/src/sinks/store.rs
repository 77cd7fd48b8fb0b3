//! [`StoreSink`]: commits each finished trial to the store as it arrives.

use super::{Sink, SinkError};
use crate::events::{Event, TrialResult};
use crate::plan::Plan;
use crate::store::{NewTrial, ScoreRow, Store};
use crate::suite::Suite;
use std::sync::Arc;

/// Writes trial results of one run.
pub struct StoreSink {
    store: Store,
    run_id: String,
    suite: Arc<Suite>,
    plan: Arc<Plan>,
    pending: Vec<TrialResult>,
}

impl StoreSink {
    /// A sink writing into `store` under `run_id`.
    pub fn new(store: Store, run_id: String, suite: Arc<Suite>, plan: Arc<Plan>) -> Self {
        Self {
            store,
            run_id,
            suite,
            plan,
            pending: Vec::new(),
        }
    }
}

/// The stored form of one result.
fn row<'a>(suite: &'a Suite, plan: &'a Plan, r: &'a TrialResult) -> NewTrial<'a> {
    let trial = &plan.trials[r.index];
    let task = &suite.tasks[trial.task];
    let case = &task.cases[trial.case];
    let scores = match &r.assessment {
        None => Vec::new(),
        Some(a) => task
            .scorers
            .iter()
            .zip(&a.scores)
            .map(|(s, sc)| ScoreRow {
                scorer: s.name().to_string(),
                weight: s.weight(),
                value: sc.value,
                passed: sc.passed,
                answer: sc.answer.clone(),
                reason: sc.reason.clone(),
            })
            .collect(),
    };
    NewTrial {
        id: &trial.id,
        cache_key: &trial.cache_key,
        seq: trial.seq,
        task: &task.id,
        case: &case.id,
        model: &suite.models[trial.model].id,
        repeat: trial.repeat,
        request: serde_json::to_string(&*trial.request).unwrap_or_default(),
        expected: case.expected.as_ref().map(|e| e.to_string()),
        completion: &r.completion,
        quality: r.assessment.as_ref().map(|a| a.quality),
        passed: r.assessment.as_ref().is_some_and(|a| a.passed),
        scores,
        cost_usd: r.cost_usd,
        failure_cost_usd: r.failure_cost_usd,
        cached: r.cached,
    }
}

impl Sink for StoreSink {
    fn event(&mut self, event: &Event) -> Result<(), SinkError> {
        match event {
            Event::TrialFinished(r) | Event::TrialFailed(r) => self.pending.push((**r).clone()),
            Event::RunFinished { .. } => {}
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let rows: Vec<NewTrial<'_>> = pending
            .iter()
            .map(|r| row(&self.suite, &self.plan, r))
            .collect();
        let written = self.store.insert_trials(&self.run_id, &rows);
        drop(rows);
        // Keep the buffer's allocation for the next burst.
        self.pending = pending;
        self.pending.clear();
        written?;
        Ok(())
    }
}
