//! Latency percentiles from an HDR histogram: the histogram every
//! measurement (a run's cells, a capacity sweep's levels) is kept in, and
//! the percentiles read from it.

use hdrhistogram::Histogram;
use sizeup_reports::Percentiles;

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
    Some(Percentiles {
        p50: ms(0.50),
        p90: ms(0.90),
        p95: ms(0.95),
        p99: ms(0.99),
        max: h.max() as f64 / 1000.0,
    })
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
