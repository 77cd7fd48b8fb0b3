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
        match serde_json::from_str::<Line>(line) {
            Ok(Line::Case(fields)) => cases.push(RawCase { fields, pos }),
            Ok(Line::Other) => {
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
    for (i, name) in headers.iter().enumerate() {
        if headers.iter().take(i).any(|earlier| earlier == name) {
            return Err(src.error(
                src.pos(1, 1),
                "",
                format!("the header names the column `{name}` twice"),
                Some("give each column its own name: a case would keep only the last".into()),
            ));
        }
    }
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

/// One line of a `.jsonl` file: a case (an object whose keys are all
/// different, in nested objects too: a repeated one is an error, not "the
/// last wins") or anything else.
enum Line {
    Case(Map<String, Value>),
    Other,
}

impl<'de> serde::Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Line;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Line, A::Error> {
                strict_map(map).map(Line::Case)
            }

            // Anything but an object is read whole, then refused by the caller.
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Line, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Line::Other)
            }

            fn visit_bool<E>(self, _: bool) -> Result<Line, E> {
                Ok(Line::Other)
            }

            fn visit_i64<E>(self, _: i64) -> Result<Line, E> {
                Ok(Line::Other)
            }

            fn visit_u64<E>(self, _: u64) -> Result<Line, E> {
                Ok(Line::Other)
            }

            fn visit_f64<E>(self, _: f64) -> Result<Line, E> {
                Ok(Line::Other)
            }

            fn visit_str<E>(self, _: &str) -> Result<Line, E> {
                Ok(Line::Other)
            }

            fn visit_unit<E>(self) -> Result<Line, E> {
                Ok(Line::Other)
            }
        }
        d.deserialize_any(Visit)
    }
}

/// The entries of a JSON object, each key once.
fn strict_map<'de, A: serde::de::MapAccess<'de>>(
    mut map: A,
) -> Result<Map<String, Value>, A::Error> {
    let mut fields = Map::new();
    while let Some((key, Strict(value))) = map.next_entry::<String, Strict>()? {
        if fields.contains_key(&key) {
            return Err(serde::de::Error::custom(format!(
                "the key `{key}` appears twice in one object of this case"
            )));
        }
        fields.insert(key, value);
    }
    Ok(fields)
}

/// A JSON value whose objects, at any depth, hold each key once.
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Strict;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Strict, A::Error> {
                strict_map(map).map(|m| Strict(Value::Object(m)))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Strict, A::Error> {
                let mut items = Vec::new();
                while let Some(Strict(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Strict(Value::Array(items)))
            }

            fn visit_bool<E>(self, v: bool) -> Result<Strict, E> {
                Ok(Strict(Value::Bool(v)))
            }

            fn visit_i64<E>(self, v: i64) -> Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }

            fn visit_u64<E>(self, v: u64) -> Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }

            fn visit_f64<E>(self, v: f64) -> Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }

            fn visit_str<E>(self, v: &str) -> Result<Strict, E> {
                Ok(Strict(Value::String(v.to_string())))
            }

            fn visit_string<E>(self, v: String) -> Result<Strict, E> {
                Ok(Strict(Value::String(v)))
            }

            fn visit_unit<E>(self) -> Result<Strict, E> {
                Ok(Strict(Value::Null))
            }
        }
        d.deserialize_any(Visit)
    }
}
