//! The `sizeup` command.

use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Diagnostics wrap to the terminal; in logs and pipes each stays on its
    // own lines so that it can be searched.
    if !std::io::stderr().is_terminal() {
        let _ = miette::set_hook(Box::new(|_| {
            Box::new(miette::MietteHandlerOpts::new().width(1000).build())
        }));
    }
    let cli = match sizeup::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap exits 2 for usage errors; help and version are successes.
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    match sizeup::commands::dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{:?}", e.report);
            ExitCode::from(e.code)
        }
    }
}
