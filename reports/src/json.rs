//! The JSON export: the [`ReportModel`] itself, pretty-printed, and the
//! JSON Schema it follows (`reports/schema/report.schema.json`, derived from
//! the types and checked in, so a consumer can validate an export).

use crate::{RenderError, ReportModel};

/// The json format.
pub struct Json;

impl crate::Output for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn about(&self) -> &'static str {
        "The versioned JSON report (see README)"
    }

    fn run_flag(&self) -> Option<&'static str> {
        Some("Also write the JSON export to FILE")
    }

    fn needs_trials(&self) -> bool {
        true
    }

    fn render(&self, report: &ReportModel) -> Result<String, RenderError> {
        render(report)
    }
}

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(report: &ReportModel) -> Result<String, RenderError> {
    let mut out = serde_json::to_string_pretty(report).map_err(RenderError::Serialize)?;
    out.push('\n');
    Ok(out)
}

/// The JSON Schema of the export, pretty-printed with a trailing newline.
pub fn schema() -> String {
    let schema = schemars::schema_for!(ReportModel);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checked-in schema is the one the types give; `SIZEUP_BLESS=1`
    /// rewrites it after a deliberate change of the format.
    #[test]
    fn the_checked_in_schema_matches_the_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/report.schema.json");
        if std::env::var_os("SIZEUP_BLESS").is_some() {
            std::fs::write(path, schema()).unwrap();
        }
        let stored = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            stored == schema(),
            "{path} is out of date: bump FORMAT_VERSION if the format changed, then rerun with SIZEUP_BLESS=1"
        );
    }
}
