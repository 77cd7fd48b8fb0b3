//! [`Acc`]: the running summary of one task × model, one trial at a time.
//!
//! A trial that ended in an error scores 0 and fails (a model that fails
//! 30% of its cases must not look perfect); quality over the answered
//! trials is kept beside it, labelled as such. Cached answers count for
//! quality but not for latency, which they did not measure in this run.
//! Percentiles come from hdrhistogram at three significant digits; the
//! definitions are vLLM's `bench serve` ones (see README).

use super::statistics::{clustered_mean, wilson};
use crate::percentiles::{histogram, quantiles};
use hdrhistogram::Histogram;
use sizeup_reports::{Cell, TrialRecord};
use std::collections::BTreeMap;

/// One case's trials of one model: their quality (an error scoring 0) and
/// how many passed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseScores {
    /// Quality of each trial (repeat).
    pub qualities: Vec<f64>,
    /// Trials that passed.
    pub passed: u32,
}

impl CaseScores {
    /// Mean quality over the case's trials.
    pub fn mean(&self) -> f64 {
        self.qualities.iter().sum::<f64>() / self.qualities.len().max(1) as f64
    }

    /// Share of the case's trials that passed.
    pub fn pass_share(&self) -> f64 {
        f64::from(self.passed) / self.qualities.len().max(1) as f64
    }

    /// The case passed: at least half of its trials did.
    pub fn passed(&self) -> bool {
        2 * self.passed as usize >= self.qualities.len().max(1)
    }
}

/// Running totals of one task × model.
pub struct Acc {
    n: u64,
    errors: u64,
    error_classes: BTreeMap<String, u64>,
    cached: u64,
    /// Sum of quality over answered trials, and their count.
    answered: (f64, u64),
    passed: u64,
    latency: Histogram<u64>,
    ttft: Histogram<u64>,
    tpot: Histogram<u64>,
    /// Output tokens per second, in thousandths, so that `quantiles` gives tokens/s.
    rate: Histogram<u64>,
    input_tokens: u64,
    output_tokens: u64,
    /// Output tokens of the trials measured in this run (not cached).
    measured_output_tokens: u64,
    cost_usd: f64,
    failure_cost_usd: f64,
    /// Each case's trials, by case id.
    cases: BTreeMap<String, CaseScores>,
}

impl Acc {
    /// Nothing counted yet.
    pub fn new() -> Self {
        Self {
            n: 0,
            errors: 0,
            error_classes: BTreeMap::new(),
            cached: 0,
            answered: (0.0, 0),
            passed: 0,
            latency: histogram(),
            ttft: histogram(),
            tpot: histogram(),
            rate: histogram(),
            input_tokens: 0,
            output_tokens: 0,
            measured_output_tokens: 0,
            cost_usd: 0.0,
            failure_cost_usd: 0.0,
            cases: BTreeMap::new(),
        }
    }

    /// Counts one trial.
    pub fn add(&mut self, t: &TrialRecord) {
        self.n += 1;
        self.input_tokens += t.input_tokens;
        self.output_tokens += t.output_tokens;
        if !t.cached {
            self.measured_output_tokens += t.output_tokens;
        }
        self.cost_usd += t.cost_usd;
        self.failure_cost_usd += t.failure_cost_usd;
        self.cached += u64::from(t.cached);
        let case = self.cases.entry(t.case.clone()).or_default();
        let answered = t.error_class.is_none();
        case.qualities.push(if answered {
            t.quality.unwrap_or(0.0)
        } else {
            0.0
        });
        case.passed += u32::from(answered && t.passed);
        if let Some(class) = &t.error_class {
            self.errors += 1;
            *self.error_classes.entry(class.clone()).or_insert(0) += 1;
            return;
        }
        self.answered.0 += t.quality.unwrap_or(0.0);
        self.answered.1 += 1;
        self.passed += u64::from(t.passed);
        if t.cached {
            return;
        }
        self.latency.saturating_record(t.latency_us.max(1));
        if let Some(ttft) = t.ttft_us {
            self.ttft.saturating_record(ttft.max(1));
            // Reasoning tokens come before the first visible token.
            let visible = t.output_tokens - t.reasoning_tokens.min(t.output_tokens);
            if visible >= 2 {
                let tpot = t.latency_us.saturating_sub(ttft) / (visible - 1);
                self.tpot.saturating_record(tpot.max(1));
            }
        }
        if t.output_tokens > 0 && t.latency_us > 0 {
            let milli_per_s = t.output_tokens as f64 * 1e9 / t.latency_us as f64;
            self.rate.saturating_record((milli_per_s as u64).max(1));
        }
    }

    /// The summary of everything counted, priced at `requests_per_month`,
    /// and the trials by case for the comparison with the reference.
    pub fn cell(
        self,
        task: &str,
        model: &str,
        requests_per_month: Option<u64>,
    ) -> (Cell, BTreeMap<String, CaseScores>) {
        let n = self.n as f64;
        let measured = self.n - self.cached;
        let usd_per_request =
            (measured > 0).then(|| (self.cost_usd + self.failure_cost_usd) / measured as f64);
        let per_case: Vec<Vec<f64>> = self.cases.values().map(|c| c.qualities.clone()).collect();
        let cell = Cell {
            task: task.to_string(),
            model: model.to_string(),
            n: self.n,
            errors: self.errors,
            error_classes: self.error_classes,
            cached: self.cached,
            // Errors add nothing to the sum and count in the denominator.
            mean_quality: (self.n > 0).then(|| self.answered.0 / n),
            answered_quality: (self.answered.1 > 0)
                .then(|| self.answered.0 / self.answered.1 as f64),
            pass_rate: (self.n > 0).then(|| self.passed as f64 / n),
            latency_ms: quantiles(&self.latency),
            ttft_ms: quantiles(&self.ttft),
            tpot_ms: quantiles(&self.tpot),
            output_tokens_per_s: quantiles(&self.rate),
            input_tokens: self.input_tokens,
            output_tokens: self.output_tokens,
            cost_usd: self.cost_usd,
            failure_cost_usd: self.failure_cost_usd,
            // What this run paid (answers and failed attempts) per million
            // tokens it was sent back; cached answers cost nothing here.
            usd_per_mtok_output: (self.measured_output_tokens > 0).then(|| {
                (self.cost_usd + self.failure_cost_usd) / self.measured_output_tokens as f64 * 1e6
            }),
            quality_ci: clustered_mean(&per_case),
            // Cases, not trials: repeats of a case are not independent.
            pass_ci: wilson(
                self.cases.values().filter(|c| c.passed()).count() as u64,
                self.cases.len() as u64,
            ),
            error_rate: (self.n > 0).then(|| self.errors as f64 / n),
            vs_reference: None,
            usd_per_request,
            monthly_usd: usd_per_request
                .zip(requests_per_month)
                .map(|(usd, volume)| usd * volume as f64),
            cost_basis: None,
            usd_per_request_busy: None,
            misses: None,
            undecided: None,
        };
        (cell, self.cases)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trial(quality: Option<f64>, error: Option<&str>, cached: bool) -> TrialRecord {
        TrialRecord {
            error_class: error.map(String::from),
            output_tokens: 11,
            reasoning_tokens: 5,
            latency_us: if cached { 900_000 } else { 600_000 },
            cached,
            // The run that reused a cached answer paid nothing for it.
            cost_usd: if cached { 0.0 } else { 0.01 },
            failure_cost_usd: if cached { 0.0 } else { 0.002 },
            ..crate::analysis::test_trial("1", quality)
        }
    }

    #[test]
    fn errors_score_zero_and_cached_answers_are_not_timed() {
        let mut acc = Acc::new();
        for t in [
            trial(Some(1.0), None, false),
            trial(Some(1.0), None, false),
            trial(Some(0.5), None, true),
            trial(None, Some("timeout"), false),
        ] {
            acc.add(&t);
        }
        let (c, cases) = acc.cell("t", "m", Some(1000));
        assert_eq!(cases["1"].qualities, [1.0, 1.0, 0.5, 0.0]);
        assert_eq!(cases["1"].passed, 2);
        assert_eq!(c.error_rate, Some(0.25));
        // $0.012 a trial over the 3 measured, the cached one left out, at
        // 1,000 a month; per million of the 33 tokens those 3 sent back.
        assert!((c.usd_per_request.unwrap() - 0.012).abs() < 1e-12);
        assert!((c.monthly_usd.unwrap() - 12.0).abs() < 1e-9);
        assert!((c.usd_per_mtok_output.unwrap() - 0.036 / 33.0 * 1e6).abs() < 1e-6);
        // One case, passed by half its trials: one passing case of one.
        assert_eq!(c.pass_ci.unwrap().estimate, 1.0);
        assert_eq!((c.n, c.errors, c.cached), (4, 1, 1));
        assert_eq!(c.mean_quality, Some(2.5 / 4.0));
        assert_eq!(c.answered_quality, Some(2.5 / 3.0));
        assert_eq!(c.pass_rate, Some(0.5));
        assert_eq!(c.error_classes["timeout"], 1);
        // Only the two measured answers are timed: 600 ms each, not 900.
        // (hdrhistogram keeps three significant digits.)
        let max = c.latency_ms.unwrap().max;
        assert!((max - 600.0).abs() < 0.6, "{max}");
        // (600 − 100) ms over the 6 visible tokens after the 5 reasoning
        // ones: 500 / 5 = 100 ms per token.
        let tpot = c.tpot_ms.unwrap().p50;
        assert!((tpot - 100.0).abs() < 0.1, "{tpot}");
        assert!((c.failure_cost_usd - 0.006).abs() < 1e-12);
    }
}
