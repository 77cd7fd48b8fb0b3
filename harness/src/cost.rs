//! What one trial costs under a model's prices: its tokens, and its share
//! of the hardware's hourly price for the time the model was busy.
//!
//! [`BusyMeter`] shares a model's busy wall time among the trials really in
//! flight: over each stretch of time with `k` trials of the model running,
//! each is charged `1/k` of it, so the charges of a run add up to the time
//! the model was busy (never to its idle time, and never to a quarter of
//! its busy time because it could have served four at once).

use crate::suite::Cost;
use crate::tokens::prompt_upper_bound;
use sizeup_runners::{Request, Usage};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Dollars for `usage` at the model's per-token prices.
pub fn token_cost(cost: &Cost, usage: &Usage) -> f64 {
    let cached = usage.cached_input_tokens.min(usage.input_tokens);
    let written = usage.cache_write_tokens.min(usage.input_tokens - cached);
    let uncached = usage.input_tokens - cached - written;
    let reasoning = usage.reasoning_tokens.min(usage.output_tokens);
    let tokens = uncached as f64 * cost.input_per_mtok
        + cached as f64 * cost.cached_input_per_mtok
        + written as f64 * cost.cache_write_per_mtok
        + (usage.output_tokens - reasoning) as f64 * cost.output_per_mtok
        + reasoning as f64 * cost.reasoning_per_mtok;
    tokens / 1_000_000.0
}

/// Dollars for `busy` of the model's hardware.
pub fn hardware_cost(cost: &Cost, busy: Duration) -> f64 {
    cost.hourly_usd * busy.as_secs_f64() / 3600.0
}

/// The most one trial of `request` can cost: for each of `attempts`, a
/// prompt no tokenizer can exceed and every allowed output token at the
/// dearest price that could apply (failed attempts are billed too); plus
/// the hardware for the longest the trial can stay in flight: every attempt
/// to its timeout (and a second's slack to notice it), and the waits
/// between attempts, each bounded by `max_wait`.
pub fn worst_case(cost: &Cost, request: &Request, attempts: u32, max_wait: Duration) -> f64 {
    let input_price = cost
        .input_per_mtok
        .max(cost.cached_input_per_mtok)
        .max(cost.cache_write_per_mtok);
    let output_price = cost.output_per_mtok.max(cost.reasoning_per_mtok);
    let attempts = attempts.max(1);
    let tokens = prompt_upper_bound(&request.messages) as f64 * input_price
        + f64::from(request.max_tokens) * output_price;
    // Saturating: a duration's bound at load is not this function's concern.
    let busy = (request.timeout.saturating_add(Duration::from_secs(1)))
        .saturating_mul(attempts)
        .saturating_add(max_wait.saturating_mul(attempts.saturating_add(1)));
    f64::from(attempts) * tokens / 1_000_000.0 + hardware_cost(cost, busy)
}

/// Shares one model's busy wall time among its trials in flight.
#[derive(Debug)]
pub struct BusyMeter {
    state: Mutex<Meter>,
}

#[derive(Debug)]
struct Meter {
    last: Instant,
    in_flight: u32,
    /// Seconds charged so far to a trial that has been in flight all along.
    charged: f64,
}

impl BusyMeter {
    /// A meter with nothing in flight.
    pub fn new(now: Instant) -> Self {
        Self {
            state: Mutex::new(Meter {
                last: now,
                in_flight: 0,
                charged: 0.0,
            }),
        }
    }

    fn meter(&self, now: Instant) -> std::sync::MutexGuard<'_, Meter> {
        let mut m = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if m.in_flight > 0 {
            m.charged +=
                now.saturating_duration_since(m.last).as_secs_f64() / f64::from(m.in_flight);
        }
        m.last = m.last.max(now);
        m
    }

    /// A trial starts at `now`; keep the mark for [`BusyMeter::leave`].
    pub fn enter(&self, now: Instant) -> f64 {
        let mut m = self.meter(now);
        m.in_flight += 1;
        m.charged
    }

    /// The trial that entered at `mark` ends at `now`: its share of the busy time.
    pub fn leave(&self, mark: f64, now: Instant) -> Duration {
        let mut m = self.meter(now);
        m.in_flight = m.in_flight.saturating_sub(1);
        Duration::try_from_secs_f64((m.charged - mark).max(0.0)).unwrap_or(Duration::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_hours_are_priced() {
        let cost = Cost {
            input_per_mtok: 2.0,
            output_per_mtok: 10.0,
            cached_input_per_mtok: 0.5,
            cache_write_per_mtok: 2.5,
            reasoning_per_mtok: 10.0,
            hourly_usd: 3.6,
        };
        let usage = Usage {
            input_tokens: 1_000,
            cached_input_tokens: 200,
            output_tokens: 100,
            ..Usage::default()
        };
        // 800 × 2 + 200 × 0.5 + 100 × 10 = 2,700 per million; half a second
        // of a $3.60/h machine = $0.0005.
        let c = token_cost(&cost, &usage) + hardware_cost(&cost, Duration::from_millis(500));
        assert!((c - (0.0027 + 0.0005)).abs() < 1e-12, "{c}");
        assert_eq!(token_cost(&Cost::default(), &usage), 0.0);
    }

    #[test]
    fn the_worst_case_bounds_any_real_cost() {
        let cost = Cost {
            input_per_mtok: 1.0,
            output_per_mtok: 4.0,
            cached_input_per_mtok: 0.1,
            cache_write_per_mtok: 1.25,
            reasoning_per_mtok: 4.0,
            hourly_usd: 3.6,
        };
        let request = Request {
            messages: vec![sizeup_runners::Message {
                role: sizeup_runners::Role::User,
                content: "x".repeat(100),
            }],
            max_tokens: 50,
            timeout: Duration::from_secs(9),
            ..Request::default()
        };
        let worst = worst_case(&cost, &request, 1, Duration::ZERO);
        let heaviest = Usage {
            input_tokens: 100,
            cache_write_tokens: 100,
            output_tokens: 50,
            ..Usage::default()
        };
        let nine_s = hardware_cost(&cost, Duration::from_secs(9));
        assert!(worst >= token_cost(&cost, &heaviest) + nine_s);
        // 132 × 1.25 + 50 × 4 per million, plus 10 s of $3.60/h.
        assert!((worst - (0.000365 + 0.01)).abs() < 1e-12, "{worst}");
        // Three attempts with up to 5 s between them: three times the tokens,
        // 3 × 10 s + 4 × 5 s of the hardware.
        let worst3 = worst_case(&cost, &request, 3, Duration::from_secs(5));
        assert!((worst3 - (3.0 * 0.000365 + 0.05)).abs() < 1e-12, "{worst3}");
        // Durations as long as a Duration holds saturate instead of panicking.
        let endless = Request {
            timeout: Duration::MAX,
            ..request
        };
        let most = worst_case(&cost, &endless, u32::MAX, Duration::MAX);
        assert!(most.is_finite() && most > 1e15, "{most}");
    }

    #[test]
    fn cache_writes_and_reasoning_have_their_own_prices() {
        let cost = Cost {
            input_per_mtok: 1.0,
            output_per_mtok: 4.0,
            cached_input_per_mtok: 0.1,
            cache_write_per_mtok: 1.25,
            reasoning_per_mtok: 8.0,
            hourly_usd: 0.0,
        };
        let usage = Usage {
            input_tokens: 1_000,
            cached_input_tokens: 500,
            cache_write_tokens: 400,
            output_tokens: 300,
            reasoning_tokens: 100,
            estimated: false,
        };
        // 100 × 1 + 500 × 0.1 + 400 × 1.25 + 200 × 4 + 100 × 8 = 2,250 per million.
        let c = token_cost(&cost, &usage);
        assert!((c - 0.00225).abs() < 1e-12, "{c}");
    }

    /// Trials as (start, end) in milliseconds; returns each one's share.
    fn shares(trials: &[(u64, u64)]) -> Vec<f64> {
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let meter = BusyMeter::new(t0);
        let mut events: Vec<(u64, bool, usize)> = Vec::new();
        for (i, &(s, e)) in trials.iter().enumerate() {
            events.push((s, true, i));
            events.push((e, false, i));
        }
        // Ends before starts at the same instant, then by trial.
        events.sort_by_key(|&(t, start, i)| (t, start, i));
        let mut marks = vec![0.0; trials.len()];
        let mut out = vec![0.0; trials.len()];
        for (t, start, i) in events {
            if start {
                marks[i] = meter.enter(at(t));
            } else {
                out[i] = meter.leave(marks[i], at(t)).as_secs_f64();
            }
        }
        out
    }

    #[test]
    fn busy_time_is_shared_among_the_trials_really_in_flight() {
        // One at a time, with idle gaps: each pays its own time, gaps are free.
        let one = shares(&[(0, 500), (900, 1200), (5000, 5100)]);
        assert_eq!(one, vec![0.5, 0.3, 0.1]);
        // Four at once for a second: a quarter each, one second in all.
        let four = shares(&[(0, 1000), (0, 1000), (0, 1000), (0, 1000)]);
        assert!(four.iter().all(|s| (s - 0.25).abs() < 1e-9), "{four:?}");
        // Overlapping unevenly, with a gap: the sum is the busy wall time
        // (0–1.5 s and 2–2.4 s = 1.9 s), not the sum of latencies (2.9 s).
        let mixed = shares(&[(0, 1000), (500, 1500), (600, 900), (2000, 2400)]);
        let sum: f64 = mixed.iter().sum();
        assert!((sum - 1.9).abs() < 1e-9, "{mixed:?}");
        // 0–0.5 alone, 0.5–0.6 two, 0.6–0.9 three, 0.9–1.0 two.
        assert!(
            (mixed[0] - (0.5 + 0.05 + 0.1 + 0.05)).abs() < 1e-9,
            "{mixed:?}"
        );
        assert!((mixed[2] - 0.1).abs() < 1e-9, "{mixed:?}");
    }
}
