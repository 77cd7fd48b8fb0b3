//! [`Job`]: everything the engine needs for one run, and [`Control`], how
//! the run is stopped from outside.

use crate::budget::Budget;
use crate::cost::worst_case;
use crate::plan::Plan;
use crate::suite::Suite;
use sizeup_runners::{Completion, Request, Runner};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Everything the engine needs for one run.
pub struct Job {
    /// The validated suite (tasks, cases, scorers, models).
    pub suite: Arc<Suite>,
    /// The trials.
    pub plan: Arc<Plan>,
    /// One runner per suite model, by index; `None` for models the plan
    /// does not use, neither to answer nor to judge.
    pub runners: Vec<Option<Arc<dyn Runner>>>,
    /// Trials in flight at once, all models together.
    pub concurrency: usize,
    /// Trial ids that must not run (already stored by the run being resumed).
    pub skip: HashSet<String>,
    /// Stored completions to reuse instead of calling the model, by cache
    /// key: trials' answers and judges' replies alike.
    pub cache: HashMap<String, Completion>,
    /// The reference model's stored answers to pairwise-judged cases, by
    /// trial id, for reference trials in `skip`.
    pub reference_answers: HashMap<String, String>,
    /// A spending cap: trials that could pass it are not started.
    pub budget: Option<Arc<Budget>>,
}

/// How a run is stopped from outside.
#[derive(Clone, Default)]
pub struct Control {
    /// Start no more trials; let those in flight finish.
    pub stop: CancellationToken,
    /// Abandon trials in flight.
    pub abort: CancellationToken,
}

impl Job {
    /// Calls to model `m` in flight at once.
    pub fn model_limit(&self, m: usize) -> usize {
        self.suite.models[m]
            .concurrency
            .unwrap_or(self.concurrency)
            .min(self.concurrency)
            .max(1)
    }

    /// The most a request to model `m` can cost (nothing when its answer
    /// is cached under `cache_key`).
    pub(crate) fn worst_case(&self, m: usize, request: &Request, cache_key: &str) -> f64 {
        if self.cache.contains_key(cache_key) {
            return 0.0;
        }
        let model = &self.suite.models[m];
        let (attempts, wait) = match model.provider.in_process() {
            true => (1, Duration::ZERO),
            false => (model.max_attempts, model.max_retry_time),
        };
        worst_case(&model.cost, request, attempts, wait)
    }

    /// Indices of the trials that will run, per model.
    pub fn queues(&self) -> Vec<Vec<usize>> {
        let mut queues = vec![Vec::new(); self.suite.models.len()];
        for (i, t) in self.plan.trials.iter().enumerate() {
            if !self.skip.contains(&t.id) {
                queues[t.model].push(i);
            }
        }
        queues
    }
}
