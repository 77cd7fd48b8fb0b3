//! Scorers over plain text: exact, contains, regex, label, token F1, ROUGE-L, length.

use super::spec::Normalizer;
use super::{normalize, Score};
use std::collections::HashMap;
use std::sync::LazyLock;

pub fn exact(output: &str, expected: &str, n: &[Normalizer]) -> Score {
    let (o, e) = (normalize(output, n), normalize(expected, n));
    let passed = o == e;
    let reason = if passed {
        "matches the expected answer".to_string()
    } else {
        format!("expected {:?}, got {:?}", clip(&e), clip(&o))
    };
    Score::pass_if(passed, reason)
}

pub fn contains(output: &str, needle: &str, n: &[Normalizer]) -> Score {
    let needle = normalize(needle, n);
    let passed = normalize(output, n).contains(&needle);
    let verb = if passed {
        "contains"
    } else {
        "does not contain"
    };
    Score::pass_if(passed, format!("output {verb} {:?}", clip(&needle)))
}

pub fn not_contains(output: &str, needle: &str, n: &[Normalizer]) -> Score {
    let needle = normalize(needle, n);
    let found = normalize(output, n).contains(&needle);
    let verb = if found {
        "contains"
    } else {
        "does not contain"
    };
    Score::pass_if(!found, format!("output {verb} {:?}", clip(&needle)))
}

pub fn regex(
    output: &str,
    re: &regex::Regex,
    group: usize,
    expected: Option<&str>,
    n: &[Normalizer],
) -> Score {
    let Some(caps) = re.captures(output) else {
        return Score::pass_if(false, format!("no match for /{}/", re.as_str()));
    };
    let answer = caps.get(group).map_or("", |m| m.as_str());
    match expected {
        None => Score::pass_if(true, format!("matches /{}/", re.as_str())).with_answer(answer),
        Some(expected) => {
            let passed = normalize(answer, n) == normalize(expected, n);
            let reason = if passed {
                format!("captured {:?} as expected", clip(answer))
            } else {
                format!("captured {:?}, expected {:?}", clip(answer), clip(expected))
            };
            Score::pass_if(passed, reason).with_answer(answer)
        }
    }
}

/// Words for label and overlap matching: lowercase, punctuation as spaces.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '-' && c != '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words that deny what follows them in a clause.
const NEGATIONS: [&str; 10] = [
    "not", "no", "never", "neither", "nor", "non", "isn", "aren", "wasn", "t",
];

static MARKER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:final answer|answer|label|classification|category|sentiment|prediction)\b\W{0,3}(?:is\b)?\W*([^\n.;!?]*)",
    )
    .expect("valid pattern")
});

/// The labels `text` asserts: those it names outside a negation ("not
/// spam"), within a clause, a longer label winning over one inside it
/// ("not spam" over "spam").
fn asserted<'a>(text: &str, labels: &'a [String]) -> (Vec<&'a str>, Vec<&'a str>) {
    let label_words: Vec<Vec<String>> = labels.iter().map(|l| words(l)).collect();
    let (mut yes, mut no): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for clause in text.split(['.', ';', '!', '?', '\n', ',', ':', '(', ')']) {
        let w = words(clause);
        // (start, length, label) of each match, longest first at a start.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (i, lw) in label_words.iter().enumerate() {
            if lw.is_empty() || lw.len() > w.len() {
                continue;
            }
            for start in 0..=w.len() - lw.len() {
                if w[start..start + lw.len()] == lw[..] {
                    found.push((start, lw.len(), i));
                }
            }
        }
        found.sort_by_key(|&(start, len, _)| (start, std::cmp::Reverse(len)));
        let mut covered = 0;
        for (start, len, i) in found {
            if start < covered {
                continue;
            }
            covered = start + len;
            let before = &w[start.saturating_sub(3)..start];
            let list = if before.iter().any(|b| NEGATIONS.contains(&b.as_str())) {
                &mut no
            } else {
                &mut yes
            };
            if !list.contains(&labels[i].as_str()) {
                list.push(&labels[i]);
            }
        }
    }
    (yes, no)
}

/// Which of `labels` the output gives: the whole output if it is a label;
/// else the one label an explicit "answer:"/"label:" names; else the one
/// label the output asserts. Naming several ("spam or ham"), or only
/// negating one ("not spam"), is no answer.
pub fn predict<'a>(output: &str, labels: &'a [String]) -> Result<&'a str, String> {
    let out = words(output);
    if let Some(i) = labels.iter().position(|l| words(l) == out) {
        return Ok(&labels[i]);
    }
    for c in MARKER.captures_iter(output) {
        if let [one] = asserted(&c[1], labels).0.as_slice() {
            return Ok(one);
        }
    }
    let (yes, no) = asserted(output, labels);
    match (yes.as_slice(), no.as_slice()) {
        ([one], _) => Ok(one),
        ([], []) => Err(format!("no label of {} found", labels.join("/"))),
        ([], denied) => Err(format!(
            "denies {} without asserting a label",
            denied.join(" and ")
        )),
        (many, _) => Err(format!("names several labels ({})", many.join(", "))),
    }
}

pub fn label(output: &str, labels: &[String], expected: &str) -> Score {
    match predict(output, labels) {
        Err(reason) => Score::pass_if(false, reason),
        Ok(p) => {
            let passed = words(p) == words(expected);
            let reason = if passed {
                format!("predicted {p:?}")
            } else {
                format!("predicted {p:?}, expected {:?}", clip(expected))
            };
            Score::pass_if(passed, reason).with_answer(p)
        }
    }
}

/// SQuAD-style tokens: words without the articles a, an, the.
fn f1_tokens(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the"))
        .collect()
}

/// Token-level F1 of two texts, in [0, 1].
pub fn f1(output: &str, expected: &str) -> f64 {
    let (o, e) = (f1_tokens(output), f1_tokens(expected));
    if o.is_empty() || e.is_empty() {
        return f64::from(u8::from(o.is_empty() && e.is_empty()));
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in &e {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0;
    for w in &o {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    f_measure(common, o.len(), e.len())
}

/// F1 of `common` matches among `got` predicted and `want` expected items.
fn f_measure(common: usize, got: usize, want: usize) -> f64 {
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / got as f64;
    let r = common as f64 / want as f64;
    2.0 * p * r / (p + r)
}

/// A graded score that passes at `threshold`.
fn graded(name: &str, value: f64, threshold: f64) -> Score {
    Score {
        value,
        passed: value >= threshold,
        answer: None,
        reason: format!("{name} {value:.3} (pass at {threshold})"),
    }
}

pub fn token_f1(output: &str, expected: &str, threshold: f64) -> Score {
    graded("token F1", f1(output, expected), threshold)
}

/// ROUGE-L F-measure (β = 1) over words, in [0, 1].
pub fn rouge_l_f(output: &str, expected: &str) -> f64 {
    let (o, e) = (words(output), words(expected));
    if o.is_empty() || e.is_empty() {
        return f64::from(u8::from(o.is_empty() && e.is_empty()));
    }
    let mut prev = vec![0usize; e.len() + 1];
    for ow in &o {
        let mut cur = vec![0usize; e.len() + 1];
        for (j, ew) in e.iter().enumerate() {
            cur[j + 1] = if ow == ew {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    f_measure(prev[e.len()], o.len(), e.len())
}

pub fn rouge_l(output: &str, expected: &str, threshold: f64) -> Score {
    graded("ROUGE-L", rouge_l_f(output, expected), threshold)
}

pub fn length(output: &str, chars: (usize, usize), words: (usize, usize)) -> Score {
    let c = output.trim().chars().count();
    let w = output.split_whitespace().count();
    let ok_c = (chars.0..=chars.1).contains(&c);
    let ok_w = (words.0..=words.1).contains(&w);
    let bound = |b: usize| {
        if b == usize::MAX {
            "∞".to_string()
        } else {
            b.to_string()
        }
    };
    let reason = match (ok_c, ok_w) {
        (true, true) => format!("{c} characters, {w} words: within bounds"),
        (false, _) => format!("{c} characters, outside {}..{}", chars.0, bound(chars.1)),
        (true, false) => format!("{w} words, outside {}..{}", words.0, bound(words.1)),
    };
    Score::pass_if(ok_c && ok_w, reason)
}

/// Keeps reasons to one short line.
fn clip(s: &str) -> String {
    const MAX: usize = 60;
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        format!("{}…", one_line.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Normalizer::*;

    fn labels(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn exact_uses_normalisers() {
        assert!(exact(" Paris \n", "Paris", &[Trim]).passed);
        assert!(!exact("paris", "Paris", &[Trim]).passed);
        assert!(exact("PARIS!", "paris", &[Lowercase, StripPunctuation]).passed);
        assert!(exact("", "", &[Trim]).passed);
        let s = exact("London", "Paris", &[Trim]);
        assert_eq!(s.value, 0.0);
        assert_eq!(s.reason, "expected \"Paris\", got \"London\"");
    }

    #[test]
    fn contains_and_not_contains() {
        assert!(contains("The answer is Paris.", "paris", &[Lowercase]).passed);
        assert!(!contains("The answer is Lyon.", "Paris", &[Trim]).passed);
        assert!(not_contains("fine", "sorry", &[Lowercase]).passed);
        assert!(!not_contains("I'm SORRY", "sorry", &[Lowercase]).passed);
    }

    #[test]
    fn regex_captures_the_answer() {
        let re = regex::Regex::new(r"(?i)answer:\s*(\w+)").unwrap();
        let s = regex("Answer: Paris", &re, 1, Some("paris"), &[Lowercase]);
        assert!(s.passed);
        assert_eq!(s.answer.as_deref(), Some("Paris"));
        assert!(!regex("Answer: Rome", &re, 1, Some("paris"), &[Lowercase]).passed);
        assert!(regex("answer: x", &re, 0, None, &[]).passed);
        let s = regex("nothing", &re, 1, None, &[]);
        assert!(!s.passed && s.answer.is_none());
    }

    #[test]
    fn label_prediction_handles_overlaps_and_noise() {
        let l = labels(&["spam", "ham"]);
        assert_eq!(predict("Spam.", &l), Ok("spam"));
        assert_eq!(predict("Label: ham\nbecause it is not spam", &l), Ok("ham"));
        assert_eq!(predict("It's not spam; it's ham.", &l), Ok("ham"));
        assert_eq!(predict("spam, not ham", &l), Ok("spam"));
        assert!(predict("hamburger", &l).is_err());
        let err = predict("Not spam.", &l).unwrap_err();
        assert!(err.contains("denies spam"), "{err}");
        let err = predict("Could be spam or ham; I can't tell.", &l).unwrap_err();
        assert!(err.contains("several"), "{err}");
        let l = labels(&["not spam", "spam"]);
        assert_eq!(predict("This is not spam", &l), Ok("not spam"));
        assert_eq!(predict("spam, definitely", &l), Ok("spam"));
        let l = labels(&["positive", "negative", "neutral"]);
        let s = label("**Negative**", &l, "negative");
        assert!(s.passed);
        assert_eq!(s.answer.as_deref(), Some("negative"));
        assert!(!label("positive or negative", &l, "negative").passed);
        assert!(label("Sentiment: negative (not positive)", &l, "negative").passed);
        let s = label("I cannot tell", &l, "negative");
        assert!(!s.passed && s.answer.is_none());
    }

    #[test]
    fn token_f1_matches_squad_definition() {
        assert_eq!(f1("the cat sat", "a cat sat"), 1.0);
        assert_eq!(f1("cat", "dog"), 0.0);
        // 2 common of 4 predicted and 2 expected: p = .5, r = 1, f1 = 2/3.
        assert!((f1("cat sat on mat", "cat sat") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(f1("", ""), 1.0);
        assert_eq!(f1("x", ""), 0.0);
        assert!(token_f1("cat sat on mat", "cat sat", 0.6).passed);
    }

    #[test]
    fn rouge_l_uses_the_longest_common_subsequence() {
        assert_eq!(rouge_l_f("a b c d", "a b c d"), 1.0);
        // LCS("police killed the gunman", "police kill the gunman") = 3.
        let v = rouge_l_f("police killed the gunman", "police kill the gunman");
        assert!((v - 0.75).abs() < 1e-12);
        assert_eq!(rouge_l_f("x y", "z"), 0.0);
        assert!(!rouge_l("x y", "z", 0.5).passed);
    }

    #[test]
    fn length_bounds() {
        assert!(length("one two three", (0, 100), (2, 3)).passed);
        assert!(!length("one two three four", (0, 100), (2, 3)).passed);
        assert!(!length("short", (10, usize::MAX), (0, usize::MAX)).passed);
    }
}
