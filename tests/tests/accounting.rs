//! Numbers a verdict can stand on, end to end: every planned trial is
//! stored (even when prompts coincide), hourly hardware is charged for its
//! busy time, the budget spends up to its cap and never past it, failures
//! count, and a resume refuses a changed suite or a run another process holds.

mod common;

use common::{echo, server, suite, Scratch};
use serde_json::Value;
use sizeup_tests::server::{Behavior, MockServer, Reply};
use std::time::Duration;

#[test]
fn cases_and_tasks_whose_prompts_coincide_are_all_stored() {
    let server = server(echo);
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &format!(
            "name: same
models:
  - id: loop
    provider: openai_compatible
    model: loop-1
    base_url: {}
    cost: {{hourly_usd: 0}}
tasks:
  - id: a
    prompt: '{{{{ q }}}}'
    expected: q
    scorers: [{{type: contains}}]
    cases: [{{q: same}}, {{q: same}}, {{q: other}}]
  - id: b
    prompt: '{{{{ q }}}}'
    expected: q
    scorers: [{{type: contains}}]
    cases: [{{q: same}}, {{q: other}}]
",
            server.base_url()
        ),
    );
    let out = s
        .run(&["s.yaml", "-q"])
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8_lossy(&out);
    assert!(table.contains("finished · 5/5 trials"), "{table}");
    let report = s.export("latest");
    let trials = report["trials"].as_array().unwrap();
    let keys: Vec<(&str, &str)> = trials
        .iter()
        .map(|t| (t["task"].as_str().unwrap(), t["case"].as_str().unwrap()))
        .collect();
    assert_eq!(
        keys,
        [("a", "1"), ("a", "2"), ("a", "3"), ("b", "1"), ("b", "2")]
    );
    let mut ids: Vec<&str> = trials.iter().map(|t| t["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5);
}

#[test]
fn hourly_hardware_is_charged_for_its_busy_time_not_its_slots() {
    // One 0.5 s trial on $3,600/h hardware that could serve four at once
    // costs $0.50: nothing else shared the time.
    let server = server(|seen| {
        Behavior::Reply(Reply {
            text: format!("echo: {}", seen.prompt),
            ttft: Duration::from_millis(500),
            chunk_delay: Duration::ZERO,
            miscount: false,
        })
    });
    let s = Scratch::new();
    let text = suite(&server.base_url(), 1, "    concurrency: 4").replace(
        "cost: {input_per_mtok: 1000, output_per_mtok: 2000}",
        "cost: {hourly_usd: 3600}",
    );
    s.write("s.yaml", &text);
    s.run(&["s.yaml", "-q"]).success();
    let report = s.export("latest");
    let cost = report["run"]["cost_usd"].as_f64().unwrap();
    let latency_s = report["trials"][0]["latency_us"].as_f64().unwrap() / 1e6;
    assert!((0.5..0.9).contains(&cost), "cost {cost}");
    // Its share is the time it was in flight, a little more than the
    // latency the runner measured around the request itself.
    assert!(
        cost >= latency_s && cost < latency_s + 0.3,
        "{cost} vs {latency_s}"
    );
}

#[test]
fn the_budget_spends_close_to_its_cap_and_never_past_it() {
    // Each trial: 2 prompt tokens × $100/M + 3 answer tokens × $3,600/M =
    // $0.011; its worst case (a prompt bound of about 40 tokens, 4 out) is
    // under $0.02, so the run can go on until it has spent over $0.98.
    let server = server(echo);
    let s = Scratch::new();
    let text = suite(&server.base_url(), 200, "    max_attempts: 1")
        .replace(
            "cost: {input_per_mtok: 1000, output_per_mtok: 2000}",
            "cost: {input_per_mtok: 100, output_per_mtok: 3600}",
        )
        .replace("max_tokens: 64", "max_tokens: 4");
    s.write("s.yaml", &text);
    let out = s
        .run(&["s.yaml", "-q", "--budget-usd", "1"])
        .code(3)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("budget reached"), "{stderr}");
    let report = s.export("latest");
    let spent = report["run"]["cost_usd"].as_f64().unwrap();
    let done = report["run"]["trials_done"].as_u64().unwrap();
    assert!(
        (0.95..=1.0).contains(&spent),
        "spent {spent} in {done} trials"
    );
    assert!(done >= 87, "{done} trials");
    assert!((spent - done as f64 * 0.011).abs() < 1e-9, "{spent} {done}");
    assert_eq!(server.requests(), done);
    assert_eq!(report["run"]["status"], "interrupted");
}

#[test]
fn errors_count_as_failures_and_answered_quality_is_kept_apart() {
    let server = server(|seen| {
        if seen.prompt.ends_with(" 1") || seen.prompt.ends_with(" 2") {
            Behavior::Status {
                code: 400,
                retry_after: None,
            }
        } else {
            echo(seen)
        }
    });
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url(), 5, ""));
    s.run(&["s.yaml", "-q"]).success();
    let report = s.export("latest");
    let cell = &report["cells"][0];
    assert_eq!(cell["errors"], 2);
    assert_eq!(cell["mean_quality"], 0.6);
    assert_eq!(cell["pass_rate"], 0.6);
    assert_eq!(cell["answered_quality"], 1.0);
}

#[test]
fn a_cut_stream_that_is_retried_is_spent_on_failures() {
    // The first attempt streams two words and breaks; the second answers.
    let server = server(|seen| {
        if seen.attempt == 1 {
            Behavior::Truncate { chunks: 2 }
        } else {
            echo(seen)
        }
    });
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url(), 1, ""));
    s.run(&["s.yaml", "-q"]).success();
    let report = s.export("latest");
    let trial = &report["trials"][0];
    assert_eq!(trial["attempts"], 2);
    assert!((trial["cost_usd"].as_f64().unwrap() - 0.008).abs() < 1e-12);
    let failed = trial["failure_cost_usd"].as_f64().unwrap();
    assert!(failed > 0.0, "the cut attempt produced tokens: {trial}");
    assert_eq!(report["run"]["failure_cost_usd"].as_f64().unwrap(), failed);
}

#[test]
fn a_daily_quota_fails_fast_instead_of_stalling_the_run() {
    let server = server(|_| Behavior::Status {
        code: 429,
        retry_after: Some("86400".into()),
    });
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &suite(
            &server.base_url(),
            3,
            "    max_retry_time: 2s\n    concurrency: 1",
        ),
    );
    let started = std::time::Instant::now();
    s.run(&["s.yaml", "-q"]).success();
    assert!(started.elapsed() < Duration::from_secs(60));
    let report = s.export("latest");
    for t in report["trials"].as_array().unwrap() {
        assert_eq!(t["error_class"], "rate_limited", "{t}");
        assert!(t["error"].as_str().unwrap().contains("86400"), "{t}");
    }
}

/// Starts a run that the budget stops after a few trials, for resuming.
fn stopped_run(s: &Scratch, server: &MockServer) -> String {
    let text = suite(
        &server.base_url(),
        20,
        "    concurrency: 1\n    max_attempts: 1",
    )
    .replace("max_tokens: 64", "max_tokens: 4");
    s.write("s.yaml", &text);
    s.run(&["s.yaml", "-q", "--budget-usd", "0.1"]).code(3);
    s.export("latest")["run"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_changed_suite_is_not_resumed() {
    let server = server(echo);
    let s = Scratch::new();
    let run = stopped_run(&s, &server);
    let text = common::read(&s.path("s.yaml")).replace("question 20", "question twenty");
    s.write("s.yaml", &text);
    let out = s
        .sizeup()
        .args(["run", "--resume", &run, "--db"])
        .arg(s.db())
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot be resumed"), "{stderr}");
    assert!(stderr.contains("s.yaml changed"), "{stderr}");
}

#[test]
fn a_run_held_by_another_process_is_not_resumed_without_force() {
    let server = server(echo);
    let s = Scratch::new();
    let run = stopped_run(&s, &server);
    // Held by a live process of another host: it cannot be told dead.
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.execute(
        "UPDATE runs SET lock_pid = 1, lock_host = 'elsewhere', locked_at = 'then'",
        [],
    )
    .unwrap();
    drop(conn);
    let out = s
        .sizeup()
        .args(["run", "--resume", &run, "-q", "--db"])
        .arg(s.db())
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("held by process 1 on elsewhere"),
        "{stderr}"
    );
    let before = server.requests();
    s.sizeup()
        .args(["run", "--resume", &run, "-q", "--force", "--db"])
        .arg(s.db())
        .assert()
        .success();
    let report: Value = s.export(&run);
    assert_eq!(report["run"]["status"], "finished");
    assert_eq!(report["run"]["trials_done"], 20);
    assert_eq!(server.requests(), 20, "{before} before the resume");
}

#[test]
fn a_run_left_held_by_a_dead_process_of_this_host_is_taken_over() {
    let server = server(echo);
    let s = Scratch::new();
    let run = stopped_run(&s, &server);
    // A process that has exited, on this host: as `kill -9` leaves a run.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.execute(
        "UPDATE runs SET lock_pid = ?1, lock_host = ?2, locked_at = 'then'",
        rusqlite::params![pid, host.trim()],
    )
    .unwrap();
    drop(conn);
    let out = s
        .sizeup()
        .args(["run", "--resume", &run, "-q", "--db"])
        .arg(s.db())
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("taking over run {run} from process {pid}")),
        "{stderr}"
    );
    assert_eq!(s.export(&run)["run"]["trials_done"], 20);
}

#[test]
fn a_trial_the_budget_can_never_cover_does_not_stop_cheaper_ones() {
    let server = server(echo);
    let s = Scratch::new();
    // `dear`'s worst case (4 tokens out at $200,000/M: $0.8) is over the
    // $0.2 budget on its own; `loop`'s trials cost $0.008 and reserve under
    // $0.1, so all five fit.
    let text = suite(&server.base_url(), 5, "    max_attempts: 1").replace(
        "tasks:",
        &format!(
            "  - {{id: dear, provider: openai_compatible, model: dear-1, base_url: '{}',
     max_attempts: 1, cost: {{input_per_mtok: 1, output_per_mtok: 200000}}}}
tasks:",
            server.base_url()
        ),
    );
    s.write("s.yaml", &text.replace("max_tokens: 64", "max_tokens: 4"));
    s.run(&["s.yaml", "-q", "--budget-usd", "0.2"]).code(3);
    let report = s.export("latest");
    let models: Vec<&str> = report["trials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["model"].as_str().unwrap())
        .collect();
    assert_eq!(models, ["loop"; 5], "{report}");
    assert_eq!(report["run"]["status"], "interrupted");
}
