//! [`Event`]: what the engine tells the rest of the program, in order.

use crate::scorers::judge::{Order, Verdict};
use crate::scorers::Assessment;
use sizeup_runners::wait::Wait;
use sizeup_runners::Completion;

/// One question put to a judge about a trial, and its reply.
#[derive(Debug, Clone)]
pub struct JudgeCall {
    /// Position of the judged scorer in the task.
    pub scorer: usize,
    /// Index of the judging model in the suite.
    pub model: usize,
    /// How the answers were placed.
    pub order: Order,
    /// Which asking of the same question, from 0.
    pub repeat: u32,
    /// The hash of the judge's request and identity.
    pub cache_key: String,
    /// The judge's reply.
    pub completion: Completion,
    /// The verdict read from it, when one could be.
    pub verdict: Option<Verdict>,
    /// Money spent on it, its failed attempts included.
    pub cost_usd: f64,
    /// True when the reply came from the store.
    pub cached: bool,
}

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
    /// The judges' calls about this trial's answer; their cost is not the
    /// trial's.
    pub judge_calls: Vec<JudgeCall>,
}

impl TrialResult {
    /// Money spent on judging this trial.
    pub fn judge_cost_usd(&self) -> f64 {
        self.judge_calls.iter().map(|c| c.cost_usd).sum()
    }
}

/// Something that happened during a run.
#[derive(Debug, Clone)]
pub enum Event {
    /// A trial got an answer and was scored.
    TrialFinished(Box<TrialResult>),
    /// A trial ended in a runner failure (stored and counted like any result).
    TrialFailed(Box<TrialResult>),
    /// A model's runner holds a request back (a rate limit, a retry's
    /// wait); told by the runner as the wait starts.
    Waiting {
        /// Index of the model in the suite.
        model: usize,
        /// How long, and why.
        wait: Wait,
    },
    /// No more events will come.
    RunFinished {
        /// True when the run was stopped before every trial ran.
        interrupted: bool,
    },
}
