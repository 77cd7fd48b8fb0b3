//! Token ids equal llama.cpp's for tricky strings (Unicode, emoji, digits,
//! runs of spaces, code, special tokens), for every local model's own
//! tokenizer, and chat templates render conversations to the same prompt
//! tokens as llama.cpp's server. The expected ids in
//! `data/llama_cpp_tokens.json` were produced by llama.cpp on the same files
//! (the file says which build and how); only the values are kept here.

use serde_json::Value;
use sizeup_runners::local::Prompter;
use sizeup_runners::Message;
use std::path::PathBuf;

fn golden() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/llama_cpp_tokens.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn model(file: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../models")
        .join(file);
    assert!(
        path.is_file(),
        "{} is missing: run `sizeup models fetch --all` first",
        path.display()
    );
    path
}

#[test]
fn chat_templates_render_the_prompts_llama_cpp_renders() {
    let golden = golden();
    for (file, cases) in golden["templates"].as_object().unwrap() {
        let prompter = Prompter::open(&model(file), None).unwrap();
        for case in cases.as_array().unwrap() {
            let messages: Vec<Message> = serde_json::from_value(case["messages"].clone()).unwrap();
            let want: Vec<u32> = serde_json::from_value(case["ids"].clone()).unwrap();
            assert_eq!(
                prompter.tokens(&messages).unwrap(),
                want,
                "{file}: {}",
                case["prompt"]
            );
        }
    }
}

#[test]
fn token_ids_match_llama_cpp() {
    let golden = golden();
    let mut checked = 0;
    for (file, cases) in golden["models"].as_object().unwrap() {
        let path = model(file);
        // The template is not used: these are raw texts.
        let prompter = Prompter::open(&path, Some("")).unwrap();
        let tokenizer = prompter.tokenizer();
        for case in cases.as_array().unwrap() {
            let text = case["text"].as_str().unwrap();
            let want: Vec<u32> = serde_json::from_value(case["ids"].clone()).unwrap();
            let got = tokenizer.encode(text).unwrap();
            assert_eq!(got, want, "{file}: {text:?}");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} cases");
}
