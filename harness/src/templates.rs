//! The one way a template of a suite (a prompt, a system message, an
//! expected answer, a judge's question) is compiled and rendered.
//!
//! Suites come from other people, so a rendering is bounded in time (fuel:
//! a number of instructions) and in what it builds: the rendered text stops
//! at [`MAX_RENDERED_BYTES`], and the filters that make text much larger
//! than their input (`join`, `replace`, `indent`) refuse before building
//! more than that. minijinja itself caps a repeated string (`'x' * n`) at
//! 100 MB.

use minijinja::value::{Kwargs, StringInput};
use minijinja::{Environment, Error, ErrorKind, State, Template, UndefinedBehavior, Value};
use serde::Serialize;

/// Instructions one rendering may run: a real prompt needs a few thousand;
/// a runaway loop (`{% for a in 'x' * 10000 %}` nested) stops here with an
/// error instead of running for hours.
pub const FUEL: u64 = 5_000_000;

/// The most bytes one rendering may produce, or one filter build: far
/// beyond any prompt a model takes (a million tokens is about 4 MB of
/// text only for the largest context windows), and small enough to hold.
pub const MAX_RENDERED_BYTES: usize = 4 << 20;

/// An environment with strict undefined variables, fuel, and the bounded
/// filters.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env.add_filter("join", join);
    env.add_filter("replace", replace);
    env.add_filter("indent", indent);
    env
}

/// Renders `template` with `context`, stopping as soon as the text passes
/// [`MAX_RENDERED_BYTES`].
pub fn render(template: &Template, context: impl Serialize) -> Result<String, Error> {
    let mut out = Bounded(Vec::new());
    // The buffer is the only writer, and it fails only at the bound.
    template
        .render_captured_to(context, &mut out)
        .map(drop)
        .map_err(|e| match e.kind() {
            ErrorKind::WriteFailure => too_large("the rendered text"),
            _ => e,
        })?;
    // minijinja writes whole strs, and a refused write adds nothing.
    String::from_utf8(out.0).map_err(|_| Error::new(ErrorKind::BadSerialization, "invalid UTF-8"))
}

/// The error of a rendering that would pass the bound.
fn too_large(what: &str) -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        format!("{what} would be larger than {MAX_RENDERED_BYTES} bytes"),
    )
}

/// A buffer that refuses a write that would take it past the bound.
struct Bounded(Vec<u8>);

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_RENDERED_BYTES {
            return Err(std::io::Error::other("the rendering limit"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `join`, refused when the joined text would pass the bound.
fn join(state: &State, value: &Value, joiner: Option<StringInput<'_>>) -> Result<Value, Error> {
    let between = joiner.as_ref().map_or(0, |j| j.as_str().len());
    let mut size = 0usize;
    if let Ok(items) = value.try_iter() {
        for (i, item) in items.enumerate() {
            let len = item.as_str().map_or_else(|| item.to_string().len(), str::len);
            size = size
                .saturating_add(len)
                .saturating_add(if i > 0 { between } else { 0 });
            if size > MAX_RENDERED_BYTES {
                return Err(too_large("the joined text"));
            }
        }
    }
    minijinja::filters::join(state, value, joiner)
}

/// `replace`, refused when the replaced text would pass the bound.
fn replace(
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
        if size > MAX_RENDERED_BYTES {
            return Err(too_large("the replaced text"));
        }
    }
    minijinja::filters::replace(state, value, from, to)
}

/// `indent`, refused when the indented text would pass the bound.
fn indent(
    value: StringInput<'_>,
    width: Option<usize>,
    first: Option<bool>,
    blank: Option<bool>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let width = match width {
        Some(w) => w,
        None => kwargs.get::<Option<usize>>("width")?.unwrap_or(0),
    };
    let lines = value.as_str().lines().count() + 1;
    if lines
        .saturating_mul(width)
        .saturating_add(value.as_str().len())
        > MAX_RENDERED_BYTES
    {
        return Err(too_large("the indented text"));
    }
    minijinja::filters::indent(value, Some(width), first, blank, kwargs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(source: &str) -> Result<String, String> {
        let mut env = environment();
        env.add_template_owned("t", source.to_string()).unwrap();
        let tpl = env.get_template("t").unwrap();
        render(&tpl, minijinja::context! { text => "a\nb" }).map_err(|e| e.to_string())
    }

    #[test]
    fn the_bounded_filters_keep_their_meaning() {
        assert_eq!(rendered("{{ [1, 'x', 2]|join('-') }}").unwrap(), "1-x-2");
        assert_eq!(rendered("{{ range(3)|join }}").unwrap(), "012");
        assert_eq!(rendered("{{ 'abcb'|replace('b', 'XY') }}").unwrap(), "aXYcXY");
        assert_eq!(rendered("{{ text|indent(2) }}").unwrap(), "a\n  b");
        assert_eq!(
            rendered("{{ text|indent(width=1, first=true) }}").unwrap(),
            " a\n b"
        );
    }

    #[test]
    fn nothing_builds_past_the_bound() {
        for (source, what) in [
            (
                "{{ range(10000)|join('x' * 100000) }}",
                "the joined text",
            ),
            ("{{ ('x' * 1000000)|replace('x', 'yyyyy') }}", "the replaced text"),
            ("{{ ('\\n' * 100000)|indent(100) }}", "the indented text"),
            (
                "{% for i in range(100) %}{{ 'x' * 100000 }}{% endfor %}",
                "the rendered text",
            ),
        ] {
            let err = rendered(source).unwrap_err();
            assert!(
                err.contains(&format!("{what} would be larger than 4194304 bytes")),
                "{source}: {err}"
            );
        }
        // Just under the bound renders.
        let most = format!("{{{{ 'x' * {MAX_RENDERED_BYTES} }}}}");
        assert_eq!(rendered(&most).unwrap().len(), MAX_RENDERED_BYTES);
    }
}
