//! What Claude models accept: extended thinking with a budget, and which
//! parameters it excludes.
//!
//! Sources, as of 2026-11: Anthropic's extended thinking guide (a budget of
//! at least 1,024 tokens, no `temperature` or `top_k` while thinking) and
//! the 400 Claude 4.5 models return when both `temperature` and `top_p` are
//! set.

use crate::rules::{Control, Param, Rules};

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

/// The rules of a Claude model; a model this table does not know gets
/// [`Rules::OPEN`].
pub fn rules(model: &str) -> Rules {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claude_thinks_on_request_and_newer_models_take_one_of_temperature_and_top_p() {
        assert_eq!(claude_version("claude-sonnet-4-5-20250929"), Some((4, 5)));
        assert_eq!(claude_version("claude-sonnet-4-20250514"), Some((4, 0)));
        assert_eq!(claude_version("claude-3-7-sonnet-latest"), Some((3, 7)));
        let sonnet = rules("claude-sonnet-4-5");
        assert!(sonnet.temperature_or_top_p);
        assert!(!sonnet.reasons(None, None));
        assert!(sonnet.reasons(None, Some(2048)));
        assert_eq!(
            sonnet.refused(true).collect::<Vec<_>>(),
            [Param::Temperature, Param::TopP, Param::TopK]
        );
        assert_eq!(sonnet.refused(false).count(), 0);
        assert!(rules("claude-opus-4-1").temperature_or_top_p);
        let sonnet4 = rules("claude-sonnet-4-20250514");
        assert!(!sonnet4.temperature_or_top_p);
        assert!(sonnet4.reasoning.is_some());
        assert!(rules("claude-3-5-haiku-latest").reasoning.is_none());
    }
}
