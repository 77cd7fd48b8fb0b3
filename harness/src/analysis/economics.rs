//! Token producer or token consumer: self-hosting a model against the API
//! it would replace, for one task. Hardware is a fixed cost per replica
//! and month, sized for the peak; the API is a price per request. From
//! those: the monthly volume above which self-hosting is cheaper, the
//! replicas the task's volume needs, and a projection over three years
//! with the API's price falling and the volume growing, so that a reader
//! sees whether, and when, the decision flips. Both inputs move the bill:
//! usage tends to rise as unit prices fall (Jevons), so the total is
//! projected with both, not with the price alone.

use sizeup_reports::format::{dollars, group};
use sizeup_reports::{Capacity, Economics, Projection, TaskInfo, HOURS_PER_MONTH};

/// How far the projection looks, in months.
const HORIZON: u32 = 36;

/// Self-hosting `capacity`'s model for `task` against `api`, the model it
/// would replace, at `api_usd_per_request`; `None` without a goodput or an
/// hourly price.
pub fn economics(
    task: &TaskInfo,
    capacity: &Capacity,
    api: &str,
    api_usd_per_request: f64,
) -> Option<Economics> {
    let goodput = capacity.goodput_rps.filter(|g| *g > 0.0)?;
    let hourly = capacity.hourly_usd.filter(|h| *h > 0.0)?;
    let inputs = capacity.economics;
    let replica_monthly = hourly * HOURS_PER_MONTH;
    let per_replica = goodput * 3600.0 * HOURS_PER_MONTH / inputs.peak_to_average;
    // A full replica must serve more in API money than it costs, or no
    // volume makes self-hosting pay.
    let break_even = (per_replica * api_usd_per_request >= replica_monthly)
        .then(|| replica_monthly / api_usd_per_request);
    let replicas = |volume: f64| (volume / per_replica).ceil().max(1.0);
    let volume = task.requests_per_month.map(|v| v as f64);
    let month = |m: u32, volume: f64| {
        let years = f64::from(m) / 12.0;
        let requests = volume * (1.0 + inputs.volume_growth).powf(years);
        let api = requests * api_usd_per_request * (1.0 - inputs.api_price_decline).powf(years);
        (requests, api, replicas(requests) * replica_monthly)
    };
    let mut projection = Vec::new();
    let (mut cheaper_from, mut api_again_from) = (None, None);
    if let Some(volume) = volume {
        let (mut requests, mut api, mut own) = (0.0, 0.0, 0.0);
        for m in 0..HORIZON {
            let (r, a, o) = month(m, volume);
            requests += r;
            api += a;
            own += o;
            match (cheaper_from, api_again_from) {
                (None, _) if o < a => cheaper_from = Some(m + 1),
                (Some(_), None) if a <= o => api_again_from = Some(m + 1),
                _ => {}
            }
            if (m + 1) % 12 == 0 {
                projection.push(Projection {
                    months: m + 1,
                    requests,
                    api_usd: api,
                    self_hosted_usd: own,
                });
            }
        }
    }
    let now = volume.map(|v| month(0, v));
    let mut e = Economics {
        task: task.id.clone(),
        model: capacity.model.clone(),
        replaces: api.to_string(),
        api_usd_per_request,
        hourly_usd: hourly,
        replica_requests_per_month: per_replica,
        break_even_requests_per_month: break_even,
        replicas: now.map(|(r, _, _)| replicas(r) as u64),
        machines: now.map(|(r, _, _)| replicas(r) as u64 * u64::from(inputs.machines)),
        api_monthly_usd: now.map(|(_, a, _)| a),
        self_hosted_monthly_usd: now.map(|(_, _, o)| o),
        projection,
        self_hosting_cheaper_from_month: cheaper_from,
        api_cheaper_from_month: api_again_from,
        inputs,
        sentence: String::new(),
    };
    e.sentence = sentence(&e, goodput);
    Some(e)
}

fn sentence(e: &Economics, goodput: f64) -> String {
    let mut s = format!(
        "{}: one replica of {} ({} an hour, {goodput:.1} requests/s within the objectives, sized for a peak {}× the average) serves {} requests a month",
        e.task,
        e.model,
        dollars(e.hourly_usd),
        e.inputs.peak_to_average,
        group(e.replica_requests_per_month as u64)
    );
    match e.break_even_requests_per_month {
        Some(v) => s.push_str(&format!(
            "; self-hosting costs less than {} above {} requests a month.",
            e.replaces,
            group(v.ceil() as u64)
        )),
        None => s.push_str(&format!(
            ", worth {} on {}: less than the replica's {} a month, so self-hosting never pays at today's prices.",
            dollars(e.replica_requests_per_month * e.api_usd_per_request),
            e.replaces,
            dollars(e.hourly_usd * HOURS_PER_MONTH)
        )),
    }
    if let (Some(api), Some(own), Some(n)) =
        (e.api_monthly_usd, e.self_hosted_monthly_usd, e.replicas)
    {
        s.push_str(&format!(
            " At this task's volume: {} a month on {} against {} for {n} replica(s).",
            dollars(api),
            e.replaces,
            dollars(own)
        ));
        let trend = format!(
            " With the API's price falling {:.0}% a year and the volume growing {:.0}%",
            e.inputs.api_price_decline * 100.0,
            e.inputs.volume_growth * 100.0
        );
        match (e.self_hosting_cheaper_from_month, e.api_cheaper_from_month) {
            (Some(1), Some(m)) => s.push_str(&format!(
                "{trend}, the API is cheaper again from month {m}: hardware bought for three years would overpay."
            )),
            (Some(1), None) => s.push_str(&format!(
                "{trend}, self-hosting stays cheaper for three years."
            )),
            (Some(m), _) => s.push_str(&format!(
                "{trend}, self-hosting becomes cheaper from month {m}."
            )),
            (None, _) => s.push_str(&format!("{trend}, the API stays cheaper for three years.")),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use sizeup_reports::EconomicsInputs;

    fn task(volume: Option<u64>) -> TaskInfo {
        TaskInfo {
            id: "t".into(),
            requests_per_month: volume,
            ..sizeup_reports::sample::report().tasks[0].clone()
        }
    }

    fn capacity(goodput: f64, hourly: f64, inputs: EconomicsInputs) -> Capacity {
        Capacity {
            sweep: "s".into(),
            task: "t".into(),
            model: "own".into(),
            started_at: String::new(),
            slo: Default::default(),
            levels: Vec::new(),
            goodput_rps: Some(goodput),
            goodput_ceiling_rps: None,
            hourly_usd: Some(hourly),
            economics: inputs,
            usd_per_request: None,
            usd_per_mtok_output: None,
        }
    }

    #[test]
    fn break_even_and_replicas_follow_from_goodput_and_prices() {
        // $1/h is $730 a month; at $0.001 a request the API costs as much
        // at 730,000 requests a month. One replica at 1 request/s and a peak
        // 3× the average serves 876,000 a month, so it can get there.
        let inputs = EconomicsInputs {
            api_price_decline: 0.0,
            volume_growth: 0.0,
            ..EconomicsInputs::default()
        };
        let e = economics(
            &task(Some(2_000_000)),
            &capacity(1.0, 1.0, inputs),
            "api",
            0.001,
        )
        .unwrap();
        assert!((e.break_even_requests_per_month.unwrap() - 730_000.0).abs() < 1e-6);
        assert!((e.replica_requests_per_month - 876_000.0).abs() < 1e-6);
        // 2,000,000 requests need 3 replicas: $2,190 against $2,000.
        assert_eq!(e.replicas, Some(3));
        assert!((e.self_hosted_monthly_usd.unwrap() - 2190.0).abs() < 1e-6);
        assert!((e.api_monthly_usd.unwrap() - 2000.0).abs() < 1e-6);
        assert_eq!(e.self_hosting_cheaper_from_month, None);
        assert_eq!(e.projection.len(), 3);
        assert!((e.projection[2].api_usd - 72_000.0).abs() < 1e-6);
        assert!(
            e.sentence.contains("above 730,000 requests a month"),
            "{}",
            e.sentence
        );
    }

    #[test]
    fn a_replica_worth_less_than_it_costs_never_pays() {
        let e = economics(
            &task(None),
            &capacity(0.1, 10.0, EconomicsInputs::default()),
            "api",
            0.001,
        )
        .unwrap();
        assert_eq!(e.break_even_requests_per_month, None);
        assert!(e.projection.is_empty());
        assert!(e.sentence.contains("never pays"), "{}", e.sentence);
    }

    #[test]
    fn falling_api_prices_flip_the_decision_back() {
        // Cheaper to self-host today, but the API halves its price each
        // year while the volume stays: the API wins again in year two.
        let inputs = EconomicsInputs {
            api_price_decline: 0.5,
            volume_growth: 0.0,
            ..EconomicsInputs::default()
        };
        let e = economics(
            &task(Some(1_000_000)),
            &capacity(10.0, 1.0, inputs),
            "api",
            0.001,
        )
        .unwrap();
        assert_eq!(e.self_hosting_cheaper_from_month, Some(1));
        // $1,000 × 0.5^(m/12) falls under $730 at m > 12 × log2(1000/730) ≈ 5.4.
        assert_eq!(e.api_cheaper_from_month, Some(7));
        assert!(
            e.sentence.contains("cheaper again from month 7"),
            "{}",
            e.sentence
        );
        // Volume growing faster than prices fall keeps the API dearer.
        let growing = EconomicsInputs {
            volume_growth: 1.5,
            ..inputs
        };
        let e = economics(
            &task(Some(1_000_000)),
            &capacity(10.0, 1.0, growing),
            "api",
            0.001,
        )
        .unwrap();
        assert_eq!(e.api_cheaper_from_month, None);
    }
}
