//! The HTML report's capacity and economics sections: each swept model's
//! levels, and self-hosting it against the task's reference.

use crate::format::{compact, dollars, duration_ms, group, percent};
use crate::xy::{xy_chart, Extras, SeriesInput, XyChart};
use crate::{LoadKind, ReportModel, HOURS_PER_MONTH};
use serde::Serialize;

/// A capacity sweep of one model on the task.
#[derive(Debug, Serialize)]
pub(super) struct CapacityView {
    model: String,
    sweep: String,
    started_at: String,
    objectives: String,
    goodput: Option<String>,
    /// The lowest offered rate above the goodput that did not hold.
    ceiling: Option<String>,
    cost: Option<String>,
    levels: Vec<LevelRow>,
    chart: Option<XyChart>,
}

#[derive(Debug, Serialize)]
struct LevelRow {
    load: String,
    rps: String,
    tokens_per_s: String,
    ttft: String,
    tpot: String,
    e2e: String,
    errors: String,
    meets: &'static str,
}

/// Self-hosting one swept model against the task's reference.
#[derive(Debug, Serialize)]
pub(super) struct EconomicsView {
    model: String,
    replaces: String,
    sentence: String,
    break_even: String,
    replicas: Option<String>,
    rows: Vec<ProjectionRow>,
    chart: Option<XyChart>,
    break_even_chart: Option<XyChart>,
    inputs: String,
}

#[derive(Debug, Serialize)]
struct ProjectionRow {
    months: u32,
    requests: String,
    api: String,
    own: String,
    cheaper: &'static str,
}

pub(super) fn capacity_views(report: &ReportModel, task: &str) -> Vec<CapacityView> {
    let ms = |p: Option<crate::Percentiles>| p.map_or("–".into(), |p| duration_ms(p.p95));
    report
        .capacity
        .iter()
        .filter(|c| c.task == task)
        .map(|c| {
            let mut by_throughput: Vec<&crate::CapacityLevel> =
                c.levels.iter().filter(|l| l.latency_ms.is_some()).collect();
            by_throughput.sort_by(|a, b| a.throughput_rps.total_cmp(&b.throughput_rps));
            let points = by_throughput
                .iter()
                .map(|l| {
                    let p95 = l.latency_ms.map_or(0.0, |p| p.p95);
                    (
                        l.throughput_rps,
                        p95,
                        format!(
                            "{} {}: {:.2} req/s, p95 {}",
                            l.load,
                            l.target,
                            l.throughput_rps,
                            duration_ms(p95)
                        ),
                    )
                })
                .collect();
            let goodput_level = c.goodput_rps.and_then(|g| {
                c.levels
                    .iter()
                    .filter(|l| l.meets_slo == Some(true))
                    .find(|l| (l.throughput_rps - g).abs() < 1e-9 || (l.target - g).abs() < 1e-9)
            });
            let chart = xy_chart(
                vec![SeriesInput {
                    label: "p95 end to end".into(),
                    class: "a",
                    points,
                }],
                ("requests per second served", &|v| {
                    format!("{v:.3}")
                        .trim_end_matches('0')
                        .trim_end_matches('.')
                        .to_string()
                }),
                ("p95 latency", &duration_ms),
                Extras {
                    rule: c
                        .slo
                        .get("p95_latency_ms")
                        .map(|v| (*v, format!("SLO {}", duration_ms(*v)))),
                    mark: goodput_level.and_then(|l| {
                        let p95 = l.latency_ms?.p95;
                        Some((
                            l.throughput_rps,
                            p95,
                            format!("goodput {:.1}/s", c.goodput_rps?),
                        ))
                    }),
                },
            );
            let objectives: Vec<String> = c
                .slo
                .iter()
                .map(|(k, v)| match k.as_str() {
                    "max_error_rate" => format!("errors ≤ {}", percent(*v)),
                    name => format!(
                        "{} ≤ {}",
                        name.trim_end_matches("_ms").replace('_', " "),
                        duration_ms(*v)
                    ),
                })
                .collect();
            CapacityView {
                model: c.model.clone(),
                sweep: c.sweep.clone(),
                started_at: crate::format::time(&c.started_at),
                objectives: objectives.join(", "),
                goodput: c.goodput_rps.map(|g| format!("{g:.2} requests/s served")),
                ceiling: c.goodput_ceiling_rps.map(|r| format!("{r:.2} requests/s")),
                cost: c.usd_per_request.map(|usd| {
                    let mut text = format!(
                        "{} a request at {:.0}% of the goodput and {} an hour",
                        dollars(usd),
                        c.economics.utilisation * 100.0,
                        c.hourly_usd.map_or("–".into(), dollars)
                    );
                    if let Some(m) = c.usd_per_mtok_output {
                        text.push_str(&format!("; {} per million output tokens", dollars(m)));
                    }
                    text
                }),
                levels: c
                    .levels
                    .iter()
                    .map(|l| LevelRow {
                        load: match l.load {
                            LoadKind::Concurrency => format!("{} in flight", l.target),
                            LoadKind::Poisson => format!("Poisson {:.2}/s", l.target),
                            LoadKind::Rate => format!("{:.2}/s", l.target),
                        },
                        rps: format!("{:.2}", l.throughput_rps),
                        tokens_per_s: format!("{:.1}", l.output_tokens_per_s),
                        ttft: ms(l.ttft_ms),
                        tpot: ms(l.tpot_ms),
                        e2e: ms(l.latency_ms),
                        errors: group(l.errors),
                        meets: match l.meets_slo {
                            Some(true) => "yes",
                            Some(false) => "no",
                            None => "–",
                        },
                    })
                    .collect(),
                chart,
            }
        })
        .collect()
}

/// Monthly cost against monthly volume: the API's line through zero, the
/// replicas' steps (one more each time a replica fills at the peak), and
/// the break-even where they cross.
fn break_even_chart(e: &crate::Economics) -> Option<XyChart> {
    let replica = e.hourly_usd * HOURS_PER_MONTH;
    let per_replica = e.replica_requests_per_month;
    // Wide enough for the break-even (or a first full replica) and the
    // task's own volume.
    let volume = e.api_monthly_usd.map_or(0.0, |m| m / e.api_usd_per_request);
    let reach = e
        .break_even_requests_per_month
        .unwrap_or(per_replica)
        .max(volume);
    let x_max = 2.0 * reach;
    let requests = |v: f64| format!("{} a month", group(v.round() as u64));
    let mut steps = vec![(0.0, replica, format!("1 replica: {}", dollars(replica)))];
    // At most 60 steps: past that the staircase reads as a line anyway.
    for k in 1..=60u32 {
        let edge = f64::from(k) * per_replica;
        let cost = f64::from(k) * replica;
        let label = format!("{k} replica(s) up to {}: {}", requests(edge), dollars(cost));
        if edge >= x_max {
            steps.push((x_max, cost, label));
            break;
        }
        steps.push((edge, cost, label.clone()));
        steps.push((edge, cost + replica, label));
    }
    let api = (0..=10)
        .map(|i| {
            let v = x_max * f64::from(i) / 10.0;
            (
                v,
                v * e.api_usd_per_request,
                format!("{}: {}", requests(v), dollars(v * e.api_usd_per_request)),
            )
        })
        .collect();
    xy_chart(
        vec![
            SeriesInput {
                label: format!("{} (API)", e.replaces),
                class: "a",
                points: api,
            },
            SeriesInput {
                label: format!("{} (self-hosted)", e.model),
                class: "b",
                points: steps,
            },
        ],
        ("requests per month", &compact),
        ("cost per month", &dollars),
        Extras {
            rule: None,
            mark: e.break_even_requests_per_month.map(|v| {
                (
                    v,
                    v * e.api_usd_per_request,
                    format!("break-even {}", compact(v)),
                )
            }),
        },
    )
}

pub(super) fn economics_views(report: &ReportModel, task: &str) -> Vec<EconomicsView> {
    report
        .economics
        .iter()
        .filter(|e| e.task == task)
        .map(|e| {
            let line = |label: &str, class: &'static str, value: &dyn Fn(&crate::Projection) -> f64| SeriesInput {
                label: label.to_string(),
                class,
                points: std::iter::once((0.0, 0.0, "now".to_string()))
                    .chain(e.projection.iter().map(|p| {
                        (f64::from(p.months), value(p), format!("{} months: {}", p.months, dollars(value(p))))
                    }))
                    .collect(),
            };
            let chart = (!e.projection.is_empty())
                .then(|| {
                    xy_chart(
                        vec![
                            line(&format!("{} (API)", e.replaces), "a", &|p| p.api_usd),
                            line(&format!("{} (self-hosted)", e.model), "b", &|p| p.self_hosted_usd),
                        ],
                        ("months from now", &|v| format!("{v:.0}")),
                        ("spent so far", &dollars),
                        Extras { rule: None, mark: None },
                    )
                })
                .flatten();
            EconomicsView {
                break_even_chart: break_even_chart(e),
                model: e.model.clone(),
                replaces: e.replaces.clone(),
                sentence: e.sentence.clone(),
                break_even: e.break_even_requests_per_month.map_or_else(
                    || "never, at today's prices".to_string(),
                    |v| format!("{} requests a month", group(v.ceil() as u64)),
                ),
                replicas: e.replicas.zip(e.machines).map(|(r, m)| format!("{r} replica(s) on {m} machine(s)")),
                rows: e
                    .projection
                    .iter()
                    .map(|p| ProjectionRow {
                        months: p.months,
                        requests: group(p.requests.round() as u64),
                        api: dollars(p.api_usd),
                        own: dollars(p.self_hosted_usd),
                        cheaper: if p.self_hosted_usd < p.api_usd { "self-hosted" } else { "API" },
                    })
                    .collect(),
                chart,
                inputs: format!(
                    "utilisation {:.0}% of the goodput; replicas sized for a peak {}× the average; API price falling {:.0}% a year; volume growing {:.0}% a year; {} machine(s) a replica",
                    e.inputs.utilisation * 100.0,
                    e.inputs.peak_to_average,
                    e.inputs.api_price_decline * 100.0,
                    e.inputs.volume_growth * 100.0,
                    e.inputs.machines
                ),
            }
        })
        .collect()
}
