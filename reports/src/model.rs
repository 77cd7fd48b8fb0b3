//! [`ReportModel`]: everything a report shows, as plain data.
//!
//! Serialized as-is by the JSON exporter, so each field is part of a
//! documented, versioned file format: a change bumps [`FORMAT_VERSION`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the JSON export format.
pub const FORMAT_VERSION: u32 = 5;

/// One run, summarised and in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportModel {
    /// Version of this format.
    pub format_version: u32,
    /// The run itself.
    pub run: RunInfo,
    /// The models that took part, in suite order.
    pub models: Vec<ModelInfo>,
    /// The tasks, in suite order.
    pub tasks: Vec<TaskInfo>,
    /// One summary per task and model, tasks outer, models inner.
    pub cells: Vec<Cell>,
    /// One verdict per task, in task order.
    pub verdicts: Vec<Verdict>,
    /// Money per month over every task with a volume: all on the reference
    /// vs on the recommended models.
    pub portfolio: Portfolio,
    /// Every stored trial, in plan order.
    pub trials: Vec<TrialRecord>,
    /// This run against a baseline run, when one was given.
    #[serde(default)]
    pub since_baseline: Option<SinceBaseline>,
    /// Earlier runs of the same suite, oldest first, this one last, when
    /// the report was built from a store that holds them.
    #[serde(default)]
    pub history: Vec<HistoryRun>,
    /// The latest capacity sweep of each self-hosted model on each task,
    /// when the store holds one for the model as it ran.
    #[serde(default)]
    pub capacity: Vec<Capacity>,
    /// Self-hosting against the API, per task and swept model.
    #[serde(default)]
    pub economics: Vec<Economics>,
    /// Each judged scorer's judge, measured: what it cost and how far its
    /// verdicts can be trusted.
    #[serde(default)]
    pub judges: Vec<JudgeMeasure>,
}

/// A judge of one task's judged scorer, measured on the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct JudgeMeasure {
    /// Task id.
    pub task: String,
    /// The scorer it serves: `judge` (a rubric) or `pairwise`.
    pub scorer: String,
    /// The judging model's id.
    pub judge: String,
    /// Questions put to it.
    pub calls: u64,
    /// Replies with no verdict that could be read.
    pub unreadable: u64,
    /// Money spent on it, in US dollars: not part of any model's cost.
    pub cost_usd: f64,
    /// Share of questions asked more than once whose answers all agreed.
    pub self_consistency: Option<Agreement>,
    /// Pairwise: share of comparisons whose decision flipped when the two
    /// answers swapped places.
    pub position_bias: Option<Agreement>,
    /// Share of judged answers whose pass or fail matched the task's
    /// scorers of the expected answer (its gold labels).
    pub gold_agreement: Option<Agreement>,
}

/// A share measured over `n` observations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Agreement {
    /// The share, in [0, 1].
    pub rate: f64,
    /// Observations it was measured over.
    pub n: u64,
}

/// Facts about one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RunInfo {
    /// The run's id.
    pub id: String,
    /// The suite's name.
    pub suite: String,
    /// Path of the suite file, absolute.
    pub suite_path: String,
    /// Start, RFC 3339 in UTC.
    pub started_at: String,
    /// End, RFC 3339 in UTC, if the run ended.
    pub finished_at: Option<String>,
    /// `running`, `finished`, `interrupted` or `failed`.
    pub status: String,
    /// Trials in the plan.
    pub trials_planned: u64,
    /// Trials stored.
    pub trials_done: u64,
    /// Money spent on answers, in US dollars.
    pub cost_usd: f64,
    /// Money spent on tokens that bought no answer (failed attempts), in US
    /// dollars; known or estimated, so the run's spend is `cost_usd` plus this.
    pub failure_cost_usd: f64,
}

/// A model that took part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ModelInfo {
    /// The suite's id for it.
    pub id: String,
    /// The provider (`openai`, `openai_compatible`, …).
    pub provider: String,
    /// The provider's model name.
    pub model: String,
    /// `reference` for the frontier baseline.
    pub role: Option<String>,
    /// Its endpoint root, when it has one.
    pub base_url: Option<String>,
    /// For Azure OpenAI: the API version.
    pub api_version: Option<String>,
    /// The name of the environment variable holding its key (never the key).
    pub api_key_env: Option<String>,
}

/// A task of the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskInfo {
    /// The suite's id for it.
    pub id: String,
    /// What it is.
    pub description: String,
    /// Least acceptable quality, on `quality_measure`.
    pub min_quality: Option<f64>,
    /// What the minimum and the comparison with the reference measure:
    /// the pass rate or the mean quality. Exports older than format 5
    /// held every task to its mean quality.
    #[serde(default = "QualityMeasure::legacy")]
    pub quality_measure: QualityMeasure,
    /// Allowed shortfall against the reference, in points of `quality_measure`.
    pub margin: Option<f64>,
    /// Latency objective, milliseconds at p95.
    pub p95_latency_ms: Option<f64>,
    /// Time-to-first-token objective, milliseconds at p95.
    #[serde(default)]
    pub p95_ttft_ms: Option<f64>,
    /// Time-per-output-token objective, milliseconds at p95.
    #[serde(default)]
    pub p95_tpot_ms: Option<f64>,
    /// Requests per month in production.
    pub requests_per_month: Option<u64>,
    /// Largest acceptable share of trials that end in an error.
    pub max_error_rate: f64,
    /// What counts as a regression against a baseline run.
    #[serde(default)]
    pub regression: Thresholds,
}

/// The figure a task's quality bars hold a model to.
///
/// Partial credit (a query scoring 0.67 for the right tables but the wrong
/// rows) adds up to a mean quality that no correct answer backs, so tasks
/// whose answers are right or wrong are held to their pass rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QualityMeasure {
    /// The share of cases whose answer passed every scorer.
    PassRate,
    /// The mean of the trials' weighted scores, partial credit included.
    Mean,
}

impl QualityMeasure {
    /// The measure of runs recorded before tasks named one: mean quality.
    pub fn legacy() -> Self {
        Self::Mean
    }

    /// The measure in words: `pass rate`, `mean quality`.
    pub fn words(self) -> &'static str {
        match self {
            Self::PassRate => "pass rate",
            Self::Mean => "mean quality",
        }
    }

    /// Its name in suite files and exports: `pass_rate`, `mean`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PassRate => "pass_rate",
            Self::Mean => "mean",
        }
    }

    /// The name [`Self::as_str`] gives, read back.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pass_rate" => Some(Self::PassRate),
            "mean" => Some(Self::Mean),
            _ => None,
        }
    }

    /// This measure of `cell`: its pass rate or its mean quality.
    pub fn of(self, cell: &Cell) -> Option<f64> {
        match self {
            Self::PassRate => cell.pass_rate,
            Self::Mean => cell.mean_quality,
        }
    }

    /// This measure of `cell` with its 95% interval, clustered by case.
    pub fn interval(self, cell: &Cell) -> Option<Interval> {
        match self {
            Self::PassRate => cell.pass_ci,
            Self::Mean => cell.quality_ci,
        }
    }
}

/// What counts as a regression of one task against a baseline run (and,
/// the other way, as an improvement).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// A drop of mean quality of at least this many points (0.05 = five),
    /// whose 95% interval lies wholly below zero.
    pub quality: f64,
    /// A rise of p95 latency (end-to-end or to the first token) by at least
    /// this share (0.25 = 25%) …
    pub latency: f64,
    /// … and by at least this many milliseconds.
    pub latency_ms: f64,
    /// A rise of the cost per request by at least this share.
    pub cost: f64,
    /// A rise of the error rate by at least this many points (0.02 = two).
    pub error_rate: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            quality: 0.05,
            latency: 0.25,
            latency_ms: 50.0,
            cost: 0.10,
            error_rate: 0.02,
        }
    }
}

/// Latency percentiles, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Percentiles {
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
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
    pub cost_basis: Option<String>,
    /// For a model priced at capacity: the figure of this run's busy time.
    #[serde(default)]
    pub usd_per_request_busy: Option<f64>,
    /// The task's bars this model misses (empty when it is adequate); `None`
    /// for the reference itself.
    pub misses: Option<Vec<Miss>>,
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

/// A bar of the task that a model misses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Miss {
    /// `quality` (not non-inferior), `minimum`, `latency` or `errors`.
    pub bar: String,
    /// By how much, in a phrase.
    pub detail: String,
}

/// What a task needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A cheaper model is adequate: the recommended one.
    Cheaper,
    /// No cheaper model is adequate: keep the reference.
    NeedsReference,
    /// A cheaper model's interval straddles the margin: more cases decide.
    Inconclusive,
    /// Only one model ran the task: nothing to compare.
    Alone,
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
    /// True when no model has `role: reference` and the best by mean
    /// quality was taken as the reference.
    pub reference_by_quality: bool,
    /// The model to use: the cheapest adequate one, else the reference.
    pub recommended: String,
    /// The verdict in one sentence.
    pub sentence: String,
    /// The reference's cost per month at the task's volume.
    pub reference_monthly_usd: Option<f64>,
    /// The recommended model's cost per month at the task's volume.
    pub recommended_monthly_usd: Option<f64>,
    /// For an inconclusive verdict: cases that would decide it at the
    /// observed variance (normal approximation, 80% power).
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
    /// The baseline's recommended model.
    pub before_recommended: String,
    /// This run's outcome.
    pub after: Outcome,
    /// This run's recommended model.
    pub after_recommended: String,
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

/// One load level of a capacity sweep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CapacityLevel {
    /// `concurrency` (a fixed number in flight), `rate` (a constant
    /// request rate) or `poisson` (Poisson arrivals at a mean rate).
    pub load: String,
    /// Requests in flight, or requests per second.
    pub target: f64,
    /// Requests sent.
    pub sent: u64,
    /// Requests measured: those after the warm-up and before the cool-down.
    pub measured: u64,
    /// Measured requests that ended in an error.
    pub errors: u64,
    /// Those errors by class, with the first message of each.
    #[serde(default)]
    pub error_classes: BTreeMap<String, ErrorCount>,
    /// Measured requests sent a second time because the server closed their
    /// kept-alive connection as they were sent (they never reached it).
    #[serde(default)]
    pub resent: u64,
    /// Seconds from the first measured request's start to the last one's end.
    pub duration_s: f64,
    /// Measured requests sent per second: their arrival rate, over the gaps
    /// between their starts.
    #[serde(default)]
    pub offered_rps: f64,
    /// Measured requests answered per second, over the gaps between their
    /// answers: a server that keeps up serves what it is offered.
    pub throughput_rps: f64,
    /// Output tokens of the measured requests per second.
    pub output_tokens_per_s: f64,
    /// Time to first token of the measured requests without error.
    pub ttft_ms: Option<Percentiles>,
    /// Time per output token after the first, of the same.
    pub tpot_ms: Option<Percentiles>,
    /// End-to-end latency, of the same.
    pub latency_ms: Option<Percentiles>,
    /// Whether the level meets every objective of the task (p95 latency,
    /// TTFT and TPOT, and its error bound) and, offered a rate, kept up
    /// with it; `None` when it has no objective.
    pub meets_slo: Option<bool>,
    /// True when the level's time bound ended it before every request was sent.
    pub cut_short: bool,
}

/// How many errors of one class a level had, and what the first one said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorCount {
    /// How many.
    pub count: u64,
    /// The first one's message.
    pub first: String,
}

/// What the economics of self-hosting assume.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct EconomicsInputs {
    /// Share of the measured goodput used on average (the rest is headroom).
    pub utilisation: f64,
    /// Machines (or GPUs) one measured replica runs on, which its hourly
    /// price covers.
    pub machines: u32,
    /// Peak request rate over the average one: replicas are sized for the peak.
    pub peak_to_average: f64,
    /// Yearly fall of the API's price per request (0.6 = 60% cheaper each year).
    pub api_price_decline: f64,
    /// Yearly growth of the task's volume (0.5 = 50% more each year).
    pub volume_growth: f64,
}

impl Default for EconomicsInputs {
    fn default() -> Self {
        Self {
            utilisation: 0.6,
            machines: 1,
            peak_to_average: 3.0,
            api_price_decline: 0.6,
            volume_growth: 0.5,
        }
    }
}

/// A capacity sweep of one model on one task's prompts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Capacity {
    /// The sweep's id.
    pub sweep: String,
    /// Task id.
    pub task: String,
    /// Model id.
    pub model: String,
    /// When it began, RFC 3339 in UTC.
    pub started_at: String,
    /// The objectives levels were held to: `p95_latency_ms`, `p95_ttft_ms`,
    /// `p95_tpot_ms`, `max_error_rate`.
    pub slo: BTreeMap<String, f64>,
    /// Each level, in the order measured.
    pub levels: Vec<CapacityLevel>,
    /// The highest throughput of a level that met the objectives.
    pub goodput_rps: Option<f64>,
    /// The replica's price per hour.
    pub hourly_usd: Option<f64>,
    /// What the cost and projections assume.
    pub economics: EconomicsInputs,
    /// Dollars per request at the goodput and the utilisation.
    pub usd_per_request: Option<f64>,
    /// Dollars per million output tokens at the same.
    pub usd_per_mtok_output: Option<f64>,
}

/// Hours in an average month (8,760 / 12): a replica's monthly price is its
/// hourly one times this.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Self-hosting one model for one task against the API it would replace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Economics {
    /// Task id.
    pub task: String,
    /// The self-hosted model.
    pub model: String,
    /// The API model it would replace (the task's reference).
    pub replaces: String,
    /// The API's measured dollars per request.
    pub api_usd_per_request: f64,
    /// The replica's price per hour.
    pub hourly_usd: f64,
    /// Requests per month one replica serves at the goodput, sized for the peak.
    pub replica_requests_per_month: f64,
    /// The monthly volume above which self-hosting costs less than the API;
    /// `None` when it never does (a full replica's requests cost less on
    /// the API than the replica).
    pub break_even_requests_per_month: Option<f64>,
    /// Replicas the task's volume needs at the peak, and machines with them.
    pub replicas: Option<u64>,
    /// Machines those replicas run on.
    pub machines: Option<u64>,
    /// At the task's volume today: the API per month …
    pub api_monthly_usd: Option<f64>,
    /// … and self-hosting per month.
    pub self_hosted_monthly_usd: Option<f64>,
    /// Cumulative costs at 12, 24 and 36 months, volume growing and the
    /// API's price falling as the inputs say.
    pub projection: Vec<Projection>,
    /// The first month in which self-hosting is cheaper than the API that
    /// month, within 36; `None` when it never is.
    pub self_hosting_cheaper_from_month: Option<u32>,
    /// The first month from which the API is cheaper again, within 36.
    pub api_cheaper_from_month: Option<u32>,
    /// The inputs.
    pub inputs: EconomicsInputs,
    /// The finding in one sentence.
    pub sentence: String,
}

/// Cumulative costs after some months.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Projection {
    /// Months from now.
    pub months: u32,
    /// Requests over those months.
    pub requests: f64,
    /// Paid to the API over those months.
    pub api_usd: f64,
    /// Paid for self-hosting over those months.
    pub self_hosted_usd: f64,
}
