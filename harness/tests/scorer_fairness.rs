//! Scorer fairness: each scorer's corpus under `tests/fairness/` holds
//! answers written the way models write them (bare, fenced, bold, inside
//! prose, in another syntax), each marked right or wrong; a right answer
//! must pass and a wrong one must fail.

use serde::Deserialize;
use serde_json::Value;
use sizeup::scorers::Scorer;
use sizeup::scorers::ScorerSpec;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    scorer: ScorerSpec,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// Where the case comes from, for messages.
    case: Option<String>,
    expected: Value,
    #[serde(default)]
    fields: BTreeMap<String, String>,
    right: Vec<String>,
    wrong: Vec<String>,
}

/// Every answer of the corpus in `file` scored; the misjudged ones, described.
fn misjudged(file: &str) -> (usize, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fairness")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let corpus: Corpus = yaml_serde::from_str(&text).unwrap();
    let mut scorer = Scorer::new(&corpus.scorer).unwrap();
    if let Some(similarity) = scorer.similarity_mut() {
        // Its model's folder is relative to the corpus, as to a suite.
        similarity.load(path.parent().unwrap()).unwrap();
    }
    let mut count = 0;
    let mut wrong = Vec::new();
    for case in &corpus.cases {
        let answers = case.right.iter().map(|a| (a, true));
        for (answer, right) in answers.chain(case.wrong.iter().map(|a| (a, false))) {
            count += 1;
            let score = scorer
                .score(answer, Some(&case.expected), &case.fields)
                .expect("a scorer without a judge");
            if score.passed != right {
                wrong.push(format!(
                    "{} {answer:?}: {} ({})",
                    case.case.as_deref().unwrap_or(""),
                    if right {
                        "right but failed"
                    } else {
                        "wrong but passed"
                    },
                    score.reason
                ));
            }
        }
    }
    (count, wrong)
}

fn check(file: &str) {
    let (count, wrong) = misjudged(file);
    assert!(count >= 8, "{file}: only {count} answers");
    assert!(
        wrong.is_empty(),
        "{file}: {} of {count} misjudged:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn label() {
    check("label.yaml");
    check("label-sentiment.yaml");
}

#[test]
fn numeric() {
    check("numeric.yaml");
}

#[test]
fn json_fields() {
    check("json_fields.yaml");
}

#[test]
fn function_call() {
    check("function_call.yaml");
}

#[test]
fn sql() {
    check("sql.yaml");
}

#[test]
fn similarity() {
    check("similarity.yaml");
}

/// Every gold query of the starter suite runs on its test databases and
/// passes against itself, so no case is unwinnable or scored by the
/// exact-set fallback.
#[test]
fn starter_gold_queries_pass_against_themselves() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../suites/data/text-to-sql.jsonl");
    let scorer =
        Scorer::new(&yaml_serde::from_str("{type: sql, schema: schema}").unwrap()).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut cases = 0;
    for line in text.lines() {
        let case: BTreeMap<String, Value> = serde_json::from_str(line).unwrap();
        let fields = BTreeMap::from([(
            "schema".to_string(),
            case["schema"].as_str().unwrap().to_string(),
        )]);
        let gold = &case["sql"];
        let score = scorer
            .score(gold.as_str().unwrap(), Some(gold), &fields)
            .expect("a scorer without a judge");
        assert!(score.passed, "{}: {}", case["id"], score.reason);
        assert!(
            score.reason.starts_with("execution"),
            "{}: {}",
            case["id"],
            score.reason
        );
        cases += 1;
    }
    assert_eq!(cases, 200);
}
