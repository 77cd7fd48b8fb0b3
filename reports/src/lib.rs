//! Renderers of a [`ReportModel`]: the plain, serializable view of one run.
//!
//! This crate knows nothing about runners, suites or SQLite: the harness
//! builds a [`ReportModel`] from its store and hands it here. Each output
//! format lives in its own module.

pub mod baseline;
mod chart;
pub mod format;
pub mod html;
pub mod json;
pub mod judges;
pub mod junit;
pub mod litellm;
pub mod markdown;
mod model;
mod output;
#[cfg(any(test, feature = "sample"))]
pub mod sample;
mod summary;
pub mod table;
mod trend;
mod xy;

pub use model::{
    Agreement, Bar, Capacity, CapacityLevel, Cell, Change, Comparison, CostBasis, Economics,
    EconomicsInputs, ErrorCount, Finding, Flip, HistoryPoint, HistoryRun, Interval, JudgeKind,
    JudgeMeasure, LoadKind, Metric, Miss, ModelInfo, Outcome, Percentiles, Portfolio, Projection,
    QualityMeasure, ReportModel, Role, RunInfo, RunStatus, ScoreRecord, Shift, SinceBaseline,
    TaskInfo, Thresholds, TrialRecord, Verdict, DEFAULT_MARGIN, FORMAT_VERSION, HOURS_PER_MONTH,
};
pub use output::{output, Output, OUTPUTS};

/// A failure to render.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The model could not be serialized.
    #[error("failed to serialize the report")]
    Serialize(#[source] serde_json::Error),
    /// The LiteLLM configuration could not be written as YAML.
    #[error("failed to write the LiteLLM configuration: {0}")]
    Yaml(String),
    /// A template failed to compile or to render.
    #[error("failed to render the report template")]
    Template(#[source] minijinja::Error),
    /// The JUnit XML could not be written.
    #[error("failed to write the JUnit XML")]
    Junit(#[source] quick_junit::SerializeError),
}
