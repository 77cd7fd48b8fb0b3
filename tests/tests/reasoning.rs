//! Frontier models as the catalog configures them. The loopback servers refuse
//! what the real APIs refuse (GPT-5's `temperature` and `stop`, Claude 4.5's
//! `temperature` with `top_p`, sampling while Claude thinks, Gemini budgets
//! out of range) and spend reasoning tokens from the output limit. sizeup
//! sends only what each model accepts, gives reasoning room on top of a
//! task's `max_tokens`, and says at `validate` what it withholds and where a
//! limit leaves no room for the answer.

mod common;

use common::Scratch;
use serde_json::Value;
use sizeup_tests::server::{Api, Behavior, Config, MockServer, Reply, Seen};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

type Bodies = Arc<Mutex<HashMap<String, Value>>>;

/// A server for `api` that answers "echo: PROMPT" and keeps each model's
/// last request body.
fn server(api: Api, bodies: &Bodies) -> MockServer {
    let bodies = bodies.clone();
    MockServer::start(Config {
        api,
        script: Arc::new(move |seen: &Seen| {
            bodies
                .lock()
                .unwrap()
                .insert(seen.model.clone(), seen.body.clone());
            Behavior::Reply(Reply::text(format!("echo: {}", seen.prompt)))
        }),
        ..Config::default()
    })
}

/// A suite of one task whose answer is three tokens, asked with a limit of
/// four and `temperature: 0`, over `models` (YAML list entries).
fn suite(models: &str, stream: bool) -> String {
    format!(
        "name: reasoning
defaults: {{max_tokens: 4, temperature: 0, timeout: 5s}}
models:
{models}
tasks:
  - id: echo
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: exact}}]
    cases:
      - {{id: c1, q: \"question 1\", a: \"echo: question 1\"}}
      - {{id: c2, q: \"question 2\", a: \"echo: question 2\"}}
"
    )
    .replace("stream: STREAM", &format!("stream: {stream}"))
}

fn model(id: &str, provider: &str, name: &str, server: &MockServer, extra: &str) -> String {
    format!(
        "  - {{id: {id}, provider: {provider}, model: {name}, base_url: \"{}\", api_key_env: REASONING_TEST_KEY, stream: STREAM, cost: {{input_per_mtok: 1, output_per_mtok: 2}}{extra}}}",
        server.base_url()
    )
}

/// Runs the suite; returns each model's trials and what `validate` warned.
fn run(text: &str) -> (HashMap<String, Vec<Value>>, String) {
    let s = Scratch::new();
    s.write("s.yaml", text);
    let validated = s
        .sizeup()
        .env("REASONING_TEST_KEY", "k")
        .args(["validate", "s.yaml"])
        .assert()
        .success()
        .get_output()
        .clone();
    s.sizeup()
        .env("REASONING_TEST_KEY", "k")
        .args(["run", "s.yaml", "-q", "--db"])
        .arg(s.db())
        .assert()
        .success();
    let mut by_model: HashMap<String, Vec<Value>> = HashMap::new();
    for t in s.export("latest")["trials"].as_array().unwrap() {
        by_model
            .entry(t["model"].as_str().unwrap().to_string())
            .or_default()
            .push(t.clone());
    }
    (by_model, String::from_utf8_lossy(&validated.stderr).into())
}

fn passed(trials: &[Value]) -> usize {
    trials.iter().filter(|t| t["passed"] == true).count()
}

#[test]
fn gpt5_gets_no_temperature_or_stop_and_its_reasoning_gets_room() {
    for stream in [true, false] {
        let bodies = Bodies::default();
        let srv = server(Api::OpenAi, &bodies);
        let models = [
            model(
                "bare",
                "openai",
                "gpt-5-mini",
                &srv,
                ", params: {stop: [END]}",
            ),
            model(
                "tuned",
                "openai",
                "gpt-5-nano",
                &srv,
                ", reasoning: {effort: minimal, budget_tokens: 64}",
            ),
        ]
        .join("\n");
        let (trials, warnings) = run(&suite(&models, stream));
        // Every request was accepted: nothing the API refuses was sent.
        for t in trials.values().flatten() {
            assert_eq!(t["error_class"], Value::Null, "{t}");
        }
        // At its default effort, reasoning spent the whole limit of 4 tokens.
        let bare = &trials["bare"];
        assert_eq!(passed(bare), 0);
        for t in bare {
            assert_eq!(t["output"], "", "{t}");
            assert_eq!(t["finish_reason"], "length");
            assert_eq!(t["reasoning_tokens"], 4);
        }
        // With room, the minimal effort's 8 reasoning tokens leave the answer whole.
        let tuned = &trials["tuned"];
        assert_eq!(passed(tuned), 2, "{tuned:?}");
        assert!(tuned.iter().all(|t| t["reasoning_tokens"] == 8));
        let bodies = bodies.lock().unwrap();
        let bare = &bodies["gpt-5-mini"];
        assert!(bare.get("temperature").is_none() && bare.get("stop").is_none());
        assert_eq!(bare["max_completion_tokens"], 4);
        assert!(bare.get("reasoning_effort").is_none());
        let tuned = &bodies["gpt-5-nano"];
        assert_eq!(tuned["max_completion_tokens"], 68);
        assert_eq!(tuned["reasoning_effort"], "minimal");
        // `validate` names what it withholds, and the limit without room.
        for expected in [
            "`temperature` is not sent to `bare`: GPT-5 reasoning models refuse it",
            "`stop` is not sent to `bare`",
            "`temperature` is not sent to `tuned`",
            "s.yaml:2:24: defaults.max_tokens: `bare` reasons",
        ] {
            assert!(warnings.contains(expected), "{expected} in {warnings}");
        }
        assert!(!warnings.contains("`tuned` reasons"), "{warnings}");
    }
}

#[test]
fn gemini_thinking_is_budgeted_on_top_of_the_answer() {
    let bodies = Bodies::default();
    let srv = server(Api::Gemini, &bodies);
    let models = [
        model("flash", "gemini", "gemini-2.5-flash", &srv, ""),
        model(
            "budgeted",
            "gemini",
            "gemini-2.5-pro",
            &srv,
            ", reasoning: {budget_tokens: 256}",
        ),
        model(
            "off",
            "gemini",
            "gemini-2.5-flash-lite",
            &srv,
            ", reasoning: {budget_tokens: 0}",
        ),
    ]
    .join("\n");
    for stream in [true, false] {
        let (trials, warnings) = run(&suite(&models, stream));
        // Dynamic thinking spent all four tokens: an empty answer cut at the limit.
        for t in &trials["flash"] {
            assert_eq!(t["error_class"], Value::Null, "{t}");
            assert_eq!(t["output"], "");
            assert_eq!(t["finish_reason"], "length");
        }
        assert_eq!(passed(&trials["budgeted"]), 2, "{:?}", trials["budgeted"]);
        assert!(trials["budgeted"]
            .iter()
            .all(|t| t["reasoning_tokens"] == 40));
        assert_eq!(passed(&trials["off"]), 2);
        assert!(warnings.contains("`flash` reasons"), "{warnings}");
        assert!(!warnings.contains("`budgeted` reasons"), "{warnings}");
        assert!(!warnings.contains("`off` reasons"), "{warnings}");
    }
    let bodies = bodies.lock().unwrap();
    let pro = &bodies["gemini-2.5-pro"]["generationConfig"];
    assert_eq!(pro["maxOutputTokens"], 260);
    assert_eq!(pro["thinkingConfig"]["thinkingBudget"], 256);
    // Flash-Lite does not think unless asked: a budget of 0 needs no field.
    for name in ["gemini-2.5-flash-lite", "gemini-2.5-flash"] {
        let config = &bodies[name]["generationConfig"];
        assert_eq!(config["maxOutputTokens"], 4);
        assert!(config.get("thinkingConfig").is_none(), "{name}");
    }
}

#[test]
fn claude_gets_one_of_temperature_and_top_p_and_thinks_with_a_budget() {
    let bodies = Bodies::default();
    let srv = server(Api::Anthropic, &bodies);
    let models = [
        model(
            "sonnet",
            "anthropic",
            "claude-sonnet-4-5",
            &srv,
            ", params: {top_p: 0.9}",
        ),
        model(
            "thinking",
            "anthropic",
            "claude-haiku-4-5",
            &srv,
            ", params: {top_k: 5}, reasoning: {budget_tokens: 2048}",
        ),
    ]
    .join("\n");
    for stream in [true, false] {
        let (trials, warnings) = run(&suite(&models, stream));
        for t in trials.values().flatten() {
            assert_eq!(t["error_class"], Value::Null, "{t}");
        }
        assert_eq!(passed(&trials["sonnet"]), 2);
        // The thinking block is not part of the answer, and its tokens are output.
        assert_eq!(passed(&trials["thinking"]), 2, "{:?}", trials["thinking"]);
        assert!(trials["thinking"]
            .iter()
            .all(|t| t["output_tokens"] == 43 && !t["output"].as_str().unwrap().contains("hmm")));
        assert!(
            warnings.contains(
                "`top_p` is not sent to `sonnet`: the API takes `temperature` or `top_p`, not both"
            ),
            "{warnings}"
        );
        for p in ["temperature", "top_k"] {
            assert!(
                warnings.contains(&format!(
                    "`{p}` is not sent to `thinking`: Claude refuses it while thinking"
                )),
                "{p}: {warnings}"
            );
        }
    }
    let bodies = bodies.lock().unwrap();
    let sonnet = &bodies["claude-sonnet-4-5"];
    assert_eq!(sonnet["temperature"], 0.0);
    assert!(sonnet.get("top_p").is_none() && sonnet.get("thinking").is_none());
    let haiku = &bodies["claude-haiku-4-5"];
    assert_eq!(haiku["thinking"]["type"], "enabled");
    assert_eq!(haiku["thinking"]["budget_tokens"], 2048);
    assert_eq!(haiku["max_tokens"], 2052);
    assert!(haiku.get("temperature").is_none() && haiku.get("top_k").is_none());
}

#[test]
fn reasoning_settings_a_model_refuses_are_located_errors() {
    let cases = [
        (
            "{id: m, provider: openai, model: gpt-5.1, reasoning: {effort: minimal}}",
            "models[0].reasoning.effort: `gpt-5.1` takes no effort `minimal`",
            Some("one of: none, low, medium, high"),
        ),
        (
            "{id: m, provider: openai, model: gpt-4.1-mini, reasoning: {effort: low}}",
            "models[0].reasoning: sizeup does not know `gpt-4.1-mini` as a reasoning model",
            Some("remove `reasoning`"),
        ),
        (
            "{id: m, provider: gemini, model: gemini-2.5-pro, reasoning: {budget_tokens: 0}}",
            "models[0].reasoning.budget_tokens: `gemini-2.5-pro` cannot turn reasoning off",
            None,
        ),
        (
            "{id: m, provider: gemini, model: gemini-2.5-flash-lite, reasoning: {budget_tokens: 100}}",
            "`gemini-2.5-flash-lite` takes a budget from 512 to 24576 tokens, not 100",
            Some("0 turns reasoning off where the model allows it"),
        ),
        (
            "{id: m, provider: gemini, model: gemini-2.5-flash, reasoning: {effort: low}}",
            "`gemini-2.5-flash` takes a token budget, not an effort",
            Some("set `reasoning.budget_tokens` instead"),
        ),
        (
            "{id: m, provider: anthropic, model: claude-sonnet-4-5, reasoning: {budget_tokens: 512}}",
            "`claude-sonnet-4-5` takes a budget of at least 1024 tokens, not 512",
            Some("0 turns reasoning off where the model allows it"),
        ),
    ];
    for (entry, message, hint) in cases {
        let err = common::fails(
            &format!(
                "name: s\nmodels:\n  - {entry}\ntasks:\n  - {{id: t, prompt: \"{{{{ q }}}}\", cases: [{{q: 1}}], scorers: [{{type: json_valid}}]}}\n"
            ),
            &[],
        );
        assert!(err.contains(message), "{message} in {err}");
        if let Some(hint) = hint {
            assert!(err.contains(hint), "{hint} in {err}");
        }
    }
}

#[test]
fn a_model_limit_without_room_is_warned_once_at_the_model() {
    let s = Scratch::new();
    s.write(
        "s.yaml",
        "name: s\nmodels:\n  - {id: m, provider: openai, model: gpt-5-mini, params: {max_tokens: 8}}\ntasks:\n  - {id: t, prompt: \"{{ q }}\", cases: [{q: 1}], scorers: [{type: json_valid}]}\n  - {id: u, prompt: \"{{ q }}\", cases: [{q: 2}], scorers: [{type: json_valid}]}\n",
    );
    let out = s
        .sizeup()
        .args(["validate", "s.yaml"])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    let warned: Vec<&str> = err.lines().filter(|l| l.contains("reasons")).collect();
    assert_eq!(warned.len(), 1, "{err}");
    assert!(
        warned[0].contains("s.yaml:3:71: models[0].params.max_tokens: `m` reasons, and its reasoning counts against its max_tokens (8)"),
        "{err}"
    );
}
