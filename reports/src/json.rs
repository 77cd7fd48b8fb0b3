//! The JSON export: the [`ReportModel`] itself, pretty-printed.

use crate::{RenderError, ReportModel};

/// Renders the report as pretty JSON with a trailing newline.
pub fn render(report: &ReportModel) -> Result<String, RenderError> {
    let mut out = serde_json::to_string_pretty(report).map_err(RenderError::Serialize)?;
    out.push('\n');
    Ok(out)
}
