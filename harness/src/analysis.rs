//! From stored trials to a [`ReportModel`]: per task × model quality, pass
//! rate, errors, latency percentiles (hdrhistogram: end-to-end, time to
//! first token, time per output token, output tokens per second), tokens
//! and cost. The definitions are vLLM's `bench serve` ones (see README).

use crate::store::{RunRow, Store, StoreError};
use hdrhistogram::Histogram;
use sizeup_reports::{
    Cell, ModelInfo, Percentiles, ReportModel, RunInfo, TaskInfo, TrialRecord, FORMAT_VERSION,
};
use std::collections::BTreeMap;

/// Builds the full report of run `id` (or `latest`) from the store alone,
/// every trial included.
pub fn report(store: &Store, id: &str) -> Result<ReportModel, StoreError> {
    build(store, id, true)
}

/// The same report without the trials: its memory does not grow with the run.
pub fn summary(store: &Store, id: &str) -> Result<ReportModel, StoreError> {
    build(store, id, false)
}

fn build(store: &Store, id: &str, keep_trials: bool) -> Result<ReportModel, StoreError> {
    let run = store.run(id)?;
    let models: Vec<ModelInfo> = serde_json::from_str(&run.models).unwrap_or_default();
    let tasks: Vec<TaskInfo> = serde_json::from_str(&run.tasks).unwrap_or_default();
    let mut cells: BTreeMap<(usize, usize), Acc> = BTreeMap::new();
    let mut trials = Vec::new();
    let (mut done, mut cost) = (0u64, 0.0);
    store.visit_trials(&run.id, keep_trials, |t| {
        done += 1;
        cost += t.cost_usd;
        let task = tasks.iter().position(|x| x.id == t.task);
        let model = models.iter().position(|x| x.id == t.model);
        if let (Some(ti), Some(mi)) = (task, model) {
            cells.entry((ti, mi)).or_insert_with(Acc::new).add(&t);
        }
        if keep_trials {
            trials.push(t);
        }
    })?;
    let cells = cells
        .into_iter()
        .map(|((ti, mi), acc)| acc.cell(&tasks[ti].id, &models[mi].id))
        .collect();
    Ok(ReportModel {
        format_version: FORMAT_VERSION,
        run: info(&run, done, cost),
        models,
        tasks,
        cells,
        trials,
    })
}

fn info(run: &RunRow, done: u64, cost_usd: f64) -> RunInfo {
    RunInfo {
        id: run.id.clone(),
        suite: run.suite.clone(),
        suite_path: run.suite_path.clone(),
        started_at: run.started_at.clone(),
        finished_at: run.finished_at.clone(),
        status: run.status.clone(),
        trials_planned: run.trials_planned,
        trials_done: done,
        cost_usd,
    }
}

/// Running totals of one task × model.
struct Acc {
    n: u64,
    errors: u64,
    error_classes: BTreeMap<String, u64>,
    quality: (f64, u64),
    passed: u64,
    latency: Histogram<u64>,
    ttft: Histogram<u64>,
    tpot: Histogram<u64>,
    /// Output tokens per second, in thousandths, so that `quantiles` gives tokens/s.
    rate: Histogram<u64>,
    input_tokens: u64,
    output_tokens: u64,
    cost_usd: f64,
}

impl Acc {
    fn new() -> Self {
        Self {
            n: 0,
            errors: 0,
            error_classes: BTreeMap::new(),
            quality: (0.0, 0),
            passed: 0,
            latency: histogram(),
            ttft: histogram(),
            tpot: histogram(),
            rate: histogram(),
            input_tokens: 0,
            output_tokens: 0,
            cost_usd: 0.0,
        }
    }

    fn add(&mut self, t: &TrialRecord) {
        self.n += 1;
        self.input_tokens += t.input_tokens;
        self.output_tokens += t.output_tokens;
        self.cost_usd += t.cost_usd;
        if let Some(class) = &t.error_class {
            self.errors += 1;
            *self.error_classes.entry(class.clone()).or_insert(0) += 1;
            return;
        }
        if let Some(q) = t.quality {
            self.quality.0 += q;
            self.quality.1 += 1;
        }
        self.passed += u64::from(t.passed);
        self.latency.saturating_record(t.latency_us.max(1));
        if let Some(ttft) = t.ttft_us {
            self.ttft.saturating_record(ttft.max(1));
            if t.output_tokens >= 2 {
                let tpot = t.latency_us.saturating_sub(ttft) / (t.output_tokens - 1);
                self.tpot.saturating_record(tpot.max(1));
            }
        }
        if t.output_tokens > 0 && t.latency_us > 0 {
            let milli_per_s = t.output_tokens as f64 * 1e9 / t.latency_us as f64;
            self.rate.saturating_record((milli_per_s as u64).max(1));
        }
    }

    fn cell(self, task: &str, model: &str) -> Cell {
        let ok = self.n - self.errors;
        Cell {
            task: task.to_string(),
            model: model.to_string(),
            n: self.n,
            errors: self.errors,
            error_classes: self.error_classes,
            mean_quality: (self.quality.1 > 0).then(|| self.quality.0 / self.quality.1 as f64),
            pass_rate: (ok > 0).then(|| self.passed as f64 / ok as f64),
            latency_ms: quantiles(&self.latency),
            ttft_ms: quantiles(&self.ttft),
            tpot_ms: quantiles(&self.tpot),
            output_tokens_per_s: quantiles(&self.rate),
            input_tokens: self.input_tokens,
            output_tokens: self.output_tokens,
            cost_usd: self.cost_usd,
            usd_per_mtok_output: (self.output_tokens > 0)
                .then(|| self.cost_usd / self.output_tokens as f64 * 1e6),
        }
    }
}

/// One microsecond to one hour at 3 significant digits; slower values are
/// clamped to an hour.
fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid bounds")
}

fn quantiles(h: &Histogram<u64>) -> Option<Percentiles> {
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
