//! What Gemini models accept: a thinking budget (2.5) or level (3).
//!
//! Sources, as of 2026-11: Google's Gemini thinking guide (budgets per 2.5
//! model, levels for Gemini 3).

use crate::rules::{Control, Rules};

/// The rules of a Gemini model; a model this table does not know gets
/// [`Rules::OPEN`].
pub fn rules(model: &str) -> Rules {
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
    fn gemini_budgets_and_levels_follow_each_model() {
        let flash = rules("gemini-2.5-flash");
        assert!(flash.reasons(None, None), "2.5 Flash thinks by default");
        assert!(!flash.reasons(None, Some(0)));
        let lite = rules("gemini-2.5-flash-lite");
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
        let pro = rules("gemini-2.5-pro");
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
            effort_levels(rules("gemini-3-pro-preview")),
            ["low", "high"]
        );
        assert_eq!(rules("gemini-2.0-flash"), Rules::OPEN);
    }
}
