//! The engine: runs a [`Plan`]'s trials concurrently and reports [`Event`]s.
//!
//! Each model has a scheduler that takes a per-model permit, then a global
//! one, then reserves the trial's worst case against the budget, and only
//! then starts a trial, so latency is measured by the runner around the
//! request itself and never includes time spent waiting for a slot. Workers
//! send events over a channel to one owner (see `sinks`). Runner failures
//! are results, and so is a panic while running a trial: it becomes a
//! failure of class `internal`, stored and counted, never a lost trial.
//!
//! A trial of a task with judged scorers gives its slots back once it has
//! its answer, then asks the judges (see `judging`) through the same slots,
//! budget, cache and runners, so judge calls queue like trials and never
//! hold a slot a trial waits for.

use crate::budget::Budget;
use crate::cost::{hardware_cost, token_cost, worst_case, BusyMeter};
use crate::events::{Event, TrialResult};
use crate::judging::{self, References};
use crate::plan::Plan;
use crate::scorers::{assess, Assessment, Score, Scorer};
use crate::suite::{Provider, Suite};
use futures_util::FutureExt;
use sizeup_runners::{Completion, ErrorClass, Failure, Request, Runner, Timing};
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
        // A local model is not retried, and nothing makes it wait.
        let (attempts, wait) = match model.provider {
            Provider::Local => (1, Duration::ZERO),
            _ => (model.max_attempts, model.max_retry_time),
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

/// What the run's calls share, trials' and judges' alike: each model's
/// slots and busy meter, the global slots, and the reference's answers.
pub(crate) struct Shared {
    local: Vec<Arc<Semaphore>>,
    global: Arc<Semaphore>,
    meters: Vec<Arc<BusyMeter>>,
    /// The reference's answers as they arrive, for pairwise judging.
    pub(crate) references: References,
}

/// Runs every trial of `job` not skipped, sending events to `events`, and
/// ends with [`Event::RunFinished`].
pub async fn execute(job: Arc<Job>, events: UnboundedSender<Event>, control: Control) {
    let models = job.suite.models.len();
    let now = Instant::now();
    let shared = Arc::new(Shared {
        local: (0..models)
            .map(|m| Arc::new(Semaphore::new(job.model_limit(m))))
            .collect(),
        global: Arc::new(Semaphore::new(job.concurrency.max(1))),
        meters: (0..models).map(|_| Arc::new(BusyMeter::new(now))).collect(),
        references: References::new(&job),
    });
    let mut schedulers = JoinSet::new();
    for (model, queue) in job.queues().into_iter().enumerate() {
        if queue.is_empty() {
            continue;
        }
        let job = job.clone();
        let events = events.clone();
        let control = control.clone();
        let shared = shared.clone();
        schedulers.spawn(schedule(job, model, queue, shared, events, control));
    }
    while schedulers.join_next().await.is_some() {}
    let interrupted = control.stop.is_cancelled() || control.abort.is_cancelled();
    let _ = events.send(Event::RunFinished { interrupted });
}

async fn schedule(
    job: Arc<Job>,
    model: usize,
    queue: Vec<usize>,
    shared: Arc<Shared>,
    events: UnboundedSender<Event>,
    control: Control,
) {
    let mut running = JoinSet::new();
    for (at, &index) in queue.iter().enumerate() {
        let trial = &job.plan.trials[index];
        let worst = job.worst_case(model, &trial.request, &trial.cache_key);
        let admitted = tokio::select! {
            biased;
            _ = control.stop.cancelled() => {
                // Pairwise judging of these cases waits for answers that will not come.
                for &left in &queue[at..] {
                    shared.references.publish(&job, left, None);
                }
                break;
            }
            p = admit(&job, &shared, model, worst) => p,
        };
        let Some((permits, reserved)) = admitted else {
            // Its worst case cannot fit even with nothing in flight: it is
            // left for a resume with more budget, and cheaper trials go on.
            shared.references.publish(&job, index, None);
            continue;
        };
        let job = job.clone();
        let events = events.clone();
        let abort = control.abort.clone();
        let shared = shared.clone();
        running.spawn(async move {
            tokio::select! {
                biased;
                _ = abort.cancelled() => {}
                r = run_trial(&job, &shared, index, permits, reserved) => {
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

/// A slot of a model and a global slot, held while a call runs.
pub(crate) type Permits = (
    tokio::sync::OwnedSemaphorePermit,
    tokio::sync::OwnedSemaphorePermit,
);

/// Waits for a slot of model `m`, a global slot and the budget's room for
/// `worst` dollars; `None` when the budget can never cover it. Every
/// caller takes the model's slot first, then the global one, and waits for
/// nothing else while it holds them, so trials and judges cannot deadlock.
pub(crate) async fn admit(
    job: &Job,
    shared: &Shared,
    m: usize,
    worst: f64,
) -> Option<(Permits, f64)> {
    let l = shared.local[m].clone().acquire_owned().await.ok()?;
    let g = shared.global.clone().acquire_owned().await.ok()?;
    let reserved = match &job.budget {
        Some(budget) => {
            if !budget.reserve(worst).await {
                return None;
            }
            worst
        }
        None => 0.0,
    };
    Some(((l, g), reserved))
}

/// One answer from a model, with what it cost.
pub(crate) struct Call {
    /// What the runner returned, or the stored answer.
    pub completion: Completion,
    /// Money that bought the answer (see [`TrialResult::cost_usd`]).
    pub cost_usd: f64,
    /// Money spent on tokens that bought no answer.
    pub failure_cost_usd: f64,
    /// True when the answer came from the store.
    pub cached: bool,
}

/// Asks model `m` for `request` (or takes the stored answer under
/// `cache_key`) and settles the budget's reservation of `reserved`.
pub(crate) async fn call(
    job: &Job,
    shared: &Shared,
    m: usize,
    request: &Request,
    cache_key: &str,
    reserved: f64,
) -> Call {
    let model = &job.suite.models[m];
    let (completion, busy) = match job.cache.get(cache_key).cloned() {
        Some(c) => (c, None),
        None => {
            let runner = job.runners[m]
                .as_ref()
                .expect("every model the run calls has a runner");
            let meter = &shared.meters[m];
            let mark = meter.enter(Instant::now());
            let outcome = guarded(runner.complete(request)).await;
            let shared_busy = meter.leave(mark, Instant::now());
            let completion = outcome.unwrap_or_else(|panic| internal(&panic));
            // A local model has its device to itself while it generates (the
            // others wait their turn), so its own generation time is its busy
            // time; a server's is shared among the calls in flight.
            let busy = match model.provider {
                Provider::Local => Duration::from_micros(completion.timing.total_us),
                _ => shared_busy,
            };
            (completion, Some(busy))
        }
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
    Call {
        cached: busy.is_none(),
        completion,
        cost_usd,
        failure_cost_usd,
    }
}

/// Runs one trial to its result: the answer under its `permits`, then,
/// with the slots given back, its judging and its scores.
async fn run_trial(
    job: &Job,
    shared: &Shared,
    index: usize,
    permits: Permits,
    reserved: f64,
) -> TrialResult {
    let trial = &job.plan.trials[index];
    let answer = call(
        job,
        shared,
        trial.model,
        &trial.request,
        &trial.cache_key,
        reserved,
    )
    .await;
    drop(permits);
    let Call {
        completion,
        cost_usd,
        failure_cost_usd,
        cached,
    } = answer;
    let text = completion.error.is_none().then(|| completion.text.clone());
    shared.references.publish(job, index, text);
    let (completion, assessment, judge_calls) = match completion.error {
        Some(_) => (completion, None, Vec::new()),
        None => match guarded(judging::judge(job, shared, index, &completion.text)).await {
            Err(panic) => (internal(&panic), None, Vec::new()),
            Ok(Err((failure, calls))) => {
                // The answer stays for the reader; the trial fails as judged.
                let mut completion = completion;
                completion.error = Some(failure);
                (completion, None, calls)
            }
            Ok(Ok((judged, calls))) => match score(job, index, &completion.text, judged).await {
                Ok(a) => (completion, Some(a), calls),
                Err(panic) => (internal(&panic), None, calls),
            },
        },
    };
    TrialResult {
        index,
        completion,
        assessment,
        cost_usd,
        failure_cost_usd,
        cached,
        judge_calls,
    }
}

/// Scores trial `index`'s answer `text` with its task's scorers, given its
/// judged scores. Heavy scorers (a model's forward pass, test databases)
/// run on the blocking pool, so they never stall the workers that drive
/// requests and measure their latency.
async fn score(
    job: &Job,
    index: usize,
    text: &str,
    judged: Vec<Score>,
) -> Result<Assessment, Box<dyn std::any::Any + Send>> {
    let trial = &job.plan.trials[index];
    let (t, c) = (trial.task, trial.case);
    let task = &job.suite.tasks[t];
    if !task.scorers.iter().any(Scorer::blocking) {
        let case = &task.cases[c];
        return guarded(async {
            assess(
                &task.scorers,
                text,
                case.expected.as_ref(),
                &case.scoring_fields,
                judged,
            )
        })
        .await;
    }
    let suite = Arc::clone(&job.suite);
    let text = text.to_string();
    tokio::task::spawn_blocking(move || {
        let task = &suite.tasks[t];
        let case = &task.cases[c];
        assess(
            &task.scorers,
            &text,
            case.expected.as_ref(),
            &case.scoring_fields,
            judged,
        )
    })
    .await
    .map_err(|e| {
        if e.is_panic() {
            e.into_panic()
        } else {
            Box::new(e.to_string())
        }
    })
}

/// Runs `work`, turning a panic into an error value.
pub(crate) async fn guarded<T>(
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
    use sizeup_runners::{BoxFuture, FinishReason, Usage};

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
            reference_answers: HashMap::new(),
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
                Event::Waiting { .. } => unreachable!("nothing makes Fragile wait"),
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
