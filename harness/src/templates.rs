//! The one way a template of a suite (a prompt, a system message, an
//! expected answer, a judge's question) is compiled and rendered.
//!
//! Suites come from other people, so a rendering is bounded in time (fuel:
//! a number of instructions) and in what it builds: the rendered text stops
//! at a [`Bound`], and the filters that make text much larger than their
//! input (`join`, `replace`, `indent`) refuse before building more than
//! that. minijinja itself caps a repeated string (`'x' * n`) at 100 MB.

use minijinja::value::{Kwargs, Rest, StringInput};
use minijinja::{Environment, Error, ErrorKind, State, Template, UndefinedBehavior, Value};
use serde::Serialize;

/// Instructions one rendering may run: a real prompt needs a few thousand;
/// a runaway loop (`{% for a in 'x' * 10000 %}` nested) stops here with an
/// error instead of running for hours.
pub const FUEL: u64 = 5_000_000;

/// The most bytes one rendering may produce, or one filter build, and the
/// setting that says so.
#[derive(Debug, Clone, Copy)]
pub struct Bound {
    /// The bytes.
    pub bytes: usize,
    /// Where the bound is set, for the message that names it.
    pub setting: &'static str,
}

impl Bound {
    /// The error of a rendering that would pass the bound.
    fn passed(self, what: &str) -> Error {
        Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "{what} would be larger than {} bytes ({})",
                self.bytes, self.setting
            ),
        )
    }
}

/// An environment with strict undefined variables, fuel, and the filters
/// bounded by `bound`.
pub fn environment(bound: Bound) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env.add_filter(
        "join",
        move |state: &State, value: &Value, joiner: Option<StringInput<'_>>| {
            join(bound, state, value, joiner)
        },
    );
    env.add_filter(
        "replace",
        move |state: &State, value: StringInput<'_>, from: StringInput<'_>, to: StringInput<'_>| {
            replace(bound, state, value, from, to)
        },
    );
    env.add_filter(
        "batch",
        move |state: &State, value: Value, count: usize, fill: Option<Value>| {
            within(bound, count, "the batches")?;
            minijinja::filters::batch(state, value, count, fill)
        },
    );
    env.add_filter(
        "slice",
        move |state: &State, value: Value, count: usize, fill: Option<Value>| {
            within(bound, count, "the slices")?;
            minijinja::filters::slice(state, value, count, fill)
        },
    );
    env.add_filter("list", move |value: Value| list(bound, value));
    env.add_filter(
        "format",
        move |state: &State, format: &Value, args: Rest<Value>| {
            let widths = format
                .as_str()
                .unwrap_or_default()
                .split(|c: char| !c.is_ascii_digit());
            for digits in widths.filter(|d| !d.is_empty()) {
                within(
                    bound,
                    digits.parse().unwrap_or(usize::MAX),
                    "the formatted text",
                )?;
            }
            minijinja::filters::format(state, format, args)
        },
    );
    env.add_filter(
        "tojson",
        move |value: &Value, indent: Option<Value>, kwargs: Kwargs| {
            let width = indent
                .clone()
                .or(kwargs.get::<Option<Value>>("indent")?)
                .and_then(|i| i.as_usize())
                .unwrap_or(0);
            within(
                bound,
                width.saturating_mul(value.len().unwrap_or(1)),
                "the JSON text",
            )?;
            minijinja::filters::tojson(value, indent, kwargs)
        },
    );
    env.add_filter(
        "indent",
        move |value: StringInput<'_>,
              width: Option<usize>,
              first: Option<bool>,
              blank: Option<bool>,
              kwargs: Kwargs| indent(bound, value, width, first, blank, kwargs),
    );
    env
}

/// Refuses the template blocks whose text minijinja builds whole, outside
/// the bound on what a rendering writes: a block `set`, `filter`, `macro`
/// and `call`. Prompts need none of them; their text can be written out.
pub fn check(source: &str) -> Result<(), String> {
    static BLOCKS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\{%[-+]?\s*(filter|macro|call|set\s+[A-Za-z_][\w\s,]*[-+]?%\})")
            .expect("valid pattern")
    });
    match BLOCKS.captures(source) {
        Some(c) => {
            let word = c[1].split_whitespace().next().unwrap_or_default();
            let word = if word == "set" {
                "set … %}…{% endset"
            } else {
                word
            };
            Err(format!(
                "`{{% {word} %}}` blocks are not taken in suite templates: minijinja builds their text whole, outside the bound on a rendering; write the text out, or use `{{% set name = … %}}`"
            ))
        }
        None => Ok(()),
    }
}

/// Renders `template` with `context`, stopping as soon as the text passes
/// `bound`.
pub fn render(template: &Template, context: impl Serialize, bound: Bound) -> Result<String, Error> {
    let mut out = Bounded {
        bytes: Vec::new(),
        limit: bound.bytes,
    };
    // The buffer is the only writer, and it fails only at the bound.
    template
        .render_captured_to(context, &mut out)
        .map(drop)
        .map_err(|e| match e.kind() {
            ErrorKind::WriteFailure => bound.passed("the rendered text"),
            _ => e,
        })?;
    // minijinja writes whole strs, and a refused write adds nothing.
    String::from_utf8(out.bytes)
        .map_err(|_| Error::new(ErrorKind::BadSerialization, "invalid UTF-8"))
}

/// A buffer that refuses a write that would take it past `limit` bytes.
struct Bounded {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            return Err(std::io::Error::other("the rendering limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Refuses a size (a count, a width) that alone passes the bound.
fn within(bound: Bound, size: usize, what: &str) -> Result<(), Error> {
    match size > bound.bytes {
        true => Err(bound.passed(what)),
        false => Ok(()),
    }
}

/// `list`, refused past as many items as the bound has bytes.
fn list(bound: Bound, value: Value) -> Result<Value, Error> {
    let items: Vec<Value> = value.try_iter()?.take(bound.bytes + 1).collect();
    within(bound, items.len(), "the list")?;
    Ok(Value::from(items))
}

/// `join`, refused when the joined text would pass the bound.
fn join(
    bound: Bound,
    state: &State,
    value: &Value,
    joiner: Option<StringInput<'_>>,
) -> Result<Value, Error> {
    let between = joiner.as_ref().map_or(0, |j| j.as_str().len());
    let mut size = 0usize;
    if let Ok(items) = value.try_iter() {
        for (i, item) in items.enumerate() {
            let len = item
                .as_str()
                .map_or_else(|| item.to_string().len(), str::len);
            size = size
                .saturating_add(len)
                .saturating_add(if i > 0 { between } else { 0 });
            if size > bound.bytes {
                return Err(bound.passed("the joined text"));
            }
        }
    }
    minijinja::filters::join(state, value, joiner)
}

/// `replace`, refused when the replaced text would pass the bound.
fn replace(
    bound: Bound,
    state: &State,
    value: StringInput<'_>,
    from: StringInput<'_>,
    to: StringInput<'_>,
) -> Result<Value, Error> {
    let (text, old, new) = (value.as_str(), from.as_str(), to.as_str());
    if new.len() > old.len() {
        // An empty pattern matches between every two characters.
        let matches = if old.is_empty() {
            text.chars().count() + 1
        } else {
            text.matches(old).count()
        };
        let size = matches
            .saturating_mul(new.len() - old.len())
            .saturating_add(text.len());
        if size > bound.bytes {
            return Err(bound.passed("the replaced text"));
        }
    }
    minijinja::filters::replace(state, value, from, to)
}

/// `indent`, refused when the indented text would pass the bound.
fn indent(
    bound: Bound,
    value: StringInput<'_>,
    width: Option<usize>,
    first: Option<bool>,
    blank: Option<bool>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let width = match width {
        Some(w) => w,
        // minijinja's own default.
        None => kwargs.get::<Option<usize>>("width")?.unwrap_or(4),
    };
    let lines = value.as_str().lines().count() + 1;
    if lines
        .saturating_mul(width)
        .saturating_add(value.as_str().len())
        > bound.bytes
    {
        return Err(bound.passed("the indented text"));
    }
    minijinja::filters::indent(value, Some(width), first, blank, kwargs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUND: Bound = Bound {
        bytes: 4 << 20,
        setting: "max_prompt_bytes",
    };

    fn rendered(source: &str) -> Result<String, String> {
        let mut env = environment(BOUND);
        env.add_template_owned("t", source.to_string()).unwrap();
        let tpl = env.get_template("t").unwrap();
        render(&tpl, minijinja::context! { text => "a\nb" }, BOUND).map_err(|e| e.to_string())
    }

    #[test]
    fn the_bounded_filters_keep_their_meaning() {
        assert_eq!(rendered("{{ [1, 'x', 2]|join('-') }}").unwrap(), "1-x-2");
        assert_eq!(rendered("{{ range(3)|join }}").unwrap(), "012");
        assert_eq!(
            rendered("{{ 'abcb'|replace('b', 'XY') }}").unwrap(),
            "aXYcXY"
        );
        assert_eq!(rendered("{{ text|indent(2) }}").unwrap(), "a\n  b");
        assert_eq!(rendered("{{ text|indent }}").unwrap(), "a\n    b");
        assert_eq!(
            rendered("{{ [1, 2, 3]|batch(2)|list|length }}").unwrap(),
            "2"
        );
        assert_eq!(rendered("{{ 'ab'|list|join('-') }}").unwrap(), "a-b");
        assert_eq!(rendered("{{ '%5s|'|format('x') }}").unwrap(), "    x|");
        assert_eq!(
            rendered("{{ {'a': 1}|tojson(indent=2) }}").unwrap(),
            "{\n  \"a\": 1\n}"
        );
        assert_eq!(
            rendered("{{ text|indent(width=1, first=true) }}").unwrap(),
            " a\n b"
        );
    }

    #[test]
    fn blocks_that_build_text_whole_are_refused() {
        for source in [
            "{% set x %}{{ q }}{% endset %}",
            "{%- set a, b -%}x{% endset %}",
            "{% filter upper %}x{% endfilter %}",
            "{% macro m() %}x{% endmacro %}",
            "{% call m() %}x{% endcall %}",
        ] {
            assert!(check(source).is_err(), "{source}");
        }
        for source in [
            "{% set x = 1 %}{{ x }}",
            "{% for s in settings %}{{ s }}{% endfor %}",
        ] {
            assert_eq!(check(source), Ok(()), "{source}");
        }
    }

    #[test]
    fn nothing_builds_past_the_bound() {
        for (source, what) in [
            ("{{ range(10000)|join('x' * 100000) }}", "the joined text"),
            (
                "{{ ('x' * 1000000)|replace('x', 'yyyyy') }}",
                "the replaced text",
            ),
            ("{{ ('\\n' * 100000)|indent(100) }}", "the indented text"),
            (
                "{% for i in range(100) %}{{ 'x' * 100000 }}{% endfor %}",
                "the rendered text",
            ),
            ("{{ [1]|batch(1000000000000) }}", "the batches"),
            ("{{ [1]|slice(1000000000000) }}", "the slices"),
            ("{{ ([1] * 10000000000)|list|length }}", "the list"),
            ("{{ '%1000000000000s'|format('x') }}", "the formatted text"),
            ("{{ [1, 2]|tojson(indent=100000000) }}", "the JSON text"),
        ] {
            let err = rendered(source).unwrap_err();
            assert!(
                err.contains(&format!(
                    "{what} would be larger than 4194304 bytes (max_prompt_bytes)"
                )),
                "{source}: {err}"
            );
        }
        // Just under the bound renders.
        let most = format!("{{{{ 'x' * {} }}}}", BOUND.bytes);
        assert_eq!(rendered(&most).unwrap().len(), BOUND.bytes);
    }
}
