//! Scorers: map a model's output (and the case's expected answer) to a [`Score`].
//!
//! Each scorer returns a value in [0, 1], pass or fail, the answer it read
//! from the output where it extracts one, and a one-line reason. A task's
//! quality is the weighted mean of its scorers' values. Judged scorers
//! (`judge`, `pairwise`) need a model's answer, so the engine asks the judge
//! and hands their scores to [`assess`] with the others. The `similarity`
//! scorer runs a sentence-embedding model, which the suite loader loads
//! (see [`Scorer::similarity_mut`]).

mod call;
pub mod embed;
mod json;
pub mod judge;
mod normalize;
mod numeric;
mod similarity;
mod spec;
mod sql;
mod text;

use serde_json::Value;
use std::collections::BTreeMap;

pub use judge::Judge;
pub use normalize::normalize;
pub use similarity::Similarity;
pub use spec::{Given, JudgeBars, Normalizer, ScorerSpec};

/// One scorer's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Value in [0, 1].
    pub value: f64,
    /// Pass or fail.
    pub passed: bool,
    /// The answer read from the output, for scorers that extract one.
    pub answer: Option<String>,
    /// One line on why.
    pub reason: String,
}

impl Score {
    fn pass_if(passed: bool, reason: impl Into<String>) -> Self {
        Self {
            value: if passed { 1.0 } else { 0.0 },
            passed,
            answer: None,
            reason: reason.into(),
        }
    }

    fn with_answer(mut self, answer: impl Into<String>) -> Self {
        self.answer = Some(answer.into());
        self
    }
}

/// A validated scorer with its weight.
#[derive(Debug)]
pub struct Scorer {
    weight: f64,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Exact(Vec<Normalizer>),
    Contains(Option<String>, Vec<Normalizer>),
    NotContains(String, Vec<Normalizer>),
    Regex(regex::Regex, usize, Vec<Normalizer>),
    Label(Vec<String>),
    JsonValid,
    JsonSchema(Box<jsonschema::Validator>),
    JsonFields(Option<Vec<String>>, Vec<Normalizer>),
    Numeric {
        tolerance: f64,
        relative: Option<f64>,
    },
    TokenF1(f64),
    RougeL(f64),
    Similarity(Box<Similarity>),
    Length {
        chars: (usize, usize),
        words: (usize, usize),
    },
    FunctionCall,
    /// Scored by execution on the schema in this case field.
    Sql(String),
    /// Scored by a judge model.
    Judged(Box<Judge>),
}

/// A `regex` scorer: the pattern compiled, and the group it reads checked.
fn regex_kind(pattern: &str, group: Option<usize>, norm: Vec<Normalizer>) -> Result<Kind, String> {
    let re = regex::Regex::new(pattern).map_err(|e| format!("invalid regex: {e}"))?;
    let group = group.unwrap_or(0);
    if group >= re.captures_len() {
        return Err(format!(
            "group {group} does not exist: the pattern has {} capture group(s)",
            re.captures_len() - 1
        ));
    }
    Ok(Kind::Regex(re, group, norm))
}

/// A `numeric` scorer: its tolerances, non-negative.
fn numeric_kind(tolerance: Option<f64>, relative: Option<f64>) -> Result<Kind, String> {
    let tolerance = tolerance.unwrap_or(1e-6);
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        return Err("tolerance must be a non-negative number".into());
    }
    if relative.is_some_and(|r| !(r.is_finite() && r >= 0.0)) {
        return Err("relative must be a non-negative number".into());
    }
    Ok(Kind::Numeric {
        tolerance,
        relative,
    })
}

/// A `length` scorer from its `[min, max]` characters and words: at least
/// one bound, and no minimum above its maximum.
fn length_kind(chars: [Option<usize>; 2], words: [Option<usize>; 2]) -> Result<Kind, String> {
    if chars.iter().chain(&words).all(Option::is_none) {
        return Err(
            "a length scorer needs at least one of min_chars, max_chars, min_words, max_words"
                .into(),
        );
    }
    let range = |[min, max]: [Option<usize>; 2]| (min.unwrap_or(0), max.unwrap_or(usize::MAX));
    let (chars, words) = (range(chars), range(words));
    if chars.0 > chars.1 || words.0 > words.1 {
        return Err("a minimum is larger than its maximum".into());
    }
    Ok(Kind::Length { chars, words })
}

/// A `judge` or `pairwise` scorer.
fn judged(settings: judge::Settings<'_>) -> Result<Kind, String> {
    Ok(Kind::Judged(Box::new(Judge::new(&settings)?)))
}

fn check_unit(name: &str, v: Option<f64>, default: f64) -> Result<f64, String> {
    let v = v.unwrap_or(default);
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{name} must be between 0 and 1, got {v}"))
    }
}

impl Scorer {
    /// Builds a scorer, or says what is wrong with its settings.
    pub fn new(spec: &ScorerSpec) -> Result<Self, String> {
        let norm =
            |n: &Option<Vec<Normalizer>>| n.clone().unwrap_or_else(|| vec![Normalizer::Trim]);
        let kind = match spec {
            ScorerSpec::Exact { normalize, .. } => Kind::Exact(norm(normalize)),
            ScorerSpec::Contains {
                value, normalize, ..
            } => Kind::Contains(value.clone(), norm(normalize)),
            ScorerSpec::NotContains {
                value, normalize, ..
            } => {
                if value.is_empty() {
                    return Err("not_contains needs a non-empty value".into());
                }
                Kind::NotContains(value.clone(), norm(normalize))
            }
            ScorerSpec::Regex {
                pattern,
                group,
                normalize,
                ..
            } => regex_kind(pattern, *group, norm(normalize))?,
            ScorerSpec::Label { labels, .. } => {
                if labels.len() < 2 {
                    return Err("a label scorer needs at least two labels".into());
                }
                if labels.iter().any(|l| l.trim().is_empty()) {
                    return Err("labels cannot be empty".into());
                }
                Kind::Label(labels.clone())
            }
            ScorerSpec::JsonValid { .. } => Kind::JsonValid,
            ScorerSpec::JsonSchema { schema, .. } => Kind::JsonSchema(Box::new(
                jsonschema::validator_for(schema)
                    .map_err(|e| format!("invalid JSON schema: {e}"))?,
            )),
            ScorerSpec::JsonFields {
                fields, normalize, ..
            } => {
                if fields.as_ref().is_some_and(Vec::is_empty) {
                    return Err("fields cannot be an empty list; leave it out to compare every expected field".into());
                }
                Kind::JsonFields(fields.clone(), norm(normalize))
            }
            ScorerSpec::Numeric {
                tolerance,
                relative,
                ..
            } => numeric_kind(*tolerance, *relative)?,
            ScorerSpec::TokenF1 { threshold, .. } => {
                Kind::TokenF1(check_unit("threshold", *threshold, 0.5)?)
            }
            ScorerSpec::RougeL { threshold, .. } => {
                Kind::RougeL(check_unit("threshold", *threshold, 0.5)?)
            }
            ScorerSpec::Similarity {
                model, threshold, ..
            } => {
                let threshold = check_unit("threshold", *threshold, 0.7)?;
                Kind::Similarity(Box::new(Similarity::new(model, threshold)?))
            }
            ScorerSpec::Length {
                min_chars,
                max_chars,
                min_words,
                max_words,
                ..
            } => length_kind([*min_chars, *max_chars], [*min_words, *max_words])?,
            ScorerSpec::FunctionCall { .. } => Kind::FunctionCall,
            ScorerSpec::Sql { schema, .. } => {
                if schema.trim().is_empty() {
                    return Err("schema must name the case field that holds the schema".into());
                }
                Kind::Sql(schema.clone())
            }
            ScorerSpec::Judge {
                model,
                rubric,
                scale,
                threshold,
                repeats,
                template,
                ..
            } => judged(judge::Settings {
                model,
                rubric: Some(rubric),
                criteria: None,
                scale: *scale,
                threshold: *threshold,
                repeats: *repeats,
                template: template.as_deref(),
            })?,
            ScorerSpec::Pairwise {
                model,
                criteria,
                threshold,
                repeats,
                template,
                ..
            } => judged(judge::Settings {
                model,
                rubric: None,
                criteria: criteria.as_deref(),
                scale: None,
                threshold: *threshold,
                repeats: *repeats,
                template: template.as_deref(),
            })?,
        };
        let weight = spec.weight();
        if !(weight.is_finite() && weight >= 0.0) {
            return Err(format!(
                "weight must be a non-negative number, got {weight}"
            ));
        }
        Ok(Self { weight, kind })
    }

    /// The scorer's `type`.
    pub fn name(&self) -> &'static str {
        match &self.kind {
            Kind::Exact(..) => "exact",
            Kind::Contains(..) => "contains",
            Kind::NotContains(..) => "not_contains",
            Kind::Regex(..) => "regex",
            Kind::Label(..) => "label",
            Kind::JsonValid => "json_valid",
            Kind::JsonSchema(..) => "json_schema",
            Kind::JsonFields(..) => "json_fields",
            Kind::Numeric { .. } => "numeric",
            Kind::TokenF1(..) => "token_f1",
            Kind::RougeL(..) => "rouge_l",
            Kind::Similarity(..) => "similarity",
            Kind::Length { .. } => "length",
            Kind::FunctionCall => "function_call",
            Kind::Sql(_) => "sql",
            Kind::Judged(j) => j.name(),
        }
    }

    /// Weight in the task's quality.
    pub fn weight(&self) -> f64 {
        self.weight
    }

    /// Whether it compares with an expected answer.
    pub fn needs_expected(&self) -> bool {
        match &self.kind {
            Kind::Contains(value, _) => value.is_none(),
            Kind::Exact(_)
            | Kind::Label(_)
            | Kind::JsonFields(..)
            | Kind::Numeric { .. }
            | Kind::TokenF1(_)
            | Kind::RougeL(_)
            | Kind::Similarity(_)
            | Kind::FunctionCall
            | Kind::Sql(_) => true,
            Kind::NotContains(..)
            | Kind::Regex(..)
            | Kind::JsonValid
            | Kind::JsonSchema(_)
            | Kind::Length { .. }
            | Kind::Judged(_) => false,
        }
    }

    /// Whether it checks an answer that has one right form (a label, a
    /// number, a query, a call, JSON, a pattern), so that partial credit
    /// is no evidence of a usable answer; text overlap, length, keyword and
    /// judged scorers grade free text, where it is.
    pub fn structured(&self) -> bool {
        matches!(
            self.kind,
            Kind::Exact(_)
                | Kind::Label(_)
                | Kind::Numeric { .. }
                | Kind::Sql(_)
                | Kind::FunctionCall
                | Kind::JsonFields(..)
                | Kind::JsonValid
                | Kind::JsonSchema(_)
                | Kind::Regex(..)
        )
    }

    /// Whether scoring one output is heavy CPU work (tens of milliseconds:
    /// a model's forward pass, queries on test databases), which the
    /// engine runs off the async runtime's workers.
    pub fn blocking(&self) -> bool {
        matches!(self.kind, Kind::Similarity(_) | Kind::Sql(_))
    }

    /// The case field this scorer reads besides the expected answer, if any.
    pub fn case_field(&self) -> Option<&str> {
        match &self.kind {
            Kind::Sql(field) => Some(field),
            _ => None,
        }
    }

    /// The judge, for a judged scorer.
    pub fn judge(&self) -> Option<&Judge> {
        match &self.kind {
            Kind::Judged(j) => Some(j),
            _ => None,
        }
    }

    /// The judge, for the loader to resolve its model.
    pub fn judge_mut(&mut self) -> Option<&mut Judge> {
        match &mut self.kind {
            Kind::Judged(j) => Some(j),
            _ => None,
        }
    }

    /// Files besides the suite's that this scorer's scores depend on (a
    /// `similarity` scorer's model), so a resumed or merged run can tell
    /// they changed.
    pub fn sources(&self) -> Vec<std::path::PathBuf> {
        match &self.kind {
            Kind::Similarity(s) => s.files(),
            _ => Vec::new(),
        }
    }

    /// The `similarity` scorer, for the loader to load its model.
    pub fn similarity_mut(&mut self) -> Option<&mut Similarity> {
        match &mut self.kind {
            Kind::Similarity(s) => Some(s),
            _ => None,
        }
    }

    /// Checks a case's value of [`Scorer::case_field`]: a `sql` scorer's
    /// schema must load into SQLite.
    pub fn check_case_field(&self, value: &str) -> Result<(), String> {
        match &self.kind {
            Kind::Sql(_) => sql::load_schema(value).map(drop),
            _ => Ok(()),
        }
    }

    /// Scores one output; `fields` holds the case fields that
    /// [`Scorer::case_field`] names. `None` for a judged scorer, whose
    /// score comes from its judge's replies.
    pub fn score(
        &self,
        output: &str,
        expected: Option<&Value>,
        fields: &BTreeMap<String, String>,
    ) -> Option<Score> {
        let expected_text = expected.map(value_text);
        let expected_text = expected_text.as_deref();
        Some(match &self.kind {
            Kind::Exact(n) => text::exact(output, expected_text.unwrap_or_default(), n),
            Kind::Contains(value, n) => text::contains(
                output,
                value.as_deref().or(expected_text).unwrap_or_default(),
                n,
            ),
            Kind::NotContains(value, n) => text::not_contains(output, value, n),
            Kind::Regex(re, group, n) => text::regex(output, re, *group, expected_text, n),
            Kind::Label(labels) => text::label(output, labels, expected_text.unwrap_or_default()),
            Kind::JsonValid => json::valid(output),
            Kind::JsonSchema(v) => json::schema(output, v),
            Kind::JsonFields(fields, n) => json::fields(output, expected, fields.as_deref(), n),
            Kind::Numeric {
                tolerance,
                relative,
            } => numeric::score(output, expected, *tolerance, *relative),
            Kind::TokenF1(t) => text::token_f1(output, expected_text.unwrap_or_default(), *t),
            Kind::RougeL(t) => text::rouge_l(output, expected_text.unwrap_or_default(), *t),
            Kind::Similarity(s) => s.score(output, expected_text.unwrap_or_default()),
            Kind::Length { chars, words } => text::length(output, *chars, *words),
            Kind::FunctionCall => call::score(output, expected),
            Kind::Sql(field) => sql::score(
                output,
                expected_text.unwrap_or_default(),
                fields.get(field).map_or("", String::as_str),
            ),
            Kind::Judged(_) => return None,
        })
    }
}

/// A JSON value as the text a model would write for it.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The scores of one output under all of a task's scorers.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Weighted mean of the values.
    pub quality: f64,
    /// Whether every scorer passed.
    pub passed: bool,
    /// Each scorer's score, in task order.
    pub scores: Vec<Score>,
}

/// Scores `output` with every scorer and combines the values by weight;
/// `fields` holds the case fields the scorers read (see [`Scorer::case_field`]),
/// `judged` the scores of the judged scorers, in task order.
pub fn assess(
    scorers: &[Scorer],
    output: &str,
    expected: Option<&Value>,
    fields: &BTreeMap<String, String>,
    judged: Vec<Score>,
) -> Assessment {
    let mut judged = judged.into_iter();
    let scores: Vec<Score> = scorers
        .iter()
        .map(|s| {
            s.score(output, expected, fields)
                .or_else(|| judged.next())
                .expect("the engine scores every judged scorer before assessing")
        })
        .collect();
    let total: f64 = scorers.iter().map(Scorer::weight).sum();
    let quality = scorers
        .iter()
        .zip(&scores)
        .map(|(s, sc)| s.weight() * sc.value)
        .sum::<f64>()
        / total;
    Assessment {
        quality: quality.clamp(0.0, 1.0),
        passed: scores.iter().all(|s| s.passed),
        scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer(yaml: &str) -> Result<Scorer, String> {
        Scorer::new(&yaml_serde::from_str::<ScorerSpec>(yaml).unwrap())
    }

    #[test]
    fn quality_is_the_weighted_mean() {
        let scorers = vec![
            scorer("{type: exact, weight: 3}").unwrap(),
            scorer("{type: contains, value: x, weight: 1}").unwrap(),
        ];
        let none = BTreeMap::new();
        let a = assess(
            &scorers,
            "x",
            Some(&Value::String("y".into())),
            &none,
            vec![],
        );
        assert!((a.quality - 0.25).abs() < 1e-12);
        assert!(!a.passed);
        let a = assess(
            &scorers,
            "x",
            Some(&Value::String("x".into())),
            &none,
            vec![],
        );
        assert_eq!((a.quality, a.passed), (1.0, true));
    }

    #[test]
    fn bad_settings_are_refused_with_a_reason() {
        assert!(scorer("{type: regex, pattern: '('}")
            .unwrap_err()
            .contains("invalid regex"));
        assert!(scorer("{type: regex, pattern: 'a(b)', group: 2}")
            .unwrap_err()
            .contains("group 2"));
        assert!(scorer("{type: label, labels: [a]}")
            .unwrap_err()
            .contains("two labels"));
        assert!(scorer("{type: token_f1, threshold: 2}")
            .unwrap_err()
            .contains("between 0 and 1"));
        assert!(scorer("{type: length, min_chars: 5, max_chars: 2}")
            .unwrap_err()
            .contains("minimum"));
        assert!(scorer("{type: length}")
            .unwrap_err()
            .contains("at least one"));
        assert!(scorer("{type: json_schema, schema: {type: 12}}")
            .unwrap_err()
            .contains("invalid JSON schema"));
        assert!(scorer("{type: exact, weight: -1}")
            .unwrap_err()
            .contains("weight"));
        assert!(scorer("{type: numeric, tolerance: -1}")
            .unwrap_err()
            .contains("tolerance"));
        assert!(scorer("{type: similarity, model: m, threshold: 1.5}")
            .unwrap_err()
            .contains("between 0 and 1"));
        assert!(scorer("{type: similarity, model: ' '}")
            .unwrap_err()
            .contains("folder"));
    }

    #[test]
    fn non_string_expected_values_compare_as_text() {
        let s = scorer("{type: exact}").unwrap();
        assert!(
            s.score("42", Some(&serde_json::json!(42)), &BTreeMap::new())
                .unwrap()
                .passed
        );
    }
}
