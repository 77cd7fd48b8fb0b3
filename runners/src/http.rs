//! What every HTTP provider shares: sending one attempt, reading a JSON body
//! or an event stream through a provider's [`Wire`], timing the text as it
//! arrives, classifying failures, and keeping the key out of every message.

use crate::sse::{SseDecoder, SseEvent};
use crate::{
    ApiKey, Completion, ErrorClass, Failure, FinishReason, Message, Request, Timing, Usage,
};
use futures_util::StreamExt;
use serde_json::Value;
use std::time::{Duration, Instant, SystemTime};

/// The HTTP client provider runners share. It follows no redirect: the
/// runners put their key in provider-specific headers (`x-api-key`,
/// `x-goog-api-key`, `api-key`) that an HTTP client forwards to wherever a
/// `Location` points, and an API endpoint that redirects is a
/// misconfiguration to fix in `base_url`, not a hop to take with a key.
pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
}

/// How one provider's responses are read.
pub(crate) trait Wire: Send + Sync {
    /// Handles one stream event; `Ok(true)` means the stream's end marker came.
    fn event(&self, event: SseEvent, acc: &mut Accumulator) -> Result<bool, Failure>;

    /// Reads a whole response body.
    fn body(&self, body: &[u8], acc: &mut Accumulator) -> Result<(), Failure>;

    /// Whether a stream that closed without an end marker is still whole
    /// (Gemini has no end marker: its last chunk carries the finish reason).
    fn closed_stream_is_whole(&self, _acc: &Accumulator) -> bool {
        false
    }
}

/// One attempt: sends `builder`, reads the answer with `wire` within
/// `request.timeout` (the stream included) and within the request's
/// response limit, and returns what came back, partial text included. The
/// key is redacted from everything returned, the answer's text included: a
/// server that echoes it must not get it stored.
pub(crate) async fn attempt(
    builder: reqwest::RequestBuilder,
    stream: bool,
    request: &Request,
    key: Option<&ApiKey>,
    wire: &impl Wire,
) -> Completion {
    let mut acc = Accumulator::new();
    let limit = request.response_limit();
    let exchange = async {
        let mut response = builder.send().await.map_err(|e| transport(e, false, key))?;
        let status = response.status();
        if status.is_redirection() {
            return Err(redirected(status.as_u16(), response.headers(), key));
        }
        if !status.is_success() {
            let headers = response.headers().clone();
            let (body, _) = read_limited(&mut response, ERROR_BODY_LIMIT)
                .await
                .unwrap_or_default();
            let body = String::from_utf8_lossy(&body);
            return Err(status_failure(status.as_u16(), &headers, &body, key));
        }
        if stream {
            read_stream(response, wire, &mut acc, limit, key).await
        } else {
            let (body, cut) = read_limited(&mut response, limit)
                .await
                .map_err(|e| transport(e, true, key))?;
            if cut {
                return Err(too_long(limit));
            }
            // Without a stream there is no first token to time: TTFT stays unknown.
            wire.body(&body, &mut acc)
        }
    };
    let outcome = tokio::time::timeout(request.timeout, exchange)
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
    acc.text = redact(&acc.text, key);
    if outcome.is_err() {
        // The text may end in the middle of an echoed key.
        acc.text = redact_cut(&acc.text, key);
    }
    acc.finish(
        outcome.map_err(|mut f| {
            f.message = redact(&f.message, key);
            f
        }),
        &request.messages,
    )
}

/// The most bytes of an error response read: any provider's message fits.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// Characters of an error body kept in a failure's message.
const ERROR_MESSAGE_CHARS: usize = 300;

/// Reads a body up to `limit` bytes; `true` when more was coming.
async fn read_limited(
    response: &mut reqwest::Response,
    limit: usize,
) -> Result<(Vec<u8>, bool), reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = limit - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok((body, true));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, false))
}

/// The failure of a response cut at its size limit.
fn too_long(limit: usize) -> Failure {
    Failure::new(
        ErrorClass::Truncated,
        format!("the response passed its limit of {limit} bytes (max_response_bytes)"),
    )
}

async fn read_stream(
    response: reqwest::Response,
    wire: &impl Wire,
    acc: &mut Accumulator,
    limit: usize,
    key: Option<&ApiKey>,
) -> Result<(), Failure> {
    let mut decoder = SseDecoder::new();
    let mut stream = response.bytes_stream();
    // Every byte counts against the limit, so one endless line is bounded too.
    let mut room = limit;
    while let Some(piece) = stream.next().await {
        let piece = piece.map_err(|e| transport(e, true, key))?;
        let cut = piece.len() > room;
        let piece = &piece[..piece.len().min(room)];
        room -= piece.len();
        for event in decoder.push(piece) {
            if wire.event(event, acc)? {
                acc.ended = Some(acc.start.elapsed());
                // Read the body's last bytes so that the connection goes back
                // to the pool: a new connection (and TLS handshake) per
                // request would add to every later trial's latency.
                let drain = async { while let Some(Ok(_)) = stream.next().await {} };
                let _ = tokio::time::timeout(DRAIN_LIMIT, drain).await;
                return Ok(());
            }
        }
        if cut {
            return Err(too_long(limit));
        }
    }
    if !decoder.has_partial() && wire.closed_stream_is_whole(acc) {
        return Ok(());
    }
    Err(Failure::new(
        ErrorClass::Truncated,
        "the stream ended before its last event",
    ))
}

/// How long to wait for the rest of a body after its end marker.
const DRAIN_LIMIT: Duration = Duration::from_millis(100);

/// Parses a JSON event or body, or says the response is malformed.
pub(crate) fn parse<'a, T: serde::Deserialize<'a>>(
    text: &'a [u8],
    what: &str,
) -> Result<T, Failure> {
    serde_json::from_slice(text).map_err(|e| {
        Failure::new(
            ErrorClass::InvalidResponse,
            format!("invalid JSON in {what}: {e}"),
        )
    })
}

/// A failure for an error status, with the provider's own message and wait hint.
fn status_failure(
    status: u16,
    headers: &reqwest::header::HeaderMap,
    body: &str,
    key: Option<&ApiKey>,
) -> Failure {
    let json = serde_json::from_str::<Value>(body).ok();
    let message = json
        .as_ref()
        .and_then(|v| v.pointer("/error/message").and_then(Value::as_str))
        .unwrap_or(body);
    let details = json
        .as_ref()
        .and_then(|v| v.pointer("/error/details").and_then(Value::as_array));
    // Gemini answers a bad key with 400 INVALID_ARGUMENT; its reason says what it is.
    let bad_key = details.is_some_and(|d| d.iter().any(|x| x["reason"] == "API_KEY_INVALID"));
    // Gemini puts its wait hint in the body (google.rpc.RetryInfo), not in a header.
    let body_delay = details.and_then(|d| {
        d.iter()
            .find_map(|x| x["retryDelay"].as_str().and_then(parse_seconds))
    });
    let mut failure = Failure::new(
        if bad_key {
            ErrorClass::Auth
        } else {
            ErrorClass::from_status(status)
        },
        format!("HTTP {status}: {}", cut(message, key)),
    );
    failure.status = Some(status);
    failure.retry_after = retry_after(headers).or(body_delay);
    failure
}

/// The failure of a redirect, which is never followed (see [`client`]).
fn redirected(status: u16, headers: &reqwest::header::HeaderMap, key: Option<&ApiKey>) -> Failure {
    let location = headers
        .get(reqwest::header::LOCATION)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let message = match location {
        Some(location) => {
            // Cut and redacted as any text from the server, then escaped.
            let shown: String = cut(&location, key)
                .chars()
                .flat_map(char::escape_debug)
                .collect();
            format!(
                "HTTP {status}: the endpoint redirects to `{shown}`; redirects are not followed (the key would go with them): set base_url to the endpoint itself"
            )
        }
        None => format!(
            "HTTP {status}: the endpoint redirects, without a Location; redirects are not followed: check base_url"
        ),
    };
    let mut failure = Failure::new(ErrorClass::BadRequest, message);
    failure.status = Some(status);
    failure
}

/// Parses a protobuf duration such as `27s` or `1.5s`.
fn parse_seconds(text: &str) -> Option<Duration> {
    wait_of(text.strip_suffix('s')?.parse().ok()?)
}

/// A wait a provider gave in seconds. A wait too long for a [`Duration`]
/// (`inf`, `1e300`) saturates: it is a very long wait, not a malformed one.
/// A negative or NaN wait means nothing.
fn wait_of(secs: f64) -> Option<Duration> {
    (secs >= 0.0).then(|| Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
}

fn transport(error: reqwest::Error, reading: bool, key: Option<&ApiKey>) -> Failure {
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
    Failure::new(class, redact(&message, key))
}

/// Providers sometimes echo the key they rejected; it must not reach an error.
pub(crate) fn redact(text: &str, key: Option<&ApiKey>) -> String {
    match key {
        Some(key) if !key.expose().is_empty() => text.replace(key.expose(), "<redacted>"),
        _ => text.to_string(),
    }
}

/// Shortest start of a key redacted at the end of a cut text: shorter
/// prefixes say nothing about the key (`sk-` is every OpenAI key's).
const KEY_PREFIX_CHARS: usize = 6;

/// Redacts a start of the key that ends `text`, where a cut may have left
/// part of an echoed key.
fn redact_cut(text: &str, key: Option<&ApiKey>) -> String {
    let Some(key) = key.map(ApiKey::expose).filter(|k| !k.is_empty()) else {
        return text.to_string();
    };
    let longest = (1..key.len())
        .rev()
        .filter(|&n| key.is_char_boundary(n) && n >= KEY_PREFIX_CHARS.min(key.len()))
        .find(|&n| text.ends_with(&key[..n]));
    match longest {
        Some(n) => format!("{}<redacted>", &text[..text.len() - n]),
        None => text.to_string(),
    }
}

/// An error message redacted, then cut to [`ERROR_MESSAGE_CHARS`], then
/// redacted again where the cut split the key.
fn cut(message: &str, key: Option<&ApiKey>) -> String {
    let whole = redact(message, key);
    if whole.chars().count() <= ERROR_MESSAGE_CHARS {
        return whole;
    }
    let mut kept: String = whole.chars().take(ERROR_MESSAGE_CHARS).collect();
    kept = redact_cut(&kept, key);
    kept.push('…');
    kept
}

/// A token count as a provider wrote it. Anything but a non-negative
/// integer (a negative count, a fraction, text) reads as `Count(None)`
/// rather than failing the response: the answer is kept, and its usage is
/// estimated as for a provider that reports none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Count(pub Option<u64>);

impl Default for Count {
    /// A count left out is zero, as the APIs document.
    fn default() -> Self {
        Self(Some(0))
    }
}

impl<'de> serde::Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Ok(Self(match value {
            // A count sent as null was not counted: zero, as when left out.
            Value::Null => Some(0),
            Value::Number(n) => n.as_u64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && (0.0..u64::MAX as f64).contains(f))
                    .map(|f| f as u64)
            }),
            _ => None,
        }))
    }
}

/// What one attempt has received so far.
pub(crate) struct Accumulator {
    start: Instant,
    /// The text so far.
    pub text: String,
    /// Usage, once the provider has reported it.
    pub usage: Option<Usage>,
    /// Whether the provider reported a count that cannot be right: the
    /// usage is then estimated, whatever else it reported.
    usage_unreadable: bool,
    /// Why generation stopped, once known.
    pub finish: Option<FinishReason>,
    ttft: Option<Duration>,
    last: Option<Duration>,
    gaps_us: Vec<u64>,
    /// When the end marker came, if one did.
    ended: Option<Duration>,
}

impl Accumulator {
    /// Nothing received yet; times count from now.
    pub(crate) fn new() -> Self {
        Self {
            start: Instant::now(),
            text: String::new(),
            usage: None,
            usage_unreadable: false,
            finish: None,
            ttft: None,
            last: None,
            gaps_us: Vec::new(),
            ended: None,
        }
    }

    /// Records the usage a provider reported: `None` when one of its
    /// counts could not be read (see [`Count`]).
    pub fn set_usage(&mut self, usage: Option<Usage>) {
        match usage {
            Some(usage) => self.usage = Some(usage),
            None => self.usage_unreadable = true,
        }
    }

    /// Appends streamed text, timing it if it is not empty.
    pub fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let at = self.start.elapsed();
        match self.last {
            None => self.ttft = Some(at),
            Some(prev) => self.gaps_us.push(micros(at - prev)),
        }
        self.last = Some(at);
        self.text.push_str(text);
    }

    /// The completion of this attempt; `messages` are the request's, for
    /// estimating what a failed attempt used.
    fn finish(mut self, outcome: Result<(), Failure>, messages: &[Message]) -> Completion {
        if self.usage_unreadable {
            self.usage = None;
        }
        let timing = Timing {
            ttft_us: self.ttft.map(micros),
            total_us: micros(self.ended.unwrap_or_else(|| self.start.elapsed())),
            gaps_us: self.gaps_us,
        };
        match outcome {
            Ok(()) => Completion {
                usage: self.usage.unwrap_or_else(|| Usage {
                    output_tokens: estimate_tokens(&self.text),
                    estimated: true,
                    ..Usage::default()
                }),
                text: self.text,
                timing,
                finish: self.finish.unwrap_or(FinishReason::Stop),
                error: None,
                attempts: 1,
                retried_usage: Usage::default(),
            },
            Err(failure) => Completion {
                // A stream cut after text arrived was billed for that text
                // and its prompt, even if the provider never said how much:
                // estimate it. An attempt that produced nothing and reported
                // nothing cost nothing.
                usage: match self.usage {
                    Some(usage) => usage,
                    None if self.text.is_empty() => Usage::default(),
                    None => Usage {
                        input_tokens: estimate_prompt_tokens(messages),
                        output_tokens: estimate_tokens(&self.text),
                        estimated: true,
                        ..Usage::default()
                    },
                },
                text: self.text,
                timing,
                finish: FinishReason::Error,
                error: Some(failure),
                attempts: 1,
                retried_usage: Usage::default(),
            },
        }
    }
}

fn micros(d: Duration) -> u64 {
    d.as_micros().min(u64::MAX as u128) as u64
}

/// The stated approximation when a server reports no usage: about four
/// characters per token for English text.
pub(crate) fn estimate_tokens(text: &str) -> u64 {
    (text.chars().count() as u64).div_ceil(4)
}

/// [`estimate_tokens`] over a conversation's messages.
pub(crate) fn estimate_prompt_tokens(messages: &[Message]) -> u64 {
    messages.iter().map(|m| estimate_tokens(&m.content)).sum()
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
        return wait_of(ms / 1000.0);
    }
    let value = text("retry-after")?;
    if let Ok(secs) = value.parse::<f64>() {
        return wait_of(secs);
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or_default())
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
    fn waits_too_long_for_a_duration_saturate_instead_of_panicking() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("inf"));
        assert_eq!(retry_after(&h), Some(Duration::MAX));
        h.insert("retry-after", HeaderValue::from_static("1e300"));
        assert_eq!(retry_after(&h), Some(Duration::MAX));
        h.insert("retry-after", HeaderValue::from_static("-1"));
        assert_eq!(retry_after(&h), None);
        h.insert("retry-after", HeaderValue::from_static("NaN"));
        assert_eq!(retry_after(&h), None);
        h.insert("retry-after-ms", HeaderValue::from_static("1e30"));
        assert_eq!(retry_after(&h), Some(Duration::MAX));
        h.insert("retry-after-ms", HeaderValue::from_static("1500"));
        assert_eq!(retry_after(&h), Some(Duration::from_millis(1500)));

        let gemini = r#"{"error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1e300s"}]}}"#;
        let f = status_failure(429, &HeaderMap::new(), gemini, None);
        assert_eq!(f.retry_after, Some(Duration::MAX));
        assert_eq!(parse_seconds("infs"), Some(Duration::MAX));
        assert_eq!(parse_seconds("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_seconds("-2s"), None);
    }

    /// Serves one connection: reads the request, writes `response`, closes.
    async fn serve_once(response: &'static str) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/v1", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            // Read the whole request first: closing a socket with unread
            // bytes resets the connection instead of ending the body.
            let mut seen = Vec::new();
            let mut buf = [0u8; 4096];
            loop {
                let n = socket.read(&mut buf).await.unwrap();
                seen.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&seen).to_lowercase();
                if let Some(end) = text.find("\r\n\r\n") {
                    let length: usize = text
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .map_or(0, |v| v.trim().parse().unwrap());
                    if seen.len() >= end + 4 + length {
                        break;
                    }
                }
                assert!(n > 0, "the client closed early");
            }
            socket.write_all(response.as_bytes()).await.unwrap();
            socket.shutdown().await.unwrap();
        });
        url
    }

    /// Serves one connection: reads the request head, writes `head`, then
    /// `piece` again and again until the client goes away.
    async fn serve_endless(head: &'static str, piece: &'static [u8]) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/v1", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 65536];
            let _ = socket.read(&mut buf).await;
            socket.write_all(head.as_bytes()).await.unwrap();
            while socket.write_all(piece).await.is_ok() {}
        });
        url
    }

    async fn ask_with(
        url: String,
        stream: bool,
        key: Option<&str>,
        edit: impl FnOnce(&mut Request),
    ) -> Completion {
        use crate::openai::{Flavor, OpenAiConfig, OpenAiRunner};
        use crate::{Role, Runner};
        let runner = OpenAiRunner::new(
            crate::client().expect("an HTTP client"),
            OpenAiConfig {
                base_url: url,
                model: "m".into(),
                api_key: key.map(ApiKey::new),
                stream,
                flavor: Flavor::Compatible,
            },
        );
        let mut request = Request {
            messages: vec![Message {
                role: Role::User,
                content: "hi".into(),
            }],
            max_tokens: 16,
            timeout: Duration::from_secs(10),
            ..Request::default()
        };
        edit(&mut request);
        runner.complete(&request).await
    }

    const STREAM_HEAD: &str =
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";

    #[tokio::test]
    async fn an_endless_stream_is_cut_at_the_response_limit() {
        let chunk = b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"more \"},\"finish_reason\":null}]}\n\n";
        let url = serve_endless(STREAM_HEAD, chunk).await;
        let c = ask_with(url, true, None, |r| r.max_response_bytes = Some(50_000)).await;
        let f = c.error.as_ref().expect("an error");
        assert_eq!(f.class, ErrorClass::Truncated, "{}", f.message);
        assert!(f.message.contains("limit of 50000 bytes"), "{}", f.message);
        assert!(
            !c.text.is_empty() && c.text.len() <= 50_000,
            "{}",
            c.text.len()
        );
    }

    #[tokio::test]
    async fn one_endless_line_is_cut_at_the_response_limit() {
        let url = serve_endless(
            STREAM_HEAD,
            b"data: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        )
        .await;
        let c = ask_with(url, true, None, |r| r.max_response_bytes = Some(100_000)).await;
        assert_eq!(c.error.map(|f| f.class), Some(ErrorClass::Truncated));
    }

    #[tokio::test]
    async fn an_endless_stream_is_cut_at_the_timeout() {
        let chunk = b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}\n\n";
        let url = serve_endless(STREAM_HEAD, chunk).await;
        let c = ask_with(url, true, None, |r| {
            r.max_response_bytes = Some(u64::MAX);
            r.timeout = Duration::from_millis(300);
        })
        .await;
        assert_eq!(c.error.map(|f| f.class), Some(ErrorClass::Timeout));
    }

    #[tokio::test]
    async fn a_giant_body_is_cut_at_the_response_limit() {
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 4000000000\r\n\r\n";
        let url = serve_endless(
            head,
            b"{\"choices\": [{\"index\": 0, \"message\": {\"content\": \"",
        )
        .await;
        let c = ask_with(url, false, None, |_| {}).await;
        let f = c.error.expect("an error");
        assert_eq!(f.class, ErrorClass::Truncated);
        // The default: a mebibyte plus a kibibyte per token of max_tokens.
        assert!(
            f.message.contains("limit of 1064960 bytes"),
            "{}",
            f.message
        );
        // An error body is read only in part, too.
        let head = "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 4000000000\r\n\r\n";
        let c = ask_with(serve_endless(head, b"oops ").await, false, None, |_| {}).await;
        let f = c.error.expect("an error");
        assert_eq!(f.class, ErrorClass::ServerError);
        assert!(f.message.chars().count() < 400, "{}", f.message);
    }

    #[tokio::test]
    async fn an_echoed_key_is_redacted_from_answers_and_cuts() {
        let echo = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n\
            {\"choices\":[{\"index\":0,\"message\":{\"content\":\"your key is sk-echoed-secret-42\"},\"finish_reason\":\"stop\"}]}";
        let c = ask_with(
            serve_once(echo).await,
            false,
            Some("sk-echoed-secret-42"),
            |_| {},
        )
        .await;
        assert_eq!(c.error, None);
        assert_eq!(c.text, "your key is <redacted>");

        // A stream cut in the middle of the key keeps no part of it.
        let cut = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n\
            data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"key: sk-echoed-se\"},\"finish_reason\":null}]}\n\n";
        let c = ask_with(
            serve_once(cut).await,
            true,
            Some("sk-echoed-secret-42"),
            |_| {},
        )
        .await;
        assert_eq!(c.error.map(|f| f.class), Some(ErrorClass::Truncated));
        assert_eq!(c.text, "key: <redacted>");
    }

    #[test]
    fn a_key_across_the_cut_of_an_error_body_is_redacted() {
        let key = ApiKey::new("sk-0123456789abcdef");
        for at in 280..300 {
            let body = format!("{}{}{}", "x".repeat(at), key.expose(), "y".repeat(50));
            let f = status_failure(401, &HeaderMap::new(), &body, Some(&key));
            for n in KEY_PREFIX_CHARS..=key.expose().len() {
                assert!(
                    !f.message.contains(&key.expose()[..n]),
                    "cut at {at}: {}",
                    f.message
                );
            }
        }
    }

    async fn ask(url: String) -> Completion {
        use crate::openai::{Flavor, OpenAiConfig, OpenAiRunner};
        use crate::{Role, Runner};
        let runner = OpenAiRunner::new(
            crate::client().expect("an HTTP client"),
            OpenAiConfig {
                base_url: url,
                model: "m".into(),
                api_key: None,
                stream: true,
                flavor: Flavor::Compatible,
            },
        );
        let request = Request {
            messages: vec![Message {
                role: Role::User,
                // 40 characters: an estimate of 10 prompt tokens.
                content: "Write the longest sentence you can think".into(),
            }],
            max_tokens: 100,
            timeout: Duration::from_secs(10),
            ..Request::default()
        };
        runner.complete(&request).await
    }

    #[tokio::test]
    async fn a_stream_cut_after_text_counts_an_estimate_of_its_usage() {
        let cut = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n\
            data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The longest sentence \"},\"finish_reason\":null}]}\n\n";
        let c = ask(serve_once(cut).await).await;
        assert_eq!(
            c.error.as_ref().map(|f| f.class),
            Some(ErrorClass::Truncated)
        );
        assert_eq!(c.text, "The longest sentence ");
        assert_eq!(
            c.usage,
            Usage {
                input_tokens: 10,
                output_tokens: 6,
                estimated: true,
                ..Usage::default()
            }
        );

        // Cut before any text: nothing was generated, nothing is counted.
        let empty =
            "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
        let c = ask(serve_once(empty).await).await;
        assert_eq!(
            c.error.as_ref().map(|f| f.class),
            Some(ErrorClass::Truncated)
        );
        assert_eq!(c.usage, Usage::default());
    }

    #[test]
    fn error_bodies_give_message_class_and_wait() {
        let key = ApiKey::new("sk-secret");
        let gemini = r#"{"error": {"code": 429, "message": "Resource has been exhausted", "status": "RESOURCE_EXHAUSTED",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "27s"}]}}"#;
        let f = status_failure(429, &HeaderMap::new(), gemini, Some(&key));
        assert_eq!(f.class, ErrorClass::RateLimited);
        assert_eq!(f.retry_after, Some(Duration::from_secs(27)));
        assert_eq!(f.message, "HTTP 429: Resource has been exhausted");

        let bad_key = r#"{"error": {"code": 400, "message": "API key not valid. sk-secret", "status": "INVALID_ARGUMENT",
            "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID"}]}}"#;
        let f = status_failure(400, &HeaderMap::new(), bad_key, Some(&key));
        assert_eq!(f.class, ErrorClass::Auth);
        assert!(!f.message.contains("sk-secret"), "{}", f.message);

        let f = status_failure(502, &HeaderMap::new(), "<html>bad gateway</html>", None);
        assert_eq!(f.class, ErrorClass::ServerError);
        assert_eq!(f.message, "HTTP 502: <html>bad gateway</html>");
    }
}
