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
                out.push_str(&format!("{:<20} {}\n", d.id, d.about));
            }
            print(&out);
        }
        ModelsCommand::Fetch(args) => {
            let chosen = if args.ids.is_empty() {
                DOWNLOADS.iter().collect()
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
