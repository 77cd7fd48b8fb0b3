//! Judges' calls in the store: each question a judge was asked about a
//! trial's answer, its reply, the verdict read from it and its cost, so
//! judging is paid for once (the replies are a cache) and the judge can be
//! measured from any stored run.

use super::trials::finish_reason;
use super::{Store, StoreError};
use crate::scorers::judge::{Order, Verdict};
use rusqlite::params;
use sizeup_runners::{Completion, Timing, Usage};
use std::collections::HashMap;

/// One judge call to store.
#[derive(Debug)]
pub struct NewJudgeCall<'a> {
    /// The judged trial.
    pub trial_id: &'a str,
    /// Position of the judged scorer in the task.
    pub scorer: usize,
    /// The judging model's id.
    pub judge: &'a str,
    /// How the answers were placed.
    pub question: Order,
    /// Which asking of the same question, from 0.
    pub repeat: u32,
    /// The hash of the judge's request and identity.
    pub cache_key: &'a str,
    /// The judge's reply.
    pub completion: &'a Completion,
    /// The verdict read from it, when one could be.
    pub verdict: Option<Verdict>,
    /// Money spent on it.
    pub cost_usd: f64,
    /// Reused from the cache.
    pub cached: bool,
}

/// One stored judge call, with the trial it judged.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgeCallRow {
    /// The judged trial's task.
    pub task: String,
    /// The judged trial's model.
    pub model: String,
    /// The judged trial.
    pub trial_id: String,
    /// Position of the judged scorer in the task.
    pub scorer: usize,
    /// The judging model's id.
    pub judge: String,
    /// How the answers were placed.
    pub question: Order,
    /// Which asking of the same question.
    pub repeat: u32,
    /// The verdict, when one was read.
    pub verdict: Option<Verdict>,
    /// Money spent on it.
    pub cost_usd: f64,
}

impl Store {
    /// Stores the judges' calls about `trials`, replacing the calls an
    /// earlier attempt at the same trials made.
    pub fn insert_judge_calls(
        &mut self,
        run_id: &str,
        trials: &[&str],
        calls: &[NewJudgeCall<'_>],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = move |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(&e)?;
        {
            let mut clear = tx
                .prepare_cached("DELETE FROM judge_calls WHERE run_id = ?1 AND trial_id = ?2")
                .map_err(&e)?;
            for t in trials {
                clear.execute(params![run_id, t]).map_err(&e)?;
            }
            let mut insert = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO judge_calls (run_id, trial_id, scorer, judge, question,
                     repeat, cache_key, text, finish_reason, input_tokens, output_tokens, ttft_us,
                     total_us, error_class, error_message, verdict, cost_usd, cached)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18)",
                )
                .map_err(&e)?;
            for c in calls {
                let done = c.completion;
                let failure = done.error.as_ref();
                insert
                    .execute(params![
                        run_id,
                        c.trial_id,
                        c.scorer,
                        c.judge,
                        c.question.as_str(),
                        c.repeat,
                        c.cache_key,
                        done.text,
                        done.finish.as_str(),
                        done.usage.input_tokens,
                        done.usage.output_tokens,
                        done.timing.ttft_us,
                        done.timing.total_us,
                        failure.map(|f| f.class.as_str()),
                        failure.map(|f| f.message.as_str()),
                        c.verdict.map(|v| v.label()),
                        c.cost_usd,
                        c.cached
                    ])
                    .map_err(&e)?;
            }
        }
        tx.commit().map_err(&e)
    }

    /// Judges' replies that gave a verdict, in runs of suite `suite`, by
    /// cache key (the newest for each): a judge asked the same question
    /// again is answered from here.
    pub fn judge_cache(&self, suite: &str) -> Result<HashMap<String, Completion>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT j.cache_key, j.text, j.finish_reason, j.input_tokens, j.output_tokens,
                 j.ttft_us, j.total_us
                 FROM judge_calls j JOIN runs r ON r.id = j.run_id
                 WHERE r.suite = ?1 AND j.error_class IS NULL AND j.verdict IS NOT NULL
                 ORDER BY j.rowid",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([suite], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Completion {
                        text: r.get(1)?,
                        finish: finish_reason(&r.get::<_, String>(2)?),
                        usage: Usage {
                            input_tokens: r.get(3)?,
                            output_tokens: r.get(4)?,
                            ..Usage::default()
                        },
                        timing: Timing {
                            ttft_us: r.get(5)?,
                            total_us: r.get(6)?,
                            gaps_us: Vec::new(),
                        },
                        error: None,
                        attempts: 0,
                        retried_usage: Usage::default(),
                    },
                ))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Every judge call of a run, in plan order of the trials they judged.
    pub fn judge_calls(&self, run_id: &str) -> Result<Vec<JudgeCallRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT t.task, t.model, j.trial_id, j.scorer, j.judge, j.question, j.repeat,
                 j.verdict, j.cost_usd
                 FROM judge_calls j JOIN trials t ON t.run_id = j.run_id AND t.id = j.trial_id
                 WHERE j.run_id = ?1
                 ORDER BY t.seq, j.scorer, j.question, j.repeat",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([run_id], |r| {
                // Written from the enums' own names, so another text is a
                // damaged row, not a value to guess at.
                let unreadable = |column: usize| {
                    rusqlite::Error::InvalidColumnType(
                        column,
                        "an unknown name".into(),
                        rusqlite::types::Type::Text,
                    )
                };
                let question: String = r.get(5)?;
                let verdict: Option<String> = r.get(7)?;
                Ok(JudgeCallRow {
                    task: r.get(0)?,
                    model: r.get(1)?,
                    trial_id: r.get(2)?,
                    scorer: r.get(3)?,
                    judge: r.get(4)?,
                    question: Order::parse(&question).ok_or_else(|| unreadable(5))?,
                    repeat: r.get(6)?,
                    verdict: verdict
                        .map(|v| Verdict::parse(&v).ok_or_else(|| unreadable(7)))
                        .transpose()?,
                    cost_usd: r.get(8)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }
}
