//! The `function_call` scorer: did the model make the one expected call,
//! with acceptable arguments?
//!
//! The expected answer names the function and, for each argument, the list
//! of acceptable values (the Berkeley Function-Calling Leaderboard's
//! "possible answer" form); an empty string in the list means the argument
//! may be left out. Calls are read as JSON (`{"name", "arguments"}` and the
//! usual variants) or in Python syntax (`f(a=1)`, `[f(a=1)]`, see
//! [`python`]). As in BFCL's AST checker, exactly one call must be made,
//! every argument given must be a parameter, and values compare by type:
//! strings without case, spaces or the punctuation `,./-_*^`; an integer
//! where a float is expected, but not a float where an integer is; lists
//! item by item, in order; objects key by key; `"10"` is not `10`.

mod python;

use super::json::all_values;
use super::Score;
use serde_json::{Map, Value};

/// Scores the call in `output` against the expected call.
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
    let calls = calls(output);
    let Some((name, args)) = calls.first().cloned() else {
        return Score::pass_if(false, "no function call in the output");
    };
    let answer = format!("{name}({})", Value::Object(args.clone()));
    if calls.len() > 1 {
        let names: Vec<&str> = calls.iter().map(|(n, _)| n.as_str()).collect();
        return Score::pass_if(
            false,
            format!(
                "{} calls ({}) where one is expected",
                calls.len(),
                names.join(", ")
            ),
        )
        .with_answer(answer);
    }
    if !same_name(&name, &want_name) {
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

/// The distinct calls in `output`: those written as JSON if there are any,
/// else those written in Python syntax. A call repeated word for word (in
/// prose and again in a code block, say) is one call.
fn calls(output: &str) -> Vec<python::Call> {
    let mut found: Vec<python::Call> = all_values(output)
        .iter()
        .flat_map(|v| match v {
            Value::Array(items) => items.iter().filter_map(call_of).collect::<Vec<_>>(),
            other => call_of(other).into_iter().collect(),
        })
        .collect();
    if found.is_empty() {
        found = python::find_calls(output);
    }
    let mut distinct: Vec<python::Call> = Vec::new();
    for call in &found {
        // `f()` beside `f(x=1)` is the function named in prose, not a call.
        let mention = call.1.is_empty() && found.iter().any(|c| c.0 == call.0 && !c.1.is_empty());
        if !mention && !distinct.contains(call) {
            distinct.push(call.clone());
        }
    }
    distinct
}

/// Function names match as written, or with dots written as underscores
/// (APIs that take tool calls do not allow dots in names).
fn same_name(got: &str, want: &str) -> bool {
    got == want || got == want.replace('.', "_")
}

/// The function name and arguments of a call written in any usual shape.
fn call_of(v: &Value) -> Option<(String, Map<String, Value>)> {
    match v {
        Value::Array(items) if items.len() == 1 => call_of(&items[0]),
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

/// BFCL's string standardisation: no spaces or `,./-_*^`, lowercase,
/// single quotes as double.
fn standardize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !",./-_*^".contains(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\'' { '"' } else { c })
        .collect()
}

/// Whether a value the model gave matches an acceptable one.
fn same(got: &Value, want: &Value) -> bool {
    match (got, want) {
        // An integer is a valid float; a float is not a valid integer.
        (Value::Number(a), Value::Number(b)) if b.is_f64() => a.as_f64() == b.as_f64(),
        (Value::Number(a), Value::Number(b)) => !a.is_f64() && a.as_f64() == b.as_f64(),
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
            r#"{"name": "triangle_properties.get", "arguments": {"side1": 5, "side2": 4, "side3": 3, "unit": "CM"}}"#,
            r#"```json
{"function": {"name": "triangle_properties.get", "arguments": "{\"side1\": 5, \"side2\": 4, \"side3\": 3, \"unit\": \"centimeters\", \"get_area\": true}"}}
```"#,
            r#"I will call [{"triangle_properties.get": {"side1": 5, "side2": 4, "side3": 3, "unit": "cm"}}]"#,
            "triangle_properties.get(side1=5, side2=4, side3=3, unit='cm')",
            "[triangle_properties.get(side1=5, side2=4, side3=3, unit=\"cm\", get_area=True)]",
            r#"{"name": "triangle_properties_get", "arguments": {"side1": 5, "side2": 4, "side3": 3, "unit": "cm"}}"#,
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
    fn one_call_is_expected() {
        let right = "triangle_properties.get(side1=5, side2=4, side3=3, unit='cm')";
        let s = score(
            &format!("[{right}, circle.get(radius=2)]"),
            Some(&expected()),
        );
        assert!(!s.passed);
        assert!(s.reason.contains("2 calls"), "{}", s.reason);
        // The same call written twice, or the function named in prose, is one call.
        let twice =
            format!("I will call triangle_properties.get():\n```python\n{right}\n```\n{right}");
        assert!(score(&twice, Some(&expected())).passed);
    }

    #[test]
    fn values_compare_as_the_leaderboard_does() {
        assert!(same(&json!("New York, NY"), &json!("new york ny")));
        assert!(same(&json!("O'Neil"), &json!("O\"Neil")));
        assert!(same(&json!([46.6, 1.88]), &json!([46.6, 1.88])));
        assert!(!same(&json!(["b", "a"]), &json!(["a", "b"])));
        assert!(!same(&json!("10"), &json!(10)));
        assert!(same(&json!(10), &json!(10.0)));
        assert!(!same(&json!(10.0), &json!(10)));
        assert!(!same(&json!(true), &json!(1)));
        assert!(same(
            &json!({"city": "Paris"}),
            &json!({"city": ["paris"], "zip": [""]})
        ));
        assert!(!same(
            &json!({"city": "Paris", "country": "FR"}),
            &json!({"city": ["paris"]})
        ));
    }
}
