//! What suite and catalog files deserialize into (`…Spec`), before validation.
//!
//! Every struct denies unknown fields, so a typo is an error that points at
//! the key rather than a silently ignored setting.

use crate::scorers::ScorerSpec;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt;

/// A suite file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuiteSpec {
    /// Short name, shown in reports.
    pub name: String,
    /// What the suite measures.
    #[serde(default)]
    pub description: String,
    /// Settings every task and model inherits.
    #[serde(default)]
    pub defaults: DefaultsSpec,
    /// Models defined inline or named from the catalog.
    #[serde(default)]
    pub models: Vec<ModelEntry>,
    /// The workloads.
    pub tasks: Vec<TaskSpec>,
}

/// A models catalog file (`--models FILE`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogSpec {
    /// The models it defines.
    pub models: Vec<ModelSpec>,
}

/// Suite-wide defaults.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultsSpec {
    /// Generation limit per request.
    pub max_tokens: Option<u32>,
    /// Sampling temperature.
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    pub top_p: Option<f64>,
    /// Sample among the likeliest tokens only.
    pub top_k: Option<u32>,
    /// Penalty on tokens already in the context.
    pub repetition_penalty: Option<f64>,
    /// Seed, offset by the repeat index.
    pub seed: Option<u64>,
    /// Trials per case and model.
    pub repeats: Option<u32>,
    /// Bound on one attempt.
    pub timeout: Option<DurationSpec>,
    /// Bound on the bytes of one response.
    pub max_response_bytes: Option<u64>,
    /// Bound on the bytes one template renders (a prompt, a system message,
    /// an expected answer).
    pub max_prompt_bytes: Option<u64>,
    /// Trials in flight at once, all models together.
    pub concurrency: Option<usize>,
}

/// A model in the suite: a catalog id, or a full definition.
#[derive(Debug)]
pub enum ModelEntry {
    /// The id of a model in the catalog.
    Ref(String),
    /// A definition.
    Inline(Box<ModelSpec>),
}

/// One model definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSpec {
    /// The id tasks and reports use.
    pub id: String,
    /// `openai`, `azure_openai`, `anthropic`, `gemini`, `openai_compatible` or `local`.
    pub provider: String,
    /// The provider's model name; for `local`, the GGUF file, relative to
    /// the file that defines the model.
    pub model: String,
    /// For `local`: `cpu` (default) or `cuda:N`.
    pub device: Option<String>,
    /// For `local`: a chat template to use instead of the file's own.
    pub chat_template: Option<String>,
    /// Endpoint root; required for `openai_compatible` and `azure_openai`.
    pub base_url: Option<String>,
    /// For `azure_openai`: the `api-version` query parameter.
    pub api_version: Option<String>,
    /// Name of the environment variable that holds the key (never the key).
    pub api_key_env: Option<String>,
    /// `reference` marks the frontier baseline.
    pub role: Option<RoleSpec>,
    /// Stream the answer (default) to measure time to first token.
    pub stream: Option<bool>,
    /// Generation settings that override the suite's defaults.
    #[serde(default)]
    pub params: ParamsSpec,
    /// How much a reasoning model reasons.
    pub reasoning: Option<ReasoningSpec>,
    /// Trials of this model in flight at once.
    pub concurrency: Option<usize>,
    /// Attempts per trial, the first included.
    pub max_attempts: Option<u32>,
    /// Time from a trial's first attempt after which no retry starts.
    pub max_retry_time: Option<DurationSpec>,
    /// Requests started per minute, at most.
    pub requests_per_minute: Option<u32>,
    /// Prompt and completion tokens per minute, at most.
    pub tokens_per_minute: Option<u64>,
    /// Prices.
    pub cost: Option<CostSpec>,
}

/// The role a model plays in the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleSpec {
    /// The frontier baseline others are compared with.
    Reference,
}

/// Per-model generation settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamsSpec {
    /// Generation limit per request.
    pub max_tokens: Option<u32>,
    /// Sampling temperature.
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    pub top_p: Option<f64>,
    /// Sample among the likeliest tokens only.
    pub top_k: Option<u32>,
    /// Penalty on tokens already in the context.
    pub repetition_penalty: Option<f64>,
    /// Seed.
    pub seed: Option<u64>,
    /// Stop sequences.
    pub stop: Option<Vec<String>>,
    /// Bound on one attempt.
    pub timeout: Option<DurationSpec>,
    /// Bound on the bytes of one response.
    pub max_response_bytes: Option<u64>,
}

/// A reasoning model's settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasoningSpec {
    /// A named effort: OpenAI's `reasoning_effort`, Gemini 3's thinking level.
    pub effort: Option<String>,
    /// Tokens for reasoning on top of each task's `max_tokens`: the budget
    /// where the API takes one (Gemini 2.5, Claude), and room added to the
    /// output limit with every provider.
    pub budget_tokens: Option<u32>,
}

/// Prices of a model: per token for APIs, per hour for hardware.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostSpec {
    /// Dollars per million prompt tokens.
    pub input_per_mtok: Option<f64>,
    /// Dollars per million generated tokens.
    pub output_per_mtok: Option<f64>,
    /// Dollars per million prompt tokens read from the provider's cache.
    pub cached_input_per_mtok: Option<f64>,
    /// Dollars per million prompt tokens written to the provider's cache.
    pub cache_write_per_mtok: Option<f64>,
    /// Dollars per million hidden reasoning tokens (default: the output price).
    pub reasoning_per_mtok: Option<f64>,
    /// Dollars per hour of the machine that serves the model.
    pub hourly_usd: Option<f64>,
}

/// A price book file: per-token prices of provider models, each with its date and source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceBookSpec {
    /// The entries.
    pub prices: Vec<PriceSpec>,
}

/// The prices of one provider model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceSpec {
    /// The provider, as in suite files (`openai`, `anthropic`, `gemini`, …).
    pub provider: String,
    /// The provider's model name.
    pub model: String,
    /// Dollars per million prompt tokens.
    pub input_per_mtok: f64,
    /// Dollars per million generated tokens.
    pub output_per_mtok: f64,
    /// Dollars per million prompt tokens read from cache (default: the input price).
    pub cached_input_per_mtok: Option<f64>,
    /// Dollars per million prompt tokens written to cache (default: the input price).
    pub cache_write_per_mtok: Option<f64>,
    /// Dollars per million reasoning tokens (default: the output price).
    pub reasoning_per_mtok: Option<f64>,
    /// The day the price was read, `YYYY-MM-DD`.
    pub as_of: String,
    /// Where it was read.
    pub source: String,
}

/// One task.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSpec {
    /// The id reports use.
    pub id: String,
    /// What the workload is.
    #[serde(default)]
    pub description: String,
    /// System message template.
    pub system: Option<String>,
    /// User message template.
    pub prompt: String,
    /// Inputs, inline or from a file.
    pub cases: CasesSpec,
    /// Where the expected answer comes from.
    pub expected: Option<ExpectedSpec>,
    /// How answers are scored.
    #[serde(default)]
    pub scorers: Vec<ScorerSpec>,
    /// When a model is good enough.
    #[serde(default)]
    pub quality: QualitySpec,
    /// Latency objective.
    #[serde(default)]
    pub slo: SloSpec,
    /// Traffic, for monthly cost.
    #[serde(default)]
    pub volume: VolumeSpec,
    /// What counts as a regression against a baseline run.
    #[serde(default)]
    pub regression: RegressionSpec,
    /// Restricts the task to these model ids.
    pub models: Option<Vec<String>>,
    /// Overrides the default generation limit.
    pub max_tokens: Option<u32>,
    /// A JSON Schema the answer must follow, sent to providers that
    /// support structured output (OpenAI, Azure OpenAI, Gemini).
    pub structured_output: Option<Value>,
}

/// The cases of a task.
#[derive(Debug)]
pub enum CasesSpec {
    /// Cases written in the suite.
    Inline(Vec<Map<String, Value>>),
    /// A `.jsonl` or `.csv` file, relative to the suite file.
    File(String),
}

/// The expected answer of each case.
#[derive(Debug)]
pub enum ExpectedSpec {
    /// The value of this case field.
    Field(String),
    /// This template, rendered with the case's fields.
    Template(String),
}

/// A task's quality bar.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualitySpec {
    /// How much worse than the reference a model may be (absolute, in [0, 1]).
    pub margin: Option<f64>,
    /// The least acceptable quality, in [0, 1], on `measure`.
    pub min: Option<f64>,
    /// What `min` and the comparison with the reference measure:
    /// `pass_rate` or `mean` (default: `pass_rate` for structured tasks,
    /// `mean` otherwise).
    pub measure: Option<super::QualityMeasure>,
    /// The largest acceptable share of trials ending in an error, in [0, 1]
    /// (default 0.02).
    pub max_error_rate: Option<f64>,
}

/// A task's regression thresholds; each one left out keeps its default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegressionSpec {
    /// Points of mean quality, in [0, 1].
    pub quality: Option<f64>,
    /// Share of p95 latency (0.25 = 25%).
    pub latency: Option<f64>,
    /// Milliseconds of p95 latency.
    pub latency_ms: Option<f64>,
    /// Share of the cost per request.
    pub cost: Option<f64>,
    /// Points of error rate, in [0, 1].
    pub error_rate: Option<f64>,
}

/// A task's latency objective.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SloSpec {
    /// 95th percentile of end-to-end latency, in milliseconds.
    pub p95_latency_ms: Option<f64>,
    /// 95th percentile of the time to first token, in milliseconds.
    pub p95_ttft_ms: Option<f64>,
    /// 95th percentile of the time per output token after the first, in milliseconds.
    pub p95_tpot_ms: Option<f64>,
}

/// A task's traffic.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VolumeSpec {
    /// Requests per month in production.
    pub requests_per_month: Option<u64>,
}

/// A duration: a number of seconds, or text such as `500ms`, `30s`, `2m`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DurationSpec(pub std::time::Duration);

impl<'de> Deserialize<'de> for ModelEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ModelEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a model id from the catalog or a model definition")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ModelEntry, E> {
                Ok(ModelEntry::Ref(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ModelEntry, A::Error> {
                ModelSpec::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|m| ModelEntry::Inline(Box::new(m)))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for CasesSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CasesSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of cases or the path of a .jsonl or .csv file")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CasesSpec, E> {
                Ok(CasesSpec::File(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<CasesSpec, A::Error> {
                Vec::<Map<String, Value>>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(CasesSpec::Inline)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for ExpectedSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct TemplateSpec {
            template: String,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ExpectedSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a case field name or `{template: ...}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ExpectedSpec, E> {
                Ok(ExpectedSpec::Field(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ExpectedSpec, A::Error> {
                TemplateSpec::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|t| ExpectedSpec::Template(t.template))
            }
        }
        d.deserialize_any(V)
    }
}

/// The longest duration a suite may set: a day is far beyond any timeout or
/// retry window, and a bound keeps every sum of durations finite.
pub const MAX_DURATION: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

impl<'de> Deserialize<'de> for DurationSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        fn bounded<E: de::Error>(d: std::time::Duration) -> Result<DurationSpec, E> {
            if d > MAX_DURATION {
                return Err(E::custom(format!(
                    "a duration must be at most 24h ({} s), not {} s",
                    MAX_DURATION.as_secs(),
                    d.as_secs_f64()
                )));
            }
            Ok(DurationSpec(d))
        }
        struct V;
        impl Visitor<'_> for V {
            type Value = DurationSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration such as 30s, 500ms or 2m, or a number of seconds")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DurationSpec, E> {
                bounded(std::time::Duration::from_secs(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DurationSpec, E> {
                let v = u64::try_from(v).map_err(|_| E::custom("a duration cannot be negative"))?;
                self.visit_u64(v)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<DurationSpec, E> {
                if v.is_finite() && v > MAX_DURATION.as_secs_f64() {
                    return Err(E::custom(format!(
                        "a duration must be at most 24h ({} s), not {v} s",
                        MAX_DURATION.as_secs()
                    )));
                }
                std::time::Duration::try_from_secs_f64(v)
                    .map_err(|_| E::custom("a duration must be a finite, non-negative number"))
                    .and_then(bounded)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DurationSpec, E> {
                parse_duration(v)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "invalid duration `{v}`: write a number with ms, s, m or h, such as 30s"
                        ))
                    })
                    .and_then(bounded)
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses `500ms`, `30s`, `1.5s`, `2m`, `1h`.
pub fn parse_duration(text: &str) -> Option<std::time::Duration> {
    let text = text.trim();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let seconds = match unit.trim() {
        "ms" => number / 1000.0,
        "s" => number,
        "m" => number * 60.0,
        "h" => number * 3600.0,
        _ => return None,
    };
    std::time::Duration::try_from_secs_f64(seconds).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_duration("2m"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("30"), None);
        assert_eq!(parse_duration("5 parsecs"), None);
    }

    #[test]
    fn durations_beyond_a_day_are_refused() {
        let read =
            |yaml: &str| yaml_serde::from_str::<DurationSpec>(yaml).map_err(|e| e.to_string());
        assert_eq!(read("24h"), Ok(DurationSpec(MAX_DURATION)));
        assert_eq!(read("86400"), Ok(DurationSpec(MAX_DURATION)));
        for too_long in [
            "18446744073709551615",
            "86401",
            "1e300",
            "86400.5",
            "25h",
            "1441m",
        ] {
            let err = read(too_long).unwrap_err();
            assert!(
                err.contains("a duration must be at most 24h (86400 s)"),
                "{too_long}: {err}"
            );
        }
        assert!(read("-1").unwrap_err().contains("cannot be negative"));
    }
}
