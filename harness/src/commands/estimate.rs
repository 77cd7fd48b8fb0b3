//! `sizeup estimate`: tokens and dollars before any are spent.

use super::{message, price_book, print, warn, CliError};
use crate::cli::EstimateArgs;
use crate::estimate::{estimate as rows, Row};
use crate::plan::{Plan, Selection};
use crate::suite;
use std::process::ExitCode;

const HEADERS: [&str; 9] = [
    "task",
    "model",
    "counted with",
    "trials",
    "tok in",
    "tok out",
    "cost $",
    "worst $",
    "per month $",
];

pub fn estimate(args: EstimateArgs) -> Result<ExitCode, CliError> {
    let prices = price_book(args.prices.prices.as_deref())?;
    let suite = suite::load(&args.suite, args.models.as_deref(), &prices)?;
    warn(&suite);
    let selection = Selection {
        tasks: args.select.tasks,
        models: args.select.model_ids,
        limit: args.select.limit,
        repeats: args.select.repeats,
    };
    let plan =
        Plan::new(&suite, &selection, &[]).map_err(|e| CliError::input(message(e.to_string())))?;
    let rows = rows(&suite, &plan);
    let table: Vec<Vec<String>> = rows.iter().map(line).collect();
    let total: f64 = rows.iter().map(|r| r.cost_usd).sum();
    let worst: f64 = rows.iter().map(|r| r.worst_usd).sum();
    let mut out = format!(
        "suite {} · {} trials · expected ${total:.4} · at most ${worst:.4}\n",
        sizeup_reports::table::escape(&suite.name),
        plan.trials.len()
    );
    out.push_str(&sizeup_reports::table::aligned(&HEADERS, &table, 3));
    out.push_str(
        "output tokens: the expected answer's where a case has one, else max_tokens · \
         worst: every prompt byte a token, max_tokens out, hourly models busy for the whole timeout · \
         hourly-priced models: cost comes from measured speed, see `sizeup run`\n",
    );
    print(&out);
    Ok(ExitCode::SUCCESS)
}

fn line(r: &Row) -> Vec<String> {
    let money = |v: f64| format!("{v:.4}");
    vec![
        r.task.clone(),
        r.model.clone(),
        r.method.clone(),
        r.trials.to_string(),
        r.input_tokens.to_string(),
        r.output_tokens.to_string(),
        if r.hourly {
            "hourly".into()
        } else {
            money(r.cost_usd)
        },
        money(r.worst_usd),
        r.monthly_usd
            .map_or_else(|| "-".into(), |m| format!("{m:.2}")),
    ]
}
