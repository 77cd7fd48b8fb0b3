//! Every output of one fixed store, byte for byte: the terminal tables of
//! `show`, `runs` and `compare`, and `export` in each format. The store was
//! made by real runs against the loopback server (two runs of one suite and
//! a capacity sweep) and is kept as SQL (`tests/golden/run.sql`),
//! so that a change of layout inside the code shows here as a changed
//! output, and a change that means to alter an output shows which.
//!
//! After a deliberate change of an output, `SIZEUP_GOLDEN=bless` rewrites
//! the expected outputs from the stored run; `SIZEUP_GOLDEN=run` also makes
//! the run again (against the loopback server) and rewrites its SQL. The
//! variable is this test's own: blessing the JSON schema (`SIZEUP_BLESS`)
//! does not quietly accept changed outputs too.

mod common;

use common::Scratch;
use rusqlite::types::ValueRef;
use sizeup_tests::server::{Behavior, Reply, Seen};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The outputs compared: a file name and the command's arguments (after
/// which `--db DB` is added).
const OUTPUTS: [(&str, &[&str]); 8] = [
    ("show.txt", &["show", "latest"]),
    ("runs.txt", &["runs"]),
    ("compare.txt", &["compare", "latest", "latest"]),
    ("report.json", &["export", "latest", "--format", "json"]),
    ("report.html", &["export", "latest", "--format", "html"]),
    ("report.md", &["export", "latest", "--format", "markdown"]),
    ("junit.xml", &["export", "latest", "--format", "junit"]),
    ("litellm.yaml", &["export", "latest", "--format", "litellm"]),
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("golden")
}

/// The answer of each model: `frontier` is always right; `small` is wrong
/// on every fourth case of `triage`; `tiny` is wrong on every other case
/// and fails with a 500 on every fifth.
fn script(seen: &Seen) -> Behavior {
    let n: u32 = seen
        .prompt
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let right = format!("echo: {}", seen.prompt);
    let wrong = Behavior::Reply(Reply::text("something else"));
    match seen.model.as_str() {
        "small-1" if seen.prompt.starts_with("ticket") && n.is_multiple_of(4) => wrong,
        "tiny-1" if n.is_multiple_of(5) => Behavior::Status {
            code: 500,
            retry_after: None,
        },
        "tiny-1" if n.is_multiple_of(2) => wrong,
        _ => Behavior::Reply(Reply::text(right)),
    }
}

fn suite(base_url: &str) -> String {
    let cases = |prefix: &str, n: u32| {
        (1..=n)
            .map(|i| {
                format!(
                    "      - {{id: {prefix}{i}, q: \"{prefix} {i}\", a: \"echo: {prefix} {i}\"}}"
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "name: golden
defaults: {{max_tokens: 16, temperature: 0, timeout: 5s}}
models:
  - {{id: frontier, provider: openai_compatible, model: frontier-1, base_url: '{base_url}',
     role: reference, cost: {{input_per_mtok: 5, output_per_mtok: 15}}}}
  - {{id: small, provider: openai_compatible, model: small-1, base_url: '{base_url}',
     cost: {{input_per_mtok: 0.15, output_per_mtok: 0.6}}}}
  - {{id: tiny, provider: openai_compatible, model: tiny-1, base_url: '{base_url}',
     max_attempts: 1, cost: {{hourly_usd: 0.5}}}}
tasks:
  - id: triage
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: exact}}]
    quality: {{margin: 0.05, min: 0.8}}
    slo: {{p95_latency_ms: 5000}}
    volume: {{requests_per_month: 250000}}
    cases:
{}
  - id: lookup
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: exact}}, {{type: length, max_chars: 40}}]
    volume: {{requests_per_month: 40000}}
    cases:
{}
",
        cases("ticket", 24),
        cases("order", 12)
    )
}

/// The whole database as SQL: `user_version`, then each table's schema
/// and rows, then the indexes, in a fixed order.
fn dump(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mut out = format!("PRAGMA user_version = {version};\n");
    let objects: Vec<(String, String, String)> = conn
        .prepare(
            "SELECT type, name, sql FROM sqlite_master
             WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
             ORDER BY type = 'index', rowid",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (kind, name, sql) in objects {
        let _ = writeln!(out, "{sql};");
        if kind != "table" {
            continue;
        }
        let mut statement = conn
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))
            .unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|i| match row.get_ref(i).unwrap() {
                    ValueRef::Null => "NULL".to_string(),
                    ValueRef::Integer(n) => n.to_string(),
                    // Rust writes the shortest text that reads back the same.
                    ValueRef::Real(x) => format!("{x:?}"),
                    ValueRef::Text(t) => {
                        format!("'{}'", String::from_utf8_lossy(t).replace('\'', "''"))
                    }
                    ValueRef::Blob(b) => {
                        let hex: String = b.iter().map(|x| format!("{x:02X}")).collect();
                        format!("X'{hex}'")
                    }
                })
                .collect();
            let _ = writeln!(out, "INSERT INTO \"{name}\" VALUES({});", values.join(","));
        }
    }
    out
}

/// Runs the suite against the loopback server twice (the second run
/// compared with the first, so that the store has a history), sweeps the
/// capacity of one model, and writes the store's SQL.
fn regenerate_run() {
    let server = common::server(script);
    let s = Scratch::new();
    s.write("golden.yaml", &suite(&server.base_url()));
    s.run(&["golden.yaml", "-q"]).success();
    s.run(&["golden.yaml", "-q", "--baseline", "latest"])
        .success();
    s.sizeup()
        .args([
            "capacity",
            "golden.yaml",
            "--model",
            "tiny",
            "--task",
            "lookup",
        ])
        .args([
            "--concurrency",
            "1",
            "--concurrency",
            "2",
            "--requests",
            "12",
            "-q",
        ])
        .arg("--db")
        .arg(s.db())
        .assert()
        .success();
    let sql = dump(&s.db());
    std::fs::create_dir_all(golden_dir()).unwrap();
    std::fs::write(golden_dir().join("run.sql"), sql).unwrap();
}

#[test]
fn every_output_of_a_stored_run_is_unchanged() {
    let mode = std::env::var("SIZEUP_GOLDEN").ok();
    if mode.as_deref() == Some("run") {
        regenerate_run();
    }
    let regenerate = matches!(mode.as_deref(), Some("bless" | "run"));
    let s = Scratch::new();
    let sql = std::fs::read_to_string(golden_dir().join("run.sql")).expect("tests/golden/run.sql");
    rusqlite::Connection::open(s.db())
        .unwrap()
        .execute_batch(&sql)
        .unwrap();
    for (file, args) in OUTPUTS {
        let out = s
            .sizeup()
            .args(args)
            .arg("--db")
            .arg(s.db())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = golden_dir().join(file);
        if regenerate {
            std::fs::write(&expected, &out.stdout).unwrap();
            continue;
        }
        let want = std::fs::read(&expected).unwrap_or_default();
        if out.stdout != want {
            let got = String::from_utf8_lossy(&out.stdout);
            let want = String::from_utf8_lossy(&want);
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
            panic!(
                "{file} differs from tests/golden/{file} at line {}:\n  now:  {}\n  was:  {}",
                line + 1,
                got.lines().nth(line).unwrap_or("(end)"),
                want.lines().nth(line).unwrap_or("(end)")
            );
        }
    }
}
