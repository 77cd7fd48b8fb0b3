//! [`Retrying`]: another attempt after a transient failure, with backoff.
//!
//! Exponential backoff with full jitter (sleep a random time between zero and
//! `base × 2^attempt`, capped), except when the provider said how long to wait
//! (`Retry-After`), which is honoured as given. Retries stop at the attempt
//! limit or when the next wait would pass the total time allowed. The tokens
//! that failed attempts used are added up in the final completion's
//! `retried_usage`: they were paid for and bought no answer. Each wait is
//! told to the [`OnWait`] hook given with [`Retrying::on_wait`].

use crate::wait::{tell, OnWait, WaitReason};
use crate::{BoxFuture, Completion, Request, Runner, Usage};
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, Instant};

/// How many times, and how patiently, to try again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 means no retry).
    pub max_attempts: u32,
    /// Backoff before the second attempt; doubles for each further one.
    pub base_delay: Duration,
    /// Cap on one backoff.
    pub max_delay: Duration,
    /// Cap on the time from the first attempt to the start of the last one.
    pub max_total: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(20),
            max_total: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt number `attempt + 1`, given the failed attempt's hint.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait;
        }
        let ceiling = self
            .base_delay
            .saturating_mul(
                1u32.checked_shl(attempt.saturating_sub(1))
                    .unwrap_or(u32::MAX),
            )
            .min(self.max_delay);
        ceiling.mul_f64(jitter())
    }
}

/// A uniform number in [0, 1) from the standard library's randomly keyed hasher.
fn jitter() -> f64 {
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Wraps a runner so that transient failures are tried again.
pub struct Retrying<R> {
    inner: R,
    policy: RetryPolicy,
    on_wait: Option<OnWait>,
}

impl<R: Runner> Retrying<R> {
    /// Wraps `inner` with `policy`.
    pub fn new(inner: R, policy: RetryPolicy) -> Self {
        Self {
            inner,
            policy,
            on_wait: None,
        }
    }

    /// Tells `hook` of every wait before another attempt.
    pub fn on_wait(mut self, hook: OnWait) -> Self {
        self.on_wait = Some(hook);
        self
    }
}

impl<R: Runner> Runner for Retrying<R> {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let start = Instant::now();
            let mut attempt = 1;
            let mut retried = Usage::default();
            loop {
                let mut completion = self.inner.complete(request).await;
                completion.attempts = attempt;
                completion.retried_usage += retried;
                let Some(failure) = &completion.error else {
                    return completion;
                };
                if !failure.class.is_transient() || attempt >= self.policy.max_attempts {
                    return completion;
                }
                let wait = self.policy.delay(attempt, failure.retry_after);
                let reason = WaitReason::Retry {
                    status: failure.status,
                    class: failure.class,
                    asked: failure.retry_after.is_some(),
                };
                // A provider's wait may be as long as `Duration::MAX`.
                if start.elapsed().saturating_add(wait) > self.policy.max_total {
                    // Say why no retry came when the provider's own answer
                    // named a wait too long (a daily quota, say).
                    if let (Some(asked), Some(_)) = (failure.retry_after, failure.status) {
                        let note = format!(
                            "; the provider asked to wait {} s, more than max_retry_time {} s allows",
                            asked.as_secs(),
                            self.policy.max_total.as_secs()
                        );
                        if let Some(f) = &mut completion.error {
                            f.message.push_str(&note);
                        }
                    }
                    return completion;
                }
                retried = completion.retried_usage;
                retried += completion.usage;
                tell(self.on_wait.as_ref(), wait, reason);
                tokio::time::sleep(wait).await;
                attempt += 1;
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wait::Wait;
    use crate::{ErrorClass, Failure, Timing};
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::{Arc, Mutex};

    /// Fails the first `fail_first` calls, each failure having used
    /// `(10 + n, n)` tokens for call number `n` (none for the first), then
    /// answers with `(10, 2)`.
    struct Flaky {
        calls: AtomicU32,
        fail_first: u32,
        class: ErrorClass,
    }

    fn used(input: u64, output: u64, estimated: bool) -> Usage {
        Usage {
            input_tokens: input,
            output_tokens: output,
            estimated,
            ..Usage::default()
        }
    }

    impl Runner for Flaky {
        fn complete<'a>(&'a self, _: &'a Request) -> BoxFuture<'a, Completion> {
            Box::pin(async move {
                let n = self.calls.fetch_add(1, Ordering::SeqCst);
                if n < self.fail_first {
                    let mut f = Failure::new(self.class, "boom");
                    f.retry_after = Some(Duration::from_millis(1));
                    let mut c = Completion::failed(f, Timing::default());
                    // The first attempt failed before any token; later ones
                    // were cut after some, the second with an estimate.
                    if n > 0 {
                        c.usage = used(10 + u64::from(n), u64::from(n), n == 1);
                    }
                    c
                } else {
                    let mut c =
                        Completion::failed(Failure::new(self.class, "x"), Timing::default());
                    c.error = None;
                    c.text = "ok".into();
                    c.usage = used(10, 2, false);
                    c
                }
            })
        }
    }

    fn request() -> Request {
        Request {
            messages: vec![],
            max_tokens: 1,
            timeout: Duration::from_secs(1),
            ..Request::default()
        }
    }

    #[tokio::test]
    async fn transient_failures_are_retried_up_to_the_limit() {
        let policy = RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::default()
        };
        let r = Retrying::new(
            Flaky {
                calls: AtomicU32::new(0),
                fail_first: 2,
                class: ErrorClass::RateLimited,
            },
            policy,
        );
        let c = r.complete(&request()).await;
        assert_eq!((c.text.as_str(), c.attempts), ("ok", 3));

        let r = Retrying::new(
            Flaky {
                calls: AtomicU32::new(0),
                fail_first: 5,
                class: ErrorClass::Overloaded,
            },
            policy,
        );
        let c = r.complete(&request()).await;
        assert_eq!(c.attempts, 3);
        assert_eq!(r.inner.calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn failed_attempts_add_their_usage_to_the_final_completion() {
        let policy = RetryPolicy {
            max_attempts: 4,
            ..RetryPolicy::default()
        };
        let flaky = |fail_first| {
            Retrying::new(
                Flaky {
                    calls: AtomicU32::new(0),
                    fail_first,
                    class: ErrorClass::Truncated,
                },
                policy,
            )
        };
        // Failures using nothing, (11, 1) estimated and (12, 2), then an answer.
        let c = flaky(3).complete(&request()).await;
        assert_eq!((c.text.as_str(), c.attempts), ("ok", 4));
        assert_eq!(c.usage, used(10, 2, false));
        assert_eq!(c.retried_usage, used(23, 3, true));

        // When every attempt fails, the last one keeps its own usage.
        let c = flaky(9).complete(&request()).await;
        assert_eq!(c.attempts, 4);
        assert_eq!(c.usage, used(13, 3, false));
        assert_eq!(c.retried_usage, used(23, 3, true));

        // A first attempt that succeeds retried nothing.
        let c = flaky(0).complete(&request()).await;
        assert_eq!((c.attempts, c.retried_usage), (1, Usage::default()));
    }

    #[tokio::test]
    async fn a_wait_too_long_to_add_ends_the_retries() {
        /// A 429 whose `Retry-After` is the wait it holds.
        struct Quota(Duration);
        impl Runner for Quota {
            fn complete<'a>(&'a self, _: &'a Request) -> BoxFuture<'a, Completion> {
                Box::pin(async move {
                    let mut f = Failure::new(ErrorClass::RateLimited, "HTTP 429: daily quota");
                    f.status = Some(429);
                    f.retry_after = Some(self.0);
                    Completion::failed(f, Timing::default())
                })
            }
        }
        let c = Retrying::new(Quota(Duration::MAX), RetryPolicy::default())
            .complete(&request())
            .await;
        assert_eq!(c.attempts, 1);
        let c = Retrying::new(Quota(Duration::from_secs(86_400)), RetryPolicy::default())
            .complete(&request())
            .await;
        assert_eq!(c.attempts, 1);
        assert_eq!(
            c.error.unwrap().message,
            "HTTP 429: daily quota; the provider asked to wait 86400 s, more than max_retry_time 120 s allows"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn each_wait_before_a_retry_is_told_with_its_cause() {
        let told = Arc::new(Mutex::new(Vec::new()));
        let keep = told.clone();
        let hook: OnWait = Arc::new(move |w: &Wait| keep.lock().unwrap().push(*w));
        let r = Retrying::new(
            Flaky {
                calls: AtomicU32::new(0),
                fail_first: 2,
                class: ErrorClass::Overloaded,
            },
            RetryPolicy::default(),
        )
        .on_wait(hook);
        let c = r.complete(&request()).await;
        assert_eq!(c.attempts, 3);
        // Flaky asks for a millisecond each time, without an HTTP status.
        let wait = Wait {
            duration: Duration::from_millis(1),
            reason: WaitReason::Retry {
                status: None,
                class: ErrorClass::Overloaded,
                asked: true,
            },
        };
        assert_eq!(*told.lock().unwrap(), [wait, wait]);
    }

    #[tokio::test]
    async fn permanent_failures_are_not_retried() {
        let r = Retrying::new(
            Flaky {
                calls: AtomicU32::new(0),
                fail_first: 5,
                class: ErrorClass::BadRequest,
            },
            RetryPolicy::default(),
        );
        let c = r.complete(&request()).await;
        assert_eq!(c.attempts, 1);
    }

    #[test]
    fn backoff_is_capped_and_retry_after_wins() {
        let p = RetryPolicy::default();
        for attempt in 1..40 {
            assert!(p.delay(attempt, None) <= p.max_delay);
        }
        let hint = Duration::from_secs(7);
        assert_eq!(p.delay(1, Some(hint)), hint);
    }
}
