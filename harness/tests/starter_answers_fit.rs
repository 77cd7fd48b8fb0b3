//! Every starter case's expected answer fits in its task's `max_tokens`
//! with room to spare, counted by each local model's own tokenizer: a gold
//! answer that cannot fit fails every model, however good, and one that
//! barely fits fails a model that writes a word more than the gold.

use serde_json::Value;
use sizeup::suite::{self, PriceBook, DEFAULT_MAX_TOKENS};
use sizeup::tokens::Counter;
use sizeup_runners::local::Prompter;
use std::path::Path;

/// The share of `max_tokens` an expected answer may take.
const ROOM: f64 = 0.7;

/// The GGUF files `sizeup models fetch` puts in `models/`.
const MODELS: [&str; 3] = [
    "SmolLM2-135M-Instruct.Q4_1.gguf",
    "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    "gemma-3-270m-q4_k_m.gguf",
];

/// `v` as JSON the way models and the prompts write it: `{"a": 1, "b": [2, 3]}`.
fn json(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let fields: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), json(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        Value::Array(a) => format!("[{}]", a.iter().map(json).collect::<Vec<_>>().join(", ")),
        other => other.to_string(),
    }
}

/// The answer a model would write for `expected`: the text itself, or for
/// a call in BFCL's possible-answer form (`{"name", "arguments": {arg:
/// [values…]}}`) the call with each argument's first acceptable value
/// (optional ones included where they have a value: the longer answer).
fn answer(expected: &Value) -> String {
    match expected {
        Value::String(s) => s.clone(),
        Value::Object(call) if call.contains_key("arguments") => {
            let mut arguments = serde_json::Map::new();
            for (name, values) in call["arguments"].as_object().expect("arguments") {
                let chosen = values
                    .as_array()
                    .expect("acceptable values")
                    .iter()
                    .find(|v| *v != "");
                if let Some(v) = chosen {
                    arguments.insert(name.clone(), v.clone());
                }
            }
            format!(
                "{{\"name\": {}, \"arguments\": {}}}",
                call["name"],
                json(&Value::Object(arguments))
            )
        }
        other => json(other),
    }
}

#[test]
fn every_expected_answer_fits_in_its_tasks_max_tokens_with_room() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let suite = suite::load(
        &root.join("suites/starter.yaml"),
        None,
        &PriceBook::built_in(),
    )
    .expect("the starter suite loads");
    let mut misfits = Vec::new();
    let mut checked = 0;
    for file in MODELS {
        let path = root.join("models").join(file);
        assert!(path.is_file(), "run `sizeup models fetch --all` first");
        // Gemma 3 270M is a base model without a chat template; only its
        // tokenizer counts here, so any template opens it.
        let template = "{% for m in messages %}{{ m.content }}{% endfor %}";
        let prompter = Prompter::open(&path, Some(template)).expect("a tokenizer");
        let counter = Counter::Local(Box::new(prompter));
        for task in &suite.tasks {
            let limit = task.max_tokens.unwrap_or(DEFAULT_MAX_TOKENS);
            let mut longest = (0, String::new());
            for case in &task.cases {
                let Some(expected) = &case.expected else {
                    continue;
                };
                let tokens = counter.text(&answer(expected));
                checked += 1;
                if tokens > longest.0 {
                    longest = (tokens, case.id.clone());
                }
            }
            if longest.0 as f64 > ROOM * f64::from(limit) {
                misfits.push(format!(
                    "{}: case {} takes {} of max_tokens {} by {file}",
                    task.id, longest.1, longest.0, limit
                ));
            }
        }
    }
    assert!(checked > 3000, "{checked} answers counted");
    assert!(misfits.is_empty(), "{misfits:#?}");
}

#[test]
fn a_call_is_written_with_its_first_acceptable_values() {
    let expected = serde_json::json!({
        "name": "calculate_bmi",
        "arguments": {"unit": ["", "metric"], "weight": [85], "note": [""]}
    });
    assert_eq!(
        answer(&expected),
        r#"{"name": "calculate_bmi", "arguments": {"unit": "metric", "weight": 85}}"#
    );
    assert_eq!(
        answer(&serde_json::json!({"a": [1, "x"]})),
        r#"{"a": [1, "x"]}"#
    );
}
