//! The `sql` scorer: test-suite execution accuracy, with Spider's exact-set
//! match reported beside it.
//!
//! The query in the output and the gold query run on [`databases::DATABASES`]
//! databases built from the case's schema and filled with random rows that
//! include the gold query's literals; the answer passes when the results
//! agree on every one (rows in order only where the gold query has
//! `ORDER BY`, columns in any order). Agreeing on random data is what makes
//! an alias, an `IN` subquery or `Year IN (2014, 2015)` as right as the gold
//! spelling, and a swapped join or a case-changed literal wrong. The score is
//! 1 or 0: a query that returns the wrong rows has no partial worth.

mod databases;
mod exact_set;
mod execute;

use super::Score;
use rusqlite::Connection;
use std::sync::LazyLock;

pub use databases::empty as load_schema;

/// Where a query may start: `SELECT`, or `WITH name AS (`.
static START: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\bselect\b|\bwith\s+(?:recursive\s+)?[\w\x22`\[\]]+\s*(?:\([^)]*\)\s*)?as\s*\(",
    )
    .expect("valid pattern")
});
static ORDER_BY: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?i)\border\s+by\b").expect("valid pattern"));

/// Bound on the prefixes tried when looking for the query in an answer.
const MAX_TRIES: usize = 400;

/// Scores the SQL in `output` against the gold query `expected`, both run
/// on databases of `schema`.
pub fn score(output: &str, expected: &str, schema: &str) -> Score {
    let dbs = match databases::generate(schema, &databases::literals(expected)) {
        Ok(dbs) => dbs,
        Err(e) => return Score::pass_if(false, e),
    };
    let Some(query) = extract(output, &dbs[0]) else {
        return Score::pass_if(false, "no SQL query in the output");
    };
    let query = match query {
        Ok(q) => q,
        Err((q, e)) => {
            return Score::pass_if(false, format!("the query does not run: {e}")).with_answer(q)
        }
    };
    let differ = exact_set::differing_clauses(&query, expected);
    let exact = if differ.is_empty() {
        "exact-set match: yes".to_string()
    } else {
        format!("exact-set match: no ({} differ)", differ.join(", "))
    };
    let ordered = ORDER_BY.is_match(expected);
    for (i, db) in dbs.iter().enumerate() {
        let gold = match execute::run(db, expected) {
            Ok(rows) => rows,
            Err(e) => {
                // A gold query that does not run on its own schema is a data
                // error; exact-set match is all that can be said.
                let passed = differ.is_empty();
                return Score::pass_if(
                    passed,
                    format!("the gold query does not run ({e}); scored by {exact}"),
                )
                .with_answer(query);
            }
        };
        let got = match execute::run(db, &query) {
            Ok(rows) => rows,
            Err(e) => {
                return Score::pass_if(false, format!("the query does not run: {e}; {exact}"))
                    .with_answer(query)
            }
        };
        if !execute::same_result(&got, &gold, ordered) {
            let how = if ordered && got.len() == gold.len() {
                " or order".to_string()
            } else {
                String::new()
            };
            return Score::pass_if(
                false,
                format!(
                    "execution: rows{how} differ from the gold query's on test database {} of {} ({} against {}); {exact}",
                    i + 1,
                    dbs.len(),
                    execute::describe(&got),
                    execute::describe(&gold),
                ),
            )
            .with_answer(query);
        }
    }
    Score::pass_if(
        true,
        format!(
            "execution: the gold query's results on all {} test databases; {exact}",
            dbs.len()
        ),
    )
    .with_answer(query)
}

/// The query in a model's answer: in each fenced block, then in the whole
/// text, from each place a query may start, the longest run of words that
/// SQLite parses. So a query followed by prose without a semicolon is cut
/// before the prose, and "we select the rows: SELECT …" starts at the query.
/// Only syntax errors shorten the run: a misspelt column ends the search
/// from that start with its error, rather than a shorter query that hides
/// it. When nothing runs, the longest failing query is returned with
/// SQLite's complaint.
fn extract(output: &str, db: &Connection) -> Option<Result<String, (String, String)>> {
    let mut regions: Vec<&str> = fenced(output);
    regions.push(output);
    let mut failure: Option<(String, String)> = None;
    let mut fail = |query: &str, e: String| {
        if failure.as_ref().is_none_or(|(q, _)| q.len() < query.len()) {
            failure = Some((tidy(query), e));
        }
    };
    let mut tries = 0;
    for region in regions {
        for start in START.find_iter(region) {
            let rest = &region[start.start()..];
            let rest = &rest[..statement_end(rest)];
            let ends: Vec<usize> = rest
                .char_indices()
                // Before a space, or before the `` ` ``, `*` or `.` that
                // closes inline code, bold text or a sentence.
                .filter(|(_, c)| c.is_whitespace() || matches!(c, '`' | '*' | '.'))
                .map(|(i, _)| i)
                .chain([rest.len()])
                .collect();
            for &end in ends.iter().rev() {
                tries += 1;
                if tries > MAX_TRIES {
                    return failure.map(Err);
                }
                let candidate = rest[..end].trim();
                match db.prepare(candidate) {
                    Ok(stmt) if stmt.readonly() => return Some(Ok(tidy(candidate))),
                    Ok(_) => {
                        fail(candidate, "the statement changes the database".into());
                        break;
                    }
                    Err(e) if !is_syntax(&e) => {
                        fail(candidate, e.to_string());
                        break;
                    }
                    Err(e) if end == rest.len() => fail(candidate, e.to_string()),
                    Err(_) => {}
                }
            }
        }
    }
    failure.map(Err)
}

/// Whether SQLite could not parse the text (as opposed to parsing a query
/// that names something the schema lacks).
fn is_syntax(e: &rusqlite::Error) -> bool {
    let m = e.to_string();
    m.contains("syntax error") || m.contains("incomplete input") || m.contains("unrecognized token")
}

/// The contents of each ``` fenced block, its language tag dropped.
fn fenced(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        let body = &after[after.find('\n').map_or(after.len(), |i| i + 1)..];
        let Some(close) = body.find("```") else {
            out.push(body);
            break;
        };
        out.push(&body[..close]);
        rest = &body[close + 3..];
    }
    out
}

/// Where the first statement ends: its first semicolon outside quotes.
fn statement_end(sql: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in sql.char_indices() {
        match (quote, c) {
            (None, '\'' | '"' | '`') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ';') => return i,
            _ => {}
        }
    }
    sql.len()
}

/// The query on one line, its whitespace collapsed.
fn tidy(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONCERTS: &str = "CREATE TABLE stadium (Stadium_ID INTEGER PRIMARY KEY, Location TEXT, Name TEXT, Capacity INTEGER, Highest INTEGER, Lowest INTEGER, Average INTEGER);\n\
        CREATE TABLE singer (Singer_ID INTEGER PRIMARY KEY, Name TEXT, Country TEXT, Song_Name TEXT, Song_release_year TEXT, Age INTEGER, Is_male TEXT);\n\
        CREATE TABLE concert (concert_ID INTEGER PRIMARY KEY, concert_Name TEXT, Theme TEXT, Stadium_ID TEXT, Year TEXT, FOREIGN KEY (Stadium_ID) REFERENCES stadium(Stadium_ID));\n\
        CREATE TABLE singer_in_concert (concert_ID INTEGER PRIMARY KEY, Singer_ID TEXT, FOREIGN KEY (Singer_ID) REFERENCES singer(Singer_ID), FOREIGN KEY (concert_ID) REFERENCES concert(concert_ID));";

    #[test]
    fn extraction_cuts_prose_and_finds_the_query() {
        let db = load_schema(CONCERTS).unwrap();
        let got = |out: &str| extract(out, &db).unwrap().unwrap();
        assert_eq!(
            got("SELECT Name FROM singer ORDER BY Age DESC LIMIT 1\nThis returns the oldest singer."),
            "SELECT Name FROM singer ORDER BY Age DESC LIMIT 1"
        );
        assert_eq!(
            got("**Query:** `SELECT Name FROM singer WHERE Country = 'France'`."),
            "SELECT Name FROM singer WHERE Country = 'France'"
        );
        assert_eq!(
            got("To select the names we write: SELECT Name FROM singer;"),
            "SELECT Name FROM singer"
        );
        assert_eq!(
            got("With a join:\n```sql\nSELECT count(*)\nFROM concert;\n```\nDone."),
            "SELECT count(*) FROM concert"
        );
        let (q, e) = extract("SELECT Nme FROM singer", &db).unwrap().unwrap_err();
        assert_eq!(q, "SELECT Nme FROM singer");
        assert!(e.contains("no such column"), "{e}");
        assert!(extract("I cannot write that query.", &db).is_none());
    }
}
