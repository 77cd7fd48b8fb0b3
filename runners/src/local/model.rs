//! Loading a GGUF file into the model code its architecture names: this
//! crate's [`Transformer`] for llama, Qwen 2 and Gemma 3, candle's for Qwen 3.

use super::transformer::Transformer;
use super::{gemma3, llama};
use candle_core::quantized::gguf_file::Content;
use candle_core::{Device, Tensor};
use candle_transformers::models::quantized_qwen3;
use std::fs::File;
use std::io::BufReader;

/// Architectures this build can run, as `general.architecture` names them.
pub const SUPPORTED: [&str; 4] = ["llama", "qwen2", "qwen3", "gemma3"];

/// How many positions (prompt and generated tokens together) a model of
/// `arch` can attend to: the file's `{arch}.context_length`. Every
/// architecture here fails with an error, not a wrong answer, past it (its
/// rotary tables end there), so requests are held to it beforehand.
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
    declared.ok_or_else(|| format!("no `{key}` metadata"))
}

/// The weights of one loaded model.
pub enum Weights {
    /// Llama, Qwen 2 and Gemma 3, with this crate's own model code.
    Own(Transformer),
    /// Qwen 3, with candle's.
    Qwen3(quantized_qwen3::ModelWeights),
}

impl Weights {
    /// Reads the tensors of `content` for its architecture, whose
    /// positions reach `context`.
    pub fn load(
        arch: &str,
        context: usize,
        content: Content,
        reader: &mut BufReader<File>,
        device: &Device,
    ) -> Result<Self, String> {
        let err = |e: candle_core::Error| format!("failed to load the weights: {e}");
        match arch {
            "llama" | "qwen2" => llama::from_gguf(arch, context, content, reader, device)
                .map(Self::Own)
                .map_err(err),
            "qwen3" => quantized_qwen3::ModelWeights::from_gguf(content, reader, device)
                .map(Self::Qwen3)
                .map_err(err),
            "gemma3" => gemma3::from_gguf(content, reader, device)
                .map(Self::Own)
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
            Self::Own(m) => m.forward(input, pos),
            Self::Qwen3(m) => m.forward(input, pos),
        }
    }

    /// Forgets the previous conversation and makes room for `positions`
    /// positions (prompt and answer) in the next.
    pub fn clear(&mut self, positions: usize) {
        match self {
            Self::Own(m) => m.clear(positions),
            Self::Qwen3(m) => m.clear_kv_cache(),
        }
    }
}
