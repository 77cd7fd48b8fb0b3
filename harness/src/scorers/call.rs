//! The `function_call` scorer: did the model call the right function with
//! acceptable arguments?
//!
//! The expected answer names the function and, for each argument, the list
//! of acceptable values (the Berkeley Function-Calling Leaderboard's
//! "possible answer" form); an empty string in the list means the argument
//! may be left out. Values compare as BFCL compares them: numbers by value
//! (an integer equals the same float), strings without case, spaces or the
//! punctuation `,./-_*^`, lists item by item, objects key by key.

use super::json::extract;
use super::Score;
use serde_json::{Map, Value};

/// Scores a call written as JSON: `{"name": …, "arguments": {…}}` (or
/// `parameters`, or arguments as a JSON string, or `{"function": {…}}`, or
/// `{"NAME": {…}}`, or a list whose first item is one of these).
pub fn score(output: &str, expected: Option<&Value>) -> Score {
    let expected = match expected {
        Some(Value::String(s)) => serde_json::from_str(s).ok(),
        other => other.cloned(),
    };
    let Some((want_name, want_args)) = expected.as_ref().and_then(call_of) else {
        return Score::pass_if(
            false,
            "the expected answer is not a call: {\"name\": …, \"arguments\": {…}}",
        );
    };
    let Some((name, args)) = extract(output).as_ref().and_then(call_of) else {
        return Score::pass_if(false, "no function call in the output");
    };
    let answer = format!("{name}({})", Value::Object(args.clone()));
    if name != want_name {
        return Score::pass_if(false, format!("called `{name}`, expected `{want_name}`"))
            .with_answer(answer);
    }
    let mut wrong = Vec::new();
    let mut total = 0usize;
    for (arg, allowed) in &want_args {
        let allowed = allowed
            .as_array()
            .cloned()
            .unwrap_or_else(|| vec![allowed.clone()]);
        total += 1;
        let ok = match args.get(arg) {
            None => allowed.iter().any(|v| v == ""),
            Some(v) => allowed.iter().any(|a| same(v, a)),
        };
        if !ok {
            wrong.push(arg.clone());
        }
    }
    for arg in args.keys().filter(|a| !want_args.contains_key(*a)) {
        total += 1;
        wrong.push(format!("{arg} (unexpected)"));
    }
    let value = if total == 0 {
        1.0
    } else {
        (total - wrong.len()) as f64 / total as f64
    };
    let reason = if wrong.is_empty() {
        format!("`{name}` with acceptable arguments")
    } else {
        format!("`{name}` with wrong arguments: {}", wrong.join(", "))
    };
    Score {
        value,
        passed: wrong.is_empty(),
        answer: Some(answer),
        reason,
    }
}

/// The function name and arguments of a call written in any usual shape.
fn call_of(v: &Value) -> Option<(String, Map<String, Value>)> {
    match v {
        Value::Array(items) => items.first().and_then(call_of),
        Value::Object(o) => {
            if let Some(inner) = o.get("function").filter(|f| f.is_object()) {
                return call_of(inner);
            }
            if let Some(name) = o.get("name").and_then(Value::as_str) {
                let args = match o.get("arguments").or(o.get("parameters")) {
                    None | Some(Value::Null) => Map::new(),
                    Some(Value::Object(a)) => a.clone(),
                    Some(Value::String(s)) => match serde_json::from_str(s) {
                        Ok(Value::Object(a)) => a,
                        _ => return None,
                    },
                    Some(_) => return None,
                };
                return Some((name.to_string(), args));
            }
            match (o.len(), o.iter().next()) {
                (1, Some((name, Value::Object(args)))) => Some((name.clone(), args.clone())),
                _ => None,
            }
        }
        _ => None,
    }
}

fn standardize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !",./-_*^".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a value the model gave matches an acceptable one.
fn same(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::String(a), Value::String(b)) => standardize(a) == standardize(b),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            // Nested expected values are lists of acceptable values too.
            b.iter()
                .all(|(k, allowed)| match (a.get(k), allowed.as_array()) {
                    (None, Some(list)) => list.iter().any(|v| v == ""),
                    (Some(v), Some(list)) => list.iter().any(|w| same(v, w)),
                    (Some(v), None) => same(v, allowed),
                    (None, None) => false,
                })
                && a.keys().all(|k| b.contains_key(k))
        }
        (a, b) => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn expected() -> Value {
        json!({"name": "triangle_properties.get", "arguments": {
            "side1": [5], "side2": [4], "side3": [3], "get_area": ["", true], "unit": ["cm", "centimeters"]}})
    }

    #[test]
    fn a_right_call_passes_in_any_usual_shape() {
        for output in [
            r#"{"name": "triangle_properties.get", "arguments": {"side1": 5, "side2": 4.0, "side3": 3, "unit": "CM"}}"#,
            r#"```json
{"function": {"name": "triangle_properties.get", "arguments": "{\"side1\": 5, \"side2\": 4, \"side3\": 3, \"unit\": \"centimeters\", \"get_area\": true}"}}
```"#,
            r#"I will call [{"triangle_properties.get": {"side1": 5, "side2": 4, "side3": 3, "unit": "cm"}}]"#,
        ] {
            let s = score(output, Some(&expected()));
            assert!(s.passed, "{output}: {}", s.reason);
            assert_eq!(s.value, 1.0);
        }
    }

    #[test]
    fn wrong_functions_and_arguments_lose_credit() {
        let s = score(
            r#"{"name": "circle_properties.get", "arguments": {"radius": 5}}"#,
            Some(&expected()),
        );
        assert_eq!((s.value, s.passed), (0.0, false));
        assert!(s.reason.contains("expected `triangle_properties.get`"));
        // side3 wrong, unit missing (required: no "" in its list), one extra argument.
        let s = score(
            r#"{"name": "triangle_properties.get", "parameters": {"side1": 5, "side2": 4, "side3": 30, "color": "red"}}"#,
            Some(&expected()),
        );
        assert!(!s.passed);
        assert!((s.value - 3.0 / 6.0).abs() < 1e-12, "{}", s.value);
        assert!(s.reason.contains("side3") && s.reason.contains("color (unexpected)"));
        assert!(!score("no call here", Some(&expected())).passed);
        assert!(!score("{}", Some(&json!("not a call"))).passed);
    }

    #[test]
    fn values_compare_as_the_leaderboard_does() {
        assert!(same(&json!("New York, NY"), &json!("new york ny")));
        assert!(same(&json!([46.6, 1.88]), &json!([46.6, 1.88])));
        assert!(!same(&json!("10"), &json!(10)));
        assert!(same(
            &json!({"city": "Paris"}),
            &json!({"city": ["paris"], "zip": [""]})
        ));
    }
}
