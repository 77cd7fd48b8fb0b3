//! Peak memory of `sizeup run` against servers that never stop talking,
//! beside the same run against a server that answers well.
//!
//! Build the binary first (`cargo build --release -p sizeup`), then
//! `cargo bench -p sizeup-tests --bench hostile_rss`. Each behaviour gets
//! a whole run of the same suite (16 cases, 8 at a time, `max_tokens: 16`,
//! `timeout: 10s`) on a server of its own on loopback:
//!
//! - `well-behaved`: a short streamed answer, the baseline;
//! - `endless stream`: streamed content events that never end;
//! - `endless line`: one SSE line that never ends;
//! - `giant body`: a 2 GB unstreamed body, sent as fast as it is read.
//!
//! It prints, per behaviour, the run's exit code, wall time, peak RSS and
//! its excess over the baseline's (the target is at most 200 MB), the
//! trials stored with their error classes, and the database's size.

use sizeup_tests::measure;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const CASES: usize = 16;

/// How a server answers every request.
#[derive(Clone, Copy)]
enum Behaviour {
    WellBehaved,
    EndlessStream,
    EndlessLine,
    GiantBody,
}

impl Behaviour {
    const ALL: [Self; 4] = [
        Self::WellBehaved,
        Self::EndlessStream,
        Self::EndlessLine,
        Self::GiantBody,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::WellBehaved => "well-behaved",
            Self::EndlessStream => "endless stream",
            Self::EndlessLine => "endless line",
            Self::GiantBody => "giant body",
        }
    }

    /// Whether the suite asks for a streamed answer.
    fn streamed(self) -> bool {
        !matches!(self, Self::GiantBody)
    }
}

const SSE_HEAD: &str =
    "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
const EVENT: &str =
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"},\"finish_reason\":null}]}\n\n";
const GIANT: u64 = 2 << 30;

/// Reads one request (its head and its `content-length` body).
fn read_request(socket: &mut TcpStream) -> bool {
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let Ok(n) = socket.read(&mut buf) else {
            return false;
        };
        if n == 0 {
            return false;
        }
        seen.extend_from_slice(&buf[..n]);
        let Some(end) = seen.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&seen[..end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map_or(0, |v| v.trim().parse().unwrap_or(0));
        if seen.len() >= end + 4 + length {
            return true;
        }
    }
}

/// Answers one connection as `behaviour` says, until the client leaves.
fn answer(mut socket: TcpStream, behaviour: Behaviour) {
    if !read_request(&mut socket) {
        return;
    }
    let _ = match behaviour {
        Behaviour::WellBehaved => socket.write_all(
            format!(
                "{SSE_HEAD}{EVENT}data: {{\"choices\":[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\"}}]}}\n\ndata: [DONE]\n\n"
            )
            .as_bytes(),
        ),
        Behaviour::EndlessStream => {
            let events = EVENT.repeat(64);
            socket
                .write_all(SSE_HEAD.as_bytes())
                .and_then(|()| loop {
                    socket.write_all(events.as_bytes())?;
                })
        }
        Behaviour::EndlessLine => {
            let piece = vec![b'a'; 1 << 16];
            socket
                .write_all(format!("{SSE_HEAD}data: ").as_bytes())
                .and_then(|()| loop {
                    socket.write_all(&piece)?;
                })
        }
        Behaviour::GiantBody => {
            let piece = vec![b'a'; 1 << 16];
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {GIANT}\r\nconnection: close\r\n\r\n{{\"choices\":[{{\"message\":{{\"content\":\""
            );
            socket.write_all(head.as_bytes()).and_then(|()| {
                let mut sent = 0u64;
                while sent < GIANT {
                    socket.write_all(&piece)?;
                    sent += piece.len() as u64;
                }
                Ok(())
            })
        }
    };
}

/// Starts a server on loopback that answers as `behaviour` says; returns its base URL.
fn serve(behaviour: Behaviour) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let url = format!("http://{}/v1", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for socket in listener.incoming().flatten() {
            std::thread::spawn(move || answer(socket, behaviour));
        }
    });
    url
}

fn write_suite(dir: &Path, behaviour: Behaviour, base_url: &str) -> PathBuf {
    let cases: Vec<String> = (0..CASES).map(|i| format!("{{q: \"case {i}\"}}")).collect();
    let suite = format!(
        "name: hostile-rss
defaults: {{max_tokens: 16, timeout: 10s, concurrency: 8}}
models:
  - {{id: m, provider: openai_compatible, model: m, base_url: \"{base_url}\",
     stream: {}, cost: {{hourly_usd: 0}}}}
tasks:
  - id: t
    prompt: \"{{{{ q }}}}\"
    scorers: [{{type: length, max_chars: 100000}}]
    cases: [{}]
",
        behaviour.streamed(),
        cases.join(", ")
    );
    let path = dir.join("suite.yaml");
    std::fs::write(&path, suite).expect("write the suite");
    path
}

fn release_bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("bench path");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join(name);
    assert!(
        bin.is_file(),
        "{} is missing: run `cargo build --release -p sizeup` first",
        bin.display()
    );
    bin
}

/// Trials stored, and how many of them failed with each error class.
fn stored(db: &Path) -> (i64, String) {
    let conn = rusqlite::Connection::open(db).expect("the run's database");
    let trials: i64 = conn
        .query_row("SELECT COUNT(*) FROM trials", [], |r| r.get(0))
        .expect("count trials");
    let mut statement = conn
        .prepare(
            "SELECT COALESCE(error_class, 'ok'), COUNT(*) FROM completions
             GROUP BY 1 ORDER BY 1",
        )
        .expect("classes");
    let classes: Vec<String> = statement
        .query_map([], |r| {
            Ok(format!(
                "{} {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?
            ))
        })
        .expect("classes")
        .map(|r| r.expect("a class"))
        .collect();
    (trials, classes.join(", "))
}

fn main() {
    let sizeup = release_bin("sizeup");
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "{:<15} {:>4} {:>8} {:>13} {:>13} {:>7} {:>9}  classes",
        "server", "exit", "wall s", "peak RSS MB", "over base MB", "trials", "db KB"
    );
    let mut baseline = None;
    for behaviour in Behaviour::ALL {
        let run_dir = dir.path().join(behaviour.name().replace(' ', "-"));
        std::fs::create_dir(&run_dir).expect("run dir");
        let suite = write_suite(&run_dir, behaviour, &serve(behaviour));
        let db = run_dir.join("results.db");
        let m = measure::run(
            Command::new(&sizeup)
                .arg("run")
                .arg(&suite)
                .arg("-q")
                .arg("--db")
                .arg(&db)
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        let mb = m.peak_rss_mb;
        let base = *baseline.get_or_insert(mb);
        let (trials, classes) = stored(&db);
        // The database with its write-ahead log, which may not be folded in yet.
        let db_kb = ["results.db", "results.db-wal"]
            .iter()
            .map(|f| std::fs::metadata(run_dir.join(f)).map_or(0, |m| m.len()))
            .sum::<u64>()
            / 1024;
        println!(
            "{:<15} {:>4} {:>8.1} {:>13.1} {:>13.1} {:>7} {:>9}  {classes}",
            behaviour.name(),
            m.code.unwrap_or(-1),
            m.wall.as_secs_f64(),
            mb,
            mb - base,
            trials,
            db_kb,
        );
    }
}
