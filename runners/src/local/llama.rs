//! Llama (SmolLM2, Mistral and other `llama` GGUF files) and Qwen 2 / 2.5
//! from GGUF, as a [`Transformer`]: the same block, Qwen 2 with biases on
//! its query, key and value projections and rotary positions over the two
//! halves of each head, llama over interleaved pairs (the layout its GGUF
//! conversion writes).

use super::linear::Linear;
use super::transformer::{
    embedding_and_output, setting, Activation, Block, BlockShape, BlockWeights, Rotary, Transformer,
};
use candle_core::quantized::gguf_file;
use candle_core::{Device, Result};
use candle_transformers::quantized_nn::RmsNorm;
use std::sync::Arc;

/// Reads a `llama` or `qwen2` GGUF file (`arch` says which) whose
/// positions reach `context`.
pub fn from_gguf<R: std::io::Read + std::io::Seek>(
    arch: &str,
    context: usize,
    ct: gguf_file::Content,
    reader: &mut R,
    device: &Device,
) -> Result<Transformer> {
    let md = |key: &str| setting(&ct, arch, key);
    let qwen2 = arch == "qwen2";
    let n_head = md("attention.head_count")?.to_u32()? as usize;
    let n_kv_head = md("attention.head_count_kv")?.to_u32()? as usize;
    let blocks = md("block_count")?.to_u32()? as usize;
    let width = md("embedding_length")?.to_u32()? as usize;
    let eps = f64::from(md("attention.layer_norm_rms_epsilon")?.to_f32()?);
    let base = md("rope.freq_base")
        .and_then(|v| v.to_f32())
        .unwrap_or(10_000.0);
    let head_dim = width / n_head;
    if let Ok(dims) = md("rope.dimension_count").and_then(|v| v.to_u32()) {
        if dims as usize != head_dim {
            candle_core::bail!(
                "rotary positions over {dims} of each head's {head_dim} values are not supported"
            );
        }
    }

    let rotary = Arc::new(Rotary::new(head_dim, base, context, !qwen2, device)?);
    // The output projection is tied to the embedding unless the file has its own.
    let (embed, output) = embedding_and_output(
        ct.tensor(reader, "token_embd.weight", device)?,
        ct.tensor(reader, "output.weight", device).ok(),
        width,
        device,
    )?;
    let norm = RmsNorm::from_qtensor(ct.tensor(reader, "output_norm.weight", device)?, eps)?;
    let mut layers = Vec::with_capacity(blocks);
    for i in 0..blocks {
        let mut t = |name: &str| ct.tensor(reader, &format!("blk.{i}.{name}"), device);
        let mm = |t: Result<_>| t.and_then(Linear::new);
        let qkv_bias = if qwen2 {
            Some([
                t("attn_q.bias")?.dequantize(device)?,
                t("attn_k.bias")?.dequantize(device)?,
                t("attn_v.bias")?.dequantize(device)?,
            ])
        } else {
            None
        };
        let weights = BlockWeights {
            wq: mm(t("attn_q.weight"))?,
            wk: mm(t("attn_k.weight"))?,
            wv: mm(t("attn_v.weight"))?,
            wo: mm(t("attn_output.weight"))?,
            qkv_bias,
            qk_norm: None,
            attn_norm: RmsNorm::from_qtensor(t("attn_norm.weight")?, eps)?,
            post_attn_norm: None,
            ffn_norm: RmsNorm::from_qtensor(t("ffn_norm.weight")?, eps)?,
            post_ffn_norm: None,
            gate: mm(t("ffn_gate.weight"))?,
            up: mm(t("ffn_up.weight"))?,
            down: mm(t("ffn_down.weight"))?,
        };
        let shape = BlockShape {
            n_head,
            n_kv_head,
            head_dim,
            window: None,
            activation: Activation::Silu,
            rotary: rotary.clone(),
        };
        layers.push(Block::new(weights, shape));
    }
    Ok(Transformer {
        embed,
        embed_scale: None,
        blocks: layers,
        norm,
        output,
    })
}
