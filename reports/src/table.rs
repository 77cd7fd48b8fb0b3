//! A plain-text table per task × model, for the terminal, and [`escape`]:
//! what any text from a suite, a case or a model goes through before it
//! reaches a terminal.

use crate::{baseline, Cell, QualityMeasure, ReportModel};
use std::borrow::Cow;
use std::fmt::Write;

/// Whether a terminal would act on `c` or hide it rather than show it: C0
/// and C1 controls (escape sequences start with ESC or CSI) but line feed
/// and tab, bidirectional overrides and isolates, which reorder what
/// follows them, and the characters Unicode says to draw as nothing
/// (zero-width, fillers, tags, variation selectors: its
/// Default_Ignorable_Code_Point set), which make two different strings
/// look alike.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'..='\u{1160}'
                | '\u{17b4}'..='\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fffb}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

/// `text` with every [`is_hidden`] character written as its code point
/// (`\u{1b}`), as ripgrep and git show what they must not print raw: an
/// id, an output or an error message cannot set the terminal's title,
/// colour what follows or reverse the order of a line.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

const HEADERS: [&str; 15] = [
    "task",
    "model",
    "n",
    "quality",
    "answered",
    "pass",
    "errors",
    "cached",
    "p50 ms",
    "p95 ms",
    "ttft p50",
    "tpot p50",
    "tok in/out",
    "cost $",
    "$/Mtok out",
];

/// Renders one row per task × model, columns aligned, with a heading line.
pub fn render(report: &ReportModel) -> String {
    let run = &report.run;
    let mut out = format!(
        "run {} · suite {} · {} · {}/{} trials · ${:.4}",
        run.id, run.suite, run.status, run.trials_done, run.trials_planned, run.cost_usd
    );
    if run.failure_cost_usd > 0.0 {
        let _ = write!(out, " + ${:.4} on failed attempts", run.failure_cost_usd);
    }
    out.push('\n');
    // Regressions come first: they are what a nightly job is read for.
    if let Some(since) = &report.since_baseline {
        let _ = writeln!(out, "{}", baseline::headline(since));
        for l in baseline::lines(since) {
            let _ = writeln!(out, "  {:<12} {}: {}", l.kind.label(), l.subject, l.text);
        }
        out.push('\n');
    }
    let rows: Vec<Vec<String>> = report.cells.iter().map(|c| row(c).to_vec()).collect();
    out.push_str(&aligned(&HEADERS, &rows, 2));
    out.push_str(
        "quality: mean over every trial, an error scoring 0; answered: over trials with an answer\n",
    );
    let measure = |task: &str| {
        report
            .tasks
            .iter()
            .find(|t| t.id == task)
            .map_or(QualityMeasure::legacy(), |t| t.quality_measure)
    };
    for m in [QualityMeasure::PassRate, QualityMeasure::Mean] {
        let tasks: Vec<&str> = report
            .tasks
            .iter()
            .filter(|t| t.quality_measure == m)
            .map(|t| t.id.as_str())
            .collect();
        if !tasks.is_empty() {
            let _ = writeln!(out, "bars on {}: {}", m.words(), tasks.join(", "));
        }
    }
    if !report.verdicts.is_empty() {
        out.push('\n');
    }
    for v in &report.verdicts {
        let _ = writeln!(out, "{}", v.sentence);
        if v.reference_by_quality {
            let _ = writeln!(
                out,
                "  ({} is the reference as the best by {}: no model has role: reference)",
                v.reference,
                measure(&v.task).words()
            );
        }
    }
    let p = &report.portfolio;
    if p.reference_monthly_usd > 0.0 {
        let _ = writeln!(
            out,
            "\nper month: ${:.2} with every task on its reference, ${:.2} as recommended; saves ${:.2} a month, ${:.2} a year",
            p.reference_monthly_usd,
            p.recommended_monthly_usd,
            p.savings_monthly_usd,
            p.savings_yearly_usd
        );
    }
    escape(&out).into_owned()
}

/// Lays out `rows` under `headers` in columns two spaces apart: the first
/// `names` columns left-aligned, the rest (numbers) right-aligned; each
/// cell [`escape`]d.
pub fn aligned(headers: &[&str], rows: &[Vec<String>], names: usize) -> String {
    let rows: Vec<Vec<Cow<str>>> = rows
        .iter()
        .map(|r| r.iter().map(|cell| escape(cell)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut first = true;
        for (i, (cell, &w)) in cells.zip(&widths).enumerate() {
            if !first {
                out.push_str("  ");
            }
            first = false;
            // `{:<w$}` pads by chars, which is what a terminal shows.
            if i < names {
                let _ = write!(out, "{cell:<w$}");
            } else {
                let _ = write!(out, "{cell:>w$}");
            }
        }
        out.push('\n');
    };
    line(&mut headers.iter().copied());
    for r in &rows {
        line(&mut r.iter().map(|cell| &**cell));
    }
    out
}

fn row(c: &Cell) -> [String; 15] {
    let opt = |v: Option<f64>, f: fn(f64) -> String| v.map_or_else(|| "-".to_string(), f);
    [
        c.task.clone(),
        c.model.clone(),
        c.n.to_string(),
        opt(c.mean_quality, |q| format!("{q:.3}")),
        opt(c.answered_quality, |q| format!("{q:.3}")),
        opt(c.pass_rate, |p| format!("{:.0}%", p * 100.0)),
        c.errors.to_string(),
        c.cached.to_string(),
        opt(c.latency_ms.map(|l| l.p50), |v| format!("{v:.0}")),
        opt(c.latency_ms.map(|l| l.p95), |v| format!("{v:.0}")),
        opt(c.ttft_ms.map(|l| l.p50), |v| format!("{v:.0}")),
        opt(c.tpot_ms.map(|l| l.p50), |v| format!("{v:.1}")),
        format!("{}/{}", c.input_tokens, c.output_tokens),
        format!("{:.4}", c.cost_usd + c.failure_cost_usd),
        opt(c.usd_per_mtok_output, |v| format!("{v:.2}")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        assert!(matches!(escape("café 😀\tok\n"), Cow::Borrowed(_)));
        assert_eq!(
            escape("\u{1b}]0;pwned\u{7}\u{1b}[1;31mred\0"),
            "\\u{1b}]0;pwned\\u{7}\\u{1b}[1;31mred\\u{0}"
        );
        assert_eq!(
            escape("a\u{202e}b\u{200b}c\u{2066}d\u{9b}e\rf"),
            "a\\u{202e}b\\u{200b}c\\u{2066}d\\u{9b}e\\u{d}f"
        );
        // Tag characters and a Hangul filler draw as nothing.
        assert_eq!(escape("id\u{e0041}\u{3164}"), "id\\u{e0041}\\u{3164}");
        // Escaping twice changes nothing more.
        let once = escape("\u{1b}[2J").into_owned();
        assert_eq!(escape(&once), once);
        let table = aligned(&["id", "n"], &[vec!["x\u{1b}[2J".into(), "1".into()]], 1);
        assert_eq!(table, "id          n\nx\\u{1b}[2J  1\n");
    }
    use crate::{Outcome, Percentiles, Portfolio, RunInfo, Verdict, FORMAT_VERSION};

    #[test]
    fn columns_line_up() {
        let p = Percentiles {
            n: 8,
            p50: 12.0,
            p90: 20.0,
            p95: 25.4,
            p95_low: None,
            p95_high: None,
            p99: 30.0,
            max: 31.0,
        };
        let cell = |task: &str, model: &str, q| Cell {
            task: task.into(),
            model: model.into(),
            n: 10,
            errors: 1,
            error_classes: Default::default(),
            cached: 2,
            mean_quality: q,
            answered_quality: q.map(|q| q + 0.1),
            pass_rate: q,
            latency_ms: q.map(|_| p),
            ttft_ms: None,
            tpot_ms: None,
            output_tokens_per_s: None,
            input_tokens: 100,
            output_tokens: 20,
            cost_usd: 0.5,
            failure_cost_usd: 0.25,
            usd_per_mtok_output: Some(25_000.0),
            quality_ci: None,
            pass_ci: None,
            error_rate: Some(0.1),
            vs_reference: None,
            usd_per_request: Some(0.075),
            monthly_usd: None,
            cost_basis: None,
            usd_per_request_busy: None,
            misses: None,
            undecided: None,
        };
        let report = ReportModel {
            format_version: FORMAT_VERSION,
            run: RunInfo {
                id: "r1".into(),
                suite: "s".into(),
                suite_path: "s.yaml".into(),
                started_at: "t".into(),
                finished_at: None,
                status: crate::RunStatus::Finished,
                trials_planned: 20,
                trials_done: 20,
                cost_usd: 1.0,
                failure_cost_usd: 0.5,
            },
            models: vec![],
            tasks: vec![],
            cells: vec![
                cell("triage", "small", Some(0.5)),
                cell("t", "a-long-model", None),
            ],
            verdicts: vec![Verdict {
                task: "triage".into(),
                outcome: Outcome::NeedsReference,
                reference: "small".into(),
                reference_by_quality: true,
                recommended: Some("small".into()),
                undecided: None,
                sentence: "triage: needs small.".into(),
                reference_monthly_usd: Some(30.0),
                recommended_monthly_usd: Some(30.0),
                cases_needed: None,
            }],
            portfolio: Portfolio {
                reference_monthly_usd: 30.0,
                recommended_monthly_usd: 30.0,
                ..Portfolio::default()
            },
            trials: vec![],
            since_baseline: None,
            history: vec![],
            capacity: vec![],
            economics: vec![],
            judges: vec![],
        };
        let text = render(&report);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 10);
        assert_eq!(lines[6], "triage: needs small.");
        assert!(lines[7].starts_with("  (small is the reference as the best by mean quality"));
        assert_eq!(
            lines[9],
            "per month: $30.00 with every task on its reference, $30.00 as recommended; saves $0.00 a month, $0.00 a year"
        );
        assert_eq!(
            lines[0],
            "run r1 · suite s · finished · 20/20 trials · $1.0000 + $0.5000 on failed attempts"
        );
        assert_eq!(
            lines[2],
            "triage  small         10    0.500     0.600   50%       1       2      12      25         -         -      100/20  0.7500    25000.00"
        );
        assert_eq!(lines[1].len(), lines[3].len());
        assert!(lines[3].contains("  -  "));
    }

    #[test]
    fn each_task_is_listed_under_the_figure_its_bars_use() {
        let text = render(&crate::sample::report());
        assert!(
            text.contains(
                "bars on pass rate: email-triage, email-extraction, feedback-sentiment\n\
                 bars on mean quality: ticket-summary\n"
            ),
            "{text}"
        );
    }
}
