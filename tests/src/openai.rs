//! The OpenAI Chat Completions API, and Azure OpenAI's variant of it.
//!
//! Responses follow the API reference: `chat.completion` objects, and for
//! `stream: true` a `text/event-stream` of `chat.completion.chunk` objects —
//! a role chunk, content deltas, a finish chunk, the usage chunk with empty
//! `choices` when `stream_options.include_usage` is set, then `data: [DONE]`.
//! Invalid requests get a 400 with an `invalid_request_error`, a wrong key a
//! 401 that echoes it (as the real API does), so clients must redact. Azure
//! takes the deployment from the path, requires `api-version`, and reads
//! the key from an `api-key` header.

use crate::http::HttpRequest;
use crate::server::{
    delays, event_stream, limited, reported, whole_delay, words, End, Protocol, Reply, Response,
    Seen,
};
use serde_json::{json, Value};
use std::time::Duration;

/// The protocol, for OpenAI (`azure: false`) or Azure OpenAI.
pub struct Chat {
    /// Azure's routing and key header.
    pub azure: bool,
}

fn error_body(message: &str, kind: &str, param: Option<&str>, code: Option<&str>) -> Value {
    json!({"error": {"message": message, "type": kind, "param": param, "code": code}})
}

fn bad_request(message: &str, param: Option<&str>) -> Response {
    Response::json(
        400,
        &error_body(message, "invalid_request_error", param, None),
    )
}

const ID: &str = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT";
const CREATED: u64 = 1_741_569_952;
const FINGERPRINT: &str = "fp_fc9f1d7035";

impl Chat {
    /// The deployment named by an Azure path, or the check of OpenAI's path.
    fn route(&self, req: &HttpRequest) -> Result<Option<String>, Response> {
        let (path, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
        let deployment = if self.azure {
            let name = path
                .strip_prefix("/openai/deployments/")
                .and_then(|rest| rest.strip_suffix("/chat/completions"));
            match name {
                Some(name) if !name.contains('/') => Some(name.to_string()),
                _ => {
                    return Err(Response::json(
                        404,
                        &json!({"error": {"code": "404", "message": "Resource not found"}}),
                    ))
                }
            }
        } else if path != "/v1/chat/completions" {
            return Err(Response::json(
                404,
                &error_body(
                    &format!("Invalid URL ({} {})", req.method, req.path),
                    "invalid_request_error",
                    None,
                    None,
                ),
            ));
        } else {
            None
        };
        if self.azure && !query.split('&').any(|p| p.starts_with("api-version=")) {
            return Err(Response::json(
                404,
                &json!({"error": {"code": "404", "message": "Resource not found"}}),
            ));
        }
        if req.method != "POST" {
            return Err(Response::json(
                405,
                &error_body("Only POST is allowed", "invalid_request_error", None, None),
            ));
        }
        Ok(deployment)
    }

    fn check_key(&self, req: &HttpRequest, key: Option<&str>) -> Result<(), Response> {
        let Some(key) = key else { return Ok(()) };
        let given = if self.azure {
            req.headers.get("api-key").map(String::as_str)
        } else {
            req.headers
                .get("authorization")
                .and_then(|v| v.strip_prefix("Bearer "))
        };
        if given == Some(key) {
            return Ok(());
        }
        Err(if self.azure {
            Response::json(
                401,
                &json!({"error": {"code": "401", "message": "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}),
            )
        } else {
            let msg = format!("Incorrect API key provided: {}. You can find your API key at https://platform.openai.com/account/api-keys.", given.unwrap_or(""));
            Response::json(
                401,
                &error_body(&msg, "invalid_request_error", None, Some("invalid_api_key")),
            )
        })
    }
}

impl Protocol for Chat {
    fn accept(&self, req: &HttpRequest, key: Option<&str>) -> Result<Seen, Response> {
        let deployment = self.route(req)?;
        self.check_key(req, key)?;
        let body: Value = serde_json::from_slice(&req.body).map_err(|_| {
            bad_request("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)", None)
        })?;
        validate(&body, deployment.is_some())
            .map_err(|(msg, param)| bad_request(&msg, Some(param)))?;
        let name = deployment
            .as_deref()
            .or(body["model"].as_str())
            .unwrap_or_default();
        let reasoning_tokens = reasoning(&body, name).map_err(|(msg, param, code)| {
            Response::json(
                400,
                &error_body(&msg, "invalid_request_error", Some(param), Some(code)),
            )
        })?;
        let messages = body["messages"].as_array().cloned().unwrap_or_default();
        let prompt = messages
            .iter()
            .rev()
            .find(|m| m["role"] == "user")
            .and_then(|m| m["content"].as_str())
            .unwrap_or_default()
            .to_string();
        let prompt_tokens = messages
            .iter()
            .map(|m| words(m["content"].as_str().unwrap_or_default()))
            .sum();
        let max_tokens = body["max_completion_tokens"]
            .as_u64()
            .or(body["max_tokens"].as_u64());
        let reasoning_tokens = reasoning_tokens.min(max_tokens.unwrap_or(u64::MAX));
        Ok(Seen {
            model: deployment
                .unwrap_or_else(|| body["model"].as_str().unwrap_or_default().to_string()),
            prompt,
            stream: body["stream"].as_bool().unwrap_or(false),
            max_tokens,
            prompt_tokens,
            reasoning_tokens,
            body,
            attempt: 0,
        })
    }

    fn reply(&self, seen: &Seen, reply: &Reply, end: End, usage_allowed: bool) -> Response {
        let (parts, cut) = limited(seen, reply);
        let finish = if cut { "length" } else { "stop" };
        let usage = reported(usage(seen, parts.len() as u64), reply);
        if !seen.stream {
            let body = json!({
                "id": ID, "object": "chat.completion", "created": CREATED, "model": seen.model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": parts.concat(), "refusal": null, "annotations": []}, "logprobs": null, "finish_reason": finish}],
                "usage": usage, "service_tier": "default", "system_fingerprint": FINGERPRINT
            });
            return Response::json(200, &body).after(whole_delay(reply, parts.len()));
        }
        let include_usage =
            usage_allowed && seen.body["stream_options"]["include_usage"] == json!(true);
        let chunk = |delta: Value, finish: Option<&str>| {
            let mut c = json!({
                "id": ID, "object": "chat.completion.chunk", "created": CREATED, "model": seen.model,
                "service_tier": "default", "system_fingerprint": FINGERPRINT,
                "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]
            });
            if include_usage {
                c["usage"] = Value::Null;
            }
            format!("data: {c}\n\n").into_bytes()
        };
        let mut frames = vec![(
            Duration::ZERO,
            chunk(
                json!({"role": "assistant", "content": "", "refusal": null}),
                None,
            ),
        )];
        for (i, (p, delay)) in parts.iter().zip(delays(reply, parts.len())).enumerate() {
            match end {
                End::CutAfter(n) if n == i => {
                    // Half an event, then the connection ends.
                    frames.push((delay, b"data: {\"id\": \"chatcmpl-".to_vec()));
                    return event_stream(frames, false);
                }
                End::ErrorAfter(n) if n == i => {
                    let e = error_body(
                        "The server had an error while processing your request. Sorry about that!",
                        "server_error",
                        None,
                        None,
                    );
                    frames.push((delay, format!("data: {e}\n\n").into_bytes()));
                    return event_stream(frames, true);
                }
                _ => frames.push((delay, chunk(json!({"content": p}), None))),
            }
        }
        frames.push((Duration::ZERO, chunk(json!({}), Some(finish))));
        if include_usage {
            let c = json!({
                "id": ID, "object": "chat.completion.chunk", "created": CREATED, "model": seen.model,
                "service_tier": "default", "system_fingerprint": FINGERPRINT, "choices": [], "usage": usage
            });
            frames.push((Duration::ZERO, format!("data: {c}\n\n").into_bytes()));
        }
        frames.push((Duration::ZERO, b"data: [DONE]\n\n".to_vec()));
        event_stream(frames, true)
    }

    fn error(&self, status: u16, retry_after: Option<&str>) -> Response {
        let (msg, kind) = match status {
            429 => ("Rate limit reached for requests", "requests"),
            503 => ("The server is overloaded or not ready yet.", "server_error"),
            _ => (
                "The server had an error while processing your request.",
                "server_error",
            ),
        };
        let mut r = Response::json(status, &error_body(msg, kind, None, None));
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
                    b"data: {\"id\": \"chatcmpl-x\", \"choices\": [\n\n".to_vec(),
                )],
                true,
            )
        } else {
            Response::bytes(
                200,
                "application/json",
                b"{\"id\": \"chatcmpl-x\", \"choices\": [".to_vec(),
            )
        }
    }
}

/// The checks the real API makes on the fields clients send.
fn validate(body: &Value, azure: bool) -> Result<(), (String, &'static str)> {
    if !azure && !body["model"].is_string() {
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
    for field in ["max_tokens", "max_completion_tokens"] {
        if let Some(n) = body.get(field).filter(|v| !v.is_null()) {
            if n.as_u64().is_none_or(|n| n < 1) {
                return Err((
                    format!(
                        "Invalid '{field}': integer below minimum value. Expected a value >= 1."
                    ),
                    "max_tokens",
                ));
            }
        }
    }
    if body.get("max_tokens").is_some() && body.get("max_completion_tokens").is_some() {
        return Err((
            "max_tokens and max_completion_tokens cannot both be set. Please remove one.".into(),
            "max_tokens",
        ));
    }
    if body.get("stream_options").is_some_and(|v| !v.is_null()) && body["stream"] != json!(true) {
        return Err((
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.".into(),
            "stream_options",
        ));
    }
    if let Some(format) = body.get("response_format") {
        let ok = format["type"] == "json_schema"
            && format["json_schema"]["name"].is_string()
            && format["json_schema"]["schema"].is_object();
        if !ok && format["type"] != "json_object" && format["type"] != "text" {
            return Err((
                "Invalid 'response_format': expected type json_schema with a name and a schema."
                    .into(),
                "response_format",
            ));
        }
    }
    Ok(())
}

/// The effort values a reasoning model takes, by name, and its default:
/// `None` for a model that does not reason.
fn efforts(model: &str) -> Option<(&'static [&'static str], &'static str)> {
    if model.starts_with("o1-mini") || model.starts_with("o1-preview") {
        return Some((&[], "medium"));
    }
    let o_series = ["o1", "o3", "o4"].iter().any(|p| model.starts_with(p));
    let rest = model.strip_prefix("gpt-5");
    if o_series {
        return Some((&["low", "medium", "high"], "medium"));
    }
    match rest {
        None => None,
        Some(r) if r.contains("-chat") => None,
        Some(r) if r.starts_with(".1") => Some((&["none", "low", "medium", "high"], "none")),
        Some(r) if r.starts_with('.') => {
            Some((&["none", "low", "medium", "high", "xhigh"], "none"))
        }
        Some(_) => Some((&["minimal", "low", "medium", "high"], "medium")),
    }
}

/// A reasoning model's checks, as the API makes them (the messages are the
/// API's), and the tokens it spends reasoning at the effort asked for.
fn reasoning(body: &Value, model: &str) -> Result<u64, (String, &'static str, &'static str)> {
    let effort = body.get("reasoning_effort").and_then(Value::as_str);
    let Some((levels, default)) = efforts(model) else {
        return match effort {
            Some(_) => Err((
                "Unsupported parameter: 'reasoning_effort' is not supported with this model."
                    .into(),
                "reasoning_effort",
                "unsupported_parameter",
            )),
            None => Ok(0),
        };
    };
    for param in ["temperature", "top_p"] {
        if let Some(v) = body.get(param).filter(|v| v.as_f64() != Some(1.0)) {
            return Err((
                format!("Unsupported value: '{param}' does not support {v} with this model. Only the default (1) value is supported."),
                param,
                "unsupported_value",
            ));
        }
    }
    if body.get("stop").is_some() {
        return Err((
            "Unsupported parameter: 'stop' is not supported with this model.".into(),
            "stop",
            "unsupported_parameter",
        ));
    }
    if body.get("max_tokens").is_some() {
        return Err((
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.".into(),
            "max_tokens",
            "unsupported_parameter",
        ));
    }
    if levels.is_empty() && effort.is_some() {
        return Err((
            "Unsupported parameter: 'reasoning_effort' is not supported with this model.".into(),
            "reasoning_effort",
            "unsupported_parameter",
        ));
    }
    let effort = effort.unwrap_or(default);
    if !levels.is_empty() && !levels.contains(&effort) {
        let quoted: Vec<String> = levels.iter().map(|l| format!("'{l}'")).collect();
        let (last, rest) = quoted.split_last().expect("levels");
        return Err((
            format!(
                "Unsupported value: '{effort}' is not supported with the '{model}' model. Supported values are: {}, and {last}.",
                rest.join(", ")
            ),
            "reasoning_effort",
            "unsupported_value",
        ));
    }
    Ok(match effort {
        "none" => 0,
        "minimal" => 8,
        "low" => 64,
        "medium" => 256,
        _ => 1024,
    })
}

fn usage(seen: &Seen, answer: u64) -> Value {
    let (prompt, reasoning) = (seen.prompt_tokens, seen.reasoning_tokens);
    let completion = answer + reasoning;
    json!({
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": reasoning, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_matches_the_api() {
        let ok = json!({"model": "m", "messages": [{"role": "user", "content": "x"}]});
        assert!(validate(&ok, false).is_ok());
        assert_eq!(
            validate(&json!({"messages": []}), false).unwrap_err().1,
            "model"
        );
        assert_eq!(
            validate(&json!({"model": "m", "messages": []}), false)
                .unwrap_err()
                .1,
            "messages"
        );
        assert_eq!(
            validate(
                &json!({"model": "m", "messages": [{"role": "bot", "content": "x"}]}),
                false
            )
            .unwrap_err()
            .1,
            "messages"
        );
        assert_eq!(validate(&json!({"model": "m", "messages": [{"role": "user", "content": "x"}], "temperature": 3}), false).unwrap_err().1, "temperature");
        assert_eq!(validate(&json!({"model": "m", "messages": [{"role": "user", "content": "x"}], "stream_options": {}}), false).unwrap_err().1, "stream_options");
        assert_eq!(validate(&json!({"model": "m", "messages": [{"role": "user", "content": "x"}], "max_tokens": 1, "max_completion_tokens": 1}), false).unwrap_err().1, "max_tokens");
    }

    #[test]
    fn reasoning_models_refuse_what_the_api_refuses() {
        let refused = |body: Value, model| reasoning(&body, model).unwrap_err();
        let (msg, param, code) = refused(json!({"temperature": 0}), "gpt-5-mini");
        assert_eq!(msg, "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.");
        assert_eq!((param, code), ("temperature", "unsupported_value"));
        assert_eq!(refused(json!({"stop": ["x"]}), "o3").1, "stop");
        assert_eq!(refused(json!({"max_tokens": 9}), "gpt-5").1, "max_tokens");
        let (msg, ..) = refused(json!({"reasoning_effort": "minimal"}), "gpt-5.1");
        assert_eq!(msg, "Unsupported value: 'minimal' is not supported with the 'gpt-5.1' model. Supported values are: 'none', 'low', 'medium', and 'high'.");
        for model in ["gpt-4.1-mini", "o1-mini"] {
            assert_eq!(
                refused(json!({"reasoning_effort": "low"}), model).2,
                "unsupported_parameter"
            );
        }
        // Temperature 1 is the default and accepted; spending follows the effort.
        assert_eq!(reasoning(&json!({"temperature": 1}), "gpt-5-mini"), Ok(256));
        assert_eq!(
            reasoning(&json!({"reasoning_effort": "minimal"}), "gpt-5-nano"),
            Ok(8)
        );
        assert_eq!(reasoning(&json!({}), "gpt-5.2"), Ok(0));
        assert_eq!(
            reasoning(&json!({"temperature": 0}), "gpt-5-chat-latest"),
            Ok(0)
        );
    }
}
