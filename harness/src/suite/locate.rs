//! Where each node of a YAML document starts, by path.
//!
//! Deserialization forgets positions, but validation after it still has to
//! point into the file. [`Locator`] walks the document once and remembers the
//! position of every key and value under the same path syntax that
//! `yaml_serde` uses in its errors (`tasks[0].scorers[1].type`).

use super::guard::{Refusal, Shape};
use saphyr_parser::{Event, Parser};
use std::collections::HashMap;

/// A position in the source: 1-based line and column, and a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// Byte offset in the source.
    pub offset: usize,
}

impl Pos {
    /// The position of a 1-based line and column in `source`. It reads
    /// `source` from the start: to place many positions in one text, use
    /// [`Lines`].
    pub fn at(source: &str, line: usize, column: usize) -> Self {
        Lines::new(source).pos(source, line, column)
    }
}

/// Where each line of a text starts, so that a position is found by
/// reading its own line only: placing every case of a large file stays
/// linear in the file's size.
#[derive(Debug, Default)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The position of a 1-based line and column in `text`, the text indexed.
    pub fn pos(&self, text: &str, line: usize, column: usize) -> Pos {
        let line_start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        let offset = text[line_start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| line_start + i);
        Pos {
            line,
            column,
            offset,
        }
    }
}

/// Positions of the keys and values of one YAML document.
#[derive(Debug, Default)]
pub struct Locator {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

impl Locator {
    /// Indexes `source` up to where it stops parsing, each event shown to
    /// a [`Shape`] first: refused when the document nests too deep or its
    /// aliases expand too far.
    pub fn new(source: &str) -> Result<Self, Refusal> {
        let mut locator = Self::default();
        let mut shape = Shape::new(source.len());
        let mut stack: Vec<Frame> = Vec::new();
        // Events come in the order of the text: the byte offset of each is
        // found from the previous one's, not from the start.
        let mut cursor = (0usize, 0usize);
        for item in Parser::new_from_str(source) {
            let (event, span) = match item {
                Ok(item) => item,
                Err(e) => {
                    shape.stopped(&e, source)?;
                    break;
                }
            };
            shape.event(&event, &span)?;
            let char_index = span.start.index();
            if char_index < cursor.0 {
                cursor = (0, 0);
            }
            let offset = source[cursor.1..]
                .char_indices()
                .nth(char_index - cursor.0)
                .map_or(source.len(), |(i, _)| cursor.1 + i);
            cursor = (char_index, offset);
            let pos = Pos {
                line: span.start.line(),
                column: span.start.col() + 1,
                offset,
            };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map { path, key }) = stack.last_mut() {
                        if key.is_none() {
                            let full = join(path, &value);
                            locator.keys.insert(full, pos);
                            *key = Some(value.into_owned());
                            continue;
                        }
                    }
                    let path = locator.enter(&mut stack, pos);
                    locator.values.entry(path).or_insert(pos);
                }
                Event::MappingStart(..) => {
                    let path = locator.enter(&mut stack, pos);
                    stack.push(Frame::Map { path, key: None });
                }
                Event::SequenceStart(..) => {
                    let path = locator.enter(&mut stack, pos);
                    stack.push(Frame::Seq { path, index: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::Alias(_) => {
                    locator.enter(&mut stack, pos);
                }
                _ => {}
            }
        }
        Ok(locator)
    }

    /// Computes the path of the value starting now and records its position.
    fn enter(&mut self, stack: &mut [Frame], pos: Pos) -> String {
        let path = match stack.last_mut() {
            None => String::new(),
            Some(Frame::Map { path, key }) => join(path, &key.take().unwrap_or_default()),
            Some(Frame::Seq { path, index }) => {
                *index += 1;
                format!("{path}[{}]", *index - 1)
            }
        };
        self.values.entry(path.clone()).or_insert(pos);
        path
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &str) -> Option<Pos> {
        self.values.get(path).copied()
    }

    /// Where the key of the entry at `path` starts, falling back to its value.
    pub fn key(&self, path: &str) -> Option<Pos> {
        self.keys.get(path).copied().or_else(|| self.value(path))
    }

    /// The nearest known position at `path` or above it.
    pub fn nearest(&self, path: &str) -> Pos {
        let mut path = path;
        loop {
            if let Some(pos) = self.value(path) {
                return pos;
            }
            match path.rfind(['.', '[']) {
                Some(i) => path = &path[..i],
                None => return self.value("").unwrap_or(Pos::at("", 1, 1)),
            }
        }
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "name: x\ntasks:\n  - id: a\n    scorers:\n      - type: exact\n      - {type: label, labels: [p, n]}\n";

    #[test]
    fn finds_values_and_keys_by_path() {
        let l = Locator::new(DOC).unwrap();
        let at = |line, column| Pos::at(DOC, line, column);
        assert_eq!(l.value("name"), Some(at(1, 7)));
        assert_eq!(l.key("name"), Some(at(1, 1)));
        assert_eq!(l.value("tasks[0].id"), Some(at(3, 9)));
        assert_eq!(l.value("tasks[0].scorers[0].type"), Some(at(5, 15)));
        assert_eq!(l.key("tasks[0].scorers[1].labels"), Some(at(6, 23)));
        assert_eq!(l.value("tasks[0].scorers[1].labels[1]"), Some(at(6, 35)));
        assert_eq!(l.nearest("tasks[0].scorers[1].missing"), at(6, 9));
    }

    #[test]
    fn offsets_count_bytes_of_multibyte_text() {
        let src = "a: é\nb: 1\n";
        let p = Pos::at(src, 2, 4);
        assert_eq!(&src[p.offset..p.offset + 1], "1");
    }
}
