//! Helpers shared by the end-to-end tests: a scratch directory, suite
//! files, and the `sizeup` binary.

#![allow(dead_code)]

use assert_cmd::Command;
use sizeup_tests::server::{Behavior, Config, MockServer, Reply, Seen};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A loopback OpenAI server that answers as `script` says.
pub fn server(script: impl Fn(&Seen) -> Behavior + Send + Sync + 'static) -> MockServer {
    MockServer::start(Config {
        script: Arc::new(script),
        ..Config::default()
    })
}

/// Answers `echo: ` and the prompt.
pub fn echo(seen: &Seen) -> Behavior {
    Behavior::Reply(Reply::text(format!("echo: {}", seen.prompt)))
}

/// Echoes the prompt; once `broken` is set, answers every even case (the
/// number that ends the prompt) wrong: a model update that made it worse.
pub fn breakable(broken: Arc<AtomicBool>) -> MockServer {
    server(move |seen| {
        let case: u32 = seen.prompt.rsplit(' ').next().unwrap().parse().unwrap();
        if broken.load(Ordering::SeqCst) && case.is_multiple_of(2) {
            Behavior::Reply(Reply::text("wrong"))
        } else {
            echo(seen)
        }
    })
}

/// A scratch directory with a results database.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).expect("write");
        p
    }

    pub fn db(&self) -> PathBuf {
        self.path("results.db")
    }

    /// `sizeup` run in this directory, with no provider keys in its environment.
    pub fn sizeup(&self) -> Command {
        let mut c = Command::new(bin());
        c.current_dir(self.dir.path())
            .env_remove("OPENAI_API_KEY")
            .env_remove("ANTHROPIC_API_KEY")
            .env_remove("GEMINI_API_KEY")
            .env_remove("AZURE_OPENAI_API_KEY");
        c
    }

    /// `sizeup run ARGS… --db DB`, asserted on by the caller.
    pub fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.sizeup()
            .arg("run")
            .args(args)
            .arg("--db")
            .arg(self.db())
            .assert()
    }

    /// The same, as a plain process for tests that signal it.
    pub fn process(&self) -> std::process::Command {
        let mut c = std::process::Command::new(bin());
        c.current_dir(self.dir.path());
        c
    }

    /// `sizeup ARGS… --db DB`, which must succeed; its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self
            .sizeup()
            .args(args)
            .arg("--db")
            .arg(self.db())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8_lossy(&out).to_string()
    }

    /// `sizeup export RUN` parsed as JSON.
    pub fn export(&self, run: &str) -> serde_json::Value {
        let out = self
            .sizeup()
            .args(["export", run, "--db"])
            .arg(self.db())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).expect("export is JSON")
    }
}

/// The `sizeup` binary of this build.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("sizeup")
}

/// A suite with one task of `cases` numbered cases, against `base_url`.
pub fn suite(base_url: &str, cases: usize, model_extra: &str) -> String {
    let cases: Vec<String> = (1..=cases)
        .map(|i| format!("      - {{id: c{i}, q: \"question {i}\", a: \"echo: question {i}\"}}"))
        .collect();
    format!(
        "name: e2e
defaults:
  max_tokens: 64
  temperature: 0
  timeout: 5s
models:
  - id: loop
    provider: openai_compatible
    model: loop-1
    base_url: {base_url}
    cost: {{input_per_mtok: 1000, output_per_mtok: 2000}}
{model_extra}
tasks:
  - id: echo
    prompt: \"{{{{ q }}}}\"
    expected: a
    scorers:
      - type: exact
    cases:
{}
",
        cases.join("\n")
    )
}

/// Reads a text file, lossily.
pub fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).to_string()
}

/// Runs `validate` on `suite` (with extra files), which must refuse it
/// with exit 2 and no panic, and returns stderr.
pub fn fails(suite: &str, files: &[(&str, &str)]) -> String {
    let s = Scratch::new();
    s.write("s.yaml", suite);
    for (name, text) in files {
        s.write(name, text);
    }
    let out = s
        .sizeup()
        .args(["validate", "s.yaml"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!err.contains("panicked"), "{err}");
    err
}
