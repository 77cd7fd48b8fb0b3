//! What a capacity sweep means for money: a self-hosted replica that serves
//! `goodput` requests a second within the objectives, used at a stated
//! share of that on average, costs its hourly price over the requests it
//! serves in an hour. This is the honest price of self-hosting: the
//! one-request-at-a-time figure of a run charges the whole machine to a
//! single request and makes a batching server look many times dearer.

use crate::store::SweepRow;
use sizeup_reports::{Capacity, CapacityLevel};

/// Seconds in an hour.
const HOUR: f64 = 3600.0;

/// Dollars per request of a replica at `hourly_usd` serving `goodput_rps`
/// at `utilisation` of it on average.
pub fn usd_per_request(hourly_usd: f64, goodput_rps: f64, utilisation: f64) -> f64 {
    hourly_usd / (goodput_rps * HOUR * utilisation)
}

/// The report's view of a stored sweep: its levels, goodput and cost.
pub fn view(row: &SweepRow, levels: Vec<CapacityLevel>) -> Capacity {
    let priced = row
        .hourly_usd
        .zip(row.goodput_rps)
        .filter(|(_, g)| *g > 0.0);
    // Output tokens per second at the goodput level, for the price per
    // million output tokens.
    let tokens_per_s = goodput_level(&levels).map(|l| l.output_tokens_per_s);
    Capacity {
        sweep: row.id.clone(),
        task: row.task.clone(),
        model: row.model.clone(),
        started_at: row.started_at.clone(),
        slo: row.slo.clone(),
        goodput_rps: row.goodput_rps,
        goodput_ceiling_rps: ceiling(&levels),
        hourly_usd: row.hourly_usd,
        economics: row.economics,
        usd_per_request: priced.map(|(h, g)| usd_per_request(h, g, row.economics.utilisation)),
        usd_per_mtok_output: priced.zip(tokens_per_s).and_then(|((h, _), t)| {
            (t > 0.0).then(|| h / (t * HOUR * row.economics.utilisation) * 1e6)
        }),
        levels,
    }
}

/// The goodput of `levels`: the highest served rate of a rate or Poisson
/// level that met every objective and was sustained; with no such level
/// measured, the highest throughput of a concurrency level that did (its
/// queue is then the client's).
pub fn goodput(levels: &[CapacityLevel]) -> Option<f64> {
    goodput_level(levels).map(|l| l.throughput_rps)
}

/// The level that gives the goodput.
fn goodput_level(levels: &[CapacityLevel]) -> Option<&CapacityLevel> {
    let open = levels.iter().any(|l| l.load.open());
    levels
        .iter()
        .filter(|l| l.meets_slo == Some(true) && l.load.open() == open)
        .max_by(|a, b| a.throughput_rps.total_cmp(&b.throughput_rps))
}

/// The lowest rate offered above the goodput's level that did not hold:
/// the bracket's upper end, for a goodput found at offered rates.
pub fn ceiling(levels: &[CapacityLevel]) -> Option<f64> {
    let floor = goodput_level(levels).filter(|l| l.load.open())?.target;
    levels
        .iter()
        .filter(|l| l.load.open() && l.meets_slo == Some(false) && l.target > floor)
        .map(|l| l.target)
        .min_by(f64::total_cmp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sizeup_reports::LoadKind;

    #[test]
    fn a_busy_replica_costs_its_hour_over_the_requests_it_serves() {
        // $2.16 an hour, 10 requests a second at 60%: 21,600 requests an hour.
        let usd = usd_per_request(2.16, 10.0, 0.6);
        assert!((usd - 0.0001).abs() < 1e-12, "{usd}");
    }

    fn level(load: LoadKind, target: f64, served: f64, meets: bool) -> CapacityLevel {
        CapacityLevel {
            load,
            target,
            sent: 100,
            measured: 80,
            errors: 0,
            error_classes: Default::default(),
            resent: 0,
            duration_s: 10.0,
            offered_rps: target,
            throughput_rps: served,
            output_tokens_per_s: 0.0,
            ttft_ms: None,
            tpot_ms: None,
            latency_ms: None,
            latency_growth: None,
            meets_slo: Some(meets),
            cut_short: false,
        }
    }

    #[test]
    fn the_goodput_is_served_and_bracketed_by_the_next_level_that_failed() {
        let levels = [
            level(LoadKind::Concurrency, 1.0, 20.0, true),
            level(LoadKind::Rate, 40.0, 39.8, true),
            level(LoadKind::Rate, 80.0, 78.9, true),
            level(LoadKind::Rate, 160.0, 80.2, false),
            level(LoadKind::Rate, 120.0, 80.1, false),
            level(LoadKind::Rate, 100.0, 79.6, false),
        ];
        let g = goodput(&levels).unwrap();
        assert_eq!(g, 78.9, "served, not the 80 offered");
        assert_eq!(ceiling(&levels), Some(100.0));
        // Only concurrency levels: their throughput, and no bracket.
        assert_eq!(goodput(&levels[..1]), Some(20.0));
        assert_eq!(ceiling(&levels[..1]), None);
    }
}
