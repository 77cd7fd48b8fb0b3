//! The subcommands, each returning an exit code or a [`CliError`].

mod capacity;
mod compare;
mod estimate;
mod merge;
mod models;
mod prices;
mod report;
mod run;
mod validate;

use crate::cli::{Cli, Command};
use crate::suite::PriceBook;
use std::io::Write;
use std::process::ExitCode;

/// A failed command: a diagnostic and the exit code that goes with it.
pub struct CliError {
    /// 2 for bad input or usage, 3 when a run could not complete.
    pub code: u8,
    /// What to tell the user.
    pub report: miette::Report,
}

impl CliError {
    /// Bad input or usage: exit code 2.
    pub fn input(report: impl Into<miette::Report>) -> Self {
        Self {
            code: 2,
            report: report.into(),
        }
    }

    /// The run could not complete: exit code 3.
    pub fn incomplete(report: impl Into<miette::Report>) -> Self {
        Self {
            code: 3,
            report: report.into(),
        }
    }
}

impl From<crate::suite::SuiteError> for CliError {
    fn from(e: crate::suite::SuiteError) -> Self {
        match e {
            crate::suite::SuiteError::Invalid(d) => Self::input(miette::Report::new(*d)),
            other => Self::input(message(chain(&other))),
        }
    }
}

/// An error and its causes on one line.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A plain error message as a report, escaped for the terminal: it may
/// quote a path, an id or a provider's answer.
pub fn message(text: impl Into<String>) -> miette::Report {
    let text = text.into();
    let text = sizeup_reports::table::escape(&text).into_owned();
    miette::Report::new(miette::MietteDiagnostic::new(text))
}

/// Writes to standard output; a closed pipe (`sizeup show | head`) is not an error.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Writes a suite's warnings to standard error, each with its place and hint.
pub fn warn(suite: &crate::suite::Suite) {
    let mut err = std::io::stderr().lock();
    for w in &suite.warnings {
        let hint = w.hint.as_deref().map_or(String::new(), |h| {
            format!("\n  help: {}", sizeup_reports::table::escape(h))
        });
        let _ = writeln!(err, "warning: {w}{hint}");
    }
}

/// The price book `--prices` names, or the built-in one.
pub fn price_book(path: Option<&std::path::Path>) -> Result<PriceBook, CliError> {
    Ok(match path {
        Some(path) => PriceBook::load(path)?,
        None => PriceBook::built_in(),
    })
}

/// Runs one command.
pub fn dispatch(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Validate(args) => validate::validate(args),
        Command::Estimate(args) => estimate::estimate(args),
        Command::Prices(command) => prices::prices(command),
        Command::Runs(args) => report::runs(args),
        Command::Show(args) => report::show(args),
        Command::Export(args) => report::export(args),
        Command::Compare(args) => compare::compare(args),
        Command::Capacity(args) => capacity::capacity(args),
        Command::Merge(args) => merge::merge(args),
        Command::Models(command) => models::models(command),
    }
}
