//! [`SuiteError`] and [`Diagnostic`]: what is wrong with a suite, and where.

use super::locate::{Lines, Locator, Pos};
use sizeup_reports::table::escape;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

static AT_LINE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r" at line (\d+) column (\d+)").expect("valid pattern"));

/// Bytes of a file shown on each side of an error's location.
const EXCERPT_BYTES: usize = 2_000;

/// A problem at one place in one file: a suite, a models catalog or a cases file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// Its whole text, so the error can show the line; what a terminal
    /// would act on is masked, byte for byte.
    pub text: Arc<str>,
    /// Where in it.
    pub pos: Pos,
    /// The field, as a path (`tasks[0].scorers[1].type`), or empty.
    pub field: String,
    /// What is wrong, as a lowercase fragment.
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: ",
            escape(&self.file.display().to_string()),
            self.pos.line,
            self.pos.column
        )?;
        if !self.field.is_empty() {
            write!(f, "{}: ", escape(&self.field))?;
        }
        f.write_str(&escape(&self.message))
    }
}

/// `text` as an excerpt may show it: each character a terminal would act
/// on or hide ([`escape`]'s) replaced by as many `?` as it has bytes, so
/// that every byte offset into the text still holds. A carriage return
/// before a line feed stays: it ends the lines of files written on
/// Windows; alone, it would let a line overwrite itself.
fn shown(text: &Arc<str>) -> Arc<str> {
    let hidden = |c: char, next: Option<char>| {
        sizeup_reports::table::is_hidden(c) && !(c == '\r' && next == Some('\n'))
    };
    let mut chars = text.chars().peekable();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    while let Some(c) = chars.next() {
        if hidden(c, chars.peek().copied()) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
            changed = true;
        } else {
            out.push(c);
        }
    }
    match changed {
        true => Arc::from(out),
        false => text.clone(),
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.hint
            .as_ref()
            .map(|h| Box::new(escape(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let label = if self.field.is_empty() {
            "here".to_string()
        } else {
            escape(&self.field).into_owned()
        };
        let start = self.pos.offset.min(self.text.len());
        let rest = &self.text[start..];
        let rest = &rest[..floor_boundary(rest, EXCERPT_BYTES)];
        let len = rest
            .find(['\n', ',', ']', '}'])
            .unwrap_or(rest.len())
            .min(rest.find(": ").unwrap_or(rest.len()));
        Some(Box::new(std::iter::once(miette::LabeledSpan::at(
            start..start + len.max(usize::from(!rest.is_empty())),
            label,
        ))))
    }
}

impl miette::SourceCode for Diagnostic {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        // Only a window around the span is shown: a file of one 50 MB line
        // must not be drawn whole.
        let text = &*self.text;
        let start = floor_boundary(text, span.offset().saturating_sub(EXCERPT_BYTES));
        let mut end = (span.offset() + span.len() + EXCERPT_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let window = &text[start..end];
        let inner_span = miette::SourceSpan::new(
            (span.offset().clamp(start, end) - start).into(),
            span.len().min(end - span.offset().clamp(start, end)),
        );
        let inner = window.read_span(&inner_span, context_lines_before, context_lines_after)?;
        // Lines and columns count from the start of the file, not of the window.
        let before = &text[..start];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = if inner.line() == 0 {
            before[line_start..].chars().count() + inner.column()
        } else {
            inner.column()
        };
        let data_start = inner.span().offset();
        Ok(Box::new(miette::MietteSpanContents::new_named(
            escape(&self.file.display().to_string()).into_owned(),
            &text.as_bytes()[start + data_start..start + data_start + inner.span().len()],
            miette::SourceSpan::new((start + data_start).into(), inner.span().len()),
            line + inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Why a suite could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SuiteError {
    /// A file could not be read.
    #[error("failed to read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A path that is not a text file sizeup can read.
    #[error("{} {what}", path.display())]
    File {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        what: String,
    },
    /// A file was read but is wrong somewhere.
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
}

/// A file being checked: its name, text and positions, for building diagnostics.
pub(crate) struct Source {
    pub file: PathBuf,
    pub text: Arc<str>,
    pub locator: Locator,
    lines: Lines,
}

impl Source {
    /// A YAML file: its positions indexed by path, its shape checked on
    /// the way (see [`super::guard`]).
    pub fn new(file: &Path, text: &str) -> Result<Self, SuiteError> {
        let plain = Self::plain(file, text);
        match Locator::new(text) {
            Ok(locator) => Ok(Self { locator, ..plain }),
            Err(r) => Err(plain.error(
                plain.pos(r.line, r.column),
                "",
                r.message,
                Some(r.hint.into()),
            )),
        }
    }

    /// A file that is not YAML (a cases file): positions by line only.
    pub fn plain(file: &Path, text: &str) -> Self {
        Self {
            file: file.to_path_buf(),
            text: Arc::from(text),
            locator: Locator::default(),
            lines: Lines::new(text),
        }
    }

    /// The position of a 1-based line and column.
    pub fn pos(&self, line: usize, column: usize) -> Pos {
        self.lines.pos(&self.text, line, column)
    }

    /// An error at the value of `field`.
    pub fn at(&self, field: &str, message: impl Into<String>) -> SuiteError {
        self.error(self.locator.nearest(field), field, message, None)
    }

    /// An error at the value of `field`, with a hint.
    pub fn hint(
        &self,
        field: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> SuiteError {
        self.error(
            self.locator.nearest(field),
            field,
            message,
            Some(hint.into()),
        )
    }

    /// An error at the value of `field` that must not show the value, which
    /// may be a secret pasted by mistake: the excerpt masks it.
    pub fn secret(
        &self,
        field: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> SuiteError {
        let pos = self.locator.nearest(field);
        let start = pos.offset.min(self.text.len());
        let len = self.text[start..]
            .find(['\n', '#'])
            .unwrap_or(self.text.len() - start);
        let mut masked = self.text.to_string();
        masked.replace_range(start..start + len, &"*".repeat(len));
        let mut err = self.error(pos, field, message, Some(hint.into()));
        if let SuiteError::Invalid(d) = &mut err {
            d.text = shown(&Arc::from(masked.as_str()));
        }
        err
    }

    /// A located note about `field` that is not an error: the suite is valid.
    pub fn note(
        &self,
        field: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: self.file.clone(),
            text: shown(&self.text),
            pos: self.locator.nearest(field),
            field: field.to_string(),
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// An error at an explicit position.
    pub fn error(
        &self,
        pos: Pos,
        field: &str,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> SuiteError {
        SuiteError::Invalid(Box::new(Diagnostic {
            file: self.file.clone(),
            text: shown(&self.text),
            pos,
            field: field.to_string(),
            message: message.into(),
            hint,
        }))
    }

    /// Turns a `yaml_serde` error into a diagnostic at its position, pointing
    /// at the offending key for unknown fields.
    pub fn yaml_error(&self, err: &yaml_serde::Error) -> SuiteError {
        // libyaml appends " at line L column C" to the problem and to its
        // context ("while scanning a quoted scalar at line 9 column 13"); the
        // context's mark is where the broken construct starts.
        let full = err.to_string();
        let marks: Vec<(usize, usize, usize, usize)> = AT_LINE
            .captures_iter(&full)
            .filter_map(|c| {
                let m = c.get(0)?;
                Some((m.start(), m.end(), c[1].parse().ok()?, c[2].parse().ok()?))
            })
            .collect();
        let mut text = String::new();
        let mut last = 0;
        for (start, end, ..) in &marks {
            text.push_str(&full[last..*start]);
            last = *end;
        }
        text.push_str(&full[last..]);
        let context = (marks.len() > 1)
            .then(|| marks[marks.len() - 1])
            .map(|(.., l, c)| self.pos(l, c));
        let text = text.as_str();
        let (field, message) = match text.split_once(": ") {
            Some((path, rest)) if is_path(path) => (path.to_string(), rest.to_string()),
            _ => (String::new(), text.to_string()),
        };
        let mut pos = context
            .or_else(|| err.location().map(|l| self.pos(l.line(), l.column())))
            .unwrap_or_else(|| self.locator.nearest(&field));
        let mut field = field;
        let mut hint = None;
        if let Some(name) = message
            .strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
        {
            let full = if field.is_empty() {
                name.to_string()
            } else {
                format!("{field}.{name}")
            };
            if let Some(p) = self.locator.key(&full) {
                pos = p;
            }
            if let Some(expected) = message.split_once(", expected ").map(|(_, e)| e) {
                hint = suggest(name, expected);
            }
            field = full;
        } else if let Some(name) = message
            .strip_prefix("unknown variant `")
            .and_then(|r| r.split('`').next())
        {
            if let Some(expected) = message.split_once(", expected ").map(|(_, e)| e) {
                hint = suggest(name, expected);
            }
        }
        self.error(pos, &field, message, hint)
    }
}

fn is_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']' | '?'))
}

/// "did you mean" from serde's list of expected names (`` `a`, `b` or `c` ``).
fn suggest(given: &str, expected: &str) -> Option<String> {
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let best = names
        .iter()
        .map(|n| (edit_distance(given, n), *n))
        .min()
        .filter(|(d, _)| *d <= 2.max(given.len() / 3))?;
    Some(format!("did you mean `{}`?", best.1))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// "did you mean" among known names.
pub(crate) fn closest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|n| (edit_distance(given, n), n))
        .min()
        .filter(|(d, _)| *d <= 2.max(given.len() / 3))
        .map(|(_, n)| format!("did you mean `{n}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_pick_the_nearest_name() {
        assert_eq!(
            suggest("promt", "`id`, `prompt` or `system`").as_deref(),
            Some("did you mean `prompt`?")
        );
        assert_eq!(suggest("zzzzzz", "`id`, `prompt`"), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
