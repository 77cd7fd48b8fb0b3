//! `sizeup validate`: every malformed suite gets a message that names the
//! file, line, column and field, with exit code 2 and no panic.

mod common;

use common::{fails, Scratch};

const GOOD: &str = "name: s
models:
  - id: small
    provider: openai_compatible
    model: m
    base_url: http://127.0.0.1:9/v1
    cost: {hourly_usd: 0}
tasks:
  - id: t
    prompt: \"Classify: {{ text }}\"
    expected: label
    scorers:
      - type: label
        labels: [spam, ham]
    cases:
      - {text: a, label: spam}
      - {text: b, label: ham}
";

fn check(suite: &str, files: &[(&str, &str)], location: &str, message: &str) {
    let err = fails(suite, files);
    assert!(
        err.contains(location),
        "expected location {location:?} in:\n{err}"
    );
    assert!(err.contains(message), "expected {message:?} in:\n{err}");
}

fn with(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "{from:?} not in the base suite");
    GOOD.replacen(from, to, 1)
}

#[test]
fn the_base_suite_is_valid() {
    let s = Scratch::new();
    s.write("s.yaml", GOOD);
    let out = s
        .sizeup()
        .args(["validate", "s.yaml"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8_lossy(&out),
        "s.yaml: ok · 1 tasks · 2 cases · 1 models · 2 trials\n"
    );
}

#[test]
fn yaml_syntax_error() {
    check(
        &with("\"Classify: {{ text }}\"", "\"Classify: {{ text }}"),
        &[],
        "s.yaml:10:13",
        "while scanning a quoted scalar",
    );
}

#[test]
fn unknown_top_level_field() {
    check(
        &format!("{GOOD}taks: []\n"),
        &[],
        "s.yaml:18:1",
        "unknown field `taks`",
    );
}

#[test]
fn unknown_task_field_with_suggestion() {
    let err = fails(&with("    prompt:", "    promt: x\n    prompt:"), &[]);
    assert!(
        err.contains("s.yaml:10:5") && err.contains("tasks[0].promt: unknown field `promt`"),
        "{err}"
    );
    assert!(err.contains("did you mean `prompt`?"), "{err}");
}

#[test]
fn missing_required_field() {
    check(
        &with("    prompt: \"Classify: {{ text }}\"\n", ""),
        &[],
        "s.yaml:9:5",
        "missing field `prompt`",
    );
}

#[test]
fn unknown_scorer_type() {
    let err = fails(&with("type: label", "type: lable"), &[]);
    assert!(
        err.contains("s.yaml:13:15") && err.contains("unknown variant `lable`"),
        "{err}"
    );
    assert!(err.contains("did you mean `label`?"), "{err}");
}

#[test]
fn unknown_scorer_option() {
    check(
        &with(
            "        labels: [spam, ham]",
            "        labels: [spam, ham]\n        lables: [x]",
        ),
        &[],
        "s.yaml:13",
        "unknown field `lables`",
    );
}

#[test]
fn unknown_provider() {
    let err = fails(
        &with("provider: openai_compatible", "provider: openai_compatibel"),
        &[],
    );
    assert!(
        err.contains("s.yaml:4:15") && err.contains("models[0].provider: unknown provider"),
        "{err}"
    );
    assert!(err.contains("did you mean `openai_compatible`?"), "{err}");
}

#[test]
fn compatible_model_without_base_url() {
    check(
        &with(
            "    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n",
            "",
        ),
        &[],
        "s.yaml:3:5",
        "needs a base_url",
    );
}

#[test]
fn base_url_is_not_http() {
    check(
        &with("http://127.0.0.1:9/v1", "ftp://x"),
        &[],
        "s.yaml:6:15",
        "is not an http:// or https:// URL",
    );
}

#[test]
fn credentials_in_a_base_url_are_refused_and_not_echoed() {
    for url in [
        "https://user:sk-live-abc123@gw.example/v1",
        "https://gw.example/v1?api-key=sk-live-abc123",
    ] {
        let err = fails(&with("http://127.0.0.1:9/v1", url), &[]);
        assert!(
            err.contains("s.yaml:6:15") && err.contains("must not carry credentials"),
            "{err}"
        );
        assert!(!err.contains("sk-live-abc123"), "the key is echoed:\n{err}");
    }
}

#[test]
fn api_key_given_instead_of_its_variable() {
    let err = fails(
        &with(
            "    base_url:",
            "    api_key_env: sk-live-abc123\n    base_url:",
        ),
        &[],
    );
    assert!(
        err.contains("s.yaml:6:18") && err.contains("must be the name of an environment variable"),
        "{err}"
    );
    assert!(
        !err.contains("sk-live-abc123"),
        "the pasted key is echoed:\n{err}"
    );
}

#[test]
fn temperature_out_of_range() {
    check(
        &with(
            "    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n",
            "    base_url: http://127.0.0.1:9/v1\n    params: {temperature: 3}\n",
        ),
        &[],
        "s.yaml:7:27",
        "3 is out of range: expected 0 to 2",
    );
}

#[test]
fn wrong_type_for_a_number() {
    check(
        &with(
            "    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n",
            "    base_url: http://127.0.0.1:9/v1\n    concurrency: many\n",
        ),
        &[],
        "s.yaml:7:18",
        "invalid type: string \"many\", expected usize",
    );
}

#[test]
fn invalid_duration() {
    check(
        &format!("defaults: {{timeout: 5 parsecs}}\n{GOOD}"),
        &[],
        "s.yaml:1:21",
        "invalid duration `5 parsecs`",
    );
}

#[test]
fn duplicate_task_id() {
    let second =
        "  - id: t\n    prompt: x\n    cases: [{a: 1}]\n    scorers: [{type: json_valid}]\n";
    check(
        &format!("{GOOD}{second}"),
        &[],
        "s.yaml:18:9",
        "duplicate task id `t`",
    );
}

#[test]
fn duplicate_model_id() {
    let models = "models:\n  - id: small\n    provider: openai\n    model: gpt-4o\n  - id: small\n    provider: openai\n    model: gpt-4.1\n";
    let suite = GOOD.replace("models:\n  - id: small\n    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n", models);
    check(&suite, &[], "s.yaml:6:9", "duplicate model id `small`");
}

#[test]
fn two_reference_models() {
    let models = "models:\n  - {id: a, provider: openai, model: gpt-4o, role: reference}\n  - {id: b, provider: openai, model: gpt-4.1, role: reference}\n";
    let suite = GOOD.replace("models:\n  - id: small\n    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n", models);
    check(
        &suite,
        &[],
        "s.yaml:4:53",
        "`a` is already the reference model",
    );
}

#[test]
fn template_syntax_error() {
    check(
        &with("\"Classify: {{ text }}\"", "\"Classify: {{ text \""),
        &[],
        "s.yaml:10:13",
        "invalid template (template line 1)",
    );
}

#[test]
fn template_variable_no_case_has() {
    let err = fails(&with("{{ text }}", "{{ txt }}"), &[]);
    assert!(
        err.contains("s.yaml:10:13") && err.contains("template uses `txt`, which no case defines"),
        "{err}"
    );
    assert!(err.contains("did you mean `text`?"), "{err}");
}

#[test]
fn case_missing_a_variable() {
    check(
        &with(
            "      - {text: b, label: ham}",
            "      - {txt: b, label: ham}",
        ),
        &[],
        "s.yaml:17:9",
        "case has no field `text`",
    );
}

#[test]
fn case_missing_the_expected_field() {
    check(
        &with(
            "      - {text: b, label: ham}",
            "      - {text: b, labl: ham}",
        ),
        &[],
        "s.yaml:17:9",
        "case `2` has no field `label`",
    );
}

#[test]
fn scorer_needs_an_expected_answer() {
    check(
        &with("    expected: label\n", ""),
        &[],
        "s.yaml:12:9",
        "scorer `label` compares with an expected answer, but the task has none",
    );
}

#[test]
fn invalid_regex() {
    check(
        &with(
            "      - type: label\n        labels: [spam, ham]",
            "      - type: regex\n        pattern: \"(unclosed\"",
        ),
        &[],
        "s.yaml:13:9",
        "invalid regex",
    );
}

#[test]
fn label_scorer_with_one_label() {
    check(
        &with("[spam, ham]", "[spam]"),
        &[],
        "s.yaml:13:9",
        "a label scorer needs at least two labels",
    );
}

#[test]
fn invalid_json_schema() {
    check(
        &with(
            "      - type: label\n        labels: [spam, ham]",
            "      - type: json_schema\n        schema: {type: 12}",
        ),
        &[],
        "s.yaml:13:9",
        "invalid JSON schema",
    );
}

#[test]
fn task_without_scorers() {
    check(
        &with(
            "    scorers:\n      - type: label\n        labels: [spam, ham]\n",
            "",
        ),
        &[],
        "s.yaml:9:9",
        "the task has no scorers",
    );
}

#[test]
fn quality_margin_out_of_range() {
    check(
        &with(
            "    expected: label\n",
            "    expected: label\n    quality: {margin: 1.5}\n",
        ),
        &[],
        "s.yaml:12:23",
        "1.5 is out of range",
    );
}

#[test]
fn unknown_quality_measure() {
    check(
        &with(
            "    expected: label\n",
            "    expected: label\n    quality: {min: 0.6, measure: median}\n",
        ),
        &[],
        "s.yaml:12:",
        "tasks[0].quality.measure: unknown variant `median`, expected `pass_rate` or `mean`",
    );
}

#[test]
fn task_names_an_unknown_model() {
    let err = fails(
        &with(
            "    expected: label\n",
            "    expected: label\n    models: [smal]\n",
        ),
        &[],
    );
    assert!(
        err.contains("s.yaml:12:14") && err.contains("unknown model id `smal`"),
        "{err}"
    );
    assert!(err.contains("did you mean `small`?"), "{err}");
}

#[test]
fn suite_model_id_missing_from_the_catalog() {
    let suite = GOOD.replace("models:\n  - id: small\n    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n", "models: [small]\n");
    check(
        &suite,
        &[],
        "s.yaml:2:10",
        "model `small` is not defined in the suite",
    );
}

#[test]
fn cases_file_not_found() {
    let cases = "    cases:\n      - {text: a, label: spam}\n      - {text: b, label: ham}\n";
    check(
        &with(cases, "    cases: data/missing.jsonl\n"),
        &[],
        "s.yaml:15:12",
        "cases file `data/missing.jsonl` not found",
    );
}

#[test]
fn invalid_json_in_a_cases_file() {
    let cases = "    cases:\n      - {text: a, label: spam}\n      - {text: b, label: ham}\n";
    let lines = "{\"text\": \"a\", \"label\": \"spam\"}\n{\"text\": \"b\", \"label\": ham}\n";
    check(
        &with(cases, "    cases: c.jsonl\n"),
        &[("c.jsonl", lines)],
        "c.jsonl:2:",
        "invalid JSON",
    );
}

#[test]
fn a_cases_file_line_that_is_not_an_object() {
    let cases = "    cases:\n      - {text: a, label: spam}\n      - {text: b, label: ham}\n";
    check(
        &with(cases, "    cases: c.jsonl\n"),
        &[(
            "c.jsonl",
            "{\"text\": \"a\", \"label\": \"spam\"}\n\n[1, 2]\n",
        )],
        "c.jsonl:3:1",
        "each line must be a JSON object",
    );
}

#[test]
fn a_csv_case_missing_a_column_value() {
    let cases = "    cases:\n      - {text: a, label: spam}\n      - {text: b, label: ham}\n";
    check(
        &with(cases, "    cases: c.csv\n"),
        &[("c.csv", "text,label\na,spam\nb\n")],
        "c.csv:3:1",
        "invalid CSV",
    );
}

#[test]
fn an_unsupported_cases_file() {
    let cases = "    cases:\n      - {text: a, label: spam}\n      - {text: b, label: ham}\n";
    check(
        &with(cases, "    cases: c.txt\n"),
        &[("c.txt", "a\n")],
        "c.txt:1:1",
        "unsupported cases file extension `.txt`",
    );
}

#[test]
fn csv_cases_load() {
    let cases = "    cases:\n      - {text: a, label: spam}\n      - {text: b, label: ham}\n";
    let s = Scratch::new();
    s.write("s.yaml", &with(cases, "    cases: c.csv\n"));
    s.write("c.csv", "text,label\n\"a, quoted\",spam\nb,ham\nc,ham\n");
    s.sizeup().args(["validate", "s.yaml"]).assert().success();
}

#[test]
fn a_catalog_supplies_the_models() {
    let s = Scratch::new();
    let suite = GOOD.replace("models:\n  - id: small\n    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n", "models: [small]\n");
    s.write("s.yaml", &suite);
    s.write("models.yaml", "models:\n  - {id: small, provider: openai_compatible, model: m, base_url: \"http://127.0.0.1:9/v1\", cost: {hourly_usd: 0}}\n  - {id: big, provider: openai, model: gpt-4o}\n");
    s.sizeup()
        .args(["validate", "s.yaml", "--models", "models.yaml"])
        .assert()
        .success();
    let suite = suite.replace("[small]", "[smal]");
    s.write("s.yaml", &suite);
    let out = s
        .sizeup()
        .args(["validate", "s.yaml", "--models", "models.yaml"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains("unknown model id `smal`") && err.contains("did you mean `small`?"),
        "{err}"
    );
    s.write("s.yaml", &suite.replace("[smal]", "[small]"));
    s.write(
        "models.yaml",
        "models:\n  - {id: small, provider: openai_compatible, model: m}\n",
    );
    let s2 = s
        .sizeup()
        .args(["validate", "s.yaml", "--models", "models.yaml"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&s2).contains("models.yaml:2:5"),
        "{}",
        String::from_utf8_lossy(&s2)
    );
}

#[test]
fn every_suite_in_the_repository_validates() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../suites");
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let data = ["models.yaml", "prices.yaml"];
        if path.extension().is_some_and(|e| e == "yaml") && !data.contains(&name.as_str()) {
            let s = Scratch::new();
            s.sizeup()
                .arg("validate")
                .arg(&path)
                .arg("--models")
                .arg(root.join("models.yaml"))
                .arg("--prices")
                .arg(root.join("prices.yaml"))
                .assert()
                .success();
            seen += 1;
        }
    }
    assert!(seen >= 1, "no suites found under {}", root.display());
}

#[test]
fn local_model_file_not_found() {
    let local = "models:\n  - {id: tiny, provider: local, model: nowhere/tiny.gguf}\n";
    let suite = GOOD.replace("models:\n  - id: small\n    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n", local);
    let err = fails(&suite, &[]);
    assert!(
        err.contains("s.yaml:3:40") && err.contains("model file nowhere/tiny.gguf not found"),
        "{err}"
    );
    assert!(err.contains("sizeup models fetch"), "{err}");
}

#[test]
fn local_only_settings_on_a_remote_model() {
    check(
        &with("    base_url:", "    device: cuda:0\n    base_url:"),
        &[],
        "s.yaml:6:13",
        "`device` applies only to local models",
    );
}

#[test]
fn a_model_without_a_price_is_an_error() {
    check(
        &with("    cost: {hourly_usd: 0}\n", ""),
        &[],
        "s.yaml:5:12",
        "no price for `m` of `openai_compatible`",
    );
    check(
        &with(
            "    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n",
            "    provider: openai\n    model: gpt-7-imaginary\n",
        ),
        &[],
        "s.yaml:5:12",
        "no price for `gpt-7-imaginary` of `openai`",
    );
    check(
        &with("cost: {hourly_usd: 0}", "cost: {}"),
        &[],
        "s.yaml:7:11",
        "`cost` sets no price",
    );
}

#[test]
fn frontier_models_are_priced_from_the_catalog_and_price_book() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../suites");
    let ids = [
        "gpt-5-mini",
        "gpt-4.1-mini",
        "claude-haiku-4-5",
        "claude-sonnet-4-5",
        "gemini-2.5-flash",
        "gemini-2.5-flash-lite",
        "example-echo",
    ];
    let suite = with(
        "models:\n  - id: small\n    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n    cost: {hourly_usd: 0}\n",
        &format!("models: [{}]\n", ids.join(", ")),
    );
    let s = Scratch::new();
    s.write("s.yaml", &suite);
    s.sizeup()
        .args(["validate", "s.yaml", "--models"])
        .arg(root.join("models.yaml"))
        .assert()
        .success();
}

#[test]
fn a_bad_price_book_names_its_line() {
    let s = Scratch::new();
    s.write("s.yaml", GOOD);
    s.write(
        "prices.yaml",
        "prices:\n  - {provider: openai, model: m, input_per_mtok: 1, output_per_mtok: 2, as_of: 2026-01-01}\n",
    );
    let out = s
        .sizeup()
        .args(["validate", "s.yaml", "--prices", "prices.yaml"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("prices.yaml:2:5") && err.contains("missing field `source`"),
        "{err}"
    );
}

#[test]
fn provider_specific_settings_are_checked() {
    check(
        &with(
            "    cost: {hourly_usd: 0}\n",
            "    cost: {hourly_usd: 0}\n    api_version: 2024-10-21\n",
        ),
        &[],
        "s.yaml:8:18",
        "`api_version` applies only to azure_openai models",
    );
    check(
        &with(
            "    provider: openai_compatible\n    model: m\n    base_url: http://127.0.0.1:9/v1\n",
            "    provider: azure_openai\n    model: m\n",
        ),
        &[],
        "s.yaml:3:5",
        "an azure_openai model needs a base_url",
    );
    check(
        &with(
            "    cost: {hourly_usd: 0}\n",
            "    cost: {hourly_usd: 0}\n    tokens_per_minute: 0\n",
        ),
        &[],
        "s.yaml:8:24",
        "a rate limit must be at least 1",
    );
    check(
        &with(
            "    cost: {hourly_usd: 0}\n",
            "    cost: {hourly_usd: 0}\n    params: {repetition_penalty: 0}\n",
        ),
        &[],
        "s.yaml:8:34",
        "0 is out of range: expected above 0, at most 10",
    );
    check(
        &with(
            "    expected: label\n",
            "    expected: label\n    structured_output: {type: 12}\n",
        ),
        &[],
        "s.yaml:12:24",
        "not a valid JSON Schema",
    );
}

#[test]
fn a_token_rate_limit_below_one_request() {
    // "Classify: a" is 3 tokens at four characters a token, plus the
    // default 512 of max_tokens: no minute of 500 tokens can carry it.
    let err = fails(
        &with(
            "    cost: {hourly_usd: 0}\n",
            "    cost: {hourly_usd: 0}\n    tokens_per_minute: 500\n",
        ),
        &[],
    );
    assert!(
        err.contains("s.yaml:8:24")
            && err.contains("models[0].tokens_per_minute: 500 tokens a minute can never serve `small`: a request of task `t` (case `1`) is charged 515 tokens, 3 of prompt and 512 of max_tokens"),
        "{err}"
    );
    assert!(
        err.contains("raise tokens_per_minute to at least 515"),
        "{err}"
    );
}
