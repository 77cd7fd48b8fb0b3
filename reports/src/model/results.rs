//! A run's results in the report model: each task × model cell with its
//! statistics, the comparison with the reference, the verdicts, and every
//! trial with its scores.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Latency percentiles, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Percentiles {
    /// Values they are read from.
    #[serde(default)]
    pub n: u64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Lower bound of the 95th percentile's 95% interval, from order
    /// statistics; `None` when the values are too few to give one.
    #[serde(default)]
    pub p95_low: Option<f64>,
    /// Upper bound of the same interval; `None` below 72 values, the fewest
    /// that can bound a 95th percentile from above.
    #[serde(default)]
    pub p95_high: Option<f64>,
    /// 99th percentile.
    pub p99: f64,
    /// Slowest.
    pub max: f64,
}

/// One task × model summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cell {
    /// Task id.
    pub task: String,
    /// Model id.
    pub model: String,
    /// Trials stored.
    pub n: u64,
    /// Trials that ended in an error.
    pub errors: u64,
    /// Errors by class.
    pub error_classes: BTreeMap<String, u64>,
    /// Trials whose answer came from the cache (not measured in this run).
    pub cached: u64,
    /// Mean quality over every trial, in [0, 1]: a trial that ended in an
    /// error scores 0 (a failure is data).
    pub mean_quality: Option<f64>,
    /// Mean quality over the trials that got an answer only.
    pub answered_quality: Option<f64>,
    /// Share of every trial whose scorers all passed (errors fail).
    pub pass_rate: Option<f64>,
    /// End-to-end latency of trials measured in this run without error
    /// (cached answers are left out: they were not measured here).
    pub latency_ms: Option<Percentiles>,
    /// Time to first token, of the same trials.
    pub ttft_ms: Option<Percentiles>,
    /// Time per output token after the first: (E2E − TTFT) / (visible output
    /// tokens − 1), of streamed trials with at least two visible output
    /// tokens; reasoning tokens, produced before the first visible one, are
    /// not counted.
    pub tpot_ms: Option<Percentiles>,
    /// Output tokens per second of each trial (output tokens / E2E), as percentiles.
    pub output_tokens_per_s: Option<Percentiles>,
    /// Prompt tokens, summed.
    pub input_tokens: u64,
    /// Generated tokens, summed.
    pub output_tokens: u64,
    /// Money spent on answers, in US dollars.
    pub cost_usd: f64,
    /// Money spent on failed attempts, in US dollars.
    pub failure_cost_usd: f64,
    /// Dollars per million output tokens at this cell's measured cost and
    /// throughput (for a model priced by the hour, what its speed implies).
    pub usd_per_mtok_output: Option<f64>,
    /// Mean quality (errors scoring 0) with its 95% interval, clustered by case.
    pub quality_ci: Option<Interval>,
    /// Pass rate with its 95% Wilson interval.
    pub pass_ci: Option<Interval>,
    /// Share of trials that ended in an error.
    pub error_rate: Option<f64>,
    /// Against the task's reference model, on the cases both have; `None`
    /// for the reference itself.
    pub vs_reference: Option<Comparison>,
    /// Dollars per request measured in this run (answers and failed
    /// attempts; cached answers left out).
    pub usd_per_request: Option<f64>,
    /// Dollars per month at the task's volume.
    pub monthly_usd: Option<f64>,
    /// How `usd_per_request` was priced: `tokens` (list prices), `busy_time`
    /// (an hourly price over this run's busy time, one request at a time)
    /// or `capacity` (an hourly price at a stored sweep's goodput).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub cost_basis: Option<CostBasis>,
    /// For a model priced at capacity: the figure of this run's busy time.
    #[serde(default)]
    pub usd_per_request_busy: Option<f64>,
    /// The task's bars this model misses: its 95% interval lies wholly on
    /// the wrong side (empty when it misses none); `None` when no verdict
    /// was made.
    pub misses: Option<Vec<Miss>>,
    /// The task's bars left undecided: the interval straddles the bar.
    #[serde(default)]
    pub undecided: Option<Vec<Miss>>,
}

/// How a cell's cost per request was priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostBasis {
    /// List prices per token.
    Tokens,
    /// An hourly price over the run's busy time, one request at a time.
    BusyTime,
    /// An hourly price at a stored capacity sweep's goodput.
    Capacity,
}

/// An estimate with its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Interval {
    /// The point estimate.
    pub estimate: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// A model against the task's reference, case by case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    /// The reference model's id.
    pub reference: String,
    /// Cases both models have.
    pub cases: u64,
    /// This model's quality minus the reference's, per case, with its 95%
    /// interval, on the task's measure: the share of the case's trials that
    /// passed, or their mean quality.
    pub difference: Interval,
    /// Cases this model passed and the reference failed.
    pub only_this_passed: u64,
    /// Cases the reference passed and this model failed.
    pub only_reference_passed: u64,
    /// McNemar's exact two-sided p-value on those discordant cases.
    pub mcnemar_p: f64,
}

/// A bar of the task that a model misses, or leaves undecided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Miss {
    /// `quality` (not non-inferior), `minimum`, `latency` or `errors`.
    #[schemars(with = "String")]
    pub bar: Bar,
    /// What was measured against the bar, with its interval, in a phrase;
    /// for an undecided bar, with the cases that would decide it.
    pub detail: String,
}

impl std::fmt::Display for Miss {
    /// `minimum: pass rate 0.40, …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.bar, self.detail)
    }
}

/// One of a task's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bar {
    /// Not non-inferior to the reference within the margin.
    Quality,
    /// Under the task's minimum quality.
    Minimum,
    /// Over the latency objective.
    Latency,
    /// Over the error bound.
    Errors,
}

impl Bar {
    /// Its name, as the JSON export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quality => "quality",
            Self::Minimum => "minimum",
            Self::Latency => "latency",
            Self::Errors => "errors",
        }
    }
}

impl std::fmt::Display for Bar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a task needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A cheaper model is adequate: the recommended one.
    Cheaper,
    /// No cheaper model is adequate: keep the reference.
    NeedsReference,
    /// A bar of a cheaper model (or of the reference) is undecided: its
    /// interval straddles the bar, and more cases decide; or the reference
    /// misses its own bar and only a model that is not cheaper may meet them.
    Inconclusive,
    /// Only one model ran the task, and it meets its bars: nothing to
    /// compare it with.
    Alone,
    /// No model tested meets the task's bars (the reference misses one of
    /// its own, and every other model misses one): nothing is recommended.
    NoneAdequate,
}

impl Outcome {
    /// Its name, as the JSON export writes it (and the report's CSS class).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cheaper => "cheaper",
            Self::NeedsReference => "needs_reference",
            Self::Inconclusive => "inconclusive",
            Self::Alone => "alone",
            Self::NoneAdequate => "none_adequate",
        }
    }

    /// The verdict in two or three words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Cheaper => "Cheaper model is enough",
            Self::NeedsReference => "Needs the reference",
            Self::Inconclusive => "Inconclusive",
            Self::Alone => "Not compared",
            Self::NoneAdequate => "No adequate model",
        }
    }
}

/// The verdict of one task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Verdict {
    /// Task id.
    pub task: String,
    /// What it needs.
    pub outcome: Outcome,
    /// The reference model.
    pub reference: String,
    /// True when no model has `role: reference` and the best on the task's
    /// measure was taken as the reference.
    pub reference_by_quality: bool,
    /// The model to use: the cheapest adequate one, else the reference
    /// while it meets its own bars; `None` when no model tested can be
    /// recommended.
    pub recommended: Option<String>,
    /// For an inconclusive verdict: the model whose bars more cases would
    /// decide, if one is.
    #[serde(default)]
    pub undecided: Option<String>,
    /// The verdict in one sentence.
    pub sentence: String,
    /// The reference's cost per month at the task's volume.
    pub reference_monthly_usd: Option<f64>,
    /// The recommended model's cost per month at the task's volume.
    pub recommended_monthly_usd: Option<f64>,
    /// For an inconclusive verdict: cases in all that would decide every
    /// undecided bar (normal approximation at the observed spread, 80%
    /// power); `None` when no count would.
    pub cases_needed: Option<u64>,
}

/// The money at stake over every task with a volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Portfolio {
    /// Per month with every task on its reference model.
    pub reference_monthly_usd: f64,
    /// Per month with every task on its recommended model.
    pub recommended_monthly_usd: f64,
    /// The difference, per month.
    pub savings_monthly_usd: f64,
    /// The difference, per year.
    pub savings_yearly_usd: f64,
    /// Tasks left out: no volume, or a model without a measured cost.
    pub unpriced_tasks: Vec<String>,
}

/// One trial and its outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrialRecord {
    /// Stable id: a hash of the task, the case, the model and the repeat.
    pub id: String,
    /// Task id.
    pub task: String,
    /// Case id.
    pub case: String,
    /// Model id.
    pub model: String,
    /// Repeat index, from 0.
    pub repeat: u32,
    /// The prompt: the last user message of the request.
    pub input: String,
    /// The model's text.
    pub output: String,
    /// The expected answer, when the case has one.
    pub expected: Option<String>,
    /// Error class, when the trial failed.
    pub error_class: Option<String>,
    /// Error message, when the trial failed.
    pub error: Option<String>,
    /// Why generation stopped.
    pub finish_reason: String,
    /// Weighted quality in [0, 1], when the trial did not fail.
    pub quality: Option<f64>,
    /// Whether every scorer passed.
    pub passed: bool,
    /// Each scorer's verdict.
    pub scores: Vec<ScoreRecord>,
    /// Prompt tokens.
    pub input_tokens: u64,
    /// Generated tokens.
    pub output_tokens: u64,
    /// Of the generated tokens, those spent reasoning before the answer.
    #[serde(default)]
    pub reasoning_tokens: u64,
    /// True when token counts are estimates.
    pub usage_estimated: bool,
    /// Time to first token, microseconds.
    pub ttft_us: Option<u64>,
    /// End-to-end latency, microseconds.
    pub latency_us: u64,
    /// Attempts made.
    pub attempts: u32,
    /// True when the completion was reused from the cache.
    pub cached: bool,
    /// Money spent on the answer, in US dollars.
    pub cost_usd: f64,
    /// Money spent on failed attempts, in US dollars.
    pub failure_cost_usd: f64,
}

/// One scorer's verdict on one trial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScoreRecord {
    /// Scorer name (its `type`).
    pub scorer: String,
    /// Weight in the task's quality.
    pub weight: f64,
    /// Value in [0, 1].
    pub value: f64,
    /// Pass or fail.
    pub passed: bool,
    /// The answer the scorer read from the output, if it extracts one.
    pub answer: Option<String>,
    /// One line on why.
    pub reason: String,
}
