//! [`Budget`]: a spending cap that is never passed.
//!
//! Before a trial is sent, its worst case is reserved (prompt tokens bounded
//! from above, plus `max_tokens`, at the model's prices; plus the hardware's
//! share for the whole timeout). When it ends, the reservation is replaced
//! by what it really cost. A trial whose reservation would pass the cap is
//! not started, and the run stops scheduling.

use std::sync::Mutex;

/// The cap and what is spent and reserved against it, in dollars.
#[derive(Debug)]
pub struct Budget {
    limit: f64,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    spent: f64,
    reserved: f64,
    refused: bool,
}

impl Budget {
    /// A budget of `limit_usd` dollars.
    pub fn new(limit_usd: f64) -> Self {
        Self {
            limit: limit_usd,
            state: Mutex::new(State::default()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reserves `worst_usd`; false (and nothing reserved) if that would pass the cap.
    pub fn reserve(&self, worst_usd: f64) -> bool {
        let mut s = self.state();
        if s.spent + s.reserved + worst_usd > self.limit {
            s.refused = true;
            return false;
        }
        s.reserved += worst_usd;
        true
    }

    /// Replaces a reservation of `worst_usd` by the real cost.
    pub fn settle(&self, worst_usd: f64, actual_usd: f64) {
        let mut s = self.state();
        s.reserved = (s.reserved - worst_usd).max(0.0);
        s.spent += actual_usd;
    }

    /// Dollars spent so far.
    pub fn spent(&self) -> f64 {
        self.state().spent
    }

    /// The cap.
    pub fn limit(&self) -> f64 {
        self.limit
    }

    /// True once a trial was refused for lack of budget.
    pub fn exhausted(&self) -> bool {
        self.state().refused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_are_refused_at_the_cap_and_settled_to_the_real_cost() {
        let b = Budget::new(1.0);
        assert!(b.reserve(0.4));
        assert!(b.reserve(0.4));
        assert!(!b.reserve(0.4));
        assert!(b.exhausted());
        b.settle(0.4, 0.1);
        assert!(b.reserve(0.4));
        b.settle(0.4, 0.1);
        b.settle(0.4, 0.1);
        assert!((b.spent() - 0.3).abs() < 1e-12);
    }
}
