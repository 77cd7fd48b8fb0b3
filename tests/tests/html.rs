//! The HTML report in a real browser: headless Chromium (Debian's
//! `chromium`) loads the sample report, whose model outputs include one that
//! tries to inject a script and an event handler, and the test reads the DOM
//! the browser built and takes screenshots at desktop and phone widths.
//!
//! Without Chromium the test prints a note and passes, except under
//! `CI=true`, where it fails: `.ci/run` installs the browser. Set
//! `SIZEUP_SCREENSHOTS=DIR` to keep the screenshots.

use sizeup_reports::sample::{self, HOSTILE};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one browser invocation may take.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(90);

/// The first of Chromium's usual names found on `PATH`.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `page` with `extra` flags and a fresh profile
/// directory, and returns what it wrote to standard output.
fn browse(browser: &Path, scratch: &Path, profile: &str, page: &Path, extra: &[String]) -> String {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!(
        "--user-data-dir={}",
        scratch.join(profile).display()
    ))
    .args(extra)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start chromium");
    // Read the pipes on their own threads so a chatty browser cannot block.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if start.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than {BROWSER_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    assert!(status.success(), "chromium failed ({status}): {err}");
    out
}

#[test]
fn the_report_renders_in_chromium_and_hostile_output_stays_text() {
    let Some(browser) = chromium() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("chromium is not installed: .ci/run installs it (apt-get install chromium)");
        }
        eprintln!("note: chromium is not installed; skipping the browser test of the HTML report");
        return;
    };
    let scratch = tempfile::tempdir().expect("temp dir");
    let report = sample::report();
    let html = sizeup_reports::html::render(&report).expect("render");
    let page = scratch.path().join("report.html");
    std::fs::write(&page, &html).expect("write the report");

    let dom = browse(
        &browser,
        scratch.path(),
        "profile-dom",
        &page,
        &["--dump-dom".to_string()],
    );
    assert!(
        dom.contains("<table class=\"verdicts\">"),
        "no verdict table in the DOM"
    );
    for word in [
        "Cheaper model is enough",
        "Needs the reference",
        "Inconclusive",
        "Not compared",
    ] {
        assert!(dom.contains(word), "verdict {word:?} missing from the DOM");
    }
    // The DOM serializer escapes text nodes' <, > and &: the hostile output
    // is there as text, whole.
    let as_text = HOSTILE
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(
        dom.contains(&as_text),
        "the hostile output is not in the DOM as text"
    );
    let lower = dom.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element is in the DOM");
    assert!(!lower.contains("<img"), "an img element is in the DOM");
    // Nothing renamed the page: its title is its own.
    let head = &dom[..dom.find("</head>").expect("a head")];
    let title = format!("<title>sizeup · starter · run {}</title>", report.run.id);
    assert!(head.contains(&title), "the page's title changed: {head}");
    assert_eq!(head.matches("<title>").count(), 1);

    let keep = std::env::var_os("SIZEUP_SCREENSHOTS").map(PathBuf::from);
    for (name, size) in [("desktop", "1280,2000"), ("phone", "390,2000")] {
        let shot = scratch.path().join(format!("report-{name}.png"));
        browse(
            &browser,
            scratch.path(),
            &format!("profile-{name}"),
            &page,
            &[
                format!("--screenshot={}", shot.display()),
                format!("--window-size={size}"),
            ],
        );
        let png = std::fs::read(&shot).expect("the screenshot was written");
        assert!(
            png.starts_with(b"\x89PNG"),
            "{name} screenshot is not a PNG"
        );
        assert!(png.len() > 20_000, "{name} screenshot looks blank");
        if let Some(dir) = &keep {
            std::fs::create_dir_all(dir).expect("screenshot dir");
            std::fs::copy(&shot, dir.join(format!("report-{name}.png"))).expect("keep screenshot");
        }
    }
    if let Some(dir) = &keep {
        std::fs::copy(&page, dir.join("report.html")).expect("keep the page");
    }
}
