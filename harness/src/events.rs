//! [`Event`]: what the engine tells the rest of the program, in order.

use crate::scorers::Assessment;
use sizeup_runners::Completion;

/// The outcome of one trial.
#[derive(Debug, Clone)]
pub struct TrialResult {
    /// Index of the trial in the plan.
    pub index: usize,
    /// What the runner returned.
    pub completion: Completion,
    /// Scores, when there was an answer to score.
    pub assessment: Option<Assessment>,
    /// Money spent on this trial's answer: its tokens when it succeeded,
    /// and its share of the hardware's busy time.
    pub cost_usd: f64,
    /// Money spent on tokens that bought no answer: failed attempts that
    /// were retried, and the trial's own when it failed.
    pub failure_cost_usd: f64,
    /// True when the completion came from the store instead of the model.
    pub cached: bool,
}

/// Something that happened during a run.
#[derive(Debug, Clone)]
pub enum Event {
    /// A trial got an answer and was scored.
    TrialFinished(Box<TrialResult>),
    /// A trial ended in a runner failure (stored and counted like any result).
    TrialFailed(Box<TrialResult>),
    /// No more events will come.
    RunFinished {
        /// True when the run was stopped before every trial ran.
        interrupted: bool,
    },
}
