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
            eprintln!(
                "{}",
                redact_keys(&format!("{:?}", e.report), std::env::vars())
            );
            ExitCode::from(e.code)
        }
    }
}

/// `text` without the value of any variable of `env` whose name says it
/// holds a secret (`…KEY`, `…TOKEN`, `…SECRET`, `…PASSWORD`): an error
/// may quote a file that happens to hold one (a case file that is an
/// environment dump, a copied configuration), and errors end up in CI logs.
fn redact_keys(text: &str, env: impl Iterator<Item = (String, String)>) -> String {
    const SECRET_NAMES: [&str; 4] = ["KEY", "TOKEN", "SECRET", "PASSWORD"];
    let mut out = text.to_string();
    for (name, value) in env {
        let secret = SECRET_NAMES
            .iter()
            .any(|s| name.to_ascii_uppercase().ends_with(s));
        // Short values (a flag, a port) would redact ordinary words.
        if secret && value.len() >= 8 && out.contains(&value) {
            out = out.replace(&value, "[redacted]");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::redact_keys;

    #[test]
    fn values_of_secret_variables_are_redacted() {
        let env = [
            ("OPENAI_API_KEY", "sk-live-0123456789"),
            ("GH_TOKEN", "ghp_abcdefgh"),
            ("HOME", "/home/ops"),
            ("SHORT_KEY", "abc"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()));
        let text =
            "line 1: OPENAI_API_KEY=sk-live-0123456789 GH_TOKEN=ghp_abcdefgh HOME=/home/ops abc";
        assert_eq!(
            redact_keys(text, env.into_iter()),
            "line 1: OPENAI_API_KEY=[redacted] GH_TOKEN=[redacted] HOME=/home/ops abc"
        );
    }
}
