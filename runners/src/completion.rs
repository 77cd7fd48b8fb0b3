//! The plain data exchanged with every runner: [`Request`] and [`Completion`].

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Who says a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Instructions for the model.
    System,
    /// The user's turn.
    User,
    /// A previous answer of the model.
    Assistant,
}

/// One chat message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    /// Who says it.
    pub role: Role,
    /// What is said.
    pub content: String,
}

/// Everything a runner needs to produce one completion.
///
/// It is serializable because its canonical JSON is part of a trial's
/// identity: two trials with the same request, model and repeat are the same.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The conversation; a system message, if any, comes first.
    pub messages: Vec<Message>,
    /// Upper bound on generated tokens.
    pub max_tokens: u32,
    /// Sampling temperature; `None` leaves the provider's default.
    pub temperature: Option<f64>,
    /// Nucleus sampling; `None` leaves the provider's default.
    pub top_p: Option<f64>,
    /// Sample among the `top_k` likeliest tokens only; sent to the providers
    /// that take it (Anthropic, Gemini, OpenAI-compatible servers, local).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// Divides the logits of tokens already in the context (above 1 repeats
    /// less); sent to OpenAI-compatible servers and used by local models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repetition_penalty: Option<f64>,
    /// Seed for providers and models that honour one.
    pub seed: Option<u64>,
    /// Sequences that end generation.
    pub stop: Vec<String>,
    /// Bound on one attempt, from sending to the last byte.
    #[serde(with = "duration_ms")]
    pub timeout: Duration,
    /// A JSON Schema the answer must follow, for providers with structured output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<serde_json::Value>,
    /// Bound on the bytes of one response; `None` is the default,
    /// [`Request::DEFAULT_RESPONSE_BASE`] plus
    /// [`Request::DEFAULT_RESPONSE_PER_TOKEN`] for each of `max_tokens`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_response_bytes: Option<u64>,
    /// How much the model reasons before it answers, for models that do;
    /// `None` leaves the provider's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
}

/// A reasoning setting, in the form the model's API takes it. Reasoning
/// tokens count against `max_tokens` with every provider, so the request's
/// limit already includes any room given to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reasoning {
    /// A named effort: OpenAI's `reasoning_effort`, Gemini 3's `thinkingLevel`.
    Effort(String),
    /// A token budget: Gemini 2.5's `thinkingBudget` (0 turns thinking
    /// off), Anthropic's extended thinking `budget_tokens`.
    Budget(u32),
}

impl Request {
    /// Bytes every response may use, whatever its `max_tokens`.
    pub const DEFAULT_RESPONSE_BASE: u64 = 1 << 20;

    /// Bytes a response may use per token of `max_tokens`: a streamed token
    /// costs one event of about 100 to 250 bytes, so this is generous.
    pub const DEFAULT_RESPONSE_PER_TOKEN: u64 = 1024;

    /// The most bytes of one response read: a server that sends more is
    /// cut off, and the attempt fails as truncated.
    pub fn response_limit(&self) -> usize {
        let bytes = self.max_response_bytes.unwrap_or(
            Self::DEFAULT_RESPONSE_BASE
                + Self::DEFAULT_RESPONSE_PER_TOKEN * u64::from(self.max_tokens),
        );
        usize::try_from(bytes).unwrap_or(usize::MAX)
    }
}

mod duration_ms {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis() as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_millis(u64::deserialize(d)?))
    }
}

/// Token counts of one completion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Prompt tokens, cached ones included.
    pub input_tokens: u64,
    /// Generated tokens, reasoning tokens included.
    pub output_tokens: u64,
    /// Prompt tokens served from the provider's cache.
    pub cached_input_tokens: u64,
    /// Prompt tokens written to the provider's cache.
    pub cache_write_tokens: u64,
    /// Generated tokens spent on hidden reasoning.
    pub reasoning_tokens: u64,
    /// True when the provider reported no usage and the counts are estimates.
    pub estimated: bool,
}

impl std::ops::AddAssign for Usage {
    /// Adds another completion's counts; the sum is an estimate if either part is.
    fn add_assign(&mut self, other: Self) {
        // Saturating: a provider's count can be as large as a u64 holds.
        self.input_tokens = self.input_tokens.saturating_add(other.input_tokens);
        self.output_tokens = self.output_tokens.saturating_add(other.output_tokens);
        self.cached_input_tokens = self
            .cached_input_tokens
            .saturating_add(other.cached_input_tokens);
        self.cache_write_tokens = self
            .cache_write_tokens
            .saturating_add(other.cache_write_tokens);
        self.reasoning_tokens = self.reasoning_tokens.saturating_add(other.reasoning_tokens);
        self.estimated = self.estimated || other.estimated;
    }
}

/// When the answer arrived, in microseconds from the moment the request was sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// Time to the first non-empty piece of text; `None` if none came.
    pub ttft_us: Option<u64>,
    /// Time to the end of the answer (end-to-end latency).
    pub total_us: u64,
    /// Gaps between consecutive pieces of text after the first.
    pub gaps_us: Vec<u64>,
}

/// Why generation stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FinishReason {
    /// A natural end or a stop sequence.
    Stop,
    /// The token limit.
    Length,
    /// The provider's content filter.
    ContentFilter,
    /// The model asked to call a tool.
    ToolCalls,
    /// A reason this crate does not know, kept verbatim.
    Other(String),
    /// No answer: see the completion's error.
    Error,
}

impl FinishReason {
    /// Maps OpenAI-style `finish_reason` strings.
    pub fn from_openai(reason: &str) -> Self {
        match reason {
            "stop" | "eos" => Self::Stop,
            "length" => Self::Length,
            "content_filter" => Self::ContentFilter,
            "tool_calls" | "function_call" => Self::ToolCalls,
            other => Self::Other(other.to_string()),
        }
    }

    /// A stable name for storage and display.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Stop => "stop",
            Self::Length => "length",
            Self::ContentFilter => "content_filter",
            Self::ToolCalls => "tool_calls",
            Self::Other(s) => s,
            Self::Error => "error",
        }
    }
}

/// The kind of a failure, stored and counted per trial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorClass {
    /// The attempt ran past its timeout.
    Timeout,
    /// HTTP 429.
    RateLimited,
    /// HTTP 503 or 529: the provider is overloaded.
    Overloaded,
    /// HTTP 409: a conflicting request was in progress.
    Conflict,
    /// Another 5xx status.
    ServerError,
    /// HTTP 401 or 403.
    Auth,
    /// Another 4xx status: the request itself was refused.
    BadRequest,
    /// The connection failed or was reset.
    Connection,
    /// The answer stopped before its end (a stream without its terminator).
    Truncated,
    /// The answer was not what the protocol says (invalid JSON, missing fields).
    InvalidResponse,
    /// The provider reported an error inside an otherwise successful response.
    Provider,
    /// The model could not run (in-process runners).
    Model,
    /// A fault of sizeup itself (a panic while running the trial).
    Internal,
    /// A judge model's reply held no verdict that could be read, or the
    /// judge could not be asked (no answer to compare with).
    Judge,
}

impl ErrorClass {
    /// Classifies an HTTP status that is not a success.
    pub fn from_status(status: u16) -> Self {
        match status {
            401 | 403 => Self::Auth,
            408 => Self::Timeout,
            409 => Self::Conflict,
            429 => Self::RateLimited,
            503 | 529 => Self::Overloaded,
            500..=599 => Self::ServerError,
            _ => Self::BadRequest,
        }
    }

    /// Whether another attempt may succeed.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            Self::Timeout
                | Self::RateLimited
                | Self::Overloaded
                | Self::Conflict
                | Self::ServerError
                | Self::Connection
                | Self::Truncated
        )
    }

    /// A stable name for storage and display.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Timeout => "timeout",
            Self::RateLimited => "rate_limited",
            Self::Overloaded => "overloaded",
            Self::Conflict => "conflict",
            Self::ServerError => "server_error",
            Self::Auth => "auth",
            Self::BadRequest => "bad_request",
            Self::Connection => "connection",
            Self::Truncated => "truncated",
            Self::InvalidResponse => "invalid_response",
            Self::Provider => "provider",
            Self::Model => "model",
            Self::Internal => "internal",
            Self::Judge => "judge",
        }
    }

    /// Parses a name written by [`ErrorClass::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Timeout,
            Self::RateLimited,
            Self::Overloaded,
            Self::Conflict,
            Self::ServerError,
            Self::Auth,
            Self::BadRequest,
            Self::Connection,
            Self::Truncated,
            Self::InvalidResponse,
            Self::Provider,
            Self::Model,
            Self::Internal,
            Self::Judge,
        ]
        .into_iter()
        .find(|c| c.as_str() == name)
    }
}

/// What went wrong with a trial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// Its kind.
    pub class: ErrorClass,
    /// A one-line description, free of credentials.
    pub message: String,
    /// The HTTP status, when there was one.
    pub status: Option<u16>,
    /// How long the provider asked us to wait before trying again.
    #[serde(skip)]
    pub retry_after: Option<std::time::Duration>,
}

impl Failure {
    /// A failure without an HTTP status.
    pub fn new(class: ErrorClass, message: impl Into<String>) -> Self {
        Self {
            class,
            message: message.into(),
            status: None,
            retry_after: None,
        }
    }
}

/// What a runner returns for one request: the answer or the failure, with usage and timing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Completion {
    /// The generated text (partial text is kept when a failure cut it short).
    pub text: String,
    /// Token counts.
    pub usage: Usage,
    /// Latency of the final attempt.
    pub timing: Timing,
    /// Why generation stopped.
    pub finish: FinishReason,
    /// Set when no usable answer came back.
    pub error: Option<Failure>,
    /// How many attempts were made, the final one included.
    pub attempts: u32,
    /// Tokens that earlier, failed attempts of this request are known (or
    /// estimated) to have used: providers bill a stream cut after it produced
    /// tokens, so this is spend that bought no answer.
    #[serde(default)]
    pub retried_usage: Usage,
}

impl Completion {
    /// A completion that carries only a failure.
    pub fn failed(failure: Failure, timing: Timing) -> Self {
        Self {
            text: String::new(),
            usage: Usage::default(),
            timing,
            finish: FinishReason::Error,
            error: Some(failure),
            attempts: 1,
            retried_usage: Usage::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_class_names_round_trip() {
        for status in [401, 404, 408, 409, 429, 500, 503, 529] {
            let class = ErrorClass::from_status(status);
            assert_eq!(ErrorClass::parse(class.as_str()), Some(class));
        }
        assert_eq!(ErrorClass::parse("internal"), Some(ErrorClass::Internal));
        assert_eq!(ErrorClass::parse("judge"), Some(ErrorClass::Judge));
        assert_eq!(ErrorClass::parse("nope"), None);
    }

    #[test]
    fn usages_add_up_and_an_estimate_stays_one() {
        let mut sum = Usage {
            input_tokens: 10,
            output_tokens: 3,
            cached_input_tokens: 4,
            ..Usage::default()
        };
        sum += Usage {
            input_tokens: 10,
            output_tokens: 5,
            cache_write_tokens: 2,
            reasoning_tokens: 1,
            estimated: true,
            ..Usage::default()
        };
        assert_eq!(
            sum,
            Usage {
                input_tokens: 20,
                output_tokens: 8,
                cached_input_tokens: 4,
                cache_write_tokens: 2,
                reasoning_tokens: 1,
                estimated: true,
            }
        );
        sum += Usage::default();
        assert!(sum.estimated);
    }

    #[test]
    fn only_transient_failures_are_retryable() {
        assert!(ErrorClass::from_status(429).is_transient());
        assert!(ErrorClass::from_status(529).is_transient());
        assert!(ErrorClass::from_status(408).is_transient());
        assert!(ErrorClass::from_status(409).is_transient());
        assert!(ErrorClass::from_status(502).is_transient());
        assert!(!ErrorClass::from_status(400).is_transient());
        assert!(!ErrorClass::from_status(401).is_transient());
        assert!(!ErrorClass::from_status(422).is_transient());
        assert!(!ErrorClass::from_status(403).is_transient());
        assert!(!ErrorClass::from_status(404).is_transient());
    }
}
