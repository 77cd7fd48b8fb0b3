//! [`ReportModel`]: everything a report shows, as plain data.
//!
//! Serialized as-is by the JSON exporter, so each field is part of a
//! documented, versioned file format: a change bumps [`FORMAT_VERSION`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod capacity;
mod history;
mod results;

pub use capacity::*;
pub use history::*;
pub use results::*;

/// Version of the JSON export format.
pub const FORMAT_VERSION: u32 = 6;

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
    #[schemars(with = "String")]
    pub scorer: JudgeKind,
    /// That scorer's place among the task's scorers, from 0.
    #[serde(default)]
    pub position: usize,
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
    /// The judge's own bars it misses, in words (by default position bias
    /// over 20%, self-consistency or agreement with gold labels under 80%):
    /// its scores then decide nothing, and the task's verdict is
    /// inconclusive.
    #[serde(default)]
    pub misses: Vec<String>,
    /// The judge also answers the task: models rate their own answers
    /// higher, so its scores favour it.
    #[serde(default)]
    pub answers_too: bool,
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
    #[schemars(with = "String")]
    pub status: RunStatus,
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

/// The part a model plays in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The frontier baseline the others are compared with.
    Reference,
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
    #[schemars(with = "Option<String>")]
    pub role: Option<Role>,
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

/// The margin of non-inferiority of a task that sets none: five points.
/// The verdict decides with it, and a report reads a task without a
/// margin (an export of an older run) with it.
pub const DEFAULT_MARGIN: f64 = 0.05;

/// The kind of judged scorer a judge serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JudgeKind {
    /// Rates one answer on a rubric.
    Judge,
    /// Compares an answer with the reference's.
    Pairwise,
}

/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Trials are being run (or the process died while they were).
    Running,
    /// Every trial of the plan is stored.
    Finished,
    /// Stopped early and resumable.
    Interrupted,
    /// Stopped by a fault of sizeup.
    Failed,
}

impl RunStatus {
    /// Its name, as the JSON export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Finished => "finished",
            Self::Interrupted => "interrupted",
            Self::Failed => "failed",
        }
    }
}

impl std::fmt::Display for RunStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
