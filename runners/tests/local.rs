//! The local runner against the real model files, fetched by
//! `sizeup models fetch` into `models/` (CI fetches them first).

use sizeup_runners::local::{LocalConfig, LocalError, LocalRunner};
use sizeup_runners::{ErrorClass, FinishReason, Message, Request, Role, Runner};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn model_path(file: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../models")
        .join(file);
    assert!(
        path.is_file(),
        "{} is missing: run `sizeup models fetch` first",
        path.display()
    );
    path
}

fn config(file: &str) -> LocalConfig {
    LocalConfig {
        path: model_path(file),
        device: "cpu".into(),
        chat_template: None,
    }
}

fn smollm2() -> &'static LocalRunner {
    static RUNNER: OnceLock<LocalRunner> = OnceLock::new();
    RUNNER.get_or_init(|| LocalRunner::new(config("SmolLM2-135M-Instruct.Q4_1.gguf")).unwrap())
}

fn ask(question: &str) -> Request {
    Request {
        messages: vec![Message {
            role: Role::User,
            content: question.into(),
        }],
        max_tokens: 32,
        temperature: Some(0.0),
        timeout: Duration::from_secs(120),
        ..Request::default()
    }
}

const FRANCE: &str = "What is the capital of France? Answer in one word.";

fn complete(runner: &LocalRunner, request: &Request) -> sizeup_runners::Completion {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(runner.complete(request))
}

#[test]
fn smollm2_answers_as_llama_cpp_does() {
    let c = complete(smollm2(), &ask(FRANCE));
    assert_eq!(c.error, None);
    // llama.cpp's server gives the same text from the same 42 prompt tokens.
    assert_eq!(c.text, "The capital of France is Paris.");
    assert_eq!(c.usage.input_tokens, 42);
    assert_eq!(c.finish, FinishReason::Stop);
    assert_eq!(c.usage.output_tokens, 7);
    let ttft = c.timing.ttft_us.unwrap();
    assert!(ttft <= c.timing.total_us);
    // One gap per token after the first, the end-of-turn token included.
    assert_eq!(c.timing.gaps_us.len(), 7);
}

#[test]
fn greedy_decoding_is_deterministic_and_the_cache_is_cleared() {
    let a = complete(smollm2(), &ask("Name a colour."));
    let b = complete(smollm2(), &ask(FRANCE));
    let c = complete(smollm2(), &ask("Name a colour."));
    assert_eq!(a.text, c.text);
    assert_eq!(b.text, "The capital of France is Paris.");
}

#[test]
fn the_same_seed_samples_the_same_text() {
    let sampled = |seed| {
        let mut r = ask("Write a short sentence about the sea.");
        r.temperature = Some(1.0);
        r.top_p = Some(0.95);
        r.seed = Some(seed);
        complete(smollm2(), &r).text
    };
    assert_eq!(sampled(7), sampled(7));
    let others: Vec<String> = (8..12).map(sampled).collect();
    assert!(
        others.iter().any(|t| *t != sampled(7)),
        "seeds change nothing"
    );
}

#[test]
fn top_k_and_the_repetition_penalty_shape_sampling() {
    // Sampling among the single likeliest token is greedy decoding, whatever the temperature.
    let mut top1 = ask(FRANCE);
    top1.temperature = Some(1.5);
    top1.top_k = Some(1);
    top1.seed = Some(3);
    assert_eq!(
        complete(smollm2(), &top1).text,
        "The capital of France is Paris."
    );

    // A prompt that invites repetition repeats less under a penalty:
    // without one, SmolLM2 numbers a line per "cat" (8 in 32 tokens); with
    // one, it drifts to other words after a few.
    let mut plain = ask("Write 'cat' 10 times.");
    plain.max_tokens = 32;
    let count = |r: &Request| {
        complete(smollm2(), r)
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.eq_ignore_ascii_case("cat"))
            .count()
    };
    let mut penalised = plain.clone();
    penalised.repetition_penalty = Some(1.5);
    let (plain, less) = (count(&plain), count(&penalised));
    assert!(
        plain >= 5 && less < plain,
        "{less} cats with the penalty, {plain} without"
    );
}

#[test]
fn stop_sequences_and_max_tokens_end_generation() {
    let mut r = ask(FRANCE);
    r.stop = vec![" Paris".into()];
    let c = complete(smollm2(), &r);
    assert_eq!(c.text, "The capital of France is");
    assert_eq!(c.finish, FinishReason::Stop);

    let mut r = ask(FRANCE);
    r.max_tokens = 3;
    let c = complete(smollm2(), &r);
    assert_eq!(c.text, "The capital of");
    assert_eq!(c.usage.output_tokens, 3);
    assert_eq!(c.finish, FinishReason::Length);
}

#[test]
fn qwen2_answers_as_llama_cpp_does() {
    let runner = LocalRunner::new(config("qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")).unwrap();
    // llama.cpp's server (`--jinja`, temperature 0) gives the same texts
    // from the same 41 prompt tokens each.
    let c = complete(&runner, &ask(FRANCE));
    assert_eq!(c.error, None);
    assert_eq!(c.text, "Paris");
    assert_eq!(c.usage.input_tokens, 41);
    assert_eq!(c.finish, FinishReason::Stop);
    let c = complete(
        &runner,
        &ask("Write a Python function that returns the square of a number."),
    );
    assert_eq!(c.error, None);
    assert_eq!(
        c.text,
        "Here's a simple Python function to calculate the square of a number:\n\n```python\n\
         def square(number):\n    \"\"\"\n    Calculate the square of a given number.\n\n"
    );
    assert_eq!(c.usage.input_tokens, 41);
    assert_eq!(c.finish, FinishReason::Length);
}

#[test]
fn gemma3_continues_text_as_llama_cpp_does() {
    // A base model: no chat template in the file, so the prompt is given raw.
    let runner = LocalRunner::new(LocalConfig {
        chat_template: Some("{{ bos_token }}{{ messages[-1]['content'] }}".into()),
        ..config("gemma-3-270m-q4_k_m.gguf")
    })
    .unwrap();
    let mut request = ask("The capital of France is");
    request.max_tokens = 16;
    let c = complete(&runner, &request);
    assert_eq!(c.error, None);
    // llama.cpp's greedy continuation of `<bos>The capital of France is`.
    assert_eq!(
        c.text,
        " the capital of the country of France. It is the largest city in France."
    );
    assert_eq!(c.usage.input_tokens, 6);
}

#[test]
fn requests_longer_than_the_context_are_refused_before_generating() {
    // SmolLM2 declares 8,192 positions.
    let mut r = ask(FRANCE);
    r.max_tokens = 8192 - 41;
    let c = complete(smollm2(), &r);
    let failure = c.error.expect("a request past the context ran");
    assert_eq!(failure.class, ErrorClass::BadRequest);
    assert_eq!(
        failure.message,
        "the prompt's 42 tokens plus max_tokens 8151 make 8193, more than the model's \
         context of 8192 tokens"
    );
    assert_eq!(c.usage.output_tokens, 0);
    r.max_tokens = 8192 - 42;
    assert_eq!(complete(smollm2(), &r).error, None);

    let qwen2 = LocalRunner::new(config("qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")).unwrap();
    let gemma3 = LocalRunner::new(LocalConfig {
        chat_template: Some("{{ bos_token }}{{ messages[-1]['content'] }}".into()),
        ..config("gemma-3-270m-q4_k_m.gguf")
    })
    .unwrap();
    for runner in [&qwen2, &gemma3] {
        let mut r = ask(FRANCE);
        r.max_tokens = 32_768;
        let started = Instant::now();
        let failure = complete(runner, &r).error.unwrap();
        assert_eq!(failure.class, ErrorClass::BadRequest);
        assert!(
            failure
                .message
                .contains("more than the model's context of 32768 tokens"),
            "{}",
            failure.message
        );
        // Refused, not generated until the context ran out.
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}

#[test]
fn the_timeout_covers_prompt_processing() {
    // About 500 prompt tokens: eight chunks of 64.
    let mut r = ask(&"The quick brown fox jumps over the lazy dog. ".repeat(48));
    r.max_tokens = 1;
    let c = complete(smollm2(), &r);
    assert_eq!(c.error, None);
    assert!(c.usage.input_tokens > 450, "{}", c.usage.input_tokens);
    let prefill = Duration::from_micros(c.timing.ttft_us.unwrap());

    // A deadline a tenth of the way through the prompt is noticed between
    // two chunks of it (an eighth each), long before the whole prompt is
    // processed; the bound leaves room for a machine busy with other work.
    r.timeout = prefill / 10;
    let c = complete(smollm2(), &r);
    let failure = c.error.expect("the deadline passed unnoticed");
    assert_eq!(failure.class, ErrorClass::Timeout);
    assert_eq!(c.timing.ttft_us, None);
    let total = Duration::from_micros(c.timing.total_us);
    assert!(
        total < prefill * 3 / 4,
        "{total:?} for a prefill of {prefill:?}"
    );
}

/// SmolLM2 continuing raw text, without its chat template: given a count,
/// it goes on counting until `max_tokens`.
fn counting() -> (LocalRunner, Request) {
    let runner = LocalRunner::new(LocalConfig {
        chat_template: Some("{{ messages[-1]['content'] }}".into()),
        ..config("SmolLM2-135M-Instruct.Q4_1.gguf")
    })
    .unwrap();
    (runner, ask("1, 2, 3, 4, 5, 6, 7, 8, 9, 10,"))
}

#[test]
fn an_abandoned_trial_frees_the_model_for_the_next() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let (runner, mut count) = counting();
    // 4,000 tokens (minutes at SmolLM2's speed), abandoned after two
    // seconds: the worker stops at the next token instead of finishing them.
    count.max_tokens = 4_000;
    let started = Instant::now();
    let abandoned = runtime.block_on(async {
        tokio::time::timeout(Duration::from_secs(2), runner.complete(&count)).await
    });
    assert!(abandoned.is_err(), "4,000 tokens within two seconds");
    count.max_tokens = 4;
    let c = runtime.block_on(runner.complete(&count));
    assert_eq!(c.error, None);
    assert!(c.text.starts_with(" 11,"), "{:?}", c.text);
    // Generous: other tests share the device, and this machine may be slow.
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
}

#[test]
fn broken_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.gguf");
    std::fs::write(&garbage, b"definitely not a model").unwrap();
    let truncated = dir.path().join("truncated.gguf");
    let bytes = std::fs::read(model_path("SmolLM2-135M-Instruct.Q4_1.gguf")).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    for path in [&garbage, &truncated] {
        let err = LocalRunner::new(LocalConfig {
            path: path.clone(),
            device: "cpu".into(),
            chat_template: None,
        })
        .err()
        .expect("a broken file must not load");
        assert!(matches!(err, LocalError::Gguf { .. }), "{err}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
    }
    let missing = LocalRunner::new(LocalConfig {
        path: dir.path().join("none.gguf"),
        device: "cpu".into(),
        chat_template: None,
    });
    assert!(matches!(missing, Err(LocalError::Open { .. })));
    let device = LocalRunner::new(LocalConfig {
        device: "tpu".into(),
        ..config("SmolLM2-135M-Instruct.Q4_1.gguf")
    });
    assert!(matches!(device, Err(LocalError::Device { .. })));
}
