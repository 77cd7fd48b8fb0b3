//! The report model's comparison with a baseline run and the trends over
//! the runs of the history.

use super::{Interval, Outcome, RunInfo};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a comparison with a baseline looks at.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Mean quality, case by case.
    Quality,
    /// p95 latency, end-to-end and to the first token.
    Latency,
    /// Cost per request.
    Cost,
    /// Share of trials that end in an error.
    Errors,
}

impl Metric {
    /// Every metric, in the order reports list them.
    pub const ALL: [Metric; 4] = [Self::Quality, Self::Latency, Self::Cost, Self::Errors];

    /// Its name in suites, options and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quality => "quality",
            Self::Latency => "latency",
            Self::Cost => "cost",
            Self::Errors => "errors",
        }
    }
}

/// This run against a baseline run of the same suite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SinceBaseline {
    /// The baseline run.
    pub baseline: RunInfo,
    /// The metrics whose regressions fail the comparison (exit code 1).
    pub fail_on: Vec<Metric>,
    /// Every task × model both runs have, regressions first.
    pub changes: Vec<Change>,
    /// Tasks whose verdict changed.
    pub flips: Vec<Flip>,
    /// Task × model pairs only the baseline has (`task / model`).
    pub only_in_baseline: Vec<String>,
    /// Task × model pairs only this run has (`task / model`).
    pub only_in_this_run: Vec<String>,
}

impl SinceBaseline {
    /// The findings that fail the comparison.
    pub fn failing(&self) -> impl Iterator<Item = (&Change, &Finding)> {
        self.changes.iter().flat_map(move |c| {
            c.findings
                .iter()
                .filter(|f| f.regression && self.fail_on.contains(&f.metric))
                .map(move |f| (c, f))
        })
    }
}

/// A before/after pair of one figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Shift {
    /// In the baseline.
    pub before: Option<f64>,
    /// In this run.
    pub after: Option<f64>,
}

/// One task × model against the baseline, on the cases both runs have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// Task id.
    pub task: String,
    /// Model id.
    pub model: String,
    /// Cases both runs have: the only ones compared.
    pub cases: u64,
    /// Cases only the baseline has.
    pub only_in_baseline: u64,
    /// Cases only this run has.
    pub only_in_this_run: u64,
    /// Mean quality of this run minus the baseline's, per case, with its
    /// 95% interval (at least two cases).
    pub quality: Option<Interval>,
    /// Cases that pass now and failed in the baseline.
    pub now_passed: u64,
    /// Cases that passed in the baseline and fail now.
    pub now_failed: u64,
    /// McNemar's exact two-sided p-value on those discordant cases.
    pub mcnemar_p: f64,
    /// Mean quality, before and after.
    pub mean_quality: Shift,
    /// p95 end-to-end latency, milliseconds.
    pub latency_p95_ms: Shift,
    /// p95 time to first token, milliseconds.
    pub ttft_p95_ms: Shift,
    /// Dollars per request (answers and failed attempts).
    pub usd_per_request: Shift,
    /// Share of trials that ended in an error.
    pub error_rate: Shift,
    /// Regressions first, then improvements.
    pub findings: Vec<Finding>,
}

/// A change beyond its threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// What changed.
    pub metric: Metric,
    /// True for a regression, false for an improvement.
    pub regression: bool,
    /// By how much, in a phrase.
    pub detail: String,
}

/// A task whose verdict is not the baseline's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Flip {
    /// Task id.
    pub task: String,
    /// The baseline's outcome and recommended model.
    pub before: Outcome,
    /// The baseline's recommended model, if it had one.
    pub before_recommended: Option<String>,
    /// This run's outcome.
    pub after: Outcome,
    /// This run's recommended model, if it has one.
    pub after_recommended: Option<String>,
    /// The change in one sentence.
    pub sentence: String,
}

/// One run of the suite in the store's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HistoryRun {
    /// The run's id.
    pub run: String,
    /// Its start, RFC 3339 in UTC.
    pub started_at: String,
    /// One point per task × model it ran.
    pub points: Vec<HistoryPoint>,
}

/// One task × model in one run of the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HistoryPoint {
    /// Task id.
    pub task: String,
    /// Model id.
    pub model: String,
    /// Mean quality with its 95% interval.
    pub quality: Option<Interval>,
    /// p95 end-to-end latency, milliseconds.
    pub latency_p95_ms: Option<f64>,
    /// Dollars per request.
    pub usd_per_request: Option<f64>,
    /// What changed since the previous run of the history, if anything:
    /// `model`, `prompt`, `price`.
    pub changed: Vec<String>,
}
