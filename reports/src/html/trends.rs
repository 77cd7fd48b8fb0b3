//! The HTML report's trends: each model's quality, latency and cost on a
//! task over the runs of the history.

use crate::format::{dollars, duration_ms, percent, percent_ci};
use crate::trend::{trend_chart, Scale, TrendChart, TrendInput};
use crate::{HistoryPoint, ReportModel};
use serde::Serialize;

/// One model's trends on one task.
#[derive(Debug, Serialize)]
pub(super) struct TrendRow {
    model: String,
    charts: Vec<TrendChart>,
}

/// Each model's quality, p95 latency and cost on `task` over the runs of
/// the history, when it has at least two.
pub(super) fn trend_rows(report: &ReportModel, task: &str) -> Vec<TrendRow> {
    if report.history.len() < 2 {
        return Vec::new();
    }
    let mut models: Vec<&str> = Vec::new();
    for run in &report.history {
        for p in run.points.iter().filter(|p| p.task == task) {
            if !models.contains(&p.model.as_str()) {
                models.push(&p.model);
            }
        }
    }
    models
        .into_iter()
        .map(|model| {
            let series = |value: &Measure| series(report, task, model, value);
            let quality = series(&|p| match p.quality {
                Some(q) => (Some(q.estimate), Some((q.low, q.high)), percent_ci(&q)),
                None => (None, None, "–".into()),
            });
            let latency = series(&|p| {
                (
                    p.latency_p95_ms,
                    None,
                    p.latency_p95_ms.map_or("–".into(), duration_ms),
                )
            });
            let cost = series(&|p| {
                let per_1k = p.usd_per_request.map(|u| u * 1000.0);
                (per_1k, None, per_1k.map_or("–".into(), dollars))
            });
            let charts = [
                trend_chart("quality", &quality, Scale::Unit, percent),
                trend_chart("p95 latency", &latency, Scale::FromZero, duration_ms),
                trend_chart("$ per 1,000 requests", &cost, Scale::FromZero, dollars),
            ]
            .into_iter()
            .flatten()
            .collect();
            TrendRow {
                model: model.to_string(),
                charts,
            }
        })
        .collect()
}

/// What a trend shows of one run's point: its value, interval and text.
type Measure = dyn Fn(&HistoryPoint) -> (Option<f64>, Option<(f64, f64)>, String);

/// `measure` of `task` × `model` in each run of the history, oldest first.
fn series(report: &ReportModel, task: &str, model: &str, measure: &Measure) -> Vec<TrendInput> {
    report
        .history
        .iter()
        .map(|run| {
            let point = run
                .points
                .iter()
                .find(|p| p.task == task && p.model == model);
            let (value, interval, text) = point.map_or((None, None, "not run".into()), measure);
            TrendInput {
                run: crate::format::time(&run.started_at),
                value,
                interval,
                text,
                changed: point.map(|p| p.changed.clone()).unwrap_or_default(),
            }
        })
        .collect()
}
