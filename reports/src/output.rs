//! [`Output`]: what an output format is, and [`OUTPUTS`], the one list of
//! them that `export --format`, `run --json/--html/…` and `--help` read.
//! A new format is a file implementing [`Output`] and a line in the list.

use crate::{RenderError, ReportModel};

/// One output format: a report rendered as the text of one file.
pub trait Output: Sync {
    /// Its name: the value of `export --format` and, where a run writes
    /// it, the flag of `run` and `compare` (`--html FILE`).
    fn name(&self) -> &'static str;

    /// What `export --help` says of it.
    fn about(&self) -> &'static str;

    /// What `run --help` says of its flag; `None` when only `export`
    /// writes it.
    fn run_flag(&self) -> Option<&'static str>;

    /// Whether it shows every trial, so that they must be read first.
    fn needs_trials(&self) -> bool {
        false
    }

    /// The report as this format writes it.
    fn render(&self, report: &ReportModel) -> Result<String, RenderError>;
}

impl std::fmt::Debug for dyn Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Every output format, in the order `--help` lists them.
pub static OUTPUTS: [&dyn Output; 5] = [
    &crate::json::Json,
    &crate::html::Html,
    &crate::markdown::Markdown,
    &crate::junit::Junit,
    &crate::litellm::Litellm,
];

/// The format called `name`.
pub fn output(name: &str) -> Option<&'static dyn Output> {
    OUTPUTS.iter().copied().find(|o| o.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_own_name_and_renders() {
        let report = crate::sample::report();
        for (i, o) in OUTPUTS.iter().enumerate() {
            assert!(OUTPUTS[..i]
                .iter()
                .all(|earlier| earlier.name() != o.name()));
            assert_eq!(output(o.name()).map(|f| f.name()), Some(o.name()));
            assert!(!o.render(&report).unwrap().is_empty(), "{}", o.name());
        }
        assert!(output("pdf").is_none());
    }
}
