//! The judge phase of a trial: each judged scorer's questions about the
//! trial's answer put to its judge model through the engine's slots,
//! budget, cache and runners, and the replies read into scores.
//!
//! A pairwise judge waits for the reference's answer in [`References`].

use super::call::{admit, call, Call, Shared};
use super::Job;
use crate::events::JudgeCall;
use crate::plan::{cache_key, request};
use crate::scorers::judge::{Exhibit, Question};
use crate::scorers::Score;
use crate::suite::DEFAULT_MAX_TOKENS;
use sizeup_runners::{ErrorClass, Failure};

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
