//! The engine: runs a [`Plan`]'s trials concurrently and reports [`Event`]s.
//!
//! Each model has a scheduler that takes a per-model permit, then a global
//! one, then reserves the trial's worst case against the budget, and only
//! then starts a trial, so latency is measured by the runner around the
//! request itself and never includes time spent waiting for a slot. Workers
//! send events over a channel to one owner (see `sinks`). Runner failures
//! are results, and so is a panic while running a trial: it becomes a
//! failure of class `internal`, stored and counted, never a lost trial.

use crate::budget::Budget;
use crate::cost::{hardware_cost, token_cost, worst_case, BusyMeter};
use crate::events::{Event, TrialResult};
use crate::plan::Plan;
use crate::scorers::assess;
use crate::suite::{Provider, Suite};
use futures_util::FutureExt;
use sizeup_runners::{Completion, ErrorClass, Failure, Runner, Timing};
use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::{Duration, Instant};
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
    /// Stored completions to reuse instead of calling the model, by cache key.
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
        if self.cache.contains_key(&trial.cache_key) {
            return 0.0;
        }
        let model = &self.suite.models[trial.model];
        // A local model is not retried, and nothing makes it wait.
        let (attempts, wait) = match model.provider {
            Provider::Local => (1, Duration::ZERO),
            _ => (model.max_attempts, model.max_retry_time),
        };
        worst_case(&model.cost, &trial.request, attempts, wait)
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
    let meter = Arc::new(BusyMeter::new(Instant::now()));
    let mut running = JoinSet::new();
    for index in queue {
        let admitted = tokio::select! {
            biased;
            _ = control.stop.cancelled() => break,
            p = admit(&job, index, &local, &global) => p,
        };
        let Some((permits, reserved)) = admitted else {
            // Its worst case cannot fit even with nothing in flight: it is
            // left for a resume with more budget, and cheaper trials go on.
            continue;
        };
        let job = job.clone();
        let events = events.clone();
        let abort = control.abort.clone();
        let meter = meter.clone();
        running.spawn(async move {
            let _permits = permits;
            tokio::select! {
                biased;
                _ = abort.cancelled() => {}
                r = run_trial(&job, index, &meter, reserved) => {
                    let _ = events.send(if r.completion.error.is_some() {
                        Event::TrialFailed(Box::new(r))
                    } else {
                        Event::TrialFinished(Box::new(r))
                    });
                }
            }
        });
        // Reap finished trials as we go so memory does not grow with the plan.
        while running.try_join_next().is_some() {}
    }
    while running.join_next().await.is_some() {}
}

type Permits = (
    tokio::sync::OwnedSemaphorePermit,
    tokio::sync::OwnedSemaphorePermit,
);

/// Waits for a slot of the model, a global slot and the budget's room for
/// the trial's worst case; `None` when the budget can never cover it.
async fn admit(
    job: &Job,
    index: usize,
    local: &Arc<Semaphore>,
    global: &Arc<Semaphore>,
) -> Option<(Permits, f64)> {
    let l = local.clone().acquire_owned().await.ok()?;
    let g = global.clone().acquire_owned().await.ok()?;
    let reserved = match &job.budget {
        Some(budget) => {
            let worst = job.worst_case(index);
            if !budget.reserve(worst).await {
                return None;
            }
            worst
        }
        None => 0.0,
    };
    Some(((l, g), reserved))
}

/// Runs one trial to its result; settles its budget reservation.
async fn run_trial(job: &Job, index: usize, meter: &BusyMeter, reserved: f64) -> TrialResult {
    let trial = &job.plan.trials[index];
    let model = &job.suite.models[trial.model];
    let task = &job.suite.tasks[trial.task];
    let cached = job.cache.get(&trial.cache_key).cloned();
    let is_cached = cached.is_some();
    let (completion, busy) = match cached {
        Some(c) => (c, None),
        None => {
            let runner = job.runners[trial.model]
                .as_ref()
                .expect("every model in the plan has a runner");
            let mark = meter.enter(Instant::now());
            let outcome = guarded(runner.complete(&trial.request)).await;
            let shared = meter.leave(mark, Instant::now());
            let completion = outcome.unwrap_or_else(|panic| internal(&panic));
            // A local model has its device to itself while it generates (the
            // others wait their turn), so its own generation time is its busy
            // time; a server's is shared among the trials in flight.
            let busy = match model.provider {
                Provider::Local => Duration::from_micros(completion.timing.total_us),
                _ => shared,
            };
            (completion, Some(busy))
        }
    };
    let case = &task.cases[trial.case];
    let expected = case.expected.as_ref();
    let (completion, assessment) = match completion.error {
        Some(_) => (completion, None),
        None => match guarded(async {
            assess(
                &task.scorers,
                &completion.text,
                expected,
                &case.scoring_fields,
            )
        })
        .await
        {
            Ok(a) => (completion, Some(a)),
            Err(panic) => (internal(&panic), None),
        },
    };
    let (cost_usd, failure_cost_usd) = match busy {
        // A cached answer was paid for by the run that got it.
        None => (0.0, 0.0),
        Some(busy) => {
            let own = token_cost(&model.cost, &completion.usage);
            let retried = token_cost(&model.cost, &completion.retried_usage);
            let hardware = hardware_cost(&model.cost, busy);
            match completion.error {
                None => (own + hardware, retried),
                // The answer failed: its tokens bought nothing either.
                Some(_) => (hardware, own + retried),
            }
        }
    };
    if let Some(budget) = &job.budget {
        budget.settle(reserved, cost_usd + failure_cost_usd);
    }
    TrialResult {
        index,
        completion,
        assessment,
        cost_usd,
        failure_cost_usd,
        cached: is_cached,
    }
}

/// Runs `work`, turning a panic into an error value.
async fn guarded<T>(
    work: impl std::future::Future<Output = T>,
) -> Result<T, Box<dyn std::any::Any + Send>> {
    AssertUnwindSafe(work).catch_unwind().await
}

/// The failure a panic while running a trial becomes.
fn internal(panic: &Box<dyn std::any::Any + Send>) -> Completion {
    let failure = Failure::new(
        ErrorClass::Internal,
        format!(
            "sizeup panicked while running the trial: {}",
            panic_message(&**panic)
        ),
    );
    Completion::failed(failure, Timing::default())
}

/// The text a panic was raised with.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Selection;
    use crate::suite::PriceBook;
    use sizeup_runners::{BoxFuture, FinishReason, Request, Usage};

    /// Answers "ok", except that it panics on prompts containing "boom".
    struct Fragile;

    impl Runner for Fragile {
        fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
            Box::pin(async move {
                assert!(
                    !request.messages[0].content.contains("boom"),
                    "index out of range in a kernel"
                );
                Completion {
                    text: "ok".into(),
                    usage: Usage {
                        input_tokens: 1000,
                        output_tokens: 500,
                        ..Usage::default()
                    },
                    timing: Timing {
                        ttft_us: Some(10),
                        total_us: 20,
                        gaps_us: vec![],
                    },
                    finish: FinishReason::Stop,
                    error: None,
                    attempts: 1,
                    retried_usage: Usage {
                        output_tokens: 250,
                        estimated: true,
                        ..Usage::default()
                    },
                }
            })
        }
    }

    fn job(dir: &std::path::Path) -> Job {
        let path = dir.join("s.yaml");
        std::fs::write(
            &path,
            "name: t
models:
  - id: m
    provider: openai_compatible
    model: x
    base_url: http://127.0.0.1:9
    cost: {input_per_mtok: 1, output_per_mtok: 2}
tasks:
  - id: t
    prompt: '{{ q }}'
    expected: q
    scorers: [{type: contains, value: ok}]
    cases: [{q: fine}, {q: boom}, {q: fine too}]
",
        )
        .unwrap();
        let suite = Arc::new(crate::suite::load(&path, None, &PriceBook::built_in()).unwrap());
        let plan = Arc::new(Plan::new(&suite, &Selection::default(), &[]).unwrap());
        Job {
            suite,
            plan,
            runners: vec![Some(Arc::new(Fragile))],
            concurrency: 2,
            skip: HashSet::new(),
            cache: HashMap::new(),
            budget: None,
        }
    }

    #[tokio::test]
    async fn a_panicking_trial_is_an_internal_error_not_a_lost_trial() {
        let dir = tempfile::tempdir().unwrap();
        let job = Arc::new(job(dir.path()));
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        execute(job, tx, Control::default()).await;
        let mut results = Vec::new();
        while let Some(event) = rx.recv().await {
            match event {
                Event::TrialFinished(r) | Event::TrialFailed(r) => results.push(r),
                Event::RunFinished { interrupted } => assert!(!interrupted),
            }
        }
        results.sort_by_key(|r| r.index);
        assert_eq!(results.len(), 3);
        let failure = results[1].completion.error.as_ref().unwrap();
        assert_eq!(failure.class, ErrorClass::Internal);
        assert!(
            failure.message.contains("index out of range in a kernel"),
            "{}",
            failure.message
        );
        assert!(results[1].assessment.is_none());
        // The others were answered and scored; the answer's tokens are its
        // cost, the earlier failed attempt's tokens are spent on failures.
        for r in [&results[0], &results[2]] {
            assert!(r.assessment.as_ref().unwrap().passed);
            assert!((r.cost_usd - (1000.0 * 1.0 + 500.0 * 2.0) / 1e6).abs() < 1e-15);
            assert!((r.failure_cost_usd - 250.0 * 2.0 / 1e6).abs() < 1e-15);
        }
    }
}
