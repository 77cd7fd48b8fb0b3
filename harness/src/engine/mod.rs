//! The engine: runs a [`Plan`](crate::plan::Plan)'s trials concurrently and reports [`Event`]s.
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

mod call;
mod job;
mod judging;
mod references;

pub use job::{Control, Job};

use crate::cost::BusyMeter;
use crate::events::{Event, TrialResult};
use crate::scorers::{assess, Assessment, Score, Scorer};
use call::{admit, call, guarded, internal, Call, Permits, Shared};
use references::References;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::{mpsc::UnboundedSender, Semaphore};
use tokio::task::JoinSet;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Plan, Selection};
    use crate::suite::PriceBook;
    use sizeup_runners::{
        BoxFuture, Completion, ErrorClass, FinishReason, Request, Runner, Timing, Usage,
    };
    use std::collections::{HashMap, HashSet};
    use std::sync::Arc;

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
