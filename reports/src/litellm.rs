//! The decision, shipped: a LiteLLM proxy configuration (`model_list`) with
//! one alias per task, pointing at the model the task's verdict recommends,
//! so a gateway routes each workload to it. Keys appear as the name of
//! their environment variable (`os.environ/NAME`), never as values.

use crate::{ModelInfo, Outcome, RenderError, ReportModel};
use serde::Serialize;
use sizeup_runners::Provider;

#[derive(Serialize)]
struct Config {
    model_list: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    model_name: String,
    litellm_params: Params,
}

#[derive(Serialize)]
struct Params {
    model: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_base: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key: Option<String>,
}

/// LiteLLM's name for `model` (`provider/model`), or why it has none.
fn params(model: &ModelInfo) -> Result<Params, String> {
    let provider = Provider::parse(&model.provider);
    let Some((api, prefix)) = provider.and_then(|p| Some((p.api(), p.api().litellm_route?))) else {
        return Err(match provider {
            Some(p) if p.in_process() => format!(
                "`{}` runs in-process ({}): serve it with an OpenAI-compatible server such as \
                 llama.cpp's llama-server and add it here as openai/<name> with its api_base",
                model.id, model.model
            ),
            _ => format!(
                "`{}` has provider `{}`, unknown to LiteLLM",
                model.id, model.provider
            ),
        });
    };
    Ok(Params {
        model: format!("{prefix}/{}", model.model),
        // The provider's public endpoint is LiteLLM's default; any other (a
        // proxy, a gateway, a server) must be named.
        api_base: model
            .base_url
            .clone()
            .filter(|url| api.base_url != Some(url.trim_end_matches('/'))),
        api_version: model.api_version.clone(),
        api_key: model
            .api_key_env
            .as_ref()
            .map(|name| format!("os.environ/{name}")),
    })
}

/// The litellm format.
pub struct Litellm;

impl crate::Output for Litellm {
    fn name(&self) -> &'static str {
        "litellm"
    }

    fn about(&self) -> &'static str {
        "A LiteLLM proxy configuration routing each task to its recommended model"
    }

    fn run_flag(&self) -> Option<&'static str> {
        None
    }

    fn render(&self, report: &ReportModel) -> Result<String, RenderError> {
        render(report)
    }
}

/// Renders the configuration; tasks with no recommended model, or whose
/// recommended model LiteLLM cannot reach, are listed in a comment at the
/// top, with why.
pub fn render(report: &ReportModel) -> Result<String, RenderError> {
    let mut notes = Vec::new();
    let mut model_list = Vec::new();
    for v in &report.verdicts {
        let Some(recommended) = &v.recommended else {
            notes.push(format!(
                "# {}: no alias: {}",
                v.task,
                match v.outcome {
                    Outcome::NoneAdequate => "no adequate model among those tested",
                    _ => "no model can be recommended yet (the verdict is inconclusive)",
                }
            ));
            continue;
        };
        let Some(model) = report.models.iter().find(|m| &m.id == recommended) else {
            continue;
        };
        match params(model) {
            Ok(litellm_params) => model_list.push(Entry {
                model_name: v.task.clone(),
                litellm_params,
            }),
            Err(why) => notes.push(format!("# {}: {why}", v.task)),
        }
    }
    let yaml = yaml_serde::to_string(&Config { model_list })
        .map_err(|e| RenderError::Yaml(e.to_string()))?;
    let mut out = format!(
        "# LiteLLM proxy configuration written by sizeup from run {}: one alias per task,\n\
         # routed to the model its verdict recommends.\n",
        report.run.id
    );
    for note in notes {
        out.push_str(&note.replace('\n', " "));
        out.push('\n');
    }
    out.push_str(&yaml);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(id: &str, provider: &str, name: &str, base_url: Option<&str>) -> ModelInfo {
        ModelInfo {
            id: id.into(),
            provider: provider.into(),
            model: name.into(),
            role: None,
            base_url: base_url.map(String::from),
            api_version: (provider == "azure_openai").then(|| "2024-10-21".into()),
            api_key_env: (provider != "local").then(|| format!("{}_KEY", id.to_uppercase())),
        }
    }

    #[test]
    fn each_task_routes_to_its_recommended_model_with_key_names_only() {
        let models = vec![
            model("big", "openai", "gpt-4o", Some("https://api.openai.com/v1")),
            model(
                "proxied",
                "anthropic",
                "claude-x",
                Some("https://proxy.corp/anthropic/v1"),
            ),
            model(
                "az",
                "azure_openai",
                "triage-deploy",
                Some("https://x.openai.azure.com"),
            ),
            model(
                "vllm",
                "openai_compatible",
                "Qwen/Qwen2.5-7B",
                Some("http://10.0.0.5:8000/v1"),
            ),
            model("tiny", "local", "/models/smollm2.gguf", None),
        ];
        let mut verdicts: Vec<serde_json::Value> = ["az", "vllm", "big", "tiny", "proxied"]
            .iter()
            .enumerate()
            .map(|(i, m)| {
                serde_json::json!({
                    "task": format!("task-{i}"), "outcome": "cheaper", "reference": "big",
                    "reference_by_quality": false, "recommended": m, "sentence": "",
                    "reference_monthly_usd": null, "recommended_monthly_usd": null,
                    "cases_needed": null
                })
            })
            .collect();
        verdicts.push(serde_json::json!({
            "task": "task-5", "outcome": "none_adequate", "reference": "big",
            "reference_by_quality": false, "recommended": null, "sentence": "",
            "reference_monthly_usd": null, "recommended_monthly_usd": null, "cases_needed": null
        }));
        let report: ReportModel = serde_json::from_value(serde_json::json!({
            "format_version": crate::FORMAT_VERSION,
            "run": {"id": "r1", "suite": "s", "suite_path": "/s.yaml", "started_at": "t",
                    "finished_at": null, "status": "finished", "trials_planned": 0,
                    "trials_done": 0, "cost_usd": 0.0, "failure_cost_usd": 0.0},
            "models": models, "tasks": [], "cells": [], "verdicts": verdicts,
            "portfolio": crate::Portfolio::default(), "trials": []
        }))
        .unwrap();
        let text = render(&report).unwrap();
        assert!(text.contains("# task-3: `tiny` runs in-process"), "{text}");
        assert!(
            text.contains("# task-5: no alias: no adequate model among those tested\n"),
            "{text}"
        );
        let yaml: serde_json::Value = yaml_serde::from_str(&text).unwrap();
        let list = yaml["model_list"].as_array().unwrap();
        assert_eq!(list.len(), 4);
        assert_eq!(list[3]["litellm_params"]["model"], "anthropic/claude-x");
        assert_eq!(
            list[3]["litellm_params"]["api_base"],
            "https://proxy.corp/anthropic/v1"
        );
        assert_eq!(list[0]["model_name"], "task-0");
        assert_eq!(list[0]["litellm_params"]["model"], "azure/triage-deploy");
        assert_eq!(
            list[0]["litellm_params"]["api_base"],
            "https://x.openai.azure.com"
        );
        assert_eq!(list[0]["litellm_params"]["api_version"], "2024-10-21");
        assert_eq!(list[0]["litellm_params"]["api_key"], "os.environ/AZ_KEY");
        assert_eq!(list[1]["litellm_params"]["model"], "openai/Qwen/Qwen2.5-7B");
        assert_eq!(
            list[1]["litellm_params"]["api_base"],
            "http://10.0.0.5:8000/v1"
        );
        assert_eq!(list[2]["litellm_params"]["model"], "openai/gpt-4o");
        assert!(list[2]["litellm_params"].get("api_base").is_none());
    }
}
