//! Suites: loading a YAML file into a validated [`Suite`].
//!
//! [`load`] is the one entry point. It deserializes the file (and the models
//! catalog, if any) into `…Spec` types, then checks everything that can be
//! checked without calling a model: files exist, templates compile, every
//! case renders, scorers are well-formed, model ids resolve. Every error
//! names the file, line, column and field.

mod cases;
mod error;
mod locate;
pub mod prices;
pub mod spec;

pub use error::{Diagnostic, SuiteError};
pub use prices::{PriceBook, PriceEntry};

use crate::scorers::Scorer;
use error::{closest, Source};
use locate::Pos;
use minijinja::{Environment, UndefinedBehavior};
use serde_json::{Map, Value};
use sizeup_runners::{Message, Role};
use spec::{
    CasesSpec, CatalogSpec, CostSpec, ExpectedSpec, ModelEntry, ModelSpec, RoleSpec, SuiteSpec,
    TaskSpec,
};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A validated suite.
#[derive(Debug)]
pub struct Suite {
    /// Short name.
    pub name: String,
    /// What it measures.
    pub description: String,
    /// The file it came from, as given.
    pub file: PathBuf,
    /// Trials per case and model.
    pub repeats: u32,
    /// Trials in flight at once, all models together.
    pub concurrency: usize,
    /// The models, in suite order.
    pub models: Vec<Model>,
    /// The tasks, in suite order.
    pub tasks: Vec<Task>,
}

/// How a model is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// OpenAI's Chat Completions API.
    OpenAi,
    /// Azure OpenAI: Chat Completions on a deployment.
    AzureOpenAi,
    /// Anthropic's Messages API.
    Anthropic,
    /// Google's Gemini API.
    Gemini,
    /// Any server that speaks Chat Completions (vLLM, TGI, llama.cpp, Ollama, LiteLLM).
    OpenAiCompatible,
    /// A GGUF file run in-process.
    Local,
}

impl Provider {
    const ALL: [Self; 6] = [
        Self::OpenAi,
        Self::AzureOpenAi,
        Self::Anthropic,
        Self::Gemini,
        Self::OpenAiCompatible,
        Self::Local,
    ];

    fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// The name used in suite files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OpenAi => "openai",
            Self::AzureOpenAi => "azure_openai",
            Self::Anthropic => "anthropic",
            Self::Gemini => "gemini",
            Self::OpenAiCompatible => "openai_compatible",
            Self::Local => "local",
        }
    }

    /// The public endpoint, for providers that have one.
    fn default_base_url(self) -> Option<&'static str> {
        match self {
            Self::OpenAi => Some("https://api.openai.com/v1"),
            Self::Anthropic => Some("https://api.anthropic.com/v1"),
            Self::Gemini => Some("https://generativelanguage.googleapis.com/v1beta"),
            Self::AzureOpenAi | Self::OpenAiCompatible | Self::Local => None,
        }
    }

    /// The variable that holds the key when the model names none.
    fn default_key_env(self) -> Option<&'static str> {
        match self {
            Self::OpenAi => Some("OPENAI_API_KEY"),
            Self::AzureOpenAi => Some("AZURE_OPENAI_API_KEY"),
            Self::Anthropic => Some("ANTHROPIC_API_KEY"),
            Self::Gemini => Some("GEMINI_API_KEY"),
            Self::OpenAiCompatible | Self::Local => None,
        }
    }
}

/// A validated model.
#[derive(Debug, Clone)]
pub struct Model {
    /// The id tasks and reports use.
    pub id: String,
    /// How it is reached.
    pub provider: Provider,
    /// The provider's model name; for a local model, the GGUF file.
    pub model: String,
    /// For a local model: `cpu` or `cuda:N`.
    pub device: String,
    /// For a local model: a chat template replacing the file's.
    pub chat_template: Option<String>,
    /// Endpoint root (empty for a local model).
    pub base_url: String,
    /// For Azure OpenAI: the `api-version` query parameter.
    pub api_version: String,
    /// Name of the environment variable holding the key.
    pub api_key_env: Option<String>,
    /// The frontier baseline of the suite.
    pub reference: bool,
    /// Ask for a stream.
    pub stream: bool,
    /// Generation limit, when the model sets one.
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
    pub stop: Vec<String>,
    /// Bound on one attempt.
    pub timeout: Duration,
    /// Trials in flight at once for this model.
    pub concurrency: Option<usize>,
    /// Attempts per trial.
    pub max_attempts: u32,
    /// Time from a trial's first attempt after which no retry starts.
    pub max_retry_time: Duration,
    /// Requests started per minute, at most.
    pub requests_per_minute: Option<u32>,
    /// Prompt and completion tokens per minute, at most.
    pub tokens_per_minute: Option<u64>,
    /// Prices.
    pub cost: Cost,
    /// Where the prices come from: the suite, or a price book entry's source and date.
    pub price_source: String,
}

/// Prices of a model: per token for APIs, per hour for hardware.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cost {
    /// Dollars per million prompt tokens.
    pub input_per_mtok: f64,
    /// Dollars per million generated tokens.
    pub output_per_mtok: f64,
    /// Dollars per million prompt tokens read from cache (default: the input price).
    pub cached_input_per_mtok: f64,
    /// Dollars per million prompt tokens written to cache (default: the input price).
    pub cache_write_per_mtok: f64,
    /// Dollars per million hidden reasoning tokens (default: the output price).
    pub reasoning_per_mtok: f64,
    /// Dollars per hour of serving hardware.
    pub hourly_usd: f64,
}

/// A validated task.
#[derive(Debug)]
pub struct Task {
    /// The id reports use.
    pub id: String,
    /// What the workload is.
    pub description: String,
    /// The cases, each rendered.
    pub cases: Vec<Case>,
    /// The scorers and their weights.
    pub scorers: Vec<Scorer>,
    /// Allowed shortfall against the reference.
    pub margin: Option<f64>,
    /// Least acceptable mean quality.
    pub min_quality: Option<f64>,
    /// Latency objective, milliseconds at p95.
    pub p95_latency_ms: Option<f64>,
    /// Requests per month in production.
    pub requests_per_month: Option<u64>,
    /// Indices of the suite's models that run this task.
    pub models: Vec<usize>,
    /// Generation limit for this task.
    pub max_tokens: Option<u32>,
    /// A JSON Schema the answer must follow (structured output).
    pub structured_output: Option<Value>,
}

/// One rendered case.
#[derive(Debug, Clone)]
pub struct Case {
    /// Its id: the `id` field, or its 1-based position.
    pub id: String,
    /// The rendered conversation.
    pub messages: Vec<Message>,
    /// The expected answer, if the task has one.
    pub expected: Option<Value>,
}

/// Generation limit when neither model, task nor defaults set one.
pub const DEFAULT_MAX_TOKENS: u32 = 512;
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const DEFAULT_RETRY_TIME: Duration = Duration::from_secs(120);
/// The Azure OpenAI API version used when a model names none.
const AZURE_API_VERSION: &str = "2024-10-21";

/// Loads and validates a suite; `catalog` is a models file (`--models`),
/// `prices` prices the models that carry no `cost:` of their own.
pub fn load(path: &Path, catalog: Option<&Path>, prices: &PriceBook) -> Result<Suite, SuiteError> {
    let text = read(path)?;
    let src = Source::new(path, &text);
    let spec: SuiteSpec = yaml_serde::from_str(&text).map_err(|e| src.yaml_error(&e))?;

    let catalog = match catalog {
        Some(file) => {
            let text = read(file)?;
            let csrc = Source::new(file, &text);
            let cat: CatalogSpec = yaml_serde::from_str(&text).map_err(|e| csrc.yaml_error(&e))?;
            Some((csrc, cat))
        }
        None => None,
    };

    let defaults = &spec.defaults;
    if defaults.repeats == Some(0) {
        return Err(src.at("defaults.repeats", "repeats must be at least 1"));
    }
    if defaults.concurrency == Some(0) {
        return Err(src.at("defaults.concurrency", "concurrency must be at least 1"));
    }
    if let Some(t) = defaults.temperature {
        check_range(&src, "defaults.temperature", t, 0.0, 2.0)?;
    }
    if let Some(p) = defaults.top_p {
        check_range(&src, "defaults.top_p", p, 0.0, 1.0)?;
    }
    check_sampling(
        &src,
        "defaults",
        defaults.top_k,
        defaults.repetition_penalty,
    )?;

    let models = resolve_models(&spec, &src, catalog.as_ref(), prices)?;
    let mut tasks = Vec::new();
    let mut task_ids = HashSet::new();
    let dir = path.parent().unwrap_or(Path::new(""));
    for (i, task) in spec.tasks.iter().enumerate() {
        let field = format!("tasks[{i}]");
        if !task_ids.insert(task.id.as_str()) {
            return Err(src.at(
                &format!("{field}.id"),
                format!("duplicate task id `{}`", task.id),
            ));
        }
        tasks.push(build_task(task, &field, &src, dir, &models)?);
    }
    if tasks.is_empty() {
        return Err(src.hint(
            "tasks",
            "the suite has no tasks",
            "add at least one task with an id, a prompt, cases and scorers",
        ));
    }
    Ok(Suite {
        name: spec.name,
        description: spec.description,
        file: path.to_path_buf(),
        repeats: defaults.repeats.unwrap_or(1),
        concurrency: defaults.concurrency.unwrap_or(8),
        models,
        tasks,
    })
}

fn read(path: &Path) -> Result<String, SuiteError> {
    std::fs::read_to_string(path).map_err(|source| SuiteError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn check_range(src: &Source, field: &str, v: f64, lo: f64, hi: f64) -> Result<(), SuiteError> {
    if v.is_finite() && (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(src.at(field, format!("{v} is out of range: expected {lo} to {hi}")))
    }
}

fn check_sampling(
    src: &Source,
    at: &str,
    top_k: Option<u32>,
    penalty: Option<f64>,
) -> Result<(), SuiteError> {
    if top_k == Some(0) {
        return Err(src.at(&format!("{at}.top_k"), "top_k must be at least 1"));
    }
    if let Some(p) = penalty {
        if !(p.is_finite() && p > 0.0 && p <= 10.0) {
            return Err(src.hint(
                &format!("{at}.repetition_penalty"),
                format!("{p} is out of range: expected above 0, at most 10"),
                "1 leaves the logits alone; values from 1.05 to 1.3 are usual",
            ));
        }
    }
    Ok(())
}

fn resolve_models(
    spec: &SuiteSpec,
    src: &Source,
    catalog: Option<&(Source, CatalogSpec)>,
    prices: &PriceBook,
) -> Result<Vec<Model>, SuiteError> {
    let mut out: Vec<Model> = Vec::new();
    let mut add = |m: Model, owner: &Source, field: &str| -> Result<(), SuiteError> {
        if out.iter().any(|o| o.id == m.id) {
            return Err(owner.at(
                &format!("{field}.id"),
                format!("duplicate model id `{}`", m.id),
            ));
        }
        if m.reference {
            if let Some(other) = out.iter().find(|o| o.reference) {
                return Err(owner.hint(
                    &format!("{field}.role"),
                    format!("`{}` is already the reference model", other.id),
                    "a run compares against one reference; remove `role: reference` from all but one model",
                ));
            }
        }
        out.push(m);
        Ok(())
    };
    if spec.models.is_empty() {
        let Some((csrc, cat)) = catalog else {
            return Err(src.hint(
                "models",
                "the suite defines no models",
                "add `models:` to the suite or pass a catalog with --models FILE",
            ));
        };
        for (i, m) in cat.models.iter().enumerate() {
            let field = format!("models[{i}]");
            add(
                build_model(m, &spec.defaults, csrc, &field, prices)?,
                csrc,
                &field,
            )?;
        }
        return Ok(out);
    }
    for (i, entry) in spec.models.iter().enumerate() {
        let field = format!("models[{i}]");
        match entry {
            ModelEntry::Inline(m) => add(
                build_model(m, &spec.defaults, src, &field, prices)?,
                src,
                &field,
            )?,
            ModelEntry::Ref(id) => {
                let Some((csrc, cat)) = catalog else {
                    return Err(src.hint(
                        &field,
                        format!("model `{id}` is not defined in the suite"),
                        "define it inline or pass the catalog that defines it with --models FILE",
                    ));
                };
                let Some((j, m)) = cat.models.iter().enumerate().find(|(_, m)| &m.id == id) else {
                    let hint = closest(id, cat.models.iter().map(|m| m.id.as_str()))
                        .unwrap_or_else(|| {
                            format!(
                                "the catalog {} defines: {}",
                                csrc.file.display(),
                                ids(&cat.models)
                            )
                        });
                    return Err(src.hint(&field, format!("unknown model id `{id}`"), hint));
                };
                add(
                    build_model(m, &spec.defaults, csrc, &format!("models[{j}]"), prices)?,
                    src,
                    &field,
                )?;
            }
        }
    }
    Ok(out)
}

fn ids(models: &[ModelSpec]) -> String {
    models
        .iter()
        .map(|m| m.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn build_model(
    m: &ModelSpec,
    defaults: &spec::DefaultsSpec,
    src: &Source,
    field: &str,
    prices: &PriceBook,
) -> Result<Model, SuiteError> {
    let f = |name: &str| format!("{field}.{name}");
    if m.id.trim().is_empty() {
        return Err(src.at(&f("id"), "a model id cannot be empty"));
    }
    let provider = Provider::parse(&m.provider).ok_or_else(|| {
        let names = Provider::ALL.map(Provider::as_str);
        let hint = closest(&m.provider, names)
            .unwrap_or_else(|| format!("known providers: {}", names.join(", ")));
        src.hint(
            &f("provider"),
            format!("unknown provider `{}`", m.provider),
            hint,
        )
    })?;
    let base_url = match (&m.base_url, provider) {
        (Some(_), Provider::Local) => {
            return Err(src.at(&f("base_url"), "a local model has no base_url"))
        }
        (None, Provider::Local) => String::new(),
        (Some(url), _) => url.clone(),
        (None, p) => match p.default_base_url() {
            Some(url) => url.to_string(),
            None => {
                let example = if p == Provider::AzureOpenAi {
                    "for example base_url: https://NAME.openai.azure.com"
                } else {
                    "for example base_url: http://127.0.0.1:8000/v1"
                };
                return Err(src.hint(
                    field,
                    format!("an {} model needs a base_url", p.as_str()),
                    example,
                ));
            }
        },
    };
    if m.api_version.is_some() && provider != Provider::AzureOpenAi {
        return Err(src.at(
            &f("api_version"),
            "`api_version` applies only to azure_openai models",
        ));
    }
    if provider != Provider::Local
        && !(base_url.starts_with("http://") || base_url.starts_with("https://"))
    {
        return Err(src.at(
            &f("base_url"),
            format!("`{base_url}` is not an http:// or https:// URL"),
        ));
    }
    let api_key_env = match (&m.api_key_env, provider) {
        (Some(name), _) => {
            let valid = !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !name.starts_with(|c: char| c.is_ascii_digit());
            if !valid {
                // Never echo the value: it may be a key pasted by mistake.
                return Err(src.secret(
                    &f("api_key_env"),
                    "api_key_env must be the name of an environment variable",
                    "write the variable's name, such as OPENAI_API_KEY, never the key itself",
                ));
            }
            Some(name.clone())
        }
        (None, p) => p.default_key_env().map(String::from),
    };
    let model = match provider {
        // A local model's file is found relative to the file that defines it.
        Provider::Local => {
            let dir = src.file.parent().unwrap_or(Path::new(""));
            let path = dir.join(&m.model);
            if !path.is_file() {
                return Err(src.hint(
                    &f("model"),
                    format!("model file {} not found", path.display()),
                    "fetch the local models with `sizeup models fetch`; the path is relative to this file",
                ));
            }
            path.display().to_string()
        }
        _ => m.model.clone(),
    };
    if provider != Provider::Local && (m.device.is_some() || m.chat_template.is_some()) {
        let key = if m.device.is_some() {
            "device"
        } else {
            "chat_template"
        };
        return Err(src.at(&f(key), format!("`{key}` applies only to local models")));
    }
    let device = m.device.clone().unwrap_or_else(|| "cpu".to_string());
    let cuda = device.strip_prefix("cuda:").map(str::parse::<usize>);
    if device != "cpu" && !matches!(cuda, Some(Ok(_))) {
        return Err(src.hint(
            &f("device"),
            format!("unknown device `{device}`"),
            "use `cpu` or `cuda:N`",
        ));
    }
    let p = &m.params;
    let temperature = p.temperature.or(defaults.temperature);
    if let Some(t) = p.temperature {
        check_range(src, &f("params.temperature"), t, 0.0, 2.0)?;
    }
    if let Some(t) = p.top_p {
        check_range(src, &f("params.top_p"), t, 0.0, 1.0)?;
    }
    check_sampling(src, &f("params"), p.top_k, p.repetition_penalty)?;
    if p.max_tokens == Some(0) {
        return Err(src.at(&f("params.max_tokens"), "max_tokens must be at least 1"));
    }
    if m.concurrency == Some(0) {
        return Err(src.at(&f("concurrency"), "concurrency must be at least 1"));
    }
    if m.max_attempts == Some(0) {
        return Err(src.at(&f("max_attempts"), "max_attempts must be at least 1"));
    }
    if m.requests_per_minute == Some(0) {
        return Err(src.at(&f("requests_per_minute"), "a rate limit must be at least 1"));
    }
    if m.tokens_per_minute == Some(0) {
        return Err(src.at(&f("tokens_per_minute"), "a rate limit must be at least 1"));
    }
    let (cost, price_source) = match &m.cost {
        Some(c) => (build_cost(c, src, &f("cost"))?, "suite".to_string()),
        None => match prices.get(provider.as_str(), &m.model) {
            Some(entry) => (entry.cost, format!("{}, {}", entry.source, entry.as_of)),
            None => {
                let hint = if provider == Provider::Local || provider == Provider::OpenAiCompatible
                {
                    "add `cost: {hourly_usd: N}`, the hourly price of the machine that serves it (0 if it is free)"
                } else {
                    "add `cost:` with its per-million-token prices, or add it to the price book (--prices FILE)"
                };
                return Err(src.hint(
                    &f("model"),
                    format!(
                        "no price for `{}` of `{}`: the price book does not list it and the model has no `cost:`",
                        m.model,
                        provider.as_str()
                    ),
                    hint,
                ));
            }
        },
    };
    Ok(Model {
        id: m.id.clone(),
        provider,
        model,
        device,
        chat_template: m.chat_template.clone(),
        base_url,
        api_version: m
            .api_version
            .clone()
            .unwrap_or_else(|| AZURE_API_VERSION.to_string()),
        api_key_env,
        reference: m.role == Some(RoleSpec::Reference),
        stream: m.stream.unwrap_or(true),
        max_tokens: p.max_tokens.or(defaults.max_tokens),
        temperature,
        top_p: p.top_p.or(defaults.top_p),
        top_k: p.top_k.or(defaults.top_k),
        repetition_penalty: p.repetition_penalty.or(defaults.repetition_penalty),
        seed: p.seed.or(defaults.seed),
        stop: p.stop.clone().unwrap_or_default(),
        timeout: p
            .timeout
            .or(defaults.timeout)
            .map_or(DEFAULT_TIMEOUT, |d| d.0),
        // A local model answers one request at a time.
        concurrency: m.concurrency.or((provider == Provider::Local).then_some(1)),
        max_attempts: m.max_attempts.unwrap_or(3),
        max_retry_time: m.max_retry_time.map_or(DEFAULT_RETRY_TIME, |d| d.0),
        requests_per_minute: m.requests_per_minute,
        tokens_per_minute: m.tokens_per_minute,
        cost,
        price_source,
    })
}

fn build_cost(c: &CostSpec, src: &Source, field: &str) -> Result<Cost, SuiteError> {
    let fields = [
        ("input_per_mtok", c.input_per_mtok),
        ("output_per_mtok", c.output_per_mtok),
        ("cached_input_per_mtok", c.cached_input_per_mtok),
        ("cache_write_per_mtok", c.cache_write_per_mtok),
        ("reasoning_per_mtok", c.reasoning_per_mtok),
        ("hourly_usd", c.hourly_usd),
    ];
    for (name, v) in fields {
        if let Some(v) = v {
            if !(v.is_finite() && v >= 0.0) {
                return Err(src.at(
                    &format!("{field}.{name}"),
                    "a price must be a non-negative number",
                ));
            }
        }
    }
    if fields.iter().all(|(_, v)| v.is_none()) {
        return Err(src.hint(
            field,
            "`cost` sets no price",
            "give per-million-token prices (input_per_mtok, output_per_mtok) or an hourly price (hourly_usd; 0 for a free server)",
        ));
    }
    let input = c.input_per_mtok.unwrap_or(0.0);
    let output = c.output_per_mtok.unwrap_or(0.0);
    Ok(Cost {
        input_per_mtok: input,
        output_per_mtok: output,
        cached_input_per_mtok: c.cached_input_per_mtok.unwrap_or(input),
        cache_write_per_mtok: c.cache_write_per_mtok.unwrap_or(input),
        reasoning_per_mtok: c.reasoning_per_mtok.unwrap_or(output),
        hourly_usd: c.hourly_usd.unwrap_or(0.0),
    })
}

fn build_task(
    t: &TaskSpec,
    field: &str,
    src: &Source,
    dir: &Path,
    models: &[Model],
) -> Result<Task, SuiteError> {
    let f = |name: &str| format!("{field}.{name}");
    if t.id.trim().is_empty() {
        return Err(src.at(&f("id"), "a task id cannot be empty"));
    }

    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let mut templates = vec![];
    if let Some(system) = &t.system {
        templates.push(("system", system.clone()));
    }
    templates.push(("prompt", t.prompt.clone()));
    if let Some(ExpectedSpec::Template(tpl)) = &t.expected {
        templates.push(("expected", tpl.clone()));
    }
    let mut declared: Vec<(&str, BTreeSet<String>)> = vec![];
    for (name, source) in &templates {
        let key = if *name == "expected" {
            f("expected.template")
        } else {
            f(name)
        };
        env.add_template_owned(name.to_string(), source.clone())
            .map_err(|e| template_error(src, &key, &e))?;
        let tpl = env.get_template(name).expect("just added");
        declared.push((name, tpl.undeclared_variables(false).into_iter().collect()));
    }

    let raw = match &t.cases {
        CasesSpec::Inline(list) => list
            .iter()
            .enumerate()
            .map(|(j, fields)| {
                let pos = src.locator.nearest(&format!("{field}.cases[{j}]"));
                (fields.clone(), pos)
            })
            .collect::<Vec<_>>(),
        CasesSpec::File(rel) => {
            let full = dir.join(rel);
            if !full.is_file() {
                return Err(src.hint(
                    &f("cases"),
                    format!("cases file `{rel}` not found"),
                    format!(
                        "paths are relative to the suite file; looked for {}",
                        full.display()
                    ),
                ));
            }
            let (csrc, list) = cases::read(&full, &full)?;
            let cases = list
                .into_iter()
                .map(|c| (c.fields, c.pos))
                .collect::<Vec<_>>();
            return finish_task(t, field, src, Some(&csrc), cases, &env, &declared, models);
        }
    };
    finish_task(t, field, src, None, raw, &env, &declared, models)
}

#[allow(clippy::too_many_arguments)]
fn finish_task(
    t: &TaskSpec,
    field: &str,
    src: &Source,
    cases_src: Option<&Source>,
    raw: Vec<(Map<String, Value>, Pos)>,
    env: &Environment<'static>,
    declared: &[(&str, BTreeSet<String>)],
    models: &[Model],
) -> Result<Task, SuiteError> {
    let f = |name: &str| format!("{field}.{name}");
    let case_src = cases_src.unwrap_or(src);
    let case_field = |j: usize| {
        if cases_src.is_some() {
            String::new()
        } else {
            format!("{field}.cases[{j}]")
        }
    };
    if raw.is_empty() {
        return Err(src.at(&f("cases"), "the task has no cases"));
    }

    // A variable that no case has is a typo in the template; one that only
    // some cases lack is a gap in the data.
    for (name, vars) in declared {
        for var in vars {
            let missing: Vec<usize> = (0..raw.len())
                .filter(|&j| !raw[j].0.contains_key(var))
                .collect();
            if missing.len() == raw.len() {
                let key = if *name == "expected" {
                    f("expected.template")
                } else {
                    f(name)
                };
                let known: BTreeSet<&str> = raw
                    .iter()
                    .flat_map(|c| c.0.keys().map(String::as_str))
                    .collect();
                let hint = closest(var, known.iter().copied()).unwrap_or_else(|| {
                    format!(
                        "cases have fields: {}",
                        known.into_iter().collect::<Vec<_>>().join(", ")
                    )
                });
                return Err(src.hint(
                    &key,
                    format!("template uses `{var}`, which no case defines"),
                    hint,
                ));
            }
            if let Some(&j) = missing.first() {
                return Err(case_src.error(
                    raw[j].1,
                    &case_field(j),
                    format!("case has no field `{var}`, which {} uses", f(name)),
                    None,
                ));
            }
        }
    }

    let mut scorers = Vec::new();
    for (j, s) in t.scorers.iter().enumerate() {
        let sf = f(&format!("scorers[{j}]"));
        let scorer = Scorer::new(s).map_err(|m| src.at(&sf, m))?;
        if scorer.needs_expected() && t.expected.is_none() {
            return Err(src.hint(
                &sf,
                format!(
                    "scorer `{}` compares with an expected answer, but the task has none",
                    scorer.name()
                ),
                "add `expected: FIELD` (a case field) or `expected: {template: ...}` to the task",
            ));
        }
        scorers.push(scorer);
    }
    if scorers.is_empty() {
        return Err(src.hint(
            &f("id"),
            "the task has no scorers",
            "add `scorers:` with at least one scorer, such as `- type: exact`",
        ));
    }
    if scorers.iter().map(Scorer::weight).sum::<f64>() <= 0.0 {
        return Err(src.at(&f("scorers"), "the scorers' weights add up to zero"));
    }

    if let Some(m) = t.quality.margin {
        check_range(src, &f("quality.margin"), m, 0.0, 1.0)?;
    }
    if let Some(m) = t.quality.min {
        check_range(src, &f("quality.min"), m, 0.0, 1.0)?;
    }
    if let Some(p) = t.slo.p95_latency_ms {
        if !(p.is_finite() && p > 0.0) {
            return Err(src.at(
                &f("slo.p95_latency_ms"),
                "the latency objective must be a positive number of milliseconds",
            ));
        }
    }
    if t.max_tokens == Some(0) {
        return Err(src.at(&f("max_tokens"), "max_tokens must be at least 1"));
    }
    if let Some(schema) = &t.structured_output {
        if let Err(e) = jsonschema::validator_for(schema) {
            return Err(src.at(
                &f("structured_output"),
                format!("not a valid JSON Schema: {e}"),
            ));
        }
    }
    let task_models = match &t.models {
        None => (0..models.len()).collect(),
        Some(ids) => {
            let mut out = Vec::new();
            for (j, id) in ids.iter().enumerate() {
                let Some(k) = models.iter().position(|m| &m.id == id) else {
                    let hint =
                        closest(id, models.iter().map(|m| m.id.as_str())).unwrap_or_else(|| {
                            format!(
                                "the suite's models: {}",
                                models
                                    .iter()
                                    .map(|m| m.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        });
                    return Err(src.hint(
                        &f(&format!("models[{j}]")),
                        format!("unknown model id `{id}`"),
                        hint,
                    ));
                };
                out.push(k);
            }
            out
        }
    };

    let mut cases = Vec::with_capacity(raw.len());
    let mut case_ids = HashSet::new();
    for (j, (fields, pos)) in raw.into_iter().enumerate() {
        let id = match fields.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => (j + 1).to_string(),
        };
        if !case_ids.insert(id.clone()) {
            return Err(case_src.error(
                pos,
                &case_field(j),
                format!("duplicate case id `{id}`"),
                None,
            ));
        }
        let render = |name: &str| -> Result<String, SuiteError> {
            let tpl = env.get_template(name).expect("compiled above");
            tpl.render(&fields).map_err(|e| {
                case_src.error(
                    pos,
                    &case_field(j),
                    format!(
                        "case `{id}` does not render in {}: {}",
                        f(name),
                        e.detail().unwrap_or(&e.to_string())
                    ),
                    None,
                )
            })
        };
        let mut messages = Vec::new();
        if t.system.is_some() {
            messages.push(Message {
                role: Role::System,
                content: render("system")?,
            });
        }
        messages.push(Message {
            role: Role::User,
            content: render("prompt")?,
        });
        let expected = match &t.expected {
            None => None,
            Some(ExpectedSpec::Template(_)) => Some(Value::String(render("expected")?)),
            Some(ExpectedSpec::Field(name)) => {
                match fields.get(name) {
                    Some(v) => Some(v.clone()),
                    None => {
                        return Err(case_src.error(pos, &case_field(j), format!("case `{id}` has no field `{name}`, which the task's `expected` names"), None));
                    }
                }
            }
        };
        cases.push(Case {
            id,
            messages,
            expected,
        });
    }

    Ok(Task {
        id: t.id.clone(),
        description: t.description.clone(),
        cases,
        scorers,
        margin: t.quality.margin,
        min_quality: t.quality.min,
        p95_latency_ms: t.slo.p95_latency_ms,
        requests_per_month: t.volume.requests_per_month,
        models: task_models,
        max_tokens: t.max_tokens,
        structured_output: t.structured_output.clone(),
    })
}

/// A template syntax error, pointing at the template's field.
fn template_error(src: &Source, field: &str, e: &minijinja::Error) -> SuiteError {
    let line = e
        .line()
        .map(|l| format!(" (template line {l})"))
        .unwrap_or_default();
    src.at(
        field,
        format!(
            "invalid template{line}: {}",
            e.detail().unwrap_or(&e.to_string())
        ),
    )
}

impl Model {
    /// The settings that decide what this model returns, for trial identity.
    pub fn identity(&self) -> Value {
        serde_json::json!({
            "provider": self.provider.as_str(),
            "model": self.model,
            "base_url": self.base_url,
            "stream": self.stream,
        })
    }
}
