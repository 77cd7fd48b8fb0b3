//! The [`Plan`]: every trial of a run, in a deterministic order, with stable ids.
//!
//! Two ideas are kept apart. A trial's **id** names (task, case, model,
//! repeat): it is unique within a run and the same in a resumed run, so two
//! cases whose prompts happen to render alike stay two trials. Its **cache
//! key** hashes the request exactly as it will be sent, the repeat index and
//! everything about the model that changes its answers (provider, endpoint,
//! API version, device, chat template, the weights file's content), so
//! identical requests may share a stored answer — each repeat its own, so
//! repeats keep their spread — and any change to the model misses the cache.
//!
//! A [`Shard`] keeps the trials whose id falls in it, so a suite split over
//! CI jobs puts each trial in the same job every time, whatever else the
//! plan holds, and a resumed shard plans the same trials again.

use crate::suite::{Model, Suite};
use sha2::{Digest, Sha256};
use sizeup_runners::rules::Param;
use sizeup_runners::{Message, Request};
use std::sync::Arc;

/// One execution of (task, case, model, repeat).
#[derive(Debug, Clone)]
pub struct Trial {
    /// Stable id (hex): task, case, model and repeat.
    pub id: String,
    /// Position in the whole plan, shards included, so that merged shards
    /// keep the order of one unsharded run.
    pub seq: usize,
    /// The request's own hash with the model's identity (hex).
    pub cache_key: String,
    /// Index of the task in the suite.
    pub task: usize,
    /// Index of the case in the task.
    pub case: usize,
    /// Index of the model in the suite.
    pub model: usize,
    /// Repeat index, from 0.
    pub repeat: u32,
    /// What is sent; shared by repeats that differ only in their seed.
    pub request: Arc<Request>,
}

/// Which trials to run.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these task ids (all when empty).
    pub tasks: Vec<String>,
    /// Only these model ids (all when empty).
    pub models: Vec<String>,
    /// At most this many cases per task, the first ones.
    pub limit: Option<usize>,
    /// Overrides the suite's repeats.
    pub repeats: Option<u32>,
}

/// Every trial of a run, task by task, case by case, model by model, repeat by repeat.
#[derive(Debug)]
pub struct Plan {
    /// The trials, in order.
    pub trials: Vec<Trial>,
    /// Trials of the whole plan: more than `trials` holds when it is a shard.
    pub full_size: usize,
    /// Each suite model's [`identity`], by index: judges' cache keys hash it.
    pub identities: Vec<serde_json::Value>,
}

/// Part `index` of `count` (1-based, as `--shard I/N` writes it).
///
/// Invariant: `1 <= index <= count`, upheld by [`Shard::new`] and parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Shard {
    index: u32,
    count: u32,
}

/// Why `--shard` cannot be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShardError {
    /// Not `I/N` with two whole numbers.
    #[error("`{0}` is not a shard: write I/N, e.g. 2/5 for the second of five")]
    Syntax(String),
    /// A count of zero.
    #[error("a run cannot be split into 0 shards")]
    NoShards,
    /// An index outside `1..=count`.
    #[error("shard {index} does not exist: shards are numbered 1 to {count}")]
    OutOfRange {
        /// The index given.
        index: u32,
        /// The count given.
        count: u32,
    },
}

impl Shard {
    /// The whole plan, as one shard of one.
    pub const WHOLE: Self = Self { index: 1, count: 1 };

    /// Shard `index` of `count`.
    pub fn new(index: u32, count: u32) -> Result<Self, ShardError> {
        match (index, count) {
            (_, 0) => Err(ShardError::NoShards),
            (i, n) if i == 0 || i > n => Err(ShardError::OutOfRange { index, count }),
            _ => Ok(Self { index, count }),
        }
    }

    /// Its index, from 1.
    pub fn index(self) -> u32 {
        self.index
    }

    /// How many shards the plan is split into.
    pub fn count(self) -> u32 {
        self.count
    }

    /// Whether the trial with id `id` is in this shard: a hash of the id,
    /// so the same trial always lands in the same shard and shards come out
    /// about equal in size.
    pub fn contains(self, id: &str) -> bool {
        let digest = Sha256::digest(id.as_bytes());
        let mut bucket = [0u8; 8];
        bucket.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(bucket) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

impl std::str::FromStr for Shard {
    type Err = ShardError;

    fn from_str(text: &str) -> Result<Self, ShardError> {
        let syntax = || ShardError::Syntax(text.to_string());
        let (index, count) = text.trim().split_once('/').ok_or_else(syntax)?;
        let number = |s: &str| s.trim().parse::<u32>().map_err(|_| syntax());
        Self::new(number(index)?, number(count)?)
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl TryFrom<String> for Shard {
    type Error = ShardError;

    fn try_from(text: String) -> Result<Self, ShardError> {
        text.parse()
    }
}

impl From<Shard> for String {
    fn from(shard: Shard) -> String {
        shard.to_string()
    }
}

/// Why a selection cannot be planned.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// `--task` named a task the suite lacks.
    #[error("unknown task `{0}` (the suite has: {1})")]
    UnknownTask(String, String),
    /// `--model` named a model the suite lacks.
    #[error("unknown model `{0}` (the suite has: {1})")]
    UnknownModel(String, String),
    /// Nothing is left to run.
    #[error("the selection has no trials")]
    Empty,
    /// More trials than [`MAX_TRIALS`].
    #[error("the plan has more than {MAX_TRIALS} trials ({repeats} repeats each); lower the repeats or the cases, or run the tasks one at a time with --task")]
    TooLarge {
        /// The repeats of each case and model.
        repeats: u32,
    },
}

/// The most trials one plan holds. Each trial lives in memory for the whole
/// run; a plan larger than this is a mistaken `repeats`, not a measurement.
pub const MAX_TRIALS: u64 = 1_000_000;

/// The SHA-256 of each suite model's weights file (local models), by model
/// index; `None` where the model has no file or it was not read.
pub type WeightDigests = [Option<String>];

impl Plan {
    /// Builds the plan of `suite` under `selection`; `weights` feeds the
    /// cache keys of local models (an empty slice when no cache key will be
    /// used, as in `validate` and `estimate`).
    pub fn new(
        suite: &Suite,
        selection: &Selection,
        weights: &WeightDigests,
    ) -> Result<Self, PlanError> {
        let list = |names: Vec<&str>| names.join(", ");
        for t in &selection.tasks {
            if !suite.tasks.iter().any(|x| &x.id == t) {
                let known = list(suite.tasks.iter().map(|x| x.id.as_str()).collect());
                return Err(PlanError::UnknownTask(t.clone(), known));
            }
        }
        for m in &selection.models {
            if !suite.models.iter().any(|x| &x.id == m) {
                let known = list(suite.models.iter().map(|x| x.id.as_str()).collect());
                return Err(PlanError::UnknownModel(m.clone(), known));
            }
        }
        let repeats = selection.repeats.unwrap_or(suite.repeats);
        let identities: Vec<serde_json::Value> = suite
            .models
            .iter()
            .enumerate()
            .map(|(i, m)| identity(m, weights.get(i).and_then(Option::as_deref)))
            .collect();
        let mut trials = Vec::new();
        for (ti, task) in suite.tasks.iter().enumerate() {
            if !selection.tasks.is_empty() && !selection.tasks.contains(&task.id) {
                continue;
            }
            let cases = selection.limit.unwrap_or(usize::MAX).min(task.cases.len());
            for (ci, case) in task.cases.iter().enumerate().take(cases) {
                for &mi in &task.models {
                    let model = &suite.models[mi];
                    if !selection.models.is_empty() && !selection.models.contains(&model.id) {
                        continue;
                    }
                    let identity = &identities[mi];
                    let base = Arc::new(request(
                        model,
                        case.messages.clone(),
                        task.max_tokens_for(model),
                        task.structured_output.clone(),
                    ));
                    if trials.len() as u64 + u64::from(repeats) > MAX_TRIALS {
                        return Err(PlanError::TooLarge { repeats });
                    }
                    for repeat in 0..repeats {
                        // With a seed, each repeat samples differently but reproducibly.
                        let request = match model.seed {
                            Some(seed) if repeat > 0 => Arc::new(Request {
                                seed: Some(seed.wrapping_add(u64::from(repeat))),
                                ..(*base).clone()
                            }),
                            _ => base.clone(),
                        };
                        trials.push(Trial {
                            id: trial_id(&task.id, &case.id, &model.id, repeat),
                            seq: trials.len(),
                            cache_key: cache_key(identity, &request, repeat),
                            task: ti,
                            case: ci,
                            model: mi,
                            repeat,
                            request,
                        });
                    }
                }
            }
        }
        if trials.is_empty() {
            return Err(PlanError::Empty);
        }
        Ok(Self {
            full_size: trials.len(),
            trials,
            identities,
        })
    }

    /// The trials of this plan that fall in `shard`; it may have none when
    /// the plan is small and the shards many.
    pub fn shard(self, shard: Shard) -> Self {
        Self {
            trials: self
                .trials
                .into_iter()
                .filter(|t| shard.contains(&t.id))
                .collect(),
            full_size: self.full_size,
            identities: self.identities,
        }
    }
}

/// What asking `model` for an answer of at most `max_tokens` tokens about
/// `messages` sends: the model's own generation settings less those its API
/// refuses, its reasoning setting, and an output limit with room for that
/// reasoning.
pub fn request(
    model: &Model,
    messages: Vec<Message>,
    max_tokens: u32,
    json_schema: Option<serde_json::Value>,
) -> Request {
    let withheld = model.withheld();
    let sent = |p: Param| !withheld.iter().any(|(q, _)| *q == p);
    Request {
        messages,
        max_tokens: model.output_limit(max_tokens),
        temperature: model.temperature.filter(|_| sent(Param::Temperature)),
        top_p: model.top_p.filter(|_| sent(Param::TopP)),
        top_k: model.top_k.filter(|_| sent(Param::TopK)),
        repetition_penalty: model.repetition_penalty,
        seed: model.seed,
        stop: if sent(Param::Stop) {
            model.stop.clone()
        } else {
            Vec::new()
        },
        timeout: model.timeout,
        json_schema,
        max_response_bytes: model.max_response_bytes,
        reasoning: model.reasoning_sent(),
    }
}

/// Everything about `model` that changes its answers besides the request:
/// where and how it is reached, and for a local model the device, the chat
/// template and the weights (`weights`: the file's SHA-256).
pub fn identity(model: &Model, weights: Option<&str>) -> serde_json::Value {
    let mut id = serde_json::json!({
        "provider": model.provider.as_str(),
        "model": model.model,
        "base_url": model.base_url,
        "stream": model.stream,
    });
    if model.provider.api().api_version.is_some() {
        id["api_version"] = model.api_version.clone().into();
    }
    if model.provider.in_process() {
        // The file's content names it, wherever the checkout lives.
        if weights.is_some() {
            id["model"] = serde_json::Value::Null;
        }
        id["device"] = model.device.clone().into();
        id["chat_template"] = model.chat_template.clone().into();
        id["weights_sha256"] = weights.into();
    }
    id
}

/// The id of (task, case, model, repeat), as 32 hex digits.
pub fn trial_id(task: &str, case: &str, model: &str, repeat: u32) -> String {
    hash(&serde_json::json!([task, case, model, repeat]))
}

/// The hash of a request as sent to a model with `identity` for repeat
/// `repeat`, as 32 hex digits.
pub fn cache_key(identity: &serde_json::Value, request: &Request, repeat: u32) -> String {
    hash(&serde_json::json!({"model": identity, "request": request, "repeat": repeat}))
}

/// SHA-256 over canonical JSON (keys sorted), first 16 bytes in hex.
fn hash(value: &serde_json::Value) -> String {
    let digest = Sha256::digest(value.to_string().as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn request(text: &str) -> Request {
        Request {
            messages: vec![sizeup_runners::Message {
                role: sizeup_runners::Role::User,
                content: text.into(),
            }],
            max_tokens: 10,
            temperature: Some(0.0),
            timeout: Duration::from_secs(5),
            ..Request::default()
        }
    }

    #[test]
    fn trial_ids_name_task_case_model_and_repeat() {
        let id = trial_id("t", "1", "m", 0);
        assert_eq!(id, trial_id("t", "1", "m", 0));
        assert_eq!(id.len(), 32);
        assert_ne!(id, trial_id("t", "1", "m", 1));
        assert_ne!(id, trial_id("t", "2", "m", 0));
        assert_ne!(id, trial_id("u", "1", "m", 0));
        assert_ne!(id, trial_id("t", "1", "n", 0));
        // No concatenation ambiguity: ("ab", "c") is not ("a", "bc").
        assert_ne!(trial_id("ab", "c", "m", 0), trial_id("a", "bc", "m", 0));
    }

    /// A GGUF file without weights whose header a suite accepts: a llama
    /// with a four-token SentencePiece vocabulary and a chat template.
    fn tiny_gguf(path: &std::path::Path) {
        use candle_core::quantized::gguf_file::{write, Value};
        let text = |s: &str| Value::String(s.into());
        let tokens = ["<unk>", "<s>", "</s>", "\u{2581}hi"].map(text).to_vec();
        let metadata = [
            ("general.architecture", text("llama")),
            ("llama.context_length", Value::U32(64)),
            ("tokenizer.ggml.model", text("llama")),
            ("tokenizer.ggml.tokens", Value::Array(tokens)),
            (
                "tokenizer.ggml.scores",
                Value::Array(vec![Value::F32(0.0); 4]),
            ),
            (
                "tokenizer.ggml.token_type",
                Value::Array([2, 3, 3, 1].map(Value::I32).to_vec()),
            ),
            ("tokenizer.ggml.bos_token_id", Value::U32(1)),
            ("tokenizer.ggml.eos_token_id", Value::U32(2)),
            (
                "tokenizer.chat_template",
                text("{% for m in messages %}{{ m.content }}{% endfor %}"),
            ),
        ];
        let metadata: Vec<(&str, &Value)> = metadata.iter().map(|(k, v)| (*k, v)).collect();
        let mut file = std::fs::File::create(path).unwrap();
        write(&mut file, &metadata, &[]).unwrap();
    }

    /// The models of a suite with an Azure and a local model, as `models` sets them.
    fn models(dir: &std::path::Path, models: &str) -> Vec<Model> {
        tiny_gguf(&dir.join("w.gguf"));
        let path = dir.join("s.yaml");
        let text = format!(
            "name: t
models:
{models}
tasks:
  - id: t
    prompt: hi
    scorers: [{{type: length, min_chars: 1}}]
    cases: [{{}}]
"
        );
        std::fs::write(&path, text).unwrap();
        let prices = crate::suite::PriceBook::built_in();
        crate::suite::load(&path, None, &prices).unwrap().models
    }

    #[test]
    fn a_model_identity_holds_what_changes_its_answers() {
        let dir = tempfile::tempdir().unwrap();
        let azure = |version: &str| {
            format!(
                "  - {{id: a, provider: azure_openai, model: d, base_url: 'https://x.openai.azure.com', \
                 api_key_env: K, api_version: '{version}', cost: {{hourly_usd: 0}}}}"
            )
        };
        let local = |extra: &str| {
            format!("  - {{id: l, provider: local, model: w.gguf, cost: {{hourly_usd: 0}}{extra}}}")
        };
        let id = |m: &str, weights| identity(&models(dir.path(), m)[0], weights);
        assert_eq!(
            id(&azure("2024-10-21"), None),
            id(&azure("2024-10-21"), None)
        );
        assert_ne!(
            id(&azure("2024-10-21"), None),
            id(&azure("2025-01-01"), None)
        );
        let plain = id(&local(""), Some("aa"));
        assert_ne!(plain, id(&local(""), Some("bb")));
        // The same file spelled another way is the same model.
        assert_eq!(
            plain,
            id(&local("").replace("w.gguf", "./w.gguf"), Some("aa"))
        );
        assert_ne!(
            plain,
            id(&local(", chat_template: '{{ messages }}'"), Some("aa"))
        );
        assert_ne!(plain, id(&local(", device: 'cuda:0'"), Some("aa")));
    }

    #[test]
    fn max_tokens_come_from_the_model_then_the_task_then_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        std::fs::write(
            &path,
            "name: t
defaults: {max_tokens: 128}
models:
  - {id: plain, provider: openai_compatible, model: x, base_url: 'http://h/v1', cost: {hourly_usd: 0}}
  - {id: own, provider: openai_compatible, model: x, base_url: 'http://h/v1', cost: {hourly_usd: 0},
     params: {max_tokens: 16}}
tasks:
  - {id: short, prompt: hi, max_tokens: 4, scorers: [{type: length, min_chars: 1}], cases: [{}]}
  - {id: long, prompt: hi, scorers: [{type: length, min_chars: 1}], cases: [{}]}
",
        )
        .unwrap();
        let suite = crate::suite::load(&path, None, &crate::suite::PriceBook::built_in()).unwrap();
        let plan = Plan::new(&suite, &Selection::default(), &[]).unwrap();
        let limits: Vec<(usize, usize, u32)> = plan
            .trials
            .iter()
            .map(|t| (t.task, t.model, t.request.max_tokens))
            .collect();
        assert_eq!(limits, [(0, 0, 4), (0, 1, 16), (1, 0, 128), (1, 1, 16)]);
    }

    #[test]
    fn shards_parse_and_refuse_what_is_not_one() {
        let s: Shard = "2/5".parse().unwrap();
        assert_eq!((s.index(), s.count()), (2, 5));
        assert_eq!(s.to_string(), "2/5");
        assert_eq!(
            " 1 / 1 ".parse::<Shard>().unwrap(),
            Shard::new(1, 1).unwrap()
        );
        assert_eq!("1/0".parse::<Shard>(), Err(ShardError::NoShards));
        assert_eq!(
            "0/3".parse::<Shard>(),
            Err(ShardError::OutOfRange { index: 0, count: 3 })
        );
        assert_eq!(
            "4/3".parse::<Shard>(),
            Err(ShardError::OutOfRange { index: 4, count: 3 })
        );
        for bad in ["", "3", "a/b", "1/2/3", "-1/2", "1.5/2"] {
            assert!(
                matches!(bad.parse::<Shard>(), Err(ShardError::Syntax(_))),
                "{bad}"
            );
        }
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "\"2/5\"");
        assert_eq!(serde_json::from_str::<Shard>(&json).unwrap(), s);
        assert!(serde_json::from_str::<Shard>("\"6/5\"").is_err());
    }

    #[test]
    fn each_trial_lands_in_exactly_one_shard_and_shards_are_even() {
        let ids: Vec<String> = (0..3000)
            .map(|i| trial_id("t", &i.to_string(), "m", 0))
            .collect();
        let count = 3;
        let shards: Vec<Shard> = (1..=count).map(|i| Shard::new(i, count).unwrap()).collect();
        let mut sizes = vec![0usize; shards.len()];
        for id in &ids {
            let homes: Vec<usize> = (0..shards.len())
                .filter(|&i| shards[i].contains(id))
                .collect();
            assert_eq!(homes.len(), 1, "{id}");
            sizes[homes[0]] += 1;
        }
        // 1000 expected per shard; a binomial's spread is about 26.
        assert!(
            sizes.iter().all(|&n| (850..=1150).contains(&n)),
            "{sizes:?}"
        );
        // One shard of one is the whole plan.
        assert!(ids.iter().all(|id| Shard::new(1, 1).unwrap().contains(id)));
    }

    #[test]
    fn a_shard_keeps_its_trials_wherever_they_sit_in_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        let write = |cases: usize| {
            let cases: Vec<String> = (0..cases).map(|i| format!("{{id: c{i}}}")).collect();
            std::fs::write(
                &path,
                format!(
                    "name: t
models:
  - {{id: m, provider: openai_compatible, model: x, base_url: 'http://h/v1', cost: {{hourly_usd: 0}}}}
tasks:
  - {{id: t, prompt: hi, scorers: [{{type: length, min_chars: 1}}], cases: [{}]}}
",
                    cases.join(", ")
                ),
            )
            .unwrap();
            let prices = crate::suite::PriceBook::built_in();
            let suite = crate::suite::load(&path, None, &prices).unwrap();
            Plan::new(&suite, &Selection::default(), &[]).unwrap()
        };
        let shard = Shard::new(2, 4).unwrap();
        let small = write(40).shard(shard);
        let big = write(80).shard(shard);
        assert_eq!(small.full_size, 40);
        assert!(!small.trials.is_empty() && small.trials.len() < 40);
        // Growing the suite leaves the trials a shard had in it.
        let big_ids: Vec<&str> = big.trials.iter().map(|t| t.id.as_str()).collect();
        assert!(small
            .trials
            .iter()
            .all(|t| big_ids.contains(&t.id.as_str())));
        // Each keeps its place in the whole plan.
        assert!(small.trials.windows(2).all(|w| w[0].seq < w[1].seq));
        assert!(small.trials.iter().all(|t| t.seq == t.case));
    }

    #[test]
    fn cache_keys_follow_the_request_and_the_model_identity() {
        let m = serde_json::json!({"model": "a"});
        let key = cache_key(&m, &request("hi"), 0);
        assert_eq!(key, cache_key(&m, &request("hi"), 0));
        assert_ne!(key, cache_key(&m, &request("ho"), 0));
        assert_ne!(key, cache_key(&m, &request("hi"), 1));
        assert_ne!(
            key,
            cache_key(&serde_json::json!({"model": "b"}), &request("hi"), 0)
        );
    }
}
