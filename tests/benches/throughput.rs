//! Throughput and overhead of `sizeup run` against the loopback server,
//! beside a bare reqwest loop doing the same requests, in one run.
//!
//! Build the binaries first (`cargo build --release --bins`), then
//! `cargo bench -p sizeup-tests --bench throughput [-- TRIALS]` (or with
//! `SIZEUP_BENCH_TRIALS=N`; the default is 20,000, rounded to whole
//! repeats of the 1,000 cases). Prints trials/s of both and their ratio,
//! CPU time per 1,000 trials, and peak RSS at two plan sizes (to show it
//! does not grow with the plan). Every figure is computed from the work
//! done, checked first: each run stored every planned trial, all answered
//! and scored as passed with the server's token counts, and every bare
//! request was answered in full.

// getrusage and wait4 have no safe wrapper in std.
#![allow(unsafe_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
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

/// Runs the suite `repeats` times over and returns the measure and the
/// number of trials it stored, after checking that they are all the
/// planned ones, each answered and passed.
fn sizeup_run(dir: &Path, suite: &Path, repeats: usize, db: &str) -> (Measure, u64) {
    let db = dir.join(db);
    let m = measure(
        Command::new(release_bin("sizeup"))
            .arg("run")
            .arg(suite)
            .args(["-q", "--concurrency", &CONCURRENCY.to_string()])
            .args(["--repeats", &repeats.to_string()])
            .arg("--db")
            .arg(&db),
    );
    let done = check_run(&db, (CASES * repeats) as u64);
    (m, done)
}

/// Reads back what a run stored and checks it did all the work it was
/// timed for; returns the trials stored.
fn check_run(db: &Path, planned: u64) -> u64 {
    let conn = rusqlite::Connection::open(db).expect("the run's database");
    let row = conn
        .query_row(
            "SELECT r.status, r.trials_planned, COUNT(t.id),
                    COUNT(c.trial_id), COUNT(c.error_class), TOTAL(t.passed),
                    TOTAL(c.input_tokens), TOTAL(c.output_tokens)
             FROM runs r
             LEFT JOIN trials t ON t.run_id = r.id
             LEFT JOIN completions c ON c.run_id = t.run_id AND c.trial_id = t.id
             GROUP BY r.id",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, f64>(5)?,
                    r.get::<_, f64>(6)?,
                    r.get::<_, f64>(7)?,
                ))
            },
        )
        .expect("one run stored");
    let (status, in_plan, stored, completions, errors, passed, input, output) = row;
    let n = planned as f64;
    assert_eq!(status, "finished", "{}", db.display());
    assert_eq!(in_plan as u64, planned, "trials planned");
    assert_eq!(stored as u64, planned, "trials stored");
    assert_eq!(completions as u64, planned, "completions stored");
    assert_eq!(errors, 0, "trials that failed");
    assert_eq!(passed, n, "trials that passed");
    // The server counts words: "question number N" in, "echo: question number N" out.
    assert_eq!(input, 3.0 * n, "input tokens");
    assert_eq!(output, 4.0 * n, "output tokens");
    stored as u64
}

/// The last bytes of a stream, enough to see its end marker.
#[derive(Default)]
struct Tail(Vec<u8>);

impl Tail {
    fn push(&mut self, chunk: &[u8]) {
        self.0.extend_from_slice(chunk);
        let cut = self.0.len().saturating_sub(32);
        self.0.drain(..cut);
    }

    /// True when the stream ended with Chat Completions' `data: [DONE]`.
    fn ends_stream(&self) -> bool {
        self.0.trim_ascii_end().ends_with(b"data: [DONE]")
    }
}

/// The reference: the same streaming requests with reqwest alone, reading
/// every byte and doing nothing else. Returns the measure and the number of
/// requests answered in full (status 200, stream ended with `[DONE]`).
fn bare_loop(base_url: &str, trials: usize) -> (Measure, u64) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (cpu0, _) = self_usage();
    let start = Instant::now();
    let answered = Arc::new(AtomicU64::new(0));
    rt.block_on(async {
        let client = reqwest::Client::new();
        let url = format!("{base_url}/chat/completions");
        let gate = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..trials {
            let permit = gate.clone().acquire_owned().await.unwrap();
            let client = client.clone();
            let url = url.clone();
            let answered = answered.clone();
            tasks.spawn(async move {
                let body = serde_json::json!({
                    "model": "loop", "max_tokens": 32, "temperature": 0.0, "stream": true,
                    "stream_options": {"include_usage": true},
                    "messages": [{"role": "user", "content": format!("question number {}", i % CASES)}],
                });
                let mut resp = client.post(&url).json(&body).send().await.unwrap();
                let ok = resp.status().is_success();
                let mut last = Tail::default();
                while let Some(chunk) = resp.chunk().await.unwrap() {
                    last.push(&chunk);
                    std::hint::black_box(chunk);
                }
                if ok && last.ends_stream() {
                    answered.fetch_add(1, Ordering::Relaxed);
                }
                drop(permit);
            });
            while tasks.try_join_next().is_some() {}
        }
        while tasks.join_next().await.is_some() {}
    });
    let wall = start.elapsed();
    let (cpu1, rss) = self_usage();
    let m = Measure {
        wall,
        cpu: cpu1 - cpu0,
        max_rss_kb: rss,
    };
    (m, answered.load(Ordering::Relaxed))
}

fn main() {
    let requested: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .or_else(|| std::env::var("SIZEUP_BENCH_TRIALS").ok()?.parse().ok())
        .unwrap_or(20_000);
    // Plans are whole repeats of the cases.
    let repeats = (requested / CASES).max(1);
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
    sizeup_run(dir.path(), &suite, 1, "warm.db");
    let (small, small_trials) = sizeup_run(dir.path(), &suite, (repeats / 4).max(1), "small.db");
    let (ours, trials) = sizeup_run(dir.path(), &suite, repeats, "full.db");
    let (bare, answered) = bare_loop(&base_url, trials as usize);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(answered, trials, "bare requests answered in full");

    // Rates and CPU per trial from the trials each one did, as checked above.
    let rate = |m: &Measure, n: u64| n as f64 / m.wall.as_secs_f64();
    let per_k = |m: &Measure, n: u64| m.cpu.as_secs_f64() * 1000.0 / n as f64 * 1000.0;
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
        rate(&ours, trials),
        per_k(&ours, trials),
        ours.max_rss_kb as f64 / 1024.0
    );
    println!(
        "{:<28} {:>10.0} {:>16.1} {:>14}",
        "bare reqwest loop",
        rate(&bare, answered),
        per_k(&bare, answered),
        "-"
    );
    println!(
        "throughput ratio sizeup / bare: {:.2}",
        rate(&ours, trials) / rate(&bare, answered)
    );
    println!(
        "CPU per trial, sizeup: {:.3} ms",
        ours.cpu.as_secs_f64() * 1000.0 / trials as f64
    );
    println!(
        "peak RSS: {:.1} MB at {} trials, {:.1} MB at {} trials",
        small.max_rss_kb as f64 / 1024.0,
        small_trials,
        ours.max_rss_kb as f64 / 1024.0,
        trials
    );
}
