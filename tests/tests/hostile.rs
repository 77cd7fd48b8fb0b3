//! Hostile input through the real binary: suites, case files, model files
//! and command lines that once panicked, hung, read forever or destroyed
//! results. Each must end within a time limit, with exit code 2, a clear
//! message, no panic, and no key of the environment in the output.

mod common;

use common::Scratch;
use sizeup_tests::server::Behavior;
use std::time::Duration;

/// A key set in the environment of every command, which no output may show.
const SECRET: &str = "sk-hostile-0123456789abcdef";

/// A suite around one task, with `defaults` extra, the `base_url`, the
/// prompt, the scorers and the cases as given.
fn suite(defaults: &str, base_url: &str, prompt: &str, scorers: &str, cases: &str) -> String {
    format!(
        "name: hostile
defaults: {{max_tokens: 8, timeout: 5s{defaults}}}
models:
  - {{id: m, provider: openai_compatible, model: x, base_url: \"{base_url}\",
     api_key_env: HOSTILE_KEY, cost: {{hourly_usd: 0}}}}
tasks:
  - id: t
    prompt: \"{prompt}\"
    expected: a
    scorers: [{scorers}]
    cases: {cases}
"
    )
}

fn plain(defaults: &str) -> String {
    suite(
        defaults,
        "http://127.0.0.1:9/v1",
        "{{ q }}",
        "{type: exact}",
        "ok.jsonl",
    )
}

/// A metadata value of a GGUF header.
enum Meta {
    U32(u32),
    Str(&'static str),
}

/// A GGUF header (version 3) holding `metadata` and, when `tensor` is
/// given, one f32 tensor of that many elements whose data the file lacks.
fn gguf(metadata: &[(&str, Meta)], tensor: Option<u64>) -> Vec<u8> {
    fn string(b: &mut Vec<u8>, s: &str) {
        b.extend((s.len() as u64).to_le_bytes());
        b.extend(s.as_bytes());
    }
    let mut b = b"GGUF".to_vec();
    b.extend(3u32.to_le_bytes());
    b.extend(u64::from(tensor.is_some()).to_le_bytes());
    b.extend((metadata.len() as u64).to_le_bytes());
    for (key, value) in metadata {
        string(&mut b, key);
        match value {
            Meta::U32(n) => {
                b.extend(4u32.to_le_bytes());
                b.extend(n.to_le_bytes());
            }
            Meta::Str(text) => {
                b.extend(8u32.to_le_bytes());
                string(&mut b, text);
            }
        }
    }
    if let Some(elements) = tensor {
        string(&mut b, "w");
        b.extend(1u32.to_le_bytes()); // dimensions
        b.extend(elements.to_le_bytes());
        b.extend(0u32.to_le_bytes()); // f32
        b.extend(0u64.to_le_bytes()); // offset in the data
    }
    b
}

/// Runs `sizeup ARGS` in `s` with the key set and a time limit; asserts
/// exit 2, `expected` in its error, no panic and no key; returns stderr.
fn refused(s: &Scratch, args: &[&str], expected: &str) -> String {
    let out = s
        .sizeup()
        .env("HOSTILE_KEY", SECRET)
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("sizeup runs");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(2), "{args:?}:\n{stdout}\n{stderr}");
    assert!(
        stderr.contains(expected),
        "{args:?}: wanted `{expected}` in:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{args:?}:\n{stderr}");
    assert!(
        !stdout.contains(SECRET) && !stderr.contains(SECRET),
        "{args:?} shows the key"
    );
    stderr.to_string()
}

#[test]
fn malformed_suites_and_case_files_are_clear_errors() {
    let s = Scratch::new();
    s.write("ok.jsonl", "{\"q\": \"x\", \"a\": \"x\"}\n");
    s.write("dup.jsonl", "{\"q\": \"x\", \"a\": \"x\", \"q\": \"y\"}\n");
    s.write("dup.csv", "q,a,q\n1,2,3\n");
    // A broken line that holds the key: its excerpt must not show it.
    s.write("leak.jsonl", &format!("{{\"q\": \"{SECRET}\" oops}}\n"));
    let cases = |file: &str| {
        suite(
            "",
            "http://127.0.0.1:9/v1",
            "{{ q }}",
            "{type: exact}",
            file,
        )
    };
    let nested = "{% for a in 'x'*10000 %}{% for b in 'x'*10000 %}{% for c in 'x'*10000 %}\
                  {{ a }}{% endfor %}{% endfor %}{% endfor %}";
    let corpus: Vec<(&str, String, &str)> = vec![
        (
            "concurrency beyond any semaphore",
            plain(", concurrency: 10000000000000000000"),
            "concurrency must be from 1 to 10000",
        ),
        (
            "no tokens to generate",
            suite(
                "",
                "http://127.0.0.1:9/v1",
                "{{ q }}",
                "{type: exact}",
                "ok.jsonl",
            )
            .replace("max_tokens: 8", "max_tokens: 0"),
            "max_tokens",
        ),
        (
            "a zero timeout",
            plain("").replace("timeout: 5s", "timeout: 0"),
            "timeout",
        ),
        (
            "a base URL that does not parse",
            suite(
                "",
                "http://[::1:bad/v1",
                "{{ q }}",
                "{type: exact}",
                "ok.jsonl",
            ),
            "is not a valid URL",
        ),
        (
            "a template that never ends",
            suite(
                "",
                "http://127.0.0.1:9/v1",
                nested,
                "{type: exact}",
                "ok.jsonl",
            ),
            "ran out of fuel",
        ),
        (
            "weights that overflow",
            suite(
                "",
                "http://127.0.0.1:9/v1",
                "{{ q }}",
                "{type: exact, weight: 1e308}, {type: contains, weight: 1e308}",
                "ok.jsonl",
            ),
            "weights add up to more than a number holds",
        ),
        (
            "a key twice in a case",
            cases("dup.jsonl"),
            "the key `q` appears twice",
        ),
        (
            "a CSV column twice",
            cases("dup.csv"),
            "names the column `q` twice",
        ),
        (
            "the environment as cases",
            cases("/proc/self/environ"),
            "is not a text file",
        ),
        (
            "an endless device as cases",
            cases("/dev/zero"),
            "is not a regular file",
        ),
        ("a directory as cases", cases("/tmp"), "is a directory"),
        (
            "a broken line holding the key",
            cases("leak.jsonl"),
            "invalid JSON",
        ),
    ];
    for (what, yaml, expected) in &corpus {
        s.write("s.yaml", yaml);
        let err = refused(&s, &["validate", "s.yaml"], expected);
        assert!(
            err.contains("s.yaml")
                || err.contains(".jsonl")
                || err.contains(".csv")
                || err.contains('/'),
            "{what}: no file named in\n{err}"
        );
    }
    // A suite that is not UTF-8 is located to its byte.
    std::fs::write(s.path("s.yaml"), b"name: h\nx: \"\xff\xfe\"\n").unwrap();
    refused(&s, &["validate", "s.yaml"], "line 2, column 5");
    // A plan too large to hold is refused before any is built.
    s.write("s.yaml", &plain(", repeats: 1000000000"));
    refused(&s, &["run", "s.yaml", "-q"], "the plan has more than");
}

/// A local model file that cannot run is refused at `validate`, at the
/// line and column of its path, not first in the middle of a run.
#[test]
fn broken_model_files_are_refused_at_validate() {
    let s = Scratch::new();
    let llama = ("general.architecture", Meta::Str("llama"));
    let whole = gguf(&[("general.architecture", Meta::Str("llama"))], None);
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.gguf", Vec::new(), "the file is empty"),
        (
            "text.gguf",
            b"not a model\n".to_vec(),
            "is not a valid GGUF file",
        ),
        (
            "cut-header.gguf",
            // Cut inside the count of metadata entries.
            whole[..20].to_vec(),
            "the file ends inside its header",
        ),
        (
            "cut-weights.gguf",
            gguf(&[llama], Some(1_000_000)),
            "its tensors end at byte",
        ),
        (
            "mamba.gguf",
            gguf(&[("general.architecture", Meta::Str("mamba"))], None),
            "architecture `mamba` is not supported",
        ),
        (
            "no-tokenizer.gguf",
            gguf(
                &[
                    ("general.architecture", Meta::Str("llama")),
                    ("llama.context_length", Meta::U32(64)),
                ],
                None,
            ),
            "no `tokenizer.ggml.model` metadata",
        ),
        (
            "zero.gguf",
            gguf(&[("general.alignment", Meta::U32(0))], None),
            "alignment",
        ),
    ];
    std::fs::create_dir(s.path("dir.gguf")).unwrap();
    let names = files
        .iter()
        .map(|(name, bytes, expected)| {
            std::fs::write(s.path(name), bytes).unwrap();
            (*name, *expected)
        })
        .chain([("dir.gguf", "it is a directory")]);
    for (name, expected) in names {
        s.write(
            "s.yaml",
            &format!(
                "name: gguf
models: [{{id: m, provider: local, model: {name}, cost: {{hourly_usd: 0}}}}]
tasks:
  - {{id: t, prompt: \"hi\", scorers: [{{type: length, max_chars: 9}}], cases: [{{x: 1}}]}}
"
            ),
        );
        let err = refused(&s, &["validate", "s.yaml"], expected);
        assert!(err.contains("s.yaml:2:42"), "{name}: not located in\n{err}");
        assert!(err.contains(name), "{name}: not named in\n{err}");
        // The run and the estimate read the same header first.
        if name == "zero.gguf" {
            refused(&s, &["run", "s.yaml", "-q"], expected);
            refused(&s, &["estimate", "s.yaml"], expected);
        }
    }
}

#[test]
fn results_are_never_written_over() {
    let server = common::server(common::echo);
    let s = Scratch::new();
    s.write("s.yaml", &common::suite(&server.base_url(), 2, ""));
    s.run(&["s.yaml", "-q"]).success();
    let db = s.db();
    let before = std::fs::read(&db).unwrap();
    let db_arg = db.to_str().unwrap();
    refused(
        &s,
        &["run", "s.yaml", "-q", "--db", db_arg, "--json", db_arg],
        "SQLite",
    );
    refused(
        &s,
        &["export", "latest", "-o", db_arg, "--db", db_arg],
        "SQLite",
    );
    // The store kept every run (its size may grow by the refused run's rows).
    assert!(std::fs::read(&db).unwrap().len() >= before.len());
    assert_eq!(s.export("latest")["run"]["trials_done"], 2);
    // A database of something else is not taken over.
    let other = s.path("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE accounts (id INTEGER);")
        .unwrap();
    drop(conn);
    let other_arg = other.to_str().unwrap();
    refused(
        &s,
        &["run", "s.yaml", "-q", "--db", other_arg],
        "not a sizeup",
    );
    let conn = rusqlite::Connection::open(&other).unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}

/// Every command that takes `--db` answers a bad database alike: exit 2
/// for a file that is not a sizeup store (a database of something else,
/// not a database at all, a directory, a newer schema), exit 3 for a real
/// store that fails (here, damaged past its first page).
#[test]
fn every_command_answers_a_bad_db_alike() {
    let server = common::server(common::echo);
    let s = Scratch::new();
    s.write("s.yaml", &common::suite(&server.base_url(), 1, ""));
    s.run(&["s.yaml", "-q"]).success();
    let mut damaged = std::fs::read(s.db()).unwrap();
    // SQLite's page size is the big-endian u16 at byte 16 of its header.
    let page = usize::from(u16::from_be_bytes([damaged[16], damaged[17]]));
    assert!(damaged.len() > page, "the store has more than one page");
    damaged[page..].fill(0xa5);

    let foreign = s.path("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE accounts (id INTEGER);")
        .unwrap();
    let newer = s.path("newer.db");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    s.write(
        "text.db",
        "a text file given as --db, which no SQLite reads\n",
    );
    std::fs::create_dir(s.path("dir.db")).unwrap();

    let files: [(&str, i32, &str); 5] = [
        ("foreign.db", 2, "not a sizeup results database"),
        ("text.db", 2, "text.db is not an SQLite database"),
        ("dir.db", 2, "dir.db is a directory, not an SQLite database"),
        ("newer.db", 2, "schema version 999"),
        ("damaged.db", 3, "malformed"),
    ];
    let commands: [&[&str]; 7] = [
        &["run", "s.yaml", "-q"],
        &["runs"],
        &["show", "latest"],
        &["export", "latest"],
        &["compare", "latest", "latest"],
        &[
            "capacity",
            "s.yaml",
            "--model",
            "loop",
            "--concurrency",
            "1",
        ],
        &["merge", "DB", "-q"],
    ];
    for (file, code, expected) in files {
        for command in commands {
            if file == "damaged.db" {
                // Each command gets the damage afresh: a write may move it.
                std::fs::write(s.path(file), &damaged).unwrap();
            }
            let mut args: Vec<&str> = command
                .iter()
                .map(|a| if *a == "DB" { file } else { a })
                .collect();
            args.extend(["--db", file]);
            let out = s
                .sizeup()
                .args(&args)
                .timeout(Duration::from_secs(60))
                .output()
                .expect("sizeup runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(code), "{args:?}:\n{stderr}");
            // `merge` reads the file as a shard first, and says so.
            let shard = if file == "dir.db" {
                format!("{file}: a directory, not a results database")
            } else {
                format!("{file}: not a results database")
            };
            assert!(
                stderr.contains(expected) || (command[0] == "merge" && stderr.contains(&shard)),
                "{args:?}: wanted `{expected}` in:\n{stderr}"
            );
            assert!(!stderr.contains("panicked"), "{args:?}:\n{stderr}");
        }
    }
    // None of them touched the database of something else.
    let tables: i64 = rusqlite::Connection::open(&foreign)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
    assert_eq!(server.requests(), 1, "no command reached the model");
}

/// A wait of seconds is shown on the progress output with its model,
/// length and reason, never silent: a 429 that asks for 3 s, and a rate
/// limit of 20 a minute that holds the 21st and 22nd requests about 3 and
/// 6 s, shown once for the two.
#[test]
fn long_waits_are_shown_with_their_model_and_reason() {
    let server = common::server(|seen| match (seen.prompt.as_str(), seen.attempt) {
        ("question 1", 1) => Behavior::Status {
            code: 429,
            retry_after: Some("3".into()),
        },
        _ => common::echo(seen),
    });
    let s = Scratch::new();
    s.write("s.yaml", &common::suite(&server.base_url(), 1, ""));
    let out = s.run(&["s.yaml"]).success().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("loop: waiting 3 s: retry after HTTP 429 (Retry-After)"),
        "{stderr}"
    );
    assert_eq!(s.export("latest")["trials"][0]["attempts"], 2);

    s.write(
        "s.yaml",
        &common::suite(&server.base_url(), 22, "    requests_per_minute: 20"),
    );
    let out = s.run(&["s.yaml"]).success().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let shown: Vec<&str> = stderr.lines().filter(|l| l.contains("waiting")).collect();
    // How long depends on how fast the first 20 went.
    assert_eq!(shown.len(), 1, "{stderr}");
    let seconds = shown[0]
        .strip_prefix("loop: waiting ")
        .and_then(|rest| rest.strip_suffix(" s: rate limit (requests_per_minute)"))
        .and_then(|n| n.parse::<u64>().ok());
    assert!(seconds.is_some_and(|n| (2..=6).contains(&n)), "{stderr}");
}
