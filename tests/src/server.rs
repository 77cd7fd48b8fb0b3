//! [`MockServer`]: one loopback server for every provider API.
//!
//! A [`Protocol`] (in `openai`, `anthropic`, `gemini`) validates requests the
//! way its real API does and writes its responses byte for byte; this module
//! owns the sockets, counts requests, and applies the [`Behavior`] a test's
//! script picks for each one: a paced reply or a fault.

use crate::http::{Conn, HttpRequest};
use serde_json::Value;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;

/// Which API the server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// OpenAI Chat Completions (`/v1/chat/completions`, bearer key).
    OpenAi,
    /// Azure OpenAI (`/openai/deployments/{name}/chat/completions?api-version=…`, `api-key`).
    Azure,
    /// Anthropic Messages (`/v1/messages`, `x-api-key`, `anthropic-version`).
    Anthropic,
    /// Gemini (`/v1beta/models/{model}:generateContent`, `x-goog-api-key`).
    Gemini,
}

/// What the server saw of one valid request.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The model the request names.
    pub model: String,
    /// The text of the last user message.
    pub prompt: String,
    /// The whole request body.
    pub body: Value,
    /// Whether the answer is streamed.
    pub stream: bool,
    /// The request's output limit, if it set one.
    pub max_tokens: Option<u64>,
    /// Prompt tokens, counted as whitespace-separated words of every message.
    pub prompt_tokens: u64,
    /// Tokens the model spends reasoning before it answers, from the same
    /// output limit: fixed figures per setting, standing in for a real
    /// model's, so that a small limit leaves no room for the answer.
    pub reasoning_tokens: u64,
    /// How many times this prompt has been requested, this time included.
    pub attempt: u32,
}

/// How the server answers one request.
#[derive(Debug, Clone)]
pub enum Behavior {
    /// A normal answer.
    Reply(Reply),
    /// An HTTP error status with the API's error body.
    Status {
        /// The status.
        code: u16,
        /// A `Retry-After` header value.
        retry_after: Option<String>,
    },
    /// A redirect (301, 302, 307 or 308) to `location`, as a proxy or a
    /// moved endpoint answers.
    Redirect {
        /// The status.
        code: u16,
        /// The `Location` header.
        location: String,
    },
    /// Reset the connection before answering.
    Reset,
    /// Stream `chunks` content chunks, then half an event, then close.
    Truncate {
        /// Content chunks sent before the cut.
        chunks: usize,
    },
    /// Stream `chunks` content chunks, then the API's in-stream error event.
    StreamError {
        /// Content chunks sent before the error.
        chunks: usize,
    },
    /// Answer 200 with a body (or an event) that is not JSON.
    InvalidJson,
    /// Say nothing for this long, then answer normally.
    Stall(Duration),
    /// Wait for one of `slots` (a serving engine's parallel sequences), then
    /// answer with `reply`, its delays counted from when the slot was
    /// taken: the queue, prefill and decoding of an engine without batching
    /// gains, whose capacity is known in advance.
    Slot {
        /// The engine's free slots, shared by every request.
        slots: Arc<tokio::sync::Semaphore>,
        /// The answer, paced: `ttft` as prefill, `chunk_delay` per token.
        reply: Reply,
    },
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
    /// Report every token count negative, as a miscounting proxy does.
    pub miscount: bool,
}

impl Reply {
    /// An immediate reply.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ttft: Duration::ZERO,
            chunk_delay: Duration::ZERO,
            miscount: false,
        }
    }
}

/// `usage` as `reply` has it reported: each count made negative (`n`
/// becomes `-n - 1`) when the reply miscounts.
pub fn reported(usage: Value, reply: &Reply) -> Value {
    fn negate(v: Value) -> Value {
        match v {
            Value::Number(n) => n.as_i64().map_or(Value::Number(n), |n| Value::from(-n - 1)),
            Value::Array(items) => Value::Array(items.into_iter().map(negate).collect()),
            Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, negate(v))).collect())
            }
            other => other,
        }
    }
    if reply.miscount {
        negate(usage)
    } else {
        usage
    }
}

/// Decides the behaviour for each request.
pub type Script = Arc<dyn Fn(&Seen) -> Behavior + Send + Sync>;

/// Server settings.
#[derive(Clone)]
pub struct Config {
    /// The API spoken.
    pub api: Api,
    /// The key required, if any.
    pub api_key: Option<String>,
    /// Whether streamed answers carry usage (some OpenAI-compatible servers never send it).
    pub stream_usage: bool,
    /// The behaviour per request.
    pub script: Script,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api: Api::OpenAi,
            api_key: None,
            stream_usage: true,
            script: Arc::new(|seen: &Seen| {
                Behavior::Reply(Reply::text(format!("echo: {}", seen.prompt)))
            }),
        }
    }
}

/// How a streamed answer ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// With the API's final events.
    Complete,
    /// After this many content chunks, in the middle of an event.
    CutAfter(usize),
    /// After this many content chunks, with the API's in-stream error.
    ErrorAfter(usize),
}

/// A response as bytes, with pacing.
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// Headers besides the framing ones.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Body,
}

/// A whole body, or a chunked stream of frames.
pub enum Body {
    /// Sent at once after `delay`.
    Full {
        /// Wait before sending.
        delay: Duration,
        /// The bytes.
        bytes: Vec<u8>,
    },
    /// Sent frame by frame.
    Stream {
        /// The frames, each after its delay.
        frames: Vec<(Duration, Vec<u8>)>,
        /// False: the stream is cut off (no chunked terminator, connection closed).
        whole: bool,
    },
}

impl Response {
    /// A JSON body sent at once.
    pub fn json(status: u16, body: &Value) -> Self {
        Self::bytes(status, "application/json", body.to_string().into_bytes())
    }

    /// A body of any bytes sent at once, with its content type.
    pub fn bytes(status: u16, content_type: &str, bytes: Vec<u8>) -> Self {
        Self {
            status,
            headers: vec![("content-type", content_type.to_string())],
            body: Body::Full {
                delay: Duration::ZERO,
                bytes,
            },
        }
    }

    /// The same response with its whole body held back for `delay`.
    pub fn after(mut self, wait: Duration) -> Self {
        if let Body::Full { delay, .. } = &mut self.body {
            *delay = wait;
        }
        self
    }
}

/// One provider API: request checks and response bytes.
pub trait Protocol: Send + Sync {
    /// Checks a request as the real API does (route, method, key, body) and
    /// reads what the script needs, or returns the API's error response.
    fn accept(&self, req: &HttpRequest, key: Option<&str>) -> Result<Seen, Response>;
    /// A normal answer, streamed or not.
    fn reply(&self, seen: &Seen, reply: &Reply, end: End, usage: bool) -> Response;
    /// An error status in the API's format, with the wait the server asks
    /// for (in seconds) where the API puts it.
    fn error(&self, status: u16, retry_after: Option<&str>) -> Response;
    /// A 200 whose body, or whose first event, is not JSON.
    fn invalid_json(&self, seen: &Seen) -> Response;
}

struct State {
    config: Config,
    protocol: Box<dyn Protocol>,
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
        let protocol: Box<dyn Protocol> = match config.api {
            Api::OpenAi => Box::new(crate::openai::Chat { azure: false }),
            Api::Azure => Box::new(crate::openai::Chat { azure: true }),
            Api::Anthropic => Box::new(crate::anthropic::Messages),
            Api::Gemini => Box::new(crate::gemini::Generate),
        };
        let state = Arc::new(State {
            config,
            protocol,
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

    /// The base URL a client is configured with.
    pub fn base_url(&self) -> String {
        match self.state.config.api {
            Api::OpenAi | Api::Anthropic => format!("http://{}/v1", self.addr),
            Api::Azure => format!("http://{}", self.addr),
            Api::Gemini => format!("http://{}/v1beta", self.addr),
        }
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

async fn handle(conn: &mut Conn, state: &State, req: HttpRequest) -> std::io::Result<After> {
    // Delays count from the request's arrival, so that the server's own
    // work (parsing, building the answer) is not added to them.
    let arrived = Instant::now();
    let protocol = &state.protocol;
    let mut seen = match protocol.accept(&req, state.config.api_key.as_deref()) {
        Ok(seen) => seen,
        Err(response) => return send(conn, response, arrived).await,
    };
    seen.attempt = {
        let mut map = state.by_prompt.lock().expect("lock");
        let n = map.entry(seen.prompt.clone()).or_insert(0);
        *n += 1;
        *n
    };
    let usage = state.config.stream_usage;
    let response = match (state.config.script)(&seen) {
        Behavior::Reply(reply) => protocol.reply(&seen, &reply, End::Complete, usage),
        Behavior::Stall(d) => {
            pause_until(arrived + d).await;
            protocol.reply(&seen, &Reply::text("late"), End::Complete, usage)
        }
        Behavior::Status { code, retry_after } => protocol.error(code, retry_after.as_deref()),
        Behavior::Redirect { code, location } => Response {
            status: code,
            headers: vec![("location", location)],
            body: Body::Full {
                delay: Duration::ZERO,
                bytes: Vec::new(),
            },
        },
        Behavior::Reset => return Ok(After::Reset),
        Behavior::Truncate { chunks } => {
            let mut streamed = seen.clone();
            streamed.stream = true;
            let text = Reply::text("word ".repeat(chunks + 5));
            protocol.reply(&streamed, &text, End::CutAfter(chunks), usage)
        }
        Behavior::StreamError { chunks } => {
            let mut streamed = seen.clone();
            streamed.stream = true;
            let text = Reply::text("word ".repeat(chunks + 5));
            protocol.reply(&streamed, &text, End::ErrorAfter(chunks), usage)
        }
        Behavior::InvalidJson => protocol.invalid_json(&seen),
        Behavior::Slot { slots, reply } => {
            let _slot = slots.acquire().await.expect("slots are never closed");
            let response = protocol.reply(&seen, &reply, End::Complete, usage);
            return send(conn, response, Instant::now()).await;
        }
    };
    send(conn, response, arrived).await
}

async fn send(conn: &mut Conn, response: Response, arrived: Instant) -> std::io::Result<After> {
    match response.body {
        Body::Full { delay, bytes } => {
            pause_until(arrived + delay).await;
            conn.respond(response.status, &response.headers, &bytes)
                .await?;
            Ok(After::KeepAlive)
        }
        Body::Stream { frames, whole } => {
            conn.start_chunked(response.status, &response.headers)
                .await?;
            // Each delay counts from the previous frame's due time, so that
            // small overshoots do not add up over a stream.
            let mut due = arrived;
            for (delay, bytes) in frames {
                due += delay;
                pause_until(due).await;
                conn.chunk(&bytes).await?;
            }
            if !whole {
                return Ok(After::Close);
            }
            conn.end_chunked().await?;
            Ok(After::KeepAlive)
        }
    }
}

/// Waits until `due`, so that injected delays are what a client should
/// measure: tokio's timer ticks in whole milliseconds and rounds up (a zero
/// sleep still waits for the next tick), a thread sleeps to the microsecond.
async fn pause_until(due: Instant) {
    let now = Instant::now();
    if due > now {
        let _ = tokio::task::spawn_blocking(move || std::thread::sleep(due - now)).await;
    }
}

/// Splits text into chunks of one word each, keeping the spaces.
pub fn pieces(text: &str) -> Vec<String> {
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

/// Whitespace-separated words, the servers' stand-in for a tokenizer.
pub fn words(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

/// The pieces a reply streams, cut to what reasoning left of `max_tokens`,
/// and whether the limit cut them.
pub fn limited(seen: &Seen, reply: &Reply) -> (Vec<String>, bool) {
    let mut parts = pieces(&reply.text);
    let max = seen
        .max_tokens
        .unwrap_or(u64::MAX)
        .saturating_sub(seen.reasoning_tokens) as usize;
    let cut = parts.len() > max;
    parts.truncate(max);
    (parts, cut)
}

/// The delay before each of `n` content chunks of a paced reply: the time
/// to first token, then the gap between chunks.
pub fn delays(reply: &Reply, n: usize) -> Vec<Duration> {
    (0..n)
        .map(|i| {
            if i == 0 {
                reply.ttft
            } else {
                reply.chunk_delay
            }
        })
        .collect()
}

/// How long an unstreamed reply takes: as long as its stream would.
pub fn whole_delay(reply: &Reply, n: usize) -> Duration {
    reply.ttft + reply.chunk_delay * n.saturating_sub(1) as u32
}

/// An SSE stream response with the given frames.
pub fn event_stream(frames: Vec<(Duration, Vec<u8>)>, whole: bool) -> Response {
    Response {
        status: 200,
        headers: vec![(
            "content-type",
            "text/event-stream; charset=utf-8".to_string(),
        )],
        body: Body::Stream { frames, whole },
    }
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
}
