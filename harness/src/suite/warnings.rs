//! What a valid suite may still get wrong with the models it names: settings
//! a model's API refuses (they are not sent), and reasoning that can spend a
//! task's whole output limit before the answer starts.

use super::error::{Diagnostic, Source};
use super::model::{Model, Task};
use super::resolve::Origin;

/// A `max_tokens` below this leaves a reasoning model without a budget little
/// room: it is Anthropic's smallest thinking budget, and reasoning models
/// commonly spend hundreds of tokens on a short question.
pub const REASONING_ROOM: u32 = 1024;

/// The warnings of a suite's models and tasks. `origins` says where each
/// model is defined; `catalog` is the models catalog, if one was read.
pub(super) fn warnings(
    models: &[Model],
    origins: &[Origin],
    tasks: &[Task],
    src: &Source,
    catalog: Option<&Source>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, (model, origin)) in models.iter().zip(origins).enumerate() {
        let owner = if origin.in_catalog {
            catalog.unwrap_or(src)
        } else {
            src
        };
        for (param, why) in model.withheld() {
            out.push(owner.note(
                &origin.field,
                format!("`{}` is not sent to `{}`: {why}", param.as_str(), model.id),
                format!(
                    "remove `{}` from the model's params or the suite's defaults to silence this",
                    param.as_str()
                ),
            ));
        }
        if !model.reasons() || model.reasoning.budget_tokens.is_some() {
            continue;
        }
        let hint = format!(
            "give `{}` room to reason with `reasoning: {{budget_tokens: N}}` (N tokens are added to the limit)",
            model.id
        );
        // The model's own limit overrides every task's: one warning, at it.
        if let Some(limit) = model.max_tokens.filter(|&m| m < REASONING_ROOM) {
            out.push(owner.note(
                &format!("{}.params.max_tokens", origin.field),
                format!(
                    "`{}` reasons, and its reasoning counts against its max_tokens ({limit}): it can spend them all and leave an empty answer",
                    model.id
                ),
                hint,
            ));
            continue;
        }
        for (j, task) in tasks.iter().enumerate() {
            let answer = task.max_tokens_for(model);
            if !task.models.contains(&i) || answer >= REASONING_ROOM {
                continue;
            }
            // Point at the limit where it is set: the task, else the defaults.
            let own = format!("tasks[{j}].max_tokens");
            let field = [own.as_str(), "defaults.max_tokens"]
                .into_iter()
                .find(|f| src.locator.value(f).is_some())
                .unwrap_or(&own);
            out.push(src.note(
                field,
                format!(
                    "`{}` reasons, and its reasoning counts against task `{}`'s max_tokens ({answer}): it can spend them all and leave an empty answer",
                    model.id, task.id
                ),
                hint.clone(),
            ));
        }
    }
    out.extend(self_judging(models, tasks, src));
    out
}

/// A judge that also answers its task rates answers, its own among them:
/// models rate their own generations higher (self-preference, Panickssery
/// et al. 2024, "LLM Evaluators Recognize and Favor Their Own Generations").
fn self_judging(models: &[Model], tasks: &[Task], src: &Source) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (j, task) in tasks.iter().enumerate() {
        for (p, scorer) in task.scorers.iter().enumerate() {
            let Some(k) = scorer.judge().and_then(|judge| judge.model()) else {
                continue;
            };
            if !task.models.contains(&k) {
                continue;
            }
            let role = if models[k].reference {
                "the reference"
            } else {
                "a candidate"
            };
            out.push(src.note(
                &format!("tasks[{j}].scorers[{p}].model"),
                format!(
                    "`{}` judges task `{}` and is also {role} of it: models rate their own answers higher, so its scores favour it",
                    models[k].id, task.id
                ),
                "judge with a model that does not answer the task",
            ));
        }
    }
    out
}
