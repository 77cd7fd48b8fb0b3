//! Trials in the store: inserting finished ones in bursts, reading a run's
//! back in order, and the completions a resumed or cached run reuses.

use super::{NewTrial, ScoreRow, Store, StoreError, TrialRow};
use rusqlite::{params, OptionalExtension};
use sizeup_runners::{Completion, ErrorClass, FinishReason, Timing, Usage};
use std::collections::HashMap;

impl Store {
    /// Each trial of a run with the key of the request it sent: trial id →
    /// (task, model, cache key). The same trial id in two runs with another
    /// key means the request (prompt, parameters or model) changed.
    pub fn request_keys(
        &self,
        run_id: &str,
    ) -> Result<HashMap<String, (String, String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, task, model, cache_key FROM trials WHERE run_id = ?1")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([run_id], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The run's trials that finished without error: id → cache key.
    pub fn succeeded(&self, run_id: &str) -> Result<HashMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT t.id, t.cache_key FROM trials t
                 JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
                 WHERE t.run_id = ?1 AND c.error_class IS NULL",
            )
            .map_err(self.err())?;
        let ids = stmt
            .query_map([run_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err())?;
        ids.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The newest successful completion stored under each of `keys` (cache
    /// keys), from any run.
    pub fn cached(&self, keys: &[&str]) -> Result<HashMap<String, Completion>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.text, c.finish_reason, c.input_tokens, c.output_tokens,
                 c.cached_input_tokens, c.cache_write_tokens, c.reasoning_tokens,
                 c.usage_estimated, c.ttft_us, c.total_us, c.gaps_us
                 FROM trials t JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
                 WHERE t.cache_key = ?1 AND c.error_class IS NULL
                 ORDER BY t.rowid DESC LIMIT 1",
            )
            .map_err(self.err())?;
        let mut out = HashMap::new();
        for key in keys {
            let found = stmt
                .query_row([key], |r| {
                    let gaps: String = r.get(10)?;
                    Ok(Completion {
                        text: r.get(0)?,
                        finish: finish_reason(&r.get::<_, String>(1)?),
                        usage: usage(r, 2)?,
                        timing: Timing {
                            ttft_us: r.get(8)?,
                            total_us: r.get(9)?,
                            gaps_us: serde_json::from_str(&gaps).unwrap_or_default(),
                        },
                        error: None,
                        attempts: 0,
                        retried_usage: Usage::default(),
                    })
                })
                .optional()
                .map_err(self.err())?;
            if let Some(c) = found {
                out.insert(key.to_string(), c);
            }
        }
        Ok(out)
    }

    /// Stores finished trials in one transaction, replacing earlier failed
    /// attempts at the same trials in the same run.
    pub fn insert_trials(
        &mut self,
        run_id: &str,
        trials: &[NewTrial<'_>],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = move |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(&e)?;
        let now = crate::time::now_rfc3339();
        {
            let mut trial_stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO trials (run_id, id, seq, task, case_id, model, repeat,
                     request, expected, quality, passed, cost_usd, cached, attempts, finished_at,
                     cache_key, failure_cost_usd)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                     ?16, ?17)",
                )
                .map_err(&e)?;
            let mut completion_stmt = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO completions (run_id, trial_id, text, finish_reason,
                     input_tokens, output_tokens, cached_input_tokens, cache_write_tokens,
                     reasoning_tokens, usage_estimated, ttft_us, total_us, gaps_us, error_class,
                     error_message, http_status, retried_input_tokens, retried_output_tokens,
                     retried_usage_estimated)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19)",
                )
                .map_err(&e)?;
            let mut clear_stmt = tx
                .prepare_cached("DELETE FROM scores WHERE run_id = ?1 AND trial_id = ?2")
                .map_err(&e)?;
            let mut score_stmt = tx
                .prepare_cached(
                    "INSERT INTO scores (run_id, trial_id, position, scorer, weight, value, passed,
                     answer, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(&e)?;
            for t in trials {
                let c = t.completion;
                trial_stmt
                    .execute(params![
                        run_id,
                        t.id,
                        t.seq,
                        t.task,
                        t.case,
                        t.model,
                        t.repeat,
                        t.request,
                        t.expected,
                        t.quality,
                        t.passed,
                        t.cost_usd,
                        t.cached,
                        c.attempts,
                        now,
                        t.cache_key,
                        t.failure_cost_usd
                    ])
                    .map_err(&e)?;
                let failure = c.error.as_ref();
                completion_stmt
                    .execute(params![
                        run_id,
                        t.id,
                        c.text,
                        c.finish.as_str(),
                        c.usage.input_tokens,
                        c.usage.output_tokens,
                        c.usage.cached_input_tokens,
                        c.usage.cache_write_tokens,
                        c.usage.reasoning_tokens,
                        c.usage.estimated,
                        c.timing.ttft_us,
                        c.timing.total_us,
                        serde_json::to_string(&c.timing.gaps_us).unwrap_or_default(),
                        failure.map(|f| f.class.as_str()),
                        failure.map(|f| f.message.as_str()),
                        failure.and_then(|f| f.status),
                        c.retried_usage.input_tokens,
                        c.retried_usage.output_tokens,
                        c.retried_usage.estimated
                    ])
                    .map_err(&e)?;
                clear_stmt.execute(params![run_id, t.id]).map_err(&e)?;
                for (i, s) in t.scores.iter().enumerate() {
                    score_stmt
                        .execute(params![
                            run_id, t.id, i, s.scorer, s.weight, s.value, s.passed, s.answer,
                            s.reason
                        ])
                        .map_err(&e)?;
                }
            }
        }
        tx.commit().map_err(&e)
    }

    /// Calls `visit` with each stored trial of a run, in plan order, without
    /// holding them all in memory; scores and requests are read only when
    /// asked for (`details`).
    pub fn visit_trials(
        &self,
        run_id: &str,
        details: bool,
        mut visit: impl FnMut(TrialRow),
    ) -> Result<(), StoreError> {
        let mut scores: HashMap<String, Vec<ScoreRow>> = HashMap::new();
        if details {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT trial_id, scorer, weight, value, passed, answer, reason FROM scores
                     WHERE run_id = ?1 ORDER BY trial_id, position",
                )
                .map_err(self.err())?;
            let rows = stmt
                .query_map([run_id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        ScoreRow {
                            scorer: r.get(1)?,
                            weight: r.get(2)?,
                            value: r.get(3)?,
                            passed: r.get(4)?,
                            answer: r.get(5)?,
                            reason: r.get(6)?,
                        },
                    ))
                })
                .map_err(self.err())?;
            for row in rows {
                let (id, s) = row.map_err(self.err())?;
                scores.entry(id).or_default().push(s);
            }
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT t.id, t.task, t.case_id, t.model, t.repeat, c.text, t.expected,
                 c.error_class, c.error_message, c.finish_reason, t.quality, t.passed,
                 c.input_tokens, c.output_tokens, c.cached_input_tokens, c.cache_write_tokens,
                 c.reasoning_tokens, c.usage_estimated, c.ttft_us, c.total_us, t.attempts,
                 t.cached, t.cost_usd, t.failure_cost_usd, c.retried_input_tokens,
                 c.retried_output_tokens, c.retried_usage_estimated,
                 CASE WHEN ?2 THEN t.request END
                 FROM trials t JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
                 WHERE t.run_id = ?1 ORDER BY t.seq",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![run_id, details], |r| {
                let class: Option<String> = r.get(7)?;
                let row = TrialRow {
                    id: r.get(0)?,
                    task: r.get(1)?,
                    case: r.get(2)?,
                    model: r.get(3)?,
                    repeat: r.get(4)?,
                    request: r.get(27)?,
                    output: r.get(5)?,
                    expected: r.get(6)?,
                    error_class: None,
                    error_message: r.get(8)?,
                    finish: finish_reason(&r.get::<_, String>(9)?),
                    quality: r.get(10)?,
                    passed: r.get(11)?,
                    scores: Vec::new(),
                    usage: usage(r, 12)?,
                    ttft_us: r.get(18)?,
                    latency_us: r.get(19)?,
                    attempts: r.get(20)?,
                    cached: r.get(21)?,
                    cost_usd: r.get(22)?,
                    failure_cost_usd: r.get(23)?,
                    retried_usage: Usage {
                        input_tokens: r.get(24)?,
                        output_tokens: r.get(25)?,
                        estimated: r.get(26)?,
                        ..Usage::default()
                    },
                };
                Ok((row, class))
            })
            .map_err(self.err())?;
        for row in rows {
            let (mut t, class) = row.map_err(self.err())?;
            if let Some(class) = class {
                t.error_class =
                    Some(
                        ErrorClass::parse(&class).ok_or_else(|| StoreError::Corrupt {
                            run: run_id.to_string(),
                            what: format!("error class `{class}` in trial {}", t.id),
                        })?,
                    );
            }
            t.scores = scores.remove(&t.id).unwrap_or_default();
            visit(t);
        }
        Ok(())
    }
}

/// A completion's usage from six columns from `at`: input, output, cached
/// input, cache write and reasoning tokens, and whether they are estimates.
pub(super) fn usage(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Usage> {
    Ok(Usage {
        input_tokens: r.get(at)?,
        output_tokens: r.get(at + 1)?,
        cached_input_tokens: r.get(at + 2)?,
        cache_write_tokens: r.get(at + 3)?,
        reasoning_tokens: r.get(at + 4)?,
        estimated: r.get(at + 5)?,
    })
}

pub(super) fn finish_reason(name: &str) -> FinishReason {
    match name {
        "error" => FinishReason::Error,
        other => FinishReason::from_openai(other),
    }
}
