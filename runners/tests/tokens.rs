//! Token ids equal llama.cpp's for tricky strings (Unicode, emoji, digits,
//! runs of spaces, code, special tokens), for every local model's own
//! tokenizer. The expected ids in `data/llama_cpp_tokens.json` were produced
//! by llama.cpp's `llama-tokenize` on the same files (the file says which
//! build and how); only the values are kept here.

use serde_json::Value;
use sizeup_runners::local::Prompter;
use std::path::PathBuf;

#[test]
fn token_ids_match_llama_cpp() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let golden: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/data/llama_cpp_tokens.json")).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for (file, cases) in golden["models"].as_object().unwrap() {
        let path = root.join("../models").join(file);
        assert!(
            path.is_file(),
            "{} is missing: run `sizeup models fetch --all` first",
            path.display()
        );
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
