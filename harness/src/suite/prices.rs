//! The price book: per-token prices of provider models, each with the day
//! it was read and where, so that a model in a suite needs no `cost:` of its
//! own. The book in `suites/prices.yaml` is built into the binary;
//! `--prices FILE` replaces it.

use super::error::Source;
use super::spec::{PriceBookSpec, PriceSpec};
use super::{Cost, SuiteError};
use serde_json::Value;
use sizeup_runners::Provider;
use std::fmt::Write;
use std::path::Path;

/// The price book shipped with sizeup (`suites/prices.yaml`).
pub const BUILT_IN: &str = include_str!("../../../suites/prices.yaml");

/// A validated price book.
#[derive(Debug, Default)]
pub struct PriceBook {
    entries: Vec<PriceEntry>,
}

/// The prices of one provider model and where they come from.
#[derive(Debug, Clone)]
pub struct PriceEntry {
    /// The provider, as in suite files.
    pub provider: String,
    /// The provider's model name.
    pub model: String,
    /// The prices.
    pub cost: Cost,
    /// The day they were read.
    pub as_of: String,
    /// Where they were read.
    pub source: String,
}

impl PriceBook {
    /// The built-in book.
    pub fn built_in() -> Self {
        Self::parse(Path::new("suites/prices.yaml (built in)"), BUILT_IN)
            .expect("the built-in price book is valid")
    }

    /// Reads and validates a price book file.
    pub fn load(path: &Path) -> Result<Self, SuiteError> {
        let text = super::file::read_text(path)?;
        Self::parse(path, &text)
    }

    fn parse(path: &Path, text: &str) -> Result<Self, SuiteError> {
        let src = Source::new(path, text)?;
        let spec: PriceBookSpec = yaml_serde::from_str(text).map_err(|e| src.yaml_error(&e))?;
        let mut entries: Vec<PriceEntry> = Vec::with_capacity(spec.prices.len());
        for (i, p) in spec.prices.iter().enumerate() {
            let field = format!("prices[{i}]");
            if entries
                .iter()
                .any(|e| e.provider == p.provider && e.model == p.model)
            {
                return Err(src.at(
                    &format!("{field}.model"),
                    format!("`{}` of `{}` is priced twice", p.model, p.provider),
                ));
            }
            entries.push(entry(p, &src, &field)?);
        }
        Ok(Self { entries })
    }

    /// The prices of `model` at `provider`, if the book has them.
    pub fn get(&self, provider: &str, model: &str) -> Option<&PriceEntry> {
        self.entries
            .iter()
            .find(|e| e.provider == provider && e.model == model)
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[PriceEntry] {
        &self.entries
    }
}

/// The providers whose prices LiteLLM's map lists, by their names here.
pub fn litellm_providers() -> impl Iterator<Item = &'static str> {
    Provider::ALL
        .into_iter()
        .filter(|p| p.api().litellm_name.is_some())
        .map(Provider::as_str)
}

/// Reads LiteLLM's `model_prices_and_context_window.json` and returns the
/// chat models of `providers` (names as in suite files) as price entries.
pub fn from_litellm(
    json: &str,
    providers: &[String],
    as_of: &str,
    source: &str,
) -> Result<Vec<PriceEntry>, serde_json::Error> {
    let map: serde_json::Map<String, Value> = serde_json::from_str(json)?;
    let per_million = |v: &Value, key: &str| {
        v[key]
            .as_f64()
            .map(|per_token| (per_token * 1e12).round() / 1e6)
    };
    let mut out = Vec::new();
    for (key, v) in &map {
        let Some(provider) = Provider::ALL
            .into_iter()
            .find(|p| {
                p.api()
                    .litellm_name
                    .is_some_and(|theirs| v["litellm_provider"] == theirs)
            })
            .map(Provider::as_str)
        else {
            continue;
        };
        if v["mode"] != "chat" || !providers.iter().any(|p| p == provider) {
            continue;
        }
        let (Some(input), Some(output)) = (
            per_million(v, "input_cost_per_token"),
            per_million(v, "output_cost_per_token"),
        ) else {
            continue;
        };
        // Keys carry a route prefix for some providers (`gemini/…`, `azure/…`).
        let model = key.split_once('/').map_or(key.as_str(), |(_, m)| m);
        if model.contains('/') {
            continue;
        }
        out.push(PriceEntry {
            provider: provider.to_string(),
            model: model.to_string(),
            cost: Cost {
                input_per_mtok: input,
                output_per_mtok: output,
                cached_input_per_mtok: per_million(v, "cache_read_input_token_cost")
                    .unwrap_or(input),
                cache_write_per_mtok: per_million(v, "cache_creation_input_token_cost")
                    .unwrap_or(input),
                reasoning_per_mtok: per_million(v, "output_cost_per_reasoning_token")
                    .unwrap_or(output),
                hourly_usd: 0.0,
            },
            as_of: as_of.to_string(),
            source: source.to_string(),
        });
    }
    out.sort_by(|a, b| (&a.provider, &a.model).cmp(&(&b.provider, &b.model)));
    out.dedup_by(|a, b| a.provider == b.provider && a.model == b.model);
    Ok(out)
}

impl PriceBook {
    /// Adds `entries`, replacing those of the same provider and model.
    pub fn merge(&mut self, entries: Vec<PriceEntry>) {
        for e in entries {
            match self
                .entries
                .iter_mut()
                .find(|x| x.provider == e.provider && x.model == e.model)
            {
                Some(x) => *x = e,
                None => self.entries.push(e),
            }
        }
    }

    /// The book as a YAML file that [`PriceBook::load`] reads back.
    pub fn to_yaml(&self) -> String {
        let mut out = String::from(
            "# Prices in US dollars per million tokens, each with the day it was read\n\
             # and its source. Cached input, cache writes and reasoning default to the\n\
             # input and output prices when not given. Update with\n\
             # `sizeup prices import model_prices_and_context_window.json`.\n\
             prices:\n",
        );
        // JSON strings are valid YAML double-quoted scalars.
        let q = |s: &str| Value::String(s.to_string()).to_string();
        for e in &self.entries {
            let c = &e.cost;
            let _ = writeln!(
                out,
                "  - {{provider: {}, model: {}, input_per_mtok: {}, output_per_mtok: {}, \
                 cached_input_per_mtok: {}, cache_write_per_mtok: {}, reasoning_per_mtok: {}, \
                 as_of: {}, source: {}}}",
                q(&e.provider),
                q(&e.model),
                c.input_per_mtok,
                c.output_per_mtok,
                c.cached_input_per_mtok,
                c.cache_write_per_mtok,
                c.reasoning_per_mtok,
                q(&e.as_of),
                q(&e.source)
            );
        }
        out
    }
}

fn entry(p: &PriceSpec, src: &Source, field: &str) -> Result<PriceEntry, SuiteError> {
    for (name, v) in [
        ("input_per_mtok", Some(p.input_per_mtok)),
        ("output_per_mtok", Some(p.output_per_mtok)),
        ("cached_input_per_mtok", p.cached_input_per_mtok),
        ("cache_write_per_mtok", p.cache_write_per_mtok),
        ("reasoning_per_mtok", p.reasoning_per_mtok),
    ] {
        if v.is_some_and(|v| !(v.is_finite() && v >= 0.0)) {
            return Err(src.at(
                &format!("{field}.{name}"),
                "a price must be a non-negative number",
            ));
        }
    }
    let date = p.as_of.as_bytes();
    let is_date = date.len() == 10
        && date.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !is_date {
        return Err(src.hint(
            &format!("{field}.as_of"),
            format!("`{}` is not a date", p.as_of),
            "write the day the price was read as YYYY-MM-DD",
        ));
    }
    if p.source.trim().is_empty() {
        return Err(src.at(&format!("{field}.source"), "say where the price comes from"));
    }
    Ok(PriceEntry {
        provider: p.provider.clone(),
        model: p.model.clone(),
        cost: Cost {
            input_per_mtok: p.input_per_mtok,
            output_per_mtok: p.output_per_mtok,
            cached_input_per_mtok: p.cached_input_per_mtok.unwrap_or(p.input_per_mtok),
            cache_write_per_mtok: p.cache_write_per_mtok.unwrap_or(p.input_per_mtok),
            reasoning_per_mtok: p.reasoning_per_mtok.unwrap_or(p.output_per_mtok),
            hourly_usd: 0.0,
        },
        as_of: p.as_of.clone(),
        source: p.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_book_loads_and_prices_frontier_models() {
        let book = PriceBook::built_in();
        for provider in ["openai", "anthropic", "gemini"] {
            assert!(
                book.entries().iter().any(|e| e.provider == provider),
                "{provider}"
            );
        }
    }

    #[test]
    fn litellm_chat_prices_are_imported_and_written_back() {
        let json = r#"{
            "sample_spec": {"mode": "one of: chat, embedding"},
            "gpt-x": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1.25e-06,
                      "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1.25e-07},
            "gemini/gemini-y": {"litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 3e-07,
                      "output_cost_per_token": 2.5e-06, "output_cost_per_reasoning_token": 3.5e-06},
            "text-embedding-z": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 1e-08},
            "vertex_ai/claude": {"litellm_provider": "vertex_ai", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06}
        }"#;
        let all = ["openai".to_string(), "gemini".to_string()];
        let entries = from_litellm(json, &all, "2026-11-29", "LiteLLM").unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].model, "gemini-y");
        assert_eq!(entries[0].cost.reasoning_per_mtok, 3.5);
        assert_eq!(entries[1].cost.input_per_mtok, 1.25);
        assert_eq!(entries[1].cost.cached_input_per_mtok, 0.125);

        let mut book = PriceBook::default();
        book.merge(entries);
        let text = book.to_yaml();
        let back = PriceBook::parse(Path::new("p.yaml"), &text).unwrap();
        assert_eq!(
            back.get("openai", "gpt-x").unwrap().cost,
            book.get("openai", "gpt-x").unwrap().cost
        );
        assert!(from_litellm("{", &all, "", "").is_err());
    }

    #[test]
    fn bad_entries_name_their_field() {
        let text = "prices:\n  - {provider: openai, model: m, input_per_mtok: 1, output_per_mtok: -2, as_of: 2025-01-01, source: x}\n";
        let err = PriceBook::parse(Path::new("p.yaml"), text).unwrap_err();
        assert!(
            err.to_string().contains("prices[0].output_per_mtok"),
            "{err}"
        );
        let text = "prices:\n  - {provider: openai, model: m, input_per_mtok: 1, output_per_mtok: 2, as_of: last week, source: x}\n";
        let err = PriceBook::parse(Path::new("p.yaml"), text).unwrap_err();
        assert!(err.to_string().contains("p.yaml:2:"), "{err}");
    }
}
