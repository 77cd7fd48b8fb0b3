//! [`References`]: the reference model's answers as its trials finish, so
//! that a pairwise judge compares a candidate's answer with the reference's
//! answer to the same case and repeat as soon as both exist: judging runs
//! per case, behind the trials that feed it.

use super::Job;
use crate::scorers::judge::Judge;
use std::collections::HashMap;
use tokio::sync::watch;

/// A case of a task and a repeat: where a reference answer belongs.
pub(super) type CaseKey = (usize, usize, u32);

/// The reference model's answers to the cases a pairwise judge compares:
/// unknown yet, known, or known to be missing (the trial failed, or was
/// not started).
pub(crate) struct References {
    slots: HashMap<CaseKey, watch::Sender<Option<Option<String>>>>,
}

impl References {
    /// A slot for each reference trial of a pairwise-judged task in the
    /// plan; one the run skips starts with its stored answer.
    pub(crate) fn new(job: &Job) -> Self {
        let mut slots = HashMap::new();
        for t in &job.plan.trials {
            let pairwise = job.suite.tasks[t.task]
                .scorers
                .iter()
                .any(|s| s.judge().is_some_and(Judge::is_pairwise));
            if !(pairwise && job.suite.models[t.model].reference) {
                continue;
            }
            let initial = job
                .skip
                .contains(&t.id)
                .then(|| job.reference_answers.get(&t.id).cloned());
            slots.insert((t.task, t.case, t.repeat), watch::channel(initial).0);
        }
        Self { slots }
    }

    /// Records the answer of trial `index` (`None`: it has none) when it is
    /// a reference trial someone may wait for.
    pub(crate) fn publish(&self, job: &Job, index: usize, answer: Option<String>) {
        let t = &job.plan.trials[index];
        if !job.suite.models[t.model].reference {
            return;
        }
        if let Some(slot) = self.slots.get(&(t.task, t.case, t.repeat)) {
            slot.send_replace(Some(answer));
        }
    }

    /// The reference's answer to `key`, once it is known; `None` when
    /// there is none in this run.
    pub(super) async fn wait(&self, key: CaseKey) -> Option<String> {
        let slot = self.slots.get(&key)?;
        let mut seen = slot.subscribe();
        let answer = seen.wait_for(Option::is_some).await.ok()?;
        answer.clone().flatten()
    }
}
