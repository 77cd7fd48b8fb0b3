//! Counting tokens before anything is sent: exactly with OpenAI's own
//! encodings and with a local model's own tokenizer and chat template, by a
//! stated approximation otherwise, and as a strict upper bound when money
//! is reserved against a budget.

use crate::suite::Model;
use sizeup_runners::local::Prompter;
use sizeup_runners::{Message, Tokenizer};
use std::path::Path;
use tiktoken_rs::CoreBPE;

/// Counts the prompt and answer tokens of one model.
pub enum Counter {
    /// An OpenAI encoding (`o200k_base`, `cl100k_base`, …), via tiktoken.
    Exact {
        /// The encoding's name, for display.
        name: String,
        /// The encoder.
        bpe: Box<CoreBPE>,
    },
    /// A local model's own tokenizer and chat template.
    Local(Box<Prompter>),
    /// About four characters a token, the usual rule for English text.
    Approximate,
}

impl Counter {
    /// The counter for `model`: exact for OpenAI and Azure models whose
    /// encoding tiktoken knows, approximate for everything else.
    pub fn for_model(model: &Model) -> Self {
        match model.provider.api().tokenizer {
            Tokenizer::Gguf => {
                return Prompter::open(Path::new(&model.model), model.chat_template.as_deref())
                    .map_or(Self::Approximate, |p| Self::Local(Box::new(p)))
            }
            Tokenizer::Unknown => return Self::Approximate,
            Tokenizer::Tiktoken => {}
        }
        let Some(tokenizer) = tiktoken_rs::tokenizer::get_tokenizer(&model.model) else {
            return Self::Approximate;
        };
        match tiktoken_rs::get_bpe_from_tokenizer(tokenizer) {
            Ok(bpe) => Self::Exact {
                name: format!("{tokenizer:?}"),
                bpe: Box::new(bpe),
            },
            Err(_) => Self::Approximate,
        }
    }

    /// How the counts are made, for display.
    pub fn method(&self) -> String {
        match self {
            Self::Exact { name, .. } => format!("tiktoken {name}"),
            Self::Local(_) => "the model's tokenizer".to_string(),
            Self::Approximate => "≈ 4 characters a token".to_string(),
        }
    }

    /// Tokens of a piece of text.
    pub fn text(&self, text: &str) -> u64 {
        match self {
            Self::Exact { bpe, .. } => bpe.encode_ordinary(text).len() as u64,
            Self::Local(p) => {
                let t = p.tokenizer();
                match t.encode(text) {
                    // Without the beginning-of-sequence token a prompt starts with.
                    Ok(ids) => {
                        (ids.len() - usize::from(t.add_bos && ids.first() == t.bos.as_ref())) as u64
                    }
                    Err(_) => (text.chars().count() as u64).div_ceil(4),
                }
            }
            Self::Approximate => (text.chars().count() as u64).div_ceil(4),
        }
    }

    /// Prompt tokens of a conversation: a local model's rendered template,
    /// or with the chat format's overhead of three tokens a message plus the
    /// role, and three that prime the reply (OpenAI's published accounting).
    pub fn prompt(&self, messages: &[Message]) -> u64 {
        if let Self::Local(p) = self {
            if let Ok(ids) = p.tokens(messages) {
                return ids.len() as u64;
            }
        }
        messages
            .iter()
            .map(|m| 3 + self.text(role(m)) + self.text(&m.content))
            .sum::<u64>()
            + 3
    }
}

fn role(m: &Message) -> &'static str {
    match m.role {
        sizeup_runners::Role::System => "system",
        sizeup_runners::Role::User => "user",
        sizeup_runners::Role::Assistant => "assistant",
    }
}

/// A count no tokenizer can exceed: every token of a byte-level or
/// byte-fallback vocabulary covers at least one byte, and each message's
/// framing is given a generous 16 tokens.
pub fn prompt_upper_bound(messages: &[Message]) -> u64 {
    messages
        .iter()
        .map(|m| m.content.len() as u64 + 16)
        .sum::<u64>()
        + 16
}

#[cfg(test)]
mod tests {
    use super::*;
    use sizeup_runners::Role;

    fn message(content: &str) -> Message {
        Message {
            role: Role::User,
            content: content.into(),
        }
    }

    #[test]
    fn openai_prompts_are_counted_with_the_model_encoding() {
        let bpe = tiktoken_rs::o200k_base().unwrap();
        let counter = Counter::Exact {
            name: "O200kBase".into(),
            bpe: Box::new(bpe),
        };
        // "hello world" is two tokens in o200k_base; "user" is one.
        assert_eq!(counter.text("hello world"), 2);
        assert_eq!(counter.prompt(&[message("hello world")]), 3 + 1 + 2 + 3);
        assert_eq!(Counter::Approximate.text("abcdefghi"), 3);
    }

    #[test]
    fn the_upper_bound_is_above_every_count() {
        let messages = [message("Ünïcödé 🦀 and   spaces\n\tcode(); 12345678")];
        let bound = prompt_upper_bound(&messages);
        let exact = Counter::Exact {
            name: "cl100k".into(),
            bpe: Box::new(tiktoken_rs::cl100k_base().unwrap()),
        };
        assert!(bound >= exact.prompt(&messages));
        assert!(bound >= Counter::Approximate.prompt(&messages));
    }
}
