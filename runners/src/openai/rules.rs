//! What OpenAI's models accept: sampling and stop refused by reasoning
//! models, and the reasoning efforts each one takes.
//!
//! Sources, as of 2026-11: OpenAI's reasoning guide and the errors its API
//! returns (`Unsupported value: 'temperature' does not support 0 with this
//! model`, `Unsupported parameter: 'stop'`, the effort values each model
//! lists).

use crate::rules::{Control, Param, Rules};

const SAMPLING_AND_STOP: &[Param] = &[Param::Temperature, Param::TopP, Param::Stop];

fn openai_reasoning(
    family: &'static str,
    levels: &'static [&'static str],
    default: &'static str,
) -> Rules {
    Rules {
        family,
        refuses: SAMPLING_AND_STOP,
        refuses_when_reasoning: &[],
        temperature_or_top_p: false,
        reasoning: Some(Control::Effort {
            levels,
            default,
            off: levels.contains(&"none").then_some("none"),
        }),
    }
}

/// The rules of an OpenAI model (an Azure deployment is usually named
/// after its model); a model this table does not know gets [`Rules::OPEN`].
pub fn rules(model: &str) -> Rules {
    // The first o1 releases reason at a fixed effort and refuse `reasoning_effort`.
    if model.starts_with("o1-mini") || model.starts_with("o1-preview") {
        return openai_reasoning("OpenAI's o1-mini and o1-preview", &[], "medium");
    }
    if model.starts_with("o1") || model.starts_with("o3") || model.starts_with("o4") {
        return openai_reasoning(
            "OpenAI's o-series reasoning models",
            &["low", "medium", "high"],
            "medium",
        );
    }
    let Some(rest) = model.strip_prefix("gpt-5") else {
        return Rules::OPEN;
    };
    // The chat snapshots are not reasoning models and take every sampling parameter.
    if rest.contains("-chat") {
        return Rules::OPEN;
    }
    if rest.starts_with("-pro") {
        return openai_reasoning("GPT-5 pro models", &["high"], "high");
    }
    let minor = rest
        .strip_prefix('.')
        .map(|r| {
            r.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|d| d.parse::<u32>().ok());
    match minor {
        None => openai_reasoning(
            "GPT-5 reasoning models",
            &["minimal", "low", "medium", "high"],
            "medium",
        ),
        Some(1) => openai_reasoning(
            "GPT-5.1 reasoning models",
            &["none", "low", "medium", "high"],
            "none",
        ),
        Some(_) => openai_reasoning(
            "GPT-5.2 and later reasoning models",
            &["none", "low", "medium", "high", "xhigh"],
            "none",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn effort_levels(r: Rules) -> Vec<&'static str> {
        match r.reasoning {
            Some(Control::Effort { levels, .. }) => levels.to_vec(),
            _ => vec![],
        }
    }

    #[test]
    fn openai_reasoning_models_refuse_sampling_and_stop_and_name_their_efforts() {
        for m in [
            "gpt-5-mini",
            "gpt-5",
            "gpt-5-nano-2025-08-07",
            "o3",
            "o4-mini",
        ] {
            let r = rules(m);
            assert_eq!(r.refuses, SAMPLING_AND_STOP, "{m}");
            assert!(r.reasons(None, None), "{m} reasons by default");
        }
        assert_eq!(
            effort_levels(rules("gpt-5-mini")),
            ["minimal", "low", "medium", "high"]
        );
        let five_one = rules("gpt-5.1");
        assert_eq!(effort_levels(five_one), ["none", "low", "medium", "high"]);
        assert!(!five_one.reasons(None, None), "gpt-5.1 defaults to none");
        assert!(five_one.reasons(Some("low"), None));
        assert!(effort_levels(rules("gpt-5.4-mini")).contains(&"xhigh"));
        assert_eq!(effort_levels(rules("gpt-5-pro")), ["high"]);
        let o1_mini = rules("o1-mini");
        assert!(effort_levels(o1_mini).is_empty() && o1_mini.reasons(None, None));
        for m in ["gpt-5-chat-latest", "gpt-4.1-mini", "gpt-4o"] {
            assert_eq!(rules(m), Rules::OPEN, "{m}");
        }
    }
}
