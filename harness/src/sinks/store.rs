//! [`StoreSink`]: commits each finished trial to the store as it arrives.

use super::{Sink, SinkError};
use crate::events::{Event, TrialResult};
use crate::plan::Plan;
use crate::store::{NewJudgeCall, NewTrial, ScoreRow, Store};
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

/// The stored form of a result's judge calls.
fn judge_rows<'a>(
    suite: &'a Suite,
    plan: &'a Plan,
    r: &'a TrialResult,
) -> impl Iterator<Item = NewJudgeCall<'a>> + 'a {
    let trial_id = plan.trials[r.index].id.as_str();
    r.judge_calls.iter().map(move |c| NewJudgeCall {
        trial_id,
        scorer: c.scorer,
        judge: &suite.models[c.model].id,
        question: c.order,
        repeat: c.repeat,
        cache_key: &c.cache_key,
        completion: &c.completion,
        verdict: c.verdict,
        cost_usd: c.cost_usd,
        cached: c.cached,
    })
}

impl Sink for StoreSink {
    fn event(&mut self, event: &Event) -> Result<(), SinkError> {
        match event {
            Event::TrialFinished(r) | Event::TrialFailed(r) => self.pending.push((**r).clone()),
            Event::RunFinished { .. } | Event::Waiting { .. } => {}
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        // Judges' calls first: a trial stored without them would undercount
        // what judging cost, while calls stored without their trial are
        // replaced when the trial runs again, and answer it from the cache.
        let judged: Vec<&str> = pending
            .iter()
            .map(|r| self.plan.trials[r.index].id.as_str())
            .collect();
        let calls: Vec<NewJudgeCall<'_>> = pending
            .iter()
            .flat_map(|r| judge_rows(&self.suite, &self.plan, r))
            .collect();
        let written = self.store.insert_judge_calls(&self.run_id, &judged, &calls);
        drop((judged, calls));
        if let Err(e) = written {
            self.pending = pending;
            self.pending.clear();
            return Err(e.into());
        }
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
