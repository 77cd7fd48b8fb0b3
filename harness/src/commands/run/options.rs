//! The options that decide a run's plan, and what a resume must find
//! unchanged: the files the suite was read from and the models' identities.

use super::super::{message, CliError};
use crate::cli::RunArgs;
use crate::digest::{sha256_bytes, sha256_file};
use crate::plan::{Selection, Shard};
use crate::store::{RunModel, RunRow};
use crate::suite::{prices::BUILT_IN, Suite};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The options that decide a run's plan, stored with the run so that
/// `--resume` plans exactly the same trials. Paths are absolute, so a
/// resume from another directory reads the same files.
#[derive(Debug, Serialize, Deserialize)]
pub struct RunOptions {
    /// The suite file.
    pub suite: PathBuf,
    /// The models catalog (`--models`).
    pub models: Option<PathBuf>,
    /// The price book (`--prices`); the built-in one when absent.
    #[serde(default)]
    pub prices: Option<PathBuf>,
    /// Only these tasks (`--task`), all when empty.
    pub tasks: Vec<String>,
    /// Only these models (`--model`), all when empty.
    pub model_ids: Vec<String>,
    /// At most this many cases per task (`--limit`).
    pub limit: Option<usize>,
    /// Repeats instead of the suite's (`--repeats`).
    pub repeats: Option<u32>,
    /// The part of the plan to run (`--shard`); the whole plan when absent.
    #[serde(default)]
    pub shard: Option<Shard>,
}

/// Where the price book comes from when no file is given.
const BUILT_IN_PRICES: &str = "(built-in price book)";

impl RunOptions {
    /// The options of a new run, from the command line.
    pub fn from_args(args: &RunArgs) -> Result<Self, CliError> {
        let suite = args
            .suite
            .as_deref()
            .ok_or_else(|| CliError::input(message("a suite file is needed without --resume")))?;
        Ok(Self {
            suite: absolute(suite)?,
            models: args.models.as_deref().map(absolute).transpose()?,
            prices: args.prices.prices.as_deref().map(absolute).transpose()?,
            tasks: args.select.tasks.clone(),
            model_ids: args.select.model_ids.clone(),
            limit: args.select.limit,
            repeats: args.select.repeats,
            shard: args.shard,
        })
    }

    /// The options a stored run was started with.
    pub fn stored(run: &RunRow) -> Result<Self, CliError> {
        serde_json::from_str(&run.options).map_err(|e| {
            CliError::input(message(format!(
                "run `{}` has unreadable options: {e}",
                run.id
            )))
        })
    }

    /// The options a stored run was started with, refusing a `--shard`
    /// that is not the run's own: a shard's trials are fixed when it starts.
    pub fn resumed(run: &RunRow, shard: Option<Shard>) -> Result<Self, CliError> {
        let options = Self::stored(run)?;
        match (shard, options.shard) {
            (Some(asked), Some(own)) if asked != own => Err(CliError::input(message(format!(
                "run `{}` is shard {own}; it cannot be resumed as shard {asked}",
                run.id
            )))),
            (Some(asked), None) => Err(CliError::input(message(format!(
                "run `{}` runs the whole plan; it cannot be resumed as shard {asked}",
                run.id
            )))),
            _ => Ok(options),
        }
    }

    /// The trials these options select.
    pub fn selection(&self) -> Selection {
        Selection {
            tasks: self.tasks.clone(),
            models: self.model_ids.clone(),
            limit: self.limit,
            repeats: self.repeats,
        }
    }

    /// The SHA-256 of every file the plan was made from: the suite, its
    /// catalog and cases, and the price book.
    pub fn sources(&self, suite: &Suite) -> Result<BTreeMap<String, String>, CliError> {
        let mut out = BTreeMap::new();
        for file in suite.sources.iter().chain(&self.prices) {
            let digest = sha256_file(file).map_err(|e| {
                CliError::input(message(format!("failed to read {}: {e}", file.display())))
            })?;
            out.insert(file.display().to_string(), digest);
        }
        if self.prices.is_none() {
            out.insert(BUILT_IN_PRICES.into(), sha256_bytes(BUILT_IN.as_bytes()));
        }
        Ok(out)
    }
}

fn absolute(path: &Path) -> Result<PathBuf, CliError> {
    std::path::absolute(path).map_err(|e| {
        CliError::input(message(format!(
            "failed to resolve {}: {e}",
            path.display()
        )))
    })
}

/// Refuses to resume run `id` when a file it was planned from, or a
/// model's identity, has changed since: the new trials would not be
/// comparable with the stored ones.
pub fn check_unchanged(
    id: &str,
    stored_sources: &BTreeMap<String, String>,
    sources: &BTreeMap<String, String>,
    stored_models: &[RunModel],
    models: &[RunModel],
) -> Result<(), CliError> {
    let mut changes = Vec::new();
    for (file, digest) in sources {
        match stored_sources.get(file) {
            None => changes.push(format!("{file} is new")),
            Some(old) if old != digest => changes.push(format!("{file} changed")),
            Some(_) => {}
        }
    }
    for file in stored_sources.keys().filter(|f| !sources.contains_key(*f)) {
        changes.push(format!("{file} is no longer read"));
    }
    for m in models {
        match stored_models.iter().find(|s| s.id == m.id) {
            None => changes.push(format!("model `{}` is new", m.id)),
            Some(old) if old.identity != m.identity => changes.push(format!(
                "model `{}` changed: {}",
                m.id,
                identity_diff(&old.identity, &m.identity)
            )),
            Some(old) if old.cost != m.cost => {
                changes.push(format!("model `{}` has new prices", m.id))
            }
            Some(_) => {}
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    Err(CliError::input(message(format!(
        "run `{id}` cannot be resumed: {}; start a new run instead",
        changes.join("; ")
    ))))
}

/// The fields of two identities (JSON objects) that differ.
pub(in crate::commands) fn identity_diff(old: &str, new: &str) -> String {
    let parse = |s: &str| {
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(s).unwrap_or_default()
    };
    let (old, new) = (parse(old), parse(new));
    let mut fields: Vec<&str> = old
        .keys()
        .chain(new.keys())
        .filter(|k| old.get(*k) != new.get(*k))
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    fields.dedup();
    if fields.is_empty() {
        "its identity".into()
    } else {
        fields.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(identity: &str) -> RunModel {
        RunModel {
            id: "m".into(),
            provider: "local".into(),
            model: "m.gguf".into(),
            reference: false,
            identity: identity.into(),
            base_url: None,
            api_version: None,
            api_key_env: None,
            cost: None,
            price_source: None,
        }
    }

    #[test]
    fn a_resume_names_what_changed() {
        let a = BTreeMap::from([("/s.yaml".to_string(), "1".to_string())]);
        let b = BTreeMap::from([("/s.yaml".to_string(), "2".to_string())]);
        let same = model(r#"{"device":"cpu","weights_sha256":"aa"}"#);
        let other = model(r#"{"device":"cpu","weights_sha256":"bb"}"#);
        let stored = std::slice::from_ref(&same);
        assert!(check_unchanged("r", &a, &a, stored, stored).is_ok());
        let e = check_unchanged("r", &a, &b, stored, &[other]).unwrap_err();
        let text = e.report.to_string();
        assert!(text.contains("/s.yaml changed"), "{text}");
        assert!(text.contains("model `m` changed: weights_sha256"), "{text}");
        assert_eq!(e.code, 2);
    }
}
