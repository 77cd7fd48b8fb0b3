//! `sizeup models list` and `sizeup models fetch`.

use super::{chain, message, print, CliError};
use crate::cli::ModelsCommand;
use crate::fetch::{self, DOWNLOADS};
use std::process::ExitCode;

pub fn models(command: ModelsCommand) -> Result<ExitCode, CliError> {
    match command {
        ModelsCommand::List => {
            let mut out = String::new();
            for d in DOWNLOADS {
                let default = if d.default {
                    " (fetched by default)"
                } else {
                    ""
                };
                out.push_str(&format!("{:<20} {}{default}\n", d.id, d.about));
            }
            print(&out);
        }
        ModelsCommand::Fetch(args) => {
            let chosen = if args.all {
                DOWNLOADS.iter().collect()
            } else if args.ids.is_empty() {
                DOWNLOADS.iter().filter(|d| d.default).collect()
            } else {
                args.ids
                    .iter()
                    .map(|id| fetch::find(id))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| CliError::input(message(e.to_string())))?
            };
            for d in chosen {
                let (path, downloaded) = fetch::fetch(d, &args.dir, &args.python)
                    .map_err(|e| CliError::incomplete(message(chain(&e))))?;
                let what = if downloaded {
                    "fetched"
                } else {
                    "already there"
                };
                print(&format!("{}: {what} ({})\n", d.id, path.display()));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
