//! The validated suite: [`Suite`] and what it holds ([`Model`], [`Provider`],
//! [`Cost`], [`Task`], [`Case`]), with the defaults that fill in what a file
//! leaves out. Everything here has passed [`super::load`]'s checks.

use super::measures::{QualityMeasure, Thresholds};
use crate::scorers::{JudgeBars, Scorer};
use serde_json::Value;
use sizeup_runners::rules::{Control, Param, Rules};
use sizeup_runners::{Message, Provider, Reasoning};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// A validated suite.
#[derive(Debug)]
pub struct Suite {
    /// Short name.
    pub name: String,
    /// What it measures.
    pub description: String,
    /// The file it came from, as given.
    pub file: PathBuf,
    /// Trials per case and model.
    pub repeats: u32,
    /// Trials in flight at once, all models together.
    pub concurrency: usize,
    /// The models, in suite order.
    pub models: Vec<Model>,
    /// The tasks, in suite order.
    pub tasks: Vec<Task>,
    /// Every file loading read, in the order it read them: the suite file,
    /// the models catalog (if one was given), then each cases file and
    /// each scorer's model file once, as the loader resolved them (relative
    /// to the suite file). A resumed run
    /// can hash them to tell whether the suite changed.
    pub sources: Vec<PathBuf>,
    /// What is valid but likely not what was meant: settings a model's API
    /// refuses, reasoning that can spend a task's whole output limit.
    pub warnings: Vec<super::Diagnostic>,
}

/// A validated model.
#[derive(Debug, Clone)]
pub struct Model {
    /// The id tasks and reports use.
    pub id: String,
    /// How it is reached.
    pub provider: Provider,
    /// The provider's model name; for a local model, the GGUF file.
    pub model: String,
    /// For a local model: `cpu` or `cuda:N`.
    pub device: String,
    /// For a local model: a chat template replacing the file's.
    pub chat_template: Option<String>,
    /// Endpoint root (empty for a local model).
    pub base_url: String,
    /// For a provider whose requests carry one (Azure OpenAI's
    /// `api-version`): the API version; empty otherwise.
    pub api_version: String,
    /// Name of the environment variable holding the key.
    pub api_key_env: Option<String>,
    /// The frontier baseline of the suite.
    pub reference: bool,
    /// Ask for a stream.
    pub stream: bool,
    /// Generation limit, when the model's own `params` set one.
    pub max_tokens: Option<u32>,
    /// Sampling temperature.
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    pub top_p: Option<f64>,
    /// Sample among the likeliest tokens only.
    pub top_k: Option<u32>,
    /// Penalty on tokens already in the context.
    pub repetition_penalty: Option<f64>,
    /// Seed.
    pub seed: Option<u64>,
    /// Stop sequences.
    pub stop: Vec<String>,
    /// What the model's API accepts and how its reasoning is set.
    pub rules: Rules,
    /// How much it reasons, as the suite asks.
    pub reasoning: ReasoningSettings,
    /// Bound on one attempt.
    pub timeout: Duration,
    /// Bound on the bytes of one response; `None` is the runners' default,
    /// which grows with `max_tokens`.
    pub max_response_bytes: Option<u64>,
    /// Trials in flight at once for this model.
    pub concurrency: Option<usize>,
    /// Attempts per trial.
    pub max_attempts: u32,
    /// Time from a trial's first attempt after which no retry starts.
    pub max_retry_time: Duration,
    /// Requests started per minute, at most.
    pub requests_per_minute: Option<u32>,
    /// Prompt and completion tokens per minute, at most.
    pub tokens_per_minute: Option<u64>,
    /// Prices.
    pub cost: Cost,
    /// Where the prices come from: the suite, or a price book entry's source and date.
    pub price_source: String,
}

/// What a suite asks of a reasoning model; each `None` leaves the model's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReasoningSettings {
    /// A named effort (OpenAI, Gemini 3).
    pub effort: Option<String>,
    /// Tokens for reasoning on top of a task's `max_tokens`.
    pub budget_tokens: Option<u32>,
}

impl Model {
    /// Whether the model reasons as configured.
    pub fn reasons(&self) -> bool {
        self.rules.reasons(
            self.reasoning.effort.as_deref(),
            self.reasoning.budget_tokens,
        )
    }

    /// The output limit sent for an answer of at most `answer` tokens.
    /// Reasoning counts against the same limit, so the room given to it is
    /// added; without that room, reasoning can spend the whole limit.
    pub fn output_limit(&self, answer: u32) -> u32 {
        match self.reasoning.budget_tokens {
            Some(room) if self.reasons() => answer.saturating_add(room),
            _ => answer,
        }
    }

    /// The reasoning setting sent, in the form the model's API takes.
    pub fn reasoning_sent(&self) -> Option<Reasoning> {
        match self.rules.reasoning? {
            Control::Effort { .. } => self.reasoning.effort.clone().map(Reasoning::Effort),
            Control::Budget { on_by_default, .. } => self
                .reasoning
                .budget_tokens
                // Anthropic has no "budget 0": thinking off is no thinking block.
                .filter(|&b| b > 0 || on_by_default)
                .map(Reasoning::Budget),
        }
    }

    /// The parameters this model sets that its API refuses, each with why:
    /// they are not sent.
    pub fn withheld(&self) -> Vec<(Param, String)> {
        let set = |p: Param| match p {
            Param::Temperature => self.temperature.is_some(),
            Param::TopP => self.top_p.is_some(),
            Param::TopK => self.top_k.is_some(),
            Param::Stop => !self.stop.is_empty(),
        };
        let reasons = self.reasons();
        let mut out: Vec<(Param, String)> = self
            .rules
            .refused(reasons)
            .filter(|&p| set(p))
            .map(|p| {
                let why = if self.rules.refuses.contains(&p) {
                    format!("{} refuse it", self.rules.family)
                } else {
                    format!("{} refuses it while thinking", self.rules.family)
                };
                (p, why)
            })
            .collect();
        let sent = |p| set(p) && !out.iter().any(|(q, _)| *q == p);
        if self.rules.temperature_or_top_p && sent(Param::Temperature) && sent(Param::TopP) {
            out.push((
                Param::TopP,
                "the API takes `temperature` or `top_p`, not both, and `temperature` is set"
                    .to_string(),
            ));
        }
        out
    }
}

/// Prices of a model: per token for APIs, per hour for hardware.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cost {
    /// Dollars per million prompt tokens.
    pub input_per_mtok: f64,
    /// Dollars per million generated tokens.
    pub output_per_mtok: f64,
    /// Dollars per million prompt tokens read from cache (default: the input price).
    pub cached_input_per_mtok: f64,
    /// Dollars per million prompt tokens written to cache (default: the input price).
    pub cache_write_per_mtok: f64,
    /// Dollars per million hidden reasoning tokens (default: the output price).
    pub reasoning_per_mtok: f64,
    /// Dollars per hour of serving hardware.
    pub hourly_usd: f64,
}

/// A validated task.
#[derive(Debug)]
pub struct Task {
    /// The id reports use.
    pub id: String,
    /// What the workload is.
    pub description: String,
    /// The cases, each rendered.
    pub cases: Vec<Case>,
    /// The scorers and their weights.
    pub scorers: Vec<Scorer>,
    /// Allowed shortfall against the reference.
    pub margin: Option<f64>,
    /// Least acceptable quality, on `quality_measure`.
    pub min_quality: Option<f64>,
    /// What the minimum and the comparison with the reference measure.
    pub quality_measure: QualityMeasure,
    /// Largest acceptable share of trials ending in an error.
    pub max_error_rate: f64,
    /// Latency objective, milliseconds at p95.
    pub p95_latency_ms: Option<f64>,
    /// Time-to-first-token objective, milliseconds at p95.
    pub p95_ttft_ms: Option<f64>,
    /// Time-per-output-token objective, milliseconds at p95.
    pub p95_tpot_ms: Option<f64>,
    /// Requests per month in production.
    pub requests_per_month: Option<u64>,
    /// What counts as a regression against a baseline run.
    pub regression: Thresholds,
    /// The bars of each judged scorer's judge, by the scorer's place.
    pub judge_bars: BTreeMap<usize, JudgeBars>,
    /// Indices of the suite's models that run this task.
    pub models: Vec<usize>,
    /// Generation limit for this task.
    pub max_tokens: Option<u32>,
    /// A JSON Schema the answer must follow (structured output).
    pub structured_output: Option<Value>,
}

/// One rendered case.
#[derive(Debug, Clone)]
pub struct Case {
    /// Its id: the `id` field, or its 1-based position.
    pub id: String,
    /// The rendered conversation.
    pub messages: Vec<Message>,
    /// The expected answer, if the task has one.
    pub expected: Option<Value>,
    /// The case fields scorers read besides the expected answer (the `sql`
    /// scorer's schema), by name.
    pub scoring_fields: BTreeMap<String, String>,
}

/// Generation limit when neither model, task nor defaults set one.
pub const DEFAULT_MAX_TOKENS: u32 = 512;
/// Bound on one attempt when neither model nor defaults set one.
pub(super) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// The most trials in flight at once a suite or a model may ask for: far
/// above what any provider serves one client, and far below what the
/// engine's semaphores can count.
pub const MAX_CONCURRENCY: usize = 10_000;
/// Time after a trial's first attempt past which no retry starts, by default.
pub(super) const DEFAULT_RETRY_TIME: Duration = Duration::from_secs(120);
/// The share of errored trials a model may have and still be adequate,
/// when the task does not say.
pub(super) const DEFAULT_MAX_ERROR_RATE: f64 = 0.02;

impl Task {
    /// The generation limit of this task's requests to `model`: the model's
    /// own, else the task's (which includes the suite's default), else
    /// [`DEFAULT_MAX_TOKENS`]. The planner sends the same.
    pub fn max_tokens_for(&self, model: &Model) -> u32 {
        model
            .max_tokens
            .or(self.max_tokens)
            .unwrap_or(DEFAULT_MAX_TOKENS)
    }
}
