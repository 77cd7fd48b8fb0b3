//! Local inference speed and memory, beside llama.cpp's on the same work.
//!
//! `cargo bench -p sizeup-runners --bench local` (after `sizeup models fetch`)
//! loads each local model and prints, per model: load time, prompt
//! processing (tokens/s over a prompt of about 256 tokens, the mean of
//! three runs), decoding (tokens/s after a short prompt and after the long
//! one) and the process's peak RSS. With `LLAMA_BENCH=/path/to/llama-bench`
//! it runs llama.cpp's `llama-bench` on the same file and thread count in
//! the same run (`-p 256`, and `-n 64` from an empty context and after 256
//! tokens of it) and prints the ratios.

use sizeup_runners::local::{LocalConfig, LocalRunner, Prompter};
use sizeup_runners::{Completion, FinishReason, Message, Request, Role, Runner};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const MODELS: [&str; 3] = [
    "SmolLM2-135M-Instruct.Q4_1.gguf",
    "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    "gemma-3-270m-q4_k_m.gguf",
];

fn request(text: &str, max_tokens: u32) -> Request {
    Request {
        messages: vec![Message {
            role: Role::User,
            content: text.to_string(),
        }],
        max_tokens,
        temperature: Some(0.0),
        timeout: Duration::from_secs(600),
        ..Request::default()
    }
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

struct Speeds {
    prompt: f64,
    decode_short: f64,
    decode_long: f64,
}

/// Checks that a generation did the work its timings are read as, before
/// any figure is printed: no error, every token of the prompt processed,
/// and one decode step timed for each token sampled after the first (the
/// first comes with the prompt, in the time to it; a model that ends its
/// answer samples its end token in one more step). With `fill`, exactly
/// `max_tokens` must have been generated, as llama-bench's `-n` does;
/// without it, the model may end its answer, but not before 8 tokens.
/// Returns the decode steps timed.
fn check(what: &str, c: &Completion, prompt_tokens: usize, max_tokens: u32, fill: bool) -> u64 {
    assert!(c.error.is_none(), "{what}: {:?}", c.error);
    assert_eq!(
        c.usage.input_tokens, prompt_tokens as u64,
        "{what}: prompt tokens processed"
    );
    assert!(c.timing.ttft_us.is_some(), "{what}: no first token");
    let generated = c.usage.output_tokens;
    let ended = match c.finish {
        FinishReason::Length => false,
        FinishReason::Stop => true,
        ref other => panic!("{what}: finished with {other:?}"),
    };
    // A length stop is exactly max_tokens; an end token comes before it.
    assert_eq!(
        generated == u64::from(max_tokens),
        !ended,
        "{what}: {generated} tokens generated of {max_tokens}, finish {:?}",
        c.finish
    );
    if fill {
        assert!(
            !ended,
            "{what}: the model ended after {generated} tokens: {:?}",
            c.text
        );
    } else {
        assert!(
            generated >= 8,
            "{what}: only {generated} tokens: {:?}",
            c.text
        );
    }
    let steps = generated - 1 + u64::from(ended);
    assert_eq!(
        c.timing.gaps_us.len() as u64,
        steps,
        "{what}: decode steps timed"
    );
    steps
}

fn decode_rate(gaps_us: &[u64]) -> f64 {
    let total: u64 = gaps_us.iter().sum();
    gaps_us.len() as f64 / (total as f64 / 1e6)
}

/// Prompt processing is timed this many times and averaged, as llama-bench
/// averages its repetitions (`-r`).
const PROMPT_RUNS: usize = 3;

/// llama-bench's average tokens/s for `-p 256`, and for `-n 64` from an
/// empty context and after 256 tokens of it (`-d 256`), if it is given.
fn llama_bench(path: &Path, threads: usize) -> Option<Speeds> {
    let bin = std::env::var("LLAMA_BENCH").ok()?;
    let out = std::process::Command::new(bin)
        .args([
            "-m",
            &path.display().to_string(),
            "-p",
            "256",
            "-n",
            "64",
            "-d",
            "0,256",
            "-r",
            "3",
            "-o",
            "json",
        ])
        .args(["-t", &threads.to_string()])
        .output()
        .ok()?;
    let runs: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    let rate = |prompt: bool, depth: u64| {
        runs.as_array()?
            .iter()
            .find(|r| {
                (r["n_prompt"].as_u64().unwrap_or(0) > 0) == prompt
                    && r["n_depth"].as_u64().unwrap_or(0) == depth
            })
            .and_then(|r| r["avg_ts"].as_f64())
    };
    Some(Speeds {
        prompt: rate(true, 0)?,
        decode_short: rate(false, 0)?,
        decode_long: rate(false, 256)?,
    })
}

/// Each model is measured in a process of its own, so that its peak RSS is its own.
const ONE_MODEL: &str = "SIZEUP_BENCH_MODEL";

fn main() {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let Ok(file) = std::env::var(ONE_MODEL) else {
        println!(
            "{:<62} {:>8} {:>12} {:>12} {:>12} {:>9}",
            "model", "load s", "prompt tok/s", "decode short", "decode long", "RSS MB"
        );
        for file in MODELS {
            let me = std::env::current_exe().expect("own path");
            let out = std::process::Command::new(me)
                .env(ONE_MODEL, file)
                .stderr(std::process::Stdio::inherit())
                .output()
                .expect("bench process runs");
            assert!(out.status.success(), "{file}: the bench failed");
            print!("{}", String::from_utf8_lossy(&out.stdout));
        }
        println!("threads: {threads}");
        return;
    };
    bench_one(&file, threads);
}

/// Measures one model and prints its row (and llama.cpp's, when asked).
fn bench_one(file: &str, threads: usize) {
    // About 256 tokens of ordinary prose.
    let long =
        "The quarterly report lists revenue, costs and the outlook for each region. ".repeat(18);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../models")
        .join(file);
    if !path.is_file() {
        println!("{file}: missing, run `sizeup models fetch`");
        return;
    }
    // Gemma 3 270M is a base model: the prompt goes in as it is.
    let chat_template = file
        .starts_with("gemma")
        .then(|| "{{ bos_token }}{{ messages[-1]['content'] }}".to_string());
    let short_request = request("Write a long story about a lighthouse keeper.", 64);
    let long_request = request(
        &format!("{long}\nWrite a long story about this report."),
        64,
    );
    // The prompts' tokens as the model's own tokenizer and template make
    // them, counted before the model loads: a second tokenizer beside the
    // runner's would count in the peak RSS.
    let (short_tokens, long_tokens) = {
        let prompter = Prompter::open(&path, chat_template.as_deref()).expect("prompter");
        let tokens = |r: &Request| prompter.tokens(&r.messages).expect("prompt renders").len();
        (tokens(&short_request), tokens(&long_request))
    };
    let start = Instant::now();
    let runner = LocalRunner::new(LocalConfig {
        path: path.clone(),
        device: "cpu".into(),
        chat_template: chat_template.clone(),
    })
    .expect("model loads");
    let load = start.elapsed().as_secs_f64();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let run = |r: &Request| rt.block_on(runner.complete(r));
    run(&request("Hi", 4));
    let short = run(&short_request);
    let long_run = run(&long_request);
    let prompt_request = Request {
        max_tokens: 1,
        ..long_request.clone()
    };
    let prompt_rates: Vec<f64> = (0..PROMPT_RUNS)
        .map(|_| {
            let c = run(&prompt_request);
            assert!(c.error.is_none(), "{file} prompt: {:?}", c.error);
            assert_eq!(
                c.usage.input_tokens, long_tokens as u64,
                "{file} prompt tokens"
            );
            long_tokens as f64 / (c.timing.ttft_us.expect("a first token") as f64 / 1e6)
        })
        .collect();
    // The short prompt's decoding is the figure set beside llama-bench's
    // `-n 64`: it must be 64 tokens. After the long prompt a model may
    // summarise in fewer; that figure is then over the steps it took.
    check(&format!("{file} short"), &short, short_tokens, 64, true);
    let long_steps = check(&format!("{file} long"), &long_run, long_tokens, 64, false);
    if long_steps < 63 {
        eprintln!(
            "{file}: decode long is over the {long_steps} steps of an answer that ended early"
        );
    }
    let speeds = Speeds {
        prompt: prompt_rates.iter().sum::<f64>() / PROMPT_RUNS as f64,
        decode_short: decode_rate(&short.timing.gaps_us),
        decode_long: decode_rate(&long_run.timing.gaps_us),
    };
    println!(
        "{:<62} {:>8.2} {:>12.1} {:>12.1} {:>12.1} {:>9.0}",
        format!(
            "sizeup {file} ({} prompt tokens)",
            long_run.usage.input_tokens
        ),
        load,
        speeds.prompt,
        speeds.decode_short,
        speeds.decode_long,
        peak_rss_mb()
    );
    let llama = llama_bench(&path, threads);
    if llama.is_none() && std::env::var_os("LLAMA_BENCH").is_some() {
        eprintln!(
            "{file}: llama-bench gave no figures for -p 256 and -n 64 at depths 0 and 256 \
             (older builds have no -d)"
        );
    }
    if let Some(llama) = llama {
        println!(
            "{:<62} {:>8} {:>12.1} {:>12.1} {:>12.1} {:>9}",
            format!("llama.cpp {file}"),
            "-",
            llama.prompt,
            llama.decode_short,
            llama.decode_long,
            "-"
        );
        println!(
            "ratio sizeup / llama.cpp: prompt {:.2}, decode short {:.2}, decode long {:.2}",
            speeds.prompt / llama.prompt,
            speeds.decode_short / llama.decode_short,
            speeds.decode_long / llama.decode_long
        );
    }
}
