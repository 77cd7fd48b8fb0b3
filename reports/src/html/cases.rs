//! The HTML report's drill-down: each task's cases and trials, the models
//! disagreeing first, within a byte budget.

use crate::format::{duration_ms, truncate};
use crate::TrialRecord;
use serde::Serialize;
use std::collections::HashMap;

/// Cases shown per task in the drill-down; the rest are counted in a note.
pub const CASES_PER_TASK: usize = 200;

/// Characters of one output (or expected answer) shown in the drill-down.
pub(super) const OUTPUT_CHARS: usize = 2_000;

/// Characters of a scorer's answer or reason shown in the drill-down.
const NOTE_CHARS: usize = 300;

/// Trials shown per model and case when a task repeats its cases.
const REPEATS_SHOWN: usize = 3;

/// Bytes the whole drill-down may take, its text counted as it is and its
/// markup estimated at [`TRIAL_MARKUP`] and [`CASE_MARKUP`]. With the caps
/// above it keeps the page of any run, however many tasks it has, well
/// under 10 MB; past it, later cases are left out with a note.
pub(super) const DRILL_DOWN_BYTES: usize = 6_000_000;

/// About the bytes of markup around one trial in the drill-down.
const TRIAL_MARKUP: usize = 600;

/// About the bytes of markup around one case in the drill-down.
const CASE_MARKUP: usize = 400;

#[derive(Debug, Serialize)]
pub(super) struct CaseView {
    id: String,
    input: String,
    input_cut: usize,
    expected: Option<String>,
    expected_cut: usize,
    marks: Vec<Mark>,
    trials: Vec<TrialView>,
}

/// One model's result on a case, for the case's summary line.
#[derive(Debug, Serialize)]
struct Mark {
    model: String,
    state: State,
}

#[derive(Debug, Serialize)]
struct TrialView {
    model: String,
    repeat: Option<u32>,
    state: State,
    quality: String,
    latency: String,
    cached: bool,
    attempts: u32,
    output: String,
    output_cut: usize,
    error: Option<String>,
    scores: Vec<ScoreView>,
}

#[derive(Debug, Serialize)]
struct ScoreView {
    scorer: String,
    value: String,
    passed: bool,
    answer: Option<String>,
    reason: String,
}

/// The trials grouped by task and case, in plan order, built in one pass.
pub(super) struct CaseIndex<'a> {
    tasks: HashMap<&'a str, TaskCases<'a>>,
}

#[derive(Default)]
struct TaskCases<'a> {
    order: Vec<&'a str>,
    trials: HashMap<&'a str, Vec<&'a TrialRecord>>,
}

impl<'a> CaseIndex<'a> {
    pub(super) fn new(trials: &'a [TrialRecord]) -> Self {
        let mut tasks: HashMap<&str, TaskCases<'_>> = HashMap::new();
        for t in trials {
            let task = tasks.entry(t.task.as_str()).or_default();
            task.trials
                .entry(t.case.as_str())
                .or_insert_with(|| {
                    task.order.push(t.case.as_str());
                    Vec::new()
                })
                .push(t);
        }
        Self { tasks }
    }
}

/// The drill-down of one task: its cases, the models disagreeing first, up
/// to [`CASES_PER_TASK`] and within what is left of `budget`; with the
/// number of cases, how many are shown, and whether the budget cut them.
pub(super) fn case_views(
    index: &CaseIndex<'_>,
    task: &str,
    models: &[&str],
    budget: &mut usize,
) -> (Vec<CaseView>, usize, usize, bool) {
    let Some(cases) = index.tasks.get(task) else {
        return (Vec::new(), 0, 0, false);
    };
    let total = cases.order.len();
    // 0: the models disagree; 1: every trial failed; 2: every trial passed.
    let rank = |trials: &[&TrialRecord]| {
        let passed = trials.iter().filter(|t| t.passed).count();
        if passed == 0 {
            1
        } else if passed == trials.len() {
            2
        } else {
            0
        }
    };
    let mut order: Vec<(u8, usize)> = cases
        .order
        .iter()
        .enumerate()
        .map(|(i, c)| (rank(&cases.trials[c]), i))
        .collect();
    order.sort_unstable();
    let position = |m: &str| models.iter().position(|x| *x == m).unwrap_or(models.len());
    let mut out = Vec::new();
    let mut cut_by_budget = false;
    for &(_, i) in order.iter().take(CASES_PER_TASK) {
        if *budget == 0 {
            cut_by_budget = true;
            break;
        }
        let id = cases.order[i];
        let mut trials = cases.trials[id].clone();
        trials.sort_by_key(|t| (position(&t.model), t.repeat));
        let repeats = trials.iter().any(|t| t.repeat > 0);
        let mut shown_per_model: HashMap<&str, usize> = HashMap::new();
        let mut views = Vec::new();
        let mut marks: Vec<Mark> = Vec::new();
        for t in trials {
            let state = State::of(t);
            match marks.iter_mut().find(|m| m.model == t.model) {
                // A model with repeats is marked by its worst trial.
                Some(m) => {
                    if state != State::Pass && m.state == State::Pass {
                        m.state = state;
                    }
                }
                None => marks.push(Mark {
                    model: t.model.clone(),
                    state,
                }),
            }
            let shown = shown_per_model.entry(t.model.as_str()).or_default();
            if *shown >= REPEATS_SHOWN {
                continue;
            }
            *shown += 1;
            let view = trial_view(t, state, repeats);
            let text = view.output.len()
                + view.error.as_ref().map_or(0, String::len)
                + view
                    .scores
                    .iter()
                    .map(|s| s.reason.len() + s.answer.as_ref().map_or(0, String::len))
                    .sum::<usize>();
            *budget = budget.saturating_sub(text + TRIAL_MARKUP);
            views.push(view);
        }
        let input = cases.trials[id]
            .iter()
            .map(|t| t.input.as_str())
            .find(|i| !i.is_empty())
            .unwrap_or_default();
        let (input, input_cut) = truncate(input, OUTPUT_CHARS);
        *budget = budget.saturating_sub(input.len());
        let expected = cases.trials[id].iter().find_map(|t| t.expected.as_deref());
        let (expected, expected_cut) = match expected {
            Some(e) => {
                let (head, cut) = truncate(e, OUTPUT_CHARS);
                *budget = budget.saturating_sub(head.len() + CASE_MARKUP);
                (Some(head.to_string()), cut)
            }
            None => (None, 0),
        };
        out.push(CaseView {
            id: id.to_string(),
            input: input.to_string(),
            input_cut,
            expected,
            expected_cut,
            marks,
            trials: views,
        });
    }
    let shown = out.len();
    (out, total, shown, cut_by_budget)
}

/// One trial as the drill-down shows it, its texts cut short.
fn trial_view(t: &TrialRecord, state: State, repeats: bool) -> TrialView {
    let (output, output_cut) = truncate(&t.output, OUTPUT_CHARS);
    TrialView {
        model: t.model.clone(),
        repeat: repeats.then_some(t.repeat + 1),
        state,
        quality: t
            .quality
            .map_or_else(|| "0 (error)".into(), |q| format!("{q:.2}")),
        latency: duration_ms(t.latency_us as f64 / 1000.0),
        cached: t.cached,
        attempts: t.attempts,
        output: output.to_string(),
        output_cut,
        error: t.error_class.as_ref().map(|class| match &t.error {
            Some(e) => format!("{class}: {}", truncate(e, NOTE_CHARS).0),
            None => class.clone(),
        }),
        scores: t
            .scores
            .iter()
            .map(|s| ScoreView {
                scorer: s.scorer.clone(),
                value: format!("{:.2}", s.value),
                passed: s.passed,
                answer: s.answer.as_ref().map(|a| short(a)),
                reason: short(&s.reason),
            })
            .collect(),
    }
}

/// How a trial ended, as its mark shows it (and styles it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum State {
    Pass,
    Fail,
    Error,
}

impl State {
    fn of(t: &TrialRecord) -> Self {
        if t.error_class.is_some() {
            Self::Error
        } else if t.passed {
            Self::Pass
        } else {
            Self::Fail
        }
    }
}

fn short(text: &str) -> String {
    match truncate(text, NOTE_CHARS) {
        (head, 0) => head.to_string(),
        (head, _) => format!("{head}…"),
    }
}
