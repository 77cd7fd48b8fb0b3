//! Loading a GGUF file into the candle model its architecture names.

use super::gemma3::Gemma3;
use candle_core::quantized::gguf_file::Content;
use candle_core::{Device, Tensor};
use candle_transformers::models::{quantized_llama, quantized_qwen2, quantized_qwen3};
use std::fs::File;
use std::io::BufReader;

/// Architectures this build can run, as `general.architecture` names them.
pub const SUPPORTED: [&str; 4] = ["llama", "qwen2", "qwen3", "gemma3"];

/// How many positions (prompt and generated tokens together) a model of
/// `arch` can attend to: the file's `{arch}.context_length`, and for `llama`
/// at most the 4,096 positions candle's model code holds rotary tables for.
/// Every architecture here fails with an error, not a wrong answer, past it
/// (its rotary tables end there), so requests are held to it beforehand.
pub fn context_length(arch: &str, content: &Content) -> Result<usize, String> {
    let key = format!("{arch}.context_length");
    let declared = match content.metadata.get(&key) {
        None => None,
        Some(v) => {
            let n = v
                .to_u32()
                .map(u64::from)
                .or_else(|_| v.to_u64())
                .map_err(|e| format!("`{key}` is not a number: {e}"))?;
            Some(usize::try_from(n).unwrap_or(usize::MAX))
        }
    };
    match (arch, declared) {
        ("llama", n) => Ok(n.map_or(quantized_llama::MAX_SEQ_LEN, |n| {
            n.min(quantized_llama::MAX_SEQ_LEN)
        })),
        (_, Some(n)) => Ok(n),
        (_, None) => Err(format!("no `{key}` metadata")),
    }
}

/// The weights of one loaded model.
pub enum Weights {
    /// Llama, SmolLM2, Mistral and other `llama` GGUF files.
    Llama(quantized_llama::ModelWeights),
    /// Qwen 2 and 2.5.
    Qwen2(quantized_qwen2::ModelWeights),
    /// Qwen 3.
    Qwen3(quantized_qwen3::ModelWeights),
    /// Gemma 3, with this crate's own model code.
    Gemma3(Gemma3),
}

impl Weights {
    /// Reads the tensors of `content` for its architecture.
    pub fn load(
        arch: &str,
        content: Content,
        reader: &mut BufReader<File>,
        device: &Device,
    ) -> Result<Self, String> {
        let err = |e: candle_core::Error| format!("failed to load the weights: {e}");
        match arch {
            "llama" => quantized_llama::ModelWeights::from_gguf(content, reader, device)
                .map(Self::Llama)
                .map_err(err),
            "qwen2" => quantized_qwen2::ModelWeights::from_gguf(content, reader, device)
                .map(Self::Qwen2)
                .map_err(err),
            "qwen3" => quantized_qwen3::ModelWeights::from_gguf(content, reader, device)
                .map(Self::Qwen3)
                .map_err(err),
            "gemma3" => Gemma3::from_gguf(content, reader, device)
                .map(Self::Gemma3)
                .map_err(err),
            other => Err(format!(
                "architecture `{other}` is not supported (supported: {})",
                SUPPORTED.join(", ")
            )),
        }
    }

    /// Logits of the last position of `input`, which starts at `pos`.
    pub fn forward(&mut self, input: &Tensor, pos: usize) -> candle_core::Result<Tensor> {
        match self {
            Self::Llama(m) => m.forward(input, pos),
            Self::Qwen2(m) => m.forward(input, pos),
            Self::Qwen3(m) => m.forward(input, pos),
            Self::Gemma3(m) => m.forward(input, pos),
        }
    }

    /// Forgets the previous conversation.
    pub fn clear(&mut self) {
        match self {
            Self::Llama(m) => m.clear_kv_cache(),
            Self::Qwen2(m) => m.clear_kv_cache(),
            Self::Qwen3(m) => m.clear_kv_cache(),
            Self::Gemma3(m) => m.clear_kv_cache(),
        }
    }
}
