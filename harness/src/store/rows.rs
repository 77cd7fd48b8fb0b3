//! The store's own row types: what goes into the database and what comes
//! out, typed. The export format and the analysis map them to their own
//! types, so the SQLite schema and the JSON format can change apart.

use crate::plan::Shard;
use crate::scorers::JudgeBars;
use crate::suite::Cost;
use crate::suite::{QualityMeasure, Thresholds};
use sizeup_runners::{Completion, ErrorClass, FinishReason, Usage};
use std::collections::BTreeMap;

/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    /// Trials are being run (or the process died while they were).
    Running,
    /// Every trial of the plan is stored.
    Finished,
    /// Stopped early and resumable: Ctrl-C or the budget.
    Interrupted,
    /// A fault of sizeup: the store could not be written, a trial panicked,
    /// or fewer trials were stored than planned.
    Failed,
}

impl RunStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Finished => "finished",
            Self::Interrupted => "interrupted",
            Self::Failed => "failed",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Running,
            Self::Finished,
            Self::Interrupted,
            Self::Failed,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}

/// A run as stored.
#[derive(Debug, Clone)]
pub struct RunRow {
    /// Its id.
    pub id: String,
    /// Suite name.
    pub suite: String,
    /// Suite file, absolute.
    pub suite_path: String,
    /// The invocation's options (JSON), so a resume can repeat them.
    pub options: String,
    /// Where it stands.
    pub status: RunStatus,
    /// Start time.
    pub started_at: String,
    /// End time.
    pub finished_at: Option<String>,
    /// Trials in the plan (in this shard's part of it, for a shard).
    pub trials_planned: u64,
    /// The part of the plan this run executes; `None` for the whole plan.
    pub shard: Option<Shard>,
    /// Trials in the whole plan, all shards together (`trials_planned` when
    /// the run is not a shard).
    pub plan_trials: u64,
}

/// The process that holds a run while it executes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// Its process id.
    pub pid: u32,
    /// The host it runs on.
    pub host: String,
}

impl std::fmt::Display for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "process {} on {}", self.pid, self.host)
    }
}

/// A model that took part in a run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunModel {
    /// The suite's id for it.
    pub id: String,
    /// The provider's name in suite files.
    pub provider: String,
    /// The provider's model name, or the weights file.
    pub model: String,
    /// The frontier baseline of the run.
    pub reference: bool,
    /// Everything about it that changes its answers (canonical JSON; `{}`
    /// for runs stored before it was recorded).
    pub identity: String,
    /// Its endpoint root (none for a local model or an old run).
    pub base_url: Option<String>,
    /// For Azure OpenAI: the API version.
    pub api_version: Option<String>,
    /// The NAME of the environment variable holding its key, never the key.
    pub api_key_env: Option<String>,
    /// Its prices (`None` for runs stored before prices were recorded).
    pub cost: Option<Cost>,
    /// Where the prices came from.
    pub price_source: Option<String>,
}

/// A task of a run, with the bars its verdict is held to.
#[derive(Debug, Clone, PartialEq)]
pub struct RunTask {
    /// The suite's id for it.
    pub id: String,
    /// What it is.
    pub description: String,
    /// Least acceptable quality, on `quality_measure`.
    pub min_quality: Option<f64>,
    /// What the minimum and the comparison with the reference measure.
    pub quality_measure: QualityMeasure,
    /// Allowed shortfall against the reference.
    pub margin: Option<f64>,
    /// Latency objective, milliseconds at p95.
    pub p95_latency_ms: Option<f64>,
    /// Time-to-first-token objective, milliseconds at p95.
    pub p95_ttft_ms: Option<f64>,
    /// Time-per-output-token objective, milliseconds at p95.
    pub p95_tpot_ms: Option<f64>,
    /// Requests per month in production.
    pub requests_per_month: Option<u64>,
    /// Largest acceptable share of trials ending in an error.
    pub max_error_rate: f64,
    /// What counts as a regression against a baseline run.
    pub regression: Thresholds,
    /// The bars of each judged scorer's judge, by the scorer's place.
    pub judge_bars: BTreeMap<usize, JudgeBars>,
}

/// One scorer's score, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    /// Scorer name.
    pub scorer: String,
    /// Weight in the task's quality.
    pub weight: f64,
    /// Value in [0, 1].
    pub value: f64,
    /// Pass or fail.
    pub passed: bool,
    /// The answer the scorer read, if it extracts one.
    pub answer: Option<String>,
    /// Why.
    pub reason: String,
}

/// One finished trial to store.
pub struct NewTrial<'a> {
    /// Stable id: task, case, model, repeat.
    pub id: &'a str,
    /// The request's hash with the model's identity.
    pub cache_key: &'a str,
    /// Position in the plan.
    pub seq: usize,
    /// Task id.
    pub task: &'a str,
    /// Case id.
    pub case: &'a str,
    /// Model id.
    pub model: &'a str,
    /// Repeat index.
    pub repeat: u32,
    /// The request, as JSON.
    pub request: String,
    /// The expected answer, as JSON.
    pub expected: Option<String>,
    /// What came back.
    pub completion: &'a Completion,
    /// Weighted quality, when scored.
    pub quality: Option<f64>,
    /// Whether every scorer passed.
    pub passed: bool,
    /// Each scorer's score.
    pub scores: Vec<ScoreRow>,
    /// Money spent on the answer.
    pub cost_usd: f64,
    /// Money spent on tokens that bought no answer.
    pub failure_cost_usd: f64,
    /// Reused from the cache.
    pub cached: bool,
}

/// One stored trial, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct TrialRow {
    /// Stable id.
    pub id: String,
    /// Task id.
    pub task: String,
    /// Case id.
    pub case: String,
    /// Model id.
    pub model: String,
    /// Repeat index.
    pub repeat: u32,
    /// The request as sent (JSON), when asked for with the scores.
    pub request: Option<String>,
    /// The model's text.
    pub output: String,
    /// The expected answer (JSON).
    pub expected: Option<String>,
    /// The failure's class, when the trial failed.
    pub error_class: Option<ErrorClass>,
    /// The failure's message.
    pub error_message: Option<String>,
    /// Why generation stopped.
    pub finish: FinishReason,
    /// Weighted quality, when scored.
    pub quality: Option<f64>,
    /// Whether every scorer passed.
    pub passed: bool,
    /// Scores, when asked for.
    pub scores: Vec<ScoreRow>,
    /// Tokens of the answer.
    pub usage: Usage,
    /// Tokens of earlier failed attempts.
    pub retried_usage: Usage,
    /// Time to first token, microseconds.
    pub ttft_us: Option<u64>,
    /// End-to-end latency, microseconds.
    pub latency_us: u64,
    /// Attempts made.
    pub attempts: u32,
    /// Reused from the cache.
    pub cached: bool,
    /// Money spent on the answer.
    pub cost_usd: f64,
    /// Money spent on tokens that bought no answer.
    pub failure_cost_usd: f64,
}
