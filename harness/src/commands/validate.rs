//! `sizeup validate`: load and plan suites without calling a model.

use super::{price_book, print, warn, CliError};
use crate::cli::ValidateArgs;
use crate::plan::{Plan, Selection};
use crate::suite;
use std::process::ExitCode;

pub fn validate(args: ValidateArgs) -> Result<ExitCode, CliError> {
    let prices = price_book(args.prices.prices.as_deref())?;
    for path in &args.suites {
        let suite = suite::load(path, args.models.as_deref(), &prices)?;
        warn(&suite);
        let plan = Plan::new(&suite, &Selection::default(), &[])
            .map_err(|e| CliError::input(super::message(format!("{}: {e}", path.display()))))?;
        let cases: usize = suite.tasks.iter().map(|t| t.cases.len()).sum();
        print(&format!(
            "{}: ok · {} tasks · {} cases · {} models · {} trials\n",
            path.display(),
            suite.tasks.len(),
            cases,
            suite.models.len(),
            plan.trials.len()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
