//! What a run needs before its first trial: the local models' weights
//! digests, the runners, the trials to skip or answer from the cache, and
//! the rows that describe the run's models and tasks.

use super::super::report::store_error;
use super::super::{chain, message, CliError};
use crate::digest::remembered_sha256;
use crate::events::Event;
use crate::plan::{identity, Plan, Selection};
use crate::providers;
use crate::store::{RunModel, RunTask, Store};
use crate::suite::Suite;
use sizeup_runners::wait::{OnWait, Wait};
use sizeup_runners::{Completion, Runner};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use tokio::sync::mpsc::UnboundedSender;

/// The SHA-256 of each selected local model's weights, by model index.
pub fn weights(
    store: &Store,
    suite: &Suite,
    selection: &Selection,
) -> Result<Vec<Option<String>>, CliError> {
    suite
        .models
        .iter()
        .map(|m| {
            let selected = selection.models.is_empty() || selection.models.contains(&m.id);
            if !m.provider.in_process() || !selected {
                return Ok(None);
            }
            remembered_sha256(store, Path::new(&m.model))
                .map(Some)
                .map_err(|e| CliError::input(message(chain(&e))))
        })
        .collect()
}

/// The runner of each model the plan uses, by index; a local model is loaded
/// here. Each tells `events` of the requests its limits and retries hold back.
pub fn runners(
    suite: &Suite,
    plan: &Plan,
    events: &UnboundedSender<Event>,
) -> Result<Vec<Option<Arc<dyn Runner>>>, CliError> {
    let client = sizeup_runners::client().map_err(|e| CliError::incomplete(message(chain(&e))))?;
    let used = called(suite, plan);
    suite
        .models
        .iter()
        .enumerate()
        .map(|(i, model)| {
            let events = events.clone();
            let on_wait: OnWait = Arc::new(move |wait: &Wait| {
                // The run is over when no one listens: nothing to tell.
                let _ = events.send(Event::Waiting {
                    model: i,
                    wait: *wait,
                });
            });
            used.contains(&i)
                .then(|| providers::runner(model, &client, Some(on_wait)))
                .transpose()
                .map_err(|e| CliError::input(message(chain(&e))))
        })
        .collect()
}

/// The models the plan calls: those that answer its trials and those that
/// judge the answers.
fn called(suite: &Suite, plan: &Plan) -> HashSet<usize> {
    let mut used: HashSet<usize> = plan.trials.iter().map(|t| t.model).collect();
    let tasks: HashSet<usize> = plan.trials.iter().map(|t| t.task).collect();
    for task in tasks {
        used.extend(
            suite.tasks[task]
                .scorers
                .iter()
                .filter_map(|s| s.judge().and_then(|j| j.model())),
        );
    }
    used
}

/// The trials of a resumed run that need not run again: those that
/// succeeded with the same request to the same model.
pub fn skip(store: &Store, run_id: &str, plan: &Plan) -> Result<HashSet<String>, CliError> {
    let done = store.succeeded(run_id).map_err(store_error)?;
    Ok(plan
        .trials
        .iter()
        .filter(|t| done.get(&t.id) == Some(&t.cache_key))
        .map(|t| t.id.clone())
        .collect())
}

/// Stored answers to the plan's requests not skipped, by cache key.
pub fn cache(
    store: &Store,
    plan: &Plan,
    skip: &HashSet<String>,
) -> Result<HashMap<String, Completion>, CliError> {
    let keys: Vec<&str> = plan
        .trials
        .iter()
        .filter(|t| !skip.contains(&t.id))
        .map(|t| t.cache_key.as_str())
        .collect();
    store.cached(&keys).map_err(store_error)
}

/// The stored answers of the skipped reference trials that pairwise judges
/// compare with, by trial id.
pub fn reference_answers(
    store: &Store,
    suite: &Suite,
    plan: &Plan,
    skip: &HashSet<String>,
) -> Result<HashMap<String, String>, CliError> {
    let compared: Vec<_> = plan
        .trials
        .iter()
        .filter(|t| skip.contains(&t.id) && suite.models[t.model].reference)
        .filter(|t| {
            suite.tasks[t.task]
                .scorers
                .iter()
                .any(|s| s.judge().is_some_and(|j| j.is_pairwise()))
        })
        .collect();
    let keys: Vec<&str> = compared.iter().map(|t| t.cache_key.as_str()).collect();
    let stored = store.cached(&keys).map_err(store_error)?;
    Ok(compared
        .iter()
        .filter_map(|t| Some((t.id.clone(), stored.get(&t.cache_key)?.text.clone())))
        .collect())
}

/// The models the plan uses, as the run records them.
pub fn run_models(suite: &Suite, plan: &Plan, weights: &[Option<String>]) -> Vec<RunModel> {
    let used = called(suite, plan);
    suite
        .models
        .iter()
        .enumerate()
        .filter(|(i, _)| used.contains(i))
        .map(|(i, m)| RunModel {
            id: m.id.clone(),
            provider: m.provider.as_str().to_string(),
            model: m.model.clone(),
            reference: m.reference,
            identity: identity(m, weights.get(i).and_then(Option::as_deref)).to_string(),
            base_url: (!m.base_url.is_empty()).then(|| m.base_url.clone()),
            api_version: m.provider.api().api_version.map(|_| m.api_version.clone()),
            api_key_env: m.api_key_env.clone(),
            cost: Some(m.cost),
            price_source: Some(m.price_source.clone()),
        })
        .collect()
}

/// The tasks the plan runs, with their bars, as the run records them.
pub fn run_tasks(suite: &Suite, plan: &Plan) -> Vec<RunTask> {
    let used: HashSet<usize> = plan.trials.iter().map(|t| t.task).collect();
    suite
        .tasks
        .iter()
        .enumerate()
        .filter(|(i, _)| used.contains(i))
        .map(|(_, t)| RunTask {
            id: t.id.clone(),
            description: t.description.clone(),
            min_quality: t.min_quality,
            quality_measure: t.quality_measure,
            margin: t.margin,
            p95_latency_ms: t.p95_latency_ms,
            p95_ttft_ms: t.p95_ttft_ms,
            p95_tpot_ms: t.p95_tpot_ms,
            requests_per_month: t.requests_per_month,
            max_error_rate: t.max_error_rate,
            regression: t.regression,
            judge_bars: t.judge_bars.clone(),
        })
        .collect()
}
