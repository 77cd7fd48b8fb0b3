//! What a suite can say of a scorer: [`ScorerSpec`], as read from YAML,
//! and the text [`Normalizer`]s the comparing scorers apply.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Text normalisations applied before comparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalizer {
    /// Remove leading and trailing whitespace.
    Trim,
    /// Lowercase.
    Lowercase,
    /// Turn each run of whitespace into one space.
    CollapseWhitespace,
    /// Drop punctuation.
    StripPunctuation,
}

fn one() -> f64 {
    1.0
}

/// One scorer, selected by its `type`.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ScorerSpec {
    /// The output equals the expected answer after normalisation.
    Exact {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// Normalisations (default: trim).
        normalize: Option<Vec<Normalizer>>,
    },
    /// The output contains `value`, or the expected answer.
    Contains {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The text to find (default: the expected answer).
        value: Option<String>,
        /// Normalisations (default: trim).
        normalize: Option<Vec<Normalizer>>,
    },
    /// The output does not contain `value`.
    NotContains {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The text that must not appear.
        value: String,
        /// Normalisations (default: trim).
        normalize: Option<Vec<Normalizer>>,
    },
    /// The output matches `pattern`; with an expected answer, the captured
    /// group must equal it.
    Regex {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The regular expression.
        pattern: String,
        /// Capture group that holds the answer (default: the whole match).
        group: Option<usize>,
        /// Normalisations of answer and expected (default: trim).
        normalize: Option<Vec<Normalizer>>,
    },
    /// Classification: which of `labels` the output gives.
    Label {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The allowed labels.
        labels: Vec<String>,
    },
    /// The output (or its fenced block) is JSON.
    JsonValid {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
    },
    /// The output's JSON satisfies `schema`.
    JsonSchema {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// A JSON Schema, written in YAML.
        schema: Value,
    },
    /// Named fields of the output's JSON equal the expected object's, with per-field credit.
    JsonFields {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// Fields to compare (default: every field of the expected object).
        fields: Option<Vec<String>>,
        /// Normalisations of string fields (default: trim).
        normalize: Option<Vec<Normalizer>>,
    },
    /// The final number in the output equals the expected number within tolerance.
    Numeric {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// Absolute tolerance (default 1e-6).
        tolerance: Option<f64>,
        /// Relative tolerance, as a fraction of the expected value.
        relative: Option<f64>,
    },
    /// Token-level F1 against the expected answer.
    TokenF1 {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// Least F1 that passes (default 0.5).
        threshold: Option<f64>,
    },
    /// ROUGE-L F-measure against the expected answer.
    RougeL {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// Least ROUGE-L that passes (default 0.5).
        threshold: Option<f64>,
    },
    /// Cosine similarity of sentence embeddings of the output and the
    /// expected answer.
    Similarity {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The folder of a sentence-embedding model (BERT family:
        /// `config.json`, `sentence_bert_config.json`, `tokenizer.json`,
        /// `model.safetensors`), relative to the suite file.
        model: String,
        /// Least similarity that passes, in [0, 1] (default 0.7).
        threshold: Option<f64>,
    },
    /// Length bounds, in characters and words.
    Length {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// Fewest characters.
        min_chars: Option<usize>,
        /// Most characters.
        max_chars: Option<usize>,
        /// Fewest words.
        min_words: Option<usize>,
        /// Most words.
        max_words: Option<usize>,
    },
    /// The output's function call has the expected name and acceptable arguments.
    FunctionCall {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
    },
    /// The output's SQL returns the expected query's results on test
    /// databases built from the case's schema.
    Sql {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The case field that holds the schema's `CREATE TABLE` statements.
        schema: String,
    },
    /// A judge model rates the output against a rubric on a scale.
    Judge {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The id of the model that judges (a suite model).
        model: String,
        /// The criteria the output is rated on.
        rubric: String,
        /// The lowest and highest rating (default `[1, 5]`).
        scale: Option<[u32; 2]>,
        /// Least normalised rating that passes, in [0, 1] (default 0.75).
        threshold: Option<f64>,
        /// How often the judge is asked about each output (default 1); the
        /// score is the mean, and the spread measures the judge.
        repeats: Option<u32>,
        /// A minijinja template replacing the default judge prompt.
        template: Option<String>,
        /// The least share of repeated questions answered alike (default 0.8).
        min_consistency: Option<f64>,
        /// The least share of answers judged as the task's gold scorers
        /// have them (default 0.8).
        min_gold_agreement: Option<f64>,
    },
    /// A judge model compares the output with the reference model's for the
    /// same case, in both orders; the score is the share not lost.
    Pairwise {
        /// Weight in the task's quality.
        #[serde(default = "one")]
        weight: f64,
        /// The id of the model that judges (a suite model).
        model: String,
        /// What makes one answer better than the other (default: how well
        /// it does what the prompt asks).
        criteria: Option<String>,
        /// Least score that passes, in [0, 1] (default 0.5).
        threshold: Option<f64>,
        /// How often the judge is asked about each order (default 1).
        repeats: Option<u32>,
        /// A minijinja template replacing the default judge prompt.
        template: Option<String>,
        /// Accept a judge that is the reference, grading its own answers
        /// against the others' (refused without it).
        #[serde(default)]
        allow_self_judging: bool,
        /// The largest share of comparisons that may flip when the answers
        /// swap places (default 0.2).
        max_position_bias: Option<f64>,
        /// As for `judge`.
        min_consistency: Option<f64>,
        /// As for `judge`.
        min_gold_agreement: Option<f64>,
    },
}

/// The bars a judged scorer's judge is held to, each missed only when its
/// 95% interval lies wholly beyond it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JudgeBars {
    /// The largest share of pairwise comparisons that may flip when the
    /// answers swap places.
    pub max_position_bias: f64,
    /// The least share of repeated questions answered alike.
    pub min_consistency: f64,
    /// The least share of answers judged as the task's gold scorers have them.
    pub min_gold_agreement: f64,
}

impl Default for JudgeBars {
    fn default() -> Self {
        Self {
            max_position_bias: 0.20,
            min_consistency: 0.80,
            min_gold_agreement: 0.80,
        }
    }
}

/// A field of a spec and the value it gave, if any.
pub type Given = (&'static str, Option<f64>);

impl ScorerSpec {
    /// The scorer's weight in the task's quality.
    pub fn weight(&self) -> f64 {
        match self {
            Self::Exact { weight, .. }
            | Self::Contains { weight, .. }
            | Self::NotContains { weight, .. }
            | Self::Regex { weight, .. }
            | Self::Label { weight, .. }
            | Self::JsonValid { weight, .. }
            | Self::JsonSchema { weight, .. }
            | Self::JsonFields { weight, .. }
            | Self::Numeric { weight, .. }
            | Self::TokenF1 { weight, .. }
            | Self::RougeL { weight, .. }
            | Self::Similarity { weight, .. }
            | Self::Length { weight, .. }
            | Self::FunctionCall { weight, .. }
            | Self::Sql { weight, .. }
            | Self::Judge { weight, .. }
            | Self::Pairwise { weight, .. } => *weight,
        }
    }

    /// The bars of a judged scorer's judge, the spec's over the defaults,
    /// with what the spec gave by field name; `None` for a scorer without a
    /// judge.
    pub fn judge_bars(&self) -> Option<(JudgeBars, [Given; 3])> {
        let (position, consistency, gold) = match self {
            Self::Judge {
                min_consistency,
                min_gold_agreement,
                ..
            } => (None, *min_consistency, *min_gold_agreement),
            Self::Pairwise {
                max_position_bias,
                min_consistency,
                min_gold_agreement,
                ..
            } => (*max_position_bias, *min_consistency, *min_gold_agreement),
            _ => return None,
        };
        let d = JudgeBars::default();
        Some((
            JudgeBars {
                max_position_bias: position.unwrap_or(d.max_position_bias),
                min_consistency: consistency.unwrap_or(d.min_consistency),
                min_gold_agreement: gold.unwrap_or(d.min_gold_agreement),
            },
            [
                ("max_position_bias", position),
                ("min_consistency", consistency),
                ("min_gold_agreement", gold),
            ],
        ))
    }

    /// Whether a pairwise judge that is the reference is accepted.
    pub fn allows_self_judging(&self) -> bool {
        matches!(
            self,
            Self::Pairwise {
                allow_self_judging: true,
                ..
            }
        )
    }
}
