//! From stored trials to a [`ReportModel`]: per task × model quality, pass
//! rate, errors, latency percentiles (hdrhistogram), tokens and cost.

use crate::store::{RunRow, Store, StoreError};
use hdrhistogram::Histogram;
use sizeup_reports::{
    Cell, ModelInfo, Percentiles, ReportModel, RunInfo, TaskInfo, TrialRecord, FORMAT_VERSION,
};
use std::collections::BTreeMap;

/// Builds the report of run `id` (or `latest`) from the store alone.
pub fn report(store: &Store, id: &str) -> Result<ReportModel, StoreError> {
    let run = store.run(id)?;
    let trials = store.trials(&run.id)?;
    Ok(build(&run, trials))
}

/// Builds the report of a run from its row and trials.
pub fn build(run: &RunRow, trials: Vec<TrialRecord>) -> ReportModel {
    let models: Vec<ModelInfo> = serde_json::from_str(&run.models).unwrap_or_default();
    let tasks: Vec<TaskInfo> = serde_json::from_str(&run.tasks).unwrap_or_default();
    let mut cells = Vec::new();
    for task in &tasks {
        for model in &models {
            let mine: Vec<&TrialRecord> = trials
                .iter()
                .filter(|t| t.task == task.id && t.model == model.id)
                .collect();
            if !mine.is_empty() {
                cells.push(cell(&task.id, &model.id, &mine));
            }
        }
    }
    ReportModel {
        format_version: FORMAT_VERSION,
        run: RunInfo {
            id: run.id.clone(),
            suite: run.suite.clone(),
            suite_path: run.suite_path.clone(),
            started_at: run.started_at.clone(),
            finished_at: run.finished_at.clone(),
            status: run.status.clone(),
            trials_planned: run.trials_planned,
            trials_done: trials.len() as u64,
            cost_usd: trials.iter().map(|t| t.cost_usd).sum(),
        },
        models,
        tasks,
        cells,
        trials,
    }
}

fn cell(task: &str, model: &str, trials: &[&TrialRecord]) -> Cell {
    let ok: Vec<&&TrialRecord> = trials.iter().filter(|t| t.error_class.is_none()).collect();
    let mut error_classes = BTreeMap::new();
    for t in trials {
        if let Some(class) = &t.error_class {
            *error_classes.entry(class.clone()).or_insert(0) += 1;
        }
    }
    let mean = |values: Vec<f64>| {
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    Cell {
        task: task.to_string(),
        model: model.to_string(),
        n: trials.len() as u64,
        errors: (trials.len() - ok.len()) as u64,
        error_classes,
        mean_quality: mean(ok.iter().filter_map(|t| t.quality).collect()),
        pass_rate: mean(ok.iter().map(|t| f64::from(u8::from(t.passed))).collect()),
        latency_ms: percentiles(ok.iter().map(|t| t.latency_us)),
        ttft_ms: percentiles(ok.iter().filter_map(|t| t.ttft_us)),
        input_tokens: trials.iter().map(|t| t.input_tokens).sum(),
        output_tokens: trials.iter().map(|t| t.output_tokens).sum(),
        cost_usd: trials.iter().map(|t| t.cost_usd).sum(),
    }
}

/// Percentiles in milliseconds of values in microseconds (3 significant digits).
pub fn percentiles(values: impl Iterator<Item = u64>) -> Option<Percentiles> {
    // One microsecond to one hour; slower values are clamped to an hour.
    let mut h = Histogram::<u64>::new_with_bounds(1, 3_600_000_000, 3).expect("valid bounds");
    for v in values {
        h.saturating_record(v.max(1));
    }
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
