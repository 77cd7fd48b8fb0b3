//! One call to a model under the run's limits, a trial's and a judge's
//! alike: a slot of the model and a global one ([`admit`]), the budget's
//! reservation, the cache, the runner guarded against panics, and the
//! call's cost ([`call`]).

use super::references::References;
use super::Job;
use crate::cost::{hardware_cost, token_cost, BusyMeter};
use futures_util::FutureExt;
use sizeup_runners::{Completion, ErrorClass, Failure, Request, Timing};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// What the run's calls share, trials' and judges' alike: each model's
/// slots and busy meter, the global slots, and the reference's answers.
pub(crate) struct Shared {
    pub(super) local: Vec<Arc<Semaphore>>,
    pub(super) global: Arc<Semaphore>,
    pub(super) meters: Vec<Arc<BusyMeter>>,
    /// The reference's answers as they arrive, for pairwise judging.
    pub(crate) references: References,
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
            // A server's busy time is shared among the calls in flight.
            let busy = match model.provider.in_process() {
                true => Duration::from_micros(completion.timing.total_us),
                false => shared_busy,
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

/// Runs `work`, turning a panic into an error value.
pub(crate) async fn guarded<T>(
    work: impl std::future::Future<Output = T>,
) -> Result<T, Box<dyn std::any::Any + Send>> {
    AssertUnwindSafe(work).catch_unwind().await
}

/// The failure a panic while running a trial becomes.
pub(super) fn internal(panic: &Box<dyn std::any::Any + Send>) -> Completion {
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
