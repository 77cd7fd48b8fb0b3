//! The suite loader over arbitrary input: bytes, and suites with fields
//! cut, swapped or garbled. Whatever it is given, it returns a suite or an
//! error, never a panic.

use proptest::prelude::*;
use sizeup::suite::{load, PriceBook};

/// A valid suite whose pieces the strategies cut and garble.
const SUITE: &str = "name: fuzz
defaults: {max_tokens: 8, timeout: 5s, concurrency: 2, repeats: 1}
models:
  - {id: m, provider: openai_compatible, model: x, base_url: \"http://127.0.0.1:9/v1\", cost: {hourly_usd: 0}}
tasks:
  - id: t
    prompt: \"{{ q }} and {{ a }}\"
    expected: a
    scorers: [{type: exact}, {type: contains, weight: 2}]
    quality: {min: 0.5, margin: 0.05}
    slo: {p95_latency_ms: 100}
    cases: [{q: x, a: y}, {q: \"z\", a: \"w\"}]
";

fn loads(text: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, text).unwrap();
    // Ok or a located error: either is fine, a panic is not.
    let _ = load(&path, None, &PriceBook::built_in());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        loads(&bytes);
    }

    #[test]
    fn a_suite_cut_anywhere_never_panics(at in 0..SUITE.len()) {
        loads(&SUITE.as_bytes()[..at]);
    }

    #[test]
    fn a_suite_with_a_byte_changed_never_panics(at in 0..SUITE.len(), byte in any::<u8>()) {
        let mut text = SUITE.as_bytes().to_vec();
        text[at] = byte;
        loads(&text);
    }

    #[test]
    fn a_suite_with_a_piece_swapped_never_panics(
        at in 0..SUITE.len(),
        piece in prop::sample::select(vec![
            "{", "}", "[", "]", ": ", "- ", "\n  ", "*a", "&a ", "!!binary ", "1e400", "-1",
            "18446744073709551616", "null", "~", "\"", "'", "{{", "{%", "\u{0}", "\u{feff}",
        ]),
    ) {
        let at = (0..=at).rev().find(|i| SUITE.is_char_boundary(*i)).unwrap_or(0);
        let text = format!("{}{}{}", &SUITE[..at], piece, &SUITE[at..]);
        loads(text.as_bytes());
    }
}

#[test]
fn the_suite_the_strategies_start_from_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, SUITE).unwrap();
    let suite = load(&path, None, &PriceBook::built_in()).expect("valid");
    assert_eq!(suite.tasks[0].cases.len(), 2);
}
