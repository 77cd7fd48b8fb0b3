//! The `numeric` scorer: the final number in the output against the expected one.

use super::Score;
use serde_json::Value;
use std::sync::LazyLock;

static NUMBER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d*\.?\d+(?:[eE][-+]?\d+)?")
        .expect("valid pattern")
});

/// The last number written in `text` (thousands separators and `$` allowed).
pub fn last_number(text: &str) -> Option<f64> {
    NUMBER
        .find_iter(text)
        .filter_map(|m| m.as_str().replace(',', "").parse::<f64>().ok())
        .last()
}

fn expected_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => last_number(s),
        _ => None,
    }
}

pub fn score(
    output: &str,
    expected: Option<&Value>,
    tolerance: f64,
    relative: Option<f64>,
) -> Score {
    let Some(want) = expected.and_then(expected_number) else {
        return Score::pass_if(false, "the expected answer is not a number");
    };
    let Some(got) = last_number(output) else {
        return Score::pass_if(false, "no number in the output");
    };
    let allowed = relative.map_or(tolerance, |r| tolerance.max(r * want.abs()));
    let passed = (got - want).abs() <= allowed;
    let reason = if passed {
        format!("{got} equals {want}")
    } else {
        format!("{got} differs from {want} by more than {allowed}")
    };
    Score::pass_if(passed, reason).with_answer(got.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_final_number_is_read() {
        assert_eq!(last_number("3 apples and 4 pears make 7."), Some(7.0));
        assert_eq!(last_number("Total: $1,234.50"), Some(1234.5));
        assert_eq!(last_number("#### -18"), Some(-18.0));
        assert_eq!(last_number("about 0.25 or .5"), Some(0.5));
        assert_eq!(last_number("1e3"), Some(1000.0));
        assert_eq!(last_number("none"), None);
    }

    #[test]
    fn tolerances() {
        assert!(score("answer 72", Some(&json!(72)), 1e-6, None).passed);
        assert!(score("answer 72", Some(&json!("72")), 1e-6, None).passed);
        assert!(!score("answer 73", Some(&json!(72)), 0.5, None).passed);
        assert!(score("answer 73", Some(&json!(72)), 0.0, Some(0.02)).passed);
        assert!(!score("no idea", Some(&json!(72)), 1.0, None).passed);
        assert!(!score("5", Some(&json!("n/a")), 1.0, None).passed);
    }
}
