//! The suite loader over arbitrary input: bytes, suites with fields cut,
//! swapped or garbled, and YAML of generated anchors, aliases and nesting.
//! Whatever it is given, it returns a suite or an error, never a panic, and
//! within a bounded time.

use proptest::prelude::*;
use sizeup::suite::{load, PriceBook};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

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

/// Far beyond what any input takes (milliseconds): a load still running
/// then is one that would not end.
const PER_INPUT: Duration = Duration::from_secs(30);

fn loads(text: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    std::fs::write(&path, text).unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // Ok or a located error: either is fine, a panic is not.
        let _ = tx.send(load(&path, None, &PriceBook::built_in()).is_ok());
    });
    match rx.recv_timeout(PER_INPUT) {
        Ok(_) => {}
        Err(RecvTimeoutError::Disconnected) => panic!("the loader panicked"),
        Err(RecvTimeoutError::Timeout) => panic!("the loader ran past {PER_INPUT:?}"),
    }
}

/// A YAML node: a scalar, an alias of one of four anchors, or a flow
/// sequence, mapping or anchored node of smaller ones.
fn node() -> BoxedStrategy<String> {
    let leaf = prop_oneof!["[a-z]{0,6}", (0u8..4).prop_map(|a| format!("*a{a}"))];
    leaf.prop_recursive(8, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6)
                .prop_map(|items| format!("[{}]", items.join(", "))),
            prop::collection::vec(("[a-z]{1,4}", inner.clone()), 0..6).prop_map(|entries| {
                let body: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{{{}}}", body.join(", "))
            }),
            ((0u8..4), inner).prop_map(|(a, v)| format!("&a{a} {v}")),
        ]
    })
    .boxed()
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Anchors and aliases anywhere (defined or not, nested in each other),
    /// beside a nest up to twice the depth limit, in block or flow style,
    /// and up to 3,000 copies of an aliased large value.
    #[test]
    fn aliases_and_nesting_end_in_a_suite_or_an_error(
        tree in node(),
        deep in 0usize..300,
        block in any::<bool>(),
        copies in 0usize..3000,
        big in 0usize..(64 << 10),
    ) {
        // The tree, the flow nest and the copies go into a case, which the
        // loader reads whole, so every alias in them would be expanded; the
        // large anchor is the suite's description.
        let flow = format!("{}1{}", "[".repeat(deep), "]".repeat(deep));
        let case = format!(
            "{{q: x, a: y, t: {tree}, d: {flow}, c: [{}]}}",
            vec!["*a3"; copies].join(", ")
        );
        let mut text = SUITE
            .replace("cases: [{q: x, a: y},", &format!("cases: [{case},"))
            .replace(
                "name: fuzz\n",
                &format!("name: fuzz\ndescription: &a3 \"{}\"\n", "x".repeat(big)),
            );
        if block {
            let nest: Vec<String> = (0..deep).map(|i| format!("{}- ", "  ".repeat(i))).collect();
            text.push_str(&format!("x-block:\n{}x\n", nest.join("\n")));
        }
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
