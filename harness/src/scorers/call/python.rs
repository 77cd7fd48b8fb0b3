//! Calls written in Python syntax, as models write them and as the Berkeley
//! Function-Calling Leaderboard asks for them: `f(a=1, b='x')`, or a list
//! of such calls, `[f(a=1), g(b=[1, 2])]`.
//!
//! Arguments must be given by keyword (a positional one cannot be matched
//! to a parameter without the function's schema). Values are Python
//! literals: strings in any quotes, numbers, `True`/`False`/`None` (and
//! their JSON spellings), lists, tuples (read as lists) and dicts.

use serde_json::{Map, Number, Value};

/// A call: the function's name and its keyword arguments.
pub type Call = (String, Map<String, Value>);

/// Every call written in Python syntax in `text`, in order.
pub fn find_calls(text: &str) -> Vec<Call> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let starts_name = (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_')
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'_' | b'.')));
        if starts_name {
            let mut p = Parser { text, pos: i };
            if let Some(call) = p.call() {
                out.push(call);
                i = p.pos;
                continue;
            }
        }
        i += 1;
    }
    out
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.text.len() - trimmed.len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    /// A dotted name: `math.hypot`.
    fn name(&mut self) -> Option<String> {
        self.skip_space();
        let len = self
            .rest()
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(self.rest().len());
        let name = self.rest()[..len].to_string();
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) || name.ends_with('.')
        {
            return None;
        }
        self.pos += len;
        Some(name)
    }

    /// `name(key=value, …)`.
    fn call(&mut self) -> Option<Call> {
        let name = self.name()?;
        if !self.rest().starts_with('(') {
            return None;
        }
        self.pos += 1;
        let mut args = Map::new();
        loop {
            if self.eat(")") {
                return Some((name, args));
            }
            let key = self.name()?;
            if key.contains('.') || !self.eat("=") || self.rest().starts_with('=') {
                return None;
            }
            let value = self.value()?;
            args.insert(key, value);
            if !self.eat(",") {
                return self.eat(")").then_some((name, args));
            }
        }
    }

    fn value(&mut self) -> Option<Value> {
        self.skip_space();
        let c = self.rest().chars().next()?;
        match c {
            '\'' | '"' => self.string().map(Value::String),
            '[' => self.sequence('[', ']'),
            '(' => self.sequence('(', ')'),
            '{' => self.dict(),
            '-' | '+' | '.' | '0'..='9' => self.number(),
            _ => {
                let word = self.name()?;
                match word.as_str() {
                    "True" | "true" => Some(Value::Bool(true)),
                    "False" | "false" => Some(Value::Bool(false)),
                    "None" | "null" => Some(Value::Null),
                    _ => None,
                }
            }
        }
    }

    fn sequence(&mut self, open: char, close: char) -> Option<Value> {
        self.pos += open.len_utf8();
        let mut items = Vec::new();
        let close = close.to_string();
        loop {
            if self.eat(&close) {
                return Some(Value::Array(items));
            }
            items.push(self.value()?);
            if !self.eat(",") {
                return self.eat(&close).then_some(Value::Array(items));
            }
        }
    }

    fn dict(&mut self) -> Option<Value> {
        self.pos += 1;
        let mut map = Map::new();
        loop {
            if self.eat("}") {
                return Some(Value::Object(map));
            }
            self.skip_space();
            let key = self.string()?;
            if !self.eat(":") {
                return None;
            }
            map.insert(key, self.value()?);
            if !self.eat(",") {
                return self.eat("}").then_some(Value::Object(map));
            }
        }
    }

    /// A quoted string, triple quotes and the common escapes included.
    fn string(&mut self) -> Option<String> {
        let quote = self
            .rest()
            .chars()
            .next()
            .filter(|c| *c == '\'' || *c == '"')?;
        let triple: String = std::iter::repeat_n(quote, 3).collect();
        let delimiter = if self.rest().starts_with(&triple) {
            triple
        } else {
            quote.to_string()
        };
        self.pos += delimiter.len();
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            if self.rest()[i..].starts_with(&delimiter) {
                self.pos += i + delimiter.len();
                return Some(out);
            }
            if c == '\\' {
                let (_, e) = chars.next()?;
                out.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    other => other,
                });
            } else {
                out.push(c);
            }
        }
        None
    }

    fn number(&mut self) -> Option<Value> {
        let len = self
            .rest()
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_digit()
                    || c == '.'
                    || c == '_'
                    || ((c == '-' || c == '+')
                        && (i == 0 || self.rest()[..i].ends_with(['e', 'E'])))
                    || c == 'e'
                    || c == 'E')
            })
            .map_or(self.rest().len(), |(i, _)| i);
        let text = self.rest()[..len].replace('_', "");
        let text = text.strip_prefix('+').unwrap_or(&text);
        self.pos += len;
        if let Ok(i) = text.parse::<i64>() {
            return Some(Value::Number(i.into()));
        }
        text.parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(text: &str) -> Option<Value> {
        let calls = find_calls(text);
        (calls.len() == 1).then(|| {
            let (name, args) = calls.into_iter().next().unwrap();
            json!({"name": name, "arguments": args})
        })
    }

    #[test]
    fn keyword_calls_parse_with_python_literals() {
        assert_eq!(
            one(r#"get_event_date(event="Treaty of Lisbon")"#),
            Some(json!({"name": "get_event_date", "arguments": {"event": "Treaty of Lisbon"}}))
        );
        assert_eq!(
            one("Sure: [math.hypot(x=3, y=-4.5e0, exact=True, opts={'unit': None}, pts=(1, 2), s='it\\'s')]"),
            Some(json!({"name": "math.hypot", "arguments": {
                "x": 3, "y": -4.5, "exact": true, "opts": {"unit": null}, "pts": [1, 2], "s": "it's"}}))
        );
        assert_eq!(one("f()"), Some(json!({"name": "f", "arguments": {}})));
    }

    #[test]
    fn lists_give_every_call_and_prose_gives_none() {
        let calls = find_calls("[a(x=1), b(y='2')]");
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[1].0, "b");
        assert!(find_calls("I would call the function with the weight (85 kg).").is_empty());
        // Positional arguments cannot be matched to parameters.
        assert!(find_calls("calculate_bmi(85, 180)").is_empty());
        assert!(find_calls("f(x=1").is_empty());
        assert!(find_calls("f(x==1)").is_empty());
    }
}
