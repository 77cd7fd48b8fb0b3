//! What one trial costs under a model's prices.

use crate::suite::Cost;
use sizeup_runners::Usage;

/// Dollars for one trial: tokens at the model's per-token prices, plus its
/// share of the hardware's hourly price for the time it kept the model busy
/// (`parallel` trials share the hardware at once).
pub fn trial_cost(cost: &Cost, usage: &Usage, busy_us: u64, parallel: usize) -> f64 {
    let uncached = usage.input_tokens.saturating_sub(usage.cached_input_tokens);
    let tokens = uncached as f64 * cost.input_per_mtok
        + usage.cached_input_tokens as f64 * cost.cached_input_per_mtok
        + usage.output_tokens as f64 * cost.output_per_mtok;
    let hours = busy_us as f64 / 3_600_000_000.0;
    tokens / 1_000_000.0 + cost.hourly_usd * hours / parallel.max(1) as f64
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
}
