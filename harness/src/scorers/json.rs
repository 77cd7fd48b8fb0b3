//! Scorers over JSON in the output: valid, schema, fields.

use super::spec::Normalizer;
use super::{normalize, Score};
use serde_json::Value;

/// Finds the JSON a model wrote: the whole output, a fenced block, or the
/// first object or array embedded in prose.
pub fn extract(output: &str) -> Option<Value> {
    let trimmed = output.trim();
    if let Ok(v) = serde_json::from_str(trimmed) {
        return Some(v);
    }
    if let Some(v) = fenced(trimmed) {
        return Some(v);
    }
    for (i, c) in trimmed.char_indices() {
        if c == '{' || c == '[' {
            let mut stream = serde_json::Deserializer::from_str(&trimmed[i..]).into_iter::<Value>();
            if let Some(Ok(v)) = stream.next() {
                return Some(v);
            }
        }
    }
    None
}

/// Every top-level JSON object or array written in `text`, in order
/// (fences need no special case: their contents are found where they stand).
pub fn all_values(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = text[i..].find(['{', '[']) {
        let start = i + offset;
        let mut stream = serde_json::Deserializer::from_str(&text[start..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                out.push(v);
                i = start + stream.byte_offset();
            }
            _ => i = start + 1,
        }
    }
    out
}

fn fenced(text: &str) -> Option<Value> {
    let mut rest = text;
    while let Some(start) = rest.find("```") {
        let after = &rest[start + 3..];
        let body_start = after.find('\n').map_or(0, |i| i + 1);
        let body = &after[body_start..];
        let end = body.find("```")?;
        if let Ok(v) = serde_json::from_str(body[..end].trim()) {
            return Some(v);
        }
        rest = &body[end + 3..];
    }
    None
}

pub fn valid(output: &str) -> Score {
    match extract(output) {
        Some(_) => Score::pass_if(true, "output holds valid JSON"),
        None => Score::pass_if(false, "no valid JSON in the output"),
    }
}

pub fn schema(output: &str, validator: &jsonschema::Validator) -> Score {
    let Some(v) = extract(output) else {
        return Score::pass_if(false, "no valid JSON in the output");
    };
    let first = validator.iter_errors(&v).next().map(|e| {
        let at = e.instance_path().to_string();
        let at = if at.is_empty() { "/".to_string() } else { at };
        format!("schema violation at {at}: {e}")
    });
    match first {
        None => Score::pass_if(true, "JSON satisfies the schema"),
        Some(reason) => Score::pass_if(false, reason),
    }
}

pub fn fields(
    output: &str,
    expected: Option<&Value>,
    names: Option<&[String]>,
    n: &[Normalizer],
) -> Score {
    let expected = match expected {
        Some(Value::String(s)) => serde_json::from_str(s).ok(),
        other => other.cloned(),
    };
    let Some(Value::Object(expected)) = expected else {
        return Score::pass_if(false, "the expected answer is not a JSON object");
    };
    let names: Vec<String> = match names {
        Some(list) => list.to_vec(),
        None => expected.keys().cloned().collect(),
    };
    if names.is_empty() {
        return Score::pass_if(true, "no fields to compare");
    }
    let Some(got) = answer_object(output, &names) else {
        return Score::pass_if(false, "no JSON object in the output");
    };
    let mut wrong = Vec::new();
    for name in &names {
        let ok = match (got.get(name), expected.get(name)) {
            (Some(g), Some(e)) => same(g, e, n),
            (None, None) => true,
            _ => false,
        };
        if !ok {
            wrong.push(name.as_str());
        }
    }
    let right = names.len() - wrong.len();
    let value = right as f64 / names.len() as f64;
    let reason = if wrong.is_empty() {
        format!("all {} fields match", names.len())
    } else {
        format!(
            "{right}/{} fields match; wrong: {}",
            names.len(),
            wrong.join(", ")
        )
    };
    Score {
        value,
        passed: wrong.is_empty(),
        answer: Some(got.to_string()),
        reason,
    }
}

/// The object that answers: of the JSON objects in the output, those with
/// the most of the compared fields, less any whose values are all
/// placeholders (the prompt's `{"sender": "..."}` template repeated), and of
/// those the last, as a model's final answer comes last.
fn answer_object(output: &str, names: &[String]) -> Option<Value> {
    let objects: Vec<Value> = all_values(output)
        .into_iter()
        .flat_map(|v| match v {
            Value::Array(items) => items,
            other => vec![other],
        })
        .filter(Value::is_object)
        .collect();
    let present = |o: &Value| names.iter().filter(|n| o.get(n.as_str()).is_some()).count();
    let placeholder = |o: &Value| {
        names.iter().filter_map(|n| o.get(n.as_str())).all(|v| {
            v.as_str().is_some_and(|s| {
                let s = s.trim();
                s.chars().all(|c| matches!(c, '.' | '…' | ' '))
                    || (s.starts_with('<') && s.ends_with('>'))
            })
        })
    };
    let most = objects.iter().map(present).max()?;
    let mut best: Vec<&Value> = objects.iter().filter(|o| present(o) == most).collect();
    if best.iter().any(|o| !placeholder(o)) {
        best.retain(|o| !placeholder(o));
    }
    best.last().map(|o| (*o).clone())
}

fn same(got: &Value, expected: &Value, n: &[Normalizer]) -> bool {
    match (got, expected) {
        (Value::String(g), Value::String(e)) => normalize(g, n) == normalize(e, n),
        (Value::Number(g), Value::Number(e)) => match (g.as_f64(), e.as_f64()) {
            (Some(g), Some(e)) => (g - e).abs() <= 1e-9 * e.abs().max(1.0),
            _ => g == e,
        },
        // A number written as a string still counts ("42" for 42).
        (Value::String(g), Value::Number(e)) | (Value::Number(e), Value::String(g)) => {
            g.trim().parse::<f64>().ok() == e.as_f64()
        }
        (g, e) => g == e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn extraction_finds_json_in_fences_and_prose() {
        assert_eq!(extract(" {\"a\": 1} "), Some(json!({"a": 1})));
        assert_eq!(
            extract("Here:\n```json\n{\"a\": 2}\n```\nDone."),
            Some(json!({"a": 2}))
        );
        assert_eq!(extract("```\n[1, 2]\n```"), Some(json!([1, 2])));
        assert_eq!(
            extract("The result is {\"a\": 3} as asked."),
            Some(json!({"a": 3}))
        );
        assert_eq!(extract("no json {here"), None);
        assert_eq!(extract("```json\nnot json\n```"), None);
    }

    #[test]
    fn valid_and_schema() {
        assert!(valid("[1]").passed);
        assert!(!valid("nope").passed);
        let v = jsonschema::validator_for(&json!({
            "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}
        }))
        .unwrap();
        assert!(schema("{\"name\": \"x\"}", &v).passed);
        let s = schema("{\"name\": 5}", &v);
        assert!(!s.passed);
        assert!(s.reason.contains("/name"), "{}", s.reason);
        assert!(!schema("{}", &v).passed);
    }

    #[test]
    fn fields_give_per_field_credit() {
        let expected = json!({"from": "Ann", "to": "Bob", "date": "2002-08-22", "n": 3});
        let out = "```json\n{\"from\": \" ann \", \"to\": \"Bob\", \"date\": \"2002-08-23\", \"n\": \"3\"}\n```";
        let s = fields(
            out,
            Some(&expected),
            None,
            &[Normalizer::Trim, Normalizer::Lowercase],
        );
        assert_eq!(s.value, 0.75);
        assert!(!s.passed);
        assert!(s.reason.ends_with("wrong: date"), "{}", s.reason);
        let only = ["from".to_string(), "to".to_string()];
        let s = fields(
            out,
            Some(&expected),
            Some(&only),
            &[Normalizer::Trim, Normalizer::Lowercase],
        );
        assert!(s.passed);
        let as_text = Value::String(expected.to_string());
        assert_eq!(
            fields(
                out,
                Some(&as_text),
                None,
                &[Normalizer::Trim, Normalizer::Lowercase]
            )
            .value,
            0.75
        );
        assert!(!fields("no json", Some(&expected), None, &[]).passed);
        // The template repeated before the answer is not the answer.
        let repeated = "{\"from\": \"...\", \"to\": \"...\"}\nHere it is: {\"note\": 1} {\"from\": \"Ann\", \"to\": \"Bob\"}";
        assert!(fields(repeated, Some(&expected), Some(&only), &[]).passed);
        assert!(!fields("{}", Some(&json!("plain")), None, &[]).passed);
    }
}
