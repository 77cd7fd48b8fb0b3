//! JUnit XML, for CI systems that show test results: one test suite per
//! task, one test case per task × model.
//!
//! A model's test case fails when it misses one of the task's bars
//! (quality, minimum, latency, errors), with the misses as the failure
//! message; it is skipped when a bar is undecided (its interval straddles
//! the bar) and it misses none; it passes when it is adequate. The task's
//! reference is the yardstick for quality, and is held to the absolute bars
//! only (minimum, latency, errors). Each suite ends with a `verdict` case:
//! failing when no model tested is adequate, skipped when the verdict is
//! inconclusive. Written with `quick-junit`, which escapes every attribute
//! and text node and drops characters XML cannot carry.

use crate::baseline::{self, Kind};
use crate::format::{dollars, duration_ms, percent, points_ci_of};
use crate::{
    Cell, Miss, Outcome, QualityMeasure, RenderError, ReportModel, SinceBaseline, Verdict,
};
use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

/// The junit format.
pub struct Junit;

impl crate::Output for Junit {
    fn name(&self) -> &'static str {
        "junit"
    }

    fn about(&self) -> &'static str {
        "JUnit XML: a test case per task × model, failing when it misses the task's bars"
    }

    fn run_flag(&self) -> Option<&'static str> {
        Some("Also write JUnit XML to FILE")
    }

    fn render(&self, report: &ReportModel) -> Result<String, RenderError> {
        render(report)
    }
}

/// Renders the report as JUnit XML.
pub fn render(report: &ReportModel) -> Result<String, RenderError> {
    let mut out = Report::new(format!("sizeup {}", report.run.suite));
    // Regressions first: the suite a nightly job fails on.
    if let Some(since) = &report.since_baseline {
        out.add_test_suite(since_baseline(since));
    }
    for task in &report.tasks {
        let verdict = report.verdicts.iter().find(|v| v.task == task.id);
        let mut suite = TestSuite::new(task.id.as_str());
        suite.add_property(Property::new("description", task.description.as_str()));
        suite.add_property(Property::new(
            "quality_measure",
            task.quality_measure.as_str(),
        ));
        if let Some(v) = verdict {
            suite.add_property(Property::new("verdict", v.outcome.as_str()));
            if let Some(recommended) = &v.recommended {
                suite.add_property(Property::new("recommended", recommended.as_str()));
            }
            suite.set_system_out(v.sentence.as_str());
        }
        // Models in the run's order, then any cell of a model not listed.
        let mut cells: Vec<&Cell> = report
            .models
            .iter()
            .filter_map(|m| {
                report
                    .cells
                    .iter()
                    .find(|c| c.task == task.id && c.model == m.id)
            })
            .collect();
        for c in report.cells.iter().filter(|c| c.task == task.id) {
            if !cells.iter().any(|k| std::ptr::eq(*k, c)) {
                cells.push(c);
            }
        }
        for cell in cells {
            let reference = verdict.is_some_and(|v| v.reference == cell.model);
            let misses = cell.misses.as_deref().unwrap_or_default();
            let undecided = cell.undecided.as_deref().unwrap_or_default();
            let status = if !misses.is_empty() {
                let message: Vec<String> = misses.iter().map(Miss::to_string).collect();
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_message(format!("{} misses {}", cell.model, message.join("; ")));
                let bars: Vec<&str> = misses.iter().map(|m| m.bar.as_str()).collect();
                s.set_type(bars.join(","));
                s.set_description(format!(
                    "{}\n{}",
                    message.join("\n"),
                    summary(task.quality_measure, cell)
                ));
                s
            } else if !undecided.is_empty() {
                let message: Vec<String> = undecided.iter().map(Miss::to_string).collect();
                let mut s = TestCaseStatus::skipped();
                s.set_message(format!(
                    "{} leaves undecided {}",
                    cell.model,
                    message.join("; ")
                ));
                s
            } else {
                TestCaseStatus::success()
            };
            let mut case = TestCase::new(cell.model.as_str(), status);
            case.set_classname(format!("sizeup.{}", task.id));
            if reference {
                case.add_property(Property::new("role", "reference"));
            }
            if verdict.is_some_and(|v| v.recommended.as_ref() == Some(&cell.model)) {
                case.add_property(Property::new("recommended", "true"));
            }
            case.set_system_out(summary(task.quality_measure, cell));
            suite.add_test_case(case);
        }
        if let Some(v) = verdict {
            suite.add_test_case(verdict_case(&task.id, v));
        }
        out.add_test_suite(suite);
    }
    out.to_string().map_err(RenderError::Junit)
}

/// The task's verdict as a test case: it fails when no model tested is
/// adequate and is skipped while the verdict is inconclusive.
fn verdict_case(task: &str, v: &Verdict) -> TestCase {
    let status = match v.outcome {
        Outcome::NoneAdequate => {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message("no adequate model among those tested");
            s.set_type("none_adequate");
            s.set_description(v.sentence.as_str());
            s
        }
        Outcome::Inconclusive => {
            let mut s = TestCaseStatus::skipped();
            s.set_message(v.sentence.as_str());
            s
        }
        Outcome::Cheaper | Outcome::NeedsReference | Outcome::Alone => TestCaseStatus::success(),
    };
    let mut case = TestCase::new("verdict", status);
    case.set_classname(format!("sizeup.{task}"));
    case.set_system_out(v.sentence.as_str());
    case
}

/// One test case per task × model compared with the baseline, failing on
/// its failing regressions; the other findings are its output.
fn since_baseline(since: &SinceBaseline) -> TestSuite {
    let mut suite = TestSuite::new("since baseline");
    suite.add_property(Property::new("baseline", since.baseline.id.as_str()));
    suite.set_system_out(baseline::headline(since));
    let lines = baseline::lines(since);
    for c in &since.changes {
        let subject = format!("{} / {}", c.task, c.model);
        let mine = |kind: Kind| -> Vec<String> {
            lines
                .iter()
                .filter(|l| l.kind == kind && l.subject == subject)
                .map(|l| l.text.clone())
                .collect()
        };
        let failing = mine(Kind::Failing);
        let status = if failing.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(format!("{subject} regressed: {}", failing.join("; ")));
            s.set_type("regression");
            s
        };
        let mut case = TestCase::new(subject.as_str(), status);
        case.set_classname("sizeup.since_baseline");
        let others: Vec<String> = [Kind::Regression, Kind::Improvement, Kind::Unmatched]
            .into_iter()
            .flat_map(|k| {
                mine(k)
                    .into_iter()
                    .map(move |t| format!("{}: {t}", k.label()))
            })
            .collect();
        if !others.is_empty() {
            case.set_system_out(others.join("\n"));
        }
        suite.add_test_case(case);
    }
    suite
}

/// The cell's main figures on one line; the difference with the reference
/// is on the task's `measure`.
fn summary(measure: QualityMeasure, c: &Cell) -> String {
    let mut parts = vec![format!("{} trials", c.n)];
    if let Some(q) = c.mean_quality {
        parts.push(format!("mean quality {}", percent(q)));
    }
    if let Some(p) = c.pass_rate {
        parts.push(format!("pass rate {}", percent(p)));
    }
    if let Some(v) = &c.vs_reference {
        parts.push(format!(
            "vs {} {}",
            v.reference,
            points_ci_of(&v.difference, measure.words())
        ));
    }
    if let Some(l) = c.latency_ms {
        parts.push(format!("p95 {}", duration_ms(l.p95)));
    }
    if c.errors > 0 {
        parts.push(format!("{} errors", c.errors));
    }
    if let Some(m) = c.monthly_usd {
        parts.push(format!("{} a month", dollars(m)));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{self, HOSTILE};

    fn parsed(xml: &str) -> Report {
        Report::deserialize_from_str(xml).expect("well-formed JUnit XML")
    }

    #[test]
    fn one_suite_per_task_one_case_per_model() {
        let xml = render(&sample::report()).unwrap();
        let r = parsed(&xml);
        let names: Vec<&str> = r.test_suites.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "since baseline",
                "email-triage",
                "email-extraction",
                "feedback-sentiment",
                "ticket-summary"
            ]
        );
        let counts: Vec<usize> = r.test_suites.iter().map(|s| s.test_cases.len()).collect();
        // A case per model, then the verdict.
        assert_eq!(counts, [2, 4, 4, 4, 2]);
        // The adequate model and the references pass; every model that
        // misses a bar fails: smollm2 everywhere and qwen on extraction; and
        // qwen's failing regression since the baseline (its latency
        // regression does not fail). Qwen's undecided sentiment is skipped,
        // as is that task's inconclusive verdict.
        assert_eq!(r.failures, 5);
        assert_eq!(r.tests, 16);
        let sentiment = &r.test_suites[3].test_cases;
        for name in ["qwen2.5-coder-0.5b", "verdict"] {
            let c = sentiment.iter().find(|c| c.name.as_str() == name).unwrap();
            assert!(
                matches!(&c.status, TestCaseStatus::Skipped { .. }),
                "{name}: {:?}",
                c.status
            );
        }
        match &r.test_suites[0].test_cases[0].status {
            TestCaseStatus::NonSuccess { message, .. } => {
                let message = message.as_ref().unwrap().as_str();
                assert!(
                    message.starts_with(
                        "email-extraction / qwen2.5-coder-0.5b regressed: quality −33.0 points"
                    ),
                    "{message}"
                );
                assert!(!message.contains("latency"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let case = |suite: usize, model: &str| {
            r.test_suites[suite + 1]
                .test_cases
                .iter()
                .find(|c| c.name.as_str() == model)
                .unwrap()
                .clone()
        };
        assert!(matches!(
            case(0, "qwen2.5-coder-0.5b").status,
            TestCaseStatus::Success { .. }
        ));
        assert!(matches!(
            case(1, "gpt-4o").status,
            TestCaseStatus::Success { .. }
        ));
        match case(1, "smollm2-135m").status {
            TestCaseStatus::NonSuccess { message, ty, .. } => {
                let message = message.unwrap();
                assert!(message
                    .as_str()
                    .starts_with("smollm2-135m misses quality: "));
                assert!(message
                    .as_str()
                    .contains("latency: p95 5.2 s over the 4.0 s SLO"));
                assert_eq!(ty.unwrap().as_str(), "quality,minimum,latency");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            case(0, "gpt-4o").classname.unwrap().as_str(),
            "sizeup.email-triage"
        );
    }

    #[test]
    fn a_task_with_no_adequate_model_fails_its_verdict() {
        let mut report = sample::report();
        let v = &mut report.verdicts[1];
        v.outcome = Outcome::NoneAdequate;
        v.recommended = None;
        let r = parsed(&render(&report).unwrap());
        let extraction = &r.test_suites[2];
        assert!(!extraction
            .properties
            .iter()
            .any(|p| p.name.as_str() == "recommended"));
        let verdict = extraction.test_cases.last().unwrap();
        assert_eq!(verdict.name.as_str(), "verdict");
        match &verdict.status {
            TestCaseStatus::NonSuccess { message, ty, .. } => {
                assert_eq!(
                    message.as_ref().unwrap().as_str(),
                    "no adequate model among those tested"
                );
                assert_eq!(ty.as_ref().unwrap().as_str(), "none_adequate");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut report = sample::report();
        report.verdicts[0].sentence = HOSTILE.into();
        report.tasks[0].description = HOSTILE.into();
        for c in report
            .cells
            .iter_mut()
            .filter(|c| c.model == "smollm2-135m")
        {
            c.misses = Some(vec![crate::Miss {
                bar: crate::Bar::Quality,
                detail: format!("{HOSTILE}\u{1b}[31m\u{0}"),
            }]);
        }
        let xml = render(&report).unwrap();
        assert!(!xml.contains("<script"));
        assert!(!xml.contains("<img"));
        let r = parsed(&xml);
        let suite = &r.test_suites[1];
        assert_eq!(suite.system_out.as_ref().unwrap().as_str(), HOSTILE);
        let failed = suite
            .test_cases
            .iter()
            .find(|c| c.name.as_str() == "smollm2-135m")
            .unwrap();
        match &failed.status {
            TestCaseStatus::NonSuccess { message, .. } => {
                assert_eq!(
                    message.as_ref().unwrap().as_str(),
                    format!("smollm2-135m misses quality: {HOSTILE}")
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
