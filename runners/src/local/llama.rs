//! Llama (SmolLM2, Mistral and other `llama` GGUF files) and Qwen 2 / 2.5
//! from GGUF, as a [`Transformer`]: the same block, Qwen 2 with biases on
//! its query, key and value projections and rotary positions over the two
//! halves of each head, llama over interleaved pairs (the layout its GGUF
//! conversion writes).

use super::transformer::{
    embedding_and_output, setting, Activation, Block, BlockShape, BlockWeights, Rotary, Tensors,
    Transformer,
};
use candle_core::quantized::gguf_file;
use candle_core::{Device, Result};
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
    let mut f = Tensors::new(&ct, reader, device);
    // The output projection is tied to the embedding unless the file has its own.
    let (embed, output) = embedding_and_output(&mut f, width)?;
    let norm = f.norm("output_norm.weight", eps)?;
    let mut layers = Vec::with_capacity(blocks);
    for i in 0..blocks {
        let w = |name: &str| format!("blk.{i}.{name}.weight");
        let qkv_bias = if qwen2 {
            let mut bias = |name: &str| {
                f.tensor(&format!("blk.{i}.{name}.bias"))?
                    .dequantize(device)
            };
            Some([bias("attn_q")?, bias("attn_k")?, bias("attn_v")?])
        } else {
            None
        };
        let weights = BlockWeights {
            wq: f.linear(&w("attn_q"))?,
            wk: f.linear(&w("attn_k"))?,
            wv: f.linear(&w("attn_v"))?,
            wo: f.linear(&w("attn_output"))?,
            qkv_bias,
            qk_norm: None,
            attn_norm: f.norm(&w("attn_norm"), eps)?,
            post_attn_norm: None,
            ffn_norm: f.norm(&w("ffn_norm"), eps)?,
            post_ffn_norm: None,
            gate: f.linear(&w("ffn_gate"))?,
            up: f.linear(&w("ffn_up"))?,
            down: f.linear(&w("ffn_down"))?,
        };
        let shape = BlockShape {
            n_head,
            n_kv_head,
            head_dim,
            window: None,
            activation: Activation::Silu,
            rotary: rotary.clone(),
        };
        layers.push(Block::new(weights, shape, device));
    }
    Ok(Transformer {
        embed,
        embed_scale: None,
        blocks: layers,
        norm,
        output,
    })
}
