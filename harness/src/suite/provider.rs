//! [`Provider`]: how a model is reached, with what sizeup knows of each
//! API that a suite relies on (its name in suite files, its public endpoint,
//! the variable that holds its key).

/// How a model is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// OpenAI's Chat Completions API.
    OpenAi,
    /// Azure OpenAI: Chat Completions on a deployment.
    AzureOpenAi,
    /// Anthropic's Messages API.
    Anthropic,
    /// Google's Gemini API.
    Gemini,
    /// Any server that speaks Chat Completions (vLLM, TGI, llama.cpp, Ollama, LiteLLM).
    OpenAiCompatible,
    /// A GGUF file run in-process.
    Local,
}

impl Provider {
    pub(super) const ALL: [Self; 6] = [
        Self::OpenAi,
        Self::AzureOpenAi,
        Self::Anthropic,
        Self::Gemini,
        Self::OpenAiCompatible,
        Self::Local,
    ];

    pub(super) fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// Whether the model runs in this process: it is never retried nor
    /// held back by a rate limit, and it has its device to itself while it
    /// generates (other requests wait their turn), so its own generation
    /// time is the time it keeps the hardware busy.
    pub fn in_process(self) -> bool {
        self == Self::Local
    }

    /// The name used in suite files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OpenAi => "openai",
            Self::AzureOpenAi => "azure_openai",
            Self::Anthropic => "anthropic",
            Self::Gemini => "gemini",
            Self::OpenAiCompatible => "openai_compatible",
            Self::Local => "local",
        }
    }

    /// The public endpoint, for providers that have one.
    pub(super) fn default_base_url(self) -> Option<&'static str> {
        match self {
            Self::OpenAi => Some("https://api.openai.com/v1"),
            Self::Anthropic => Some("https://api.anthropic.com/v1"),
            Self::Gemini => Some("https://generativelanguage.googleapis.com/v1beta"),
            Self::AzureOpenAi | Self::OpenAiCompatible | Self::Local => None,
        }
    }

    /// The variable that holds the key when the model names none.
    pub(super) fn default_key_env(self) -> Option<&'static str> {
        match self {
            Self::OpenAi => Some("OPENAI_API_KEY"),
            Self::AzureOpenAi => Some("AZURE_OPENAI_API_KEY"),
            Self::Anthropic => Some("ANTHROPIC_API_KEY"),
            Self::Gemini => Some("GEMINI_API_KEY"),
            Self::OpenAiCompatible | Self::Local => None,
        }
    }
}
