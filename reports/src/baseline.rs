//! The comparison with a baseline run in sentences, regressions first:
//! shared by the terminal table, the Markdown summary, JUnit and the HTML
//! report so that all say the same thing in the same order.

use crate::format::time;
use crate::SinceBaseline;

/// What a line of the comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A regression of a metric that fails the comparison.
    Failing,
    /// A regression of a metric that does not fail it.
    Regression,
    /// An improvement.
    Improvement,
    /// A verdict that changed.
    Flip,
    /// Cases or models that only one run has.
    Unmatched,
}

impl Kind {
    /// A short label: `REGRESSION`, `regression`, `improvement`, …
    pub fn label(self) -> &'static str {
        match self {
            Self::Failing => "REGRESSION",
            Self::Regression => "regression",
            Self::Improvement => "improvement",
            Self::Flip => "verdict",
            Self::Unmatched => "not compared",
        }
    }
}

/// One line: its kind, the task × model it is about (empty for a task's
/// verdict or a list), and what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What the line is.
    pub kind: Kind,
    /// `task / model`, or the task of a flipped verdict.
    pub subject: String,
    /// What happened, in a phrase.
    pub text: String,
}

/// The comparison's headline: which baseline, and how many of each.
pub fn headline(s: &SinceBaseline) -> String {
    let lines = lines(s);
    let count = |k: Kind| lines.iter().filter(|l| l.kind == k).count();
    let fail_on: Vec<&str> = s.fail_on.iter().map(|m| m.as_str()).collect();
    format!(
        "since baseline {} ({}): {} task × model compared; {} failing regression(s) (fail on: {}), {} other regression(s), {} improvement(s), {} verdict(s) changed",
        s.baseline.id,
        time(&s.baseline.started_at),
        s.changes.len(),
        count(Kind::Failing),
        if fail_on.is_empty() { "nothing".to_string() } else { fail_on.join(", ") },
        count(Kind::Regression),
        count(Kind::Improvement),
        count(Kind::Flip),
    )
}

/// Every finding, flip and unmatched pair: failing regressions first, then
/// other regressions, improvements, flipped verdicts, and what was not
/// compared.
pub fn lines(s: &SinceBaseline) -> Vec<Line> {
    let mut out = Vec::new();
    for c in &s.changes {
        let subject = format!("{} / {}", c.task, c.model);
        for f in &c.findings {
            let kind = match (f.regression, s.fail_on.contains(&f.metric)) {
                (true, true) => Kind::Failing,
                (true, false) => Kind::Regression,
                (false, _) => Kind::Improvement,
            };
            out.push(Line {
                kind,
                subject: subject.clone(),
                text: f.detail.clone(),
            });
        }
        if c.only_in_baseline + c.only_in_this_run > 0 {
            out.push(Line {
                kind: Kind::Unmatched,
                subject: subject.clone(),
                text: format!(
                    "{} case(s) only in the baseline, {} only in this run (compared on the {} both have)",
                    c.only_in_baseline, c.only_in_this_run, c.cases
                ),
            });
        }
    }
    for f in &s.flips {
        out.push(Line {
            kind: Kind::Flip,
            subject: f.task.clone(),
            text: f.sentence.clone(),
        });
    }
    for (which, pairs) in [
        ("only in the baseline", &s.only_in_baseline),
        ("only in this run", &s.only_in_this_run),
    ] {
        for pair in pairs {
            out.push(Line {
                kind: Kind::Unmatched,
                subject: pair.clone(),
                text: format!("{which}: not compared"),
            });
        }
    }
    let rank = |k: Kind| match k {
        Kind::Failing => 0,
        Kind::Regression => 1,
        Kind::Improvement => 2,
        Kind::Flip => 3,
        Kind::Unmatched => 4,
    };
    out.sort_by_key(|l| rank(l.kind));
    out
}
