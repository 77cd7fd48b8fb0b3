//! `sizeup run` end to end against the loopback OpenAI server: streaming and
//! not, scoring, storage, export, faults as classified data, key hygiene,
//! cache, resume after SIGKILL, Ctrl-C, and latency under queueing.

mod common;

use common::{echo, server, suite, Scratch};
use serde_json::Value;
use sizeup_tests::server::{Behavior, Config, MockServer, Reply};
use std::time::{Duration, Instant};

#[test]
fn a_run_scores_stores_shows_and_exports_every_trial() {
    // 30 ms before the first word, 5 ms between words.
    let server = server(|seen| {
        let text = if seen.prompt.ends_with(" 3") {
            "wrong".to_string()
        } else {
            format!("echo: {}", seen.prompt)
        };
        Behavior::Reply(Reply {
            text,
            ttft: Duration::from_millis(30),
            chunk_delay: Duration::from_millis(5),
            miscount: false,
        })
    });
    let s = Scratch::new();
    let path = s.write("s.yaml", &suite(&server.base_url(), 5, ""));
    let out = s
        .run(&["s.yaml", "--json", "out/report.json"])
        .success()
        .get_output()
        .clone();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("echo  loop"), "{table}");
    assert!(table.contains("0.800"), "mean quality 4/5: {table}");
    assert_eq!(server.requests(), 5);

    let report: Value = serde_json::from_str(&common::read(&s.path("out/report.json"))).unwrap();
    assert_eq!(report["format_version"], sizeup_reports::FORMAT_VERSION);
    assert_eq!(report["run"]["status"], "finished");
    assert_eq!(report["run"]["trials_done"], 5);
    let trials = report["trials"].as_array().unwrap();
    assert_eq!(trials.len(), 5);
    let first = &trials[0];
    assert_eq!(first["case"], "c1");
    assert_eq!(first["output"], "echo: question 1");
    assert_eq!(first["passed"], true);
    assert_eq!(first["finish_reason"], "stop");
    // The server counts prompt words (2) and one token per word of the reply (3).
    assert_eq!(first["input_tokens"], 2);
    assert_eq!(first["output_tokens"], 3);
    assert_eq!(first["usage_estimated"], false);
    // Timings follow the server's pacing: the first word after 30 ms, the
    // other two 5 ms apart, so the answer ends 40 ms after the request at
    // the earliest ("wrong" is one word: 30 ms). A loaded machine may add
    // time, never take it away (half a second at most, on a shared machine).
    for t in trials {
        let ttft = t["ttft_us"].as_u64().unwrap();
        let latency = t["latency_us"].as_u64().unwrap();
        let paced = if t["case"] == "c3" { 30_000 } else { 40_000 };
        assert!((30_000..530_000).contains(&ttft), "ttft {ttft} µs: {t}");
        assert!(
            (paced..paced + 500_000).contains(&latency),
            "{ttft} µs to the first word, {latency} µs in all: {t}"
        );
    }
    // 2 × $1000/M + 3 × $2000/M.
    assert!((first["cost_usd"].as_f64().unwrap() - 0.008).abs() < 1e-12);
    assert_eq!(trials[2]["passed"], false);
    assert_eq!(
        trials[2]["scores"][0]["reason"],
        "expected \"echo: question 3\", got \"wrong\""
    );
    let cell = &report["cells"][0];
    assert_eq!(cell["n"], 5);
    assert_eq!(cell["pass_rate"], 0.8);

    // The store alone rebuilds the same report.
    let exported = s.export("latest");
    assert_eq!(exported, report);
    let runs = s
        .sizeup()
        .args(["runs", "--db"])
        .arg(s.db())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&runs).contains("5/5"));
    let shown = s
        .sizeup()
        .args(["show", "--db"])
        .arg(s.db())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8_lossy(&shown), table);
    drop(path);
}

#[test]
fn non_streaming_answers_are_read_too() {
    let server = server(echo);
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url(), 2, "    stream: false"));
    s.run(&["s.yaml", "-q"]).success();
    let r = s.export("latest");
    assert_eq!(r["trials"][1]["output"], "echo: question 2");
    assert_eq!(r["trials"][1]["ttft_us"], Value::Null);
    assert_eq!(r["cells"][0]["mean_quality"], 1.0);
}

#[test]
fn runner_failures_are_stored_as_classified_data() {
    let server = server(|seen| match seen.prompt.as_str() {
        "question 1" => Behavior::Status {
            code: 500,
            retry_after: None,
        },
        "question 2" => Behavior::Status {
            code: 503,
            retry_after: None,
        },
        "question 3" => Behavior::Reset,
        "question 4" => Behavior::Truncate { chunks: 2 },
        "question 5" => Behavior::InvalidJson,
        "question 6" => Behavior::Stall(Duration::from_secs(3)),
        // 429 on the first attempt, an answer on the second.
        "question 7" if seen.attempt == 1 => Behavior::Status {
            code: 429,
            retry_after: Some("0".into()),
        },
        _ => echo(seen),
    });
    let s = Scratch::new();
    let text = suite(
        &server.base_url(),
        8,
        "    max_attempts: 2\n    params: {timeout: 1s}",
    );
    s.write("s.yaml", &text);
    s.run(&["s.yaml", "-q"]).success();
    let r = s.export("latest");
    let trials = r["trials"].as_array().unwrap();
    let class = |i: usize| {
        trials[i]["error_class"]
            .as_str()
            .unwrap_or("none")
            .to_string()
    };
    assert_eq!(
        (0..8).map(class).collect::<Vec<_>>(),
        [
            "server_error",
            "overloaded",
            "connection",
            "truncated",
            "invalid_response",
            "timeout",
            "none",
            "none"
        ]
    );
    assert_eq!(trials[6]["attempts"], 2);
    assert_eq!(trials[7]["attempts"], 1);
    // Transient failures were tried twice; the rest once (invalid JSON is not retried).
    let counts = server.by_prompt();
    assert_eq!(counts["question 1"], 2);
    assert_eq!(counts["question 5"], 1);
    assert_eq!(counts["question 7"], 2);
    assert_eq!(r["cells"][0]["errors"], 6);
    assert_eq!(r["cells"][0]["error_classes"]["timeout"], 1);
    assert!(trials[0]["error"].as_str().unwrap().contains("HTTP 500"));
    assert_eq!(
        r["trials"][3]["cost_usd"], 0.0,
        "a broken stream is not billed"
    );
}

#[test]
fn keys_never_reach_the_store_the_output_or_an_error() {
    const KEY: &str = "sk-test-PLANTED-7f3a9c";
    let server = MockServer::start(Config {
        api_key: Some("sk-the-right-one".into()),
        ..Config::default()
    });
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &suite(&server.base_url(), 2, "    api_key_env: SIZEUP_TEST_KEY"),
    );
    let out = s
        .sizeup()
        .env("SIZEUP_TEST_KEY", KEY)
        .args(["run", "s.yaml", "--json", "r.json", "--db"])
        .arg(s.db())
        .assert()
        .success()
        .get_output()
        .clone();
    let r = s.export("latest");
    assert_eq!(r["trials"][0]["error_class"], "auth");
    let everything = [
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
        r.to_string(),
        common::read(&s.path("r.json")),
        common::read(&s.db()),
        common::read(&s.path("results.db-wal")),
    ]
    .concat();
    assert!(
        everything.contains("Incorrect API key provided: <redacted>"),
        "the server's echo is redacted"
    );
    assert!(!everything.contains("PLANTED"), "the key leaked");

    // With the right key the same suite succeeds; a missing variable is a usage error that names it.
    s.sizeup()
        .env("SIZEUP_TEST_KEY", "sk-the-right-one")
        .args(["run", "s.yaml", "-q", "--db"])
        .arg(s.db())
        .assert()
        .success();
    assert_eq!(s.export("latest")["cells"][0]["errors"], 0);
    let out = s.run(&["s.yaml"]).code(2).get_output().stderr.clone();
    assert!(
        String::from_utf8_lossy(&out).contains("needs the environment variable SIZEUP_TEST_KEY")
    );
}

#[test]
fn the_cache_makes_an_identical_rerun_free() {
    let server = server(echo);
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url(), 4, ""));
    s.run(&["s.yaml", "-q"]).success();
    let first = s.export("latest");
    assert_eq!(server.requests(), 4);
    s.run(&["s.yaml", "-q", "--cache"]).success();
    assert_eq!(server.requests(), 4, "nothing was requested again");
    let second = s.export("latest");
    assert_ne!(first["run"]["id"], second["run"]["id"]);
    assert_eq!(second["run"]["cost_usd"], 0.0);
    for (a, b) in first["trials"]
        .as_array()
        .unwrap()
        .iter()
        .zip(second["trials"].as_array().unwrap())
    {
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a["output"], b["output"]);
        assert_eq!(b["cached"], true);
    }
    // A changed request is a different trial and is not served from the cache.
    s.write(
        "s.yaml",
        &suite(&server.base_url(), 4, "").replace("max_tokens: 64", "max_tokens: 65"),
    );
    s.run(&["s.yaml", "-q", "--cache"]).success();
    assert_eq!(server.requests(), 8);
}

fn slow(delay: Duration) -> MockServer {
    server(move |seen| {
        Behavior::Reply(Reply {
            text: format!("echo: {}", seen.prompt),
            ttft: delay,
            chunk_delay: Duration::ZERO,
            miscount: false,
        })
    })
}

fn stored(s: &Scratch) -> (String, i64) {
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.query_row(
        "SELECT r.id, (SELECT COUNT(*) FROM trials) FROM runs r",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

fn wait_for(server: &MockServer, requests: u64) {
    let start = Instant::now();
    while server.requests() < requests {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the run never got going"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_run_killed_with_sigkill_resumes_without_paying_twice() {
    let server = slow(Duration::from_millis(150));
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &suite(&server.base_url(), 20, "    concurrency: 2"),
    );
    let mut child = s
        .process()
        .args(["run", "s.yaml", "-q", "--db"])
        .arg(s.db())
        .spawn()
        .unwrap();
    wait_for(&server, 9);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // Let the server finish reading anything sent just before the kill.
    std::thread::sleep(Duration::from_millis(50));
    let sent = server.requests() as i64;
    let (run_id, before) = stored(&s);
    // What was stored was requested; what was in flight (two at most, and
    // any answer the collector had not yet committed) was not stored.
    assert!(
        (1..=sent).contains(&before),
        "{before} trials stored of {sent} requested before the kill"
    );
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    let done: Vec<String> = conn
        .prepare("SELECT case_id FROM trials")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();

    // The run's lock names a process of this host that is gone: the resume
    // takes it over without --force.
    s.sizeup()
        .args(["run", "--resume", &run_id, "-q", "--db"])
        .arg(s.db())
        .assert()
        .success();
    let (_, after) = stored(&s);
    assert_eq!(after, 20, "every trial stored exactly once");
    // Exactly the trials not stored were requested again, each once.
    assert_eq!(server.requests() as i64, sent + (20 - before));
    let counts = server.by_prompt();
    for case in &done {
        let prompt = format!("question {}", &case[1..]);
        assert_eq!(
            counts[&prompt], 1,
            "{case} finished before the kill and was requested again"
        );
    }
    assert_eq!(counts.len(), 20);
    let r = s.export(&run_id);
    assert_eq!(r["run"]["status"], "finished");
    assert_eq!(r["cells"][0]["mean_quality"], 1.0);
}

#[test]
fn ctrl_c_stores_what_finished_and_says_how_to_resume() {
    let server = slow(Duration::from_millis(200));
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &suite(&server.base_url(), 20, "    concurrency: 2"),
    );
    let child = s
        .process()
        .args(["run", "s.yaml", "--db"])
        .arg(s.db())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_for(&server, 5);
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (run_id, stored_count) = stored(&s);
    assert!(
        stderr.contains(&format!("resume with: sizeup run --resume {run_id}")),
        "{stderr}"
    );
    // Trials in flight at the signal were allowed to finish, and nothing more started.
    assert!((4..20).contains(&stored_count), "{stored_count}");
    assert_eq!(server.requests() as i64, stored_count);
    assert_eq!(s.export(&run_id)["run"]["status"], "interrupted");

    s.sizeup()
        .args(["run", "--resume", &run_id, "-q", "--db"])
        .arg(s.db())
        .assert()
        .success();
    assert_eq!(stored(&s).1, 20);
    assert_eq!(server.requests(), 20);
}

#[test]
fn latency_excludes_time_spent_waiting_for_a_slot() {
    // Sixteen trials through one model limited to two at a time: the last
    // ones wait ~350 ms for a slot, but each request takes ~50 ms.
    let server = slow(Duration::from_millis(50));
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &suite(&server.base_url(), 16, "    concurrency: 2"),
    );
    s.run(&["s.yaml", "-q", "--concurrency", "64"]).success();
    let r = s.export("latest");
    let p95 = r["cells"][0]["latency_ms"]["p95"].as_f64().unwrap();
    let p50 = r["cells"][0]["latency_ms"]["p50"].as_f64().unwrap();
    assert!(p50 >= 50.0, "{p50}");
    assert!(p95 < 200.0, "p95 {p95} ms includes queueing");
}

#[test]
fn task_model_limit_and_repeats_select_the_trials() {
    let server = server(echo);
    let s = Scratch::new();
    let two_models = suite(
        &server.base_url(),
        5,
        "  - {id: other, provider: openai_compatible, model: loop-2, base_url: \"URL\", cost: {hourly_usd: 0}}",
    )
    .replace("URL", &server.base_url());
    let with_second_task = format!(
        "{two_models}  - id: second\n    prompt: \"again {{{{ q }}}}\"\n    models: [other]\n    scorers: [{{type: json_valid}}]\n    cases: [{{q: x}}, {{q: y}}]\n"
    );
    s.write("s.yaml", &with_second_task);
    let run = |args: &[&str]| {
        s.sizeup()
            .args(["run", "s.yaml", "-q", "--db"])
            .arg(s.db())
            .args(args)
            .assert()
            .success();
        s.export("latest")
    };
    let all = run(&[]);
    assert_eq!(all["run"]["trials_planned"], 5 * 2 + 2);
    let r = run(&[
        "--task",
        "echo",
        "--model",
        "other",
        "--limit",
        "2",
        "--repeats",
        "3",
    ]);
    let trials = r["trials"].as_array().unwrap();
    assert_eq!(trials.len(), 6);
    let picked: Vec<(String, u64)> = trials
        .iter()
        .map(|t| {
            (
                t["case"].as_str().unwrap().to_string(),
                t["repeat"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        picked,
        [
            ("c1", 0),
            ("c1", 1),
            ("c1", 2),
            ("c2", 0),
            ("c2", 1),
            ("c2", 2)
        ]
        .map(|(c, r)| (c.to_string(), r))
    );
    assert!(trials.iter().all(|t| t["model"] == "other"));
    // Repeats of one case are distinct trials.
    assert_ne!(trials[0]["id"], trials[1]["id"]);
    let out = s
        .run(&["s.yaml", "--task", "nope"])
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("unknown task `nope` (the suite has: echo, second)")
    );
}
