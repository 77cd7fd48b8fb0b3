//! sizeup: does this task need a frontier model?
//!
//! The flow, one way: [`suite`] (YAML → validated [`suite::Suite`]) →
//! [`plan`] (trials with stable ids) → [`engine`] (concurrent execution
//! through `sizeup_runners`) → [`scorers`] → [`sinks`] ([`store`],
//! progress) → [`analysis`] → `sizeup_reports`. Beside it, [`capacity`]
//! sweeps load against one model and stores what each level measured.

pub mod analysis;
pub mod budget;
pub mod capacity;
pub mod cli;
pub mod commands;
pub mod cost;
pub mod digest;
pub mod engine;
pub mod estimate;
pub mod events;
pub mod fetch;
pub mod percentiles;
pub mod plan;
pub mod providers;
pub mod scorers;
pub mod sinks;
pub mod store;
pub mod suite;
pub mod templates;
pub mod time;
pub mod tokens;
