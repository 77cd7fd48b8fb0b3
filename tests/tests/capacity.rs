//! `sizeup capacity` end to end: a loopback server that behaves as a
//! serving engine with four parallel slots and a queue, so its goodput at
//! the task's objective is known in advance, found by the search within
//! 10%; the run's verdict then prices that model at capacity, with the
//! break-even and the projection against the API. (A sweep of the real
//! local model is in `local.rs`, apart from these timing-bound tests.)

mod common;

use common::Scratch;
use sizeup_tests::server::{Behavior, MockServer, Reply};
use std::sync::Arc;
use std::time::Duration;

/// Slots of the simulated engine.
const SLOTS: usize = 4;

/// Its service time per request: 30 ms of prefill, then five tokens 5 ms apart.
const SERVICE_MS: f64 = 50.0;

/// An engine with [`SLOTS`] sequences in parallel, each request served in
/// [`SERVICE_MS`] once it has a slot: it serves 80 requests a second, and
/// past that its queue grows without bound.
fn engine() -> MockServer {
    let slots = Arc::new(tokio::sync::Semaphore::new(SLOTS));
    common::server(move |seen| {
        if seen.model == "frontier-1" {
            return common::echo(seen);
        }
        Behavior::Slot {
            slots: slots.clone(),
            reply: Reply {
                text: "echo one two three four".into(),
                ttft: Duration::from_millis(30),
                chunk_delay: Duration::from_millis(5),
                miscount: false,
            },
        }
    })
}

/// A task held to p95 ≤ 1.5 × the service time, on a dear frontier model
/// and on the self-hosted engine at $1.44 an hour.
fn suite(base_url: &str) -> String {
    // 80 cases: enough for a p95 with an upper bound (72 measured trials)
    // and for no error to show a rate under the 10% bound.
    let cases: Vec<String> = (1..=80)
        .map(|i| format!("      - {{id: c{i}, q: \"question {i}\", a: \"echo\"}}"))
        .collect();
    format!(
        "name: capacity
defaults: {{max_tokens: 16, temperature: 0, timeout: 10s}}
models:
  - {{id: frontier, provider: openai_compatible, model: frontier-1, base_url: '{base_url}',
     role: reference, cost: {{input_per_mtok: 2500, output_per_mtok: 10000}}}}
  - {{id: engine, provider: openai_compatible, model: engine-1, base_url: '{base_url}',
     cost: {{hourly_usd: 1.44}}}}
tasks:
  - id: echo
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: contains}}]
    quality: {{max_error_rate: 0.1}}
    slo: {{p95_latency_ms: {}}}
    volume: {{requests_per_month: 3000000}}
    cases:
{}
",
        SERVICE_MS * 1.5,
        cases.join("\n")
    )
}

#[test]
fn the_goodput_search_finds_a_known_capacity_and_the_verdict_prices_it() {
    let server = engine();
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url()));
    // One request at a time, as a run of a local model goes: the whole
    // machine is charged to each request.
    s.run(&["s.yaml", "-q", "--concurrency", "1"]).success();
    let out = s.ok(&[
        "capacity",
        "s.yaml",
        "--model",
        "engine",
        "--requests",
        "120",
        "-q",
    ]);
    let goodput: f64 = out
        .lines()
        .find_map(|l| l.strip_prefix("goodput: "))
        .and_then(|l| l.split(' ').next())
        .and_then(|g| g.parse().ok())
        .unwrap_or_else(|| panic!("no goodput in:\n{out}"));
    // The sweep's table, for a reader of the test's output.
    eprintln!("{out}");
    // The served rate of a sustained level: never above what the engine
    // can serve (a hair of timing noise aside), and within 10% under it.
    let capacity = SLOTS as f64 * 1000.0 / SERVICE_MS;
    assert!(
        (0.9 * capacity..=1.02 * capacity).contains(&goodput),
        "goodput {goodput} against a true {capacity}:\n{out}"
    );

    // The run's report now prices the engine at capacity …
    let r = s.export("latest");
    let cell = r["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["model"] == "engine")
        .unwrap()
        .clone();
    assert_eq!(cell["cost_basis"], "capacity");
    let at_capacity = cell["usd_per_request"].as_f64().unwrap();
    let one_at_a_time = cell["usd_per_request_busy"].as_f64().unwrap();
    // $1.44 an hour at 60% of the goodput stored (the table rounds it).
    let stored = r["capacity"][0]["goodput_rps"].as_f64().unwrap();
    assert!(
        (stored - goodput).abs() < 0.01,
        "{stored} against {goodput}"
    );
    let expected = 1.44 / (stored * 3600.0 * 0.6);
    assert!((at_capacity - expected).abs() < expected * 1e-9, "{cell}");
    assert!(one_at_a_time > at_capacity, "{cell}");
    let verdict = r["verdicts"][0]["sentence"].as_str().unwrap();
    assert!(
        verdict.contains("priced at its measured capacity"),
        "{verdict}"
    );
    // … and sets it against the API it would replace.
    let e = &r["economics"][0];
    assert_eq!(e["model"], "engine");
    assert_eq!(e["replaces"], "frontier");
    assert!(
        e["break_even_requests_per_month"].as_f64().unwrap() > 0.0,
        "{e}"
    );
    assert_eq!(e["projection"].as_array().unwrap().len(), 3);
    assert!(e["replicas"].as_u64().unwrap() >= 1);
}

#[test]
fn fixed_levels_are_measured_and_stored() {
    let server = engine();
    let s = Scratch::new();
    s.write("s.yaml", &suite(&server.base_url()));
    let out = s.ok(&[
        "capacity",
        "s.yaml",
        "--model",
        "engine",
        "--concurrency",
        "1,8",
        "--rate",
        "20",
        "--requests",
        "24",
        "-q",
    ]);
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("concurrency") || l.starts_with("rate"))
        .collect();
    assert_eq!(rows.len(), 3, "{out}");
    // Eight in flight on four slots: twice the service time, over the objective.
    assert!(rows[1].trim_end().ends_with("no"), "{out}");
    assert!(rows[0].trim_end().ends_with("yes"), "{out}");
}

#[test]
fn a_task_without_an_objective_has_no_goodput_to_search() {
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &suite("http://127.0.0.1:9/v1").replace("    slo: {p95_latency_ms: 75}\n", ""),
    );
    let err = s
        .sizeup()
        .args(["capacity", "s.yaml", "--model", "engine", "--db"])
        .arg(s.db())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("has no latency objective"));
}
