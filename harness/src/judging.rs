//! The judge phase of a trial: each judged scorer's questions about the
//! trial's answer put to its judge model through the engine's slots,
//! budget, cache and runners, and the replies read into scores.
//!
//! [`References`] holds the reference model's answers as its trials finish,
//! so a pairwise judge compares a candidate's answer with the reference's
//! answer to the same case and repeat as soon as both exist: the second
//! phase runs per case, behind the trials that feed it.

use crate::engine::{admit, call, Call, Job, Shared};
use crate::events::JudgeCall;
use crate::plan::{cache_key, request};
use crate::scorers::judge::{Exhibit, Judge, Question};
use crate::scorers::Score;
use crate::suite::DEFAULT_MAX_TOKENS;
use sizeup_runners::{ErrorClass, Failure};
use std::collections::HashMap;
use tokio::sync::watch;

/// A case of a task and a repeat: where a reference answer belongs.
type CaseKey = (usize, usize, u32);

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
    async fn wait(&self, key: CaseKey) -> Option<String> {
        let slot = self.slots.get(&key)?;
        let mut seen = slot.subscribe();
        let answer = seen.wait_for(Option::is_some).await.ok()?;
        answer.clone().flatten()
    }
}

/// What judging a trial gives: the judged scorers' scores in task order,
/// or the failure that stops it; the calls made either way.
pub(crate) type Judged = Result<(Vec<Score>, Vec<JudgeCall>), (Failure, Vec<JudgeCall>)>;

/// Puts every judged scorer's questions about `output`, the answer of
/// trial `index`, to its judge, and reads the replies.
pub(crate) async fn judge(job: &Job, shared: &Shared, index: usize, output: &str) -> Judged {
    let trial = &job.plan.trials[index];
    let task = &job.suite.tasks[trial.task];
    let case = &task.cases[trial.case];
    let mut scores = Vec::new();
    let mut calls = Vec::new();
    for (position, scorer) in task.scorers.iter().enumerate() {
        let Some(judge) = scorer.judge() else {
            continue;
        };
        let reference = if judge.is_pairwise() {
            if job.suite.models[trial.model].reference {
                scores.push(judge.reference_score());
                continue;
            }
            match shared
                .references
                .wait((trial.task, trial.case, trial.repeat))
                .await
            {
                Some(answer) => Some(answer),
                None => {
                    let why = "the reference model has no answer to this case in this run, so the pairwise judge has nothing to compare with";
                    return Err((failure(why), calls));
                }
            }
        } else {
            None
        };
        let exhibit = Exhibit {
            conversation: &case.messages,
            output,
            expected: case.expected.as_ref(),
            reference: reference.as_deref(),
        };
        let questions = match judge.questions(&exhibit) {
            Ok(q) => q,
            Err(why) => return Err((failure(why), calls)),
        };
        let m = judge
            .model()
            .expect("the suite loader resolves every judge's model");
        let answers =
            futures_util::future::join_all(questions.iter().map(|q| ask(job, shared, m, q))).await;
        let mut problem = None;
        let mut replies = Vec::new();
        for (q, answer) in questions.iter().zip(answers) {
            let Some((c, key)) = answer else {
                problem
                    .get_or_insert_with(|| "the budget cannot cover the judge's call".to_string());
                continue;
            };
            let verdict = match &c.completion.error {
                Some(f) => {
                    problem.get_or_insert_with(|| {
                        format!("the judge failed ({}): {}", f.class.as_str(), f.message)
                    });
                    None
                }
                None => match judge.read(q.order, &c.completion.text) {
                    Ok(v) => Some(v),
                    Err(why) => {
                        problem.get_or_insert(why);
                        None
                    }
                },
            };
            if let Some(v) = verdict {
                replies.push((c.completion.text.clone(), v));
            }
            calls.push(JudgeCall {
                scorer: position,
                model: m,
                order: q.order,
                repeat: q.repeat,
                cache_key: key,
                verdict,
                cost_usd: c.cost_usd + c.failure_cost_usd,
                cached: c.cached,
                completion: c.completion,
            });
        }
        if let Some(why) = problem {
            return Err((failure(why), calls));
        }
        let replies: Vec<_> = replies.iter().map(|(t, v)| (t.as_str(), *v)).collect();
        scores.push(judge.score(&replies));
    }
    Ok((scores, calls))
}

/// Asks judge model `m` one question: its reply and the call's cache key,
/// or `None` when the budget can never cover it.
async fn ask(job: &Job, shared: &Shared, m: usize, q: &Question) -> Option<(Call, String)> {
    let model = &job.suite.models[m];
    let max_tokens = model.max_tokens.unwrap_or(DEFAULT_MAX_TOKENS);
    let mut req = request(model, q.messages.clone(), max_tokens, None);
    // Asked again, a seeded judge samples anew, as a trial's repeats do.
    if let Some(seed) = model.seed.filter(|_| q.repeat > 0) {
        req.seed = Some(seed.wrapping_add(u64::from(q.repeat)));
    }
    let key = cache_key(&job.plan.identities[m], &req, q.repeat);
    let worst = job.worst_case(m, &req, &key);
    let (permits, reserved) = admit(job, shared, m, worst).await?;
    let answer = call(job, shared, m, &req, &key, reserved).await;
    drop(permits);
    Some((answer, key))
}

/// A judging failure of the trial.
fn failure(message: impl Into<String>) -> Failure {
    Failure::new(ErrorClass::Judge, message)
}
