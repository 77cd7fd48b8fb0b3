//! Judged scorers end to end: a reference and a cheaper model answer on a
//! loopback server, and a scripted judge on the same server rates their
//! answers against a rubric and compares them pairwise. Judges that know
//! the answer, favour the first position, talk around their verdict or
//! give none are each run through the real binary.

mod common;

use common::Scratch;
use serde_json::Value;
use sizeup_tests::server::{Behavior, Config, MockServer, Reply, Seen};
use std::sync::Arc;

/// Serves the two candidates and hands the judge's requests to `judge`.
fn server(judge: impl Fn(&Seen) -> String + Send + Sync + 'static) -> MockServer {
    MockServer::start(Config {
        script: Arc::new(move |seen| {
            let text = match seen.model.as_str() {
                "big-1" => format!("REFERENCE reply to {}", seen.prompt),
                "small-1" => format!("SMALL reply to {}", seen.prompt),
                _ => judge(seen),
            };
            Behavior::Reply(Reply::text(text))
        }),
        ..Config::default()
    })
}

/// Whether the judge is asked to compare two answers (else to rate one).
fn pairwise(seen: &Seen) -> bool {
    seen.prompt.contains("<answer_a>")
}

/// The text between `<tag>` and `</tag>` in the judge's prompt.
fn between<'a>(prompt: &'a str, tag: &str) -> &'a str {
    let start = prompt.find(&format!("<{tag}>")).unwrap() + tag.len() + 2;
    let end = prompt.find(&format!("</{tag}>")).unwrap();
    &prompt[start..end]
}

/// A suite of one open-ended task that both models run, judged by rubric
/// and pairwise by the `judge` model.
fn suite(base_url: &str, cases: usize) -> String {
    let cases: Vec<String> = (1..=cases)
        .map(|i| format!("      - {{id: c{i}, q: \"complaint {i}\"}}"))
        .collect();
    format!(
        "name: judged
defaults: {{max_tokens: 32, temperature: 0, timeout: 5s}}
models:
  - {{id: big, provider: openai_compatible, model: big-1, base_url: '{base_url}', role: reference,
     cost: {{input_per_mtok: 10, output_per_mtok: 30}}}}
  - {{id: small, provider: openai_compatible, model: small-1, base_url: '{base_url}',
     cost: {{input_per_mtok: 0.1, output_per_mtok: 0.3}}}}
  - {{id: judge, provider: openai_compatible, model: judge-1, base_url: '{base_url}',
     cost: {{input_per_mtok: 1000, output_per_mtok: 1000}}}}
tasks:
  - id: reply
    prompt: \"{{{{ q }}}}\"
    models: [big, small]
    scorers:
      - {{type: judge, model: judge, rubric: 'addresses the complaint; polite'}}
      - {{type: pairwise, model: judge}}
    quality: {{margin: 0.1}}
    cases:
{}
",
        cases.join("\n")
    )
}

/// Runs the suite against `judge` and returns the export.
fn run(judge: impl Fn(&Seen) -> String + Send + Sync + 'static, cases: usize) -> Value {
    let server = server(judge);
    let s = Scratch::new();
    let suite = s.write("suite.yaml", &suite(&server.base_url(), cases));
    let out = s.run(&[suite.to_str().unwrap()]).get_output().clone();
    // A judge's failure is a trial's failure, never a crash or an abort.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    s.export("latest")
}

/// Each model's trials: (rubric score, pairwise score) per trial, or the
/// error class of a failed one.
fn scores(export: &Value, model: &str) -> Vec<Result<(f64, f64), String>> {
    export["trials"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["model"] == model)
        .map(|t| match t["error_class"].as_str() {
            Some(class) => Err(class.to_string()),
            None => {
                let s = t["scores"].as_array().unwrap();
                assert_eq!(
                    (s[0]["scorer"].as_str(), s[1]["scorer"].as_str()),
                    (Some("judge"), Some("pairwise"))
                );
                Ok((
                    s[0]["value"].as_f64().unwrap(),
                    s[1]["value"].as_f64().unwrap(),
                ))
            }
        })
        .collect()
}

#[test]
fn a_judge_that_knows_the_better_answer_scores_it() {
    let export = run(
        |seen| {
            if pairwise(seen) {
                let a = between(&seen.prompt, "answer_a");
                let better = if a.contains("REFERENCE") { "A" } else { "B" };
                format!("The reference-style answer is better.\nVerdict: {better}")
            } else if between(&seen.prompt, "answer").contains("SMALL") {
                "Curt.\nScore: 2".into()
            } else {
                "Addresses it politely.\nScore: 5".into()
            }
        },
        3,
    );
    assert_eq!(scores(&export, "big"), vec![Ok((1.0, 1.0)); 3]);
    assert_eq!(scores(&export, "small"), vec![Ok((0.25, 0.0)); 3]);
    let small = export["trials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["model"] == "small")
        .unwrap();
    let reason = small["scores"][0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("Curt."),
        "the judge's reason is kept: {reason}"
    );
    assert_eq!(small["scores"][1]["answer"], "loss, loss");
    // A judge that reads the answers keeps its decision in either order,
    // and what it cost is its own, not the models'.
    let judges = export["judges"].as_array().unwrap();
    let pairwise = judges.iter().find(|j| j["scorer"] == "pairwise").unwrap();
    assert_eq!(pairwise["position_bias"]["rate"], 0.0);
    assert_eq!(pairwise["calls"], 6);
    let rubric = judges.iter().find(|j| j["scorer"] == "judge").unwrap();
    assert_eq!(rubric["calls"], 6);
    assert!(rubric["cost_usd"].as_f64().unwrap() > 0.0);
    let trial_cost: f64 = export["trials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["cost_usd"].as_f64().unwrap())
        .sum();
    let spent = export["run"]["cost_usd"].as_f64().unwrap();
    assert!(
        (spent - trial_cost).abs() < 1e-12,
        "{spent} vs {trial_cost}"
    );
}

#[test]
fn a_judge_that_favours_the_first_answer_cancels_out() {
    let export = run(
        |seen| {
            if pairwise(seen) {
                "Verdict: A".into()
            } else {
                "Score: 4".into()
            }
        },
        2,
    );
    // Shown first, the candidate wins; shown second, it loses.
    assert_eq!(scores(&export, "small"), vec![Ok((0.75, 0.5)); 2]);
    let small = export["trials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["model"] == "small")
        .unwrap();
    assert_eq!(small["scores"][1]["answer"], "win, loss");
    // The report says so next to the verdict: every comparison flipped.
    let judges = export["judges"].as_array().unwrap();
    let pairwise = judges.iter().find(|j| j["scorer"] == "pairwise").unwrap();
    assert_eq!(pairwise["position_bias"]["rate"], 1.0);
    assert_eq!(pairwise["position_bias"]["n"], 2);
    // Such a judge decides nothing: the verdict says why, and recommends
    // no model on its word.
    assert_eq!(
        pairwise["misses"],
        serde_json::json!(["position bias 100% over the 20% bound, n = 2"])
    );
    assert_eq!(pairwise["answers_too"], false);
    let verdict = &export["verdicts"][0];
    assert_eq!(verdict["outcome"], "inconclusive");
    assert_eq!(verdict["recommended"], Value::Null);
    assert!(
        verdict["sentence"].as_str().unwrap().starts_with(
            "reply: inconclusive: its judge judge (position bias 100% over the 20% bound, n = 2) misses its own bars"
        ),
        "{verdict}"
    );
}

#[test]
fn a_scorer_sets_its_judges_bars() {
    let server = server(|seen| {
        if pairwise(seen) {
            "Verdict: A".into()
        } else {
            "Score: 4".into()
        }
    });
    let s = Scratch::new();
    let lenient = suite(&server.base_url(), 2).replace(
        "{type: pairwise, model: judge}",
        "{type: pairwise, model: judge, max_position_bias: 1.0}",
    );
    s.write("suite.yaml", &lenient);
    s.run(&["suite.yaml"]);
    let export = s.export("latest");
    let pairwise = export["judges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["scorer"] == "pairwise")
        .unwrap()
        .clone();
    // Every comparison flipped, and this scorer allows it.
    assert_eq!(pairwise["position_bias"]["rate"], 1.0);
    assert_eq!(pairwise["misses"], serde_json::json!([]));
    assert_eq!(pairwise["position"], 1);

    let wrong = lenient.replace("max_position_bias: 1.0", "max_position_bias: 1.5");
    s.write("suite.yaml", &wrong);
    let refused = s.sizeup().args(["validate", "suite.yaml"]).assert().code(2);
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(
        err.contains("tasks[0].scorers[1].max_position_bias"),
        "{err}"
    );
}

#[test]
fn a_reference_that_judges_its_own_answers_is_refused_unless_allowed() {
    let s = Scratch::new();
    let own = suite("http://127.0.0.1:9/v1", 2).replace("model: judge", "model: big");
    s.write("suite.yaml", &own);
    let refused = s.sizeup().args(["validate", "suite.yaml"]).assert().code(2);
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(
        err.contains("the pairwise judge `big` is the reference"),
        "{err}"
    );
    assert!(err.contains("tasks[0].scorers[1].model"), "{err}");

    let allowed = own.replace(
        "{type: pairwise, model: big}",
        "{type: pairwise, model: big, allow_self_judging: true}",
    );
    s.write("suite.yaml", &allowed);
    let ok = s
        .sizeup()
        .args(["validate", "suite.yaml"])
        .assert()
        .success();
    let out = ok.get_output();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Both judged scorers are warned about: the rubric judge too answers.
    assert_eq!(
        said.matches("`big` judges task `reply` and is also the reference of it")
            .count(),
        2,
        "{said}"
    );
}

#[test]
fn a_chatty_judge_is_read_and_a_malformed_one_fails_the_trial() {
    let export = run(
        |seen| {
            if pairwise(seen) {
                "Both are decent. After careful thought, **Verdict:** tie. Hope this helps!".into()
            } else {
                "Let me think. A score: 1 would be unfair here.\n\n**Score:** 4\n\nLet me know if you need more.".into()
            }
        },
        2,
    );
    assert_eq!(scores(&export, "small"), vec![Ok((0.75, 1.0)); 2]);

    let export = run(
        |seen| {
            if pairwise(seen) {
                "Verdict: B".into()
            } else {
                "I rather liked it.".into()
            }
        },
        2,
    );
    for model in ["big", "small"] {
        assert_eq!(scores(&export, model), vec![Err("judge".to_string()); 2]);
    }
    let t = &export["trials"][0];
    assert!(
        t["error"].as_str().unwrap().contains("no `Score: N` line"),
        "{}",
        t["error"]
    );
    // The answer judged stays with the trial.
    assert!(t["output"].as_str().unwrap().contains("reply to"));
}
