//! Running a query on a test database and comparing its result with the
//! gold query's, as the test-suite evaluation of Zhong, Yu and Klein does:
//! rows compare as a multiset unless the gold query orders them, and the
//! columns may come in any order.

use rusqlite::types::ValueRef;
use rusqlite::Connection;

/// Bound on SQLite's virtual-machine steps per query, in thousands: enough
/// for any join of a few tables of ten rows, and an end to a runaway
/// recursive query in milliseconds.
const STEPS_K: u32 = 5_000;
/// Bound on the rows read back from one query.
const MAX_ROWS: usize = 10_000;

/// One value of a result, in a form that compares: numbers by value, so an
/// integer equals the same real (SQLite's `AVG` of integers is a real).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    /// SQL NULL.
    Null,
    /// A number, to nine significant digits.
    Number(String),
    /// Text, as stored.
    Text(String),
    /// A blob.
    Blob(Vec<u8>),
}

/// A query's result: its rows.
pub type Rows = Vec<Vec<Cell>>;

/// Runs a read-only `sql` on `conn`, or says why it cannot.
pub fn run(conn: &Connection, sql: &str) -> Result<Rows, String> {
    let mut steps = 0u32;
    conn.progress_handler(
        1000,
        Some(move || {
            steps += 1;
            steps > STEPS_K
        }),
    );
    let result = read(conn, sql);
    conn.progress_handler(0, None::<fn() -> bool>);
    result
}

fn read(conn: &Connection, sql: &str) -> Result<Rows, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
    if !stmt.readonly() {
        return Err("the statement changes the database".into());
    }
    let width = stmt.column_count();
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| interrupted(&e))? {
        if out.len() == MAX_ROWS {
            return Err(format!("more than {MAX_ROWS} rows"));
        }
        let cells = (0..width)
            .map(|i| row.get_ref(i).map(cell))
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| e.to_string())?;
        out.push(cells);
    }
    Ok(out)
}

fn interrupted(e: &rusqlite::Error) -> String {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) {
        "the query ran too long on a ten-row database".into()
    } else {
        e.to_string()
    }
}

fn cell(v: ValueRef<'_>) -> Cell {
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Number(number(i as f64)),
        ValueRef::Real(r) => Cell::Number(number(r)),
        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
    }
}

fn number(n: f64) -> String {
    if n == 0.0 {
        // -0.0 and 0.0 are the same number.
        return "0".into();
    }
    format!("{n:.8e}")
}

/// Whether `got` is the same result as `gold`: the same rows (in the same
/// order when `ordered`), with the columns in some order.
pub fn same_result(got: &Rows, gold: &Rows, ordered: bool) -> bool {
    if got.len() != gold.len() {
        return false;
    }
    let width = gold.first().map_or(0, Vec::len);
    if got.first().map_or(0, Vec::len) != width {
        // No rows on either side: nothing tells the columns apart.
        return gold.is_empty();
    }
    fn column(rows: &Rows, i: usize) -> Vec<&Cell> {
        let mut c: Vec<&Cell> = rows.iter().map(|r| &r[i]).collect();
        c.sort();
        c
    }
    let gold_columns: Vec<Vec<&Cell>> = (0..width).map(|i| column(gold, i)).collect();
    let got_columns: Vec<Vec<&Cell>> = (0..width).map(|i| column(got, i)).collect();
    // For each gold column, the columns of `got` holding the same values.
    let candidates: Vec<Vec<usize>> = gold_columns
        .iter()
        .map(|g| (0..width).filter(|&j| got_columns[j] == *g).collect())
        .collect();
    let mut order = Vec::with_capacity(width);
    let mut used = vec![false; width];
    assign(&candidates, &mut order, &mut used, &mut |order| {
        let mut permuted: Rows = got
            .iter()
            .map(|r| order.iter().map(|&j| r[j].clone()).collect())
            .collect();
        if ordered {
            permuted == *gold
        } else {
            let mut want = gold.clone();
            permuted.sort();
            want.sort();
            permuted == want
        }
    })
}

/// Tries each assignment of distinct candidate columns until `check` accepts one.
fn assign(
    candidates: &[Vec<usize>],
    order: &mut Vec<usize>,
    used: &mut [bool],
    check: &mut dyn FnMut(&[usize]) -> bool,
) -> bool {
    let Some(options) = candidates.get(order.len()) else {
        return check(order);
    };
    for &j in options {
        if used[j] {
            continue;
        }
        used[j] = true;
        order.push(j);
        if assign(candidates, order, used, check) {
            return true;
        }
        order.pop();
        used[j] = false;
    }
    false
}

/// The shape of a result, for reasons: rows and columns.
pub fn describe(rows: &Rows) -> String {
    match rows.first() {
        None => "no rows".into(),
        Some(first) => format!(
            "{} row{} of {} column{}",
            rows.len(),
            if rows.len() == 1 { "" } else { "s" },
            first.len(),
            if first.len() == 1 { "" } else { "s" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y'), (2, 'z');",
        )
        .unwrap();
        c
    }

    #[test]
    fn results_compare_as_multisets_with_columns_in_any_order() {
        let c = db();
        let gold = run(&c, "SELECT a, b FROM t").unwrap();
        let swapped = run(&c, "SELECT b, a FROM t ORDER BY b DESC").unwrap();
        assert!(same_result(&swapped, &gold, false));
        assert!(!same_result(&swapped, &gold, true));
        let distinct = run(&c, "SELECT DISTINCT a FROM t").unwrap();
        let all = run(&c, "SELECT a FROM t").unwrap();
        assert!(!same_result(&distinct, &all, false));
        let avg = run(&c, "SELECT avg(a) * 3 FROM t").unwrap();
        let sum = run(&c, "SELECT sum(a) FROM t").unwrap();
        assert!(same_result(&avg, &sum, false), "{avg:?} {sum:?}");
    }

    #[test]
    fn writes_and_runaway_queries_are_refused() {
        let c = db();
        assert!(run(&c, "DELETE FROM t").unwrap_err().contains("changes"));
        let err = run(
            &c,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
        )
        .unwrap_err();
        assert!(err.contains("too long"), "{err}");
        // The database still answers afterwards.
        assert_eq!(run(&c, "SELECT count(*) FROM t").unwrap().len(), 1);
    }
}
