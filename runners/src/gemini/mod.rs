//! [`GeminiRunner`]: Google's Gemini API, `models/{model}:generateContent`
//! and `:streamGenerateContent?alt=sse`.
//!
//! The key goes in `x-goog-api-key`; system messages become
//! `systemInstruction`, settings go in `generationConfig`, and the assistant
//! role is called `model`. Every streamed event is a whole
//! `GenerateContentResponse`; there is no end marker, so a stream is whole
//! when its last chunk carried a `finishReason`. Thinking tokens
//! (`thoughtsTokenCount`) are billed as output and counted as reasoning;
//! thought summaries are not part of the answer.

use crate::http::{self, Accumulator, Count, Wire};
use crate::provider::{Api, Location, Tokenizer};
use crate::sse::SseEvent;
use crate::{
    ApiKey, BoxFuture, Completion, ErrorClass, Failure, FinishReason, Reasoning, Request, Role,
    Runner, Usage,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod rules;

/// Google's Gemini API.
pub const GEMINI: Api = Api {
    name: "gemini",
    location: Location::Hosted,
    base_url: Some("https://generativelanguage.googleapis.com/v1beta"),
    base_url_example: "https://generativelanguage.googleapis.com/v1beta",
    key_env: Some("GEMINI_API_KEY"),
    api_version: None,
    litellm_name: Some("gemini"),
    litellm_route: Some("gemini"),
    tokenizer: Tokenizer::Unknown,
    rules: rules::rules,
    build: |t| {
        Ok(Box::new(GeminiRunner::new(
            t.client,
            GeminiConfig {
                base_url: t.base_url,
                model: t.model,
                api_key: t.api_key,
                stream: t.stream,
            },
        )))
    },
};

/// How to reach one Gemini model.
#[derive(Debug, Clone)]
pub struct GeminiConfig {
    /// Everything before `/models/`, e.g. `https://generativelanguage.googleapis.com/v1beta`.
    pub base_url: String,
    /// The model, e.g. `gemini-2.5-flash`.
    pub model: String,
    /// Sent as `x-goog-api-key`.
    pub api_key: Option<ApiKey>,
    /// Use `streamGenerateContent` (true) or `generateContent` (false).
    pub stream: bool,
}

/// A runner for one Gemini model.
pub struct GeminiRunner {
    client: reqwest::Client,
    config: GeminiConfig,
    url: String,
}

impl GeminiRunner {
    /// A runner sharing `client`'s connection pool.
    pub fn new(client: reqwest::Client, config: GeminiConfig) -> Self {
        let base = config.base_url.trim_end_matches('/');
        let url = if config.stream {
            format!(
                "{base}/models/{}:streamGenerateContent?alt=sse",
                config.model
            )
        } else {
            format!("{base}/models/{}:generateContent", config.model)
        };
        Self {
            client,
            config,
            url,
        }
    }

    fn body<'a>(&self, request: &'a Request) -> GenerateRequest<'a> {
        let system: Vec<Part> = request
            .messages
            .iter()
            .filter(|m| m.role == Role::System)
            .map(|m| Part { text: &m.content })
            .collect();
        GenerateRequest {
            contents: request
                .messages
                .iter()
                .filter(|m| m.role != Role::System)
                .map(|m| Content {
                    role: if m.role == Role::Assistant {
                        "model"
                    } else {
                        "user"
                    },
                    parts: vec![Part { text: &m.content }],
                })
                .collect(),
            system_instruction: (!system.is_empty()).then_some(SystemInstruction { parts: system }),
            generation_config: GenerationConfig {
                max_output_tokens: request.max_tokens,
                temperature: request.temperature,
                top_p: request.top_p,
                top_k: request.top_k,
                seed: request.seed,
                stop_sequences: &request.stop,
                response_mime_type: request.json_schema.as_ref().map(|_| "application/json"),
                response_json_schema: request.json_schema.as_ref(),
                thinking_config: request.reasoning.as_ref().map(|r| match r {
                    Reasoning::Budget(tokens) => ThinkingConfig {
                        thinking_budget: Some(*tokens),
                        thinking_level: None,
                    },
                    Reasoning::Effort(level) => ThinkingConfig {
                        thinking_budget: None,
                        thinking_level: Some(level),
                    },
                }),
            },
        }
    }
}

impl Runner for GeminiRunner {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let mut builder = self.client.post(&self.url).json(&self.body(request));
            let key = self.config.api_key.as_ref();
            if let Some(key) = key {
                builder = builder.header("x-goog-api-key", key.expose());
            }
            http::attempt(builder, self.config.stream, request, key, &GeminiWire).await
        })
    }
}

fn finish_reason(reason: &str) -> FinishReason {
    match reason {
        "STOP" => FinishReason::Stop,
        "MAX_TOKENS" => FinishReason::Length,
        "SAFETY" | "RECITATION" | "BLOCKLIST" | "PROHIBITED_CONTENT" | "SPII" | "IMAGE_SAFETY" => {
            FinishReason::ContentFilter
        }
        "MALFORMED_FUNCTION_CALL" | "UNEXPECTED_TOOL_CALL" => FinishReason::ToolCalls,
        other => FinishReason::Other(other.to_string()),
    }
}

/// Reads `GenerateContentResponse` bodies and streams of them.
struct GeminiWire;

impl GeminiWire {
    /// Reads one response, returning its answer text.
    fn chunk(&self, chunk: Response, acc: &mut Accumulator) -> Result<String, Failure> {
        if let Some(error) = chunk.error {
            let class = match error.code {
                Some(429) => ErrorClass::RateLimited,
                Some(503) => ErrorClass::Overloaded,
                Some(500..=599) => ErrorClass::ServerError,
                _ => ErrorClass::Provider,
            };
            return Err(Failure::new(
                class,
                format!("error in stream: {}", error.message.unwrap_or_default()),
            ));
        }
        let mut text = String::new();
        if let Some(candidate) = chunk.candidates.into_iter().find(|c| c.index == 0) {
            for part in candidate.content.map(|c| c.parts).unwrap_or_default() {
                if !part.thought {
                    text.push_str(part.text.as_deref().unwrap_or_default());
                }
            }
            if let Some(reason) = candidate.finish_reason {
                acc.finish = Some(finish_reason(&reason));
            }
        } else if let Some(reason) = chunk.prompt_feedback.and_then(|f| f.block_reason) {
            return Err(Failure::new(
                ErrorClass::Provider,
                format!("the prompt was blocked: {reason}"),
            ));
        }
        if let Some(u) = chunk.usage_metadata {
            acc.set_usage(u.read());
        }
        Ok(text)
    }
}

impl Wire for GeminiWire {
    fn event(&self, event: SseEvent, acc: &mut Accumulator) -> Result<bool, Failure> {
        let chunk: Response = http::parse(event.data.as_bytes(), "a stream chunk")?;
        let text = self.chunk(chunk, acc)?;
        acc.push_text(&text);
        Ok(false)
    }

    fn body(&self, body: &[u8], acc: &mut Accumulator) -> Result<(), Failure> {
        let chunk: Response = http::parse(body, "the response")?;
        let answered = chunk.candidates.iter().any(|c| c.index == 0);
        acc.text = self.chunk(chunk, acc)?;
        if !answered {
            // Without a candidate there is no answer, not an empty one.
            return Err(Failure::new(
                ErrorClass::InvalidResponse,
                "the response has no candidate",
            ));
        }
        Ok(())
    }

    fn closed_stream_is_whole(&self, acc: &Accumulator) -> bool {
        acc.finish.is_some()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GenerateRequest<'a> {
    contents: Vec<Content<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    system_instruction: Option<SystemInstruction<'a>>,
    generation_config: GenerationConfig<'a>,
}

#[derive(Serialize)]
struct Content<'a> {
    role: &'static str,
    parts: Vec<Part<'a>>,
}

#[derive(Serialize)]
struct SystemInstruction<'a> {
    parts: Vec<Part<'a>>,
}

#[derive(Serialize)]
struct Part<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GenerationConfig<'a> {
    max_output_tokens: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_k: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    stop_sequences: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    response_mime_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_json_schema: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thinking_config: Option<ThinkingConfig<'a>>,
}

/// Gemini 2.5 takes a token budget, Gemini 3 a level; never both.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ThinkingConfig<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    thinking_budget: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thinking_level: Option<&'a str>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Response {
    #[serde(default)]
    candidates: Vec<Candidate>,
    usage_metadata: Option<UsageMetadata>,
    prompt_feedback: Option<PromptFeedback>,
    error: Option<StreamError>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Candidate {
    content: Option<CandidateContent>,
    finish_reason: Option<String>,
    #[serde(default)]
    index: u32,
}

#[derive(Deserialize)]
struct CandidateContent {
    #[serde(default)]
    parts: Vec<CandidatePart>,
}

#[derive(Deserialize)]
struct CandidatePart {
    text: Option<String>,
    #[serde(default)]
    thought: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PromptFeedback {
    block_reason: Option<String>,
}

#[derive(Deserialize)]
struct StreamError {
    code: Option<u16>,
    message: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UsageMetadata {
    #[serde(default)]
    prompt_token_count: Count,
    #[serde(default)]
    candidates_token_count: Count,
    #[serde(default)]
    thoughts_token_count: Count,
    #[serde(default)]
    cached_content_token_count: Count,
}

impl UsageMetadata {
    /// The usage, thinking counted as output; `None` when a count cannot be read.
    fn read(self) -> Option<Usage> {
        let thoughts = self.thoughts_token_count.0?;
        Some(Usage {
            input_tokens: self.prompt_token_count.0?,
            output_tokens: self.candidates_token_count.0?.saturating_add(thoughts),
            cached_input_tokens: self.cached_content_token_count.0?,
            cache_write_tokens: 0,
            reasoning_tokens: thoughts,
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
    fn a_body_without_candidates_is_an_invalid_response() {
        let mut acc = Accumulator::new();
        let f = GeminiWire.body(b"{}", &mut acc).unwrap_err();
        assert_eq!(f.class, ErrorClass::InvalidResponse);
        let mut acc = Accumulator::new();
        let answer = br#"{"candidates": [{"content": {"parts": [{"text": "ok"}]}, "finishReason": "STOP"}]}"#;
        GeminiWire.body(answer, &mut acc).unwrap();
        assert_eq!(acc.text, "ok");
    }

    #[test]
    fn the_body_follows_the_api_reference() {
        let runner = GeminiRunner::new(
            crate::client().expect("an HTTP client"),
            GeminiConfig {
                base_url: "https://generativelanguage.googleapis.com/v1beta".into(),
                model: "gemini-2.5-flash".into(),
                api_key: None,
                stream: true,
            },
        );
        assert_eq!(
            runner.url,
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
        );
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
            top_p: Some(0.9),
            seed: Some(7),
            timeout: Duration::from_secs(1),
            json_schema: Some(serde_json::json!({"type": "object"})),
            top_k: Some(40),
            repetition_penalty: Some(1.1),
            ..Request::default()
        };
        assert_eq!(
            serde_json::to_value(runner.body(&request)).unwrap(),
            serde_json::json!({
                "contents": [{"role": "user", "parts": [{"text": "Hi"}]}],
                "systemInstruction": {"parts": [{"text": "Be brief."}]},
                "generationConfig": {"maxOutputTokens": 16, "topP": 0.9, "topK": 40, "seed": 7,
                    "responseMimeType": "application/json", "responseJsonSchema": {"type": "object"}}
            })
        );
    }
}
