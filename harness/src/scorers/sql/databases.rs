//! Test databases for execution scoring: in-memory SQLite databases built
//! from a task's schema and filled with random rows that include the gold
//! query's literals, after Zhong, Yu and Klein, "Semantic Evaluation for
//! Text-to-SQL with Distilled Test Suites" (EMNLP 2020).
//!
//! Without the literals, a condition such as `City = 'Aberdeen'` would
//! select nothing on every database and a wrong query would agree with the
//! gold one by accident. Values come from small pools so that rows repeat
//! (which tells `DISTINCT` and `GROUP BY` apart), foreign keys draw from the
//! rows of the table they reference (so that joins meet), and some parent
//! rows are left unreferenced (which tells an inner join from an outer one).

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// How many databases a query is run on.
pub const DATABASES: usize = 8;

/// Words text columns draw from besides the gold query's literals.
const WORDS: [&str; 8] = [
    "alpha", "Beta", "gamma", "delta 2", "Epsilon", "zeta", "eta", "theta",
];

/// A column as SQLite describes it.
struct Column {
    name: String,
    affinity: Affinity,
    primary_key: bool,
}

/// The kind of value a column stores, from its declared type (SQLite's
/// affinity rules).
#[derive(Clone, Copy, PartialEq)]
enum Affinity {
    Integer,
    Real,
    Text,
}

/// A foreign key: this table's column, the table and column it references.
struct ForeignKey {
    from: String,
    table: String,
    to: String,
}

struct Table {
    name: String,
    columns: Vec<Column>,
    foreign_keys: Vec<ForeignKey>,
}

/// The literals of a query: the values its conditions test.
#[derive(Debug, Default, PartialEq)]
pub struct Literals {
    /// Numbers, as written.
    pub numbers: Vec<f64>,
    /// Strings, and for `LIKE` patterns text that matches them.
    pub strings: Vec<String>,
}

static STRING: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r#"'((?:[^']|'')*)'|"((?:[^"]|"")*)""#).expect("valid"));
static NUMBER: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?:^|[^\w.])(-?\d+(?:\.\d+)?)\b").expect("valid"));

/// The literals in `sql`. Double-quoted words count as strings too: SQLite
/// reads `"Ashley"` as a string when no column has that name, and Spider's
/// gold queries write their strings that way.
pub fn literals(sql: &str) -> Literals {
    let mut out = Literals::default();
    for c in STRING.captures_iter(sql) {
        let (text, quote) = match (c.get(1), c.get(2)) {
            (Some(m), _) => (m.as_str(), "''"),
            (_, Some(m)) => (m.as_str(), "\"\""),
            _ => continue,
        };
        let text = text.replace(quote, &quote[..1]);
        // `LIKE '%Smith%'` matches the bare word and the word among others.
        if text.contains('%') {
            out.strings.push(text.replace('%', ""));
            out.strings
                .push(text.replace('%', " x ").trim().to_string());
        }
        out.strings.push(text);
    }
    let without_strings = STRING.replace_all(sql, " ");
    for c in NUMBER.captures_iter(&without_strings) {
        if let Ok(n) = c[1].parse::<f64>() {
            out.numbers.push(n);
        }
    }
    out.strings.dedup();
    out
}

/// Builds the schema in a fresh in-memory database, or says why it does not load.
pub fn empty(schema: &str) -> Result<Connection, String> {
    let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    // Spider's foreign keys sometimes name columns that are not unique,
    // which SQLite refuses on insert when it enforces them.
    conn.execute_batch("PRAGMA foreign_keys = OFF;")
        .map_err(|e| e.to_string())?;
    conn.execute_batch(schema)
        .map_err(|e| format!("the schema does not load: {e}"))?;
    Ok(conn)
}

/// [`DATABASES`] databases of `schema` filled with random rows that include
/// `literals`; the same schema and literals always give the same rows.
pub fn generate(schema: &str, literals: &Literals) -> Result<Vec<Connection>, String> {
    let seed = Sha256::digest(schema.as_bytes());
    let seed = u64::from_le_bytes(seed[..8].try_into().expect("8 bytes"));
    (0..DATABASES)
        .map(|i| {
            let conn = empty(schema)?;
            let tables = describe(&conn).map_err(|e| e.to_string())?;
            let mut rng = StdRng::seed_from_u64(seed ^ i as u64);
            fill(&conn, &tables, literals, &mut rng).map_err(|e| e.to_string())?;
            Ok(conn)
        })
        .collect()
}

/// The tables of the database, parents before the tables that reference them.
fn describe(conn: &Connection) -> rusqlite::Result<Vec<Table>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut tables = Vec::new();
    for name in names {
        let columns = conn
            .prepare("SELECT name, type, pk FROM pragma_table_info(?1)")?
            .query_map([&name], |r| {
                let declared: String = r.get(1)?;
                Ok(Column {
                    name: r.get(0)?,
                    affinity: affinity(&declared),
                    primary_key: r.get::<_, i64>(2)? > 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let foreign_keys = conn
            .prepare("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)")?
            .query_map([&name], |r| {
                Ok(ForeignKey {
                    from: r.get(0)?,
                    table: r.get(1)?,
                    to: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        tables.push(Table {
            name,
            columns,
            foreign_keys,
        });
    }
    // Parents first; a cycle leaves the rest in schema order.
    let mut ordered: Vec<Table> = Vec::with_capacity(tables.len());
    while !tables.is_empty() {
        let ready = tables
            .iter()
            .position(|t| {
                t.foreign_keys.iter().all(|fk| {
                    fk.table.eq_ignore_ascii_case(&t.name)
                        || ordered
                            .iter()
                            .any(|o| o.name.eq_ignore_ascii_case(&fk.table))
                        || !tables
                            .iter()
                            .any(|o| o.name.eq_ignore_ascii_case(&fk.table))
                })
            })
            .unwrap_or(0);
        ordered.push(tables.remove(ready));
    }
    Ok(ordered)
}

/// SQLite's affinity rules (section 3.1 of its datatype page).
fn affinity(declared: &str) -> Affinity {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        Affinity::Integer
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        Affinity::Text
    } else if t.contains("REAL")
        || t.contains("FLOA")
        || t.contains("DOUB")
        || t.contains("NUM")
        || t.contains("DEC")
    {
        Affinity::Real
    } else {
        Affinity::Text
    }
}

/// Fills every table with a few rows.
fn fill(
    conn: &Connection,
    tables: &[Table],
    literals: &Literals,
    rng: &mut StdRng,
) -> rusqlite::Result<()> {
    let mut numbers: Vec<f64> = literals.numbers.clone();
    numbers.extend(literals.numbers.iter().flat_map(|n| [n - 1.0, n + 1.0]));
    for table in tables {
        let rows = rng.random_range(3..=10);
        let parents: BTreeMap<&str, Vec<SqlValue>> = table
            .foreign_keys
            .iter()
            .map(|fk| Ok((fk.from.as_str(), referenced(conn, fk)?)))
            .collect::<rusqlite::Result<_>>()?;
        let columns: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
        let sql = format!(
            "INSERT OR IGNORE INTO {} ({}) VALUES ({})",
            quote(&table.name),
            columns.join(", "),
            vec!["?"; columns.len()].join(", ")
        );
        let mut insert = conn.prepare(&sql)?;
        for row in 0..rows {
            let values: Vec<SqlValue> = table
                .columns
                .iter()
                .map(|c| match parents.get(c.name.as_str()) {
                    // Most child rows point at a parent; a few do not.
                    Some(keys) if !keys.is_empty() && rng.random_bool(0.9) => {
                        keys.choose(rng).cloned().unwrap_or(SqlValue::Null)
                    }
                    _ if c.primary_key => key(c.affinity, row, rng),
                    _ => value(c.affinity, literals, &numbers, rng),
                })
                .collect();
            insert.execute(params_from_iter(values))?;
        }
    }
    Ok(())
}

/// The values in the column a foreign key references.
fn referenced(conn: &Connection, fk: &ForeignKey) -> rusqlite::Result<Vec<SqlValue>> {
    let column = if fk.to.is_empty() {
        "rowid".to_string()
    } else {
        quote(&fk.to)
    };
    let sql = format!("SELECT DISTINCT {column} FROM {}", quote(&fk.table));
    match conn.prepare(&sql) {
        Ok(mut stmt) => stmt.query_map([], |r| r.get(0))?.collect(),
        // A key naming a column that does not exist: no parent values.
        Err(_) => Ok(Vec::new()),
    }
}

/// A primary key value: small, mostly distinct numbers (duplicates are
/// dropped by `INSERT OR IGNORE`), or words for text keys.
fn key(affinity: Affinity, row: usize, rng: &mut StdRng) -> SqlValue {
    match affinity {
        Affinity::Integer | Affinity::Real => SqlValue::Integer(row as i64 + 1),
        Affinity::Text => SqlValue::Text(format!("{}{}", WORDS.choose(rng).unwrap_or(&"k"), row)),
    }
}

/// An ordinary value: often one of the gold query's literals, else a small
/// random one.
fn value(affinity: Affinity, literals: &Literals, numbers: &[f64], rng: &mut StdRng) -> SqlValue {
    let literal = rng.random_bool(0.5);
    match affinity {
        Affinity::Integer | Affinity::Real if literal && !numbers.is_empty() => {
            number(*numbers.choose(rng).unwrap_or(&0.0), affinity)
        }
        Affinity::Integer => SqlValue::Integer(rng.random_range(0..=20)),
        Affinity::Real => number(f64::from(rng.random_range(0..=40u8)) / 2.0, affinity),
        Affinity::Text if literal && !(literals.strings.is_empty() && numbers.is_empty()) => {
            // Text columns hold numbers too (Spider stores years as text).
            let pick = rng.random_range(0..literals.strings.len() + numbers.len());
            match literals.strings.get(pick) {
                Some(s) => SqlValue::Text(s.clone()),
                None => SqlValue::Text(text_number(numbers[pick - literals.strings.len()])),
            }
        }
        Affinity::Text => SqlValue::Text((*WORDS.choose(rng).unwrap_or(&"w")).to_string()),
    }
}

fn number(n: f64, affinity: Affinity) -> SqlValue {
    if affinity == Affinity::Integer && n.fract() == 0.0 && n.abs() < 1e15 {
        SqlValue::Integer(n as i64)
    } else {
        SqlValue::Real(n)
    }
}

fn text_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// An identifier quoted for SQLite.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_the_values_a_query_tests() {
        let l = literals(
            "SELECT count(*) FROM t WHERE City = \"Ashley\" AND name LIKE '%O''Brien%' AND age > 20.5 AND t2.x = 3",
        );
        assert_eq!(l.numbers, [20.5, 3.0]);
        assert_eq!(l.strings, ["Ashley", "O'Brien", "x O'Brien x", "%O'Brien%"]);
    }

    #[test]
    fn databases_hold_the_literals_and_joinable_keys() {
        let schema = "CREATE TABLE airports (City TEXT, AirportCode TEXT PRIMARY KEY);\n\
            CREATE TABLE flights (FlightNo INTEGER PRIMARY KEY, SourceAirport TEXT, DestAirport TEXT, \
            FOREIGN KEY (DestAirport) REFERENCES airports(AirportCode), FOREIGN KEY (SourceAirport) REFERENCES airports(AirportCode));";
        let lits = literals("SELECT count(*) FROM flights WHERE City = 'Aberdeen'");
        let dbs = generate(schema, &lits).unwrap();
        assert_eq!(dbs.len(), DATABASES);
        let count =
            |db: &Connection, sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
        let with_literal: i64 = dbs
            .iter()
            .map(|db| count(db, "SELECT count(*) FROM airports WHERE City = 'Aberdeen'"))
            .sum();
        assert!(with_literal > 0);
        let joined: i64 = dbs
            .iter()
            .map(|db| {
                count(
                    db,
                    "SELECT count(*) FROM flights JOIN airports ON DestAirport = AirportCode",
                )
            })
            .sum();
        assert!(joined > 0);
        // The same inputs give the same rows.
        let again = generate(schema, &lits).unwrap();
        let dump = |db: &Connection| -> Vec<String> {
            db.prepare("SELECT City || AirportCode FROM airports ORDER BY 1")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(dump(&dbs[3]), dump(&again[3]));
    }

    #[test]
    fn a_schema_that_does_not_load_says_so() {
        let err = empty("CREATE TABLE (").err().unwrap();
        assert!(err.starts_with("the schema does not load"), "{err}");
    }
}
