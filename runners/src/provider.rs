//! [`Provider`]: what sizeup knows of each API besides its wire format (its
//! name in suite files, public endpoint, key variable, price-book name,
//! parameter rules, tokenizer) and how its runner is built. Each provider's
//! module describes itself in one [`Api`]; [`Provider::ALL`] lists them, so
//! the harness asks a provider what it can do instead of matching on it.

use crate::rules::Rules;
use crate::{anthropic, gemini, local, openai, ApiKey, Runner};
use std::fmt;

/// Where a provider's model runs, which decides how it is priced and paced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A vendor's service, priced per token.
    Hosted,
    /// A server the user runs, priced by the hour of its machine.
    SelfHosted,
    /// This process: never retried nor held back by a rate limit, and it has
    /// its device to itself while it generates.
    InProcess,
}

/// How prompt tokens are counted before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tokenizer {
    /// OpenAI's encodings, via tiktoken, for the models it knows.
    Tiktoken,
    /// The GGUF file's own tokenizer and chat template.
    Gguf,
    /// No tokenizer at hand: estimated.
    Unknown,
}

/// What one model is, for building its runner.
#[derive(Debug, Clone)]
pub struct Target {
    /// The client whose connections HTTP runners share.
    pub client: reqwest::Client,
    /// Endpoint root (empty in-process).
    pub base_url: String,
    /// The provider's model name; in-process, the model file.
    pub model: String,
    /// The key, when the API wants one.
    pub api_key: Option<ApiKey>,
    /// Ask for a stream.
    pub stream: bool,
    /// The API version, for a provider that takes one.
    pub api_version: String,
    /// In-process: `cpu` or `cuda:N`.
    pub device: String,
    /// In-process: a chat template replacing the file's.
    pub chat_template: Option<String>,
}

/// Why a runner could not be built (an HTTP runner always can be).
pub type BuildError = Box<dyn std::error::Error + Send + Sync>;

/// Everything sizeup knows of one API besides its wire format.
pub struct Api {
    /// The name used in suite files and price books.
    pub name: &'static str,
    /// Where its models run.
    pub location: Location,
    /// The public endpoint, for a provider that has one.
    pub base_url: Option<&'static str>,
    /// An endpoint to show when a model gives none and there is no public
    /// one (empty where models have no endpoint).
    pub base_url_example: &'static str,
    /// The variable that holds the key when a model names none.
    pub key_env: Option<&'static str>,
    /// The API version a suite may set, and the one used when a model names
    /// none; `None` for a provider whose version is not the suite's to set.
    pub api_version: Option<&'static str>,
    /// The provider's name in LiteLLM's price map, where it lists one.
    pub litellm_name: Option<&'static str>,
    /// The prefix LiteLLM routes the provider's models with (`openai/…`),
    /// where LiteLLM can reach them.
    pub litellm_route: Option<&'static str>,
    /// How its prompts are counted.
    pub tokenizer: Tokenizer,
    /// The parameter rules of a model, by the provider's model name.
    pub rules: fn(&str) -> Rules,
    /// Builds the runner of one model.
    pub build: fn(Target) -> Result<Box<dyn Runner>, BuildError>,
}

/// A provider: one of [`Provider::ALL`].
#[derive(Clone, Copy)]
pub struct Provider(&'static Api);

impl Provider {
    /// Every provider, in the order error messages list them.
    pub const ALL: [Self; 6] = [
        Self(&openai::OPENAI),
        Self(&openai::AZURE_OPENAI),
        Self(&anthropic::ANTHROPIC),
        Self(&gemini::GEMINI),
        Self(&openai::COMPATIBLE),
        Self(&local::LOCAL),
    ];

    /// The provider a suite file names.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.0.name == name)
    }

    /// The name used in suite files.
    pub fn as_str(self) -> &'static str {
        self.0.name
    }

    /// What sizeup knows of it.
    pub fn api(self) -> &'static Api {
        self.0
    }

    /// Whether its models run in this process.
    pub fn in_process(self) -> bool {
        self.0.location == Location::InProcess
    }

    /// The parameter rules of `model`; a model its table does not know gets
    /// [`Rules::OPEN`].
    pub fn rules(self, model: &str) -> Rules {
        (self.0.rules)(model)
    }

    /// Builds the runner of one model.
    pub fn build(self, target: Target) -> Result<Box<dyn Runner>, BuildError> {
        (self.0.build)(target)
    }
}

impl PartialEq for Provider {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Provider {}

impl fmt::Debug for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

/// The rules of an API that refuses nothing sizeup sends.
pub(crate) fn open_rules(_model: &str) -> Rules {
    Rules::OPEN
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Control;

    #[test]
    fn names_are_unique_and_read_back() {
        for p in Provider::ALL {
            assert_eq!(Provider::parse(p.as_str()), Some(p));
        }
        let mut names = Provider::ALL.map(Provider::as_str);
        names.sort_unstable();
        assert!(names.windows(2).all(|w| w[0] != w[1]), "{names:?}");
        assert_eq!(Provider::parse("OpenAI"), None);
    }

    #[test]
    fn each_provider_answers_with_its_own_table() {
        let p = |name| Provider::parse(name).unwrap();
        // An Azure deployment is usually named after its model.
        let azure = p("azure_openai").rules("gpt-5.1");
        assert!(matches!(azure.reasoning, Some(Control::Effort { .. })));
        assert_eq!(p("openai").rules("gpt-5.1"), azure);
        assert!(
            p("anthropic")
                .rules("claude-sonnet-4-5")
                .temperature_or_top_p
        );
        assert!(p("gemini").rules("gemini-2.5-flash").reasoning.is_some());
        for open in ["openai_compatible", "local"] {
            assert_eq!(p(open).rules("gpt-5"), Rules::OPEN, "{open}");
        }
        assert!(p("local").in_process() && !p("openai_compatible").in_process());
    }
}
