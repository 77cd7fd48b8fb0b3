//! The HTML report: one self-contained page (no script, no external font,
//! style or image) that opens from a mail attachment.
//!
//! [`render`] turns a [`ReportModel`] into a `Page`, a view model of
//! pre-formatted text and chart geometry, and renders it with the minijinja
//! templates under `reports/templates/`, compiled into the binary. Every
//! value goes through HTML autoescaping: model outputs are hostile input.
//! The page also carries a Content-Security-Policy that forbids scripts,
//! so markup that slipped through would still not run.

use crate::baseline::{self, Kind};
use crate::format::{dollars, group, plain_points};
use crate::{RenderError, ReportModel, RunStatus, SinceBaseline};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

mod capacity;
mod cases;
mod task;
mod trends;

use crate::summary::{headline, verdict_rows, Cells, Headline, VerdictRow};
use crate::DEFAULT_MARGIN;
pub use cases::CASES_PER_TASK;
use cases::{CaseIndex, DRILL_DOWN_BYTES, OUTPUT_CHARS};
use task::{task_view, TaskView};

/// The html format.
pub struct Html;

impl crate::Output for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn about(&self) -> &'static str {
        "One self-contained HTML page: verdicts, charts, statistics, every case"
    }

    fn run_flag(&self) -> Option<&'static str> {
        Some("Also write the HTML report to FILE")
    }

    fn needs_trials(&self) -> bool {
        true
    }

    fn render(&self, report: &ReportModel) -> Result<String, RenderError> {
        render(report)
    }
}

/// Renders the report as one HTML page.
pub fn render(report: &ReportModel) -> Result<String, RenderError> {
    let page = Page::build(report);
    let mut env = Environment::new();
    // Every template, whatever its name, escapes for HTML.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    for (name, source) in [
        ("report.html", include_str!("../../templates/report.html")),
        ("charts.html", include_str!("../../templates/charts.html")),
        ("style.css", include_str!("../../templates/style.css")),
    ] {
        env.add_template(name, source)
            .map_err(RenderError::Template)?;
    }
    env.get_template("report.html")
        .and_then(|t| t.render(&page))
        .map_err(RenderError::Template)
}

/// Everything the page shows, formatted.
#[derive(Debug, Serialize)]
struct Page {
    title: String,
    suite: String,
    run: RunView,
    headline: Headline,
    verdicts: Vec<VerdictRow>,
    judges: Vec<crate::judges::JudgeLine>,
    since: Option<SinceView>,
    history_runs: usize,
    models: Vec<ModelRow>,
    tasks: Vec<TaskView>,
    format_version: u32,
    default_margin: String,
    cases_per_task: usize,
    output_chars: String,
}

/// The comparison with the baseline, regressions first.
#[derive(Debug, Serialize)]
struct SinceView {
    headline: String,
    lines: Vec<SinceLine>,
}

#[derive(Debug, Serialize)]
struct SinceLine {
    /// CSS class: `failing`, `regression`, `improvement`, `flip`, `unmatched`.
    kind: &'static str,
    label: &'static str,
    subject: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct RunView {
    id: String,
    status: &'static str,
    unfinished: bool,
    started_at: String,
    finished_at: Option<String>,
    trials_done: String,
    trials_planned: String,
    spend: String,
    failure_spend: Option<String>,
    suite_path: String,
}

#[derive(Debug, Serialize)]
struct ModelRow {
    id: String,
    provider: String,
    model: String,
    reference: bool,
}

impl Page {
    fn build(report: &ReportModel) -> Self {
        let cells = Cells::new(report);
        let run = &report.run;
        let reference_ids: Vec<&str> = report
            .models
            .iter()
            .filter(|m| m.role == Some(crate::Role::Reference))
            .map(|m| m.id.as_str())
            .collect();
        let cases = CaseIndex::new(&report.trials);
        let mut budget = DRILL_DOWN_BYTES;
        let tasks = report
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| task_view(report, &cells, &cases, i, t, &mut budget))
            .collect();
        Page {
            title: format!("sizeup · {} · run {}", run.suite, run.id),
            suite: run.suite.clone(),
            run: RunView {
                id: run.id.clone(),
                status: run.status.as_str(),
                unfinished: run.status != RunStatus::Finished,
                started_at: crate::format::time(&run.started_at),
                finished_at: run.finished_at.as_deref().map(crate::format::time),
                trials_done: group(run.trials_done),
                trials_planned: group(run.trials_planned),
                spend: dollars(run.cost_usd + run.failure_cost_usd),
                failure_spend: (run.failure_cost_usd > 0.0).then(|| dollars(run.failure_cost_usd)),
                suite_path: run.suite_path.clone(),
            },
            headline: headline(report),
            verdicts: verdict_rows(report),
            judges: crate::judges::lines(report),
            since: report.since_baseline.as_ref().map(since_view),
            history_runs: report.history.len(),
            models: report
                .models
                .iter()
                .map(|m| ModelRow {
                    id: m.id.clone(),
                    provider: m.provider.clone(),
                    model: m.model.clone(),
                    reference: reference_ids.contains(&m.id.as_str()),
                })
                .collect(),
            tasks,
            format_version: report.format_version,
            default_margin: plain_points(DEFAULT_MARGIN),
            cases_per_task: CASES_PER_TASK,
            output_chars: group(OUTPUT_CHARS as u64),
        }
    }
}

fn since_view(s: &SinceBaseline) -> SinceView {
    SinceView {
        headline: baseline::headline(s),
        lines: baseline::lines(s)
            .into_iter()
            .map(|l| SinceLine {
                kind: match l.kind {
                    Kind::Failing => "failing",
                    Kind::Regression => "regression",
                    Kind::Improvement => "improvement",
                    Kind::Flip => "flip",
                    Kind::Unmatched => "unmatched",
                },
                label: l.kind.label(),
                subject: l.subject,
                text: l.text,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{self, HOSTILE};

    fn page() -> String {
        render(&sample::report()).expect("renders")
    }

    /// The text between the first `start` and the next `end` after it.
    fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
        let from = html.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
        let to = html[from..]
            .find(end)
            .unwrap_or_else(|| panic!("no {end:?}"))
            + from;
        &html[from..to]
    }

    /// Fails when any tag of `html` is a script or an image, or carries an
    /// event handler: the hostile text may appear, escaped, only as text.
    fn assert_no_hostile_markup(html: &str) {
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            let close = rest[open..].find('>').map_or(rest.len(), |c| open + c);
            let tag = rest[open + 1..close].to_ascii_lowercase();
            assert!(
                !tag.starts_with("script") && !tag.starts_with("img"),
                "markup got through: <{tag}>"
            );
            assert!(
                !tag.contains("onerror"),
                "an event handler got through: <{tag}>"
            );
            rest = &rest[close.min(rest.len())..];
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
        }
    }

    #[test]
    fn the_page_is_self_contained() {
        let html = page();
        assert!(html.starts_with("<!doctype html>"));
        for external in ["http://", "https://", "<script", "<link", "@import", "url("] {
            assert!(!html.contains(external), "found {external:?}");
        }
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("<title>sizeup · starter · run r-20260412-0930-7f3a</title>"));
    }

    #[test]
    fn hostile_output_is_escaped_text() {
        let html = page();
        assert!(!html.contains("<script>document"));
        assert!(!html.contains("<img"));
        assert_no_hostile_markup(&html);
        let escaped = "&lt;script&gt;document.title=&#x27;x&#x27;&lt;&#x2f;script&gt;&quot;&gt;\
                       &lt;img src=x onerror=&quot;document.title=&#x27;x&#x27;&quot;&gt;";
        assert!(
            html.contains(escaped),
            "the hostile output is not shown as text"
        );
    }

    #[test]
    fn hostile_names_are_escaped_everywhere() {
        let mut report = sample::report();
        report.tasks[0].description = HOSTILE.into();
        report.verdicts[0].sentence = HOSTILE.into();
        for c in report
            .cells
            .iter_mut()
            .filter(|c| c.model == "smollm2-135m")
        {
            c.misses = Some(vec![crate::Miss {
                bar: crate::Bar::Quality,
                detail: HOSTILE.into(),
            }]);
        }
        // A model and a case named to inject markup, wherever names appear:
        // tables, chart labels and tooltips, the drill-down.
        let evil = format!("m{HOSTILE}");
        for m in &mut report.models {
            if m.id == "smollm2-135m" {
                m.id.clone_from(&evil);
            }
        }
        for c in &mut report.cells {
            if c.model == "smollm2-135m" {
                c.model.clone_from(&evil);
            }
        }
        for t in &mut report.trials {
            if t.model == "smollm2-135m" {
                t.model.clone_from(&evil);
                t.case = format!("c{HOSTILE}");
                t.error = Some(HOSTILE.into());
            }
        }
        let html = render(&report).unwrap();
        assert!(!html.contains("<script>document"));
        assert_no_hostile_markup(&html);
        assert!(html.contains("&lt;script&gt;document.title=&#x27;x&#x27;"));
    }

    #[test]
    fn headline_states_the_money() {
        let html = page();
        let head = between(&html, "<header", "</header>");
        assert!(head.contains("$665"), "{head}");
        assert!(head.contains("$474.92") || head.contains("$475"), "{head}");
        assert!(head.contains("$190"), "{head}");
        assert!(head.contains("$2,281 a year · 29% less"), "{head}");
        assert!(
            head.contains("ticket-summary"),
            "unpriced task not named: {head}"
        );
        assert!(head.contains(
            "Of 4 tasks, 1 can move to a cheaper model, 1 needs the reference, 1 is inconclusive \
             and 1 ran on one model only."
        ));
    }

    #[test]
    fn verdict_table_has_a_row_per_task_with_words() {
        let html = page();
        let table = between(&html, "<table class=\"verdicts\"", "</table>");
        assert_eq!(table.matches("<tr").count(), 5, "header and four rows");
        for word in [
            "Cheaper model is enough",
            "Needs the reference",
            "Inconclusive",
            "Not compared",
        ] {
            assert!(table.contains(word), "{word}");
        }
        assert!(
            table.contains("−1.0 pts of pass rate<span class=\"ci\">95% CI −2.1 to +1.4</span>")
        );
        assert!(table.contains("$41 instead of $231"));
        assert!(table.contains("900 ms within 3 s"));
        // Inconclusive: the difference shown is the model more cases would decide.
        assert!(table
            .contains("qwen2.5-coder-0.5b:</span> −1.5 pts of pass rate<span class=\"ci\">95% CI −4.8 to +1.8"));
    }

    #[test]
    fn the_comparison_with_the_baseline_comes_first_and_trends_mark_changes() {
        let html = page();
        let since = between(&html, "id=\"since-baseline\"", "id=\"task-1\"");
        let failing = since
            .find("class=\"kind failing\"")
            .expect("a failing regression");
        let other = since.find("class=\"kind regression\"").unwrap();
        let better = since.find("class=\"kind improvement\"").unwrap();
        let flip = since.find("class=\"kind flip\"").unwrap();
        assert!(failing < other && other < better && better < flip);
        assert!(since.contains("since baseline r-20260411-0930-1c2d (2026-04-11 09:30 UTC)"));
        assert!(since.contains("only in this run: not compared"));
        // Every model of the task has its three trends over the five runs,
        // the prompt change (third run) and the price change (fourth) marked.
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        assert!(task.contains("Over the last 5 runs"));
        assert_eq!(task.matches("<svg class=\"chart trend\"").count(), 9);
        assert_eq!(task.matches("class=\"change-label\"").count(), 18);
        assert!(task.contains("2026-04-10 09:30 UTC: prompt changed"));
        assert!(task.contains(">$</text>"));
        // One run is no trend.
        let mut report = sample::report();
        report.history.truncate(1);
        report.since_baseline = None;
        let html = render(&report).unwrap();
        assert!(!html.contains("chart trend"));
        assert!(!html.contains("id=\"since-baseline\""));
    }

    #[test]
    fn a_swept_model_shows_its_capacity_curve_and_the_economics() {
        let html = page();
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        let capacity = between(task, "Capacity of qwen2.5-coder-0.5b", "Self-hosting");
        assert!(capacity.contains(
            "<strong>Goodput: 3.30 requests&#x2f;s served</strong> within the objectives and sustained (at least 97% of the offered rate served, latency not growing within the level); offered 3.85 requests&#x2f;s, it did not hold"
        ));
        assert!(capacity.contains("at 60% of the goodput and $0.90 an hour"));
        assert_eq!(capacity.matches("<svg class=\"chart xy\"").count(), 1);
        assert!(capacity.contains("class=\"goodput\""));
        assert!(capacity.contains("SLO 3 s"));
        // Every level a row, the ones that broke the objective said so.
        assert_eq!(
            capacity
                .matches("<td data-label=\"Meets objectives\">no</td>")
                .count(),
            2
        );
        let economics = between(
            task,
            "Self-hosting qwen2.5-coder-0.5b instead of gpt-4o",
            "Over the last",
        );
        assert!(economics.contains("Break-even: <strong>187,715 requests a month</strong>"));
        assert_eq!(economics.matches("months</th>").count(), 3);
        // The cost by volume, the break-even circled, and the cumulative cost.
        assert_eq!(economics.matches("<svg class=\"chart xy\"").count(), 2);
        assert!(
            economics.contains(">break-even 187.7k</text>"),
            "{economics}"
        );
        assert!(economics.contains("gpt-4o (API)"));
        // Tasks without a sweep have neither.
        let other = between(&html, "id=\"task-2\"", "id=\"task-3\"");
        assert!(!other.contains("Capacity of"));
    }

    #[test]
    fn each_task_has_its_charts_and_sentence() {
        let html = page();
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        assert_eq!(task.matches("<svg class=\"chart\"").count(), 3);
        assert!(task.contains("class=\"band\""));
        assert!(task.contains("class=\"frontier\""));
        assert!(task.contains("SLO 3 s"));
        assert!(task
            .contains("smollm2-135m is worse by 38.5 points of pass rate (95% CI −45.0 to −32.0)"));
        // The bars say which figure they hold a model to.
        assert!(task.contains("quality is the pass rate (a trial passes when every scorer passes"));
        assert!(task.contains("pass rate at least 90.0%"));
        assert!(task.contains("pass rate, paired 95% CI"));
        assert!(task.contains("qwen2.5-coder-0.5b (−1.0 points, 95% CI −2.1 to +1.4)"));
        assert!(
            task.contains("timeout 1"),
            "error classes in the statistics"
        );
        // Ranked best first.
        let chart = between(task, "<svg", "</svg>");
        let a = chart.find("gpt-4o").unwrap();
        let b = chart.find("qwen2.5-coder-0.5b").unwrap();
        let c = chart.find("smollm2-135m").unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn drill_down_is_collapsed_and_disagreements_come_first() {
        let html = page();
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        let drill = between(task, "<details class=\"cases\"", "</section>");
        assert!(!drill.contains(" open"), "collapsed by default");
        let first = between(drill, "<details class=\"case\"", "</summary>");
        assert!(
            !first.contains("email-001"),
            "a case all models passed came first"
        );
        assert!(drill.contains("no answer within 30 s"));
        assert!(drill.contains("Expected"));
    }

    #[test]
    fn drill_down_is_capped_with_a_note() {
        let report = sample::report_with_cases(CASES_PER_TASK + 50);
        let html = render(&report).unwrap();
        assert!(html.contains(&format!(
            "Showing {CASES_PER_TASK} of {} cases",
            CASES_PER_TASK + 50
        )));
        let task = between(&html, "id=\"task-1\"", "id=\"task-2\"");
        assert_eq!(
            task.matches("<details class=\"case\"").count(),
            CASES_PER_TASK
        );
    }

    #[test]
    fn long_outputs_are_cut() {
        let mut report = sample::report();
        report.trials[0].output = "x".repeat(OUTPUT_CHARS + 10);
        let html = render(&report).unwrap();
        assert!(!html.contains(&"x".repeat(OUTPUT_CHARS + 1)));
        assert!(html.contains("10 more characters"));
    }

    #[test]
    fn an_empty_report_renders() {
        let mut report = sample::report();
        report.tasks.clear();
        report.cells.clear();
        report.verdicts.clear();
        report.trials.clear();
        report.portfolio = Default::default();
        let html = render(&report).unwrap();
        assert!(html.contains("No task has a verdict yet."));
    }

    /// Renders a report of about 100,000 trials in every format and prints
    /// the time and the HTML's size: `cargo test -p sizeup-reports --release
    /// -- --ignored --nocapture scale`.
    #[test]
    #[ignore]
    fn scale() {
        let report = sample::report_with_cases(11_111);
        let n = report.trials.len();
        let start = std::time::Instant::now();
        let html = render(&report).unwrap();
        let html_time = start.elapsed();
        let md = crate::markdown::render(&report).unwrap();
        let junit = crate::junit::render(&report).unwrap();
        let json = crate::json::render(&report).unwrap();
        let all = start.elapsed();
        println!(
            "{n} trials: html {:.3} s, {:.2} MB; every format {:.3} s (markdown {} B, junit {} B, json {:.1} MB)",
            html_time.as_secs_f64(),
            html.len() as f64 / 1e6,
            all.as_secs_f64(),
            md.len(),
            junit.len(),
            json.len() as f64 / 1e6
        );
        assert!(all.as_secs_f64() < 5.0);
        assert!(html.len() < 10_000_000);

        // Long outputs everywhere: the drill-down's budget keeps the page small.
        let mut report = report;
        let long = "lorem ipsum dolor sit amet ".repeat(60);
        for t in &mut report.trials {
            t.output.clone_from(&long);
        }
        let start = std::time::Instant::now();
        let html = render(&report).unwrap();
        println!(
            "{n} trials of {} characters each: html {:.3} s, {:.2} MB",
            long.len(),
            start.elapsed().as_secs_f64(),
            html.len() as f64 / 1e6
        );
        assert!(html.len() < 10_000_000);

        // Thirty tasks of long outputs: the budget, not the per-task cap, binds.
        let base = sample::report_with_cases(CASES_PER_TASK);
        let mut many = base.clone();
        many.tasks.clear();
        many.cells.clear();
        many.trials.clear();
        for k in 0..10 {
            let rename = |id: &str| format!("{id}-{k}");
            for t in &base.tasks {
                many.tasks.push(crate::TaskInfo {
                    id: rename(&t.id),
                    ..t.clone()
                });
            }
            for c in &base.cells {
                many.cells.push(crate::Cell {
                    task: rename(&c.task),
                    ..c.clone()
                });
            }
            for t in &base.trials {
                many.trials.push(crate::TrialRecord {
                    task: rename(&t.task),
                    output: long.clone(),
                    ..t.clone()
                });
            }
        }
        let start = std::time::Instant::now();
        let html = render(&many).unwrap();
        println!(
            "{} tasks, {} trials of {} characters each: html {:.3} s, {:.2} MB",
            many.tasks.len(),
            many.trials.len(),
            long.len(),
            start.elapsed().as_secs_f64(),
            html.len() as f64 / 1e6
        );
        assert!(html.len() < 10_000_000);
        assert!(html.contains("to keep this page small"));
    }
}
