//! [`load`]: the suite file (and the models catalog) read, deserialized into
//! `…Spec` types and checked, in order: defaults, models, tasks, then what
//! needs models and tasks together (rate limits).

use super::check::{check_concurrency, check_limits, check_range, check_sampling, Ids};
use super::error::{Source, SuiteError};
use super::file::read_text;
use super::limits::check_token_limits;
use super::model::Suite;
use super::prices::PriceBook;
use super::resolve::resolve_models;
use super::spec::{CatalogSpec, DefaultsSpec, SuiteSpec};
use super::task::build_task;
use super::warnings::warnings;
use crate::templates::Bound;
use std::path::Path;

/// What one template may render unless the suite says otherwise
/// (`defaults.max_prompt_bytes`): far beyond a prompt most models take, and
/// small enough that a template cannot take the machine's memory.
pub const DEFAULT_MAX_PROMPT_BYTES: usize = 1 << 20;

/// Loads and validates a suite; `catalog` is a models file (`--models`),
/// `prices` prices the models that carry no `cost:` of their own.
pub fn load(path: &Path, catalog: Option<&Path>, prices: &PriceBook) -> Result<Suite, SuiteError> {
    let text = read_text(path)?;
    let src = Source::new(path, &text)?;
    let spec: SuiteSpec = yaml_serde::from_str(&text).map_err(|e| src.yaml_error(&e))?;
    let mut sources = vec![path.to_path_buf()];

    let catalog = match catalog {
        Some(file) => {
            let text = read_text(file)?;
            let csrc = Source::new(file, &text)?;
            let cat: CatalogSpec = yaml_serde::from_str(&text).map_err(|e| csrc.yaml_error(&e))?;
            sources.push(file.to_path_buf());
            Some((csrc, cat))
        }
        None => None,
    };

    let defaults = &spec.defaults;
    check_defaults(defaults, &src)?;
    let (models, origins): (Vec<_>, Vec<_>) =
        resolve_models(&spec, &src, catalog.as_ref(), prices)?
            .into_iter()
            .unzip();
    let mut tasks = Vec::new();
    let mut task_ids = Ids::default();
    let dir = path.parent().unwrap_or(Path::new(""));
    let bound = Bound {
        bytes: defaults
            .max_prompt_bytes
            .map_or(DEFAULT_MAX_PROMPT_BYTES, |b| {
                usize::try_from(b).unwrap_or(usize::MAX)
            }),
        setting: "defaults.max_prompt_bytes",
    };
    for (i, task) in spec.tasks.iter().enumerate() {
        let field = format!("tasks[{i}]");
        task_ids
            .insert("task", &task.id)
            .map_err(|message| src.at(&format!("{field}.id"), message))?;
        let (mut task, cases_file) = build_task(task, &field, &src, dir, &models, bound)?;
        // A task's own limit overrides the suite's default; a model's own
        // (its `params`) overrides both.
        task.max_tokens = task.max_tokens.or(defaults.max_tokens);
        for file in cases_file
            .into_iter()
            .chain(task.scorers.iter().flat_map(|s| s.sources()))
        {
            if !sources.contains(&file) {
                sources.push(file);
            }
        }
        tasks.push(task);
    }
    if tasks.is_empty() {
        return Err(src.hint(
            "tasks",
            "the suite has no tasks",
            "add at least one task with an id, a prompt, cases and scorers",
        ));
    }
    let csrc = catalog.as_ref().map(|(csrc, _)| csrc);
    check_token_limits(&models, &origins, &tasks, &src, csrc)?;
    let warnings = warnings(&models, &origins, &tasks, &src, csrc);
    Ok(Suite {
        name: spec.name,
        description: spec.description,
        file: path.to_path_buf(),
        repeats: defaults.repeats.unwrap_or(1),
        concurrency: defaults.concurrency.unwrap_or(8),
        models,
        tasks,
        sources,
        warnings,
    })
}

/// The suite-wide defaults every model and task inherits.
fn check_defaults(defaults: &DefaultsSpec, src: &Source) -> Result<(), SuiteError> {
    if defaults.repeats == Some(0) {
        return Err(src.at("defaults.repeats", "repeats must be at least 1"));
    }
    if defaults.max_prompt_bytes == Some(0) {
        return Err(src.at(
            "defaults.max_prompt_bytes",
            "max_prompt_bytes must be at least 1",
        ));
    }
    if let Some(c) = defaults.concurrency {
        check_concurrency(src, "defaults.concurrency", c)?;
    }
    check_limits(
        src,
        "defaults",
        defaults.max_tokens,
        defaults.timeout,
        defaults.max_response_bytes,
    )?;
    if let Some(t) = defaults.temperature {
        check_range(src, "defaults.temperature", t, 0.0, 2.0)?;
    }
    if let Some(p) = defaults.top_p {
        check_range(src, "defaults.top_p", p, 0.0, 1.0)?;
    }
    check_sampling(src, "defaults", defaults.top_k, defaults.repetition_penalty)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A suite with one model (`model_extra` appended to its definition),
    /// `defaults`, and one task whose prompt is `prompt`.
    fn suite(defaults: &str, model_extra: &str, prompt: &str) -> String {
        format!(
            "name: s\ndefaults: {{{defaults}}}\nmodels:\n  - {{id: m, provider: openai_compatible, model: x, base_url: \"http://127.0.0.1:9/v1\", cost: {{hourly_usd: 0}}{model_extra}}}\ntasks:\n  - {{id: t, prompt: \"{prompt}\", cases: [{{q: 1}}], scorers: [{{type: json_valid}}]}}\n"
        )
    }

    fn error_of(text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        std::fs::write(&path, text).unwrap();
        match load(&path, None, &PriceBook::default()) {
            Ok(_) => "ok".into(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn limits_no_run_could_meet_are_errors() {
        let q = "{{ q }}";
        for (defaults, model, expected) in [
            (
                "concurrency: 10000000000000000000",
                "",
                "defaults.concurrency: concurrency must be from 1 to 10000",
            ),
            (
                "",
                ", concurrency: 10001",
                "models[0].concurrency: concurrency must be from 1 to 10000",
            ),
            (
                "max_tokens: 0",
                "",
                "defaults.max_tokens: max_tokens must be at least 1",
            ),
            (
                "timeout: 0",
                "",
                "defaults.timeout: a timeout must be longer than 0",
            ),
            (
                "",
                ", params: {timeout: 0s}",
                "models[0].params.timeout: a timeout must be longer than 0",
            ),
            (
                "max_response_bytes: 0",
                "",
                "defaults.max_response_bytes: max_response_bytes must be at least 1",
            ),
        ] {
            let text = error_of(&suite(defaults, model, q));
            assert!(text.contains(expected), "{defaults}{model}: {text}");
        }
        assert_eq!(
            error_of(&suite("concurrency: 10000, max_response_bytes: 1", "", q)),
            "ok"
        );
    }

    #[test]
    fn base_urls_must_parse() {
        for (url, expected) in [
            (
                "http://[::1:bad/v1",
                "is not a valid URL: invalid IPv6 address",
            ),
            ("http://:80/v1", "is not a valid URL: empty host"),
        ] {
            let text = error_of(&suite("", "", "{{ q }}").replace("http://127.0.0.1:9/v1", url));
            assert!(
                text.contains(&format!("models[0].base_url: `{url}` {expected}")),
                "{text}"
            );
        }
    }

    #[test]
    fn templates_know_the_globals_and_stop_when_out_of_fuel() {
        assert_eq!(
            error_of(&suite(
                "",
                "",
                "{% for i in range(2) %}{{ q }}{% endfor %}{% set ns = namespace(n=1) %}"
            )),
            "ok"
        );
        let runaway = "{% for a in range(100000) %}{% for b in range(100000) %}{{ q }}{% endfor %}{% endfor %}";
        let text = error_of(&suite("", "", runaway));
        assert!(
            text.contains("case `1` does not render in tasks[0].prompt: engine ran out of fuel"),
            "{text}"
        );
    }

    #[test]
    fn a_rendered_prompt_is_bounded_by_max_prompt_bytes() {
        // The case's `q` is 1: ten copies render 10 bytes.
        let ten = "{% for i in range(10) %}{{ q }}{% endfor %}";
        assert_eq!(error_of(&suite("max_prompt_bytes: 10", "", ten)), "ok");
        let text = error_of(&suite("max_prompt_bytes: 9", "", ten));
        assert!(
            text.contains("case `1` does not render in tasks[0].prompt: the rendered text would be larger than 9 bytes (defaults.max_prompt_bytes)"),
            "{text}"
        );
        let text = error_of(&suite("max_prompt_bytes: 0", "", ten));
        assert!(
            text.contains("max_prompt_bytes must be at least 1"),
            "{text}"
        );
    }

    #[test]
    fn sources_list_every_file_read_in_order_once() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        std::fs::create_dir(at("data")).unwrap();
        std::fs::write(at("data/a.jsonl"), "{\"q\": \"1\"}\n").unwrap();
        std::fs::write(at("b.csv"), "q\n2\n").unwrap();
        std::fs::write(
            at("models.yaml"),
            "models:\n  - {id: m, provider: openai_compatible, model: x, base_url: \"http://127.0.0.1:9/v1\", cost: {hourly_usd: 0}}\n",
        )
        .unwrap();
        let task = |id: &str, cases: &str| {
            format!("  - {{id: {id}, prompt: \"{{{{ q }}}}\", cases: {cases}, scorers: [{{type: json_valid}}]}}\n")
        };
        let suite = format!(
            "name: s\nmodels: [m]\ntasks:\n{}{}{}{}",
            task("one", "data/a.jsonl"),
            task("two", "b.csv"),
            task("three", "[{q: inline}]"),
            // The same file again, spelled differently, is read again but listed once.
            task("four", "./data/a.jsonl"),
        );
        std::fs::write(at("s.yaml"), suite).unwrap();
        let loaded = load(
            &at("s.yaml"),
            Some(&at("models.yaml")),
            &PriceBook::default(),
        )
        .unwrap();
        assert_eq!(loaded.tasks.len(), 4);
        assert_eq!(
            loaded.sources,
            [
                at("s.yaml"),
                at("models.yaml"),
                at("data/a.jsonl"),
                at("b.csv")
            ]
        );
        // Without a catalog, and with inline cases only, the suite is the one source.
        let inline = "name: s\nmodels:\n  - {id: m, provider: openai_compatible, model: x, base_url: \"http://127.0.0.1:9/v1\", cost: {hourly_usd: 0}}\ntasks:\n  - {id: t, prompt: hi, cases: [{q: 1}], scorers: [{type: json_valid}]}\n";
        std::fs::write(at("inline.yaml"), inline).unwrap();
        let loaded = load(&at("inline.yaml"), None, &PriceBook::default()).unwrap();
        assert_eq!(loaded.sources, [at("inline.yaml")]);
    }
}
