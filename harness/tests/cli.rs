//! The command line itself: help, usage errors and their exit codes.
//!
//! End-to-end runs against provider servers live in the `tests/` crate.

use assert_cmd::Command;

fn sizeup() -> Command {
    Command::cargo_bin("sizeup").expect("the sizeup binary is built")
}

fn help(args: &[&str]) -> String {
    let out = sizeup()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The names in the `Commands:` section of a help text: the first word of
/// each line indented by two spaces (continuations are indented deeper).
fn commands(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    let text = help(&["--help"]);
    assert_eq!(
        commands(&text),
        [
            "run", "validate", "estimate", "runs", "show", "export", "capacity", "compare",
            "merge", "models", "prices", "help"
        ],
        "{text}"
    );
    // The exit codes, whatever the wrapping.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "Exit codes: 0 ok · 1 a regression against a baseline (`run --baseline`, `compare`) · 2 bad input or usage · 3 the run could not complete"
        ),
        "{text}"
    );

    let text = help(&["run", "--help"]);
    let flags: Vec<&str> = text
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with('-'))
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
        .map(|w| w.trim_end_matches(','))
        .collect();
    assert_eq!(
        flags,
        [
            "--models",
            "--prices",
            "--task",
            "--model",
            "--limit",
            "--repeats",
            "--budget-usd",
            "--concurrency",
            "--resume",
            "--shard",
            "--cache",
            "--force",
            "--baseline",
            "--fail-on",
            "--threshold",
            "--json",
            "--html",
            "--markdown",
            "--junit",
            "--history",
            "--threads",
            "--grace",
            "--quiet",
            "--db",
            "--help",
        ],
        "{text}"
    );
    assert!(text.contains("  -q, --quiet"), "{text}");
    assert!(
        text.contains("Usage: sizeup run [OPTIONS] [SUITE]"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_2() {
    sizeup().arg("frobnicate").assert().code(2);
    sizeup().arg("run").assert().code(2);
    sizeup()
        .args(["run", "s.yaml", "--repeats", "0"])
        .assert()
        .code(2);
    sizeup()
        .args(["validate", "does-not-exist.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "failed to read does-not-exist.yaml",
        ));
}

#[test]
fn reading_a_missing_database_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    sizeup()
        .args(["show", "latest", "--db"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no results database"));
    assert!(!db.exists(), "show must not create a database");
}
