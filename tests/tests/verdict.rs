//! The verdict end to end: a run with a reference and a cheaper model ends
//! with a verdict line under its table, and every export carries it — the
//! JSON (valid against the checked-in schema), Markdown, JUnit and the
//! LiteLLM routing configuration.

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

/// Three models on one loopback server: a dear reference, a cheap model
/// as good as it, and a cheaper one that is not.
fn suite(base_url: &str, cases: usize) -> String {
    let cases: Vec<String> = (1..=cases)
        .map(|i| format!("      - {{id: c{i}, q: \"question {i}\", a: \"echo: question {i}\"}}"))
        .collect();
    format!(
        "name: verdict
defaults: {{max_tokens: 16, temperature: 0, timeout: 5s}}
models:
  - {{id: big, provider: openai_compatible, model: big-1, base_url: '{base_url}', role: reference,
     cost: {{input_per_mtok: 5, output_per_mtok: 15}}}}
  - {{id: small, provider: openai_compatible, model: small-1, base_url: '{base_url}',
     api_key_env: SMALL_KEY, cost: {{input_per_mtok: 0.15, output_per_mtok: 0.6}}}}
  - {{id: weak, provider: openai_compatible, model: weak-1, base_url: '{base_url}',
     cost: {{input_per_mtok: 0.01, output_per_mtok: 0.02}}}}
tasks:
  - id: echo
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: exact}}]
    quality: {{margin: 0.05, min: 0.8, max_error_rate: 0.05}}
    slo: {{p95_latency_ms: 5000}}
    volume: {{requests_per_month: 1000000}}
    cases:
{}
",
        cases.join("\n")
    )
}

#[test]
fn a_run_ends_with_a_verdict_that_every_export_carries() {
    let server = server();
    let s = Scratch::new();
    // 90 cases: enough for a p95 with an upper bound (72) and for 0 errors
    // to show a rate under 5%.
    s.write("s.yaml", &suite(&server.base_url(), 90));
    let out = s
        .sizeup()
        .env("SMALL_KEY", "sk-never-shown")
        .args([
            "run",
            "s.yaml",
            "-q",
            "--markdown",
            "out/summary.md",
            "--junit",
            "out/junit.xml",
        ])
        .arg("--db")
        .arg(s.db())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8_lossy(&out);
    assert!(
        table.contains(
            "echo: does not need big. small is within 5 points of pass rate (95% CI −4.1 to +4.1)"
        ),
        "{table}"
    );
    // Two prompt words and three answer words a request, a million a month:
    // big 2 × $5 + 3 × $15 = $55, small 2 × $0.15 + 3 × $0.6 = $2.10.
    assert!(
        table.contains("$2.10/month instead of $55 — saves $635 a year."),
        "{table}"
    );

    let report = s.export("latest");
    let schema: Value =
        serde_json::from_str(include_str!("../../reports/schema/report.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let verdict = &report["verdicts"][0];
    assert_eq!(verdict["outcome"], "cheaper");
    assert_eq!(verdict["recommended"], "small");
    let weak = report["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["model"] == "weak")
        .unwrap();
    assert_eq!(weak["misses"][0]["bar"], "quality");
    assert_eq!(weak["misses"][1]["bar"], "minimum");
    assert_eq!(weak["vs_reference"]["only_reference_passed"], 30);
    assert_eq!(
        report["portfolio"]["savings_yearly_usd"]
            .as_f64()
            .unwrap()
            .round(),
        635.0
    );

    let markdown = common::read(&s.path("out/summary.md"));
    // The verdict table's row for the task names the recommended model.
    assert!(
        markdown
            .lines()
            .any(|l| l.starts_with('|') && l.contains("echo") && l.contains("small")),
        "{markdown}"
    );
    assert!(markdown.contains("$635"), "the yearly savings: {markdown}");
    let junit = common::read(&s.path("out/junit.xml"));
    assert!(junit.contains("<failure"), "weak misses its bars: {junit}");

    let litellm = s
        .sizeup()
        .args(["export", "latest", "--format", "litellm", "--db"])
        .arg(s.db())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let litellm = String::from_utf8_lossy(&litellm);
    assert!(litellm.contains("model_name: echo"), "{litellm}");
    assert!(litellm.contains("model: openai/small-1"), "{litellm}");
    assert!(
        litellm.contains("api_key: os.environ/SMALL_KEY"),
        "{litellm}"
    );
    assert!(!litellm.contains("sk-never-shown"), "{litellm}");
}

/// Two tasks whose answers get two of three fields right on every case:
/// partial credit of 0.67 and no case passed.
fn partial_credit_suite(base_url: &str) -> String {
    let cases: Vec<String> = (1..=12)
        .map(|i| {
            format!(
                "      - {{id: c{i}, q: \"record {i}\", a: {{name: n{i}, city: x, zip: \"{i}\"}}}}"
            )
        })
        .collect();
    let task = |id: &str, quality: &str| {
        format!(
            "  - id: {id}
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: json_fields}}]
    quality: {quality}
    cases:
{}
",
            cases.join("\n")
        )
    };
    format!(
        "name: partial
defaults: {{max_tokens: 32, temperature: 0, timeout: 5s}}
models:
  - {{id: small, provider: openai_compatible, model: small-1, base_url: '{base_url}',
     cost: {{input_per_mtok: 0.15, output_per_mtok: 0.6}}}}
tasks:
{}{}",
        task("extract", "{min: 0.6}"),
        task("extract-on-mean", "{min: 0.6, measure: mean}")
    )
}

#[test]
fn partial_credit_does_not_meet_a_pass_rate_bar() {
    // Right name and city, wrong zip.
    let server = common::server(|seen| {
        let i = seen.prompt.rsplit(' ').next().unwrap();
        Behavior::Reply(Reply::text(format!(
            "{{\"name\": \"n{i}\", \"city\": \"x\", \"zip\": \"0\"}}"
        )))
    });
    let s = Scratch::new();
    s.write("s.yaml", &partial_credit_suite(&server.base_url()));
    let out = s
        .sizeup()
        .args(["run", "s.yaml", "-q", "--db"])
        .arg(s.db())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8_lossy(&out);
    // json_fields checks answers with one right form: the pass rate is the
    // default; the other task names the mean.
    assert!(table.contains("bars on pass rate: extract\n"), "{table}");
    assert!(
        table.contains("bars on mean quality: extract-on-mean\n"),
        "{table}"
    );
    assert!(
        table.contains(
            "extract: no adequate model among those tested; none is recommended. small misses minimum (pass rate 0.00, 95% CI 0.00 to 0.24, under the minimum 0.60 (mean quality 0.67))"
        ),
        "{table}"
    );

    let report = s.export("latest");
    let tasks = report["tasks"].as_array().unwrap();
    assert_eq!(tasks[0]["quality_measure"], "pass_rate");
    assert_eq!(tasks[1]["quality_measure"], "mean");
    let cells = report["cells"].as_array().unwrap();
    assert_eq!(cells[0]["pass_rate"], 0.0);
    assert!((cells[0]["mean_quality"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(cells[0]["misses"][0]["bar"], "minimum");
    assert_eq!(cells[1]["misses"], serde_json::json!([]));
}
