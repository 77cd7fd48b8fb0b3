//! [`Limited`]: keeps a model's traffic under its provider's rate limits.
//!
//! Requests per minute and tokens per minute are token buckets that start
//! full (a minute's worth) and refill continuously. A request takes its
//! share at once, so the balance may go below zero, and then waits until
//! the balance would be back at zero: callers are served in the order they
//! came. A request's tokens are counted up front as its prompt (about four
//! characters a token) plus its `max_tokens`, the way providers count them
//! against their limits, and settled to the real usage afterwards. After a
//! 429 every request to the model waits out the provider's `Retry-After`
//! (one second if it gave none), so a suite slows down instead of hammering.
//!
//! Waiting has a bound: a request that would have to wait longer than
//! [`RateLimits::max_wait`] (a daily quota's `Retry-After`, a queue too long
//! for the limits) fails at once as `rate_limited` instead of sleeping, and
//! one that could never fit its bucket fails at once as `bad_request`.
//! Neither takes anything from the buckets.
//!
//! Every wait, and why (which limit, or the provider's pause), is told to the
//! [`OnWait`] hook given with [`Limited::on_wait`], so a long one is seen.

use crate::http::estimate_prompt_tokens;
use crate::wait::{tell, OnWait, WaitReason};
use crate::{BoxFuture, Completion, ErrorClass, Failure, Request, Runner, Timing};
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// A model's limits; `None` is unlimited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimits {
    /// Requests started per minute.
    pub requests_per_minute: Option<u32>,
    /// Prompt and completion tokens per minute.
    pub tokens_per_minute: Option<u64>,
    /// The longest a request may wait for its turn (the model's
    /// `max_retry_time`); `None` waits as long as the limits say.
    pub max_wait: Option<Duration>,
}

/// How long to hold back after a 429 that named no wait.
const DEFAULT_BACKOFF: Duration = Duration::from_secs(1);

/// The longest pause kept after a 429: a provider's wait may be as long as
/// `Duration::MAX`, which no clock can add; thirty years is forever here.
const FOREVER: Duration = Duration::from_secs(30 * 365 * 86_400);

struct Bucket {
    capacity: f64,
    per_second: f64,
    balance: f64,
    updated: Instant,
}

impl Bucket {
    fn per_minute(limit: f64, now: Instant) -> Self {
        Self {
            capacity: limit,
            per_second: limit / 60.0,
            balance: limit,
            updated: now,
        }
    }

    /// Adds what flowed in since the last update.
    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.balance = (self.balance + elapsed * self.per_second).min(self.capacity);
        self.updated = now;
    }

    /// How long a taker of `amount` would wait for the balance to cover it,
    /// once refilled; `amount` must not exceed the capacity.
    fn wait(&self, amount: f64) -> Duration {
        let missing = amount - self.balance;
        if missing <= 0.0 {
            Duration::ZERO
        } else {
            // Saturates rather than panics if the rate is tiny.
            Duration::try_from_secs_f64(missing / self.per_second).unwrap_or(Duration::MAX)
        }
    }

    /// Gives back what a request was charged and did not use, never above
    /// the capacity: unused tokens do not buy a burst bigger than a minute's.
    fn settle(&mut self, refund: f64, now: Instant) {
        self.refill(now);
        self.balance = (self.balance + refund).min(self.capacity);
    }
}

struct State {
    requests: Option<Bucket>,
    tokens: Option<Bucket>,
    paused_until: Instant,
}

/// Wraps a runner so that its requests respect [`RateLimits`].
pub struct Limited<R> {
    inner: R,
    max_wait: Option<Duration>,
    state: Mutex<State>,
    on_wait: Option<OnWait>,
}

impl<R: Runner> Limited<R> {
    /// Wraps `inner` with `limits`.
    pub fn new(inner: R, limits: RateLimits) -> Self {
        let now = Instant::now();
        Self {
            inner,
            max_wait: limits.max_wait,
            state: Mutex::new(State {
                requests: limits
                    .requests_per_minute
                    .map(|n| Bucket::per_minute(f64::from(n), now)),
                tokens: limits
                    .tokens_per_minute
                    .map(|n| Bucket::per_minute(n as f64, now)),
                paused_until: now,
            }),
            on_wait: None,
        }
    }

    /// Tells `hook` of every wait before it starts.
    pub fn on_wait(mut self, hook: OnWait) -> Self {
        self.on_wait = Some(hook);
        self
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere cannot leave the buckets half-updated.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes a request's share and says how long it must wait, and for
    /// what; or, taking nothing, fails a request that could never fit its
    /// bucket or that would wait longer than the maximum.
    fn admit(&self, charged: u64) -> Result<(Duration, WaitReason), Failure> {
        let mut guard = self.state();
        let s = &mut *guard;
        let now = Instant::now();
        let paused = s.paused_until.saturating_duration_since(now);
        let mut wait = paused;
        let mut reason = WaitReason::Paused;
        let buckets = [
            (&mut s.requests, 1, "request", "requests_per_minute"),
            (
                &mut s.tokens,
                charged,
                "tokens (its prompt at four characters a token plus max_tokens)",
                "tokens_per_minute",
            ),
        ];
        for (bucket, amount, unit, name) in buckets {
            let Some(b) = bucket else { continue };
            if amount as f64 > b.capacity {
                return Err(Failure::new(
                    ErrorClass::BadRequest,
                    format!(
                        "the request needs {amount} {unit}, more than {name} {} allows: \
                         it can never be sent",
                        b.capacity
                    ),
                ));
            }
            b.refill(now);
            let own = b.wait(amount as f64);
            if own > wait {
                wait = own;
                reason = WaitReason::RateLimit(name);
            }
        }
        if let Some(max) = self.max_wait.filter(|max| wait > *max) {
            let why = if reason == WaitReason::Paused {
                format!("the provider asked to wait {} s", seconds(wait))
            } else {
                format!("the rate limits would hold the request {} s", seconds(wait))
            };
            let mut failure = Failure::new(
                ErrorClass::RateLimited,
                format!(
                    "rate limited: {why}, more than max_retry_time {} s",
                    seconds(max)
                ),
            );
            // The retry layer sees the wait too, and does not try again.
            failure.retry_after = Some(wait);
            return Err(failure);
        }
        if let Some(b) = &mut s.requests {
            b.balance -= 1.0;
        }
        if let Some(b) = &mut s.tokens {
            b.balance -= charged as f64;
        }
        Ok((wait, reason))
    }
}

/// Tokens a request is charged before its usage is known.
fn charge(request: &Request) -> u64 {
    estimate_prompt_tokens(&request.messages) + u64::from(request.max_tokens)
}

/// Whole seconds, rounded up, for messages.
fn seconds(d: Duration) -> u64 {
    d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0))
}

impl<R: Runner> Runner for Limited<R> {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let charged = charge(request);
            let wait = match self.admit(charged) {
                Ok((wait, reason)) => {
                    tell(self.on_wait.as_ref(), wait, reason);
                    wait
                }
                Err(failure) => return Completion::failed(failure, Timing::default()),
            };
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            let completion = self.inner.complete(request).await;
            let mut s = self.state();
            let now = Instant::now();
            if let Some(b) = &mut s.tokens {
                if !completion.usage.estimated && completion.error.is_none() {
                    let used = (completion.usage.input_tokens)
                        .saturating_add(completion.usage.output_tokens);
                    b.settle(charged as f64 - used as f64, now);
                }
            }
            if let Some(failure) = &completion.error {
                if failure.class == ErrorClass::RateLimited {
                    let pause = failure.retry_after.unwrap_or(DEFAULT_BACKOFF).min(FOREVER);
                    s.paused_until = s.paused_until.max(now + pause);
                }
            }
            completion
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wait::Wait;
    use crate::{Failure, Message, Role, Timing, Usage};
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    /// Records when each request arrived and answers after `busy`; the
    /// first `fail` requests get a 429 that asks to wait `retry_after`.
    struct Clock {
        start: Instant,
        seen: Mutex<Vec<Duration>>,
        fail: AtomicU32,
        retry_after: Duration,
        busy: Duration,
    }

    impl Runner for Arc<Clock> {
        fn complete<'a>(&'a self, _: &'a Request) -> BoxFuture<'a, Completion> {
            Box::pin(async move {
                self.seen.lock().unwrap().push(self.start.elapsed());
                tokio::time::sleep(self.busy).await;
                if self.fail.load(Ordering::SeqCst) > 0 {
                    self.fail.fetch_sub(1, Ordering::SeqCst);
                    let mut f = Failure::new(ErrorClass::RateLimited, "429");
                    f.retry_after = Some(self.retry_after);
                    return Completion::failed(f, Timing::default());
                }
                let mut c =
                    Completion::failed(Failure::new(ErrorClass::Model, ""), Timing::default());
                c.error = None;
                c.usage = Usage {
                    input_tokens: 10,
                    output_tokens: 10,
                    ..Usage::default()
                };
                c
            })
        }
    }

    fn clock(fail: u32, busy: Duration) -> Arc<Clock> {
        quota(fail, Duration::from_secs(5), busy)
    }

    fn quota(fail: u32, retry_after: Duration, busy: Duration) -> Arc<Clock> {
        Arc::new(Clock {
            start: Instant::now(),
            seen: Mutex::new(Vec::new()),
            fail: AtomicU32::new(fail),
            retry_after,
            busy,
        })
    }

    fn request(max_tokens: u32) -> Request {
        Request {
            messages: vec![Message {
                role: Role::User,
                content: "abcdefgh".into(),
            }],
            max_tokens,
            timeout: Duration::from_secs(1),
            ..Request::default()
        }
    }

    async fn run_all(
        limited: &Arc<Limited<Arc<Clock>>>,
        n: usize,
        max_tokens: u32,
    ) -> Vec<Completion> {
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..n {
            let l = limited.clone();
            set.spawn(async move { l.complete(&request(max_tokens)).await });
        }
        set.join_all().await
    }

    fn failed(completions: &[Completion], class: ErrorClass) -> Vec<&Failure> {
        completions
            .iter()
            .filter_map(|c| c.error.as_ref())
            .filter(|f| f.class == class)
            .collect()
    }

    #[tokio::test(start_paused = true)]
    async fn requests_per_minute_spread_a_burst() {
        let c = clock(0, Duration::ZERO);
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                requests_per_minute: Some(60),
                ..RateLimits::default()
            },
        ));
        run_all(&limited, 70, 1).await;
        let seen = c.seen.lock().unwrap().clone();
        // A minute's worth at once, then one a second.
        assert_eq!(seen.iter().filter(|t| t.is_zero()).count(), 60);
        assert_eq!(seen.iter().max().unwrap().as_secs(), 10);
    }

    /// A hook that keeps every wait it is told of.
    fn recorder() -> (OnWait, Arc<Mutex<Vec<Wait>>>) {
        let told = Arc::new(Mutex::new(Vec::new()));
        let keep = told.clone();
        (
            Arc::new(move |w: &Wait| keep.lock().unwrap().push(*w)),
            told,
        )
    }

    #[tokio::test(start_paused = true)]
    async fn every_wait_is_told_with_the_limit_that_holds_it() {
        let (hook, told) = recorder();
        let limits = RateLimits {
            tokens_per_minute: Some(600),
            ..RateLimits::default()
        };
        let limited =
            Arc::new(Limited::new(clock(0, Duration::from_secs(1)), limits).on_wait(hook));
        // 100 tokens each: six go at once, untold; the seventh waits 10 s.
        run_all(&limited, 7, 98).await;
        let wait = Wait {
            duration: Duration::from_secs(10),
            reason: WaitReason::RateLimit("tokens_per_minute"),
        };
        assert_eq!(*told.lock().unwrap(), [wait]);

        // A 429 that asks for 5 s holds the next request for as long.
        let (hook, told) = recorder();
        let c = clock(1, Duration::ZERO);
        let limited = Arc::new(Limited::new(c, RateLimits::default()).on_wait(hook));
        run_all(&limited, 1, 1).await;
        run_all(&limited, 1, 1).await;
        let wait = Wait {
            duration: Duration::from_secs(5),
            reason: WaitReason::Paused,
        };
        assert_eq!(*told.lock().unwrap(), [wait]);
    }

    #[tokio::test(start_paused = true)]
    async fn tokens_per_minute_count_prompt_and_max_tokens_then_settle() {
        let c = clock(0, Duration::from_secs(1));
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                tokens_per_minute: Some(600),
                ..RateLimits::default()
            },
        ));
        // Each request is charged 2 prompt + 98 max = 100 tokens and uses 20.
        // Six fit at once; when they finish, settling gives back 80 each, so
        // four of the next five start at once and the fifth a second later
        // (it would wait 50 s if nothing were given back).
        run_all(&limited, 6, 98).await;
        run_all(&limited, 5, 98).await;
        let seen = c.seen.lock().unwrap().clone();
        assert!(seen[..6].iter().all(|t| t.is_zero()), "{seen:?}");
        assert!(
            seen[6..10].iter().all(|t| *t == Duration::from_secs(1)),
            "{seen:?}"
        );
        assert!(
            seen[10] > Duration::from_secs(1) && seen[10] <= Duration::from_secs(3),
            "{seen:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_holds_back_every_request() {
        let c = clock(1, Duration::ZERO);
        let limited = Arc::new(Limited::new(c.clone(), RateLimits::default()));
        run_all(&limited, 1, 1).await;
        run_all(&limited, 3, 1).await;
        let seen = c.seen.lock().unwrap().clone();
        assert_eq!(seen[0], Duration::ZERO);
        assert!(
            seen[1..].iter().all(|t| *t >= Duration::from_secs(5)),
            "{seen:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_longer_than_the_maximum_wait_fails_at_once() {
        // A daily quota's 429, then more requests: none waits for a day.
        let c = quota(1, Duration::from_secs(86_400), Duration::ZERO);
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                max_wait: Some(Duration::from_secs(120)),
                ..RateLimits::default()
            },
        ));
        run_all(&limited, 1, 1).await;
        let start = Instant::now();
        let later = run_all(&limited, 3, 1).await;
        assert_eq!(start.elapsed(), Duration::ZERO);
        assert_eq!(c.seen.lock().unwrap().len(), 1);
        let failures = failed(&later, ErrorClass::RateLimited);
        assert_eq!(failures.len(), 3);
        assert_eq!(
            failures[0].message,
            "rate limited: the provider asked to wait 86400 s, more than max_retry_time 120 s"
        );
        assert!(failures[0].retry_after.unwrap() > Duration::from_secs(86_000));

        // A wait too long for any clock neither panics nor holds anything back.
        let c = quota(1, Duration::MAX, Duration::ZERO);
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                max_wait: Some(Duration::from_secs(120)),
                ..RateLimits::default()
            },
        ));
        run_all(&limited, 1, 1).await;
        let later = run_all(&limited, 1, 1).await;
        assert_eq!(failed(&later, ErrorClass::RateLimited).len(), 1);
        assert_eq!(c.seen.lock().unwrap().len(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_queue_longer_than_the_maximum_wait_fails_without_taking() {
        let c = clock(0, Duration::ZERO);
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                requests_per_minute: Some(60),
                max_wait: Some(Duration::from_secs(5)),
                ..RateLimits::default()
            },
        ));
        // Sixty at once, five more a second apart; the last five would wait
        // six seconds or more and fail at once.
        let all = run_all(&limited, 70, 1).await;
        let failures = failed(&all, ErrorClass::RateLimited);
        assert_eq!(failures.len(), 5);
        assert!(failures.iter().all(|f| f
            .message
            .starts_with("rate limited: the rate limits would hold the request 6 s")));
        let seen = c.seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 65);
        assert_eq!(seen.iter().max(), Some(&Duration::from_secs(5)));
        // The failed five took nothing: the next request goes a second
        // after the last one, not six.
        run_all(&limited, 1, 1).await;
        assert_eq!(c.seen.lock().unwrap().last(), Some(&Duration::from_secs(6)));
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_bigger_than_its_bucket_fails_at_once() {
        let c = clock(0, Duration::ZERO);
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                tokens_per_minute: Some(100),
                ..RateLimits::default()
            },
        ));
        // 2 prompt tokens plus 200: more than a minute's worth, ever.
        let all = run_all(&limited, 1, 200).await;
        let failures = failed(&all, ErrorClass::BadRequest);
        assert_eq!(
            failures[0].message,
            "the request needs 202 tokens (its prompt at four characters a token plus \
             max_tokens), more than tokens_per_minute 100 allows: it can never be sent"
        );
        // A request that fits still goes at once.
        let all = run_all(&limited, 1, 98).await;
        assert!(all[0].error.is_none());
        assert_eq!(*c.seen.lock().unwrap(), [Duration::ZERO]);

        // No request fits a limit of zero requests a minute.
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                requests_per_minute: Some(0),
                ..RateLimits::default()
            },
        ));
        let all = run_all(&limited, 1, 1).await;
        assert_eq!(failed(&all, ErrorClass::BadRequest).len(), 1);
        assert_eq!(c.seen.lock().unwrap().len(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn settling_never_lifts_a_bucket_above_its_capacity() {
        let c = clock(0, Duration::from_secs(60));
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                tokens_per_minute: Some(600),
                ..RateLimits::default()
            },
        ));
        // The first request is charged 100 and uses 20; while it runs the
        // bucket refills to full and a small request takes 2. Settling the
        // first must not give back 80 on top of a full bucket.
        let first = {
            let l = limited.clone();
            tokio::spawn(async move { l.complete(&request(98)).await })
        };
        tokio::time::sleep(Duration::from_secs(59)).await;
        let second = {
            let l = limited.clone();
            tokio::spawn(async move { l.complete(&request(0)).await })
        };
        first.await.unwrap();
        let balance = limited.state().tokens.as_ref().unwrap().balance;
        assert!(balance <= 600.0, "{balance}");
        second.await.unwrap();
    }
}
