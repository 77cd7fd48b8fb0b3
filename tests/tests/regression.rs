//! Nightly regression end to end: a run compared with a baseline (the
//! latest run of the suite, a run id or an exported JSON file), exit code 1
//! on a failing regression and 0 on an unchanged rerun, the findings first
//! in every output, and the trends of earlier runs in the full report.

mod common;

use common::{read, suite, Scratch};
use serde_json::Value;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

/// The id of the latest run in the store.
fn latest(s: &Scratch) -> String {
    s.export("latest")["run"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn an_unchanged_rerun_passes_and_a_worse_model_fails_the_night() {
    let broken = Arc::new(AtomicBool::new(false));
    let server = common::breakable(broken.clone());
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url(), 20, ""));

    // The first night has nothing to compare with, and says so.
    let first = s.run(&["s.yaml", "-q", "--baseline", "latest"]).success();
    assert!(
        stderr(&first).contains("nothing to regress from yet"),
        "{}",
        stderr(&first)
    );
    let night1 = latest(&s);

    // The same setup again: compared, nothing found, exit 0.
    let again = s
        .run(&[
            "s.yaml",
            "-q",
            "--baseline",
            "latest",
            "--markdown",
            "again.md",
        ])
        .success();
    let out = stdout(&again);
    assert!(out.contains(&format!("since baseline {night1}")), "{out}");
    assert!(out.contains("0 failing regression(s)"), "{out}");
    assert!(out.contains("0 other regression(s)"), "{out}");
    assert!(read(&s.path("again.md")).contains("### Since the baseline"));

    // The model gets worse on half the cases.
    broken.store(true, Ordering::SeqCst);
    let worse = s
        .run(&[
            "s.yaml",
            "-q",
            "--baseline",
            &night1,
            "--markdown",
            "worse.md",
            "--junit",
            "worse.xml",
            "--json",
            "worse.json",
        ])
        .code(1);
    let out = stdout(&worse);
    let regression = out.find("REGRESSION").expect("a regression is listed");
    let table = out.find("tok in/out").expect("the table follows");
    assert!(
        regression < table,
        "regressions come before the table:\n{out}"
    );
    assert!(out.contains("echo / loop: quality −50.0 points"), "{out}");
    assert!(out.contains("10 now fail, 0 now pass"), "{out}");
    let md = read(&s.path("worse.md"));
    assert!(
        md.find("**REGRESSION**").unwrap() < md.find("| Task | Verdict").unwrap(),
        "{md}"
    );
    let junit = read(&s.path("worse.xml"));
    assert!(junit.contains("name=\"since baseline\""), "{junit}");
    assert!(junit.contains("regressed: quality"), "{junit}");
    let json: Value = serde_json::from_str(&read(&s.path("worse.json"))).unwrap();
    let since = &json["since_baseline"];
    assert_eq!(since["baseline"]["id"], night1.as_str());
    assert_eq!(since["changes"][0]["now_failed"], 10);
    assert_eq!(since["changes"][0]["findings"][0]["metric"], "quality");
    let night3 = json["run"]["id"].as_str().unwrap().to_string();

    // The same pair through `compare`: regressions that do not fail …
    s.sizeup()
        .args([
            "compare",
            &night1,
            &night3,
            "--fail-on",
            "latency,cost",
            "--db",
        ])
        .arg(s.db())
        .assert()
        .success();
    // … a threshold the drop does not reach …
    s.sizeup()
        .args([
            "compare",
            &night1,
            &night3,
            "--threshold",
            "quality=0.6",
            "--db",
        ])
        .arg(s.db())
        .assert()
        .success();
    // … and a baseline exported to a file, compared with no store at all.
    let export = s
        .sizeup()
        .args(["export", &night1, "-o", "night1.json", "--db"])
        .arg(s.db())
        .assert()
        .success();
    drop(export);
    let compared = s
        .sizeup()
        .args(["compare", "night1.json", "worse.json"])
        .assert()
        .code(1);
    assert!(stdout(&compared).contains("REGRESSION"));
}

#[test]
fn a_task_can_set_its_own_thresholds() {
    let broken = Arc::new(AtomicBool::new(false));
    let server = common::breakable(broken.clone());
    let s = Scratch::new();
    let lenient = suite(&server.base_url(), 20, "").replace(
        "    scorers:\n",
        "    regression: {quality: 0.6}\n    scorers:\n",
    );
    s.write("s.yaml", &lenient);
    s.run(&["s.yaml", "-q"]).success();
    let night1 = latest(&s);
    broken.store(true, Ordering::SeqCst);
    let out = stdout(&s.run(&["s.yaml", "-q", "--baseline", "latest"]).success());
    assert!(out.contains("0 failing regression(s)"), "{out}");
    // The command line is over the suite.
    s.sizeup()
        .args([
            "compare",
            &night1,
            "latest",
            "--threshold",
            "quality=0.3",
            "--db",
        ])
        .arg(s.db())
        .assert()
        .code(1);
}

#[test]
fn bad_baselines_are_clear_errors() {
    let server = common::breakable(Arc::default());
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url(), 3, ""));
    s.run(&["s.yaml", "-q"]).success();
    let compare = |baseline: &str| {
        let a = s
            .sizeup()
            .args(["compare", baseline, "latest", "--db"])
            .arg(s.db())
            .assert()
            .code(2);
        stderr(&a)
    };
    assert!(compare("no-such-run").contains("no-such-run"));
    assert!(compare("latest").contains("no finished run of suite `e2e`"));
    s.write("broken.json", "{\"format_version\": 4,\n  \"run\": [}");
    assert!(compare("broken.json").contains("broken.json:2:"));
    s.write("future.json", "{\"format_version\": 99}");
    assert!(compare("future.json").contains("newer sizeup"));
    let mut other = s.export("latest");
    other["run"]["suite"] = "another".into();
    other["run"]["id"] = "x".into();
    s.write("other.json", &other.to_string());
    assert!(compare("other.json").contains("suite `another`"));
}

#[test]
fn the_full_report_carries_the_suites_trend_with_its_changes_marked() {
    let server = common::breakable(Arc::default());
    let s = Scratch::new();
    let original = suite(&server.base_url(), 3, "");
    s.write("s.yaml", &original);
    s.run(&["s.yaml", "-q"]).success();
    // Another prompt, then another price.
    s.write("s.yaml", &original.replace("\"{{ q }}\"", "\"Q: {{ q }}\""));
    s.run(&["s.yaml", "-q"]).success();
    s.write(
        "s.yaml",
        &original.replace("output_per_mtok: 2000", "output_per_mtok: 3000"),
    );
    s.run(&["s.yaml", "-q"]).success();
    let history = s.export("latest")["history"].clone();
    let runs = history.as_array().unwrap();
    assert_eq!(runs.len(), 3);
    let changed = |i: usize| runs[i]["points"][0]["changed"].clone();
    assert_eq!(changed(0), serde_json::json!([]));
    assert_eq!(changed(1), serde_json::json!(["prompt"]));
    // Back to the first prompt, and dearer.
    assert_eq!(changed(2), serde_json::json!(["prompt", "price"]));
    // `--history` bounds it.
    let out = s
        .sizeup()
        .args(["export", "latest", "--history", "2", "--db"])
        .arg(s.db())
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["history"].as_array().unwrap().len(), 2);
}

#[test]
fn an_export_of_an_earlier_format_serves_as_a_baseline() {
    let server = common::breakable(Arc::default());
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url(), 4, ""));
    s.run(&["s.yaml", "-q"]).success();
    // Format 3 had none of the later fields.
    let mut old = s.export("latest");
    for field in [
        "since_baseline",
        "history",
        "capacity",
        "economics",
        "judges",
    ] {
        old.as_object_mut().unwrap().remove(field);
    }
    for task in old["tasks"].as_array_mut().unwrap() {
        for field in [
            "regression",
            "p95_ttft_ms",
            "p95_tpot_ms",
            "quality_measure",
        ] {
            task.as_object_mut().unwrap().remove(field);
        }
    }
    // Nor those of format 6: undecided bars, a p95's interval, a verdict's
    // undecided model.
    for cell in old["cells"].as_array_mut().unwrap() {
        cell.as_object_mut().unwrap().remove("undecided");
        for figure in ["latency_ms", "ttft_ms", "tpot_ms", "output_tokens_per_s"] {
            if let Some(p) = cell[figure].as_object_mut() {
                p.remove("p95_low");
                p.remove("p95_high");
            }
        }
    }
    for verdict in old["verdicts"].as_array_mut().unwrap() {
        verdict.as_object_mut().unwrap().remove("undecided");
    }
    assert!(!old.to_string().contains("p95_high"));
    old["format_version"] = 3.into();
    s.write("old.json", &old.to_string());
    s.run(&["s.yaml", "-q"]).success();
    s.sizeup()
        .args(["compare", "old.json", "latest", "--db"])
        .arg(s.db())
        .assert()
        .success();
}
