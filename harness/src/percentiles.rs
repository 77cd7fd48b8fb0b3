//! Latency percentiles from an HDR histogram: the histogram every
//! measurement (a run's cells, a capacity sweep's levels) is kept in, the
//! percentiles read from it, and the 95th percentile's distribution-free
//! 95% interval from order statistics.

use hdrhistogram::Histogram;
use sizeup_reports::Percentiles;
use statrs::distribution::{Binomial, DiscreteCDF};

/// One microsecond to one hour at 3 significant digits; slower values are
/// clamped to an hour.
pub fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid bounds")
}

/// The percentiles of `h`, in milliseconds; `None` when it is empty.
pub fn quantiles(h: &Histogram<u64>) -> Option<Percentiles> {
    if h.is_empty() {
        return None;
    }
    let ms = |q: f64| h.value_at_quantile(q) as f64 / 1000.0;
    let n = h.len();
    // The value of rank r: the quantile just under r/n reads the r-th value.
    let rank = |r: u64| ms((r as f64 - 0.5) / n as f64);
    let (low, high) = quantile_ranks(n, 0.95);
    Some(Percentiles {
        n,
        p50: ms(0.50),
        p90: ms(0.90),
        p95: ms(0.95),
        p95_low: low.map(rank),
        p95_high: high.map(rank),
        p99: ms(0.99),
        max: h.max() as f64 / 1000.0,
    })
}

/// The ranks (1-based) of the order statistics that bound the `q` quantile
/// of `n` values with 95% confidence, whatever their distribution: the
/// count of values below the true quantile is Binomial(n, q), so the lower
/// rank is the largest l with P(count < l) ≤ 2.5% and the upper the smallest
/// u with P(count ≥ u) ≤ 2.5%. `None` for a bound the values cannot give
/// (too few of them: the upper bound of the 95th percentile needs 72).
pub fn quantile_ranks(n: u64, q: f64) -> (Option<u64>, Option<u64>) {
    if n == 0 || !(0.0..=1.0).contains(&q) {
        return (None, None);
    }
    let tail: f64 = 0.025;
    let count = Binomial::new(q, n).expect("q is a probability");
    // The smallest x in 0..=n with P(count ≤ x) ≥ p (n when none is).
    let smallest = |p: f64| {
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if count.cdf(mid) >= p {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo
    };
    // P(count < l) = P(count ≤ l − 1) ≤ tail: l − 1 is below the first x
    // whose cdf exceeds the tail.
    let first_over = smallest(f64::from_bits(tail.to_bits() + 1));
    let low = (first_over >= 1).then_some(first_over);
    // P(count ≥ u) ≤ tail ⟺ P(count ≤ u − 1) ≥ 1 − tail.
    let high = smallest(1.0 - tail) + 1;
    (low, (high <= n).then_some(high))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Percentiles in milliseconds of values in microseconds.
    fn percentiles(values: impl Iterator<Item = u64>) -> Option<Percentiles> {
        let mut h = histogram();
        for v in values {
            h.saturating_record(v.max(1));
        }
        quantiles(&h)
    }

    #[test]
    fn percentiles_of_a_known_spread() {
        let p = percentiles((1..=100).map(|ms| ms * 1000)).unwrap();
        assert!((p.p50 - 50.0).abs() < 0.1, "{p:?}");
        assert!((p.p95 - 95.0).abs() < 0.1, "{p:?}");
        assert!((p.max - 100.0).abs() < 0.1, "{p:?}");
        assert!(percentiles(std::iter::empty()).is_none());
    }

    #[test]
    fn quantile_ranks_match_the_binomial_tables() {
        assert_eq!(quantile_ranks(100, 0.95), (Some(90), Some(100)));
        assert_eq!(quantile_ranks(200, 0.95), (Some(184), Some(197)));
        assert_eq!(quantile_ranks(72, 0.95), (Some(64), Some(72)));
        assert_eq!(quantile_ranks(71, 0.95).1, None);
        assert_eq!(quantile_ranks(20, 0.95), (Some(17), None));
        assert_eq!(quantile_ranks(0, 0.95), (None, None));
    }

    proptest! {
        #[test]
        fn percentiles_are_ordered_and_bounded(values in proptest::collection::vec(1u64..10_000_000, 1..200)) {
            let p = percentiles(values.iter().copied()).unwrap();
            let lo = *values.iter().min().unwrap() as f64 / 1000.0;
            let hi = *values.iter().max().unwrap() as f64 / 1000.0;
            prop_assert!(p.p50 <= p.p90 && p.p90 <= p.p95 && p.p95 <= p.p99 && p.p99 <= p.max);
            // Within the histogram's 0.1% resolution of the true range.
            prop_assert!(p.p50 >= lo * 0.999 && p.max <= hi * 1.001);
        }
    }
}
