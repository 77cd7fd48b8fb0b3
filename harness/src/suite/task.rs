//! Tasks: each task spec checked and turned into a [`Task`]: its templates
//! compiled, its cases read (inline or from a file) and each rendered, its
//! scorers, quality bar, latency objective and models checked.

use super::cases::{self, RawCase};
use super::check::{check_range, id_problem, Ids};
use super::error::{closest, Source, SuiteError};
use super::measures::{QualityMeasure, Thresholds};
use super::model::{Case, Model, Task, DEFAULT_MAX_ERROR_RATE};
use super::spec::{CasesSpec, ExpectedSpec, TaskSpec};
use crate::scorers::embed::EmbedError;
use crate::scorers::{JudgeBars, Scorer};
use crate::templates::Bound;
use minijinja::Environment;
use serde_json::{Map, Value};
use sizeup_runners::{Message, Role};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Builds the task at `field` (`tasks[0]`) of the suite in `src`; cases
/// files are found in `dir`. Returns the cases file it read, if any.
pub(super) fn build_task(
    t: &TaskSpec,
    field: &str,
    src: &Source,
    dir: &Path,
    models: &[Model],
    bound: Bound,
) -> Result<(Task, Option<PathBuf>), SuiteError> {
    let cx = TaskCx {
        spec: t,
        field,
        src,
        cases_src: None,
        bound,
    };
    if let Some(problem) = id_problem("task", &t.id) {
        return Err(src.at(&cx.f("id"), problem));
    }
    let templates = cx.compile()?;
    let (file, raw) = match &t.cases {
        CasesSpec::Inline(list) => (None, cx.inline_cases(list)),
        CasesSpec::File(rel) => {
            let (path, csrc, raw) = cx.read_cases(dir, rel)?;
            (Some((path, csrc)), raw)
        }
    };
    let (path, cases_src) = file.unzip();
    let cx = TaskCx {
        cases_src: cases_src.as_ref(),
        ..cx
    };
    let task = cx.finish(raw, &templates, models)?;
    Ok((task, path))
}

/// One task being checked: its spec, its place in the suite, and the cases
/// file its cases come from, if they are not inline.
#[derive(Clone, Copy)]
struct TaskCx<'a> {
    spec: &'a TaskSpec,
    /// The task's path in the suite (`tasks[0]`).
    field: &'a str,
    /// The suite file.
    src: &'a Source,
    /// The cases file, when the cases come from one.
    cases_src: Option<&'a Source>,
    /// What one rendering may build.
    bound: Bound,
}

/// The task's templates, compiled, and the variables each one uses.
struct Templates {
    env: Environment<'static>,
    declared: Vec<(&'static str, BTreeSet<String>)>,
}

impl TaskCx<'_> {
    /// The path of one of the task's fields.
    fn f(&self, name: &str) -> String {
        format!("{}.{name}", self.field)
    }

    /// The field that holds the template called `name`.
    fn template_field(&self, name: &str) -> String {
        if name == "expected" {
            self.f("expected.template")
        } else {
            self.f(name)
        }
    }

    /// The file the cases are in: the cases file, or the suite.
    fn case_src(&self) -> &Source {
        self.cases_src.unwrap_or(self.src)
    }

    /// The fields the cases have, as a hint: a few, each cut short, since
    /// a file that is not a cases file at all (a symlink to a system file,
    /// say) turns its first line into field names.
    fn fields_hint(&self, known: &BTreeSet<&str>) -> String {
        const SHOWN: usize = 12;
        const CHARS: usize = 40;
        let mut names: Vec<String> = known
            .iter()
            .take(SHOWN)
            .map(|name| {
                let cut: String = name.chars().take(CHARS).collect();
                let more = if cut.len() < name.len() { "…" } else { "" };
                format!("`{cut}{more}`")
            })
            .collect();
        if known.len() > SHOWN {
            names.push(format!("and {} more", known.len() - SHOWN));
        }
        let source = match self.cases_src {
            Some(c) => format!("the cases of {}", c.file.display()),
            None => "the cases".to_string(),
        };
        format!("{source} have fields {}", names.join(", "))
    }

    /// The path of case `j` for errors: in the suite, or nothing in a cases
    /// file (its line says which).
    fn case_field(&self, j: usize) -> String {
        if self.cases_src.is_some() {
            String::new()
        } else {
            format!("{}.cases[{j}]", self.field)
        }
    }

    /// Compiles the system, prompt and expected-answer templates, undefined
    /// variables strict.
    fn compile(&self) -> Result<Templates, SuiteError> {
        let t = self.spec;
        let mut env = crate::templates::environment(self.bound);
        let mut templates = vec![];
        if let Some(system) = &t.system {
            templates.push(("system", system.clone()));
        }
        templates.push(("prompt", t.prompt.clone()));
        if let Some(ExpectedSpec::Template(tpl)) = &t.expected {
            templates.push(("expected", tpl.clone()));
        }
        let mut declared = vec![];
        for (name, source) in templates {
            crate::templates::check(&source)
                .map_err(|m| self.src.at(&self.template_field(name), m))?;
            env.add_template_owned(name, source)
                .map_err(|e| template_error(self.src, &self.template_field(name), &e))?;
            let tpl = env.get_template(name).expect("just added");
            // `range`, `namespace` and the other globals are defined by
            // the environment, not by cases.
            let mut vars: BTreeSet<String> = tpl.undeclared_variables(false).into_iter().collect();
            for (global, _) in env.globals() {
                vars.remove(global);
            }
            declared.push((name, vars));
        }
        Ok(Templates { env, declared })
    }

    /// Cases written in the suite, each at its position there.
    fn inline_cases(&self, list: &[Map<String, Value>]) -> Vec<RawCase> {
        list.iter()
            .enumerate()
            .map(|(j, fields)| RawCase {
                fields: fields.clone(),
                pos: self
                    .src
                    .locator
                    .nearest(&format!("{}.cases[{j}]", self.field)),
            })
            .collect()
    }

    /// Reads the cases file `rel`, relative to `dir`: its path as resolved,
    /// the file, and its cases.
    fn read_cases(
        &self,
        dir: &Path,
        rel: &str,
    ) -> Result<(PathBuf, Source, Vec<RawCase>), SuiteError> {
        let full = dir.join(rel);
        let Ok(entry) = std::fs::symlink_metadata(&full) else {
            return Err(self.src.hint(
                &self.f("cases"),
                format!("cases file `{rel}` not found"),
                format!(
                    "paths are relative to the suite file; looked for {}",
                    full.display()
                ),
            ));
        };
        // A symlink is read where it leads, and every message about the
        // file says where that is: it may be outside the suite's folder.
        let shown = if entry.file_type().is_symlink() {
            match std::fs::canonicalize(&full) {
                Ok(target) => PathBuf::from(format!(
                    "{} (a symlink to {})",
                    full.display(),
                    target.display()
                )),
                // A loop says "too many levels of symbolic links", a
                // dangling link "no such file or directory".
                Err(e) => {
                    return Err(self.src.at(
                        &self.f("cases"),
                        format!("cases file `{rel}` is a symlink that cannot be followed: {e}"),
                    ));
                }
            }
        } else {
            full.clone()
        };
        let (csrc, list) = cases::read(&full, &shown)?;
        Ok((full, csrc, list))
    }

    /// Checks everything else and renders every case.
    fn finish(
        &self,
        raw: Vec<RawCase>,
        templates: &Templates,
        models: &[Model],
    ) -> Result<Task, SuiteError> {
        let t = self.spec;
        if raw.is_empty() {
            return Err(self.src.at(&self.f("cases"), "the task has no cases"));
        }
        self.check_variables(&raw, templates)?;
        let scorers = self.scorers(models)?;
        self.check_bars()?;
        let task_models = self.models(models)?;
        let cases = self.render_cases(raw, templates, &scorers)?;
        let quality_measure = t.quality.measure.unwrap_or(default_measure(&scorers));
        Ok(Task {
            id: t.id.clone(),
            description: t.description.clone(),
            cases,
            scorers,
            margin: t.quality.margin,
            min_quality: t.quality.min,
            quality_measure,
            max_error_rate: t.quality.max_error_rate.unwrap_or(DEFAULT_MAX_ERROR_RATE),
            p95_latency_ms: t.slo.p95_latency_ms,
            p95_ttft_ms: t.slo.p95_ttft_ms,
            p95_tpot_ms: t.slo.p95_tpot_ms,
            requests_per_month: t.volume.requests_per_month,
            regression: self.regression()?,
            judge_bars: self.judge_bars()?,
            models: task_models,
            max_tokens: t.max_tokens,
            structured_output: t.structured_output.clone(),
        })
    }

    /// A variable that no case has is a typo in the template; one that only
    /// some cases lack is a gap in the data.
    fn check_variables(&self, raw: &[RawCase], templates: &Templates) -> Result<(), SuiteError> {
        for (name, vars) in &templates.declared {
            for var in vars {
                let missing: Vec<usize> = (0..raw.len())
                    .filter(|&j| !raw[j].fields.contains_key(var))
                    .collect();
                if missing.len() == raw.len() {
                    let known: BTreeSet<&str> = raw
                        .iter()
                        .flat_map(|c| c.fields.keys().map(String::as_str))
                        .collect();
                    let hint = closest(var, known.iter().copied())
                        .unwrap_or_else(|| self.fields_hint(&known));
                    return Err(self.src.hint(
                        &self.template_field(name),
                        format!("template uses `{var}`, which no case defines"),
                        hint,
                    ));
                }
                if let Some(&j) = missing.first() {
                    return Err(self.case_src().error(
                        raw[j].pos,
                        &self.case_field(j),
                        format!("case has no field `{var}`, which {} uses", self.f(name)),
                        None,
                    ));
                }
            }
        }
        Ok(())
    }

    /// The scorers: each well-formed, with an expected answer where it
    /// needs one, judges that are suite models, and weights that add up to
    /// something.
    fn scorers(&self, models: &[Model]) -> Result<Vec<Scorer>, SuiteError> {
        let (t, src) = (self.spec, self.src);
        let mut scorers = Vec::new();
        for (j, s) in t.scorers.iter().enumerate() {
            let sf = self.f(&format!("scorers[{j}]"));
            let mut scorer = Scorer::new(s).map_err(|m| src.at(&sf, m))?;
            if let Some(judge) = scorer.judge_mut() {
                let id = judge.model_id().to_string();
                let Some(k) = models.iter().position(|m| m.id == id) else {
                    let hint = closest(&id, models.iter().map(|m| m.id.as_str()))
                        .unwrap_or_else(|| "a judge is one of the suite's models".into());
                    return Err(src.hint(
                        &format!("{sf}.model"),
                        format!("unknown judge model `{id}`"),
                        hint,
                    ));
                };
                if judge.is_pairwise() && !models.iter().any(|m| m.reference) {
                    return Err(src.hint(
                        &sf,
                        "a pairwise judge compares with the reference model, but the suite has none",
                        "mark the frontier model with `role: reference`",
                    ));
                }
                // Models rate their own answers higher (self-preference,
                // Panickssery et al. 2024): a pairwise judge that is the
                // reference grades its own answers against the candidates'.
                if judge.is_pairwise() && models[k].reference && !s.allows_self_judging() {
                    return Err(src.hint(
                        &format!("{sf}.model"),
                        format!(
                            "the pairwise judge `{id}` is the reference: it would grade its own answers against the others'"
                        ),
                        "judge with a model that does not answer the task, or add `allow_self_judging: true` to accept it",
                    ));
                }
                judge.set_model(k);
            }
            if let Some(similarity) = scorer.similarity_mut() {
                // The model's folder is relative to the suite file, as a
                // local model's file is.
                let dir = src.file.parent().unwrap_or(Path::new(""));
                similarity.load(dir).map_err(|e| {
                    let hint = match e {
                        EmbedError::Missing { .. } => "fetch it with `sizeup models fetch all-minilm-l6-v2`; the path is relative to this file",
                        _ => "fetch it again with `sizeup models fetch all-minilm-l6-v2`",
                    };
                    src.hint(&format!("{sf}.model"), e.to_string(), hint)
                })?;
            }
            if scorer.needs_expected() && t.expected.is_none() {
                return Err(src.hint(
                    &sf,
                    format!(
                        "scorer `{}` compares with an expected answer, but the task has none",
                        scorer.name()
                    ),
                    "add `expected: FIELD` (a case field) or `expected: {template: ...}` to the task",
                ));
            }
            scorers.push(scorer);
        }
        if scorers.is_empty() {
            return Err(src.hint(
                &self.f("id"),
                "the task has no scorers",
                "add `scorers:` with at least one scorer, such as `- type: exact`",
            ));
        }
        let total = scorers.iter().map(Scorer::weight).sum::<f64>();
        if total <= 0.0 {
            return Err(src.at(&self.f("scorers"), "the scorers' weights add up to zero"));
        }
        // Weights that overflow would make every quality NaN, stored as none.
        if !total.is_finite() {
            return Err(src.at(
                &self.f("scorers"),
                "the scorers' weights add up to more than a number holds: use smaller weights",
            ));
        }
        Ok(scorers)
    }

    /// The bars of each judged scorer's judge, by the scorer's place.
    fn judge_bars(&self) -> Result<BTreeMap<usize, JudgeBars>, SuiteError> {
        let mut out = BTreeMap::new();
        for (j, s) in self.spec.scorers.iter().enumerate() {
            let Some((bars, given)) = s.judge_bars() else {
                continue;
            };
            for (name, value) in given {
                if let Some(v) = value {
                    check_range(
                        self.src,
                        &self.f(&format!("scorers[{j}].{name}")),
                        v,
                        0.0,
                        1.0,
                    )?;
                }
            }
            out.insert(j, bars);
        }
        Ok(out)
    }

    /// The regression thresholds over their defaults.
    fn regression(&self) -> Result<Thresholds, SuiteError> {
        let (r, src) = (&self.spec.regression, self.src);
        let mut t = Thresholds::default();
        let fields = [
            ("quality", r.quality, 1.0, &mut t.quality),
            ("latency", r.latency, f64::MAX, &mut t.latency),
            ("latency_ms", r.latency_ms, f64::MAX, &mut t.latency_ms),
            ("cost", r.cost, f64::MAX, &mut t.cost),
            ("error_rate", r.error_rate, 1.0, &mut t.error_rate),
        ];
        for (name, value, high, slot) in fields {
            if let Some(v) = value {
                check_range(src, &self.f(&format!("regression.{name}")), v, 0.0, high)?;
                *slot = v;
            }
        }
        Ok(t)
    }

    /// The quality bar, the latency objective, the generation limit and the
    /// structured-output schema.
    fn check_bars(&self) -> Result<(), SuiteError> {
        let (t, src) = (self.spec, self.src);
        if let Some(e) = t.quality.max_error_rate {
            check_range(src, &self.f("quality.max_error_rate"), e, 0.0, 1.0)?;
        }
        if let Some(m) = t.quality.margin {
            check_range(src, &self.f("quality.margin"), m, 0.0, 1.0)?;
        }
        if let Some(m) = t.quality.min {
            check_range(src, &self.f("quality.min"), m, 0.0, 1.0)?;
        }
        let objectives = [
            ("p95_latency_ms", t.slo.p95_latency_ms),
            ("p95_ttft_ms", t.slo.p95_ttft_ms),
            ("p95_tpot_ms", t.slo.p95_tpot_ms),
        ];
        for (name, value) in objectives {
            if value.is_some_and(|p| !(p.is_finite() && p > 0.0)) {
                return Err(src.at(
                    &self.f(&format!("slo.{name}")),
                    "a latency objective must be a positive number of milliseconds",
                ));
            }
        }
        if t.max_tokens == Some(0) {
            return Err(src.at(&self.f("max_tokens"), "max_tokens must be at least 1"));
        }
        if let Some(schema) = &t.structured_output {
            if let Err(e) = jsonschema::validator_for(schema) {
                return Err(src.at(
                    &self.f("structured_output"),
                    format!("not a valid JSON Schema: {e}"),
                ));
            }
        }
        Ok(())
    }

    /// Indices of the models that run the task: those it names, or all.
    fn models(&self, models: &[Model]) -> Result<Vec<usize>, SuiteError> {
        let Some(ids) = &self.spec.models else {
            return Ok((0..models.len()).collect());
        };
        let mut out = Vec::new();
        for (j, id) in ids.iter().enumerate() {
            let Some(k) = models.iter().position(|m| &m.id == id) else {
                let hint = closest(id, models.iter().map(|m| m.id.as_str())).unwrap_or_else(|| {
                    format!(
                        "the suite's models: {}",
                        models
                            .iter()
                            .map(|m| m.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
                return Err(self.src.hint(
                    &self.f(&format!("models[{j}]")),
                    format!("unknown model id `{id}`"),
                    hint,
                ));
            };
            out.push(k);
        }
        Ok(out)
    }

    /// Every case rendered, ids unique.
    fn render_cases(
        &self,
        raw: Vec<RawCase>,
        templates: &Templates,
        scorers: &[Scorer],
    ) -> Result<Vec<Case>, SuiteError> {
        let mut cases = Vec::with_capacity(raw.len());
        let mut case_ids = Ids::default();
        for (j, case) in raw.into_iter().enumerate() {
            let id = match case.fields.get("id") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => (j + 1).to_string(),
            };
            if let Some(problem) = id_problem("case", &id) {
                return Err(self
                    .case_src()
                    .error(case.pos, &self.case_field(j), problem, None));
            }
            if let Err(message) = case_ids.insert("case", &id) {
                return Err(self
                    .case_src()
                    .error(case.pos, &self.case_field(j), message, None));
            }
            cases.push(self.render_case(j, id, case, templates, scorers)?);
        }
        Ok(cases)
    }

    /// Case `j`, with id `id`: its conversation and expected answer.
    fn render_case(
        &self,
        j: usize,
        id: String,
        case: RawCase,
        templates: &Templates,
        scorers: &[Scorer],
    ) -> Result<Case, SuiteError> {
        let t = self.spec;
        let RawCase { fields, pos } = case;
        let error = |message: String| {
            self.case_src()
                .error(pos, &self.case_field(j), message, None)
        };
        let render = |name: &str| -> Result<String, SuiteError> {
            let tpl = templates.env.get_template(name).expect("compiled above");
            crate::templates::render(&tpl, &fields, self.bound).map_err(|e| {
                error(format!(
                    "case `{id}` does not render in {}: {}",
                    self.f(name),
                    e.detail().unwrap_or(&e.to_string())
                ))
            })
        };
        let mut messages = Vec::new();
        if t.system.is_some() {
            messages.push(Message {
                role: Role::System,
                content: render("system")?,
            });
        }
        messages.push(Message {
            role: Role::User,
            content: render("prompt")?,
        });
        let expected = match &t.expected {
            None => None,
            Some(ExpectedSpec::Template(_)) => Some(Value::String(render("expected")?)),
            Some(ExpectedSpec::Field(name)) => match fields.get(name) {
                Some(v) => Some(v.clone()),
                None => {
                    return Err(error(format!(
                        "case `{id}` has no field `{name}`, which the task's `expected` names"
                    )));
                }
            },
        };
        let mut scoring_fields = BTreeMap::new();
        for scorer in scorers {
            let Some(name) = scorer.case_field() else {
                continue;
            };
            let Some(Value::String(value)) = fields.get(name) else {
                return Err(error(format!(
                    "case `{id}` has no text field `{name}`, which the `{}` scorer reads",
                    scorer.name()
                )));
            };
            scorer
                .check_case_field(value)
                .map_err(|e| error(format!("case `{id}`, field `{name}`: {e}")))?;
            scoring_fields.insert(name.to_string(), value.clone());
        }
        Ok(Case {
            id,
            messages,
            expected,
            scoring_fields,
        })
    }
}

/// A template syntax error, pointing at the template's field.
fn template_error(src: &Source, field: &str, e: &minijinja::Error) -> SuiteError {
    let line = e
        .line()
        .map(|l| format!(" (template line {l})"))
        .unwrap_or_default();
    src.at(
        field,
        format!(
            "invalid template{line}: {}",
            e.detail().unwrap_or(&e.to_string())
        ),
    )
}

/// The measure a task's bars use when it names none: the pass rate when
/// every scorer is [`Scorer::structured`](crate::scorers::Scorer::structured), else the mean quality.
fn default_measure(scorers: &[Scorer]) -> QualityMeasure {
    if !scorers.is_empty() && scorers.iter().all(Scorer::structured) {
        QualityMeasure::PassRate
    } else {
        QualityMeasure::Mean
    }
}
