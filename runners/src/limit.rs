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

use crate::http::estimate_tokens;
use crate::{BoxFuture, Completion, ErrorClass, Request, Runner};
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
}

/// How long to hold back after a 429 that named no wait.
const DEFAULT_BACKOFF: Duration = Duration::from_secs(1);

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

    /// Takes `amount` and returns how long the taker must wait.
    fn take(&mut self, amount: f64, now: Instant) -> Duration {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.balance = (self.balance + elapsed * self.per_second).min(self.capacity);
        self.updated = now;
        self.balance -= amount;
        if self.balance >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-self.balance / self.per_second)
        }
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
    state: Mutex<State>,
}

impl<R: Runner> Limited<R> {
    /// Wraps `inner` with `limits`.
    pub fn new(inner: R, limits: RateLimits) -> Self {
        let now = Instant::now();
        Self {
            inner,
            state: Mutex::new(State {
                requests: limits
                    .requests_per_minute
                    .map(|n| Bucket::per_minute(f64::from(n), now)),
                tokens: limits
                    .tokens_per_minute
                    .map(|n| Bucket::per_minute(n as f64, now)),
                paused_until: now,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere cannot leave the buckets half-updated.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Tokens a request is charged before its usage is known.
fn charge(request: &Request) -> u64 {
    let prompt: u64 = request
        .messages
        .iter()
        .map(|m| estimate_tokens(&m.content))
        .sum();
    prompt + u64::from(request.max_tokens)
}

impl<R: Runner> Runner for Limited<R> {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let charged = charge(request);
            let wait = {
                let mut s = self.state();
                let now = Instant::now();
                let mut wait = s.paused_until.saturating_duration_since(now);
                if let Some(b) = &mut s.requests {
                    wait = wait.max(b.take(1.0, now));
                }
                if let Some(b) = &mut s.tokens {
                    wait = wait.max(b.take(charged as f64, now));
                }
                wait
            };
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            let completion = self.inner.complete(request).await;
            let mut s = self.state();
            if let Some(b) = &mut s.tokens {
                if !completion.usage.estimated && completion.error.is_none() {
                    let used = completion.usage.input_tokens + completion.usage.output_tokens;
                    b.balance += charged as f64 - used as f64;
                }
            }
            if let Some(failure) = &completion.error {
                if failure.class == ErrorClass::RateLimited {
                    let until = Instant::now() + failure.retry_after.unwrap_or(DEFAULT_BACKOFF);
                    s.paused_until = s.paused_until.max(until);
                }
            }
            completion
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Failure, Message, Role, Timing, Usage};
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    /// Records when each request arrived and answers after `busy`; the
    /// first `fail` requests get a 429.
    struct Clock {
        start: Instant,
        seen: Mutex<Vec<Duration>>,
        fail: AtomicU32,
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
                    f.retry_after = Some(Duration::from_secs(5));
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
        Arc::new(Clock {
            start: Instant::now(),
            seen: Mutex::new(Vec::new()),
            fail: AtomicU32::new(fail),
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

    async fn run_all(limited: &Arc<Limited<Arc<Clock>>>, n: usize, max_tokens: u32) {
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..n {
            let l = limited.clone();
            set.spawn(async move { l.complete(&request(max_tokens)).await });
        }
        while set.join_next().await.is_some() {}
    }

    #[tokio::test(start_paused = true)]
    async fn requests_per_minute_spread_a_burst() {
        let c = clock(0, Duration::ZERO);
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                requests_per_minute: Some(60),
                tokens_per_minute: None,
            },
        ));
        run_all(&limited, 70, 1).await;
        let seen = c.seen.lock().unwrap().clone();
        // A minute's worth at once, then one a second.
        assert_eq!(seen.iter().filter(|t| t.is_zero()).count(), 60);
        assert_eq!(seen.iter().max().unwrap().as_secs(), 10);
    }

    #[tokio::test(start_paused = true)]
    async fn tokens_per_minute_count_prompt_and_max_tokens_then_settle() {
        let c = clock(0, Duration::from_secs(1));
        let limited = Arc::new(Limited::new(
            c.clone(),
            RateLimits {
                requests_per_minute: None,
                tokens_per_minute: Some(600),
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
}
