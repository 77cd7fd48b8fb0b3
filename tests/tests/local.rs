//! A local model through the whole command line: suite, plan, engine, the
//! in-process runner, scorers and store (models fetched by `sizeup models fetch`).

mod common;

use common::Scratch;

#[test]
fn a_local_model_runs_through_the_cli() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let model = root.join("models/SmolLM2-135M-Instruct.Q4_1.gguf");
    assert!(model.is_file(), "run `sizeup models fetch` first");
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &format!(
            "name: local
defaults: {{temperature: 0, max_tokens: 16}}
models:
  - {{id: smol, provider: local, model: \"{}\", cost: {{hourly_usd: 3.6}}}}
tasks:
  - id: capital
    prompt: \"What is the capital of {{{{ country }}}}? Answer in one word.\"
    expected: city
    scorers: [{{type: contains}}]
    cases: [{{country: France, city: Paris}}]
",
            model.display()
        ),
    );
    // The estimate counts with the model's own tokenizer and template: the
    // 42 prompt tokens the run will report, and "Paris" as one token.
    let estimate = s
        .sizeup()
        .args(["estimate", "s.yaml"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let estimate = String::from_utf8_lossy(&estimate);
    let row = estimate.lines().find(|l| l.starts_with("capital")).unwrap();
    assert!(row.contains("the model's tokenizer"), "{row}");
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cols[cols.len() - 5..cols.len() - 3], ["42", "1"], "{row}");

    s.sizeup()
        .args(["run", "s.yaml", "-q", "--db"])
        .arg(s.db())
        .assert()
        .success();
    let r = s.export("latest");
    let t = &r["trials"][0];
    assert_eq!(t["output"], "The capital of France is Paris.");
    assert_eq!(t["passed"], true);
    assert_eq!(t["input_tokens"], 42);
    // $3.60 an hour is $0.001 a second of busy time. A local model has its
    // device to itself while it generates, so it is charged exactly the
    // generation the runner timed.
    let cost = t["cost_usd"].as_f64().unwrap();
    let seconds = t["latency_us"].as_f64().unwrap() / 1e6;
    let busy = cost / 0.001;
    assert!(
        (busy - seconds).abs() < 1e-9,
        "${cost}: {busy} s busy for a request of {seconds} s"
    );
    // What that busy time implies per million output tokens.
    let per_mtok = r["cells"][0]["usd_per_mtok_output"].as_f64().unwrap();
    let out = t["output_tokens"].as_f64().unwrap();
    assert!((per_mtok - cost / out * 1e6).abs() < 1e-6, "{per_mtok}");
}

/// `sizeup capacity` drives the in-process runner like a server.
#[test]
fn a_capacity_sweep_of_the_local_model_completes() {
    let s = capitals(
        4,
        "\n    slo: {p95_latency_ms: 60000}",
        &["France", "Italy"],
    );
    let out = s.ok(&[
        "capacity",
        "s.yaml",
        "--model",
        "smol",
        "--concurrency",
        "1,2",
        "--requests",
        "4",
        "--threads",
        "2",
        "-q",
    ]);
    assert!(out.contains("goodput: "), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("concurrency")).count(),
        2,
        "{out}"
    );
}

/// A local model at temperature 0, run twice on an unchanged setup: the
/// comparison finds nothing that fails the night, whatever its latency did.
#[test]
fn an_unchanged_local_rerun_is_no_regression() {
    let s = capitals(8, "", &["France", "Italy", "Spain"]);
    s.run(&["s.yaml", "-q", "--threads", "2"]).success();
    let out = s.ok(&[
        "run",
        "s.yaml",
        "-q",
        "--threads",
        "2",
        "--baseline",
        "latest",
    ]);
    assert!(out.contains("0 failing regression(s)"), "{out}");
    let r = s.export("latest");
    // The first run is the oldest of the suite's history.
    let before = s.export(r["history"][0]["run"].as_str().unwrap());
    assert_ne!(before["run"]["id"], r["run"]["id"]);
    // The same answers, word for word.
    let outputs = |r: &serde_json::Value| -> Vec<String> {
        r["trials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["output"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(outputs(&r), outputs(&before));
}

/// A scratch directory with `s.yaml`: SmolLM2 at temperature 0 naming the
/// capital of each of `countries` in at most `max_tokens`, the task with
/// `extra` (YAML lines) added.
fn capitals(max_tokens: u32, extra: &str, countries: &[&str]) -> Scratch {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let model = root.join("models/SmolLM2-135M-Instruct.Q4_1.gguf");
    assert!(model.is_file(), "run `sizeup models fetch` first");
    let cities = [("France", "Paris"), ("Italy", "Rome"), ("Spain", "Madrid")];
    let cases: Vec<String> = countries
        .iter()
        .map(|c| {
            let city = cities
                .iter()
                .find(|(k, _)| k == c)
                .expect("a known country")
                .1;
            format!("{{country: {c}, city: {city}}}")
        })
        .collect();
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &format!(
            "name: local
defaults: {{temperature: 0, max_tokens: {max_tokens}}}
models:
  - {{id: smol, provider: local, model: \"{}\", cost: {{hourly_usd: 0.1}}}}
tasks:
  - id: capital
    prompt: \"The capital of {{{{ country }}}} is\"
    expected: city
    scorers: [{{type: contains}}]{extra}
    cases: [{}]
",
            model.display(),
            cases.join(", ")
        ),
    );
    s
}
