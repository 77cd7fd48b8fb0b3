//! The parameter rules of one model: the generation parameters its API
//! refuses with HTTP 400, and how its reasoning is set. Reasoning tokens
//! count against the output limit with all three hosted APIs, so a
//! reasoning model can spend a small `max_tokens` before it writes a word.
//! Each provider's module holds its own table and its sources.

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
