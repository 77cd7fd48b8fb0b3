//! [`Shape`]: a YAML file's shape bounded before anything is built from it.
//!
//! Two shapes make a small file cost gigabytes: nesting thousands of levels
//! deep (a path per node, as the positions index keeps them, grows with the
//! square of the depth), and aliases that repeat a large anchored node
//! (3,000 aliases of a 1 MiB string deserialize to 3 GB). The positions
//! index's one pass over the parser's events shows each event here first,
//! which holds no more than a size per open node and per anchor and refuses
//! both at the place they start, before the deserializer reads the file.

use saphyr_parser::{Event, ScanError, Span};
use std::collections::HashMap;

/// The deepest nesting of collections read: real suites use fewer than
/// ten levels, and the YAML deserializer itself stops at 128.
pub const MAX_DEPTH: usize = 128;

/// Bytes counted for each node besides its text: about what a parsed node
/// takes in memory, so that an alias of many small values counts too.
const NODE_BYTES: u64 = 128;

/// What aliases may add to a file, as a multiple of its size…
const EXPANSION_FACTOR: u64 = 64;
/// …but never less than this (a short file may alias its defaults freely)…
const MIN_EXPANSION: u64 = 1 << 20;
/// …nor more than this, whatever the file's size.
const MAX_EXPANSION: u64 = 256 << 20;

/// The most bytes aliases may add to a file of `len` bytes.
pub fn expansion_budget(len: usize) -> u64 {
    (len as u64)
        .saturating_mul(EXPANSION_FACTOR)
        .clamp(MIN_EXPANSION, MAX_EXPANSION)
}

/// Where a YAML text passes a bound, and what to say of it.
#[derive(Debug)]
pub struct Refusal {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do instead.
    pub hint: &'static str,
}

/// A YAML document's shape so far, as the parser's events arrive: a size
/// per open collection and per anchor, and what aliases have added.
pub struct Shape {
    budget: u64,
    /// Per open collection: its size so far and its anchor.
    open: Vec<(u64, usize)>,
    anchors: HashMap<usize, u64>,
    expanded: u64,
}

impl Shape {
    /// Nothing read yet of a text of `len` bytes.
    pub fn new(len: usize) -> Self {
        Self {
            budget: expansion_budget(len),
            open: Vec::new(),
            anchors: HashMap::new(),
            expanded: 0,
        }
    }

    /// Takes the next event: refused when it nests too deep, or is an
    /// alias that takes the expansion past its budget.
    pub fn event(&mut self, event: &Event<'_>, span: &Span) -> Result<(), Refusal> {
        let at = (span.start.line(), span.start.col() + 1);
        let done = match event {
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.open.len() == MAX_DEPTH {
                    return Err(too_deep(at));
                }
                self.open.push((NODE_BYTES, *anchor));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => self.open.pop(),
            Event::Scalar(text, _, anchor, _) => Some((NODE_BYTES + text.len() as u64, *anchor)),
            Event::Alias(id) => {
                let size = self.anchors.get(id).copied().unwrap_or(0);
                self.expanded = self.expanded.saturating_add(size);
                if self.expanded > self.budget {
                    return Err(Refusal {
                        line: at.0,
                        column: at.1,
                        message: format!(
                            "the aliases of this file expand to more than {} bytes ({EXPANSION_FACTOR} times the file's size, at least {MIN_EXPANSION} and at most {MAX_EXPANSION}); this alias passes it",
                            self.budget
                        ),
                        hint: "repeat large values through a template variable or a cases file instead of YAML aliases",
                    });
                }
                Some((size, 0))
            }
            _ => None,
        };
        if let Some((size, anchor)) = done {
            if anchor != 0 {
                self.anchors.insert(anchor, size);
            }
            if let Some((parent, _)) = self.open.last_mut() {
                *parent = parent.saturating_add(size);
            }
        }
        Ok(())
    }

    /// What to make of the parser stopping at `e` in `text`. Syntax errors
    /// are left to the deserializer, which reports them in its own words;
    /// but the parser stops at 255 levels of flow collections (`[[[…`),
    /// which is too deep as well, and past a point it cannot follow it
    /// cannot count aliases either, so a file that uses them is refused.
    pub fn stopped(&self, e: &ScanError, text: &str) -> Result<(), Refusal> {
        let at = (e.marker().line(), e.marker().col() + 1);
        if e.info() == "recursion limit exceeded" {
            return Err(too_deep(at));
        }
        if self.expanded > 0 || uses_aliases(&text[offset(text, e.marker())..]) {
            return Err(Refusal {
                line: at.0,
                column: at.1,
                message: format!(
                    "the file uses YAML aliases, and from here on it cannot be read to count what they expand to: {}",
                    e.info()
                ),
                hint: "fix the syntax here, or write the values out instead of aliasing them",
            });
        }
        Ok(())
    }
}

/// The refusal of a collection that opens at `(line, column)` too deep.
fn too_deep((line, column): (usize, usize)) -> Refusal {
    Refusal {
        line,
        column,
        message: format!("the document nests deeper than {MAX_DEPTH} levels"),
        hint: "a suite needs a few levels; flatten the structure",
    }
}

/// The byte offset of a parser position (it counts characters).
fn offset(text: &str, at: &saphyr_parser::Marker) -> usize {
    text.char_indices()
        .nth(at.index())
        .map_or(text.len(), |(i, _)| i)
}

/// Whether `text` may hold an alias (`*name` where a value starts).
fn uses_aliases(text: &str) -> bool {
    text.match_indices('*').any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        before.is_none_or(|c| c.is_whitespace() || "[{,:-".contains(c))
            && after.is_some_and(|c| !c.is_whitespace() && !",]}".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> Option<String> {
        crate::suite::locate::Locator::new(text)
            .err()
            .map(|r| format!("s.yaml:{}:{}: {}", r.line, r.column, r.message))
    }

    #[test]
    fn nesting_is_bounded_block_and_flow() {
        let block = |depth: usize| {
            (0..depth)
                .map(|i| format!("{}- ", "  ".repeat(i)))
                .collect::<Vec<_>>()
                .join("\n")
                + "x\n"
        };
        assert_eq!(message(&block(MAX_DEPTH)), None);
        let err = message(&block(MAX_DEPTH + 1)).unwrap();
        assert!(
            err.starts_with("s.yaml:129:257: the document nests deeper than 128 levels"),
            "{err}"
        );
        let flow = |depth: usize| format!("a: {}1{}\n", "[".repeat(depth), "]".repeat(depth));
        let err = message(&flow(200)).unwrap();
        assert!(
            err.starts_with("s.yaml:1:131: the document nests deeper"),
            "{err}"
        );
        // Past 255 levels the parser stops on its own, and says so.
        let err = message(&flow(50_000)).unwrap();
        assert!(err.contains(": the document nests deeper"), "{err}");
    }

    #[test]
    fn aliases_count_what_they_expand_to() {
        // Aliases of a 64 KiB string: 60 stay under 64 times the file's
        // size, 70 pass it.
        let big = "x".repeat(64 << 10);
        let doc = |n: usize| format!("a: &big {big}\nb: [{}]\n", vec!["*big"; n].join(", "));
        assert_eq!(message(&doc(60)), None);
        let err = message(&doc(70)).unwrap();
        let budget = expansion_budget(doc(70).len());
        assert!(err.starts_with("s.yaml:2:"), "{err}");
        assert!(
            err.contains(&format!("expand to more than {budget} bytes")),
            "{err}"
        );
        // Where the parser stops, a file with aliases is refused rather
        // than passed on uncounted; one without them is left to the
        // deserializer's own message.
        let broken = "a: &x [1]\nb: @reserved\nc: [*x, *x]\n";
        let err = message(broken).unwrap();
        assert!(
            err.starts_with("s.yaml:2:4: the file uses YAML aliases"),
            "{err}"
        );
        assert_eq!(message("a: [1]\nb: @reserved\nc: 2 * 3\n"), None);
        // Nested anchors multiply: nine levels of ten aliases each.
        let mut laughs = String::from("l0: &l0 [lol]\n");
        for i in 1..10 {
            let refs = vec![format!("*l{}", i - 1); 10].join(", ");
            laughs.push_str(&format!("l{i}: &l{i} [{refs}]\n"));
        }
        assert!(message(&laughs).unwrap().contains("expand to more than"));
    }
}
