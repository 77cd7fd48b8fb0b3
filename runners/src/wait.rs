//! [`Wait`]: a request held back before it is sent, and why.
//!
//! Rate limits and retries may hold a request for seconds or minutes. A
//! runner that does so tells an [`OnWait`] hook given to it at construction,
//! so that the program can show the wait instead of looking hung; the hook
//! only receives, it never changes what the runner does.

use crate::ErrorClass;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Why a request is held back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    /// The model's own rate limit, by its setting's name
    /// (`requests_per_minute`, `tokens_per_minute`).
    RateLimit(&'static str),
    /// The provider answered an earlier request with 429, and every
    /// request to the model waits out the pause it asked for.
    Paused,
    /// Another attempt after a failed one.
    Retry {
        /// The failed attempt's HTTP status, when it had one.
        status: Option<u16>,
        /// The failed attempt's class.
        class: ErrorClass,
        /// True when the wait is the provider's `Retry-After`, false when
        /// it is sizeup's own backoff.
        asked: bool,
    },
}

/// One request held back for `duration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    /// How long it waits.
    pub duration: Duration,
    /// Why.
    pub reason: WaitReason,
}

/// Told of every wait before it starts; called on the runner's task, so it
/// must return at once (send the wait on a channel, say).
pub type OnWait = Arc<dyn Fn(&Wait) + Send + Sync>;

impl fmt::Display for WaitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RateLimit(name) => write!(f, "rate limit ({name})"),
            Self::Paused => write!(f, "rate limit (the provider answered 429)"),
            Self::Retry {
                status,
                class,
                asked,
            } => {
                match status {
                    Some(code) => write!(f, "retry after HTTP {code}")?,
                    None => write!(f, "retry after {}", class.as_str())?,
                }
                f.write_str(if *asked {
                    " (Retry-After)"
                } else {
                    " (backoff)"
                })
            }
        }
    }
}

impl fmt::Display for Wait {
    /// `waiting 42 s: rate limit (tokens_per_minute)`, seconds rounded up.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.duration;
        let seconds = d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0));
        write!(f, "waiting {seconds} s: {}", self.reason)
    }
}

/// Tells `hook`, if there is one, of a wait that is not zero.
pub(crate) fn tell(hook: Option<&OnWait>, duration: Duration, reason: WaitReason) {
    if let Some(hook) = hook.filter(|_| !duration.is_zero()) {
        hook(&Wait { duration, reason });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_says_how_long_and_why() {
        let wait = |secs: f64, reason| {
            Wait {
                duration: Duration::from_secs_f64(secs),
                reason,
            }
            .to_string()
        };
        assert_eq!(
            wait(41.2, WaitReason::RateLimit("tokens_per_minute")),
            "waiting 42 s: rate limit (tokens_per_minute)"
        );
        assert_eq!(
            wait(
                30.0,
                WaitReason::Retry {
                    status: Some(429),
                    class: ErrorClass::RateLimited,
                    asked: true
                }
            ),
            "waiting 30 s: retry after HTTP 429 (Retry-After)"
        );
        assert_eq!(
            wait(
                3.0,
                WaitReason::Retry {
                    status: None,
                    class: ErrorClass::Connection,
                    asked: false
                }
            ),
            "waiting 3 s: retry after connection (backoff)"
        );
        assert_eq!(
            wait(5.0, WaitReason::Paused),
            "waiting 5 s: rate limit (the provider answered 429)"
        );
    }
}
