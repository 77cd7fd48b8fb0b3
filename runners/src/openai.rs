//! [`OpenAiRunner`]: the Chat Completions protocol, spoken by OpenAI and by
//! the servers that copy it (vLLM, TGI, llama.cpp server, Ollama, LiteLLM).
//!
//! Streaming is the default because only a stream shows when the first token
//! arrived; `stream_options.include_usage` asks for the final usage chunk.
//! Servers that send no usage get an estimate, marked as such.

use crate::sse::SseDecoder;
use crate::{
    ApiKey, BoxFuture, Completion, ErrorClass, Failure, FinishReason, Message, Request, Runner,
    Timing, Usage,
};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::{Duration, Instant, SystemTime};

/// How to reach one model behind a Chat Completions endpoint.
#[derive(Debug, Clone)]
pub struct OpenAiConfig {
    /// Everything before `/chat/completions`, e.g. `https://api.openai.com/v1`.
    pub base_url: String,
    /// The `model` field of each request.
    pub model: String,
    /// Sent as a bearer token when present.
    pub api_key: Option<ApiKey>,
    /// Ask for a server-sent event stream (true) or one JSON body (false).
    pub stream: bool,
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
        let url = format!("{}/chat/completions", config.base_url.trim_end_matches('/'));
        Self {
            client,
            config,
            url,
        }
    }

    fn body<'a>(&'a self, request: &'a Request) -> ChatRequest<'a> {
        ChatRequest {
            model: &self.config.model,
            messages: &request.messages,
            max_tokens: request.max_tokens,
            stream: self.config.stream,
            stream_options: self.config.stream.then_some(StreamOptions {
                include_usage: true,
            }),
            temperature: request.temperature,
            top_p: request.top_p,
            seed: request.seed,
            stop: &request.stop,
        }
    }

    /// One attempt, writing what it learns into `acc` so that a timeout
    /// keeps the partial answer and its timing.
    async fn attempt(&self, request: &Request, acc: &mut Accumulator) -> Result<(), Failure> {
        let mut builder = self.client.post(&self.url).json(&self.body(request));
        if let Some(key) = &self.config.api_key {
            builder = builder.bearer_auth(key.expose());
        }
        let response = builder.send().await.map_err(|e| self.transport(e, false))?;
        let status = response.status();
        if !status.is_success() {
            let retry_after = retry_after(response.headers());
            let body = response.text().await.unwrap_or_default();
            let mut failure = Failure::new(
                ErrorClass::from_status(status.as_u16()),
                format!("HTTP {}: {}", status.as_u16(), self.error_message(&body)),
            );
            failure.status = Some(status.as_u16());
            failure.retry_after = retry_after;
            return Err(failure);
        }
        if self.config.stream {
            self.read_stream(response, acc).await
        } else {
            let body = response
                .bytes()
                .await
                .map_err(|e| self.transport(e, true))?;
            // Without a stream there is no first token to time: TTFT stays unknown.
            self.read_body(&body, acc)
        }
    }

    async fn read_stream(
        &self,
        response: reqwest::Response,
        acc: &mut Accumulator,
    ) -> Result<(), Failure> {
        let mut decoder = SseDecoder::new();
        let mut stream = response.bytes_stream();
        while let Some(piece) = stream.next().await {
            let piece = piece.map_err(|e| self.transport(e, true))?;
            for event in decoder.push(&piece) {
                if event.data == "[DONE]" {
                    return Ok(());
                }
                let chunk: StreamChunk = serde_json::from_str(&event.data).map_err(|e| {
                    Failure::new(
                        ErrorClass::InvalidResponse,
                        format!("invalid JSON in stream chunk: {e}"),
                    )
                })?;
                if let Some(error) = chunk.error {
                    return Err(Failure::new(
                        ErrorClass::Provider,
                        format!("error in stream: {}", self.redact(&error.to_string())),
                    ));
                }
                for choice in chunk.choices.into_iter().filter(|c| c.index == 0) {
                    if let Some(text) = choice.delta.and_then(|d| d.content) {
                        if !text.is_empty() {
                            acc.mark_text(acc.start.elapsed());
                            acc.text.push_str(&text);
                        }
                    }
                    if let Some(reason) = choice.finish_reason {
                        acc.finish = Some(FinishReason::from_openai(&reason));
                    }
                }
                if let Some(usage) = chunk.usage {
                    acc.usage = Some(usage.into());
                }
            }
        }
        Err(Failure::new(
            ErrorClass::Truncated,
            "stream ended before data: [DONE]",
        ))
    }

    fn read_body(&self, body: &[u8], acc: &mut Accumulator) -> Result<(), Failure> {
        let parsed: FullResponse = serde_json::from_slice(body).map_err(|e| {
            Failure::new(
                ErrorClass::InvalidResponse,
                format!("invalid JSON response: {e}"),
            )
        })?;
        let choice = parsed
            .choices
            .into_iter()
            .find(|c| c.index == 0)
            .ok_or_else(|| Failure::new(ErrorClass::InvalidResponse, "response has no choice 0"))?;
        acc.text = choice.message.content.unwrap_or_default();
        acc.finish = choice.finish_reason.map(|r| FinishReason::from_openai(&r));
        acc.usage = parsed.usage.map(Usage::from);
        Ok(())
    }

    fn transport(&self, error: reqwest::Error, reading: bool) -> Failure {
        let class = if error.is_timeout() {
            ErrorClass::Timeout
        } else if reading {
            ErrorClass::Truncated
        } else {
            ErrorClass::Connection
        };
        // reqwest keeps the underlying cause (reset, refused) in its source chain.
        let error = error.without_url();
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        Failure::new(class, self.redact(&message))
    }

    fn error_message(&self, body: &str) -> String {
        let message = serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|v| {
                v.pointer("/error/message")
                    .and_then(Value::as_str)
                    .map(String::from)
            })
            .unwrap_or_else(|| body.chars().take(200).collect());
        self.redact(&message)
    }

    /// Providers sometimes echo the key they rejected; it must not reach an error.
    fn redact(&self, text: &str) -> String {
        match &self.config.api_key {
            Some(key) if !key.expose().is_empty() => text.replace(key.expose(), "<redacted>"),
            _ => text.to_string(),
        }
    }
}

impl Runner for OpenAiRunner {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let mut acc = Accumulator::new();
            let outcome = tokio::time::timeout(request.timeout, self.attempt(request, &mut acc))
                .await
                .unwrap_or_else(|_| {
                    Err(Failure::new(
                        ErrorClass::Timeout,
                        format!(
                            "no complete answer within {} ms",
                            request.timeout.as_millis()
                        ),
                    ))
                });
            acc.finish(outcome)
        })
    }
}

/// What one attempt has received so far.
struct Accumulator {
    start: Instant,
    text: String,
    usage: Option<Usage>,
    finish: Option<FinishReason>,
    ttft: Option<Duration>,
    last: Option<Duration>,
    gaps_us: Vec<u64>,
}

impl Accumulator {
    fn new() -> Self {
        Self {
            start: Instant::now(),
            text: String::new(),
            usage: None,
            finish: None,
            ttft: None,
            last: None,
            gaps_us: Vec::new(),
        }
    }

    fn mark_text(&mut self, at: Duration) {
        match self.last {
            None => self.ttft = Some(at),
            Some(prev) => self.gaps_us.push(micros(at - prev)),
        }
        self.last = Some(at);
    }

    fn finish(self, outcome: Result<(), Failure>) -> Completion {
        let timing = Timing {
            ttft_us: self.ttft.map(micros),
            total_us: micros(self.start.elapsed()),
            gaps_us: self.gaps_us,
        };
        let usage = self.usage.unwrap_or_else(|| Usage {
            output_tokens: estimate_tokens(&self.text),
            estimated: true,
            ..Usage::default()
        });
        match outcome {
            Ok(()) => Completion {
                text: self.text,
                usage,
                timing,
                finish: self.finish.unwrap_or(FinishReason::Stop),
                error: None,
                attempts: 1,
            },
            Err(failure) => Completion {
                text: self.text,
                // Tokens of a broken attempt are not billed twice: a failed
                // attempt reports only what the provider itself counted.
                usage: self.usage.unwrap_or_default(),
                timing,
                finish: FinishReason::Error,
                error: Some(failure),
                attempts: 1,
            },
        }
    }
}

fn micros(d: Duration) -> u64 {
    d.as_micros().min(u64::MAX as u128) as u64
}

/// The stated approximation when a server reports no usage: about four
/// characters per token for English text.
fn estimate_tokens(text: &str) -> u64 {
    (text.chars().count() as u64).div_ceil(4)
}

/// Reads `retry-after-ms`, then `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(ms) = text("retry-after-ms").and_then(|v| v.parse::<f64>().ok()) {
        return (ms >= 0.0).then(|| Duration::from_secs_f64(ms / 1000.0));
    }
    let value = text("retry-after")?;
    if let Ok(secs) = value.parse::<f64>() {
        return (secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or_default())
}

/// The request body, serialized straight from borrowed data.
#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: &'a [Message],
    max_tokens: u32,
    stream: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    stream_options: Option<StreamOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    stop: &'a [String],
}

#[derive(Serialize)]
struct StreamOptions {
    include_usage: bool,
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
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
    prompt_tokens_details: Option<PromptDetails>,
    completion_tokens_details: Option<CompletionDetails>,
}

#[derive(Deserialize)]
struct PromptDetails {
    #[serde(default)]
    cached_tokens: u64,
}

#[derive(Deserialize)]
struct CompletionDetails {
    #[serde(default)]
    reasoning_tokens: u64,
}

impl From<WireUsage> for Usage {
    fn from(u: WireUsage) -> Self {
        Usage {
            input_tokens: u.prompt_tokens,
            output_tokens: u.completion_tokens,
            cached_input_tokens: u.prompt_tokens_details.map_or(0, |d| d.cached_tokens),
            cache_write_tokens: 0,
            reasoning_tokens: u
                .completion_tokens_details
                .map_or(0, |d| d.reasoning_tokens),
            estimated: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[test]
    fn retry_after_reads_seconds_milliseconds_and_dates() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("3"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(3)));
        h.insert("retry-after-ms", HeaderValue::from_static("250"));
        assert_eq!(retry_after(&h), Some(Duration::from_millis(250)));
        let mut h = HeaderMap::new();
        let later = SystemTime::now() + Duration::from_secs(30);
        h.insert(
            "retry-after",
            HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap(),
        );
        let wait = retry_after(&h).unwrap();
        assert!(wait > Duration::from_secs(28) && wait <= Duration::from_secs(30));
        h.insert("retry-after", HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn the_body_carries_only_what_is_set() {
        let runner = OpenAiRunner::new(
            reqwest::Client::new(),
            OpenAiConfig {
                base_url: "http://x/v1/".into(),
                model: "m".into(),
                api_key: None,
                stream: true,
            },
        );
        assert_eq!(runner.url, "http://x/v1/chat/completions");
        let request = Request {
            messages: vec![],
            max_tokens: 5,
            temperature: Some(0.0),
            top_p: None,
            seed: None,
            stop: vec![],
            timeout: Duration::from_secs(1),
        };
        assert_eq!(
            serde_json::to_value(runner.body(&request)).unwrap(),
            serde_json::json!({"model": "m", "messages": [], "max_tokens": 5, "stream": true,
                   "stream_options": {"include_usage": true}, "temperature": 0.0})
        );
    }
}
