//! What one trial costs under a model's prices.

use crate::suite::Cost;
use crate::tokens::prompt_upper_bound;
use sizeup_runners::{Request, Usage};
use std::time::Duration;

/// Dollars for one trial: tokens at the model's per-token prices, plus its
/// share of the hardware's hourly price for the time it kept the model busy
/// (`parallel` trials share the hardware at once).
pub fn trial_cost(cost: &Cost, usage: &Usage, busy_us: u64, parallel: usize) -> f64 {
    let cached = usage.cached_input_tokens.min(usage.input_tokens);
    let written = usage.cache_write_tokens.min(usage.input_tokens - cached);
    let uncached = usage.input_tokens - cached - written;
    let reasoning = usage.reasoning_tokens.min(usage.output_tokens);
    let tokens = uncached as f64 * cost.input_per_mtok
        + cached as f64 * cost.cached_input_per_mtok
        + written as f64 * cost.cache_write_per_mtok
        + (usage.output_tokens - reasoning) as f64 * cost.output_per_mtok
        + reasoning as f64 * cost.reasoning_per_mtok;
    let hours = busy_us as f64 / 3_600_000_000.0;
    tokens / 1_000_000.0 + cost.hourly_usd * hours / parallel.max(1) as f64
}

/// The most one attempt of `request` can cost: a prompt no tokenizer can
/// exceed and every allowed output token, each at the dearest price that
/// could apply, plus the hardware's share for the whole timeout (and a
/// second's slack for the time it takes to notice the timeout).
pub fn worst_case(cost: &Cost, request: &Request, parallel: usize) -> f64 {
    let input_price = cost
        .input_per_mtok
        .max(cost.cached_input_per_mtok)
        .max(cost.cache_write_per_mtok);
    let output_price = cost.output_per_mtok.max(cost.reasoning_per_mtok);
    let tokens = prompt_upper_bound(&request.messages) as f64 * input_price
        + f64::from(request.max_tokens) * output_price;
    let busy = request.timeout + Duration::from_secs(1);
    tokens / 1_000_000.0 + cost.hourly_usd * busy.as_secs_f64() / 3600.0 / parallel.max(1) as f64
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
        // 800 × 2 + 200 × 0.5 + 100 × 10 = 2,700 per million; one second of
        // a $3.60/h machine shared by two trials = $0.0005.
        let c = trial_cost(&cost, &usage, 1_000_000, 2);
        assert!((c - (0.0027 + 0.0005)).abs() < 1e-12, "{c}");
        assert_eq!(trial_cost(&Cost::default(), &usage, 5, 1), 0.0);
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
        let worst = worst_case(&cost, &request, 1);
        let heaviest = Usage {
            input_tokens: 100,
            cache_write_tokens: 100,
            output_tokens: 50,
            ..Usage::default()
        };
        assert!(worst >= trial_cost(&cost, &heaviest, 9_000_000, 1));
        // 132 × 1.25 + 50 × 4 per million, plus 10 s of $3.60/h.
        assert!((worst - (0.000365 + 0.01)).abs() < 1e-12, "{worst}");
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
        let c = trial_cost(&cost, &usage, 0, 1);
        assert!((c - 0.00225).abs() < 1e-12, "{c}");
    }
}
