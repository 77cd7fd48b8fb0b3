//! From stored trials to a [`ReportModel`]: the run, its models and tasks,
//! one summary per task × model with its intervals (see `cell` and
//! [`statistics`]), one verdict per task (see [`verdict`]), the money at
//! stake and, for exports, every trial. The store's row types end here and
//! the report's plain data begins.

mod bars;
pub mod capacity;
pub(crate) mod cell;
pub mod comparison;
pub mod economics;
pub mod history;
pub mod judges;
pub mod statistics;
pub mod verdict;

use crate::store::{RunModel, RunRow, RunStatus, RunTask, ScoreRow, Store, StoreError, TrialRow};
use crate::suite::{QualityMeasure, Thresholds};
use cell::{Acc, CaseScores};
use sizeup_reports as report;
use sizeup_reports::{
    Capacity, Cell, CostBasis, Economics, ModelInfo, Portfolio, ReportModel, Role, RunInfo,
    ScoreRecord, TaskInfo, TrialRecord, Verdict, FORMAT_VERSION,
};
use std::collections::BTreeMap;

/// Builds the full report of run `id` (or `latest`) from the store alone,
/// every trial included, with the trends of the last `history` runs of its
/// suite (none when 0).
pub fn report(store: &Store, id: &str, history: usize) -> Result<ReportModel, StoreError> {
    let mut report = build(store, id, true)?;
    if history > 0 {
        report.history = history::history(store, &report.run.id, history)?;
    }
    Ok(report)
}

/// The same report without the trials: its memory does not grow with the run.
pub fn summary(store: &Store, id: &str) -> Result<ReportModel, StoreError> {
    build(store, id, false)
}

fn build(store: &Store, id: &str, keep_trials: bool) -> Result<ReportModel, StoreError> {
    let run = store.run(id)?;
    let models = store.run_models(&run.id)?;
    let tasks = store.run_tasks(&run.id)?;
    if models.is_empty() || tasks.is_empty() {
        return Err(StoreError::Corrupt {
            run: run.id,
            what: "list of models or tasks (it is empty)".into(),
        });
    }
    let mut cells: BTreeMap<(usize, usize), Acc> = BTreeMap::new();
    let mut trials = Vec::new();
    let (mut done, mut cost, mut failure_cost) = (0u64, 0.0, 0.0);
    let mut stray = None;
    store.visit_trials(&run.id, keep_trials, |t| {
        done += 1;
        cost += t.cost_usd;
        failure_cost += t.failure_cost_usd;
        let t = record(t);
        let task = tasks.iter().position(|x| x.id == t.task);
        let model = models.iter().position(|x| x.id == t.model);
        match (task, model) {
            (Some(ti), Some(mi)) => cells.entry((ti, mi)).or_insert_with(Acc::new).add(&t),
            _ => {
                stray = Some(format!(
                    "trial {} (task `{}`, model `{}`)",
                    t.id, t.task, t.model
                ))
            }
        }
        if keep_trials {
            trials.push(t);
        }
    })?;
    if let Some(what) = stray {
        return Err(StoreError::Corrupt {
            run: run.id,
            what: format!("{what}: its task or model is not one of the run's"),
        });
    }
    let task_infos: Vec<TaskInfo> = tasks.iter().map(task_info).collect();
    let mut cells: Vec<Summary> = cells
        .into_iter()
        .map(|((task, model), acc)| {
            let (cell, cases) = acc.cell(
                &tasks[task].id,
                &models[model].id,
                tasks[task].requests_per_month,
            );
            Summary {
                task,
                model,
                cell,
                cases,
            }
        })
        .collect();
    let capacity = priced_at_capacity(store, &tasks, &models, &mut cells)?;
    let mut verdicts = verdicts(&task_infos, &models, &mut cells);
    let cells: Vec<Cell> = cells.into_iter().map(|s| s.cell).collect();
    let mut judges = judges::judges(store, &run.id)?;
    judges::hold(
        &mut judges,
        &mut verdicts,
        |task, position| {
            tasks
                .iter()
                .find(|t| t.id == task)
                .and_then(|t| t.judge_bars.get(&position).copied())
                .unwrap_or_default()
        },
        |task, model| cells.iter().any(|c| c.task == task && c.model == model),
    );
    let economics = self_hosting(&task_infos, &cells, &verdicts, &capacity);
    say_capacity_basis(&mut verdicts, &cells, &capacity);
    Ok(ReportModel {
        format_version: FORMAT_VERSION,
        run: info(&run, done, cost, failure_cost),
        models: models.iter().map(model_info).collect(),
        portfolio: portfolio(&task_infos, &verdicts),
        tasks: task_infos,
        cells,
        verdicts,
        trials,
        since_baseline: None,
        history: Vec::new(),
        capacity,
        economics,
        judges,
    })
}

/// The latest capacity sweep of each of the run's models on each of its
/// tasks, for the model as it ran (same identity); a model with a priced
/// goodput is then priced at capacity, the figure of the run's busy time
/// kept beside.
fn priced_at_capacity(
    store: &Store,
    tasks: &[RunTask],
    models: &[RunModel],
    cells: &mut [Summary],
) -> Result<Vec<Capacity>, StoreError> {
    let mut out = Vec::new();
    for s in cells.iter_mut() {
        let (task, model) = (&tasks[s.task], &models[s.model]);
        s.cell.cost_basis = Some(match model.cost.is_some_and(|c| c.hourly_usd > 0.0) {
            true => CostBasis::BusyTime,
            false => CostBasis::Tokens,
        });
        let Some((row, levels)) = store.latest_sweep(&task.id, &model.id, &model.identity)? else {
            continue;
        };
        let view = capacity::view(&row, levels);
        if let Some(usd) = view.usd_per_request {
            s.cell.usd_per_request_busy = s.cell.usd_per_request;
            s.cell.usd_per_request = Some(usd);
            s.cell.monthly_usd = task.requests_per_month.map(|v| usd * v as f64);
            s.cell.cost_basis = Some(CostBasis::Capacity);
        }
        out.push(view);
    }
    Ok(out)
}

/// Self-hosting each swept model of a task against the task's reference,
/// priced as this run measured it.
fn self_hosting(
    tasks: &[TaskInfo],
    cells: &[Cell],
    verdicts: &[Verdict],
    capacity: &[Capacity],
) -> Vec<Economics> {
    capacity
        .iter()
        .filter_map(|c| {
            let task = tasks.iter().find(|t| t.id == c.task)?;
            let reference = &verdicts.iter().find(|v| v.task == c.task)?.reference;
            if *reference == c.model {
                return None;
            }
            let api = cells
                .iter()
                .find(|x| x.task == c.task && &x.model == reference)?
                .usd_per_request?;
            economics::economics(task, c, reference, api)
        })
        .collect()
}

/// Adds to each verdict whose recommended model is priced at capacity how
/// that price was reached, beside the figure of this run's busy time.
fn say_capacity_basis(verdicts: &mut [Verdict], cells: &[Cell], capacity: &[Capacity]) {
    for v in verdicts {
        let Some(recommended) = v.recommended.as_deref() else {
            continue;
        };
        let cell = cells
            .iter()
            .find(|c| c.task == v.task && c.model == recommended);
        let swept = capacity
            .iter()
            .find(|c| c.task == v.task && c.model == recommended);
        let (Some(cell), Some(swept)) = (cell, swept) else {
            continue;
        };
        if cell.cost_basis != Some(CostBasis::Capacity) {
            continue;
        }
        let (Some(usd), Some(goodput)) = (cell.usd_per_request, swept.goodput_rps) else {
            continue;
        };
        v.sentence.push_str(&format!(
            " {} is priced at its measured capacity ({goodput:.1} requests/s within the objectives, {:.0}% used): {} a request{}.",
            recommended,
            swept.economics.utilisation * 100.0,
            sizeup_reports::format::dollars(usd),
            cell.usd_per_request_busy.map_or(String::new(), |busy| format!(
                ", against {} from this run's busy time",
                sizeup_reports::format::dollars(busy)
            ))
        ));
    }
}

/// One task × model: its summary and its trials by case.
struct Summary {
    task: usize,
    model: usize,
    cell: Cell,
    cases: BTreeMap<String, CaseScores>,
}

/// One verdict per task that ran, filling the cells' comparisons.
fn verdicts(tasks: &[TaskInfo], models: &[RunModel], cells: &mut [Summary]) -> Vec<Verdict> {
    let mut out = Vec::new();
    for (ti, task) in tasks.iter().enumerate() {
        let mut entries: Vec<verdict::Entry<'_>> = cells
            .iter_mut()
            .filter(|s| s.task == ti)
            .map(|s| verdict::Entry {
                cell: &mut s.cell,
                reference_role: models[s.model].reference,
                cases: &s.cases,
            })
            .collect();
        out.extend(verdict::decide(task, &mut entries));
    }
    out
}

/// Money per month with every task on its reference vs its recommended
/// model, over the tasks whose volume and costs are known.
fn portfolio(tasks: &[TaskInfo], verdicts: &[Verdict]) -> Portfolio {
    let mut p = Portfolio::default();
    for task in tasks {
        let verdict = verdicts.iter().find(|v| v.task == task.id);
        // A task with no model to recommend stays on its reference's cost:
        // no saving is claimed for it.
        let recommended = |v: &Verdict| match &v.recommended {
            Some(_) => v.recommended_monthly_usd,
            None => v.reference_monthly_usd,
        };
        match verdict.and_then(|v| v.reference_monthly_usd.zip(recommended(v))) {
            Some((reference, recommended)) => {
                p.reference_monthly_usd += reference;
                p.recommended_monthly_usd += recommended;
            }
            None => p.unpriced_tasks.push(task.id.clone()),
        }
    }
    p.savings_monthly_usd = p.reference_monthly_usd - p.recommended_monthly_usd;
    p.savings_yearly_usd = p.savings_monthly_usd * 12.0;
    p
}

fn info(run: &RunRow, done: u64, cost_usd: f64, failure_cost_usd: f64) -> RunInfo {
    RunInfo {
        id: run.id.clone(),
        suite: run.suite.clone(),
        suite_path: run.suite_path.clone(),
        started_at: run.started_at.clone(),
        finished_at: run.finished_at.clone(),
        status: run.status.into(),
        trials_planned: run.trials_planned,
        trials_done: done,
        cost_usd,
        failure_cost_usd,
    }
}

fn model_info(m: &RunModel) -> ModelInfo {
    ModelInfo {
        id: m.id.clone(),
        provider: m.provider.clone(),
        model: m.model.clone(),
        role: m.reference.then_some(Role::Reference),
        base_url: m.base_url.clone(),
        api_version: m.api_version.clone(),
        api_key_env: m.api_key_env.clone(),
    }
}

fn task_info(t: &RunTask) -> TaskInfo {
    TaskInfo {
        id: t.id.clone(),
        description: t.description.clone(),
        min_quality: t.min_quality,
        quality_measure: match t.quality_measure {
            QualityMeasure::PassRate => report::QualityMeasure::PassRate,
            QualityMeasure::Mean => report::QualityMeasure::Mean,
        },
        margin: Some(t.margin.unwrap_or(report::DEFAULT_MARGIN)),
        p95_latency_ms: t.p95_latency_ms,
        p95_ttft_ms: t.p95_ttft_ms,
        p95_tpot_ms: t.p95_tpot_ms,
        requests_per_month: t.requests_per_month,
        max_error_rate: t.max_error_rate,
        regression: thresholds(t.regression),
    }
}

impl From<RunStatus> for report::RunStatus {
    fn from(s: RunStatus) -> Self {
        match s {
            RunStatus::Running => Self::Running,
            RunStatus::Finished => Self::Finished,
            RunStatus::Interrupted => Self::Interrupted,
            RunStatus::Failed => Self::Failed,
        }
    }
}

/// A task's regression thresholds in the report's terms.
fn thresholds(t: Thresholds) -> report::Thresholds {
    let Thresholds {
        quality,
        latency,
        latency_ms,
        cost,
        error_rate,
    } = t;
    report::Thresholds {
        quality,
        latency,
        latency_ms,
        cost,
        error_rate,
    }
}

/// A stored trial in the export format.
fn record(t: TrialRow) -> TrialRecord {
    TrialRecord {
        id: t.id,
        task: t.task,
        case: t.case,
        model: t.model,
        repeat: t.repeat,
        input: t.request.as_deref().map(prompt).unwrap_or_default(),
        output: t.output,
        // A string answer is shown as the string, anything else as JSON.
        expected: t.expected.map(|e| match serde_json::from_str(&e) {
            Ok(serde_json::Value::String(s)) => s,
            _ => e,
        }),
        error_class: t.error_class.map(|c| c.as_str().to_string()),
        error: t.error_message,
        finish_reason: t.finish.as_str().to_string(),
        quality: t.quality,
        passed: t.passed,
        scores: t.scores.into_iter().map(score).collect(),
        input_tokens: t.usage.input_tokens,
        output_tokens: t.usage.output_tokens,
        reasoning_tokens: t.usage.reasoning_tokens,
        usage_estimated: t.usage.estimated,
        ttft_us: t.ttft_us,
        latency_us: t.latency_us,
        attempts: t.attempts,
        cached: t.cached,
        cost_usd: t.cost_usd,
        failure_cost_usd: t.failure_cost_usd,
    }
}

/// The last user message of a stored request.
fn prompt(request: &str) -> String {
    let request: serde_json::Value = serde_json::from_str(request).unwrap_or_default();
    request["messages"]
        .as_array()
        .and_then(|m| m.iter().rev().find(|m| m["role"] == "user"))
        .and_then(|m| m["content"].as_str())
        .unwrap_or_default()
        .to_string()
}

fn score(s: ScoreRow) -> ScoreRecord {
    ScoreRecord {
        scorer: s.scorer,
        weight: s.weight,
        value: s.value,
        passed: s.passed,
        answer: s.answer,
        reason: s.reason,
    }
}

/// A stored trial for tests: case `case` of task `t` and model `m`, its
/// quality given (passing at 1), answered in 600 ms with the first token at
/// 100 ms, ten tokens each way, a cent spent; tests change what they need.
#[cfg(test)]
pub(crate) fn test_trial(case: &str, quality: Option<f64>) -> TrialRecord {
    TrialRecord {
        id: format!("t-{case}"),
        task: "t".into(),
        case: case.into(),
        model: "m".into(),
        repeat: 0,
        input: String::new(),
        output: String::new(),
        expected: None,
        error_class: None,
        error: None,
        finish_reason: "stop".into(),
        quality,
        passed: quality == Some(1.0),
        scores: Vec::new(),
        input_tokens: 10,
        output_tokens: 10,
        reasoning_tokens: 0,
        usage_estimated: false,
        ttft_us: Some(100_000),
        latency_us: 600_000,
        attempts: 1,
        cached: false,
        cost_usd: 0.01,
        failure_cost_usd: 0.0,
    }
}
