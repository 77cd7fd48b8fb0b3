//! Renderers of a [`ReportModel`]: the plain, serializable view of one run.
//!
//! This crate knows nothing about runners, suites or SQLite: the harness
//! builds a [`ReportModel`] from its store and hands it here. Each output
//! format lives in its own module.

pub mod json;
mod model;
pub mod table;

pub use model::{
    Cell, Comparison, Interval, Miss, ModelInfo, Outcome, Percentiles, Portfolio, ReportModel,
    RunInfo, ScoreRecord, TaskInfo, TrialRecord, Verdict, FORMAT_VERSION,
};

/// A failure to render.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The model could not be serialized.
    #[error("failed to serialize the report")]
    Serialize(#[source] serde_json::Error),
}
