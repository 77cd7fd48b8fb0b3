//! The Anthropic Messages API (`POST /v1/messages`).
//!
//! Requests need `x-api-key` and `anthropic-version`, a `model`,
//! `max_tokens` and a non-empty `messages` of user and assistant turns
//! starting with the user; the system prompt is a top-level field, unknown
//! fields are refused ("Extra inputs are not permitted") and `temperature`
//! stops at 1. Streams are named events — `message_start`,
//! `content_block_start`, `ping`, `content_block_delta`…,
//! `content_block_stop`, `message_delta`, `message_stop` — and errors use
//! `{"type": "error", "error": {"type", "message"}}`, with 529 for
//! `overloaded_error`.

use crate::http::HttpRequest;
use crate::server::{
    delays, event_stream, limited, reported, whole_delay, words, End, Protocol, Reply, Response,
    Seen,
};
use serde_json::{json, Value};
use std::time::Duration;

/// The protocol.
pub struct Messages;

const ID: &str = "msg_01XFDUDYJgAACzvnptvVoYEL";
const FIELDS: [&str; 14] = [
    "model",
    "messages",
    "max_tokens",
    "system",
    "stream",
    "temperature",
    "top_p",
    "top_k",
    "stop_sequences",
    "metadata",
    "tools",
    "tool_choice",
    "thinking",
    "service_tier",
];

fn error(status: u16, kind: &str, message: &str) -> Response {
    let mut r = Response::json(
        status,
        &json!({"type": "error", "error": {"type": kind, "message": message}}),
    );
    r.headers
        .push(("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy".to_string()));
    r
}

fn invalid(message: &str) -> Response {
    error(400, "invalid_request_error", message)
}

/// The text of a message's `content`: a string, or text blocks.
fn text_of(content: &Value) -> String {
    match content {
        Value::String(s) => s.clone(),
        Value::Array(blocks) => blocks
            .iter()
            .filter_map(|b| b["text"].as_str())
            .collect::<Vec<_>>()
            .join(""),
        _ => String::new(),
    }
}

fn validate(body: &Value) -> Result<(), String> {
    let Some(fields) = body.as_object() else {
        return Err("Input should be an object".into());
    };
    if let Some(extra) = fields.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!("{extra}: Extra inputs are not permitted"));
    }
    if !body["model"].is_string() {
        return Err("model: Field required".into());
    }
    match body["max_tokens"].as_u64() {
        None => return Err("max_tokens: Field required".into()),
        Some(0) => return Err("max_tokens: Input should be greater than or equal to 1".into()),
        Some(_) => {}
    }
    let Some(messages) = body["messages"].as_array() else {
        return Err("messages: Field required".into());
    };
    if messages.is_empty() {
        return Err("messages: at least one message is required".into());
    }
    for (i, m) in messages.iter().enumerate() {
        let role = m["role"].as_str().unwrap_or_default();
        if role == "system" {
            return Err(format!("messages.{i}.role: Unexpected role \"system\". The Messages API accepts a top-level `system` parameter, not \"system\" as an input message role."));
        }
        if role != "user" && role != "assistant" {
            return Err(format!(
                "messages.{i}.role: Input should be 'user' or 'assistant'"
            ));
        }
        if !(m["content"].is_string() || m["content"].is_array()) {
            return Err(format!("messages.{i}.content: Field required"));
        }
    }
    if messages[0]["role"] != "user" {
        return Err("messages: first message must use the \"user\" role".into());
    }
    if let Some(t) = body.get("temperature") {
        if !t.as_f64().is_some_and(|t| (0.0..=1.0).contains(&t)) {
            return Err("temperature: Input should be less than or equal to 1".into());
        }
    }
    if let Some(s) = body.get("system") {
        if !(s.is_string() || s.is_array()) {
            return Err("system: Input should be a valid string".into());
        }
    }
    Ok(())
}

/// Thinking tokens a model spends on each answer, at most its budget.
const THINKING: u64 = 40;

/// The thinking and sampling rules of Claude models, as the API applies
/// them, and the thinking tokens a request spends. From Claude 4.5 (and
/// Opus 4.1), `temperature` and `top_p` exclude each other; extended thinking
/// takes a budget of at least 1,024 tokens below `max_tokens`, and no
/// `temperature` other than 1, no `top_k`, and `top_p` only from 0.95.
fn thinking(body: &Value) -> Result<u64, String> {
    let model = body["model"].as_str().unwrap_or_default();
    let newer = ["-4-5", "-4-6", "opus-4-1"]
        .iter()
        .any(|v| model.contains(v));
    if newer && body.get("temperature").is_some() && body.get("top_p").is_some() {
        return Err(
            "`temperature` and `top_p` cannot both be specified for this model. Please use only one."
                .into(),
        );
    }
    let Some(thinking) = body.get("thinking") else {
        return Ok(0);
    };
    if thinking["type"] != "enabled" {
        return Ok(0);
    }
    let budget = thinking["budget_tokens"].as_u64().unwrap_or(0);
    if budget < 1024 {
        return Err(
            "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024".into(),
        );
    }
    if budget >= body["max_tokens"].as_u64().unwrap_or(0) {
        return Err("`max_tokens` must be greater than `thinking.budget_tokens`.".into());
    }
    if body
        .get("temperature")
        .is_some_and(|t| t.as_f64() != Some(1.0))
    {
        return Err("`temperature` may only be set to 1 when thinking is enabled.".into());
    }
    if body.get("top_k").is_some() {
        return Err("`top_k` must be unset when thinking is enabled.".into());
    }
    if body
        .get("top_p")
        .is_some_and(|p| p.as_f64().is_none_or(|p| p < 0.95))
    {
        return Err(
            "`top_p` must be greater than or equal to 0.95 or unset when thinking is enabled."
                .into(),
        );
    }
    Ok(THINKING.min(budget))
}

/// The words of a thinking block that spends `tokens` tokens.
fn thoughts(tokens: u64) -> String {
    vec!["hmm"; tokens as usize].join(" ")
}

/// A thinking block's signature, opaque to clients.
const SIGNATURE: &str = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds";

impl Protocol for Messages {
    fn accept(&self, req: &HttpRequest, key: Option<&str>) -> Result<Seen, Response> {
        if req.path != "/v1/messages" {
            return Err(error(404, "not_found_error", "Not found"));
        }
        if req.method != "POST" {
            return Err(error(405, "invalid_request_error", "Method not allowed"));
        }
        if let Some(key) = key {
            match req.headers.get("x-api-key") {
                None => {
                    return Err(error(
                        401,
                        "authentication_error",
                        "x-api-key header is required",
                    ))
                }
                Some(given) if given != key => {
                    return Err(error(401, "authentication_error", "invalid x-api-key"))
                }
                Some(_) => {}
            }
        }
        if !req.headers.contains_key("anthropic-version") {
            return Err(invalid("anthropic-version: header is required"));
        }
        let body: Value = serde_json::from_slice(&req.body)
            .map_err(|_| invalid("There was an issue with your request body: invalid JSON"))?;
        validate(&body).map_err(|m| invalid(&m))?;
        let reasoning_tokens = thinking(&body).map_err(|m| invalid(&m))?;
        let messages = body["messages"].as_array().cloned().unwrap_or_default();
        let prompt = messages
            .iter()
            .rev()
            .find(|m| m["role"] == "user")
            .map(|m| text_of(&m["content"]))
            .unwrap_or_default();
        let prompt_tokens = messages
            .iter()
            .map(|m| words(&text_of(&m["content"])))
            .sum::<u64>()
            + words(&text_of(&body["system"]));
        Ok(Seen {
            model: body["model"].as_str().unwrap_or_default().to_string(),
            prompt,
            stream: body["stream"].as_bool().unwrap_or(false),
            max_tokens: body["max_tokens"].as_u64(),
            prompt_tokens,
            reasoning_tokens,
            body,
            attempt: 0,
        })
    }

    fn reply(&self, seen: &Seen, reply: &Reply, end: End, _usage: bool) -> Response {
        let (parts, cut) = limited(seen, reply);
        let stop = if cut { "max_tokens" } else { "end_turn" };
        let thinking = seen.reasoning_tokens;
        let output = parts.len() as u64 + thinking;
        let usage = json!({"input_tokens": seen.prompt_tokens, "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0, "output_tokens": output, "service_tier": "standard"});
        let usage = reported(usage, reply);
        // With extended thinking, a thinking block comes before the text.
        let text_index = u64::from(thinking > 0);
        if !seen.stream {
            let mut content = vec![json!({"type": "text", "text": parts.concat()})];
            if thinking > 0 {
                content.insert(
                    0,
                    json!({"type": "thinking", "thinking": thoughts(thinking), "signature": SIGNATURE}),
                );
            }
            let body = json!({
                "id": ID, "type": "message", "role": "assistant", "model": seen.model,
                "content": content,
                "stop_reason": stop, "stop_sequence": null, "usage": usage
            });
            return Response::json(200, &body).after(whole_delay(reply, parts.len()));
        }
        let event =
            |name: &str, data: Value| format!("event: {name}\ndata: {data}\n\n").into_bytes();
        let mut start_usage = usage.clone();
        start_usage["output_tokens"] = reported(json!(1), reply);
        let mut frames = vec![(
            Duration::ZERO,
            event(
                "message_start",
                json!({"type": "message_start", "message": {"id": ID, "type": "message", "role": "assistant",
                        "model": seen.model, "content": [], "stop_reason": null, "stop_sequence": null, "usage": start_usage}}),
            ),
        )];
        if thinking > 0 {
            for data in [
                json!({"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": "", "signature": ""}}),
                json!({"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": thoughts(thinking)}}),
                json!({"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": SIGNATURE}}),
                json!({"type": "content_block_stop", "index": 0}),
            ] {
                let name = data["type"].as_str().unwrap_or_default().to_string();
                frames.push((Duration::ZERO, event(&name, data)));
            }
        }
        frames.push((
            Duration::ZERO,
            event(
                "content_block_start",
                json!({"type": "content_block_start", "index": text_index, "content_block": {"type": "text", "text": ""}}),
            ),
        ));
        frames.push((Duration::ZERO, event("ping", json!({"type": "ping"}))));
        for (i, (p, delay)) in parts.iter().zip(delays(reply, parts.len())).enumerate() {
            match end {
                End::CutAfter(n) if n == i => {
                    frames.push((delay, b"event: content_block_delta\ndata: {\"type\": \"content_".to_vec()));
                    return event_stream(frames, false);
                }
                End::ErrorAfter(n) if n == i => {
                    frames.push((
                        delay,
                        event(
                            "error",
                            json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
                        ),
                    ));
                    return event_stream(frames, true);
                }
                _ => frames.push((
                    delay,
                    event(
                        "content_block_delta",
                        json!({"type": "content_block_delta", "index": text_index, "delta": {"type": "text_delta", "text": p}}),
                    ),
                )),
            }
        }
        frames.push((
            Duration::ZERO,
            event(
                "content_block_stop",
                json!({"type": "content_block_stop", "index": text_index}),
            ),
        ));
        frames.push((
            Duration::ZERO,
            event(
                "message_delta",
                json!({"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": null},
                    "usage": reported(json!({"output_tokens": output}), reply)}),
            ),
        ));
        frames.push((
            Duration::ZERO,
            event("message_stop", json!({"type": "message_stop"})),
        ));
        event_stream(frames, true)
    }

    fn error(&self, status: u16, retry_after: Option<&str>) -> Response {
        let mut r = match status {
            429 => error(
                429,
                "rate_limit_error",
                "Number of request tokens has exceeded your per-minute rate limit",
            ),
            529 => error(529, "overloaded_error", "Overloaded"),
            500 => error(500, "api_error", "Internal server error"),
            code => error(code, "api_error", "Service unavailable"),
        };
        if let Some(value) = retry_after {
            r.headers.push(("retry-after", value.to_string()));
        }
        r
    }

    fn invalid_json(&self, seen: &Seen) -> Response {
        if seen.stream {
            event_stream(
                vec![(
                    Duration::ZERO,
                    b"event: message_start\ndata: {\"type\": \"message_start\", \"message\": {\n\n"
                        .to_vec(),
                )],
                true,
            )
        } else {
            Response::bytes(
                200,
                "application/json",
                b"{\"id\": \"msg_x\", \"content\": [".to_vec(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_matches_the_api() {
        let ok =
            json!({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "x"}]});
        assert!(validate(&ok).is_ok());
        let mut missing = ok.clone();
        missing.as_object_mut().unwrap().remove("max_tokens");
        assert_eq!(
            validate(&missing).unwrap_err(),
            "max_tokens: Field required"
        );
        let mut extra = ok.clone();
        extra["stop"] = json!(["x"]);
        assert_eq!(
            validate(&extra).unwrap_err(),
            "stop: Extra inputs are not permitted"
        );
        let system = json!({"model": "m", "max_tokens": 5, "messages": [{"role": "system", "content": "x"}]});
        assert!(validate(&system).unwrap_err().contains("Unexpected role"));
        let mut hot = ok;
        hot["temperature"] = json!(1.5);
        assert!(validate(&hot).is_err());
    }

    #[test]
    fn thinking_and_sampling_follow_the_api_rules() {
        let body = |extra: Value| {
            let mut b = json!({"model": "claude-sonnet-4-5", "max_tokens": 4096, "messages": []});
            for (k, v) in extra.as_object().unwrap() {
                b[k] = v.clone();
            }
            b
        };
        assert_eq!(
            thinking(&body(json!({"temperature": 0, "top_p": 0.9}))).unwrap_err(),
            "`temperature` and `top_p` cannot both be specified for this model. Please use only one."
        );
        let mut older = body(json!({"temperature": 0, "top_p": 0.9}));
        older["model"] = json!("claude-sonnet-4-20250514");
        assert_eq!(thinking(&older), Ok(0));
        let enabled = |budget: u64| json!({"type": "enabled", "budget_tokens": budget});
        assert_eq!(
            thinking(&body(json!({"thinking": enabled(2048)}))),
            Ok(THINKING)
        );
        assert!(thinking(&body(json!({"thinking": enabled(512)}))).is_err());
        assert!(thinking(&body(json!({"thinking": enabled(4096)}))).is_err());
        assert!(thinking(&body(json!({"thinking": enabled(2048), "temperature": 0}))).is_err());
        assert!(thinking(&body(json!({"thinking": enabled(2048), "top_k": 5}))).is_err());
        assert_eq!(
            thinking(&body(json!({"thinking": enabled(2048), "top_p": 0.95}))),
            Ok(THINKING)
        );
    }
}
