//! The [`Plan`]: every trial of a run, in a deterministic order, with stable ids.
//!
//! A trial is (task, case, model, repeat). Its id hashes the request exactly
//! as it will be sent, the model's identity and the repeat index, so the
//! same trial in another run (a resume, a cache hit) has the same id.

use crate::suite::{Suite, DEFAULT_MAX_TOKENS};
use sha2::{Digest, Sha256};
use sizeup_runners::Request;
use std::sync::Arc;

/// One execution of (task, case, model, repeat).
#[derive(Debug, Clone)]
pub struct Trial {
    /// Stable id (hex).
    pub id: String,
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
}

impl Plan {
    /// Builds the plan of `suite` under `selection`.
    pub fn new(suite: &Suite, selection: &Selection) -> Result<Self, PlanError> {
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
                    let base = Arc::new(Request {
                        messages: case.messages.clone(),
                        max_tokens: model
                            .max_tokens
                            .or(task.max_tokens)
                            .unwrap_or(DEFAULT_MAX_TOKENS),
                        temperature: model.temperature,
                        top_p: model.top_p,
                        top_k: model.top_k,
                        repetition_penalty: model.repetition_penalty,
                        seed: model.seed,
                        stop: model.stop.clone(),
                        timeout: model.timeout,
                        json_schema: task.structured_output.clone(),
                    });
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
                            id: trial_id(&model.identity(), &request, repeat),
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
        Ok(Self { trials })
    }
}

/// SHA-256 over the canonical JSON of the model identity, the request and
/// the repeat, as 32 hex digits.
pub fn trial_id(model: &serde_json::Value, request: &Request, repeat: u32) -> String {
    let canonical = serde_json::json!({"model": model, "request": request, "repeat": repeat});
    let digest = Sha256::digest(canonical.to_string().as_bytes());
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
    fn ids_are_stable_and_sensitive_to_every_input() {
        let m = serde_json::json!({"model": "a"});
        let id = trial_id(&m, &request("hi"), 0);
        assert_eq!(id, trial_id(&m, &request("hi"), 0));
        assert_eq!(id.len(), 32);
        assert_ne!(id, trial_id(&m, &request("hi"), 1));
        assert_ne!(id, trial_id(&m, &request("ho"), 0));
        assert_ne!(
            id,
            trial_id(&serde_json::json!({"model": "b"}), &request("hi"), 0)
        );
    }
}
