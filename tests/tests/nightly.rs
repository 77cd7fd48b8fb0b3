//! The README's nightly CI job, run end to end: its script
//! (`tests/nightly/nightly.sh`) runs two shards against the loopback
//! server, merges them and writes the reports; the next night compares
//! with the first night's export, and fails with exit 1 when the model got
//! worse, or with 3, its report still written, when a shard is missing.

mod common;

use common::{bin, read, suite, Scratch};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// `nightly.sh ARGS…` in `dir`, with the suite `s.yaml`; its exit code.
fn script(dir: &Path, args: &[&str]) -> i32 {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("nightly/nightly.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .args(args)
        .current_dir(dir)
        .env("SIZEUP", bin())
        .env("SUITE", "s.yaml")
        .output()
        .expect("bash runs");
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    out.status.code().expect("an exit code")
}

#[test]
fn the_nightly_job_publishes_a_baseline_then_fails_on_a_regression() {
    let broken = Arc::new(AtomicBool::new(false));
    let server = common::breakable(broken.clone());
    let yaml = suite(&server.base_url(), 12, "");
    let night = || {
        let s = Scratch::new();
        s.write("s.yaml", &yaml);
        s
    };

    let first = night();
    let dir = first.dir.path();
    assert_eq!(script(dir, &["shard", "1", "2"]), 0);
    assert_eq!(script(dir, &["shard", "2", "2"]), 0);
    assert_eq!(script(dir, &["report"]), 0);
    let baseline = read(&dir.join("report.json"));
    let json: serde_json::Value = serde_json::from_str(&baseline).unwrap();
    assert_eq!(json["run"]["trials_done"], 12);
    assert_eq!(json["run"]["status"], "finished");
    assert!(read(&dir.join("report.html")).contains("Which tasks need the frontier model?"));
    assert!(!read(&dir.join("summary.md")).contains("Since the baseline"));

    // The next night, the model answers half the cases wrong.
    broken.store(true, Ordering::SeqCst);
    let second = night();
    let dir = second.dir.path();
    std::fs::create_dir_all(dir.join("baseline")).unwrap();
    std::fs::write(dir.join("baseline/report.json"), &baseline).unwrap();
    assert_eq!(script(dir, &["shard", "1", "2"]), 0);
    assert_eq!(script(dir, &["shard", "2", "2"]), 0);
    assert_eq!(script(dir, &["report"]), 1);
    let summary = read(&dir.join("summary.md"));
    assert!(
        summary.contains("**REGRESSION** echo / loop: quality −50.0 points"),
        "{summary}"
    );
    assert!(read(&dir.join("report.html")).contains("id=\"since-baseline\""));

    // A night whose second shard never arrived still reports, and fails.
    let third = night();
    let dir = third.dir.path();
    assert_eq!(script(dir, &["shard", "1", "2"]), 0);
    assert_eq!(script(dir, &["report"]), 3);
    assert!(read(&dir.join("summary.md")).contains("interrupted"));
}
