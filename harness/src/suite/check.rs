//! Range checks shared by the suite's defaults, its models and its tasks.

use super::error::{Source, SuiteError};
use super::model::MAX_CONCURRENCY;
use super::spec::DurationSpec;
use std::collections::hash_map::{Entry, HashMap};
use unicode_normalization::UnicodeNormalization;

/// Checks an id (of a task, a model or a case): not empty, and only
/// characters a terminal shows as themselves, since ids are printed in
/// tables, progress lines and messages. `what` is `task`, `model` or `case`.
pub(super) fn id_problem(what: &str, id: &str) -> Option<String> {
    if id.trim().is_empty() {
        return Some(format!("a {what} id cannot be empty"));
    }
    let (i, c) = id
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() || sizeup_reports::table::is_hidden(c))?;
    let kind = if c.is_control() {
        "a control character"
    } else {
        "an invisible or bidirectional formatting character"
    };
    Some(format!(
        "the {what} id has U+{:04X}, {kind}, at character {} of the id: ids must be printable",
        u32::from(c),
        i + 1
    ))
}

/// The ids of one kind seen so far. Two ids are compared in Unicode's
/// composed form (NFC): `café` as one code point and as `e` with a
/// combining accent look the same everywhere they are shown, so they are
/// the same id.
#[derive(Default)]
pub(super) struct Ids(HashMap<String, String>);

impl Ids {
    /// Adds `id`, or says which id it repeats; `what` is `task`, `model` or `case`.
    pub fn insert(&mut self, what: &str, id: &str) -> Result<(), String> {
        match self.0.entry(id.nfc().collect()) {
            Entry::Vacant(slot) => {
                slot.insert(id.to_string());
                Ok(())
            }
            Entry::Occupied(earlier) if earlier.get() == id => {
                Err(format!("duplicate {what} id `{id}`"))
            }
            Entry::Occupied(earlier) => Err(format!(
                "duplicate {what} id `{id}`: the same text as `{}` in another Unicode form",
                earlier.get()
            )),
        }
    }
}

/// `v` must be a finite number in `lo..=hi`.
pub(super) fn check_range(
    src: &Source,
    field: &str,
    v: f64,
    lo: f64,
    hi: f64,
) -> Result<(), SuiteError> {
    if v.is_finite() && (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(src.at(field, format!("{v} is out of range: expected {lo} to {hi}")))
    }
}

/// Trials in flight at once: at least 1, at most [`MAX_CONCURRENCY`].
pub(super) fn check_concurrency(src: &Source, field: &str, c: usize) -> Result<(), SuiteError> {
    if (1..=MAX_CONCURRENCY).contains(&c) {
        return Ok(());
    }
    Err(src.at(
        field,
        format!("concurrency must be from 1 to {MAX_CONCURRENCY}, not {c}"),
    ))
}

/// `max_tokens`, `timeout` and `max_response_bytes` under `at` (`defaults`,
/// `models[0].params`): none of them may be zero, which no request could meet.
pub(super) fn check_limits(
    src: &Source,
    at: &str,
    max_tokens: Option<u32>,
    timeout: Option<DurationSpec>,
    max_response_bytes: Option<u64>,
) -> Result<(), SuiteError> {
    if max_tokens == Some(0) {
        return Err(src.at(&format!("{at}.max_tokens"), "max_tokens must be at least 1"));
    }
    if timeout.is_some_and(|t| t.0.is_zero()) {
        return Err(src.at(&format!("{at}.timeout"), "a timeout must be longer than 0"));
    }
    if max_response_bytes == Some(0) {
        return Err(src.at(
            &format!("{at}.max_response_bytes"),
            "max_response_bytes must be at least 1",
        ));
    }
    Ok(())
}

/// `top_k` and `repetition_penalty` under `at` (`defaults`, `models[0].params`).
pub(super) fn check_sampling(
    src: &Source,
    at: &str,
    top_k: Option<u32>,
    penalty: Option<f64>,
) -> Result<(), SuiteError> {
    if top_k == Some(0) {
        return Err(src.at(&format!("{at}.top_k"), "top_k must be at least 1"));
    }
    if let Some(p) = penalty {
        if !(p.is_finite() && p > 0.0 && p <= 10.0) {
            return Err(src.hint(
                &format!("{at}.repetition_penalty"),
                format!("{p} is out of range: expected above 0, at most 10"),
                "1 leaves the logits alone; values from 1.05 to 1.3 are usual",
            ));
        }
    }
    Ok(())
}
