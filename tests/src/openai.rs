//! A loopback OpenAI Chat Completions server.
//!
//! Responses follow the API reference: `chat.completion` objects, and for
//! `stream: true` a `text/event-stream` of `chat.completion.chunk` objects —
//! a role chunk, content deltas, a finish chunk, the usage chunk with empty
//! `choices` when `stream_options.include_usage` is set, then `data: [DONE]`.
//! Invalid requests get a 400 with an `invalid_request_error`, a wrong key a
//! 401 that echoes it (as the real API does), so clients must redact.

use crate::http::{Conn, HttpRequest};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

/// What the server saw of one valid request.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The `model` field.
    pub model: String,
    /// The content of the last user message.
    pub prompt: String,
    /// The whole request body.
    pub body: Value,
    /// How many times this prompt has been requested, this time included.
    pub attempt: u32,
}

/// How the server answers one request.
#[derive(Debug, Clone)]
pub enum Behavior {
    /// A normal answer.
    Reply(Reply),
    /// An HTTP error status with an OpenAI error body.
    Status {
        /// The status.
        code: u16,
        /// A `Retry-After` header value.
        retry_after: Option<String>,
    },
    /// Reset the connection before answering.
    Reset,
    /// Stream `chunks` content chunks, then close without `[DONE]`.
    Truncate {
        /// Content chunks sent before the cut.
        chunks: usize,
    },
    /// Answer 200 with a body (or an event) that is not JSON.
    InvalidJson,
    /// Say nothing for this long, then answer normally.
    Stall(Duration),
}

/// A normal answer and its pacing.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The text; streamed one word (with its leading space) per chunk.
    pub text: String,
    /// Delay before the first content byte.
    pub ttft: Duration,
    /// Delay between content chunks.
    pub chunk_delay: Duration,
}

impl Reply {
    /// An immediate reply.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ttft: Duration::ZERO,
            chunk_delay: Duration::ZERO,
        }
    }
}

/// Decides the behaviour for each request.
pub type Script = Arc<dyn Fn(&Seen) -> Behavior + Send + Sync>;

/// Server settings.
#[derive(Clone)]
pub struct Config {
    /// The bearer token required, if any.
    pub api_key: Option<String>,
    /// Whether streamed answers carry `usage` (some servers never send it).
    pub stream_usage: bool,
    /// The behaviour per request.
    pub script: Script,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api_key: None,
            stream_usage: true,
            script: Arc::new(|seen: &Seen| {
                Behavior::Reply(Reply::text(format!("echo: {}", seen.prompt)))
            }),
        }
    }
}

struct State {
    config: Config,
    requests: AtomicU64,
    by_prompt: Mutex<HashMap<String, u32>>,
}

/// A running server; it stops when the process ends.
pub struct MockServer {
    addr: SocketAddr,
    state: Arc<State>,
}

impl MockServer {
    /// Starts a server on an ephemeral port, on its own thread and runtime.
    pub fn start(config: Config) -> Self {
        Self::start_on(config, 0)
    }

    /// Starts a server on `port` (0 for any).
    pub fn start_on(config: Config, port: u16) -> Self {
        let state = Arc::new(State {
            config,
            requests: AtomicU64::new(0),
            by_prompt: Mutex::new(HashMap::new()),
        });
        let (tx, rx) = std::sync::mpsc::channel();
        let st = state.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = TcpListener::bind(("127.0.0.1", port))
                    .await
                    .expect("bind 127.0.0.1");
                tx.send(listener.local_addr().expect("address"))
                    .expect("report address");
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let st = st.clone();
                    tokio::spawn(async move { serve(Conn::new(stream), st).await });
                }
            });
        });
        let addr = rx.recv().expect("server started");
        Self { addr, state }
    }

    /// `http://127.0.0.1:PORT/v1`, the base URL a client uses.
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Requests received, valid or not.
    pub fn requests(&self) -> u64 {
        self.state.requests.load(Ordering::SeqCst)
    }

    /// How many times each prompt (last user message) was requested.
    pub fn by_prompt(&self) -> HashMap<String, u32> {
        self.state.by_prompt.lock().expect("lock").clone()
    }
}

/// What happens to the connection after a response.
enum After {
    KeepAlive,
    Close,
    Reset,
}

async fn serve(mut conn: Conn, state: Arc<State>) {
    while let Some(req) = conn.read_request().await {
        state.requests.fetch_add(1, Ordering::SeqCst);
        match handle(&mut conn, &state, req).await {
            Ok(After::KeepAlive) => {}
            Ok(After::Close) | Err(_) => return,
            Ok(After::Reset) => return conn.reset(),
        }
    }
}

fn error_body(message: &str, kind: &str, param: Option<&str>, code: Option<&str>) -> Vec<u8> {
    json!({"error": {"message": message, "type": kind, "param": param, "code": code}})
        .to_string()
        .into_bytes()
}

fn json_headers() -> Vec<(&'static str, String)> {
    vec![("content-type", "application/json".to_string())]
}

/// Handles one request.
async fn handle(conn: &mut Conn, state: &State, req: HttpRequest) -> std::io::Result<After> {
    if req.path != "/v1/chat/completions" {
        let body = error_body(
            &format!("Invalid URL ({} {})", req.method, req.path),
            "invalid_request_error",
            None,
            None,
        );
        conn.respond(404, &json_headers(), &body).await?;
        return Ok(After::KeepAlive);
    }
    if req.method != "POST" {
        let body = error_body("Only POST is allowed", "invalid_request_error", None, None);
        conn.respond(405, &json_headers(), &body).await?;
        return Ok(After::KeepAlive);
    }
    if let Some(key) = &state.config.api_key {
        let given = req
            .headers
            .get("authorization")
            .and_then(|v| v.strip_prefix("Bearer "));
        if given != Some(key.as_str()) {
            let msg = format!("Incorrect API key provided: {}. You can find your API key at https://platform.openai.com/account/api-keys.", given.unwrap_or(""));
            let body = error_body(&msg, "invalid_request_error", None, Some("invalid_api_key"));
            conn.respond(401, &json_headers(), &body).await?;
            return Ok(After::KeepAlive);
        }
    }
    let body: Value = match serde_json::from_slice(&req.body) {
        Ok(v) => v,
        Err(_) => {
            let msg = "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)";
            conn.respond(
                400,
                &json_headers(),
                &error_body(msg, "invalid_request_error", None, None),
            )
            .await?;
            return Ok(After::KeepAlive);
        }
    };
    if let Err((msg, param)) = validate(&body) {
        conn.respond(
            400,
            &json_headers(),
            &error_body(&msg, "invalid_request_error", Some(param), None),
        )
        .await?;
        return Ok(After::KeepAlive);
    }
    let prompt = body["messages"]
        .as_array()
        .and_then(|m| m.iter().rev().find(|m| m["role"] == "user"))
        .and_then(|m| m["content"].as_str())
        .unwrap_or_default()
        .to_string();
    let attempt = {
        let mut map = state.by_prompt.lock().expect("lock");
        let n = map.entry(prompt.clone()).or_insert(0);
        *n += 1;
        *n
    };
    let seen = Seen {
        model: body["model"].as_str().unwrap_or_default().to_string(),
        prompt,
        body: body.clone(),
        attempt,
    };
    let stream = body["stream"].as_bool().unwrap_or(false);
    let include_usage = state.config.stream_usage
        && body["stream_options"]["include_usage"]
            .as_bool()
            .unwrap_or(false);
    let behavior = (state.config.script)(&seen);
    match behavior {
        Behavior::Reply(reply) => {
            answer(conn, &seen, &reply, stream, include_usage, None).await?;
            Ok(After::KeepAlive)
        }
        Behavior::Stall(d) => {
            conn.stall(d).await;
            answer(
                conn,
                &seen,
                &Reply::text("late"),
                stream,
                include_usage,
                None,
            )
            .await?;
            Ok(After::KeepAlive)
        }
        Behavior::Status { code, retry_after } => {
            let mut headers = json_headers();
            if let Some(r) = retry_after {
                headers.push(("retry-after", r));
            }
            let (msg, kind) = match code {
                429 => ("Rate limit reached for requests", "requests"),
                503 => ("The server is overloaded or not ready yet.", "server_error"),
                _ => (
                    "The server had an error while processing your request.",
                    "server_error",
                ),
            };
            conn.respond(code, &headers, &error_body(msg, kind, None, None))
                .await?;
            Ok(After::KeepAlive)
        }
        Behavior::Reset => Ok(After::Reset),
        Behavior::Truncate { chunks } => {
            answer(
                conn,
                &seen,
                &Reply::text("word ".repeat(chunks + 5)),
                true,
                include_usage,
                Some(chunks),
            )
            .await?;
            Ok(After::Close)
        }
        Behavior::InvalidJson => {
            if stream {
                conn.start_chunked(
                    200,
                    &[("content-type", "text/event-stream; charset=utf-8".into())],
                )
                .await?;
                conn.chunk(b"data: {\"id\": \"chatcmpl-x\", \"choices\": [\n\n")
                    .await?;
                conn.end_chunked().await?;
            } else {
                conn.respond(
                    200,
                    &json_headers(),
                    b"{\"id\": \"chatcmpl-x\", \"choices\": [",
                )
                .await?;
            }
            Ok(After::KeepAlive)
        }
    }
}

/// The checks the real API makes on the fields clients send.
fn validate(body: &Value) -> Result<(), (String, &'static str)> {
    if !body["model"].is_string() {
        return Err(("you must provide a model parameter".into(), "model"));
    }
    let Some(messages) = body["messages"].as_array() else {
        return Err(("Missing required parameter: 'messages'.".into(), "messages"));
    };
    if messages.is_empty() {
        return Err(("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.".into(), "messages"));
    }
    for (i, m) in messages.iter().enumerate() {
        let role = m["role"].as_str().unwrap_or_default();
        if !["system", "developer", "user", "assistant", "tool"].contains(&role) {
            return Err((format!("Invalid value: '{role}'. Supported values are: 'system', 'assistant', 'user', 'tool', 'function', and 'developer'."), "messages"));
        }
        if !(m["content"].is_string() || m["content"].is_array()) {
            return Err((
                format!("Invalid type for 'messages[{i}].content'."),
                "messages",
            ));
        }
    }
    if let Some(t) = body.get("temperature").filter(|v| !v.is_null()) {
        if !t.as_f64().is_some_and(|t| (0.0..=2.0).contains(&t)) {
            return Err((
                "Invalid 'temperature': decimal above maximum value. Expected a value <= 2.".into(),
                "temperature",
            ));
        }
    }
    if let Some(n) = body.get("max_tokens").filter(|v| !v.is_null()) {
        if n.as_u64().is_none_or(|n| n < 1) {
            return Err((
                "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1.".into(),
                "max_tokens",
            ));
        }
    }
    if body.get("stream_options").is_some_and(|v| !v.is_null()) && body["stream"] != json!(true) {
        return Err((
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.".into(),
            "stream_options",
        ));
    }
    Ok(())
}

/// Prompt tokens, counted as whitespace-separated words of every message.
fn prompt_tokens(body: &Value) -> u64 {
    body["messages"]
        .as_array()
        .map(|ms| {
            ms.iter()
                .map(|m| {
                    m["content"]
                        .as_str()
                        .unwrap_or_default()
                        .split_whitespace()
                        .count() as u64
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Splits text into chunks of one word each, keeping the spaces.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, w) in text.split(' ').enumerate() {
        if i == 0 {
            out.push(w.to_string());
        } else {
            out.push(format!(" {w}"));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

fn usage(prompt: u64, completion: u64) -> Value {
    json!({
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
    })
}

const ID: &str = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT";
const CREATED: u64 = 1_741_569_952;
const FINGERPRINT: &str = "fp_fc9f1d7035";

/// Sleeps, except for zero: a zero sleep still waits for the timer's next
/// millisecond tick, which would inflate every latency measured here.
async fn pause(d: Duration) {
    if !d.is_zero() {
        tokio::time::sleep(d).await;
    }
}

async fn answer(
    conn: &mut Conn,
    seen: &Seen,
    reply: &Reply,
    stream: bool,
    include_usage: bool,
    cut_after: Option<usize>,
) -> std::io::Result<()> {
    let parts = pieces(&reply.text);
    let max = seen.body["max_tokens"].as_u64().unwrap_or(u64::MAX) as usize;
    let finish = if parts.len() > max { "length" } else { "stop" };
    let parts: Vec<String> = parts.into_iter().take(max).collect();
    let usage = usage(prompt_tokens(&seen.body), parts.len() as u64);
    if !stream {
        pause(reply.ttft + reply.chunk_delay * parts.len().saturating_sub(1) as u32).await;
        let body = json!({
            "id": ID, "object": "chat.completion", "created": CREATED, "model": seen.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": parts.concat(), "refusal": null, "annotations": []}, "logprobs": null, "finish_reason": finish}],
            "usage": usage, "service_tier": "default", "system_fingerprint": FINGERPRINT
        });
        return conn
            .respond(200, &json_headers(), body.to_string().as_bytes())
            .await;
    }
    conn.start_chunked(
        200,
        &[("content-type", "text/event-stream; charset=utf-8".into())],
    )
    .await?;
    let chunk = |delta: Value, finish: Option<&str>| {
        let mut c = json!({
            "id": ID, "object": "chat.completion.chunk", "created": CREATED, "model": seen.model,
            "service_tier": "default", "system_fingerprint": FINGERPRINT,
            "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]
        });
        if include_usage {
            c["usage"] = Value::Null;
        }
        format!("data: {c}\n\n")
    };
    conn.chunk(
        chunk(
            json!({"role": "assistant", "content": "", "refusal": null}),
            None,
        )
        .as_bytes(),
    )
    .await?;
    pause(reply.ttft).await;
    for (i, p) in parts.iter().enumerate() {
        if cut_after == Some(i) {
            // Half an event, then the connection ends without the final chunk.
            conn.chunk(b"data: {\"id\": \"chatcmpl-").await?;
            return Ok(());
        }
        if i > 0 {
            pause(reply.chunk_delay).await;
        }
        conn.chunk(chunk(json!({"content": p}), None).as_bytes())
            .await?;
    }
    conn.chunk(chunk(json!({}), Some(finish)).as_bytes())
        .await?;
    if include_usage {
        let c = json!({
            "id": ID, "object": "chat.completion.chunk", "created": CREATED, "model": seen.model,
            "service_tier": "default", "system_fingerprint": FINGERPRINT, "choices": [], "usage": usage
        });
        conn.chunk(format!("data: {c}\n\n").as_bytes()).await?;
    }
    conn.chunk(b"data: [DONE]\n\n").await?;
    conn.end_chunked().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_keep_spaces() {
        assert_eq!(
            pieces("The answer is 42."),
            vec!["The", " answer", " is", " 42."]
        );
        assert_eq!(pieces("").len(), 0);
    }

    #[test]
    fn validation_matches_the_api() {
        assert!(
            validate(&json!({"model": "m", "messages": [{"role": "user", "content": "x"}]}))
                .is_ok()
        );
        assert_eq!(validate(&json!({"messages": []})).unwrap_err().1, "model");
        assert_eq!(
            validate(&json!({"model": "m", "messages": []}))
                .unwrap_err()
                .1,
            "messages"
        );
        assert_eq!(
            validate(&json!({"model": "m", "messages": [{"role": "bot", "content": "x"}]}))
                .unwrap_err()
                .1,
            "messages"
        );
        assert_eq!(validate(&json!({"model": "m", "messages": [{"role": "user", "content": "x"}], "temperature": 3})).unwrap_err().1, "temperature");
        assert_eq!(validate(&json!({"model": "m", "messages": [{"role": "user", "content": "x"}], "stream_options": {}})).unwrap_err().1, "stream_options");
    }
}
