//! How far each judge can be trusted, in words: one sentence per judged
//! scorer of a task, shared by the HTML report and the Markdown summary.

use crate::format::{dollars, group, percent};
use crate::{Agreement, JudgeKind, ReportModel};

/// One judge's measurements as a sentence, with the task it serves.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct JudgeLine {
    /// Task id.
    pub task: String,
    /// What was measured.
    pub text: String,
}

/// A sentence per judged scorer, in report order.
pub fn lines(report: &ReportModel) -> Vec<JudgeLine> {
    report
        .judges
        .iter()
        .map(|j| {
            let kind = match j.scorer {
                JudgeKind::Pairwise => "pairwise judge",
                JudgeKind::Judge => "rubric judge",
            };
            let mut parts = vec![format!(
                "{kind} {}: {} calls for {} (apart from the models' cost)",
                j.judge,
                group(j.calls),
                dollars(j.cost_usd)
            )];
            if j.unreadable > 0 {
                parts.push(format!("{} replies without a verdict", group(j.unreadable)));
            }
            if j.scorer == JudgeKind::Pairwise {
                parts.push(share(
                    "position bias",
                    j.position_bias,
                    "of comparisons flipped when the answers swapped places",
                ));
            }
            parts.push(share(
                "self-consistency",
                j.self_consistency,
                "of repeated questions answered alike",
            ));
            parts.push(share(
                "agreement with gold labels",
                j.gold_agreement,
                "of answers judged as the expected answer's scorers did",
            ));
            if j.answers_too {
                parts.push(
                    "it also answers this task, and models rate their own answers higher".into(),
                );
            }
            if !j.misses.is_empty() {
                parts.push(format!(
                    "it misses its bars ({}), so its scores decide nothing",
                    j.misses.join(", ")
                ));
            }
            JudgeLine {
                task: j.task.clone(),
                text: parts.join("; "),
            }
        })
        .collect()
}

/// `name 12.5% of … (n = 8)`, or that it was not measured.
fn share(name: &str, a: Option<Agreement>, what: &str) -> String {
    match a {
        Some(a) => format!("{name} {} {what} (n = {})", percent(a.rate), group(a.n)),
        None => format!("{name} not measured"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::JudgeMeasure;

    #[test]
    fn each_judge_reads_as_one_sentence_with_what_was_not_measured() {
        let mut report = crate::sample::report();
        report.judges = vec![JudgeMeasure {
            task: "reply".into(),
            scorer: JudgeKind::Pairwise,
            position: 1,
            judge: "big".into(),
            calls: 8,
            unreadable: 1,
            cost_usd: 0.012,
            self_consistency: None,
            position_bias: Some(Agreement { rate: 0.25, n: 4 }),
            gold_agreement: None,
            misses: vec!["position bias 25% over the 20% bound, n = 4".into()],
            answers_too: true,
        }];
        let l = lines(&report);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].task, "reply");
        assert_eq!(
            l[0].text,
            "pairwise judge big: 8 calls for $0.01 (apart from the models' cost); \
             1 replies without a verdict; position bias 25.0% of comparisons flipped \
             when the answers swapped places (n = 4); self-consistency not measured; \
             agreement with gold labels not measured; it also answers this task, and models \
             rate their own answers higher; it misses its bars (position bias 25% over the 20% \
             bound, n = 4), so its scores decide nothing"
        );
    }
}
