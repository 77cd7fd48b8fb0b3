//! [`OpenAiRunner`]: the Chat Completions protocol, spoken by OpenAI, by
//! Azure OpenAI, and by the servers that copy it (vLLM, TGI, llama.cpp
//! server, Ollama, LiteLLM).
//!
//! Streaming is the default because only a stream shows when the first token
//! arrived; `stream_options.include_usage` asks for the final usage chunk.
//! Servers that send no usage get an estimate, marked as such.

use crate::http::{self, Accumulator, Count, Wire};
use crate::provider::{open_rules, Api, Location, Target, Tokenizer};
use crate::sse::SseEvent;
use crate::{
    ApiKey, BoxFuture, Completion, ErrorClass, Failure, FinishReason, Message, Reasoning, Request,
    Runner, Usage,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod rules;

/// OpenAI's own API.
pub const OPENAI: Api = Api {
    name: "openai",
    location: Location::Hosted,
    base_url: Some("https://api.openai.com/v1"),
    base_url_example: "http://127.0.0.1:8000/v1",
    key_env: Some("OPENAI_API_KEY"),
    api_version: None,
    litellm_name: Some("openai"),
    litellm_route: Some("openai"),
    tokenizer: Tokenizer::Tiktoken,
    rules: rules::rules,
    build: |t| Ok(build(t, Flavor::OpenAi)),
};

/// Azure OpenAI: Chat Completions on a deployment.
pub const AZURE_OPENAI: Api = Api {
    name: "azure_openai",
    location: Location::Hosted,
    base_url: None,
    base_url_example: "https://NAME.openai.azure.com",
    key_env: Some("AZURE_OPENAI_API_KEY"),
    api_version: Some("2024-10-21"),
    litellm_name: Some("azure"),
    litellm_route: Some("azure"),
    tokenizer: Tokenizer::Tiktoken,
    // A deployment is usually named after its model.
    rules: rules::rules,
    build: |t| {
        let api_version = t.api_version.clone();
        Ok(build(t, Flavor::Azure { api_version }))
    },
};

/// Any server that speaks Chat Completions (vLLM, TGI, llama.cpp, Ollama, LiteLLM).
pub const COMPATIBLE: Api = Api {
    name: "openai_compatible",
    location: Location::SelfHosted,
    base_url: None,
    base_url_example: "http://127.0.0.1:8000/v1",
    key_env: None,
    api_version: None,
    litellm_name: None,
    litellm_route: Some("openai"),
    tokenizer: Tokenizer::Unknown,
    rules: open_rules,
    build: |t| Ok(build(t, Flavor::Compatible)),
};

fn build(t: Target, flavor: Flavor) -> Box<dyn Runner> {
    Box::new(OpenAiRunner::new(
        t.client,
        OpenAiConfig {
            base_url: t.base_url,
            model: t.model,
            api_key: t.api_key,
            stream: t.stream,
            flavor,
        },
    ))
}

/// Which variant of the protocol a server speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flavor {
    /// OpenAI itself: a bearer key, `max_completion_tokens`.
    OpenAi,
    /// Azure OpenAI: the deployment in the URL, an `api-version` query
    /// parameter, the key in an `api-key` header, `max_completion_tokens`.
    Azure {
        /// The `api-version` query parameter, e.g. `2024-10-21`.
        api_version: String,
    },
    /// A server that copies the API: a bearer key, `max_tokens` (which
    /// older servers require and newer ones still accept).
    Compatible,
}

/// How to reach one model behind a Chat Completions endpoint.
#[derive(Debug, Clone)]
pub struct OpenAiConfig {
    /// For OpenAI and compatible servers, everything before
    /// `/chat/completions` (e.g. `https://api.openai.com/v1`); for Azure, the
    /// resource endpoint (e.g. `https://NAME.openai.azure.com`).
    pub base_url: String,
    /// The `model` field of each request; for Azure, the deployment name.
    pub model: String,
    /// The key, when the server wants one.
    pub api_key: Option<ApiKey>,
    /// Ask for a server-sent event stream (true) or one JSON body (false).
    pub stream: bool,
    /// The protocol variant.
    pub flavor: Flavor,
}

/// A runner for one model behind a Chat Completions endpoint.
pub struct OpenAiRunner {
    client: reqwest::Client,
    config: OpenAiConfig,
    url: String,
}

impl OpenAiRunner {
    /// A runner sharing `client`'s connection pool.
    pub fn new(client: reqwest::Client, config: OpenAiConfig) -> Self {
        let base = config.base_url.trim_end_matches('/');
        let url = match &config.flavor {
            Flavor::Azure { api_version } => format!(
                "{base}/openai/deployments/{}/chat/completions?api-version={api_version}",
                config.model
            ),
            _ => format!("{base}/chat/completions"),
        };
        Self {
            client,
            config,
            url,
        }
    }

    fn body<'a>(&'a self, request: &'a Request) -> ChatRequest<'a> {
        let compatible = self.config.flavor == Flavor::Compatible;
        let (max_tokens, max_completion_tokens) = if compatible {
            (Some(request.max_tokens), None)
        } else {
            (None, Some(request.max_tokens))
        };
        ChatRequest {
            model: &self.config.model,
            messages: &request.messages,
            max_tokens,
            max_completion_tokens,
            stream: self.config.stream,
            stream_options: self.config.stream.then_some(StreamOptions {
                include_usage: true,
            }),
            temperature: request.temperature,
            top_p: request.top_p,
            // OpenAI refuses these; vLLM, TGI, llama.cpp and Ollama read them.
            top_k: request.top_k.filter(|_| compatible),
            repetition_penalty: request.repetition_penalty.filter(|_| compatible),
            seed: request.seed,
            stop: &request.stop,
            reasoning_effort: match &request.reasoning {
                Some(Reasoning::Effort(effort)) => Some(effort),
                _ => None,
            },
            response_format: request.json_schema.as_ref().map(|schema| ResponseFormat {
                kind: "json_schema",
                json_schema: JsonSchema {
                    name: "answer",
                    schema,
                },
            }),
        }
    }
}

impl Runner for OpenAiRunner {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let mut builder = self.client.post(&self.url).json(&self.body(request));
            let key = self.config.api_key.as_ref();
            if let Some(key) = key {
                builder = match self.config.flavor {
                    Flavor::Azure { .. } => builder.header("api-key", key.expose()),
                    _ => builder.bearer_auth(key.expose()),
                };
            }
            http::attempt(builder, self.config.stream, request, key, &ChatWire).await
        })
    }
}

/// Reads Chat Completions bodies and `chat.completion.chunk` streams.
struct ChatWire;

impl Wire for ChatWire {
    fn event(&self, event: SseEvent, acc: &mut Accumulator) -> Result<bool, Failure> {
        if event.data == "[DONE]" {
            return Ok(true);
        }
        let chunk: StreamChunk = http::parse(event.data.as_bytes(), "a stream chunk")?;
        if let Some(error) = chunk.error {
            return Err(Failure::new(
                ErrorClass::Provider,
                format!("error in stream: {error}"),
            ));
        }
        for choice in chunk.choices.into_iter().filter(|c| c.index == 0) {
            if let Some(text) = choice.delta.and_then(|d| d.content) {
                acc.push_text(&text);
            }
            if let Some(reason) = choice.finish_reason {
                acc.finish = Some(FinishReason::from_openai(&reason));
            }
        }
        if let Some(usage) = chunk.usage {
            acc.set_usage(usage.read());
        }
        Ok(false)
    }

    fn body(&self, body: &[u8], acc: &mut Accumulator) -> Result<(), Failure> {
        let parsed: FullResponse = http::parse(body, "the response")?;
        let choice = parsed
            .choices
            .into_iter()
            .find(|c| c.index == 0)
            .ok_or_else(|| Failure::new(ErrorClass::InvalidResponse, "response has no choice 0"))?;
        acc.text = choice.message.content.unwrap_or_default();
        acc.finish = choice.finish_reason.map(|r| FinishReason::from_openai(&r));
        if let Some(usage) = parsed.usage {
            acc.set_usage(usage.read());
        }
        Ok(())
    }
}

/// The request body, serialized straight from borrowed data.
#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: &'a [Message],
    #[serde(skip_serializing_if = "Option::is_none")]
    max_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_completion_tokens: Option<u32>,
    stream: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    stream_options: Option<StreamOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_k: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    repetition_penalty: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    stop: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    reasoning_effort: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_format: Option<ResponseFormat<'a>>,
}

#[derive(Serialize)]
struct StreamOptions {
    include_usage: bool,
}

#[derive(Serialize)]
struct ResponseFormat<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    json_schema: JsonSchema<'a>,
}

#[derive(Serialize)]
struct JsonSchema<'a> {
    name: &'static str,
    schema: &'a Value,
}

#[derive(Deserialize)]
struct StreamChunk {
    #[serde(default)]
    choices: Vec<StreamChoice>,
    usage: Option<WireUsage>,
    error: Option<Value>,
}

#[derive(Deserialize)]
struct StreamChoice {
    #[serde(default)]
    index: u32,
    delta: Option<Delta>,
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct Delta {
    content: Option<String>,
}

#[derive(Deserialize)]
struct FullResponse {
    #[serde(default)]
    choices: Vec<FullChoice>,
    usage: Option<WireUsage>,
}

#[derive(Deserialize)]
struct FullChoice {
    #[serde(default)]
    index: u32,
    message: FullMessage,
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct FullMessage {
    content: Option<String>,
}

#[derive(Deserialize)]
struct WireUsage {
    #[serde(default)]
    prompt_tokens: Count,
    #[serde(default)]
    completion_tokens: Count,
    prompt_tokens_details: Option<PromptDetails>,
    completion_tokens_details: Option<CompletionDetails>,
}

#[derive(Deserialize)]
struct PromptDetails {
    #[serde(default)]
    cached_tokens: Count,
}

#[derive(Deserialize)]
struct CompletionDetails {
    #[serde(default)]
    reasoning_tokens: Count,
}

impl WireUsage {
    /// The usage, or `None` when a count cannot be read.
    fn read(self) -> Option<Usage> {
        let zero = Count::default();
        Some(Usage {
            input_tokens: self.prompt_tokens.0?,
            output_tokens: self.completion_tokens.0?,
            cached_input_tokens: self
                .prompt_tokens_details
                .map_or(zero, |d| d.cached_tokens)
                .0?,
            cache_write_tokens: 0,
            reasoning_tokens: self
                .completion_tokens_details
                .map_or(zero, |d| d.reasoning_tokens)
                .0?,
            estimated: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn runner(flavor: Flavor) -> OpenAiRunner {
        OpenAiRunner::new(
            crate::client().expect("an HTTP client"),
            OpenAiConfig {
                base_url: "http://x/v1/".into(),
                model: "m".into(),
                api_key: None,
                stream: true,
                flavor,
            },
        )
    }

    fn request() -> Request {
        Request {
            messages: vec![],
            max_tokens: 5,
            temperature: Some(0.0),
            timeout: Duration::from_secs(1),
            ..Request::default()
        }
    }

    #[test]
    fn the_body_carries_only_what_is_set() {
        let runner = runner(Flavor::Compatible);
        assert_eq!(runner.url, "http://x/v1/chat/completions");
        assert_eq!(
            serde_json::to_value(runner.body(&request())).unwrap(),
            serde_json::json!({"model": "m", "messages": [], "max_tokens": 5, "stream": true,
                   "stream_options": {"include_usage": true}, "temperature": 0.0})
        );
    }

    #[test]
    fn openai_and_azure_take_max_completion_tokens_and_schemas() {
        let azure = runner(Flavor::Azure {
            api_version: "2024-10-21".into(),
        });
        assert_eq!(
            azure.url,
            "http://x/v1/openai/deployments/m/chat/completions?api-version=2024-10-21"
        );
        let mut r = request();
        r.json_schema = Some(serde_json::json!({"type": "object"}));
        let body = serde_json::to_value(runner(Flavor::OpenAi).body(&r)).unwrap();
        assert_eq!(body["max_completion_tokens"], 5);
        assert!(body.get("max_tokens").is_none());
        assert_eq!(
            body["response_format"],
            serde_json::json!({"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object"}}})
        );
    }
}
