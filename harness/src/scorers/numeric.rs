//! The `numeric` scorer: the answer's number against the expected one.
//!
//! Which number is the answer follows lm-evaluation-harness's GSM8K
//! extraction, made stricter about where the answer is said to be: an
//! explicit final answer first (`\boxed{…}`, `#### …`, a line that starts
//! with "answer" or "final answer"), then the last line's number, then the
//! last number anywhere. On one line, a bold number wins, and numbers in
//! parentheses (asides such as "(252 inches)") count only when nothing else
//! does. The reason says which rule read the number.

use super::Score;
use serde_json::Value;
use std::sync::LazyLock;

static NUMBER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d*\.?\d+(?:[eE][-+]?\d+)?")
        .expect("valid pattern")
});
static BOXED: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\\boxed\{([^{}]*)\}").expect("valid pattern"));
static HASHES: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"####\s*([^\n]*)").expect("valid pattern"));
static ANSWER_LINE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?im)^[\s*#>_-]*(?:the\s+)?(?:final\s+)?answer\b[^:\n\d-]{0,20}[:=]?([^\n]*)",
    )
    .expect("valid pattern")
});
static BOLD: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\*\*([^*]+)\*\*").expect("valid pattern"));
static ASIDE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\([^()]*\)").expect("valid pattern"));

/// The numbers written in `text`, in order (thousands separators allowed).
fn numbers(text: &str) -> Vec<f64> {
    NUMBER
        .find_iter(text)
        .filter_map(|m| m.as_str().replace(',', "").parse::<f64>().ok())
        .collect()
}

/// The last number written in `text`.
pub fn last_number(text: &str) -> Option<f64> {
    numbers(text).last().copied()
}

/// The number a line gives: a bold one, else the last one outside
/// parentheses, else the last one.
fn line_number(line: &str) -> Option<f64> {
    let bold = BOLD
        .captures_iter(line)
        .filter_map(|c| last_number(&c[1]))
        .last();
    bold.or_else(|| last_number(&ASIDE.replace_all(line, " ")))
        .or_else(|| last_number(line))
}

/// The answer in `output` and the rule that found it.
pub fn answer(output: &str) -> Option<(f64, &'static str)> {
    if let Some(n) = BOXED
        .captures_iter(output)
        .filter_map(|c| last_number(&c[1]))
        .last()
    {
        return Some((n, "\\boxed{}"));
    }
    if let Some(n) = HASHES
        .captures_iter(output)
        .filter_map(|c| line_number(&c[1]))
        .last()
    {
        return Some((n, "the #### line"));
    }
    // The first number after the marker: "Answer: 60000 (40,000 kept)".
    let explicit = ANSWER_LINE.captures_iter(output).filter_map(|c| {
        let rest = ASIDE.replace_all(&c[1], " ");
        numbers(&rest)
            .first()
            .copied()
            .or_else(|| line_number(&c[1]))
    });
    if let Some(n) = explicit.last() {
        return Some((n, "the answer line"));
    }
    let last_line = output.lines().rev().find(|l| NUMBER.is_match(l));
    let is_last = |l: &str| output.lines().rev().find(|x| !x.trim().is_empty()) == Some(l);
    if let Some(line) = last_line {
        let n = line_number(line)?;
        let rule = if is_last(line) {
            "the last line"
        } else {
            "the last line with a number"
        };
        return Some((n, rule));
    }
    None
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
    let Some((got, rule)) = answer(output) else {
        return Score::pass_if(false, "no number in the output");
    };
    let allowed = relative.map_or(tolerance, |r| tolerance.max(r * want.abs()));
    let passed = (got - want).abs() <= allowed;
    let reason = if passed {
        format!("{got} (from {rule}) equals {want}")
    } else {
        format!("{got} (from {rule}) differs from {want} by more than {allowed}")
    };
    Score::pass_if(passed, reason).with_answer(got.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_are_read_with_separators_signs_and_exponents() {
        assert_eq!(last_number("3 apples and 4 pears make 7."), Some(7.0));
        assert_eq!(last_number("Total: $1,234.50"), Some(1234.5));
        assert_eq!(last_number("about 0.25 or .5"), Some(0.5));
        assert_eq!(last_number("1e3"), Some(1000.0));
        assert_eq!(last_number("none"), None);
    }

    #[test]
    fn explicit_answers_come_before_the_last_number() {
        let a = |s: &str| answer(s).unwrap();
        assert_eq!(
            a("Final answer: 60000\n(He keeps the remaining 40,000.)"),
            (60000.0, "the answer line")
        );
        assert_eq!(a("**21 feet** (252 inches)"), (21.0, "the last line"));
        assert_eq!(a("so 3 + 4 = 7"), (7.0, "the last line"));
        assert_eq!(
            a("The total is 18.\n#### 18\nCheck: 9 * 2"),
            (18.0, "the #### line")
        );
        assert_eq!(a("x = \\boxed{42}, not 41"), (42.0, "\\boxed{}"));
        assert_eq!(a("#### -18"), (-18.0, "the #### line"));
        assert_eq!(
            a("She pays 5 * 3 = 15.\nThat is all.\n"),
            (15.0, "the last line with a number")
        );
        assert_eq!(
            a("**Answer:** $1,250 per month"),
            (1250.0, "the answer line")
        );
    }

    #[test]
    fn tolerances() {
        assert!(score("answer 72", Some(&json!(72)), 1e-6, None).passed);
        assert!(score("answer 72", Some(&json!("72")), 1e-6, None).passed);
        assert!(!score("answer 73", Some(&json!(72)), 0.5, None).passed);
        assert!(score("answer 73", Some(&json!(72)), 0.0, Some(0.02)).passed);
        assert!(!score("no idea", Some(&json!(72)), 1.0, None).passed);
        assert!(!score("5", Some(&json!("n/a")), 1.0, None).passed);
        let s = score(
            "Final answer: 60000\n(He keeps 40,000.)",
            Some(&json!(40000)),
            0.01,
            None,
        );
        assert!(!s.passed);
        assert!(s.reason.contains("answer line"), "{}", s.reason);
    }
}
