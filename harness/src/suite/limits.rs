//! Rate limits no request could pass: a model whose `tokens_per_minute` is
//! below what one of its requests is charged would wait forever, so it is
//! an error at load rather than a run that never finishes.

use super::error::{Source, SuiteError};
use super::model::{Model, Task};
use super::resolve::Origin;
use sizeup_runners::Message;

/// What the rate limiter charges a request before it is sent: its prompt at
/// about four characters a token, message by message, plus `max_tokens`.
/// This mirrors `charge` in `runners/src/limit.rs` (four characters a token
/// is `estimate_tokens` in `runners/src/http.rs`): the check must agree with it.
fn charge(messages: &[Message], max_tokens: u32) -> (u64, u64) {
    let prompt = messages
        .iter()
        .map(|m| (m.content.chars().count() as u64).div_ceil(4))
        .sum();
    (prompt, u64::from(max_tokens))
}

/// The dearest request of a model: its task and case, prompt tokens and `max_tokens`.
struct Dearest<'a> {
    task: &'a str,
    case: &'a str,
    prompt: u64,
    max_tokens: u64,
}

impl Dearest<'_> {
    fn total(&self) -> u64 {
        self.prompt + self.max_tokens
    }
}

/// Checks that every rate-limited model can be sent every request its
/// tasks make. `origins` says where each model is defined; `catalog` is
/// the models catalog, if one was read.
pub(super) fn check_token_limits(
    models: &[Model],
    origins: &[Origin],
    tasks: &[Task],
    src: &Source,
    catalog: Option<&Source>,
) -> Result<(), SuiteError> {
    for (i, (model, origin)) in models.iter().zip(origins).enumerate() {
        let Some(limit) = model.tokens_per_minute else {
            continue;
        };
        // A model run in-process has no rate limiter.
        if model.provider.in_process() {
            continue;
        }
        let mut dearest: Option<Dearest> = None;
        for task in tasks.iter().filter(|t| t.models.contains(&i)) {
            let max_tokens = model.output_limit(task.max_tokens_for(model));
            for case in &task.cases {
                let (prompt, max_tokens) = charge(&case.messages, max_tokens);
                if dearest
                    .as_ref()
                    .is_none_or(|d| prompt + max_tokens > d.total())
                {
                    dearest = Some(Dearest {
                        task: &task.id,
                        case: &case.id,
                        prompt,
                        max_tokens,
                    });
                }
            }
        }
        let Some(d) = dearest else { continue };
        if limit >= d.total() {
            continue;
        }
        let owner = if origin.in_catalog {
            catalog.unwrap_or(src)
        } else {
            src
        };
        return Err(owner.hint(
            &format!("{}.tokens_per_minute", origin.field),
            format!(
                "{limit} tokens a minute can never serve `{}`: a request of task `{}` (case `{}`) is charged {} tokens, {} of prompt and {} of max_tokens",
                model.id,
                d.task,
                d.case,
                d.total(),
                d.prompt,
                d.max_tokens
            ),
            format!(
                "a request is charged its prompt (about four characters a token) plus max_tokens before it is sent; raise tokens_per_minute to at least {} or lower max_tokens",
                d.total()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{load, PriceBook, SuiteError};
    use std::path::Path;

    /// A suite with one limited model and two tasks: `short` (a 16-character
    /// prompt, 4 tokens) and `long` (64 characters over two messages, 16
    /// tokens, with `max_tokens: 100` of its own).
    fn suite(model_extra: &str, defaults: &str) -> String {
        format!(
            "name: s
defaults: {{{defaults}}}
models:
  - {{id: m, provider: openai, model: gpt-x, cost: {{input_per_mtok: 1}}{model_extra}}}
  - {{id: free, provider: openai_compatible, model: y, base_url: \"http://127.0.0.1:9/v1\", cost: {{hourly_usd: 0}}}}
tasks:
  - id: short
    prompt: \"{{{{ q }}}}\"
    cases: [{{q: \"sixteen chars ok\"}}]
    scorers: [{{type: json_valid}}]
  - id: long
    system: \"{{{{ s }}}}\"
    prompt: \"{{{{ q }}}}\"
    max_tokens: 100
    cases: [{{id: small, s: a, q: b}}, {{id: big, s: \"{}\", q: \"{}\"}}]
    scorers: [{{type: json_valid}}]
",
            "s".repeat(30),
            "q".repeat(34)
        )
    }

    fn load_text(dir: &Path, text: &str) -> Result<crate::suite::Suite, SuiteError> {
        let path = dir.join("s.yaml");
        std::fs::write(&path, text).unwrap();
        load(&path, None, &PriceBook::default())
    }

    fn message(e: SuiteError) -> (String, String, usize) {
        match e {
            SuiteError::Invalid(d) => (d.field.clone(), d.to_string(), d.pos.line),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn a_token_limit_below_one_request_is_an_error_with_the_numbers() {
        let dir = tempfile::tempdir().unwrap();
        // `long`'s dearest case: 30 characters (8 tokens) + 34 (9) + 100 = 117;
        // `short` asks 4 + 512 (the default max_tokens) = 516.
        let err = load_text(dir.path(), &suite(", tokens_per_minute: 515", "")).unwrap_err();
        let (field, text, line) = message(err);
        assert_eq!(field, "models[0].tokens_per_minute");
        assert_eq!(line, 4);
        assert!(
            text.contains("515 tokens a minute can never serve `m`: a request of task `short` (case `1`) is charged 516 tokens, 4 of prompt and 512 of max_tokens"),
            "{text}"
        );
        assert!(load_text(dir.path(), &suite(", tokens_per_minute: 516", "")).is_ok());

        // With the suite's default at 10, `short` asks 14 and `long` keeps its
        // own 100: its big case is the dearest.
        let small = "max_tokens: 10";
        let err = load_text(dir.path(), &suite(", tokens_per_minute: 116", small)).unwrap_err();
        let (_, text, _) = message(err);
        assert!(
            text.contains(
                "task `long` (case `big`) is charged 117 tokens, 17 of prompt and 100 of max_tokens"
            ),
            "{text}"
        );
        assert!(load_text(dir.path(), &suite(", tokens_per_minute: 117", small)).is_ok());
        // A task the model does not run does not count.
        let only_short = suite(", tokens_per_minute: 20", small).replace(
            "    max_tokens: 100\n",
            "    max_tokens: 100\n    models: [free]\n",
        );
        assert!(load_text(dir.path(), &only_short).is_ok());
    }

    #[test]
    fn a_catalog_model_is_blamed_in_the_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = dir.path().join("models.yaml");
        std::fs::write(
            &catalog,
            "models:\n  - {id: other, provider: openai, model: gpt-x, cost: {input_per_mtok: 1}}\n  - {id: m, provider: openai, model: gpt-x, cost: {input_per_mtok: 1}, tokens_per_minute: 100}\n",
        )
        .unwrap();
        let path = dir.path().join("s.yaml");
        std::fs::write(
            &path,
            "name: s\nmodels: [m]\ntasks:\n  - {id: t, prompt: hi, cases: [{q: 1}], scorers: [{type: json_valid}]}\n",
        )
        .unwrap();
        let err = load(&path, Some(&catalog), &PriceBook::default()).unwrap_err();
        let SuiteError::Invalid(d) = err else {
            panic!("{err}")
        };
        assert_eq!(d.file, catalog);
        assert_eq!(d.field, "models[1].tokens_per_minute");
        assert_eq!(d.pos.line, 3);
        assert!(d.to_string().contains("charged 513 tokens"), "{d}");
        assert!(
            d.hint.as_deref().unwrap().contains("at least 513"),
            "{:?}",
            d.hint
        );
    }
}
