//! Google's Gemini API: `POST /v1beta/models/{model}:generateContent` and
//! `:streamGenerateContent?alt=sse` (server-sent events; the API's other
//! stream framing, one JSON array, is not served here).
//!
//! The key comes in `x-goog-api-key` (or `?key=`); a wrong one is a 400
//! `INVALID_ARGUMENT` whose details give the reason `API_KEY_INVALID`.
//! Request fields are checked by name as the API's JSON parser does
//! ("Unknown name … Cannot find field."), roles must be `user` or `model`.
//! Every event is a whole `GenerateContentResponse` separated by CRLF CRLF;
//! the last carries `finishReason` and the full `usageMetadata`. Errors use
//! `{"error": {"code", "message", "status", "details"}}`, and a 429 says how
//! long to wait in a `google.rpc.RetryInfo` detail, not in a header.

use crate::http::HttpRequest;
use crate::server::{
    delays, event_stream, limited, reported, whole_delay, words, End, Protocol, Reply, Response,
    Seen,
};
use serde_json::{json, Value};
use std::time::Duration;

/// The protocol.
pub struct Generate;

/// The content type Gemini answers with.
const JSON: &str = "application/json; charset=UTF-8";

const REQUEST_FIELDS: [&str; 14] = [
    "contents",
    "systemInstruction",
    "system_instruction",
    "generationConfig",
    "generation_config",
    "safetySettings",
    "safety_settings",
    "tools",
    "toolConfig",
    "tool_config",
    "cachedContent",
    "cached_content",
    "labels",
    "model",
];

const CONFIG_FIELDS: [&str; 22] = [
    "stopSequences",
    "responseMimeType",
    "responseSchema",
    "responseJsonSchema",
    "candidateCount",
    "maxOutputTokens",
    "temperature",
    "topP",
    "topK",
    "seed",
    "presencePenalty",
    "frequencyPenalty",
    "responseLogprobs",
    "logprobs",
    "thinkingConfig",
    "stop_sequences",
    "response_mime_type",
    "response_schema",
    "max_output_tokens",
    "top_p",
    "top_k",
    "thinking_config",
];

/// Thinking tokens a 2.5 model spends on each answer when it decides for
/// itself (dynamic thinking, its default) or when its budget is larger.
const THOUGHTS: u64 = 40;

/// The thinking tokens of a request, checked against the model's thinking
/// rules as the API applies them: Gemini 2.5 takes a budget (Pro 128–32,768
/// and never 0, Flash 0–24,576, Flash-Lite 512–24,576 and off by default;
/// -1 is dynamic), Gemini 3 a level. Thinking counts against `maxOutputTokens`.
fn thinking(model: &str, config: Option<&Value>) -> Result<u64, String> {
    let thinking = config.and_then(|c| c.get("thinkingConfig").or(c.get("thinking_config")));
    let budget = thinking.and_then(|t| t.get("thinkingBudget").or(t.get("thinking_budget")));
    let level = thinking.and_then(|t| t.get("thinkingLevel").or(t.get("thinking_level")));
    if model.starts_with("gemini-3") {
        if budget.is_some() && level.is_some() {
            return Err("You can only set only one of thinking budget and thinking level.".into());
        }
        let levels: &[&str] = if model.contains("-pro") {
            &["low", "high"]
        } else {
            &["minimal", "low", "medium", "high"]
        };
        return match level.map(|l| l.as_str().unwrap_or_default()) {
            Some(l) if !levels.contains(&l) => Err(format!("Invalid thinking level: {l}.")),
            Some("minimal") => Ok(0),
            Some("low") => Ok(THOUGHTS / 2),
            _ => Ok(THOUGHTS),
        };
    }
    let (min, max, off_ok, default) = if model.starts_with("gemini-2.5-pro") {
        (128, 32_768, false, THOUGHTS)
    } else if model.starts_with("gemini-2.5-flash-lite") {
        (512, 24_576, true, 0)
    } else if model.starts_with("gemini-2.5-flash") {
        (1, 24_576, true, THOUGHTS)
    } else if thinking.is_some() {
        return Err("Thinking is not supported for this model.".into());
    } else {
        return Ok(0);
    };
    if level.is_some() {
        return Err("Thinking level is not supported for this model.".into());
    }
    match budget.map(|b| b.as_i64().unwrap_or(i64::MIN)) {
        None => Ok(default),
        Some(-1) => Ok(THOUGHTS),
        Some(0) if off_ok => Ok(0),
        Some(0) => Err("Budget 0 is invalid. This model only works in thinking mode.".into()),
        Some(b) if (min..=max).contains(&b) => Ok(THOUGHTS.min(b as u64)),
        Some(b) => Err(format!(
            "The thinking budget {b} is invalid. Please choose a value between {min} and {max}."
        )),
    }
}

fn error(code: u16, status: &str, message: &str, details: Value) -> Response {
    let mut body = json!({"error": {"code": code, "message": message, "status": status}});
    if details.as_array().is_some_and(|d| !d.is_empty()) {
        body["error"]["details"] = details;
    }
    Response::json(code, &body)
}

fn invalid(message: &str) -> Response {
    error(400, "INVALID_ARGUMENT", message, json!([]))
}

fn text_of(content: &Value) -> String {
    content["parts"]
        .as_array()
        .map(|parts| {
            parts
                .iter()
                .filter_map(|p| p["text"].as_str())
                .collect::<Vec<_>>()
                .join("")
        })
        .unwrap_or_default()
}

fn validate(body: &Value) -> Result<(), String> {
    let Some(fields) = body.as_object() else {
        return Err("Invalid JSON payload received.".into());
    };
    if let Some(extra) = fields
        .keys()
        .find(|k| !REQUEST_FIELDS.contains(&k.as_str()))
    {
        return Err(format!(
            "Invalid JSON payload received. Unknown name \"{extra}\": Cannot find field."
        ));
    }
    let config = body
        .get("generationConfig")
        .or(body.get("generation_config"));
    if let Some(config) = config.and_then(Value::as_object) {
        if let Some(extra) = config.keys().find(|k| !CONFIG_FIELDS.contains(&k.as_str())) {
            return Err(format!("Invalid JSON payload received. Unknown name \"{extra}\" at 'generation_config': Cannot find field."));
        }
        if let Some(t) = config.get("temperature") {
            if !t.as_f64().is_some_and(|t| (0.0..=2.0).contains(&t)) {
                return Err("Unable to submit request because it has a temperature value out of range. The range is [0, 2].".into());
            }
        }
        if config.get("responseJsonSchema").is_some()
            && config.get("responseMimeType") != Some(&json!("application/json"))
        {
            return Err("responseJsonSchema requires responseMimeType application/json.".into());
        }
    }
    let contents = body["contents"].as_array().filter(|c| !c.is_empty());
    let Some(contents) = contents else {
        return Err("* GenerateContentRequest.contents: contents is not specified\n".into());
    };
    for c in contents {
        let role = c["role"].as_str().unwrap_or("user");
        if role != "user" && role != "model" {
            return Err("Please use a valid role: user, model.".into());
        }
        if c["parts"].as_array().is_none_or(|p| p.is_empty()) {
            return Err(
                "* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.\n"
                    .into(),
            );
        }
    }
    Ok(())
}

impl Protocol for Generate {
    fn accept(&self, req: &HttpRequest, key: Option<&str>) -> Result<Seen, Response> {
        let (path, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
        let Some((model, method)) = path
            .strip_prefix("/v1beta/models/")
            .and_then(|rest| rest.split_once(':'))
        else {
            return Err(error(
                404,
                "NOT_FOUND",
                "Requested entity was not found.",
                json!([]),
            ));
        };
        let stream = match method {
            "generateContent" => false,
            "streamGenerateContent" => true,
            _ => {
                return Err(error(
                    404,
                    "NOT_FOUND",
                    "Requested entity was not found.",
                    json!([]),
                ))
            }
        };
        if req.method != "POST" {
            return Err(error(
                405,
                "INVALID_ARGUMENT",
                "Method not allowed",
                json!([]),
            ));
        }
        if let Some(key) = key {
            let given = req
                .headers
                .get("x-goog-api-key")
                .map(String::as_str)
                .or_else(|| query.split('&').find_map(|p| p.strip_prefix("key=")));
            match given {
                None => return Err(error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.", json!([]))),
                Some(g) if g != key => return Err(error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", json!([{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com", "metadata": {"service": "generativelanguage.googleapis.com"}}]))),
                Some(_) => {}
            }
        }
        let body: Value = serde_json::from_slice(&req.body)
            .map_err(|_| invalid("Invalid JSON payload received. Unexpected token."))?;
        validate(&body).map_err(|m| invalid(&m))?;
        let contents = body["contents"].as_array().cloned().unwrap_or_default();
        let prompt = contents
            .iter()
            .rev()
            .find(|c| c["role"].as_str().unwrap_or("user") == "user")
            .map(text_of)
            .unwrap_or_default();
        let system = body
            .get("systemInstruction")
            .or(body.get("system_instruction"));
        let prompt_tokens = contents.iter().map(|c| words(&text_of(c))).sum::<u64>()
            + system.map_or(0, |s| words(&text_of(s)));
        let config = body
            .get("generationConfig")
            .or(body.get("generation_config"));
        let max_tokens = config.and_then(|c| c["maxOutputTokens"].as_u64());
        let reasoning_tokens = thinking(model, config)
            .map_err(|m| invalid(&m))?
            .min(max_tokens.unwrap_or(u64::MAX));
        if stream && !query.split('&').any(|p| p == "alt=sse") {
            return Err(invalid(
                "this test server streams only server-sent events: add alt=sse",
            ));
        }
        Ok(Seen {
            model: model.to_string(),
            prompt,
            stream,
            max_tokens,
            prompt_tokens,
            reasoning_tokens,
            body,
            attempt: 0,
        })
    }

    fn reply(&self, seen: &Seen, reply: &Reply, end: End, _usage: bool) -> Response {
        let (parts, cut) = limited(seen, reply);
        let output = parts.len() as u64;
        let thoughts = seen.reasoning_tokens;
        let chunk = |text: &str, so_far: u64, finish: Option<&str>| {
            // When thinking spent the whole limit, the candidate has no content.
            let mut candidate = if text.is_empty() && finish.is_some() {
                json!({"index": 0})
            } else {
                json!({"content": {"parts": [{"text": text}], "role": "model"}, "index": 0})
            };
            let mut usage = json!({"promptTokenCount": seen.prompt_tokens,
                "candidatesTokenCount": so_far, "totalTokenCount": seen.prompt_tokens + so_far,
                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": seen.prompt_tokens}]});
            if let Some(reason) = finish {
                candidate["finishReason"] = json!(reason);
                if thoughts > 0 {
                    usage["thoughtsTokenCount"] = json!(thoughts);
                }
                usage["totalTokenCount"] = json!(seen.prompt_tokens + so_far + thoughts);
            }
            json!({"candidates": [candidate], "usageMetadata": reported(usage, reply),
                "modelVersion": seen.model, "responseId": "mAitaJ2oK9aKz7IP3qi02Qw"})
        };
        let finish = if cut { "MAX_TOKENS" } else { "STOP" };
        let n = parts.len();
        if !seen.stream {
            let bytes = chunk(&parts.concat(), output, Some(finish)).to_string();
            return Response::bytes(200, JSON, bytes.into_bytes()).after(whole_delay(reply, n));
        }
        let mut frames = Vec::new();
        for (i, (p, delay)) in parts.iter().zip(delays(reply, n)).enumerate() {
            match end {
                End::CutAfter(k) if k == i => {
                    frames.push((
                        delay,
                        b"data: {\"candidates\": [{\"content\": {\"par".to_vec(),
                    ));
                    return event_stream(frames, false);
                }
                End::ErrorAfter(k) if k == i => {
                    let e = json!({"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}});
                    frames.push((delay, format!("data: {e}\r\n\r\n").into_bytes()));
                    return event_stream(frames, true);
                }
                _ => {
                    let last = (i + 1 == n).then_some(finish);
                    let c = chunk(p, i as u64 + 1, last);
                    frames.push((delay, format!("data: {c}\r\n\r\n").into_bytes()));
                }
            }
        }
        if n == 0 {
            let c = chunk("", 0, Some(finish));
            frames.push((reply.ttft, format!("data: {c}\r\n\r\n").into_bytes()));
        }
        event_stream(frames, true)
    }

    fn error(&self, status: u16, retry_after: Option<&str>) -> Response {
        match status {
            429 => {
                let delay = retry_after.map(|s| format!("{s}s")).unwrap_or_else(|| "1s".into());
                error(
                    429,
                    "RESOURCE_EXHAUSTED",
                    "You exceeded your current quota, please check your plan and billing details.",
                    json!([{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": delay}]),
                )
            }
            503 => error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", json!([])),
            500 => error(500, "INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting", json!([])),
            code => error(code, "UNKNOWN", "Unknown error", json!([])),
        }
    }

    fn invalid_json(&self, seen: &Seen) -> Response {
        if seen.stream {
            return event_stream(
                vec![(
                    Duration::ZERO,
                    b"data: {\"candidates\": [{\r\n\r\n".to_vec(),
                )],
                true,
            );
        }
        Response::bytes(200, JSON, b"{\"candidates\": [".to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_matches_the_api() {
        let ok = json!({"contents": [{"role": "user", "parts": [{"text": "x"}]}],
            "generationConfig": {"maxOutputTokens": 5}});
        assert!(validate(&ok).is_ok());
        let mut snake = ok.clone();
        snake["generationConfig"]["max_tokens"] = json!(5);
        assert!(validate(&snake)
            .unwrap_err()
            .contains("Unknown name \"max_tokens\""));
        let bad_role = json!({"contents": [{"role": "assistant", "parts": [{"text": "x"}]}]});
        assert!(validate(&bad_role).unwrap_err().contains("valid role"));
        assert!(validate(&json!({"contents": []}))
            .unwrap_err()
            .contains("contents is not specified"));
    }

    #[test]
    fn thinking_follows_each_model_rules() {
        let with = |budget: Value| json!({"thinkingConfig": {"thinkingBudget": budget}});
        assert_eq!(thinking("gemini-2.5-flash", None), Ok(THOUGHTS));
        assert_eq!(thinking("gemini-2.5-flash", Some(&with(json!(0)))), Ok(0));
        assert_eq!(thinking("gemini-2.5-flash", Some(&with(json!(10)))), Ok(10));
        assert_eq!(thinking("gemini-2.5-flash-lite", None), Ok(0));
        assert!(thinking("gemini-2.5-flash-lite", Some(&with(json!(100)))).is_err());
        assert_eq!(
            thinking("gemini-2.5-pro", Some(&with(json!(0)))),
            Err("Budget 0 is invalid. This model only works in thinking mode.".into())
        );
        let level = json!({"thinkingConfig": {"thinkingLevel": "low"}});
        assert!(thinking("gemini-2.5-flash", Some(&level)).is_err());
        assert_eq!(
            thinking("gemini-3-pro-preview", Some(&level)),
            Ok(THOUGHTS / 2)
        );
        assert!(thinking("gemini-2.0-flash", Some(&with(json!(10)))).is_err());
        assert_eq!(thinking("gemini-2.0-flash", None), Ok(0));
    }
}
