//! Judged scorers: a judge model rates an output against a rubric, or
//! compares it with the reference model's answer. [`Judge`] builds the
//! questions put to the judge (a minijinja template, the default or the
//! suite's own), reads each reply into a [`Verdict`], and turns a trial's
//! verdicts into a [`Score`].
//!
//! A judge is asked each question `repeats` times; a pairwise question is
//! asked in both orders, so a judge that favours a position cancels out
//! rather than decides. A reply without a readable verdict is an error the
//! engine records as a trial failure of class `judge`, never a zero.

use super::Score;
use crate::templates::Bound;
use minijinja::Environment;
use regex::Regex;
use serde_json::Value;
use sizeup_runners::{Message, Role};
use std::sync::LazyLock;

/// The prompt a rubric judge gets unless the suite gives its own.
pub const RUBRIC_TEMPLATE: &str = "You are grading an answer written by an AI assistant.
{% if system %}
The assistant's instructions:
<instructions>
{{ system }}
</instructions>
{% endif %}
The request:
<request>
{{ prompt }}
</request>
{% if expected %}
A reference answer, for comparison:
<reference>
{{ expected }}
</reference>
{% endif %}
The answer to grade:
<answer>
{{ output }}
</answer>

Rate the answer from {{ scale_min }} (worst) to {{ scale_max }} (best) on these criteria:
{{ rubric }}

Judge only what the answer says, not how long it is. Write one or two sentences of reasoning, then end with a last line of the form
Score: N
where N is a whole number from {{ scale_min }} to {{ scale_max }}.";

/// The prompt a pairwise judge gets unless the suite gives its own.
pub const PAIRWISE_TEMPLATE: &str = "You are comparing two answers an AI assistant could give to the same request.
{% if system %}
The assistant's instructions:
<instructions>
{{ system }}
</instructions>
{% endif %}
The request:
<request>
{{ prompt }}
</request>

Answer A:
<answer_a>
{{ first }}
</answer_a>

Answer B:
<answer_b>
{{ second }}
</answer_b>

Decide which answer is better: {{ criteria }}
The order of the answers and their length say nothing about their quality. Write one or two sentences of reasoning, then end with a last line of the form
Verdict: A
or Verdict: B, or Verdict: tie when neither is better.";

/// What a pairwise judge weighs when the suite does not say.
const DEFAULT_CRITERIA: &str =
    "the one that does what the request asks more correctly, completely and helpfully";

/// How a judge decides.
#[derive(Debug)]
enum Mode {
    /// Rates one output on `scale`.
    Rubric { rubric: String, scale: (u32, u32) },
    /// Prefers one of two outputs, or neither.
    Pairwise { criteria: String },
}

/// A validated judged scorer.
#[derive(Debug)]
pub struct Judge {
    model_id: String,
    model: Option<usize>,
    mode: Mode,
    threshold: f64,
    repeats: u32,
    env: Environment<'static>,
}

/// Which way round a question shows the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Order {
    /// One answer, rated alone.
    Single,
    /// The candidate's answer is A, the reference's B.
    CandidateFirst,
    /// The reference's answer is A, the candidate's B.
    ReferenceFirst,
}

impl Order {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::CandidateFirst => "candidate_first",
            Self::ReferenceFirst => "reference_first",
        }
    }

    /// Reads a name written by [`Order::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Single, Self::CandidateFirst, Self::ReferenceFirst]
            .into_iter()
            .find(|o| o.as_str() == name)
    }
}

/// One question put to the judge.
#[derive(Debug, Clone)]
pub struct Question {
    /// The judge's conversation.
    pub messages: Vec<Message>,
    /// How the answers are placed.
    pub order: Order,
    /// Which asking of the same question this is, from 0.
    pub repeat: u32,
}

/// The candidate's standing in one pairwise decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preference {
    /// The candidate's answer is better.
    Win,
    /// Neither is better.
    Tie,
    /// The reference's answer is better.
    Loss,
}

impl Preference {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Win => "win",
            Self::Tie => "tie",
            Self::Loss => "loss",
        }
    }
}

/// What the judge said in one reply.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// A rating on the judge's scale.
    Rating(f64),
    /// A decision between the two answers, in the candidate's terms.
    Preference(Preference),
}

impl Verdict {
    /// The stored form: the rating as written, or `win`, `tie`, `loss`.
    pub fn label(&self) -> String {
        match self {
            Self::Rating(r) => format!("{r}"),
            Self::Preference(p) => p.as_str().to_string(),
        }
    }

    /// Reads a form written by [`Verdict::label`].
    pub fn parse(label: &str) -> Option<Self> {
        [Preference::Win, Preference::Tie, Preference::Loss]
            .into_iter()
            .find(|p| p.as_str() == label)
            .map(Self::Preference)
            .or_else(|| label.parse().ok().map(Self::Rating))
    }
}

/// What the judge is shown about one trial.
#[derive(Debug, Clone, Copy)]
pub struct Exhibit<'a> {
    /// The conversation the candidate answered.
    pub conversation: &'a [Message],
    /// The candidate's answer.
    pub output: &'a str,
    /// The case's expected answer, if it has one.
    pub expected: Option<&'a Value>,
    /// The reference model's answer to the same case (pairwise only).
    pub reference: Option<&'a str>,
}

/// The settings of a judged scorer, as the suite wrote them.
pub struct Settings<'a> {
    /// The judging model's id.
    pub model: &'a str,
    /// The rubric (rating) or `None` with `criteria` (pairwise).
    pub rubric: Option<&'a str>,
    /// What makes one answer better (pairwise).
    pub criteria: Option<&'a str>,
    /// The rating scale (rubric).
    pub scale: Option<[u32; 2]>,
    /// Least passing score.
    pub threshold: Option<f64>,
    /// Askings per question.
    pub repeats: Option<u32>,
    /// The suite's own prompt template.
    pub template: Option<&'a str>,
}

/// What a judge's question may render: it quotes the task's prompt and one
/// or two answers, each already bounded (`max_prompt_bytes`,
/// `max_response_bytes`).
const JUDGE_BOUND: Bound = Bound {
    bytes: 16 << 20,
    setting: "a judge's question",
};

/// The most times one question may be put to a judge: enough to measure
/// its consistency, few enough that a typo does not buy a thousand calls.
pub const MAX_REPEATS: u32 = 20;

impl Judge {
    /// A rubric judge (`rubric` set) or a pairwise one, or what is wrong
    /// with its settings.
    pub fn new(s: &Settings<'_>) -> Result<Self, String> {
        if s.model.trim().is_empty() {
            return Err("model must name the suite model that judges".into());
        }
        let (mode, default_template, default_threshold) = match s.rubric {
            Some(rubric) => {
                if rubric.trim().is_empty() {
                    return Err("the rubric cannot be empty".into());
                }
                let [low, high] = s.scale.unwrap_or([1, 5]);
                if low >= high {
                    return Err(format!(
                        "the scale's lowest rating ({low}) must be below its highest ({high})"
                    ));
                }
                let mode = Mode::Rubric {
                    rubric: rubric.to_string(),
                    scale: (low, high),
                };
                (mode, RUBRIC_TEMPLATE, 0.75)
            }
            None => {
                let criteria = s.criteria.unwrap_or(DEFAULT_CRITERIA);
                if criteria.trim().is_empty() {
                    return Err("criteria cannot be empty; leave them out for the default".into());
                }
                let mode = Mode::Pairwise {
                    criteria: criteria.to_string(),
                };
                (mode, PAIRWISE_TEMPLATE, 0.5)
            }
        };
        let threshold = s.threshold.unwrap_or(default_threshold);
        if !(0.0..=1.0).contains(&threshold) {
            return Err(format!(
                "threshold must be between 0 and 1, got {threshold}"
            ));
        }
        let repeats = s.repeats.unwrap_or(1);
        if !(1..=MAX_REPEATS).contains(&repeats) {
            return Err(format!(
                "repeats must be between 1 and {MAX_REPEATS}, got {repeats}"
            ));
        }
        let mut env = crate::templates::environment(JUDGE_BOUND);
        let template = s.template.unwrap_or(default_template);
        crate::templates::check(template).map_err(|e| format!("invalid judge template: {e}"))?;
        env.add_template_owned("judge", template.to_string())
            .map_err(|e| format!("invalid judge template: {e}"))?;
        let judge = Self {
            model_id: s.model.to_string(),
            model: None,
            mode,
            threshold,
            repeats,
            env,
        };
        // A template that names a variable the judge never gets fails every
        // trial; say so at load instead.
        let known = judge.variables();
        let tpl = judge.env.get_template("judge").expect("just added");
        if let Some(unknown) = tpl
            .undeclared_variables(false)
            .into_iter()
            .find(|v| !known.contains(&v.as_str()))
        {
            return Err(format!(
                "the judge template uses `{unknown}`; it can use {}",
                known.join(", ")
            ));
        }
        Ok(judge)
    }

    /// The variables a template of this judge can use.
    fn variables(&self) -> Vec<&'static str> {
        let mut v = vec!["system", "prompt", "expected"];
        match self.mode {
            Mode::Rubric { .. } => v.extend(["output", "rubric", "scale_min", "scale_max"]),
            Mode::Pairwise { .. } => v.extend(["first", "second", "criteria"]),
        }
        v
    }

    /// The id of the judging model, as the suite names it.
    pub fn model_id(&self) -> &str {
        &self.model_id
    }

    /// The index of the judging model in the suite, once the loader has
    /// resolved [`Judge::model_id`].
    pub fn model(&self) -> Option<usize> {
        self.model
    }

    /// Records the judging model's index in the suite.
    pub fn set_model(&mut self, index: usize) {
        self.model = Some(index);
    }

    /// Whether it compares with the reference model's answer.
    pub fn is_pairwise(&self) -> bool {
        matches!(self.mode, Mode::Pairwise { .. })
    }

    /// The scorer's `type`.
    pub fn name(&self) -> &'static str {
        match self.mode {
            Mode::Rubric { .. } => "judge",
            Mode::Pairwise { .. } => "pairwise",
        }
    }

    /// Every question about one trial: each order, each repeat.
    pub fn questions(&self, e: &Exhibit<'_>) -> Result<Vec<Question>, String> {
        let text = |role: Role| {
            e.conversation
                .iter()
                .filter(|m| m.role == role)
                .map(|m| m.content.as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        let expected = e.expected.map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        let mut context = serde_json::json!({
            "system": text(Role::System),
            "prompt": text(Role::User),
            "expected": expected,
        });
        let orders: Vec<(Order, Value)> = match &self.mode {
            Mode::Rubric { rubric, scale } => {
                context["output"] = e.output.into();
                context["rubric"] = rubric.as_str().into();
                context["scale_min"] = scale.0.into();
                context["scale_max"] = scale.1.into();
                vec![(Order::Single, context)]
            }
            Mode::Pairwise { criteria } => {
                let reference = e
                    .reference
                    .ok_or("there is no reference answer to compare with")?;
                context["criteria"] = criteria.as_str().into();
                let mut a = context.clone();
                a["first"] = e.output.into();
                a["second"] = reference.into();
                let mut b = context;
                b["first"] = reference.into();
                b["second"] = e.output.into();
                vec![(Order::CandidateFirst, a), (Order::ReferenceFirst, b)]
            }
        };
        let tpl = self.env.get_template("judge").expect("compiled in new");
        let mut questions = Vec::new();
        for (order, context) in orders {
            let prompt = crate::templates::render(&tpl, &context, JUDGE_BOUND)
                .map_err(|e| format!("the judge template does not render: {e}"))?;
            for repeat in 0..self.repeats {
                questions.push(Question {
                    messages: vec![Message {
                        role: Role::User,
                        content: prompt.clone(),
                    }],
                    order,
                    repeat,
                });
            }
        }
        Ok(questions)
    }

    /// Reads the verdict of one reply to a question asked in `order`.
    pub fn read(&self, order: Order, reply: &str) -> Result<Verdict, String> {
        match &self.mode {
            Mode::Rubric { scale, .. } => {
                let Some(rating) = last_capture(&SCORE, reply) else {
                    return Err(format!(
                        "the judge's reply has no `Score: N` line: {}",
                        excerpt(reply)
                    ));
                };
                let rating: f64 = rating
                    .parse()
                    .map_err(|_| format!("the judge's rating `{rating}` is not a number"))?;
                if !(f64::from(scale.0)..=f64::from(scale.1)).contains(&rating) {
                    return Err(format!(
                        "the judge's rating {rating} is outside the scale {}–{}",
                        scale.0, scale.1
                    ));
                }
                Ok(Verdict::Rating(rating))
            }
            Mode::Pairwise { .. } => {
                let Some(choice) = last_capture(&VERDICT, reply) else {
                    return Err(format!(
                        "the judge's reply has no `Verdict: A`, `B` or `tie` line: {}",
                        excerpt(reply)
                    ));
                };
                let first = match order {
                    Order::ReferenceFirst => Preference::Loss,
                    _ => Preference::Win,
                };
                let preference = match choice.to_ascii_lowercase().as_str() {
                    "a" => first,
                    "b" if first == Preference::Win => Preference::Loss,
                    "b" => Preference::Win,
                    _ => Preference::Tie,
                };
                Ok(Verdict::Preference(preference))
            }
        }
    }

    /// The trial's score from every reply, each with the verdict read from
    /// it: a rubric judge's mean normalised rating, or the share of
    /// comparisons the candidate did not lose.
    pub fn score(&self, replies: &[(&str, Verdict)]) -> Score {
        let n = replies.len().max(1) as f64;
        let (value, answer) = match &self.mode {
            Mode::Rubric { scale, .. } => {
                let span = f64::from(scale.1 - scale.0);
                let ratings: Vec<f64> = replies
                    .iter()
                    .filter_map(|(_, v)| match v {
                        Verdict::Rating(r) => Some(*r),
                        Verdict::Preference(_) => None,
                    })
                    .collect();
                let mean = ratings
                    .iter()
                    .map(|r| (r - f64::from(scale.0)) / span)
                    .sum::<f64>()
                    / n;
                let listed: Vec<String> =
                    ratings.iter().map(|r| format!("{r}/{}", scale.1)).collect();
                (mean, listed.join(", "))
            }
            Mode::Pairwise { .. } => {
                let kept = replies
                    .iter()
                    .filter(|(_, v)| !matches!(v, Verdict::Preference(Preference::Loss)))
                    .count() as f64;
                let listed: Vec<String> = replies.iter().map(|(_, v)| v.label()).collect();
                (kept / n, listed.join(", "))
            }
        };
        let value = value.clamp(0.0, 1.0);
        let why = replies.first().map(|(r, _)| reason(r)).unwrap_or_default();
        Score {
            value,
            passed: value >= self.threshold,
            answer: Some(answer.clone()),
            reason: format!("judged {answer}: {why}"),
        }
    }

    /// The score of the reference model's own answer in a pairwise task:
    /// compared with itself it ties, so it loses nothing.
    pub fn reference_score(&self) -> Score {
        Score {
            value: 1.0,
            passed: true,
            answer: None,
            reason: "the reference answer, which the others are compared with".into(),
        }
    }
}

/// `Score: 4`, `**Score:** 4`, `"score": 4`: the key, then the number.
static SCORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:score|rating)\b[*_"'\s]*[:=][*_"'\s]*(-?\d+(?:\.\d+)?)"#)
        .expect("valid pattern")
});

/// `Verdict: A`, `**Verdict:** tie`, `"verdict": "B"`.
static VERDICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\bverdict\b[*_"'\s]*[:=][*_"'\s\[]*(a|b|tie)\b"#).expect("valid pattern")
});

/// The first group of the last match: a judge that thinks aloud may name a
/// score on the way, and its final line is its answer.
fn last_capture<'a>(re: &Regex, text: &'a str) -> Option<&'a str> {
    re.captures_iter(text)
        .last()
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// The judge's reasoning: its reply without the verdict line, on one line.
fn reason(reply: &str) -> String {
    let kept: Vec<&str> = reply
        .lines()
        .filter(|l| !(SCORE.is_match(l) || VERDICT.is_match(l)))
        .collect();
    excerpt(&kept.join(" "))
}

/// A reply shortened to one line for a message.
fn excerpt(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 200 {
        return one_line;
    }
    let cut: String = one_line.chars().take(200).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rubric(template: Option<&str>) -> Result<Judge, String> {
        Judge::new(&Settings {
            model: "j",
            rubric: Some("- polite\n- answers the question"),
            criteria: None,
            scale: Some([1, 5]),
            threshold: None,
            repeats: Some(2),
            template,
        })
    }

    fn pairwise() -> Judge {
        Judge::new(&Settings {
            model: "j",
            rubric: None,
            criteria: None,
            scale: None,
            threshold: None,
            repeats: None,
            template: None,
        })
        .unwrap()
    }

    fn conversation() -> Vec<Message> {
        vec![
            Message {
                role: Role::System,
                content: "Be brief.".into(),
            },
            Message {
                role: Role::User,
                content: "Reply to: the parcel was late".into(),
            },
        ]
    }

    #[test]
    fn a_rubric_question_shows_the_request_the_answer_and_the_scale() {
        let judge = rubric(None).unwrap();
        let conv = conversation();
        let qs = judge
            .questions(&Exhibit {
                conversation: &conv,
                output: "Sorry about the delay.",
                expected: None,
                reference: None,
            })
            .unwrap();
        assert_eq!(qs.len(), 2);
        assert_eq!((qs[0].repeat, qs[1].repeat), (0, 1));
        let text = &qs[0].messages[0].content;
        for part in [
            "Be brief.",
            "the parcel was late",
            "Sorry about the delay.",
            "- polite",
            "from 1 (worst) to 5 (best)",
        ] {
            assert!(text.contains(part), "{part} missing from {text}");
        }
        assert!(!text.contains("reference answer"), "{text}");
    }

    #[test]
    fn a_pairwise_question_is_asked_in_both_orders() {
        let judge = pairwise();
        let conv = conversation();
        let e = Exhibit {
            conversation: &conv,
            output: "CANDIDATE",
            expected: None,
            reference: Some("REFERENCE"),
        };
        let qs = judge.questions(&e).unwrap();
        let orders: Vec<Order> = qs.iter().map(|q| q.order).collect();
        assert_eq!(orders, [Order::CandidateFirst, Order::ReferenceFirst]);
        let pos = |q: &Question, s: &str| q.messages[0].content.find(s).unwrap();
        assert!(pos(&qs[0], "CANDIDATE") < pos(&qs[0], "REFERENCE"));
        assert!(pos(&qs[1], "REFERENCE") < pos(&qs[1], "CANDIDATE"));
        let none = Exhibit {
            reference: None,
            ..e
        };
        assert!(judge.questions(&none).unwrap_err().contains("no reference"));
    }

    #[test]
    fn ratings_are_read_from_chatty_replies_and_malformed_ones_refused() {
        let judge = rubric(None).unwrap();
        let read = |r: &str| judge.read(Order::Single, r);
        assert_eq!(read("Good reply.\nScore: 4"), Ok(Verdict::Rating(4.0)));
        assert_eq!(
            read("Let me think. A score: 2 would be harsh.\n\n**Score:** 5\nHope that helps!"),
            Ok(Verdict::Rating(5.0))
        );
        assert_eq!(
            read(r#"{"reason": "fine", "score": 3}"#),
            Ok(Verdict::Rating(3.0))
        );
        assert!(read("I liked it a lot.").unwrap_err().contains("no `Score"));
        assert!(read("Score: 9").unwrap_err().contains("outside the scale"));
    }

    #[test]
    fn pairwise_verdicts_are_read_in_the_candidates_terms() {
        let judge = pairwise();
        let read = |o, r: &str| judge.read(o, r);
        let win = Verdict::Preference(Preference::Win);
        let loss = Verdict::Preference(Preference::Loss);
        let tie = Verdict::Preference(Preference::Tie);
        assert_eq!(read(Order::CandidateFirst, "Verdict: A"), Ok(win));
        assert_eq!(read(Order::ReferenceFirst, "Verdict: A"), Ok(loss));
        assert_eq!(read(Order::ReferenceFirst, "**Verdict**: [B]"), Ok(win));
        assert_eq!(read(Order::CandidateFirst, "verdict: B"), Ok(loss));
        assert_eq!(
            read(Order::CandidateFirst, "Both fine. Verdict: tie"),
            Ok(tie)
        );
        assert!(read(Order::CandidateFirst, "A is better")
            .unwrap_err()
            .contains("no `Verdict"));
    }

    #[test]
    fn scores_normalise_ratings_and_count_comparisons_not_lost() {
        let judge = rubric(None).unwrap();
        let s = judge.score(&[
            ("Polite.\nScore: 5", Verdict::Rating(5.0)),
            ("Fine.\nScore: 3", Verdict::Rating(3.0)),
        ]);
        assert!((s.value - 0.75).abs() < 1e-12);
        assert!(s.passed);
        assert_eq!(s.answer.as_deref(), Some("5/5, 3/5"));
        assert!(s.reason.contains("Polite."), "{}", s.reason);
        let s = judge.score(&[("", Verdict::Rating(1.0)), ("", Verdict::Rating(3.0))]);
        assert!((s.value - 0.25).abs() < 1e-12 && !s.passed);

        let judge = pairwise();
        let p = |x| Verdict::Preference(x);
        let s = judge.score(&[("", p(Preference::Win)), ("", p(Preference::Loss))]);
        assert_eq!((s.value, s.passed), (0.5, true));
        let s = judge.score(&[("", p(Preference::Tie)), ("", p(Preference::Tie))]);
        assert_eq!(s.value, 1.0);
        let s = judge.score(&[("", p(Preference::Loss)), ("", p(Preference::Loss))]);
        assert_eq!((s.value, s.passed), (0.0, false));
    }

    #[test]
    fn settings_and_templates_are_checked_at_load() {
        assert!(rubric(Some("{{ output }} {{ nonsense }}"))
            .unwrap_err()
            .contains("`nonsense`"));
        assert!(rubric(Some("{% if %}"))
            .unwrap_err()
            .contains("invalid judge template"));
        let own = rubric(Some("Rate {{ output }} per {{ rubric }}. Score: N")).unwrap();
        let conv = conversation();
        let q = own
            .questions(&Exhibit {
                conversation: &conv,
                output: "X",
                expected: None,
                reference: None,
            })
            .unwrap();
        assert!(q[0].messages[0].content.starts_with("Rate X per - polite"));
        let bad_scale = Judge::new(&Settings {
            model: "j",
            rubric: Some("r"),
            criteria: None,
            scale: Some([5, 5]),
            threshold: None,
            repeats: None,
            template: None,
        });
        assert!(bad_scale.unwrap_err().contains("scale"));
        let no_model = Judge::new(&Settings {
            model: " ",
            rubric: Some("r"),
            criteria: None,
            scale: None,
            threshold: None,
            repeats: Some(0),
            template: None,
        });
        assert!(no_model.unwrap_err().contains("model"));
    }
}
