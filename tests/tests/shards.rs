//! A suite split over CI jobs: `run --shard I/N` runs a fixed part of the
//! plan, `merge` joins the shards' databases into one run whose results
//! equal an unsharded run's, and `runs` lists each run with its headline.

mod common;

use common::Scratch;
use serde_json::Value;
use sizeup_tests::server::{Behavior, Config, MockServer, Reply};
use std::sync::Arc;

/// Answers right, except that `weak` answers wrong on every third case.
fn server() -> MockServer {
    MockServer::start(Config {
        script: Arc::new(|seen| {
            let case: u32 = seen.prompt.rsplit(' ').next().unwrap().parse().unwrap();
            if seen.model == "weak-1" && case.is_multiple_of(3) {
                Behavior::Reply(Reply::text("wrong"))
            } else {
                Behavior::Reply(Reply::text(format!("echo: {}", seen.prompt)))
            }
        }),
        ..Config::default()
    })
}

/// Two tasks of `cases` cases each, a reference and two cheaper models;
/// `price` is the reference's input price per million tokens.
fn suite(base_url: &str, cases: usize, price: f64) -> String {
    let cases = |word: &str| {
        (1..=cases)
            .map(|i| format!("      - {{id: c{i}, q: \"{word} {i}\", a: \"echo: {word} {i}\"}}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "name: sharded
defaults: {{max_tokens: 16, temperature: 0, timeout: 5s}}
models:
  - {{id: big, provider: openai_compatible, model: big-1, base_url: '{base_url}', role: reference,
     cost: {{input_per_mtok: {price}, output_per_mtok: 15}}}}
  - {{id: small, provider: openai_compatible, model: small-1, base_url: '{base_url}',
     cost: {{input_per_mtok: 0.15, output_per_mtok: 0.6}}}}
  - {{id: weak, provider: openai_compatible, model: weak-1, base_url: '{base_url}',
     cost: {{input_per_mtok: 0.01, output_per_mtok: 0.02}}}}
tasks:
  - id: echo
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: exact}}]
    # Bars a dozen cases can decide: every bar is held on its interval.
    quality: {{margin: 0.3, min: 0.6, max_error_rate: 0.3}}
    volume: {{requests_per_month: 1000000}}
    cases:
{}
  - id: repeat
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: exact}}]
    quality: {{margin: 0.3, max_error_rate: 0.3}}
    volume: {{requests_per_month: 2000}}
    cases:
{}
",
        cases("question"),
        cases("query")
    )
}

/// `sizeup ARGS…` in the scratch directory, asserted on by the caller.
fn sizeup(s: &Scratch, args: &[&str]) -> assert_cmd::assert::Assert {
    s.sizeup().args(args).assert()
}

/// Runs `suite.yaml` into `db`, with `extra` arguments; asserts exit 0.
fn run(s: &Scratch, db: &str, extra: &[&str]) {
    let mut args = vec!["run", "suite.yaml", "--quiet", "--db", db];
    args.extend(extra);
    sizeup(s, &args).success();
}

/// The JSON export of the latest run in `db`.
fn export(s: &Scratch, db: &str) -> Value {
    let out = sizeup(s, &["export", "latest", "--db", db])
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("export is JSON")
}

/// The report without what differs between two runs of one setup: ids,
/// times, every measure of speed (the loopback server answers at the
/// machine's pace), and the history of other runs that share the database.
fn results(mut report: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for key in [
                    "started_at",
                    "finished_at",
                    "latency_ms",
                    "ttft_ms",
                    "tpot_ms",
                    "output_tokens_per_s",
                    "usd_per_mtok_output",
                    "latency_us",
                    "ttft_us",
                    "history",
                ] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    report["run"]
        .as_object_mut()
        .expect("run is an object")
        .remove("id");
    strip(&mut report);
    report
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

#[test]
fn merged_shards_equal_one_unsharded_run() {
    let server = server();
    let s = Scratch::new();
    s.write("suite.yaml", &suite(&server.base_url(), 12, 5.0));
    run(&s, "whole.db", &[]);
    let mut sizes = Vec::new();
    for i in 1..=3 {
        let db = format!("shard-{i}.db");
        run(&s, &db, &["--shard", &format!("{i}/3")]);
        let part = export(&s, &db);
        // Planned = stored holds per shard, and the shard finished.
        assert_eq!(part["run"]["status"], "finished");
        assert_eq!(part["run"]["trials_planned"], part["run"]["trials_done"]);
        sizes.push(part["run"]["trials_done"].as_u64().unwrap());
    }
    assert_eq!(sizes.iter().sum::<u64>(), 72, "{sizes:?}");
    assert!(sizes.iter().all(|&n| n > 0 && n < 72), "{sizes:?}");

    // Given in any order, the shards make one finished run.
    let merged = sizeup(
        &s,
        &[
            "merge",
            "shard-3.db",
            "shard-1.db",
            "shard-2.db",
            "--db",
            "merged.db",
        ],
    )
    .success();
    assert!(
        stderr(&merged).contains("merged 3 of 3 shard(s)"),
        "{}",
        stderr(&merged)
    );
    let whole = export(&s, "whole.db");
    let merged = export(&s, "merged.db");
    assert_eq!(merged["run"]["status"], "finished");
    assert_eq!(merged["run"]["trials_planned"], 72);
    assert_eq!(merged["verdicts"][0]["outcome"], "cheaper");
    assert_ne!(whole["run"]["id"], merged["run"]["id"]);
    assert_eq!(results(merged), results(whole));
}

#[test]
fn a_shard_is_the_same_trials_every_time_and_resumes_as_itself_only() {
    let server = server();
    let s = Scratch::new();
    s.write("suite.yaml", &suite(&server.base_url(), 6, 5.0));
    run(&s, "a.db", &["--shard", "2/3"]);
    run(&s, "b.db", &["--shard", "2/3"]);
    let ids = |db: &str| -> Vec<Value> {
        export(&s, db)["trials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].clone())
            .collect()
    };
    let first = ids("a.db");
    assert!(!first.is_empty());
    assert_eq!(first, ids("b.db"));

    let id = export(&s, "a.db")["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let refused = sizeup(
        &s,
        &[
            "run", "--resume", &id, "--shard", "1/3", "--quiet", "--db", "a.db",
        ],
    )
    .code(2);
    assert!(
        stderr(&refused).contains(&format!(
            "run `{id}` is shard 2/3; it cannot be resumed as shard 1/3"
        )),
        "{}",
        stderr(&refused)
    );
    // Without --shard, or with its own, it resumes its own trials.
    sizeup(&s, &["run", "--resume", &id, "--quiet", "--db", "a.db"]).success();
    sizeup(
        &s,
        &[
            "run", "--resume", &id, "--shard", "2/3", "--quiet", "--db", "a.db",
        ],
    )
    .success();
    assert_eq!(ids("a.db"), first);

    // A run of the whole plan is no shard.
    run(&s, "whole.db", &[]);
    let whole = export(&s, "whole.db")["run"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let refused = sizeup(
        &s,
        &[
            "run", "--resume", &whole, "--shard", "1/2", "--quiet", "--db", "whole.db",
        ],
    )
    .code(2);
    assert!(
        stderr(&refused).contains("runs the whole plan"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn a_shard_that_is_not_one_is_a_usage_error() {
    let s = Scratch::new();
    for (shard, says) in [
        ("0/3", "shard 0 does not exist: shards are numbered 1 to 3"),
        ("4/3", "shard 4 does not exist"),
        ("1/0", "cannot be split into 0 shards"),
        ("two/3", "`two/3` is not a shard: write I/N"),
        ("3", "`3` is not a shard"),
    ] {
        let out = sizeup(&s, &["run", "suite.yaml", "--shard", shard]).code(2);
        assert!(stderr(&out).contains(says), "{shard}: {}", stderr(&out));
    }
}

#[test]
fn merge_refuses_other_settings_duplicates_and_exports_and_completes_around_a_missing_shard() {
    let server = server();
    let s = Scratch::new();
    s.write("suite.yaml", &suite(&server.base_url(), 4, 5.0));
    run(&s, "s1.db", &["--shard", "1/2"]);
    run(&s, "s2.db", &["--shard", "2/2"]);
    run(&s, "limited.db", &["--shard", "2/2", "--limit", "2"]);
    s.write("suite.yaml", &suite(&server.base_url(), 4, 7.0));
    run(&s, "dearer.db", &["--shard", "2/2"]);

    let out = sizeup(&s, &["merge", "s1.db", "limited.db", "--db", "m.db"]).code(2);
    let text = stderr(&out);
    assert!(text.contains("are not shards of one run"), "{text}");
    assert!(text.contains("--limit: None vs Some(2)"), "{text}");
    let out = sizeup(&s, &["merge", "s1.db", "dearer.db", "--db", "m.db"]).code(2);
    let text = stderr(&out);
    assert!(text.contains("model `big` has other prices"), "{text}");
    assert!(text.contains("suite.yaml differs"), "{text}");
    let out = sizeup(&s, &["merge", "s2.db", "s1.db", "s2.db", "--db", "m.db"]).code(2);
    assert!(
        stderr(&out).contains("shard 2/2 is given twice"),
        "{}",
        stderr(&out)
    );
    std::fs::write(
        s.path("s1.json"),
        serde_json::to_string(&export(&s, "s1.db")).unwrap(),
    )
    .unwrap();
    let out = sizeup(&s, &["merge", "s1.json", "s2.db", "--db", "m.db"]).code(2);
    assert!(
        stderr(&out).contains("a JSON export cannot be merged"),
        "{}",
        stderr(&out)
    );
    let out = sizeup(&s, &["merge", "nowhere.db", "--db", "m.db"]).code(2);
    assert!(stderr(&out).contains("nowhere.db"), "{}", stderr(&out));
    // Inputs are checked before the output is opened: nothing was written.
    assert!(!s.path("m.db").exists());

    // A missing shard: what is there is merged, the run left unfinished.
    s.write("suite.yaml", &suite(&server.base_url(), 4, 5.0));
    let out = sizeup(&s, &["merge", "s1.db", "--db", "m.db", "--quiet"]).code(3);
    let text = stderr(&out);
    assert!(text.contains("missing shard(s) 2/2"), "{text}");
    let partial = export(&s, "m.db");
    assert_eq!(partial["run"]["status"], "interrupted");
    assert_eq!(partial["run"]["trials_planned"], 24);
    let stored = partial["run"]["trials_done"].as_u64().unwrap();
    assert!(stored > 0 && stored < 24, "{stored}");
    // Resuming the merged run runs the missing shard's trials.
    let id = partial["run"]["id"].as_str().unwrap().to_string();
    assert!(
        text.contains(&format!("sizeup run --resume {id} --db m.db")),
        "{text}"
    );
    sizeup(&s, &["run", "--resume", &id, "--quiet", "--db", "m.db"]).success();
    run(&s, "whole.db", &[]);
    assert_eq!(results(export(&s, "m.db")), results(export(&s, "whole.db")));
}

#[test]
fn runs_lists_each_run_with_its_headline_filtered_by_suite() {
    let server = server();
    let s = Scratch::new();
    s.write("suite.yaml", &suite(&server.base_url(), 12, 5.0));
    s.write("other.yaml", &common::suite(&server.base_url(), 2, ""));
    run(&s, "r.db", &[]);
    run(&s, "r.db", &["--shard", "1/2"]);
    sizeup(&s, &["run", "other.yaml", "--quiet", "--db", "r.db"]).success();

    let list = |extra: &[&str]| {
        let mut args = vec!["runs", "--db", "r.db"];
        args.extend(extra);
        String::from_utf8(sizeup(&s, &args).success().get_output().stdout.clone()).unwrap()
    };
    let all = list(&[]);
    assert_eq!(all.lines().count(), 4, "{all}");
    // One model, two cases: nothing to compare it with, and too few
    // trials to show it within the error bound.
    assert!(
        all.lines()
            .any(|l| l.contains("e2e") && l.contains("1 inconclusive")),
        "{all}"
    );
    let sharded = list(&["--suite", "sharded"]);
    let lines: Vec<&str> = sharded.lines().collect();
    assert_eq!(lines.len(), 3, "{sharded}");
    assert!(
        lines[0].contains("verdicts") && lines[0].contains("cost"),
        "{sharded}"
    );
    assert!(!sharded.contains("e2e"), "{sharded}");
    // Newest first: the shard, then the whole run with its verdicts.
    assert!(lines[1].contains("sharded (shard 1/2)"), "{sharded}");
    let whole = lines[2];
    assert!(
        whole.contains("1 cheaper · 1 needs reference") || whole.contains("2 cheaper"),
        "{whole}"
    );
    assert!(whole.contains("72/72") && whole.contains('$'), "{whole}");
    assert_eq!(list(&["--suite", "none"]).lines().count(), 1);
}
