//! Hostile input through the real binary: suites, case files, model files
//! and command lines that once panicked, hung, read forever or destroyed
//! results. Each must end within a time limit, with exit code 2, a clear
//! message, no panic, and no key of the environment in the output.

mod common;

use common::Scratch;
use sizeup_tests::measure::{self, Measured};
use sizeup_tests::server::{Behavior, Reply};
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
        "is the results store",
    );
    refused(
        &s,
        &["export", "latest", "-o", db_arg, "--db", db_arg],
        "is the results store",
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

/// How `sizeup ARGS` in `s`, with the key set, ended, what it took at its
/// peak, and what it said on standard error.
fn measured(s: &Scratch, args: &[&str]) -> (Measured, String) {
    let err = s.path("stderr.txt");
    let m = measure::run(
        s.process()
            .env("HOSTILE_KEY", SECRET)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&err).unwrap()),
    );
    (m, std::fs::read_to_string(err).unwrap())
}

/// Peak memory any hostile input may take: each of them took gigabytes
/// (or aborted the process) before it was bounded.
const PEAK_RSS_MB: f64 = 500.0;

/// Inputs built to take all the memory or to overflow are refused with
/// exit 2 at their place, within bounded memory, by `validate` and `run`.
#[test]
fn bombs_are_refused_in_bounded_memory() {
    let s = Scratch::new();
    s.write("ok.jsonl", "{\"q\": \"x\", \"a\": \"x\"}\n");
    let with_prompt = |prompt: &str| {
        suite(
            "",
            "http://127.0.0.1:9/v1",
            prompt,
            "{type: exact}",
            "ok.jsonl",
        )
    };
    // A 1 MiB string anchored once and aliased by 3,000 cases.
    let aliased = {
        let cases: Vec<String> = (0..3000)
            .map(|i| format!("      - {{id: c{i}, q: *big}}"))
            .collect();
        // The anchor on a field the suite reads, the aliases in cases it
        // reads whole: without the bound, every alias would be expanded.
        plain("")
            .replace(
                "    cases: ok.jsonl\n",
                &format!("    cases:\n{}\n", cases.join("\n")),
            )
            .replace(
                "name: hostile\n",
                &format!(
                    "name: hostile\ndescription: &big \"{}\"\n",
                    "x".repeat(1 << 20)
                ),
            )
    };
    let corpus: Vec<(&str, String, &str, &str)> = vec![
        (
            "a timeout as long as a u64 holds",
            plain("").replace("timeout: 5s", "timeout: 18446744073709551615"),
            "a duration must be at most 24h (86400 s)",
            "s.yaml:2:",
        ),
        (
            "a retry window of 1e300 seconds",
            plain("").replace(
                "cost: {hourly_usd: 0}",
                "cost: {hourly_usd: 0}, max_retry_time: 1e300",
            ),
            "a duration must be at most 24h (86400 s)",
            "s.yaml:5:",
        ),
        (
            "a template that joins ten gigabytes",
            with_prompt("{{ range(10000)|join('x' * 1000000) }}"),
            "case `1` does not render in tasks[0].prompt: the joined text would be larger than",
            "ok.jsonl:1:",
        ),
        (
            "a template that writes a gigabyte",
            with_prompt("{% for i in range(10000) %}{{ 'x' * 100000 }}{% endfor %}"),
            "the rendered text would be larger than",
            "ok.jsonl:1:",
        ),
        (
            "3,000 aliases of a 1 MiB string",
            aliased,
            "the aliases of this file expand to more than",
            "s.yaml:",
        ),
        (
            "50,000 levels of block sequences",
            format!("name: h\ntasks:\n{}x\n", "- ".repeat(50_000)),
            "the document nests deeper than 128 levels",
            "s.yaml:3:",
        ),
        (
            "50,000 levels of flow sequences",
            format!(
                "name: h\ntasks: {}{}\n",
                "[".repeat(50_000),
                "]".repeat(50_000)
            ),
            "the document nests deeper than 128 levels",
            "s.yaml:2:",
        ),
    ];
    for (what, yaml, expected, place) in &corpus {
        s.write("s.yaml", yaml);
        for args in [&["validate", "s.yaml"][..], &["run", "s.yaml", "-q"]] {
            let command = args[0];
            let (m, stderr) = measured(&s, args);
            assert_eq!(m.code, Some(2), "{what} ({command}):\n{}", stderr);
            assert!(
                stderr.contains(expected),
                "{what}: wanted `{expected}` in\n{}",
                stderr
            );
            assert!(
                stderr.contains(place),
                "{what}: not at {place} in\n{}",
                stderr
            );
            assert!(!stderr.contains("panicked"), "{what}:\n{}", stderr);
            assert!(
                m.peak_rss_mb < PEAK_RSS_MB,
                "{what} ({command}) took {:.0} MB",
                m.peak_rss_mb
            );
            // Nothing but the refusal: not a line of a 1 MiB value.
            assert!(
                stderr.len() < 20_000,
                "{what}: {} bytes of error",
                stderr.len()
            );
        }
    }
}

/// No report may be written over the suite, a file it reads, the store
/// or another report, and the refusal comes before any trial runs.
#[test]
fn outputs_never_write_over_what_the_run_reads() {
    let server = common::server(common::echo);
    let s = Scratch::new();
    std::fs::create_dir(s.path("data")).unwrap();
    s.write("data/cases.jsonl", "{\"q\": \"x\", \"a\": \"echo: x\"}\n");
    let text = suite(
        "",
        &server.base_url(),
        "{{ q }}",
        "{type: exact}",
        "data/cases.jsonl",
    );
    s.write("s.yaml", &text);
    std::os::unix::fs::symlink(s.path("s.yaml"), s.path("alias.md")).unwrap();
    s.write("prices.yaml", "prices: []\n");
    let originals: Vec<(&str, Vec<u8>)> = ["s.yaml", "data/cases.jsonl", "prices.yaml"]
        .into_iter()
        .map(|f| (f, std::fs::read(s.path(f)).unwrap()))
        .collect();
    for (flags, expected) in [
        (&["--json", "s.yaml"][..], "which this command reads"),
        (
            &["--html", "data/cases.jsonl"],
            "data/cases.jsonl, which this command reads",
        ),
        (&["--markdown", "alias.md"], "which this command reads"),
        (
            &["--prices", "prices.yaml", "--junit", "prices.yaml"],
            "which this command reads",
        ),
        (&["--json", "results.db"], "is the results store"),
        (
            &["--html", "results.db-wal"],
            "is a journal file of the results store",
        ),
        (
            &["--json", "r.json", "--html", "./r.json"],
            "is also the output",
        ),
    ] {
        let mut args = vec!["run", "s.yaml", "-q", "--db", "results.db"];
        args.extend(flags);
        refused(&s, &args, expected);
    }
    assert_eq!(server.requests(), 0, "a refused run sent requests");
    for (file, bytes) in &originals {
        assert_eq!(
            &std::fs::read(s.path(file)).unwrap(),
            bytes,
            "{file} changed"
        );
    }
    // The same run with outputs of its own writes them.
    let out = s
        .sizeup()
        .env("HOSTILE_KEY", SECRET)
        .args([
            "run",
            "s.yaml",
            "-q",
            "--db",
            "results.db",
            "--json",
            "r.json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.path("r.json").is_file());
    // `compare` reads its exports; `export -o` reads the store.
    refused(
        &s,
        &[
            "compare",
            "r.json",
            "r.json",
            "--json",
            "r.json",
            "--db",
            "results.db",
        ],
        "which this command reads",
    );
    refused(
        &s,
        &[
            "export",
            "latest",
            "-o",
            "results.db-shm",
            "--db",
            "results.db",
        ],
        "is a journal file of the results store results.db",
    );
}

/// Ids are printable, compared as Unicode text, and what a model or a
/// suite says reaches the terminal escaped, never as a control sequence.
#[test]
fn the_terminal_never_gets_raw_control_sequences() {
    let s = Scratch::new();
    s.write("ok.jsonl", "{\"q\": \"x\", \"a\": \"x\"}\n");
    let raw = ["\u{1b}]0;", "\u{7}", "\u{1b}[", "\u{202e}", "\u{200b}"];
    let shows_raw = |text: &str| raw.iter().any(|r| text.contains(r));
    let task = |id: &str| plain("").replace("  - id: t\n", &format!("  - id: \"{id}\"\n"));
    for (what, yaml, expected) in [
        (
            "a task id that sets the window title",
            task("t\\e]0;pwned\\a"),
            "the task id has U+001B, a control character, at character 2 of the id",
        ),
        (
            "a model id with a right-to-left override",
            plain("").replace("{id: m,", "{id: \"m\\u202Eexe.txt\","),
            "the model id has U+202E, an invisible or bidirectional formatting character, at character 2",
        ),
        (
            "a task id with a zero-width space",
            task("tri\\u200Bage"),
            "U+200B, an invisible or bidirectional formatting character, at character 4",
        ),
    ] {
        s.write("s.yaml", &yaml);
        let err = refused(&s, &["validate", "s.yaml"], expected);
        assert!(!shows_raw(&err), "{what}: raw in\n{err:?}");
    }
    // A case id with a control character, in a cases file: its line.
    s.write(
        "bad.jsonl",
        "{\"q\": \"x\", \"a\": \"x\"}\n{\"id\": \"c\\u001b[2J\", \"q\": \"y\", \"a\": \"y\"}\n",
    );
    s.write("s.yaml", &plain("").replace("ok.jsonl", "bad.jsonl"));
    let err = refused(
        &s,
        &["validate", "s.yaml"],
        "bad.jsonl:2:1: the case id has U+001B",
    );
    assert!(!shows_raw(&err), "{err:?}");
    // `café` written precomposed and with a combining accent is one id.
    let twice = plain("").replace(
        "    cases: ok.jsonl\n",
        "    cases: ok.jsonl\n  - id: \"caf\\u00E9\"\n    prompt: x\n    scorers: [{type: exact}]\n    expected: a\n    cases: ok.jsonl\n  - id: \"cafe\\u0301\"\n    prompt: x\n    scorers: [{type: exact}]\n    expected: a\n    cases: ok.jsonl\n",
    );
    s.write("s.yaml", &twice);
    refused(
        &s,
        &["validate", "s.yaml"],
        "tasks[2].id: duplicate task id `cafe\u{301}`: the same text as `caf\u{e9}` in another Unicode form",
    );

    // A run whose suite name and model answers carry escapes: the table,
    // `show` and `runs` show them escaped.
    let server = common::server(|seen| {
        Behavior::Reply(Reply::text(format!(
            "\u{1b}]0;pwned\u{7}\u{1b}[2J{}\u{202e}",
            seen.prompt
        )))
    });
    let yaml = suite(
        "",
        &server.base_url(),
        "{{ q }}",
        "{type: exact}",
        "ok.jsonl",
    )
    .replace("name: hostile", "name: \"night\\e[2Jly\\u202E\"");
    s.write("s.yaml", &yaml);
    let out = s
        .sizeup()
        .env("HOSTILE_KEY", SECRET)
        .args(["run", "s.yaml", "--db", "results.db"])
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        !shows_raw(&stdout) && !shows_raw(&stderr),
        "{stdout:?}\n{stderr:?}"
    );
    assert!(
        stdout.contains("suite night\\u{1b}[2Jly\\u{202e}"),
        "{stdout}"
    );
    for command in ["show", "runs"] {
        let out = s
            .sizeup()
            .args([command, "--db", "results.db"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0));
        assert!(!shows_raw(&text), "{command}: {text:?}");
        assert!(
            text.contains("night\\u{1b}[2Jly\\u{202e}"),
            "{command}: {text}"
        );
    }
}

/// Each of these once got a misleading message: it now says what the
/// input is, at its place, or is accepted as an editor wrote it.
#[test]
fn messages_say_what_happened() {
    let s = Scratch::new();
    // A byte-order mark, as editors on Windows write it, before a suite
    // and before a cases file.
    s.write("ok.jsonl", "\u{feff}{\"q\": \"x\", \"a\": \"x\"}\n");
    s.write("s.yaml", &format!("\u{feff}{}", plain("")));
    let out = s.sizeup().args(["validate", "s.yaml"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A key twice inside a nested object of a case.
    s.write(
        "dup.jsonl",
        "{\"q\": \"x\", \"a\": \"x\", \"meta\": {\"k\": 1, \"k\": 2}}\n",
    );
    s.write("s.yaml", &plain("").replace("ok.jsonl", "dup.jsonl"));
    refused(&s, &["validate", "s.yaml"], "dup.jsonl:1:");
    refused(
        &s,
        &["validate", "s.yaml"],
        "the key `k` appears twice in one object of this case",
    );

    // A symlink loop as the cases file.
    std::os::unix::fs::symlink("loop-b.jsonl", s.path("loop-a.jsonl")).unwrap();
    std::os::unix::fs::symlink("loop-a.jsonl", s.path("loop-b.jsonl")).unwrap();
    s.write("s.yaml", &plain("").replace("ok.jsonl", "loop-a.jsonl"));
    refused(
        &s,
        &["validate", "s.yaml"],
        "cases file `loop-a.jsonl` is a symlink that cannot be followed: Too many levels of symbolic links",
    );

    // A symlink to a file elsewhere: read, and every message says where it
    // leads; the fields its first line made are shown bounded and escaped.
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("system.csv");
    let header: Vec<String> = (0..40)
        .map(|i| format!("{}\u{1b}[2J{i}", "f".repeat(100)))
        .collect();
    std::fs::write(
        &target,
        format!("{}\n{}\n", header.join(","), vec!["v"; 40].join(",")),
    )
    .unwrap();
    std::os::unix::fs::symlink(&target, s.path("linked.csv")).unwrap();
    s.write("s.yaml", &plain("").replace("ok.jsonl", "linked.csv"));
    let err = refused(
        &s,
        &["validate", "s.yaml"],
        "template uses `q`, which no case defines",
    );
    let target = std::fs::canonicalize(&target).unwrap();
    assert!(
        err.contains(&format!(
            "linked.csv (a symlink to {}) have fields",
            target.display()
        )),
        "{err}"
    );
    assert!(err.contains("and 28 more"), "{err}");
    assert!(
        !err.contains(&"f".repeat(41)) && !err.contains('\u{1b}'),
        "{err:?}"
    );

    // A FIFO given as a local model is not read (it would wait forever).
    let fifo = s.path("model.gguf");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    s.write(
        "s.yaml",
        "name: fifo\nmodels: [{id: m, provider: local, model: model.gguf, cost: {hourly_usd: 0}}]\ntasks:\n  - {id: t, prompt: hi, scorers: [{type: length, max_chars: 9}], cases: [{x: 1}]}\n",
    );
    refused(
        &s,
        &["validate", "s.yaml"],
        "it is not a regular file (a FIFO, socket or device)",
    );

    // `compare` given a directory where a run or an export goes.
    std::fs::create_dir(s.path("exports")).unwrap();
    refused(
        &s,
        &["compare", "exports", "latest"],
        "exports is a directory: give an exported JSON report, a run id or `latest`",
    );
}

/// Runs `script` in a new user and mount namespace, where the test may
/// mount file systems of its own; `None` where the kernel allows none.
fn in_namespace(script: &str) -> Option<std::process::Output> {
    let probe = std::process::Command::new("unshare")
        .args(["-rm", "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: this kernel gives no user namespaces to mount in");
        return None;
    }
    Some(
        std::process::Command::new("unshare")
            .args(["-rm", "sh", "-c", script])
            .env("SIZEUP", common::bin())
            .output()
            .unwrap(),
    )
}

/// The commands that only read a store work on a read-only file system,
/// and a run on a full disk says the disk is full.
#[test]
fn read_only_and_full_file_systems_are_named() {
    let server = common::server(common::echo);
    let s = Scratch::new();
    s.write("s.yaml", &common::suite(&server.base_url(), 2, ""));
    s.run(&["s.yaml", "-q"]).success();
    let dir = s.dir.path().display().to_string();
    let read_only = format!(
        "mount --bind {dir} {dir} && mount -o remount,ro,bind {dir} && cd {dir} && \
         ! touch probe 2>/dev/null && \"$SIZEUP\" show --db results.db && \"$SIZEUP\" runs --db results.db \
         && \"$SIZEUP\" export --db results.db"
    );
    if let Some(out) = in_namespace(&read_only) {
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains("2/2 trials") && stdout.contains("\"trials_done\": 2"),
            "{stdout}"
        );
    }
    let full = s.path("full");
    std::fs::create_dir(&full).unwrap();
    let full = full.display().to_string();
    let disk_full = format!(
        "mount -t tmpfs -o size=64k tmpfs {full} && dd if=/dev/zero of={full}/fill bs=4k count=64 2>/dev/null; \
         cd {dir} && \"$SIZEUP\" run s.yaml -q --db {full}/r.db; echo \"exit $?\""
    );
    if let Some(out) = in_namespace(&disk_full) {
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(stdout.contains("exit 3"), "{stdout}\n{stderr}");
        assert!(
            stderr.contains("the disk that holds it is full"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
