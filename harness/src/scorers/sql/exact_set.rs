//! Spider's exact-set match (with values) of a query with the gold one: the
//! `sql` scorer's second, reported figure.
//!
//! Both queries are split into their clauses (SELECT, FROM, WHERE, GROUP BY,
//! HAVING, ORDER BY, LIMIT, and each side of UNION, INTERSECT, EXCEPT), after
//! lowercasing everything outside string literals, unifying quotes,
//! replacing table aliases by table names, and dropping the table prefix of
//! columns when the query reads one table. Clauses whose items have no order
//! (the selected columns, tables and join conditions, AND-ed conditions,
//! grouping) compare as sets; ORDER BY and LIMIT compare as written.
//! Equivalent queries written differently do not match, and a few wrong
//! ones do (string case is lowered, aliases of a self-join collapse), which
//! is why the verdict rests on execution instead.

use std::collections::{BTreeMap, BTreeSet};

/// The clauses of `query` that differ from the gold query's; empty when
/// the two match.
pub fn differing_clauses(query: &str, gold: &str) -> Vec<String> {
    let got = clauses(query);
    let want = clauses(gold);
    let keys: BTreeSet<&String> = got.keys().chain(want.keys()).collect();
    keys.into_iter()
        .filter(|k| got.get(*k) != want.get(*k))
        .cloned()
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Sym(String),
}

impl Tok {
    fn text(&self) -> String {
        match self {
            Tok::Word(w) | Tok::Sym(w) => w.clone(),
            Tok::Str(s) => format!("'{s}'"),
        }
    }

    fn is(&self, word: &str) -> bool {
        matches!(self, Tok::Word(w) if w == word)
    }
}

const KEYWORDS: [&str; 24] = [
    "select",
    "from",
    "where",
    "group",
    "by",
    "having",
    "order",
    "limit",
    "union",
    "intersect",
    "except",
    "join",
    "on",
    "as",
    "and",
    "or",
    "not",
    "in",
    "like",
    "between",
    "inner",
    "left",
    "outer",
    "distinct",
];

fn tokenize(sql: &str) -> Vec<Tok> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == ';' {
            i += 1;
        } else if c == '\'' || c == '"' {
            let mut s = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == c && chars.get(i + 1) == Some(&c) {
                    s.push(c);
                    i += 2;
                } else if chars[i] == c {
                    i += 1;
                    break;
                } else {
                    s.push(chars[i]);
                    i += 1;
                }
            }
            out.push(Tok::Str(s));
        } else if c == '`' || c == '[' {
            let close = if c == '`' { '`' } else { ']' };
            let end = chars[i + 1..]
                .iter()
                .position(|&x| x == close)
                .map_or(chars.len(), |p| i + 1 + p);
            out.push(Tok::Word(
                chars[i + 1..end].iter().collect::<String>().to_lowercase(),
            ));
            i = end + 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            // Numbers compare by value: 1.0 and 1 are the same literal.
            let word = match word.parse::<f64>() {
                Ok(n) if word.starts_with(|d: char| d.is_ascii_digit()) => n.to_string(),
                _ => word,
            };
            out.push(Tok::Word(word));
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let (sym, len) = match two.as_str() {
                ">=" | "<=" | "!=" | "||" => (two.clone(), 2),
                "<>" => ("!=".to_string(), 2),
                "==" => ("=".to_string(), 2),
                _ => (c.to_string(), 1),
            };
            i += len;
            out.push(Tok::Sym(sym));
        }
    }
    out
}

/// Replaces aliases (`singer AS T1`, `singer T1`) by table names, and drops
/// the table prefix of columns when the query reads a single table.
fn resolve_aliases(mut toks: Vec<Tok>) -> Vec<Tok> {
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    let mut tables: BTreeSet<String> = BTreeSet::new();
    let mut keep = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        keep.push(toks[i].clone());
        let starts_table = (toks[i].is("from")
            || toks[i].is("join")
            || matches!(&toks[i], Tok::Sym(s) if s == ","))
            && i + 1 < toks.len();
        if starts_table {
            if let Tok::Word(table) = &toks[i + 1] {
                if !KEYWORDS.contains(&table.as_str()) {
                    let after_from = keep.iter().rev().any(|t| t.is("from"))
                        && !keep.iter().rev().take_while(|t| !t.is("from")).any(|t| {
                            t.is("where") || t.is("group") || t.is("order") || t.is("select")
                        });
                    if after_from {
                        tables.insert(table.clone());
                        keep.push(toks[i + 1].clone());
                        let mut j = i + 2;
                        if toks.get(j).is_some_and(|t| t.is("as")) {
                            j += 1;
                        }
                        if let Some(Tok::Word(alias)) = toks.get(j) {
                            if !KEYWORDS.contains(&alias.as_str()) {
                                aliases.insert(alias.clone(), table.clone());
                                i = j + 1;
                                continue;
                            }
                        }
                        i += 2;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    toks = keep;
    let single = tables.len() == 1;
    for t in &mut toks {
        if let Tok::Word(w) = t {
            if let Some((prefix, column)) = w.split_once('.') {
                let table = aliases
                    .get(prefix)
                    .cloned()
                    .unwrap_or_else(|| prefix.to_string());
                *w = if single && tables.contains(&table) {
                    column.to_string()
                } else {
                    format!("{table}.{column}")
                };
            }
        }
    }
    toks
}

/// The query's clauses, each in a canonical text form.
fn clauses(sql: &str) -> BTreeMap<String, String> {
    let toks = resolve_aliases(tokenize(sql));
    let mut out = BTreeMap::new();
    let mut part = 0;
    let mut current: Option<String> = None;
    let mut body: Vec<Tok> = Vec::new();
    let mut depth = 0i32;
    let flush = |name: &Option<String>,
                 body: &mut Vec<Tok>,
                 out: &mut BTreeMap<String, String>,
                 part: usize| {
        if let Some(name) = name {
            let key = if part == 0 {
                name.clone()
            } else {
                format!("{name} #{}", part + 1)
            };
            out.insert(key, canonical(name, body));
        }
        body.clear();
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if let Tok::Sym(s) = t {
            depth += i32::from(s == "(") - i32::from(s == ")");
        }
        let next_by = toks.get(i + 1).is_some_and(|n| n.is("by"));
        let clause = match t {
            Tok::Word(w) if depth == 0 => match w.as_str() {
                "select" | "from" | "where" | "having" | "limit" => Some(w.clone()),
                "group" | "order" if next_by => Some(format!("{w} by")),
                "union" | "intersect" | "except" => Some(w.clone()),
                _ => None,
            },
            _ => None,
        };
        match clause {
            Some(name) if ["union", "intersect", "except"].contains(&name.as_str()) => {
                flush(&current, &mut body, &mut out, part);
                out.insert(format!("set operation #{}", part + 1), name);
                part += 1;
                current = None;
            }
            Some(name) => {
                flush(&current, &mut body, &mut out, part);
                if name.ends_with(" by") {
                    i += 1;
                }
                current = Some(name);
            }
            None => body.push(t.clone()),
        }
        i += 1;
    }
    flush(&current, &mut body, &mut out, part);
    out
}

/// Splits at top-level separators (a symbol such as `,`, or a word such as `and`).
fn split(body: &[Tok], seps: &[&str]) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut depth = 0i32;
    for t in body {
        if let Tok::Sym(s) = t {
            depth += i32::from(s == "(") - i32::from(s == ")");
        }
        let text = t.text();
        if depth == 0 && matches!(t, Tok::Word(_) | Tok::Sym(_)) && seps.contains(&text.as_str()) {
            items.push(cur.join(" "));
            cur.clear();
        } else {
            cur.push(text);
        }
    }
    items.push(cur.join(" "));
    items.retain(|s| !s.is_empty());
    items
}

/// `a = b` and `b = a` are the same condition.
fn condition(c: &str) -> String {
    match c.split_once(" = ") {
        Some((a, b)) if !b.contains(' ') && !a.contains(' ') => {
            let (x, y) = if a <= b { (a, b) } else { (b, a) };
            format!("{x} = {y}")
        }
        _ => c.to_string(),
    }
}

fn canonical(clause: &str, body: &[Tok]) -> String {
    let set = |items: Vec<String>| {
        items
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
            .join(" | ")
    };
    match clause {
        "select" | "group by" => set(split(body, &[","])),
        "where" | "having" => set(split(body, &["and"]).iter().map(|c| condition(c)).collect()),
        "from" => {
            // Tables and join conditions, however the joins are written.
            let items = split(body, &[",", "join", "on", "and", "inner", "left", "outer"]);
            set(items.iter().map(|c| condition(c)).collect())
        }
        _ => body.iter().map(Tok::text).collect::<Vec<_>>().join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &str, gold: &str) -> bool {
        differing_clauses(query, gold).is_empty()
    }

    #[test]
    fn equivalent_spellings_match() {
        let gold = "SELECT T2.name, count(*) FROM concert AS T1 JOIN stadium AS T2 ON T1.stadium_id = T2.stadium_id GROUP BY T1.stadium_id";
        let pred = "select s.Name, COUNT(*)\nfrom stadium s join concert c on s.Stadium_ID = c.Stadium_ID\ngroup by c.stadium_id";
        assert!(
            matches(pred, gold),
            "{:?} vs {:?}",
            clauses(pred),
            clauses(gold)
        );
        assert!(matches(
            "SELECT count(*) FROM singer",
            "select COUNT(*) from singer;"
        ));
        assert!(matches(
            "SELECT name FROM singer WHERE age > 20 AND country = \"France\"",
            "SELECT Name FROM singer WHERE country = 'France' AND age > 20"
        ));
        assert!(matches(
            "SELECT singer.name FROM singer",
            "SELECT name FROM singer"
        ));
    }

    #[test]
    fn different_queries_name_their_clauses() {
        let gold = "SELECT name FROM singer WHERE age > 20 ORDER BY age DESC LIMIT 3";
        let differ = differing_clauses(
            "SELECT name FROM singer WHERE age > 30 ORDER BY age DESC LIMIT 3",
            gold,
        );
        assert_eq!(differ, ["where"]);
        assert!(!matches(
            "SELECT name FROM singer ORDER BY age ASC",
            "SELECT name FROM singer ORDER BY age DESC"
        ));
        let union = "SELECT a FROM t WHERE x = 1 UNION SELECT a FROM t WHERE x = 2";
        assert!(matches(union, union));
        assert!(!matches("SELECT a FROM t WHERE x = 1", union));
    }
}
