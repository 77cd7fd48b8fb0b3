//! What a task holds its results to beside its bars: the figure its quality
//! is measured by ([`QualityMeasure`]) and the changes against a baseline
//! run that count as regressions ([`Thresholds`]). The report has its own
//! copies, filled from these once, in `analysis`.

use serde::{Deserialize, Serialize};

/// The figure a task's quality bars hold a model to.
///
/// Partial credit (a query scoring 0.67 for the right tables but the wrong
/// rows) adds up to a mean quality that no correct answer backs, so tasks
/// whose answers are right or wrong are held to their pass rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualityMeasure {
    /// The share of cases whose answer passed every scorer.
    PassRate,
    /// The mean of the trials' weighted scores, partial credit included.
    Mean,
}

impl QualityMeasure {
    /// The measure of runs recorded before tasks named one: mean quality.
    pub fn legacy() -> Self {
        Self::Mean
    }

    /// Its name in suite files and the store: `pass_rate`, `mean`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PassRate => "pass_rate",
            Self::Mean => "mean",
        }
    }

    /// The name [`Self::as_str`] gives, read back.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pass_rate" => Some(Self::PassRate),
            "mean" => Some(Self::Mean),
            _ => None,
        }
    }
}

/// What counts as a regression of one task against a baseline run (and,
/// the other way, as an improvement).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// A drop of mean quality of at least this many points (0.05 = five),
    /// whose 95% interval lies wholly below zero.
    pub quality: f64,
    /// A rise of p95 latency (end-to-end or to the first token) by at least
    /// this share (0.25 = 25%) …
    pub latency: f64,
    /// … and by at least this many milliseconds.
    pub latency_ms: f64,
    /// A rise of the cost per request by at least this share.
    pub cost: f64,
    /// A rise of the error rate by at least this many points (0.02 = two).
    pub error_rate: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            quality: 0.05,
            latency: 0.25,
            latency_ms: 50.0,
            cost: 0.10,
            error_rate: 0.02,
        }
    }
}
