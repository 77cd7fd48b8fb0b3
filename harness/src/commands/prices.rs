//! `sizeup prices import`: LiteLLM's price map into a price book.

use super::{message, print, CliError};
use crate::cli::{ImportArgs, PricesCommand};
use crate::suite::prices::{from_litellm, litellm_providers};
use crate::suite::PriceBook;
use std::process::ExitCode;

pub fn prices(command: PricesCommand) -> Result<ExitCode, CliError> {
    match command {
        PricesCommand::Import(args) => import(args),
    }
}

fn import(args: ImportArgs) -> Result<ExitCode, CliError> {
    let text = std::fs::read_to_string(&args.file).map_err(|e| {
        CliError::input(message(format!(
            "failed to read {}: {e}",
            args.file.display()
        )))
    })?;
    if let Some(bad) = args
        .providers
        .iter()
        .find(|p| !litellm_providers().any(|known| known == p.as_str()))
    {
        return Err(CliError::input(message(format!(
            "--provider {bad}: LiteLLM prices can be imported for {}",
            litellm_providers().collect::<Vec<_>>().join(", ")
        ))));
    }
    let as_of = args
        .as_of
        .unwrap_or_else(|| crate::time::now_rfc3339()[..10].to_string());
    let source = args.source.unwrap_or_else(|| {
        let name = args.file.file_name().unwrap_or_default().to_string_lossy();
        format!("LiteLLM {name}")
    });
    let entries = from_litellm(&text, &args.providers, &as_of, &source).map_err(|e| {
        CliError::input(message(format!(
            "{}:{}:{}: not LiteLLM's price map: {e}",
            args.file.display(),
            e.line(),
            e.column()
        )))
    })?;
    let mut book = if args.output.exists() {
        PriceBook::load(&args.output)?
    } else {
        PriceBook::default()
    };
    let count = entries.len();
    book.merge(entries);
    // The result must read back before it replaces anything.
    let yaml = book.to_yaml();
    let tmp = args.output.with_extension("yaml.tmp");
    std::fs::write(&tmp, &yaml)
        .and_then(|()| std::fs::rename(&tmp, &args.output))
        .map_err(|e| {
            CliError::incomplete(message(format!(
                "failed to write {}: {e}",
                args.output.display()
            )))
        })?;
    PriceBook::load(&args.output)?;
    print(&format!(
        "{}: {count} models imported from {} · {} in all\n",
        args.output.display(),
        args.file.display(),
        book.entries().len()
    ));
    Ok(ExitCode::SUCCESS)
}
