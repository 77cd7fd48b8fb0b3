//! The judges, measured: for each task's judged scorer, what its judge
//! cost, how often it answered a repeated question alike, how often a
//! pairwise decision flipped when the answers swapped places, and how often
//! it passed or failed an answer as the task's scorers of the expected
//! answer (its gold labels) did. [`measure`] is a pure function over the
//! stored calls and scores.

use super::statistics::wilson;
use crate::scorers::judge::{Order, Verdict};
use crate::scorers::JudgeBars;
use crate::store::{JudgeCallRow, ScoreRow, Store, StoreError};
use sizeup_reports::{Agreement, JudgeKind, JudgeMeasure};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Scorers that check an answer against the expected one outright: where
/// a task has them, their verdict is the gold label a judge is held to.
const GOLD_SCORERS: &[&str] = &[
    "exact",
    "label",
    "json_fields",
    "numeric",
    "function_call",
    "sql",
];

/// The judges of run `run_id`, measured from the store.
pub fn judges(store: &Store, run_id: &str) -> Result<Vec<JudgeMeasure>, StoreError> {
    let calls = store.judge_calls(run_id)?;
    if calls.is_empty() {
        return Ok(Vec::new());
    }
    let judged: HashSet<&str> = calls.iter().map(|c| c.trial_id.as_str()).collect();
    let mut scores = HashMap::new();
    store.visit_trials(run_id, true, |t| {
        if judged.contains(t.id.as_str()) {
            scores.insert(t.id, t.scores);
        }
    })?;
    Ok(measure(&calls, &scores))
}

/// What was measured of each (task, scorer, judge), in the order the calls
/// come; `scores` holds the judged trials' scores by trial id.
pub fn measure(
    calls: &[JudgeCallRow],
    scores: &HashMap<String, Vec<ScoreRow>>,
) -> Vec<JudgeMeasure> {
    let mut order: Vec<(String, usize, String)> = Vec::new();
    let mut groups: HashMap<(String, usize, String), Vec<&JudgeCallRow>> = HashMap::new();
    for c in calls {
        let key = (c.task.clone(), c.scorer, c.judge.clone());
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().push(c);
    }
    order
        .into_iter()
        .map(|key| {
            let calls = &groups[&key];
            let (task, position, judge) = key;
            let pairwise = calls.iter().any(|c| c.question != Order::Single);
            JudgeMeasure {
                task,
                scorer: if pairwise {
                    JudgeKind::Pairwise
                } else {
                    JudgeKind::Judge
                },
                position,
                judge,
                calls: calls.len() as u64,
                unreadable: calls.iter().filter(|c| c.verdict.is_none()).count() as u64,
                cost_usd: calls.iter().map(|c| c.cost_usd).sum(),
                self_consistency: consistency(calls),
                position_bias: pairwise.then(|| position_bias(calls)).flatten(),
                gold_agreement: gold(calls, position, scores),
                misses: Vec::new(),
                answers_too: false,
            }
        })
        .collect()
}

/// Holds each judge to its bars (`bars` gives those of a task's scorer by
/// its place) and notes a judge that also answers its task (`answered`
/// tells whether a model ran a task); the verdict of a task whose judge
/// misses a bar becomes inconclusive, naming why.
pub fn hold(
    judges: &mut [JudgeMeasure],
    verdicts: &mut [sizeup_reports::Verdict],
    bars: impl Fn(&str, usize) -> JudgeBars,
    answered: impl Fn(&str, &str) -> bool,
) {
    for j in judges.iter_mut() {
        j.answers_too = answered(&j.task, &j.judge);
        let bound = bars(&j.task, j.position);
        // Missed only when the share's 95% interval lies wholly beyond the
        // bound: two flips in two comparisons say more than one in four.
        let bar = |a: Option<Agreement>, over: bool, bound: f64, what: &str| {
            let a = a?;
            let i = wilson((a.rate * a.n as f64).round() as u64, a.n)?;
            let beyond = if over { i.low > bound } else { i.high < bound };
            beyond.then(|| {
                format!(
                    "{what} {:.0}% {} the {:.0}% bound, n = {}",
                    a.rate * 100.0,
                    if over { "over" } else { "under" },
                    bound * 100.0,
                    a.n
                )
            })
        };
        j.misses = [
            bar(
                j.position_bias,
                true,
                bound.max_position_bias,
                "position bias",
            ),
            bar(
                j.self_consistency,
                false,
                bound.min_consistency,
                "self-consistency",
            ),
            bar(
                j.gold_agreement,
                false,
                bound.min_gold_agreement,
                "agreement with gold labels",
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
    }
    for v in verdicts {
        let distrusted: Vec<String> = judges
            .iter()
            .filter(|j| j.task == v.task && !j.misses.is_empty())
            .map(|j| format!("{} ({})", j.judge, j.misses.join(", ")))
            .collect();
        if distrusted.is_empty() {
            continue;
        }
        v.sentence = format!(
            "{}: inconclusive: its judge {} misses its own bars, so the scores it gave decide nothing. Taken at face value: {}",
            v.task,
            distrusted.join(" and "),
            v.sentence
        );
        v.outcome = sizeup_reports::Outcome::Inconclusive;
        v.recommended = None;
        v.recommended_monthly_usd = None;
        v.undecided = None;
        v.cases_needed = None;
    }
}

/// Share of questions asked more than once whose verdicts all agree.
fn consistency(calls: &[&JudgeCallRow]) -> Option<Agreement> {
    let mut asked: BTreeMap<(&str, Order), Vec<Verdict>> = BTreeMap::new();
    for c in calls {
        if let Some(v) = c.verdict {
            asked
                .entry((c.trial_id.as_str(), c.question))
                .or_default()
                .push(v);
        }
    }
    share(
        asked
            .values()
            .filter(|v| v.len() > 1)
            .map(|v| v.iter().all(|x| *x == v[0])),
    )
}

/// Share of comparisons whose decision, in the candidate's terms, differs
/// between the two orders.
fn position_bias(calls: &[&JudgeCallRow]) -> Option<Agreement> {
    let mut pairs: BTreeMap<(&str, u32), [Option<Verdict>; 2]> = BTreeMap::new();
    for c in calls {
        let slot = match c.question {
            Order::CandidateFirst => 0,
            Order::ReferenceFirst => 1,
            Order::Single => continue,
        };
        pairs.entry((c.trial_id.as_str(), c.repeat)).or_default()[slot] = c.verdict;
    }
    share(pairs.values().filter_map(|p| match p {
        [Some(a), Some(b)] => Some(a != b),
        _ => None,
    }))
}

/// Share of judged answers the judge passed or failed as the task's gold
/// scorers did.
fn gold(
    calls: &[&JudgeCallRow],
    position: usize,
    scores: &HashMap<String, Vec<ScoreRow>>,
) -> Option<Agreement> {
    let trials: HashSet<&str> = calls.iter().map(|c| c.trial_id.as_str()).collect();
    share(trials.into_iter().filter_map(|t| {
        let s = scores.get(t)?;
        let judged = s.get(position)?;
        let gold: Vec<bool> = s
            .iter()
            .filter(|x| GOLD_SCORERS.contains(&x.scorer.as_str()))
            .map(|x| x.passed)
            .collect();
        (!gold.is_empty()).then(|| judged.passed == gold.iter().all(|p| *p))
    }))
}

/// The share of `true` among `outcomes`; `None` when there are none.
fn share(outcomes: impl Iterator<Item = bool>) -> Option<Agreement> {
    let (mut yes, mut n) = (0u64, 0u64);
    for o in outcomes {
        n += 1;
        yes += u64::from(o);
    }
    (n > 0).then(|| Agreement {
        rate: yes as f64 / n as f64,
        n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(
        trial: &str,
        scorer: usize,
        question: &str,
        repeat: u32,
        verdict: Option<&str>,
    ) -> JudgeCallRow {
        JudgeCallRow {
            task: "t".into(),
            model: "small".into(),
            trial_id: trial.into(),
            scorer,
            judge: "j".into(),
            question: Order::parse(question).unwrap(),
            repeat,
            verdict: verdict.map(|v| Verdict::parse(v).unwrap()),
            cost_usd: 0.5,
        }
    }

    fn score(scorer: &str, passed: bool) -> ScoreRow {
        ScoreRow {
            scorer: scorer.into(),
            weight: 1.0,
            value: f64::from(u8::from(passed)),
            passed,
            answer: None,
            reason: String::new(),
        }
    }

    #[test]
    fn a_first_position_judge_flips_every_comparison() {
        let calls = vec![
            call("a", 0, "candidate_first", 0, Some("win")),
            call("a", 0, "reference_first", 0, Some("loss")),
            call("b", 0, "candidate_first", 0, Some("win")),
            call("b", 0, "reference_first", 0, Some("loss")),
            call("c", 0, "candidate_first", 0, Some("tie")),
            call("c", 0, "reference_first", 0, Some("tie")),
            call("d", 0, "candidate_first", 0, None),
            call("d", 0, "reference_first", 0, Some("win")),
        ];
        let m = &measure(&calls, &HashMap::new())[0];
        assert_eq!(
            (m.scorer, m.calls, m.unreadable),
            (JudgeKind::Pairwise, 8, 1)
        );
        assert_eq!(m.cost_usd, 4.0);
        // d has one readable order only, so three comparisons count.
        let bias = m.position_bias.unwrap();
        assert_eq!(bias.n, 3);
        assert!((bias.rate - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((m.self_consistency, m.gold_agreement), (None, None));
    }

    #[test]
    fn repeats_measure_consistency_and_gold_scorers_agreement() {
        let calls = vec![
            call("a", 1, "single", 0, Some("4")),
            call("a", 1, "single", 1, Some("4")),
            call("b", 1, "single", 0, Some("2")),
            call("b", 1, "single", 1, Some("5")),
        ];
        let scores = HashMap::from([
            (
                "a".to_string(),
                vec![score("label", true), score("judge", true)],
            ),
            (
                "b".to_string(),
                vec![score("label", true), score("judge", false)],
            ),
        ]);
        let m = &measure(&calls, &scores)[0];
        assert_eq!(m.scorer, JudgeKind::Judge);
        assert_eq!(m.position_bias, None);
        assert_eq!(m.self_consistency, Some(Agreement { rate: 0.5, n: 2 }));
        assert_eq!(m.gold_agreement, Some(Agreement { rate: 0.5, n: 2 }));
    }

    #[test]
    fn a_judge_that_misses_its_bars_makes_its_task_inconclusive() {
        let mut report = sizeup_reports::sample::report();
        let calls = [
            call("a", 0, "reference_first", 0, Some("loss")),
            call("a", 0, "candidate_first", 0, Some("win")),
            call("b", 0, "reference_first", 0, Some("loss")),
            call("b", 0, "candidate_first", 0, Some("win")),
        ];
        let mut judges = measure(&calls, &HashMap::new());
        // Half of two comparisons flipped: the interval straddles 20%.
        let mut half = measure(&calls[..2], &HashMap::new());
        half[0].position_bias = Some(Agreement { rate: 0.5, n: 2 });
        hold(
            &mut half,
            &mut [],
            |_, _| JudgeBars::default(),
            |_, _| false,
        );
        assert!(half[0].misses.is_empty(), "{:?}", half[0].misses);
        judges[0].task = report.verdicts[0].task.clone();
        let before = report.verdicts[0].sentence.clone();
        hold(
            &mut judges,
            &mut report.verdicts,
            |_, _| JudgeBars::default(),
            |_, m| m == "j",
        );
        assert!(judges[0].answers_too);
        assert_eq!(
            judges[0].misses,
            ["position bias 100% over the 20% bound, n = 2"]
        );
        let v = &report.verdicts[0];
        assert_eq!(v.outcome, sizeup_reports::Outcome::Inconclusive);
        assert_eq!((v.recommended.as_deref(), v.cases_needed), (None, None));
        assert!(
            v.sentence
                .ends_with(&format!("Taken at face value: {before}")),
            "{}",
            v.sentence
        );
        // Other tasks keep their verdicts.
        assert_ne!(
            report.verdicts[1].outcome,
            sizeup_reports::Outcome::Inconclusive
        );
    }
}
