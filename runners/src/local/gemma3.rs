//! Gemma 3 from GGUF, as a [`Transformer`]. Written here because candle
//! 0.11.1's `quantized_gemma3` differs from the reference model in three ways:
//!
//! - its feed-forward uses SiLU where Gemma 3 uses GELU (tanh approximation),
//!   which changes every answer;
//! - it builds rotary tables for 131,072 positions in every layer and keeps
//!   an f32 copy of the 262k × 640 embedding (3.2 GB for the 270M model);
//!   here two tables (local and global frequency) cover the positions
//!   requests reach, and on the CPU the embedding stays quantized, shared
//!   with the tied output projection, each looked-up row dequantized to f32
//!   (an f16 copy would round the rows enough to change greedy answers);
//! - it applies no sliding window when decoding one token at a time. Here
//!   a sliding layer reads only its window of keys (a query at position i
//!   sees positions i − window + 1 … i, as in the reference and llama.cpp).

use super::transformer::{
    embedding_and_output, setting, Activation, Block, BlockShape, BlockWeights, Rotary, Tensors,
    Transformer,
};
use candle_core::quantized::gguf_file;
use candle_core::{Device, Result};
use std::sync::Arc;

/// Reads a `gemma3` GGUF file whose positions reach `context`.
pub fn from_gguf<R: std::io::Read + std::io::Seek>(
    context: usize,
    ct: gguf_file::Content,
    reader: &mut R,
    device: &Device,
) -> Result<Transformer> {
    let md = |key: &str| setting(&ct, "gemma3", key);
    let n_head = md("attention.head_count")?.to_u32()? as usize;
    let n_kv_head = md("attention.head_count_kv")?.to_u32()? as usize;
    let blocks = md("block_count")?.to_u32()? as usize;
    let width = md("embedding_length")?.to_u32()? as usize;
    let head_dim = md("attention.key_length")?.to_u32()? as usize;
    let eps = f64::from(md("attention.layer_norm_rms_epsilon")?.to_f32()?);
    let window = md("attention.sliding_window")?.to_u32()? as usize;
    let base = md("rope.freq_base")
        .and_then(|v| v.to_f32())
        .unwrap_or(1_000_000.0);
    let local_base = md("rope.local_freq_base")
        .and_then(|v| v.to_f32())
        .unwrap_or(10_000.0);
    // Every sixth layer attends globally; the others slide.
    let pattern = md("attention.sliding_window_type")
        .and_then(|v| v.to_u32())
        .map_or(6, |v| v as usize);

    let global = Arc::new(Rotary::new(head_dim, base, context, false, device)?);
    let local = Arc::new(Rotary::new(head_dim, local_base, context, false, device)?);
    let mut f = Tensors::new(&ct, reader, device);
    // The output projection is tied to the embedding unless the file has its own.
    let (embed, output) = embedding_and_output(&mut f, width)?;
    let norm = f.norm("output_norm.weight", eps)?;
    let mut layers = Vec::with_capacity(blocks);
    for i in 0..blocks {
        let w = |name: &str| format!("blk.{i}.{name}.weight");
        let sliding = (i + 1) % pattern != 0;
        let weights = BlockWeights {
            wq: f.linear(&w("attn_q"))?,
            wk: f.linear(&w("attn_k"))?,
            wv: f.linear(&w("attn_v"))?,
            wo: f.linear(&w("attn_output"))?,
            qkv_bias: None,
            qk_norm: Some([
                f.norm(&w("attn_q_norm"), eps)?,
                f.norm(&w("attn_k_norm"), eps)?,
            ]),
            attn_norm: f.norm(&w("attn_norm"), eps)?,
            post_attn_norm: Some(f.norm(&w("post_attention_norm"), eps)?),
            ffn_norm: f.norm(&w("ffn_norm"), eps)?,
            post_ffn_norm: Some(f.norm(&w("post_ffw_norm"), eps)?),
            gate: f.linear(&w("ffn_gate"))?,
            up: f.linear(&w("ffn_up"))?,
            down: f.linear(&w("ffn_down"))?,
        };
        let shape = BlockShape {
            n_head,
            n_kv_head,
            head_dim,
            window: sliding.then_some(window),
            // Gemma's feed-forward gates with GELU (tanh approximation), not SiLU.
            activation: Activation::GeluTanh,
            rotary: if sliding {
                local.clone()
            } else {
                global.clone()
            },
        };
        layers.push(Block::new(weights, shape, device));
    }
    Ok(Transformer {
        embed,
        embed_scale: Some((width as f64).sqrt()),
        blocks: layers,
        norm,
        output,
    })
}
