//! Models: each suite entry (inline, or an id from the catalog) checked and
//! turned into a [`Model`], with its prices from the entry or the price book.

use super::check::{check_concurrency, check_limits, check_range, check_sampling, id_problem, Ids};
use super::error::{closest, Source, SuiteError};
use super::model::{Cost, Model, ReasoningSettings, DEFAULT_RETRY_TIME, DEFAULT_TIMEOUT};
use super::prices::PriceBook;
use super::spec::{
    CatalogSpec, CostSpec, DefaultsSpec, ModelEntry, ModelSpec, RoleSpec, SuiteSpec,
};
use sizeup_runners::rules::{Control, Rules};
use sizeup_runners::{Location, Provider};
use std::path::Path;

/// Where a model is defined: in the suite or in the catalog, and the path
/// of its entry in that file (`models[2]`), for errors found later.
#[derive(Debug, Clone)]
pub(super) struct Origin {
    /// True when the entry is the catalog's.
    pub in_catalog: bool,
    /// The entry's path in its file.
    pub field: String,
}

/// The suite's models, in suite order (or the catalog's when the suite
/// names none), each with where it is defined.
pub(super) fn resolve_models(
    spec: &SuiteSpec,
    src: &Source,
    catalog: Option<&(Source, CatalogSpec)>,
    prices: &PriceBook,
) -> Result<Vec<(Model, Origin)>, SuiteError> {
    let mut out: Vec<(Model, Origin)> = Vec::new();
    let mut seen = Ids::default();
    let mut add = |m: Model,
                   origin: Origin,
                   owner: &Source,
                   field: &str|
     -> Result<(), SuiteError> {
        seen.insert("model", &m.id)
            .map_err(|message| owner.at(&format!("{field}.id"), message))?;
        if m.reference {
            if let Some((other, _)) = out.iter().find(|(o, _)| o.reference) {
                return Err(owner.hint(
                    &format!("{field}.role"),
                    format!("`{}` is already the reference model", other.id),
                    "a run compares against one reference; remove `role: reference` from all but one model",
                ));
            }
        }
        out.push((m, origin));
        Ok(())
    };
    let origin = |in_catalog, field: &str| Origin {
        in_catalog,
        field: field.to_string(),
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
                origin(true, &field),
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
                origin(false, &field),
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
                let entry = format!("models[{j}]");
                add(
                    build_model(m, &spec.defaults, csrc, &entry, prices)?,
                    origin(true, &entry),
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

/// One model definition being checked: the entry, its file and its path there.
struct ModelCx<'a> {
    spec: &'a ModelSpec,
    src: &'a Source,
    field: &'a str,
}

impl ModelCx<'_> {
    /// The path of one of the entry's fields.
    fn f(&self, name: &str) -> String {
        format!("{}.{name}", self.field)
    }
}

fn build_model(
    m: &ModelSpec,
    defaults: &DefaultsSpec,
    src: &Source,
    field: &str,
    prices: &PriceBook,
) -> Result<Model, SuiteError> {
    let cx = ModelCx {
        spec: m,
        src,
        field,
    };
    if let Some(problem) = id_problem("model", &m.id) {
        return Err(src.at(&cx.f("id"), problem));
    }
    let provider = cx.provider()?;
    let base_url = cx.endpoint(provider)?;
    let api_key_env = cx.key_env(provider)?;
    let model = cx.model_name(provider)?;
    let device = cx.device(provider)?;
    cx.check_params()?;
    cx.check_scheduling()?;
    let rules = provider.rules(&model);
    let reasoning = cx.reasoning(&rules)?;
    let (cost, price_source) = cx.price(provider, prices)?;
    let p = &m.params;
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
            .or(provider.api().api_version.map(String::from))
            .unwrap_or_default(),
        api_key_env,
        reference: m.role == Some(RoleSpec::Reference),
        stream: m.stream.unwrap_or(true),
        max_tokens: p.max_tokens,
        temperature: p.temperature.or(defaults.temperature),
        top_p: p.top_p.or(defaults.top_p),
        top_k: p.top_k.or(defaults.top_k),
        repetition_penalty: p.repetition_penalty.or(defaults.repetition_penalty),
        seed: p.seed.or(defaults.seed),
        stop: p.stop.clone().unwrap_or_default(),
        rules,
        reasoning,
        timeout: p
            .timeout
            .or(defaults.timeout)
            .map_or(DEFAULT_TIMEOUT, |d| d.0),
        max_response_bytes: p.max_response_bytes.or(defaults.max_response_bytes),
        // A model in this process answers one request at a time.
        concurrency: m.concurrency.or(provider.in_process().then_some(1)),
        max_attempts: m.max_attempts.unwrap_or(3),
        max_retry_time: m.max_retry_time.map_or(DEFAULT_RETRY_TIME, |d| d.0),
        requests_per_minute: m.requests_per_minute,
        tokens_per_minute: m.tokens_per_minute,
        cost,
        price_source,
    })
}

impl ModelCx<'_> {
    fn provider(&self) -> Result<Provider, SuiteError> {
        let given = &self.spec.provider;
        Provider::parse(given).ok_or_else(|| {
            let names = Provider::ALL.map(Provider::as_str);
            let hint = closest(given, names)
                .unwrap_or_else(|| format!("known providers: {}", names.join(", ")));
            self.src.hint(
                &self.f("provider"),
                format!("unknown provider `{given}`"),
                hint,
            )
        })
    }

    /// The endpoint root: the one given, or the provider's public one.
    fn endpoint(&self, provider: Provider) -> Result<String, SuiteError> {
        let (m, src) = (self.spec, self.src);
        let api = provider.api();
        let base_url = match (&m.base_url, provider.in_process()) {
            (Some(_), true) => {
                return Err(src.at(&self.f("base_url"), "a local model has no base_url"))
            }
            (None, true) => String::new(),
            (Some(url), false) => url.clone(),
            (None, false) => match api.base_url {
                Some(url) => url.to_string(),
                None => {
                    return Err(src.hint(
                        self.field,
                        format!("an {} model needs a base_url", provider.as_str()),
                        format!("for example base_url: {}", api.base_url_example),
                    ));
                }
            },
        };
        if m.api_version.is_some() && api.api_version.is_none() {
            let takers: Vec<&str> = Provider::ALL
                .into_iter()
                .filter(|p| p.api().api_version.is_some())
                .map(Provider::as_str)
                .collect();
            return Err(src.at(
                &self.f("api_version"),
                format!("`api_version` applies only to {} models", takers.join(", ")),
            ));
        }
        let http = base_url.starts_with("http://") || base_url.starts_with("https://");
        if !provider.in_process() && !http {
            return Err(src.at(
                &self.f("base_url"),
                format!("`{base_url}` is not an http:// or https:// URL"),
            ));
        }
        // A base URL is stored and shown in every report: credentials in
        // it (user:token@ or ?key=) would leak there.
        let authority = base_url
            .split_once("://")
            .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
        if authority.contains('@') || base_url.contains('?') {
            return Err(self.src.secret(
                &self.f("base_url"),
                "base_url must not carry credentials or a query string",
                "put the key in an environment variable and name it with api_key_env",
            ));
        }
        // An http or https URL without a host does not parse either.
        let parsed = (!provider.in_process()).then(|| reqwest::Url::parse(&base_url));
        if let Some(Err(e)) = parsed {
            return Err(src.at(
                &self.f("base_url"),
                format!("`{base_url}` is not a valid URL: {e}"),
            ));
        }
        Ok(base_url)
    }

    /// The name of the variable that holds the key, never the key itself.
    fn key_env(&self, provider: Provider) -> Result<Option<String>, SuiteError> {
        match &self.spec.api_key_env {
            Some(name) => {
                let valid = !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !name.starts_with(|c: char| c.is_ascii_digit());
                if !valid {
                    // Never echo the value: it may be a key pasted by mistake.
                    return Err(self.src.secret(
                        &self.f("api_key_env"),
                        "api_key_env must be the name of an environment variable",
                        "write the variable's name, such as OPENAI_API_KEY, never the key itself",
                    ));
                }
                Ok(Some(name.clone()))
            }
            None => Ok(provider.api().key_env.map(String::from)),
        }
    }

    /// The provider's model name, or a local model's file.
    fn model_name(&self, provider: Provider) -> Result<String, SuiteError> {
        let m = self.spec;
        if !provider.in_process() {
            return Ok(m.model.clone());
        }
        // A local model's file is found relative to the file that defines it.
        let dir = self.src.file.parent().unwrap_or(Path::new(""));
        let path = dir.join(&m.model);
        if !path.exists() {
            return Err(self.src.hint(
                &self.f("model"),
                format!("model file {} not found", path.display()),
                "fetch the local models with `sizeup models fetch`; the path is relative to this file",
            ));
        }
        // The header, architecture and tokenizer are read now, so that a
        // file the run could not load is an error here, at its line.
        sizeup_runners::local::inspect(&path, m.chat_template.as_deref()).map_err(|e| {
            let cause = std::error::Error::source(&e).map(|c| format!(": {c}"));
            self.src.at(
                &self.f("model"),
                format!("{e}{}", cause.unwrap_or_default()),
            )
        })?;
        Ok(path.display().to_string())
    }

    /// Where a local model runs: `cpu` or `cuda:N`.
    fn device(&self, provider: Provider) -> Result<String, SuiteError> {
        let m = self.spec;
        if !provider.in_process() && (m.device.is_some() || m.chat_template.is_some()) {
            let key = if m.device.is_some() {
                "device"
            } else {
                "chat_template"
            };
            return Err(self.src.at(
                &self.f(key),
                format!("`{key}` applies only to local models"),
            ));
        }
        let device = m.device.clone().unwrap_or_else(|| "cpu".to_string());
        let cuda = device.strip_prefix("cuda:").map(str::parse::<usize>);
        if device != "cpu" && !matches!(cuda, Some(Ok(_))) {
            return Err(self.src.hint(
                &self.f("device"),
                format!("unknown device `{device}`"),
                "use `cpu` or `cuda:N`",
            ));
        }
        Ok(device)
    }

    /// The generation settings the entry gives.
    fn check_params(&self) -> Result<(), SuiteError> {
        let (p, src) = (&self.spec.params, self.src);
        if let Some(t) = p.temperature {
            check_range(src, &self.f("params.temperature"), t, 0.0, 2.0)?;
        }
        if let Some(t) = p.top_p {
            check_range(src, &self.f("params.top_p"), t, 0.0, 1.0)?;
        }
        check_sampling(src, &self.f("params"), p.top_k, p.repetition_penalty)?;
        check_limits(
            src,
            &self.f("params"),
            p.max_tokens,
            p.timeout,
            p.max_response_bytes,
        )
    }

    /// The reasoning settings, checked against what the model accepts.
    fn reasoning(&self, rules: &Rules) -> Result<ReasoningSettings, SuiteError> {
        let Some(spec) = &self.spec.reasoning else {
            return Ok(ReasoningSettings::default());
        };
        let (src, name) = (self.src, &self.spec.model);
        let Some(control) = rules.reasoning else {
            return Err(src.hint(
                &self.f("reasoning"),
                format!("sizeup does not know `{name}` as a reasoning model"),
                "reasoning is set for OpenAI's o-series and GPT-5 models, Gemini 2.5 and 3, and Claude 3.7 and later; remove `reasoning`",
            ));
        };
        match (control, &spec.effort, spec.budget_tokens) {
            (Control::Effort { levels, .. }, Some(effort), _)
                if !levels.contains(&effort.as_str()) =>
            {
                return Err(src.hint(
                    &self.f("reasoning.effort"),
                    format!("`{name}` takes no effort `{effort}`"),
                    if levels.is_empty() {
                        "it reasons at a fixed effort; remove `reasoning.effort`".to_string()
                    } else {
                        format!("one of: {}", levels.join(", "))
                    },
                ));
            }
            (Control::Budget { .. }, Some(_), _) => {
                return Err(src.hint(
                    &self.f("reasoning.effort"),
                    format!("`{name}` takes a token budget, not an effort"),
                    "set `reasoning.budget_tokens` instead",
                ));
            }
            (
                Control::Budget {
                    can_turn_off: false,
                    ..
                },
                None,
                Some(0),
            ) => {
                return Err(src.at(
                    &self.f("reasoning.budget_tokens"),
                    format!("`{name}` cannot turn reasoning off"),
                ));
            }
            (Control::Budget { min, max, .. }, None, Some(b))
                if b > 0 && !(min..=max).contains(&b) =>
            {
                let range = if max == u32::MAX {
                    format!("of at least {min}")
                } else {
                    format!("from {min} to {max}")
                };
                return Err(src.hint(
                    &self.f("reasoning.budget_tokens"),
                    format!("`{name}` takes a budget {range} tokens, not {b}"),
                    "0 turns reasoning off where the model allows it",
                ));
            }
            _ => {}
        }
        Ok(ReasoningSettings {
            effort: spec.effort.clone(),
            budget_tokens: spec.budget_tokens,
        })
    }

    /// Concurrency, attempts and rate limits: none of them may be zero.
    fn check_scheduling(&self) -> Result<(), SuiteError> {
        let (m, src) = (self.spec, self.src);
        if let Some(c) = m.concurrency {
            check_concurrency(src, &self.f("concurrency"), c)?;
        }
        if m.max_attempts == Some(0) {
            return Err(src.at(&self.f("max_attempts"), "max_attempts must be at least 1"));
        }
        if m.requests_per_minute == Some(0) {
            return Err(src.at(
                &self.f("requests_per_minute"),
                "a rate limit must be at least 1",
            ));
        }
        if m.tokens_per_minute == Some(0) {
            return Err(src.at(
                &self.f("tokens_per_minute"),
                "a rate limit must be at least 1",
            ));
        }
        Ok(())
    }

    /// The prices, from the entry's `cost:` or the price book, and where they come from.
    fn price(&self, provider: Provider, prices: &PriceBook) -> Result<(Cost, String), SuiteError> {
        let m = self.spec;
        if let Some(c) = &m.cost {
            return Ok((
                build_cost(c, self.src, &self.f("cost"))?,
                "suite".to_string(),
            ));
        }
        if let Some(entry) = prices.get(provider.as_str(), &m.model) {
            return Ok((entry.cost, format!("{}, {}", entry.source, entry.as_of)));
        }
        let hint = if provider.api().location != Location::Hosted {
            "add `cost: {hourly_usd: N}`, the hourly price of the machine that serves it (0 if it is free)"
        } else {
            "add `cost:` with its per-million-token prices, or add it to the price book (--prices FILE)"
        };
        Err(self.src.hint(
            &self.f("model"),
            format!(
                "no price for `{}` of `{}`: the price book does not list it and the model has no `cost:`",
                m.model,
                provider.as_str()
            ),
            hint,
        ))
    }
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
