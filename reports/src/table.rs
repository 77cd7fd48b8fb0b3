//! A plain-text table per task × model, for the terminal.

use crate::{Cell, ReportModel};
use std::fmt::Write;

const HEADERS: [&str; 11] = [
    "task",
    "model",
    "n",
    "quality",
    "pass",
    "errors",
    "p50 ms",
    "p95 ms",
    "ttft p50",
    "tok in/out",
    "cost $",
];

/// Renders one row per task × model, columns aligned, with a heading line.
pub fn render(report: &ReportModel) -> String {
    let rows: Vec<[String; 11]> = report.cells.iter().map(row).collect();
    let mut widths = HEADERS.map(str::len);
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let run = &report.run;
    let _ = writeln!(
        out,
        "run {} · suite {} · {} · {}/{} trials · ${:.4}",
        run.id, run.suite, run.status, run.trials_done, run.trials_planned, run.cost_usd
    );
    let line = |out: &mut String, cells: &[String]| {
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            // Names are left-aligned, numbers right-aligned.
            if i < 2 {
                let _ = write!(out, "{cell:<w$}");
            } else {
                let _ = write!(out, "{cell:>w$}");
            }
            out.push_str(if i + 1 < cells.len() { "  " } else { "\n" });
        }
    };
    line(&mut out, &HEADERS.map(String::from));
    for r in &rows {
        line(&mut out, r);
    }
    out
}

fn row(c: &Cell) -> [String; 11] {
    let opt = |v: Option<f64>, f: fn(f64) -> String| v.map_or_else(|| "-".to_string(), f);
    [
        c.task.clone(),
        c.model.clone(),
        c.n.to_string(),
        opt(c.mean_quality, |q| format!("{q:.3}")),
        opt(c.pass_rate, |p| format!("{:.0}%", p * 100.0)),
        c.errors.to_string(),
        opt(c.latency_ms.map(|l| l.p50), |v| format!("{v:.0}")),
        opt(c.latency_ms.map(|l| l.p95), |v| format!("{v:.0}")),
        opt(c.ttft_ms.map(|l| l.p50), |v| format!("{v:.0}")),
        format!("{}/{}", c.input_tokens, c.output_tokens),
        format!("{:.4}", c.cost_usd),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Percentiles, RunInfo, FORMAT_VERSION};

    #[test]
    fn columns_line_up() {
        let p = Percentiles {
            p50: 12.0,
            p90: 20.0,
            p95: 25.4,
            p99: 30.0,
            max: 31.0,
        };
        let cell = |task: &str, model: &str, q| Cell {
            task: task.into(),
            model: model.into(),
            n: 10,
            errors: 1,
            error_classes: Default::default(),
            mean_quality: q,
            pass_rate: q,
            latency_ms: q.map(|_| p),
            ttft_ms: None,
            input_tokens: 100,
            output_tokens: 20,
            cost_usd: 0.5,
        };
        let report = ReportModel {
            format_version: FORMAT_VERSION,
            run: RunInfo {
                id: "r1".into(),
                suite: "s".into(),
                suite_path: "s.yaml".into(),
                started_at: "t".into(),
                finished_at: None,
                status: "finished".into(),
                trials_planned: 20,
                trials_done: 20,
                cost_usd: 1.0,
            },
            models: vec![],
            tasks: vec![],
            cells: vec![
                cell("triage", "small", Some(0.5)),
                cell("t", "a-long-model", None),
            ],
            trials: vec![],
        };
        let text = render(&report);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[2],
            "triage  small         10    0.500   50%       1      12      25         -      100/20  0.5000"
        );
        assert_eq!(lines[1].len(), lines[3].len());
        assert!(lines[3].contains("  -  "));
    }
}
