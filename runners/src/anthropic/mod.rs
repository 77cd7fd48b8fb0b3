//! [`AnthropicRunner`]: the Anthropic Messages API (`POST /v1/messages`).
//!
//! The key goes in `x-api-key`, the API version in `anthropic-version`;
//! system messages become the top-level `system` field, and `max_tokens` is
//! required. A stream is a sequence of named events: `message_start` (input
//! usage), `content_block_start`/`_delta`/`_stop` (text), `message_delta`
//! (stop reason, output usage), `message_stop`, with `ping` and `error`
//! possible at any point. Anthropic counts cached prompt tokens apart from
//! `input_tokens`; [`Usage::input_tokens`] adds them back.
//!
//! Anthropic has no `seed` and no repetition penalty, so neither is sent.
//! Extended thinking is asked for with a budget, and its `thinking` blocks
//! are not part of the answer.

use crate::http::{self, Accumulator, Count, Wire};
use crate::provider::{Api, Location, Tokenizer};
use crate::sse::SseEvent;
use crate::{
    ApiKey, BoxFuture, Completion, ErrorClass, Failure, FinishReason, Reasoning, Request, Role,
    Runner, Usage,
};
use serde::{Deserialize, Serialize};

mod rules;

/// Anthropic's Messages API.
pub const ANTHROPIC: Api = Api {
    name: "anthropic",
    location: Location::Hosted,
    base_url: Some("https://api.anthropic.com/v1"),
    base_url_example: "https://api.anthropic.com/v1",
    key_env: Some("ANTHROPIC_API_KEY"),
    api_version: None,
    litellm_name: Some("anthropic"),
    litellm_route: Some("anthropic"),
    tokenizer: Tokenizer::Unknown,
    rules: rules::rules,
    build: |t| {
        Ok(Box::new(AnthropicRunner::new(
            t.client,
            AnthropicConfig {
                base_url: t.base_url,
                model: t.model,
                api_key: t.api_key,
                stream: t.stream,
            },
        )))
    },
};

/// The `anthropic-version` header this runner speaks.
pub const API_VERSION: &str = "2023-06-01";

/// How to reach one Anthropic model.
#[derive(Debug, Clone)]
pub struct AnthropicConfig {
    /// Everything before `/messages`, e.g. `https://api.anthropic.com/v1`.
    pub base_url: String,
    /// The `model` field, e.g. `claude-sonnet-4-5`.
    pub model: String,
    /// Sent as `x-api-key`.
    pub api_key: Option<ApiKey>,
    /// Ask for an event stream (true) or one JSON body (false).
    pub stream: bool,
}

/// A runner for one model behind the Messages API.
pub struct AnthropicRunner {
    client: reqwest::Client,
    config: AnthropicConfig,
    url: String,
}

impl AnthropicRunner {
    /// A runner sharing `client`'s connection pool.
    pub fn new(client: reqwest::Client, config: AnthropicConfig) -> Self {
        let url = format!("{}/messages", config.base_url.trim_end_matches('/'));
        Self {
            client,
            config,
            url,
        }
    }

    fn body<'a>(&'a self, request: &'a Request) -> MessagesRequest<'a> {
        let system: Vec<&str> = request
            .messages
            .iter()
            .filter(|m| m.role == Role::System)
            .map(|m| m.content.as_str())
            .collect();
        MessagesRequest {
            model: &self.config.model,
            max_tokens: request.max_tokens,
            system: (!system.is_empty()).then(|| system.join("\n\n")),
            messages: request
                .messages
                .iter()
                .filter(|m| m.role != Role::System)
                .map(|m| Turn {
                    role: if m.role == Role::Assistant {
                        "assistant"
                    } else {
                        "user"
                    },
                    content: &m.content,
                })
                .collect(),
            stream: self.config.stream,
            temperature: request.temperature,
            top_p: request.top_p,
            top_k: request.top_k,
            stop_sequences: &request.stop,
            thinking: match request.reasoning {
                Some(Reasoning::Budget(budget_tokens)) => Some(Thinking {
                    kind: "enabled",
                    budget_tokens,
                }),
                _ => None,
            },
        }
    }
}

impl Runner for AnthropicRunner {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let mut builder = self
                .client
                .post(&self.url)
                .header("anthropic-version", API_VERSION)
                .json(&self.body(request));
            let key = self.config.api_key.as_ref();
            if let Some(key) = key {
                builder = builder.header("x-api-key", key.expose());
            }
            http::attempt(builder, self.config.stream, request, key, &MessagesWire).await
        })
    }
}

fn finish_reason(reason: &str) -> FinishReason {
    match reason {
        "end_turn" | "stop_sequence" => FinishReason::Stop,
        "max_tokens" => FinishReason::Length,
        "tool_use" => FinishReason::ToolCalls,
        "refusal" => FinishReason::ContentFilter,
        other => FinishReason::Other(other.to_string()),
    }
}

/// Reads Messages bodies and event streams.
struct MessagesWire;

impl Wire for MessagesWire {
    fn event(&self, event: SseEvent, acc: &mut Accumulator) -> Result<bool, Failure> {
        let parsed: StreamEvent = http::parse(event.data.as_bytes(), "a stream event")?;
        match parsed {
            StreamEvent::MessageStart { message } => {
                acc.set_usage(message.usage.read());
            }
            StreamEvent::ContentBlockStart { content_block } => {
                if let Block::Text { text } = content_block {
                    acc.push_text(&text);
                }
            }
            StreamEvent::ContentBlockDelta { delta } => {
                if let BlockDelta::TextDelta { text } = delta {
                    acc.push_text(&text);
                }
            }
            StreamEvent::MessageDelta { delta, usage } => {
                if let Some(reason) = delta.stop_reason {
                    acc.finish = Some(finish_reason(&reason));
                }
                // The counts in `message_delta` are cumulative.
                acc.set_usage(usage.apply(acc.usage.unwrap_or_default()));
            }
            StreamEvent::MessageStop => return Ok(true),
            StreamEvent::Error { error } => {
                let class = match error.kind.as_str() {
                    "overloaded_error" => ErrorClass::Overloaded,
                    "rate_limit_error" => ErrorClass::RateLimited,
                    "api_error" => ErrorClass::ServerError,
                    _ => ErrorClass::Provider,
                };
                return Err(Failure::new(
                    class,
                    format!("error in stream: {}: {}", error.kind, error.message),
                ));
            }
            StreamEvent::ContentBlockStop | StreamEvent::Ping | StreamEvent::Other => {}
        }
        Ok(false)
    }

    fn body(&self, body: &[u8], acc: &mut Accumulator) -> Result<(), Failure> {
        let message: FullMessage = http::parse(body, "the response")?;
        for block in message.content {
            if let Block::Text { text } = block {
                acc.text.push_str(&text);
            }
        }
        acc.finish = message.stop_reason.map(|r| finish_reason(&r));
        acc.set_usage(message.usage.read());
        Ok(())
    }
}

#[derive(Serialize)]
struct MessagesRequest<'a> {
    model: &'a str,
    max_tokens: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    system: Option<String>,
    messages: Vec<Turn<'a>>,
    stream: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_k: Option<u32>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    stop_sequences: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    thinking: Option<Thinking>,
}

/// Extended thinking; its budget counts against `max_tokens`.
#[derive(Serialize)]
struct Thinking {
    #[serde(rename = "type")]
    kind: &'static str,
    budget_tokens: u32,
}

#[derive(Serialize)]
struct Turn<'a> {
    role: &'static str,
    content: &'a str,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum StreamEvent {
    MessageStart {
        message: StartMessage,
    },
    ContentBlockStart {
        content_block: Block,
    },
    ContentBlockDelta {
        delta: BlockDelta,
    },
    ContentBlockStop,
    MessageDelta {
        delta: MessageDelta,
        usage: DeltaUsage,
    },
    MessageStop,
    Ping,
    Error {
        error: ApiError,
    },
    /// Event types added after this runner was written are skipped, as the
    /// API's versioning policy asks of clients.
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
struct StartMessage {
    usage: WireUsage,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Block {
    Text {
        text: String,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum BlockDelta {
    TextDelta {
        text: String,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
struct MessageDelta {
    stop_reason: Option<String>,
}

#[derive(Deserialize)]
struct DeltaUsage {
    output_tokens: Count,
    input_tokens: Option<Count>,
    cache_creation_input_tokens: Option<Count>,
    cache_read_input_tokens: Option<Count>,
}

impl DeltaUsage {
    /// `total` with the counts given; `None` when one cannot be read.
    fn apply(&self, mut total: Usage) -> Option<Usage> {
        // A count left out keeps its earlier value.
        let given = |count: Option<Count>, old: u64| count.map_or(Some(old), |c| c.0);
        total.output_tokens = self.output_tokens.0?;
        total.cache_write_tokens =
            given(self.cache_creation_input_tokens, total.cache_write_tokens)?;
        total.cached_input_tokens = given(self.cache_read_input_tokens, total.cached_input_tokens)?;
        if let Some(input) = self.input_tokens {
            total.input_tokens = input
                .0?
                .saturating_add(total.cache_write_tokens)
                .saturating_add(total.cached_input_tokens);
        }
        Some(total)
    }
}

#[derive(Deserialize)]
struct ApiError {
    #[serde(rename = "type")]
    kind: String,
    message: String,
}

#[derive(Deserialize)]
struct FullMessage {
    content: Vec<Block>,
    stop_reason: Option<String>,
    usage: WireUsage,
}

#[derive(Deserialize)]
struct WireUsage {
    input_tokens: Count,
    #[serde(default)]
    output_tokens: Count,
    #[serde(default)]
    cache_creation_input_tokens: Count,
    #[serde(default)]
    cache_read_input_tokens: Count,
}

impl WireUsage {
    /// The usage, cached and cache-writing prompt tokens counted as input;
    /// `None` when a count cannot be read.
    fn read(self) -> Option<Usage> {
        let (write, read) = (
            self.cache_creation_input_tokens.0?,
            self.cache_read_input_tokens.0?,
        );
        Some(Usage {
            input_tokens: self
                .input_tokens
                .0?
                .saturating_add(write)
                .saturating_add(read),
            output_tokens: self.output_tokens.0?,
            cached_input_tokens: read,
            cache_write_tokens: write,
            reasoning_tokens: 0,
            estimated: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Message;
    use std::time::Duration;

    #[test]
    fn system_messages_move_to_the_top_level() {
        let runner = AnthropicRunner::new(
            crate::client().expect("an HTTP client"),
            AnthropicConfig {
                base_url: "https://api.anthropic.com/v1/".into(),
                model: "claude-haiku-4-5".into(),
                api_key: None,
                stream: true,
            },
        );
        assert_eq!(runner.url, "https://api.anthropic.com/v1/messages");
        let request = Request {
            messages: vec![
                Message {
                    role: Role::System,
                    content: "Be brief.".into(),
                },
                Message {
                    role: Role::User,
                    content: "Hi".into(),
                },
            ],
            max_tokens: 16,
            temperature: Some(0.0),
            seed: Some(7),
            stop: vec!["\n".into()],
            timeout: Duration::from_secs(1),
            ..Request::default()
        };
        assert_eq!(
            serde_json::to_value(runner.body(&request)).unwrap(),
            serde_json::json!({"model": "claude-haiku-4-5", "max_tokens": 16, "system": "Be brief.",
                "messages": [{"role": "user", "content": "Hi"}], "stream": true,
                "temperature": 0.0, "stop_sequences": ["\n"]})
        );
    }

    #[test]
    fn cached_tokens_count_as_input() {
        let u = WireUsage {
            input_tokens: Count(Some(10)),
            output_tokens: Count(Some(5)),
            cache_creation_input_tokens: Count(Some(100)),
            cache_read_input_tokens: Count(Some(1000)),
        }
        .read()
        .unwrap();
        assert_eq!(
            (u.input_tokens, u.cached_input_tokens, u.cache_write_tokens),
            (1110, 1000, 100)
        );
    }
}
