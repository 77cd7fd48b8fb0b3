//! What each provider's models accept: the generation parameters an API
//! refuses with HTTP 400, and how a model's reasoning is set. Reasoning
//! tokens count against the output limit with all three providers, so a
//! reasoning model can spend a small `max_tokens` before it writes a word.
//!
//! Sources, as of 2026-11: OpenAI's reasoning guide and the errors its API
//! returns (`Unsupported value: 'temperature' does not support 0 with this
//! model`, `Unsupported parameter: 'stop'`, the effort values each model
//! lists); Google's Gemini thinking guide (budgets per 2.5 model, levels for
//! Gemini 3); Anthropic's extended thinking guide (a budget of at least 1,024
//! tokens, no `temperature` or `top_k` while thinking) and the 400 Claude 4.5
//! models return when both `temperature` and `top_p` are set.

use super::provider::Provider;

/// A generation parameter an API may refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// `temperature`.
    Temperature,
    /// `top_p`.
    TopP,
    /// `top_k`.
    TopK,
    /// Stop sequences.
    Stop,
}

impl Param {
    /// The name used in suite files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Temperature => "temperature",
            Self::TopP => "top_p",
            Self::TopK => "top_k",
            Self::Stop => "stop",
        }
    }
}

/// How a model's reasoning is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A named effort: OpenAI's `reasoning_effort`, Gemini 3's `thinkingLevel`.
    Effort {
        /// The values the model accepts.
        levels: &'static [&'static str],
        /// What the model does when none is sent.
        default: &'static str,
        /// The value that turns reasoning off, where one does.
        off: Option<&'static str>,
    },
    /// A token budget: Gemini 2.5's `thinkingBudget`, Anthropic's
    /// `thinking.budget_tokens`.
    Budget {
        /// The smallest budget that turns reasoning on.
        min: u32,
        /// The largest budget accepted.
        max: u32,
        /// Whether a budget of 0 (or, for Anthropic, none) turns it off.
        can_turn_off: bool,
        /// Whether the model reasons when no budget is sent.
        on_by_default: bool,
    },
}

/// The parameter rules of one model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// The family, as warnings name it.
    pub family: &'static str,
    /// Parameters the API refuses, so they are never sent.
    pub refuses: &'static [Param],
    /// Parameters refused while the model reasons.
    pub refuses_when_reasoning: &'static [Param],
    /// `temperature` and `top_p` are each accepted, but not together.
    pub temperature_or_top_p: bool,
    /// How reasoning is set, for a model that reasons.
    pub reasoning: Option<Control>,
}

impl Rules {
    /// A model with no known restrictions.
    pub const OPEN: Self = Self {
        family: "",
        refuses: &[],
        refuses_when_reasoning: &[],
        temperature_or_top_p: false,
        reasoning: None,
    };

    /// Whether the model reasons with `effort` or `budget` set as given
    /// (`None` leaves the model's default).
    pub fn reasons(&self, effort: Option<&str>, budget: Option<u32>) -> bool {
        match self.reasoning {
            None => false,
            Some(Control::Effort { default, off, .. }) => Some(effort.unwrap_or(default)) != off,
            Some(Control::Budget { on_by_default, .. }) => budget.map_or(on_by_default, |b| b > 0),
        }
    }

    /// The parameters not sent with reasoning as given.
    pub fn refused(&self, reasoning: bool) -> impl Iterator<Item = Param> + '_ {
        let extra: &[Param] = if reasoning {
            self.refuses_when_reasoning
        } else {
            &[]
        };
        self.refuses.iter().chain(extra).copied()
    }
}

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

/// The rules of `model` (the provider's model name) at `provider`; a model
/// this table does not know gets [`Rules::OPEN`].
pub fn rules(provider: Provider, model: &str) -> Rules {
    match provider {
        // An Azure deployment is usually named after its model.
        Provider::OpenAi | Provider::AzureOpenAi => openai(model),
        Provider::Anthropic => anthropic(model),
        Provider::Gemini => gemini(model),
        Provider::OpenAiCompatible | Provider::Local => Rules::OPEN,
    }
}

fn openai(model: &str) -> Rules {
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

/// Claude's version from `claude-{tier}-{major}[-{minor}][-{date}]` or the
/// older `claude-{major}-{minor}-{tier}`.
fn claude_version(model: &str) -> Option<(u32, u32)> {
    let rest = model.strip_prefix("claude-")?;
    let numbers: Vec<u32> = rest
        .split('-')
        .filter(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|p| p.parse().ok())
        .collect();
    Some((*numbers.first()?, numbers.get(1).copied().unwrap_or(0)))
}

fn anthropic(model: &str) -> Rules {
    let Some(version) = claude_version(model) else {
        return Rules::OPEN;
    };
    // Extended thinking came with Claude 3.7 Sonnet.
    let thinks = version >= (4, 0) || model.contains("3-7-sonnet");
    // From Claude 4.5 (and Opus 4.1), `temperature` and `top_p` exclude each other.
    let exclusive = version >= (4, 5) || (model.contains("opus") && version >= (4, 1));
    Rules {
        family: "Claude",
        refuses: &[],
        refuses_when_reasoning: &[Param::Temperature, Param::TopP, Param::TopK],
        temperature_or_top_p: exclusive,
        reasoning: thinks.then_some(Control::Budget {
            min: 1024,
            max: u32::MAX,
            can_turn_off: true,
            on_by_default: false,
        }),
    }
}

fn gemini(model: &str) -> Rules {
    let budget = |family, min, max, can_turn_off, on_by_default| Rules {
        family,
        reasoning: Some(Control::Budget {
            min,
            max,
            can_turn_off,
            on_by_default,
        }),
        ..Rules::OPEN
    };
    let level = |family, levels, default| Rules {
        family,
        reasoning: Some(Control::Effort {
            levels,
            default,
            off: None,
        }),
        ..Rules::OPEN
    };
    if model.starts_with("gemini-2.5-pro") {
        budget("Gemini 2.5 Pro", 128, 32_768, false, true)
    } else if model.starts_with("gemini-2.5-flash-lite") {
        budget("Gemini 2.5 Flash-Lite", 512, 24_576, true, false)
    } else if model.starts_with("gemini-2.5-flash") {
        budget("Gemini 2.5 Flash", 1, 24_576, true, true)
    } else if model.starts_with("gemini-3") && model.contains("-pro") {
        level("Gemini 3 Pro", &["low", "high"], "high")
    } else if model.starts_with("gemini-3") {
        level(
            "Gemini 3 Flash",
            &["minimal", "low", "medium", "high"],
            "high",
        )
    } else {
        Rules::OPEN
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
            let r = rules(Provider::OpenAi, m);
            assert_eq!(r.refuses, SAMPLING_AND_STOP, "{m}");
            assert!(r.reasons(None, None), "{m} reasons by default");
        }
        assert_eq!(
            effort_levels(rules(Provider::OpenAi, "gpt-5-mini")),
            ["minimal", "low", "medium", "high"]
        );
        let five_one = rules(Provider::AzureOpenAi, "gpt-5.1");
        assert_eq!(effort_levels(five_one), ["none", "low", "medium", "high"]);
        assert!(!five_one.reasons(None, None), "gpt-5.1 defaults to none");
        assert!(five_one.reasons(Some("low"), None));
        assert!(effort_levels(rules(Provider::OpenAi, "gpt-5.4-mini")).contains(&"xhigh"));
        assert_eq!(
            effort_levels(rules(Provider::OpenAi, "gpt-5-pro")),
            ["high"]
        );
        let o1_mini = rules(Provider::OpenAi, "o1-mini");
        assert!(effort_levels(o1_mini).is_empty() && o1_mini.reasons(None, None));
        for m in ["gpt-5-chat-latest", "gpt-4.1-mini", "gpt-4o"] {
            assert_eq!(rules(Provider::OpenAi, m), Rules::OPEN, "{m}");
        }
        assert_eq!(rules(Provider::OpenAiCompatible, "gpt-5"), Rules::OPEN);
    }

    #[test]
    fn gemini_budgets_and_levels_follow_each_model() {
        let flash = rules(Provider::Gemini, "gemini-2.5-flash");
        assert!(flash.reasons(None, None), "2.5 Flash thinks by default");
        assert!(!flash.reasons(None, Some(0)));
        let lite = rules(Provider::Gemini, "gemini-2.5-flash-lite");
        assert!(!lite.reasons(None, None), "Flash-Lite does not by default");
        assert_eq!(
            lite.reasoning,
            Some(Control::Budget {
                min: 512,
                max: 24_576,
                can_turn_off: true,
                on_by_default: false
            })
        );
        let pro = rules(Provider::Gemini, "gemini-2.5-pro");
        assert!(matches!(
            pro.reasoning,
            Some(Control::Budget {
                min: 128,
                max: 32_768,
                can_turn_off: false,
                ..
            })
        ));
        assert_eq!(
            effort_levels(rules(Provider::Gemini, "gemini-3-pro-preview")),
            ["low", "high"]
        );
        assert_eq!(rules(Provider::Gemini, "gemini-2.0-flash"), Rules::OPEN);
    }

    #[test]
    fn claude_thinks_on_request_and_newer_models_take_one_of_temperature_and_top_p() {
        assert_eq!(claude_version("claude-sonnet-4-5-20250929"), Some((4, 5)));
        assert_eq!(claude_version("claude-sonnet-4-20250514"), Some((4, 0)));
        assert_eq!(claude_version("claude-3-7-sonnet-latest"), Some((3, 7)));
        let sonnet = rules(Provider::Anthropic, "claude-sonnet-4-5");
        assert!(sonnet.temperature_or_top_p);
        assert!(!sonnet.reasons(None, None));
        assert!(sonnet.reasons(None, Some(2048)));
        assert_eq!(
            sonnet.refused(true).collect::<Vec<_>>(),
            [Param::Temperature, Param::TopP, Param::TopK]
        );
        assert_eq!(sonnet.refused(false).count(), 0);
        assert!(rules(Provider::Anthropic, "claude-opus-4-1").temperature_or_top_p);
        let sonnet4 = rules(Provider::Anthropic, "claude-sonnet-4-20250514");
        assert!(!sonnet4.temperature_or_top_p);
        assert!(sonnet4.reasoning.is_some());
        assert!(rules(Provider::Anthropic, "claude-3-5-haiku-latest")
            .reasoning
            .is_none());
    }
}
