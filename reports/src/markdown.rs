//! The Markdown summary: the headline and the verdict table, for a GitHub
//! step summary (`$GITHUB_STEP_SUMMARY`) or a pull-request comment.
//!
//! Every piece of text from the run (task and model ids, sentences) goes
//! through `text`, which escapes what Markdown or the HTML it may contain
//! would interpret, so a model's output can never become markup, a link or
//! a mention. The full report is the HTML one; this is what fits in a
//! comment.

use crate::baseline::{self, Kind};
use crate::summary::{headline, verdict_rows, Headline};
use crate::{Outcome, RenderError, ReportModel, RunStatus};
use std::fmt::Write;

/// The markdown format.
pub struct Markdown;

impl crate::Output for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn about(&self) -> &'static str {
        "The headline and the verdict table, for a pull request or a CI summary"
    }

    fn run_flag(&self) -> Option<&'static str> {
        Some("Also write the Markdown summary to FILE")
    }

    fn render(&self, report: &ReportModel) -> Result<String, RenderError> {
        render(report)
    }
}

/// Renders the headline and the verdict table as GitHub-flavoured Markdown.
pub fn render(report: &ReportModel) -> Result<String, RenderError> {
    let run = &report.run;
    let h = headline(report);
    let mut out = String::new();
    let _ = writeln!(out, "## sizeup: which tasks need the frontier model?\n");
    let _ = writeln!(
        out,
        "Suite **{}** · run `{}` · {} · {} of {} trials\n",
        text(&run.suite),
        code(&run.id),
        text(run.status.as_str()),
        run.trials_done,
        run.trials_planned
    );
    money(&mut out, report, &h);
    since_baseline(&mut out, report);
    // A run without verdicts has nothing to price either.
    if verdicts(&mut out, report) {
        capacity(&mut out, report);
    }
    Ok(out)
}

/// The money at stake, the verdicts counted, and what the sums leave out.
fn money(out: &mut String, report: &ReportModel, h: &Headline) {
    let run = &report.run;
    if h.priced {
        let _ = write!(
            out,
            "**{} a month** with every task on its reference, **{} a month** as recommended",
            text(&h.reference_monthly),
            text(&h.recommended_monthly)
        );
        if h.saves {
            let _ = write!(
                out,
                ": saves **{} a month, {} a year**",
                text(&h.savings_monthly),
                text(&h.savings_yearly)
            );
        }
        out.push_str(".\n\n");
    } else {
        out.push_str("No task has a monthly volume with a measured cost: nothing to price.\n\n");
    }
    let _ = writeln!(out, "{}\n", text(&h.counts));
    if !h.unpriced.is_empty() {
        let names: Vec<String> = h.unpriced.iter().map(|t| text(t)).collect();
        let _ = writeln!(
            out,
            "Left out of the sums (no monthly volume, or no measured cost): {}.\n",
            names.join(", ")
        );
    }
    if run.status != RunStatus::Finished {
        let _ = writeln!(
            out,
            "> **This run is {}:** the figures cover the {} trials stored.\n",
            text(run.status.as_str()),
            run.trials_done
        );
    }
}

/// The comparison with the baseline, when there is one.
fn since_baseline(out: &mut String, report: &ReportModel) {
    // Regressions first: they are what a nightly summary is read for.
    if let Some(since) = &report.since_baseline {
        let _ = writeln!(
            out,
            "### Since the baseline\n\n{}\n",
            text(&baseline::headline(since))
        );
        for l in baseline::lines(since) {
            let label = match l.kind {
                Kind::Failing => format!("**{}**", l.kind.label()),
                _ => l.kind.label().to_string(),
            };
            let _ = writeln!(out, "- {label} {}: {}", text(&l.subject), text(&l.text));
        }
        out.push('\n');
    }
}

/// The verdict table, then each verdict's sentence and the judges' notes;
/// whether there was any.
fn verdicts(out: &mut String, report: &ReportModel) -> bool {
    let rows = verdict_rows(report);
    if rows.is_empty() {
        return false;
    }
    out.push_str(
        "| Task | Verdict | Recommended | Difference vs reference (95% CI) | p95 vs SLO | Cost per month |\n\
         | --- | --- | --- | --- | --- | ---: |\n",
    );
    for r in &rows {
        let sign = match r.outcome {
            Outcome::Cheaper => "✓",
            Outcome::NeedsReference => "✗",
            Outcome::Inconclusive => "?",
            Outcome::NoneAdequate => "⚠",
            Outcome::Alone => "–",
        };
        let difference = match &r.difference_model {
            Some(m) => format!("{}: {}", text(m), text(&r.difference)),
            None => text(&r.difference),
        };
        let _ = writeln!(
            out,
            "| {} | {sign} {} | {}{} | {} | {} | {} |",
            text(&r.task),
            text(r.label),
            text(&r.recommended),
            if r.recommended_is_reference {
                " (reference)"
            } else {
                ""
            },
            difference,
            text(&r.latency),
            text(&r.cost),
        );
    }
    out.push('\n');
    for r in &rows {
        let _ = writeln!(out, "- {}", text(&r.sentence));
    }
    for j in crate::judges::lines(report) {
        let _ = writeln!(out, "- Judged {}: {}.", text(&j.task), text(&j.text));
    }
    true
}

/// Each capacity sweep's goodput and cost, and the economics of self-hosting.
fn capacity(out: &mut String, report: &ReportModel) {
    if !report.capacity.is_empty() {
        out.push_str("\n### Capacity and self-hosting\n\n");
    }
    for c in &report.capacity {
        let goodput = c
            .goodput_rps
            .map_or("no level met the objectives".to_string(), |g| {
                format!("goodput {g:.2} requests/s within the objectives")
            });
        let cost = c.usd_per_request.map_or(String::new(), |usd| {
            format!(
                ", {} a request at {:.0}% of it",
                crate::format::dollars(usd),
                c.economics.utilisation * 100.0
            )
        });
        let _ = writeln!(
            out,
            "- {} on {}: {}{}.",
            text(&c.model),
            text(&c.task),
            text(&goodput),
            text(&cost)
        );
    }
    for e in &report.economics {
        let _ = writeln!(out, "- {}", text(&e.sentence));
    }
}

/// `s` as literal Markdown text on one line: ASCII punctuation that
/// Markdown, GitHub's extensions (tables, mentions, math) or inline HTML
/// would read is backslash-escaped or written as an entity.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '"' => out.push_str("&quot;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '@' | '$' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `s` for inside a code span: backticks and line breaks removed, since a
/// code span cannot escape them.
fn code(s: &str) -> String {
    s.chars().filter(|c| *c != '`' && !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{self, HOSTILE};

    #[test]
    fn headline_and_table() {
        let md = render(&sample::report()).unwrap();
        assert!(md.contains(
            "**\\$665 a month** with every task on its reference, **\\$475 a month** as \
             recommended: saves **\\$190 a month, \\$2,281 a year**."
        ));
        assert!(md.contains(
            "Left out of the sums (no monthly volume, or no measured cost): ticket-summary."
        ));
        let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(table.len(), 6, "{md}");
        assert!(
            table[2].starts_with(
                "| email-triage | ✓ Cheaper model is enough | qwen2.5-coder-0.5b | −1.0"
            ),
            "{}",
            table[2]
        );
        assert!(table[2].contains("| 900 ms within 3 s | \\$41 instead of \\$231 |"));
        assert!(table[4].contains("? Inconclusive"));
        assert!(table[5].contains("– Not compared"));
        // Each row has as many cells as the header.
        for row in &table {
            let cells = row.replace("\\|", "").matches('|').count();
            assert_eq!(cells, 7, "{row}");
        }
    }

    #[test]
    fn hostile_text_stays_text() {
        let mut report = sample::report();
        report.verdicts[0].sentence = HOSTILE.into();
        report.verdicts[1].task = format!("a|b {HOSTILE}");
        report.portfolio.unpriced_tasks.push("@everyone".into());
        let md = render(&report).unwrap();
        assert!(!md.contains('<'), "{md}");
        assert!(!md.contains("onerror=\""), "{md}");
        assert!(md.contains("&lt;script&gt;document.title='x'&lt;/script&gt;&quot;&gt;"));
        assert!(md.contains("a\\|b"));
        assert!(md.contains("\\@everyone"));
        let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        for row in &table {
            assert_eq!(row.replace("\\|", "").matches('|').count(), 7, "{row}");
        }
    }

    #[test]
    fn capacity_and_self_hosting_are_summarised() {
        let md = render(&sample::report()).unwrap();
        let section = &md[md.find("### Capacity and self-hosting").expect("a section")..];
        assert!(section.contains(
            "- qwen2.5-coder-0.5b on email-triage: goodput 3.30 requests/s within the objectives, \\$0.00013 a request at 60% of it."
        ), "{section}");
        assert!(
            section.contains("self-hosting costs less than gpt-4o above 187,715 requests a month")
        );
        let mut none = sample::report();
        none.capacity.clear();
        none.economics.clear();
        assert!(!render(&none).unwrap().contains("### Capacity"));
    }

    #[test]
    fn a_run_without_verdicts_has_no_table() {
        let mut report = sample::report();
        report.verdicts.clear();
        report.portfolio = Default::default();
        report.run.status = RunStatus::Interrupted;
        let md = render(&report).unwrap();
        assert!(!md.contains("| Task |"));
        assert!(md.contains("nothing to price"));
        assert!(md.contains("> **This run is interrupted:**"));
    }
}
