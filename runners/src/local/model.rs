//! Loading a GGUF file into the candle model its architecture names.

use super::gemma3::Gemma3;
use candle_core::quantized::gguf_file::Content;
use candle_core::{Device, Tensor};
use candle_transformers::models::{quantized_llama, quantized_qwen2, quantized_qwen3};
use std::fs::File;
use std::io::BufReader;

/// Architectures this build can run, as `general.architecture` names them.
pub const SUPPORTED: [&str; 4] = ["llama", "qwen2", "qwen3", "gemma3"];

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
