//! What a suite will cost before anything is sent: tokens and dollars per
//! task × model for the planned trials, and per month at each task's volume.
//!
//! Prompt tokens are counted with the model's own encoding where sizeup has
//! it (OpenAI models, via tiktoken) and at about four characters a token
//! otherwise. Output tokens are the expected answer's tokens where the case
//! has one, and `max_tokens` (the worst case) where it has none.

use crate::cost::{token_cost, worst_case};
use crate::plan::Plan;
use crate::suite::Suite;
use crate::tokens::Counter;
use sizeup_runners::Usage;
use std::collections::BTreeMap;

/// The estimate for one task × model.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Task id.
    pub task: String,
    /// Model id.
    pub model: String,
    /// How tokens were counted.
    pub method: String,
    /// Trials planned.
    pub trials: u64,
    /// Prompt tokens of all trials.
    pub input_tokens: u64,
    /// Expected output tokens of all trials.
    pub output_tokens: u64,
    /// Expected dollars for the planned trials (token prices only; an
    /// hourly-priced model's cost depends on its speed, measured by a run).
    pub cost_usd: f64,
    /// The most the planned trials can cost (hourly prices included, for the full timeout).
    pub worst_usd: f64,
    /// Expected dollars per month at the task's volume, when it has one.
    pub monthly_usd: Option<f64>,
    /// True when the model is priced by the hour.
    pub hourly: bool,
}

/// Estimates every task × model of `plan`.
pub fn estimate(suite: &Suite, plan: &Plan) -> Vec<Row> {
    let counters: Vec<Counter> = suite.models.iter().map(Counter::for_model).collect();
    let mut rows: BTreeMap<(usize, usize), Row> = BTreeMap::new();
    for trial in &plan.trials {
        let model = &suite.models[trial.model];
        let task = &suite.tasks[trial.task];
        let case = &task.cases[trial.case];
        let counter = &counters[trial.model];
        let input = counter.prompt(&trial.request.messages);
        let output = match &case.expected {
            Some(serde_json::Value::String(s)) => counter.text(s),
            Some(other) => counter.text(&other.to_string()),
            None => u64::from(trial.request.max_tokens),
        }
        .min(u64::from(trial.request.max_tokens));
        let usage = Usage {
            input_tokens: input,
            output_tokens: output,
            ..Usage::default()
        };
        let row = rows
            .entry((trial.task, trial.model))
            .or_insert_with(|| Row {
                task: task.id.clone(),
                model: model.id.clone(),
                method: counter.method(),
                trials: 0,
                input_tokens: 0,
                output_tokens: 0,
                cost_usd: 0.0,
                worst_usd: 0.0,
                monthly_usd: None,
                hourly: model.cost.hourly_usd > 0.0,
            });
        row.trials += 1;
        row.input_tokens += input;
        row.output_tokens += output;
        row.cost_usd += token_cost(&model.cost, &usage);
        // The same bound the budget reserves: every attempt at its worst.
        row.worst_usd += worst_case(
            &model.cost,
            &trial.request,
            model.max_attempts,
            model.max_retry_time,
        );
    }
    rows.into_iter()
        .map(|((ti, _), mut row)| {
            row.monthly_usd = suite.tasks[ti]
                .requests_per_month
                .filter(|_| !row.hourly && row.trials > 0)
                .map(|volume| row.cost_usd / row.trials as f64 * volume as f64);
            row
        })
        .collect()
}
