//! The engine: runs a [`Plan`]'s trials concurrently and reports [`Event`]s.
//!
//! Each model has a scheduler that takes a per-model permit, then a global
//! one, and only then starts a trial, so latency is measured by the runner
//! around the request itself and never includes time spent waiting for a
//! slot. Workers send events over a channel to one owner (see `sinks`).
//! Runner failures are results; the engine itself cannot fail.

use crate::budget::Budget;
use crate::cost::{trial_cost, worst_case};
use crate::events::{Event, TrialResult};
use crate::plan::Plan;
use crate::scorers::assess;
use crate::suite::Suite;
use sizeup_runners::{Completion, Runner, Usage};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tokio::sync::{mpsc::UnboundedSender, Semaphore};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

/// Everything the engine needs for one run.
pub struct Job {
    /// The validated suite (tasks, cases, scorers, models).
    pub suite: Arc<Suite>,
    /// The trials.
    pub plan: Arc<Plan>,
    /// One runner per suite model, by index; `None` for models the plan does not use.
    pub runners: Vec<Option<Arc<dyn Runner>>>,
    /// Trials in flight at once, all models together.
    pub concurrency: usize,
    /// Trial ids that must not run (already stored by the run being resumed).
    pub skip: HashSet<String>,
    /// Stored completions to reuse instead of calling the model.
    pub cache: HashMap<String, Completion>,
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
    /// Trials of model `m` in flight at once.
    pub fn model_limit(&self, m: usize) -> usize {
        self.suite.models[m]
            .concurrency
            .unwrap_or(self.concurrency)
            .min(self.concurrency)
            .max(1)
    }

    /// The most trial `index` can cost (nothing when its answer is cached).
    fn worst_case(&self, index: usize) -> f64 {
        let trial = &self.plan.trials[index];
        if self.cache.contains_key(&trial.id) {
            return 0.0;
        }
        let cost = &self.suite.models[trial.model].cost;
        worst_case(cost, &trial.request, self.model_limit(trial.model))
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

/// Runs every trial of `job` not skipped, sending events to `events`, and
/// ends with [`Event::RunFinished`].
pub async fn execute(job: Arc<Job>, events: UnboundedSender<Event>, control: Control) {
    let global = Arc::new(Semaphore::new(job.concurrency.max(1)));
    let mut schedulers = JoinSet::new();
    for (model, queue) in job.queues().into_iter().enumerate() {
        if queue.is_empty() {
            continue;
        }
        let job = job.clone();
        let events = events.clone();
        let control = control.clone();
        let global = global.clone();
        schedulers.spawn(schedule(job, model, queue, global, events, control));
    }
    while schedulers.join_next().await.is_some() {}
    let interrupted = control.stop.is_cancelled() || control.abort.is_cancelled();
    let _ = events.send(Event::RunFinished { interrupted });
}

async fn schedule(
    job: Arc<Job>,
    model: usize,
    queue: Vec<usize>,
    global: Arc<Semaphore>,
    events: UnboundedSender<Event>,
    control: Control,
) {
    let local = Arc::new(Semaphore::new(job.model_limit(model)));
    let mut running = JoinSet::new();
    for index in queue {
        let permits = tokio::select! {
            biased;
            _ = control.stop.cancelled() => None,
            p = async {
                let l = local.clone().acquire_owned().await;
                let g = global.clone().acquire_owned().await;
                (l, g)
            } => Some(p),
        };
        let Some((Ok(l), Ok(g))) = permits else { break };
        let reserved = match &job.budget {
            Some(budget) => {
                let worst = job.worst_case(index);
                if !budget.reserve(worst) {
                    // Out of money for this trial: the whole run stops scheduling.
                    control.stop.cancel();
                    break;
                }
                worst
            }
            None => 0.0,
        };
        let job = job.clone();
        let events = events.clone();
        let abort = control.abort.clone();
        running.spawn(async move {
            let _permits = (l, g);
            tokio::select! {
                biased;
                _ = abort.cancelled() => {}
                _ = run_trial(&job, index, &events, reserved) => {}
            }
        });
        // Reap finished trials as we go so memory does not grow with the plan.
        while running.try_join_next().is_some() {}
    }
    while running.join_next().await.is_some() {}
}

async fn run_trial(job: &Job, index: usize, events: &UnboundedSender<Event>, reserved: f64) {
    let trial = &job.plan.trials[index];
    let model = &job.suite.models[trial.model];
    let task = &job.suite.tasks[trial.task];
    let case = &task.cases[trial.case];
    let _ = events.send(Event::TrialStarted { index });
    let (completion, cached) = match job.cache.get(&trial.id) {
        Some(c) => (c.clone(), true),
        None => {
            let runner = job.runners[trial.model]
                .as_ref()
                .expect("every model in the plan has a runner");
            (runner.complete(&trial.request).await, false)
        }
    };
    let failed = completion.error.is_some();
    // A failed trial is not charged for tokens (providers do not bill failed
    // requests, and a cut stream's usage is not known for sure); the
    // hardware it kept busy is charged all the same.
    let billed = if failed {
        Usage::default()
    } else {
        completion.usage
    };
    let cost_usd = if cached {
        0.0
    } else {
        trial_cost(
            &model.cost,
            &billed,
            completion.timing.total_us,
            job.model_limit(trial.model),
        )
    };
    if let Some(budget) = &job.budget {
        budget.settle(reserved, cost_usd);
    }
    let assessment =
        (!failed).then(|| assess(&task.scorers, &completion.text, case.expected.as_ref()));
    let result = Box::new(TrialResult {
        index,
        completion,
        assessment,
        cost_usd,
        cached,
    });
    let _ = events.send(if failed {
        Event::TrialFailed(result)
    } else {
        Event::TrialFinished(result)
    });
}
