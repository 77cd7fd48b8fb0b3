//! The `similarity` scorer end to end: answers from the loopback server
//! scored by the real embedding model (fetched by `sizeup models fetch
//! --all`) through the engine's blocking pool, stored and exported.

mod common;

use common::{server, Scratch};
use sizeup_tests::server::{Behavior, Reply};
use std::path::Path;

#[test]
fn a_paraphrase_passes_and_an_unrelated_answer_fails_in_a_run() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/all-MiniLM-L6-v2");
    assert!(
        model.join("model.safetensors").is_file(),
        "run `sizeup models fetch --all` first"
    );
    let server = server(|seen| {
        Behavior::Reply(Reply::text(if seen.prompt == "near" {
            "We've sent your refund; expect it on your card within three to five working days."
        } else {
            "Our store opens at 9 am on weekdays."
        }))
    });
    let s = Scratch::new();
    s.write(
        "s.yaml",
        &format!(
            "name: sim
defaults: {{max_tokens: 64, temperature: 0, timeout: 5s}}
models:
  - {{id: loop, provider: openai_compatible, model: loop-1, base_url: \"{}\", cost: {{input_per_mtok: 1, output_per_mtok: 1}}}}
tasks:
  - id: reply
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers: [{{type: similarity, model: \"{}\", threshold: 0.8}}]
    cases:
      - {{id: near, q: near, a: Your refund has been issued and will reach your card in 3-5 business days.}}
      - {{id: far, q: far, a: Your refund has been issued and will reach your card in 3-5 business days.}}
",
            server.base_url(),
            model.display()
        ),
    );
    s.run(&["s.yaml", "-q"]).success();
    let report = s.export("latest");
    let trials = report["trials"].as_array().unwrap();
    let trial = |case: &str| trials.iter().find(|t| t["case"] == case).unwrap();
    let (near, far) = (trial("near"), trial("far"));
    assert_eq!(near["passed"], true, "{near}");
    assert!(near["quality"].as_f64().unwrap() > 0.85, "{near}");
    assert_eq!(far["passed"], false, "{far}");
    assert!(far["quality"].as_f64().unwrap() < 0.2, "{far}");
    let reason = far["scores"][0]["reason"].as_str().unwrap();
    assert!(reason.starts_with("cosine similarity 0.1"), "{reason}");
}
