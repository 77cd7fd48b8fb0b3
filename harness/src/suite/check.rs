//! Range checks shared by the suite's defaults, its models and its tasks.

use super::error::{Source, SuiteError};

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
