//! Gemma 3 from GGUF, written here because candle 0.11.1's
//! `quantized_gemma3` differs from the reference model in three ways:
//!
//! - its feed-forward uses SiLU where Gemma 3 uses GELU (tanh approximation),
//!   which changes every answer;
//! - it builds rotary tables for 131,072 positions in every layer and keeps
//!   an f32 copy of the 262k × 640 embedding (3.2 GB for the 270M model);
//!   here two tables (local and global frequency) cover the context the
//!   file declares, and on the CPU the embedding stays quantized, shared
//!   with the tied output projection, each looked-up row dequantized to f32
//!   (an f16 copy would round the rows enough to change greedy answers);
//! - it applies no sliding window when decoding one token at a time. Here
//!   a sliding layer keeps only its window of keys (a query at position i
//!   sees positions i − window + 1 … i, as in the reference and llama.cpp).

use super::linear::Linear;
use candle_core::quantized::{ggml_file::qtensor_from_ggml, gguf_file, QMatMul, QTensor};
use candle_core::{DType, Device, IndexOp, Module, Result, Tensor};
use candle_nn::Embedding;
use candle_transformers::quantized_nn::RmsNorm;
use std::sync::Arc;

struct Rotary {
    sin: Tensor,
    cos: Tensor,
}

impl Rotary {
    fn new(head_dim: usize, base: f32, positions: usize, device: &Device) -> Result<Self> {
        let inv: Vec<f32> = (0..head_dim)
            .step_by(2)
            .map(|i| 1f32 / base.powf(i as f32 / head_dim as f32))
            .collect();
        let inv = Tensor::new(inv.as_slice(), device)?.reshape((1, head_dim / 2))?;
        let angles = Tensor::arange(0, positions as u32, device)?
            .to_dtype(DType::F32)?
            .reshape((positions, 1))?
            .matmul(&inv)?;
        Ok(Self {
            sin: angles.sin()?,
            cos: angles.cos()?,
        })
    }

    fn apply(&self, x: &Tensor, pos: usize) -> Result<Tensor> {
        let len = x.dim(2)?;
        let cos = self.cos.narrow(0, pos, len)?;
        let sin = self.sin.narrow(0, pos, len)?;
        candle_nn::rotary_emb::rope(&x.contiguous()?, &cos, &sin)
    }
}

struct Layer {
    wq: Linear,
    wk: Linear,
    wv: Linear,
    wo: Linear,
    q_norm: RmsNorm,
    k_norm: RmsNorm,
    attn_norm: RmsNorm,
    post_attn_norm: RmsNorm,
    ffn_norm: RmsNorm,
    post_ffn_norm: RmsNorm,
    gate: Linear,
    up: Linear,
    down: Linear,
    n_head: usize,
    n_kv_head: usize,
    head_dim: usize,
    /// `Some(window)` for sliding-window layers.
    window: Option<usize>,
    rotary: Arc<Rotary>,
    cache: Option<(Tensor, Tensor)>,
}

impl Layer {
    fn attention(&mut self, x: &Tensor, pos: usize) -> Result<Tensor> {
        let (b, len, _) = x.dims3()?;
        let heads = |t: Tensor, n: usize| {
            t.reshape((b, len, n, self.head_dim))?
                .transpose(1, 2)?
                .contiguous()
        };
        let q = heads(self.wq.forward(x)?, self.n_head)?;
        let k = heads(self.wk.forward(x)?, self.n_kv_head)?;
        let v = heads(self.wv.forward(x)?, self.n_kv_head)?;
        let q = self.rotary.apply(&self.q_norm.forward(&q)?, pos)?;
        let k = self.rotary.apply(&self.k_norm.forward(&k)?, pos)?;
        let (k, v) = match (&self.cache, pos) {
            (Some((kc, vc)), p) if p > 0 => {
                (Tensor::cat(&[kc, &k], 2)?, Tensor::cat(&[vc, &v], 2)?)
            }
            _ => (k, v),
        };
        // A sliding layer keeps only the keys a later query can still see.
        let tail = |t: &Tensor, w: usize| -> Result<Tensor> {
            let n = t.dim(2)?;
            t.narrow(2, n - w, w)?.contiguous()
        };
        self.cache = Some(match self.window {
            Some(w) if k.dim(2)? > w => (tail(&k, w)?, tail(&v, w)?),
            _ => (k.clone(), v.clone()),
        });
        let groups = self.n_head / self.n_kv_head;
        let k = candle_transformers::utils::repeat_kv(k, groups)?;
        let v = candle_transformers::utils::repeat_kv(v, groups)?;
        let scale = 1.0 / (self.head_dim as f64).sqrt();
        let mut scores = (q.matmul(&k.t()?)? * scale)?;
        let keys = k.dim(2)?;
        if len > 1 || self.window.is_some_and(|w| keys > w) {
            let mask = mask(self.window, len, keys, x.device())?;
            scores = scores.broadcast_add(&mask)?;
        }
        let probs = candle_nn::ops::softmax_last_dim(&scores)?;
        probs
            .matmul(&v)?
            .transpose(1, 2)?
            .reshape((b, len, self.n_head * self.head_dim))
            .and_then(|o| self.wo.forward(&o))
    }

    fn forward(&mut self, x: &Tensor, pos: usize) -> Result<Tensor> {
        let h = self.attention(&self.attn_norm.forward(x)?, pos)?;
        let x = (self.post_attn_norm.forward(&h)? + x)?;
        let n = self.ffn_norm.forward(&x)?;
        // Gemma's feed-forward gates with GELU (tanh approximation), not SiLU.
        let ff = (self.gate.forward(&n)?.gelu()? * self.up.forward(&n)?)?;
        let ff = self.down.forward(&ff)?;
        self.post_ffn_norm.forward(&ff)? + x
    }
}

/// The token embedding: quantized rows dequantized on lookup (CPU), or a
/// dequantized table (other devices, where reading the rows back is dear).
enum Embed {
    Rows {
        table: Arc<QTensor>,
        width: usize,
        row_bytes: usize,
    },
    Full(Embedding),
}

impl Embed {
    fn new(table: Arc<QTensor>, width: usize, device: &Device) -> Result<Self> {
        let dtype = table.dtype();
        if device.is_cpu() && width % dtype.block_size() == 0 {
            let row_bytes = width / dtype.block_size() * dtype.type_size();
            return Ok(Self::Rows {
                table,
                width,
                row_bytes,
            });
        }
        Ok(Self::Full(Embedding::new(table.dequantize(device)?, width)))
    }

    fn forward(&self, ids: &Tensor) -> Result<Tensor> {
        let (table, width, row_bytes) = match self {
            Self::Full(e) => return e.forward(ids),
            Self::Rows {
                table,
                width,
                row_bytes,
            } => (table, *width, *row_bytes),
        };
        let (b, len) = ids.dims2()?;
        let data = table.data()?;
        let mut rows = Vec::with_capacity(b * len);
        for id in ids.flatten_all()?.to_vec1::<u32>()? {
            let start = id as usize * row_bytes;
            let bytes = data.get(start..start + row_bytes).ok_or_else(|| {
                candle_core::Error::Msg(format!("token id {id} is out of the vocabulary"))
            })?;
            let row = qtensor_from_ggml(table.dtype(), bytes, vec![1, width], &Device::Cpu)?;
            rows.push(row.dequantize(&Device::Cpu)?);
        }
        Tensor::cat(&rows, 0)?.reshape((b, len, width))
    }
}

/// 0 where query `i` (the last `len` of `keys` positions) may see key
/// `j`, −∞ elsewhere: causal, and within the window for sliding layers.
fn mask(window: Option<usize>, len: usize, keys: usize, device: &Device) -> Result<Tensor> {
    let offset = keys - len;
    let window = window.unwrap_or(usize::MAX);
    let values: Vec<f32> = (0..len)
        .flat_map(|i| {
            let qi = offset + i;
            (0..keys).map(move |j| {
                if j > qi || qi - j >= window {
                    f32::NEG_INFINITY
                } else {
                    0.0
                }
            })
        })
        .collect();
    Tensor::from_vec(values, (1, 1, len, keys), device)
}

/// A loaded Gemma 3 model.
pub struct Gemma3 {
    embed: Embed,
    scale: f64,
    layers: Vec<Layer>,
    norm: RmsNorm,
    output: QMatMul,
}

impl Gemma3 {
    /// Reads a `gemma3` GGUF file.
    pub fn from_gguf<R: std::io::Read + std::io::Seek>(
        ct: gguf_file::Content,
        reader: &mut R,
        device: &Device,
    ) -> Result<Self> {
        let md = |key: &str| -> Result<&gguf_file::Value> {
            ct.metadata
                .get(&format!("gemma3.{key}"))
                .ok_or_else(|| candle_core::Error::Msg(format!("no `gemma3.{key}` metadata")))
        };
        let n_head = md("attention.head_count")?.to_u32()? as usize;
        let n_kv_head = md("attention.head_count_kv")?.to_u32()? as usize;
        let blocks = md("block_count")?.to_u32()? as usize;
        let width = md("embedding_length")?.to_u32()? as usize;
        let head_dim = md("attention.key_length")?.to_u32()? as usize;
        let eps = f64::from(md("attention.layer_norm_rms_epsilon")?.to_f32()?);
        let window = md("attention.sliding_window")?.to_u32()? as usize;
        let context = md("context_length")?.to_u32()? as usize;
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

        let global = Arc::new(Rotary::new(head_dim, base, context, device)?);
        let local = Arc::new(Rotary::new(head_dim, local_base, context, device)?);
        let table = Arc::new(ct.tensor(reader, "token_embd.weight", device)?);
        let embed = Embed::new(table.clone(), width, device)?;
        let norm = RmsNorm::from_qtensor(ct.tensor(reader, "output_norm.weight", device)?, eps)?;
        // The output projection is tied to the embedding unless the file has its own.
        let output = match ct.tensor(reader, "output.weight", device) {
            Ok(t) => Arc::new(t),
            Err(_) => table,
        };
        let mut layers = Vec::with_capacity(blocks);
        for i in 0..blocks {
            let mut t = |name: &str| ct.tensor(reader, &format!("blk.{i}.{name}.weight"), device);
            let mm = Linear::new;
            let sliding = (i + 1) % pattern != 0;
            layers.push(Layer {
                wq: mm(t("attn_q")?)?,
                wk: mm(t("attn_k")?)?,
                wv: mm(t("attn_v")?)?,
                wo: mm(t("attn_output")?)?,
                q_norm: RmsNorm::from_qtensor(t("attn_q_norm")?, eps)?,
                k_norm: RmsNorm::from_qtensor(t("attn_k_norm")?, eps)?,
                attn_norm: RmsNorm::from_qtensor(t("attn_norm")?, eps)?,
                post_attn_norm: RmsNorm::from_qtensor(t("post_attention_norm")?, eps)?,
                ffn_norm: RmsNorm::from_qtensor(t("ffn_norm")?, eps)?,
                post_ffn_norm: RmsNorm::from_qtensor(t("post_ffw_norm")?, eps)?,
                gate: mm(t("ffn_gate")?)?,
                up: mm(t("ffn_up")?)?,
                down: mm(t("ffn_down")?)?,
                n_head,
                n_kv_head,
                head_dim,
                window: sliding.then_some(window),
                rotary: if sliding {
                    local.clone()
                } else {
                    global.clone()
                },
                cache: None,
            });
        }
        Ok(Self {
            embed,
            scale: (width as f64).sqrt(),
            layers,
            norm,
            output: QMatMul::from_arc(output)?,
        })
    }

    /// Logits of the last position of `input`, which starts at `pos`.
    pub fn forward(&mut self, input: &Tensor, pos: usize) -> Result<Tensor> {
        let len = input.dim(1)?;
        let mut x = (self.embed.forward(input)? * self.scale)?;
        for layer in &mut self.layers {
            x = layer.forward(&x, pos)?;
        }
        let last = x.i((.., len - 1, ..))?;
        self.output.forward(&self.norm.forward(&last)?)
    }

    /// Forgets the previous conversation.
    pub fn clear_kv_cache(&mut self) {
        for layer in &mut self.layers {
            layer.cache = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliding_masks_keep_a_window_of_keys() {
        let layer_mask = |window: Option<usize>, len, keys| {
            let m = mask(window, len, keys, &Device::Cpu).unwrap();
            m.flatten_all()
                .unwrap()
                .to_vec1::<f32>()
                .unwrap()
                .iter()
                .map(|v| u8::from(v.is_finite()))
                .collect::<Vec<_>>()
        };
        // Causal over three positions.
        assert_eq!(layer_mask(None, 3, 3), [1, 0, 0, 1, 1, 0, 1, 1, 1]);
        // A window of two: each query sees itself and the one before.
        assert_eq!(layer_mask(Some(2), 3, 3), [1, 0, 0, 1, 1, 0, 0, 1, 1]);
        // One new query after three cached keys, window two: the last two keys.
        assert_eq!(layer_mask(Some(2), 1, 4), [0, 0, 1, 1]);
    }
}
