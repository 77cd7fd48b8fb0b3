//! The command line itself: help, usage errors and their exit codes.
//!
//! End-to-end runs against provider servers live in the `tests/` crate.

use assert_cmd::Command;

fn sizeup() -> Command {
    Command::cargo_bin("sizeup").expect("the sizeup binary is built")
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    let out = sizeup()
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for word in [
        "run",
        "validate",
        "runs",
        "show",
        "export",
        "Exit codes",
        "3 the run could not complete",
    ] {
        assert!(text.contains(word), "help lacks {word:?}:\n{text}");
    }
    let out = sizeup()
        .args(["run", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for flag in [
        "--models",
        "--task",
        "--model",
        "--limit",
        "--repeats",
        "--concurrency",
        "--resume",
        "--cache",
        "--json",
        "--db",
        "--quiet",
    ] {
        assert!(text.contains(flag), "run --help lacks {flag}");
    }
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
