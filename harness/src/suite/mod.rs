//! Suites: loading a YAML file into a validated [`Suite`].
//!
//! [`load`] is the one entry point. It deserializes the file (and the models
//! catalog, if any) into `…Spec` types, then checks everything that can be
//! checked without calling a model: files exist, templates compile, every
//! case renders, scorers are well-formed, model ids resolve, rate limits can
//! serve every request. Every error names the file, line, column and field.
//!
//! One file per job: [`model`] holds the validated types, `load` the entry
//! point, `resolve` the models, `task` the tasks and their cases, `limits`
//! the rate-limit check, [`spec`] what files deserialize into (a scorer's in
//! `crate::scorers::ScorerSpec`), `measures` a task's quality measure and regression
//! thresholds, `cases` the cases files, `error` and `locate` the diagnostics,
//! [`prices`] the price book. What each provider accepts comes from
//! `sizeup_runners::Provider`.

mod cases;
mod check;
mod error;
mod file;
mod guard;
mod limits;
mod load;
mod locate;
mod measures;
pub mod model;
pub mod prices;
mod resolve;
pub mod spec;
mod task;
mod warnings;

pub use error::{Diagnostic, SuiteError};
pub use load::load;
pub use measures::{QualityMeasure, Thresholds};
pub use model::{
    Case, Cost, Model, ReasoningSettings, Suite, Task, DEFAULT_MAX_TOKENS, MAX_CONCURRENCY,
};
pub use prices::{PriceBook, PriceEntry};
pub use sizeup_runners::Provider;
