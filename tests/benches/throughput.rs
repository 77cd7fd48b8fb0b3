//! Throughput and overhead of `sizeup run` against the loopback server,
//! beside a bare reqwest loop doing the same requests, in one run.
//!
//! Build the binaries first (`cargo build --release --bins`), then
//! `cargo bench -p sizeup-tests --bench throughput [-- TRIALS]`. Prints
//! trials/s of both and their ratio, CPU time per 1,000 trials, and peak
//! RSS at two plan sizes (to show it does not grow with the plan).

// getrusage and wait4 have no safe wrapper in std.
#![allow(unsafe_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CONCURRENCY: usize = 64;
const CASES: usize = 1000;

struct Measure {
    wall: Duration,
    cpu: Duration,
    max_rss_kb: i64,
}

fn tv(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
}

fn self_usage() -> (Duration, i64) {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    (tv(u.ru_utime) + tv(u.ru_stime), u.ru_maxrss)
}

/// Runs a command to completion and reads its own resource usage.
// wait4 reaps the child; std's wait would not report its usage.
#[allow(clippy::zombie_processes)]
fn measure(cmd: &mut Command) -> Measure {
    let start = Instant::now();
    let child = cmd.stdout(Stdio::null()).spawn().expect("spawn sizeup");
    let mut status = 0;
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    unsafe { libc::wait4(pid, &mut status, 0, &mut u) };
    let wall = start.elapsed();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "sizeup failed"
    );
    Measure {
        wall,
        cpu: tv(u.ru_utime) + tv(u.ru_stime),
        max_rss_kb: u.ru_maxrss,
    }
}

fn release_bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("bench path");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join(name);
    assert!(
        bin.is_file(),
        "{} is missing: run `cargo build --release --bins` first",
        bin.display()
    );
    bin
}

fn write_suite(dir: &Path, base_url: &str) -> PathBuf {
    let mut cases = std::fs::File::create(dir.join("cases.jsonl")).unwrap();
    for i in 0..CASES {
        writeln!(cases, "{{\"id\": \"c{i}\", \"q\": \"question number {i}\", \"a\": \"echo: question number {i}\"}}").unwrap();
    }
    let suite = format!(
        "name: bench
defaults: {{max_tokens: 32, temperature: 0, timeout: 30s}}
models:
  - {{id: loop, provider: openai_compatible, model: loop, base_url: \"{base_url}\", cost: {{input_per_mtok: 1, output_per_mtok: 2}}}}
tasks:
  - id: echo
    prompt: \"{{{{ q }}}}\"
    expected: a
    cases: cases.jsonl
    scorers:
      - type: exact
      - type: token_f1
"
    );
    let path = dir.join("bench.yaml");
    std::fs::write(&path, suite).unwrap();
    path
}

fn sizeup_run(dir: &Path, suite: &Path, trials: usize, db: &str) -> Measure {
    measure(
        Command::new(release_bin("sizeup"))
            .arg("run")
            .arg(suite)
            .args(["-q", "--concurrency", &CONCURRENCY.to_string()])
            .args(["--repeats", &(trials / CASES).max(1).to_string()])
            .arg("--db")
            .arg(dir.join(db)),
    )
}

/// The reference: the same streaming requests with reqwest alone, reading
/// every byte and doing nothing else.
fn bare_loop(base_url: &str, trials: usize) -> Measure {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (cpu0, _) = self_usage();
    let start = Instant::now();
    rt.block_on(async {
        let client = reqwest::Client::new();
        let url = format!("{base_url}/chat/completions");
        let gate = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..trials {
            let permit = gate.clone().acquire_owned().await.unwrap();
            let client = client.clone();
            let url = url.clone();
            tasks.spawn(async move {
                let body = serde_json::json!({
                    "model": "loop", "max_tokens": 32, "temperature": 0.0, "stream": true,
                    "stream_options": {"include_usage": true},
                    "messages": [{"role": "user", "content": format!("question number {}", i % CASES)}],
                });
                let mut resp = client.post(&url).json(&body).send().await.unwrap();
                while let Some(chunk) = resp.chunk().await.unwrap() {
                    std::hint::black_box(chunk);
                }
                drop(permit);
            });
            while tasks.try_join_next().is_some() {}
        }
        while tasks.join_next().await.is_some() {}
    });
    let wall = start.elapsed();
    let (cpu1, rss) = self_usage();
    Measure {
        wall,
        cpu: cpu1 - cpu0,
        max_rss_kb: rss,
    }
}

fn main() {
    let trials: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20_000);
    let mut server = Command::new(release_bin("openai-mock"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("start openai-mock");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base_url = line.trim().to_string();
    let dir = tempfile::tempdir().unwrap();
    let suite = write_suite(dir.path(), &base_url);

    // Warm the server's connections and the page cache once.
    sizeup_run(dir.path(), &suite, CASES, "warm.db");
    let small = sizeup_run(dir.path(), &suite, trials / 4, "small.db");
    let ours = sizeup_run(dir.path(), &suite, trials, "full.db");
    let bare = bare_loop(&base_url, trials);
    let _ = server.kill();
    let _ = server.wait();

    let rate = |m: &Measure| trials as f64 / m.wall.as_secs_f64();
    let per_k = |m: &Measure, n: usize| m.cpu.as_secs_f64() * 1000.0 / n as f64 * 1000.0;
    println!(
        "{trials} trials, concurrency {CONCURRENCY}, streaming, loopback server in its own process"
    );
    println!(
        "{:<28} {:>10} {:>16} {:>14}",
        "", "trials/s", "CPU ms/1k trials", "peak RSS MB"
    );
    println!(
        "{:<28} {:>10.0} {:>16.1} {:>14.1}",
        "sizeup run (score + store)",
        rate(&ours),
        per_k(&ours, trials),
        ours.max_rss_kb as f64 / 1024.0
    );
    println!(
        "{:<28} {:>10.0} {:>16.1} {:>14}",
        "bare reqwest loop",
        rate(&bare),
        per_k(&bare, trials),
        "-"
    );
    println!(
        "throughput ratio sizeup / bare: {:.2}",
        rate(&ours) / rate(&bare)
    );
    println!(
        "CPU per trial, sizeup: {:.3} ms",
        ours.cpu.as_secs_f64() * 1000.0 / trials as f64
    );
    println!(
        "peak RSS: {:.1} MB at {} trials, {:.1} MB at {} trials",
        small.max_rss_kb as f64 / 1024.0,
        trials / 4,
        ours.max_rss_kb as f64 / 1024.0,
        trials
    );
}
