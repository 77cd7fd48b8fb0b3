//! Reading cases from `.jsonl` and `.csv` files, each case with its line.

use super::error::{Source, SuiteError};
use super::locate::Pos;
use serde_json::{Map, Value};
use std::path::Path;

/// One case as read, with where it starts in its file.
pub struct RawCase {
    /// Its fields.
    pub fields: Map<String, Value>,
    /// Its position in the file it came from.
    pub pos: Pos,
}

/// Reads a cases file; the format follows the extension.
pub fn read(path: &Path, shown: &Path) -> Result<(Source, Vec<RawCase>), SuiteError> {
    let text = super::file::read_text(path)?;
    let src = Source::plain(shown, &text);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let cases =
        match ext.as_str() {
            "jsonl" | "ndjson" => read_jsonl(&src)?,
            "csv" => read_csv(&src)?,
            _ => return Err(src.error(
                src.pos(1, 1),
                "",
                format!("unsupported cases file extension `.{ext}`"),
                Some(
                    "use a .jsonl file (one JSON object per line) or a .csv file with a header row"
                        .into(),
                ),
            )),
        };
    Ok((src, cases))
}

fn read_jsonl(src: &Source) -> Result<Vec<RawCase>, SuiteError> {
    let mut cases = Vec::new();
    for (i, line) in src.text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let pos = src.pos(i + 1, 1);
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(fields)) => cases.push(RawCase { fields, pos }),
            Ok(_) => {
                return Err(src.error(pos, "", "each line must be a JSON object", None));
            }
            Err(e) => {
                return Err(src.error(
                    src.pos(i + 1, e.column().max(1)),
                    "",
                    format!("invalid JSON: {e}"),
                    None,
                ));
            }
        }
    }
    Ok(cases)
}

fn read_csv(src: &Source) -> Result<Vec<RawCase>, SuiteError> {
    let mut reader = csv::ReaderBuilder::new().from_reader(src.text.as_bytes());
    let csv_error = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        src.error(src.pos(line, 1), "", format!("invalid CSV: {e}"), None)
    };
    let headers = reader.headers().map_err(csv_error)?.clone();
    let mut cases = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(1, |p| p.line() as usize);
        let fields = headers
            .iter()
            .zip(record.iter())
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect();
        cases.push(RawCase {
            fields,
            pos: src.pos(line, 1),
        });
    }
    Ok(cases)
}
