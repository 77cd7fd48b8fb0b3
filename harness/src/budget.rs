//! [`Budget`]: a spending cap that is never passed.
//!
//! Before a trial is sent, its worst case is reserved (every attempt's
//! prompt tokens bounded from above, plus `max_tokens`, at the model's
//! prices; plus the hardware for the longest the trial can take). When it
//! ends, the reservation is replaced by what it really cost, failed attempts
//! included. A reservation that does not fit waits for the trials in flight
//! to settle, since they usually cost far less than they reserved; when it
//! still does not fit with nothing in flight it never will (spending only
//! grows), so that trial is refused, and a cheaper one may still fit.

use std::sync::Mutex;
use tokio::sync::Notify;

/// The cap and what is spent and reserved against it, in dollars.
#[derive(Debug)]
pub struct Budget {
    limit: f64,
    state: Mutex<State>,
    settled: Notify,
}

#[derive(Debug, Default)]
struct State {
    spent: f64,
    reserved: f64,
    /// Reservations not yet settled; `reserved` is their sum.
    open: u64,
    /// A trial was refused.
    refused: bool,
}

impl Budget {
    /// A budget of `limit_usd` dollars.
    pub fn new(limit_usd: f64) -> Self {
        Self {
            limit: limit_usd,
            state: Mutex::new(State::default()),
            settled: Notify::new(),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reserves `worst_usd`, waiting for reservations in flight to settle
    /// while it does not fit. False (nothing reserved) when it cannot fit
    /// even with nothing in flight.
    pub async fn reserve(&self, worst_usd: f64) -> bool {
        loop {
            // Registered before the check, so a settle in between is not missed.
            let settled = self.settled.notified();
            {
                let mut s = self.state();
                if s.spent + s.reserved + worst_usd <= self.limit {
                    s.reserved += worst_usd;
                    s.open += 1;
                    return true;
                }
                if s.open == 0 {
                    s.refused = true;
                    return false;
                }
            }
            settled.await;
        }
    }

    /// Replaces a reservation of `worst_usd` by the real cost.
    pub fn settle(&self, worst_usd: f64, actual_usd: f64) {
        {
            let mut s = self.state();
            s.open = s.open.saturating_sub(1);
            s.reserved = if s.open == 0 {
                0.0
            } else {
                (s.reserved - worst_usd).max(0.0)
            };
            s.spent += actual_usd;
        }
        self.settled.notify_waiters();
    }

    /// Dollars spent so far.
    pub fn spent(&self) -> f64 {
        self.state().spent
    }

    /// The cap.
    pub fn limit(&self) -> f64 {
        self.limit
    }

    /// True once a trial could not be covered even with nothing in flight.
    pub fn exhausted(&self) -> bool {
        self.state().refused
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[tokio::test]
    async fn a_reservation_that_does_not_fit_waits_for_settlements() {
        let b = Arc::new(Budget::new(1.0));
        assert!(b.reserve(0.4).await);
        assert!(b.reserve(0.4).await);
        // A third does not fit while two are in flight: it waits.
        let waiting = tokio::spawn({
            let b = b.clone();
            async move { b.reserve(0.4).await }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiting.is_finished());
        assert!(!b.exhausted());
        // The first costs far less than reserved: the third now fits.
        b.settle(0.4, 0.1);
        assert!(waiting.await.unwrap());
        b.settle(0.4, 0.1);
        b.settle(0.4, 0.1);
        assert!((b.spent() - 0.3).abs() < 1e-12);
        assert!(!b.exhausted());
    }

    #[tokio::test]
    async fn a_trial_is_refused_only_when_nothing_in_flight_leaves_room() {
        let b = Budget::new(1.0);
        assert!(b.reserve(0.5).await);
        b.settle(0.5, 0.7);
        // 0.7 spent, nothing in flight: 0.4 can never fit.
        assert!(!b.reserve(0.4).await);
        assert!(b.exhausted());
        // A cheaper trial still fits.
        assert!(b.reserve(0.1).await);
        b.settle(0.1, 0.1);
        assert!((b.spent() - 0.8).abs() < 1e-12);
    }

    #[tokio::test]
    async fn many_small_trials_spend_close_to_the_cap_and_never_above() {
        // Trials cost $0.011 and reserve $0.02: eight in flight at a time.
        let b = Arc::new(Budget::new(1.0));
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let b = b.clone();
            tasks.spawn(async move {
                while b.reserve(0.02).await {
                    tokio::task::yield_now().await;
                    b.settle(0.02, 0.011);
                }
            });
        }
        while tasks.join_next().await.is_some() {}
        let spent = b.spent();
        assert!((0.98..=1.0).contains(&spent), "{spent}");
    }
}
