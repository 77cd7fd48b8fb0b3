//! [`Transformer`]: the decoder-only model the `llama`, `qwen2` and
//! `gemma3` families share, written once with the families' differences as
//! settings of each [`Block`]: RMSNorm, rotary positions (interleaved pairs
//! for llama, halves for the others), grouped-query attention over a KV
//! cache, and a gated feed-forward. Qwen 2 adds biases to the query, key
//! and value projections; Gemma 3 normalises queries and keys, normalises
//! each sub-block's output before the residual, gates with GELU, scales the
//! embedding and slides a window over the keys in most layers.
//!
//! The weights stay quantized: matrix products go through [`Linear`], the
//! embedding dequantizes only the rows looked up, and a tied output head
//! multiplies by the quantized table itself, one copy serving both. Each
//! block's KV cache is allocated for the positions a request can use (its
//! prompt plus its `max_tokens`), and grows only if a caller goes past that.
//!
//! The arithmetic follows candle-transformers' model code operation by
//! operation but for two parts on the CPU: the matrix products of
//! `kernels` (which add Q8_0 blocks in another order than candle's AVX2
//! code) and the attention of `attention`, whose keys and values are
//! rounded to f16 as llama.cpp's cache keeps them. The logits differ from
//! candle's in the last bits, which greedy answers hang on only where two
//! tokens nearly tie.

use super::attention;
use super::gelu;
use super::kernels::QWeights;
use super::linear::{unpacked, Linear};
use candle_core::quantized::{ggml_file::qtensor_from_ggml, gguf_file, QMatMul, QTensor};
use candle_core::{DType, Device, IndexOp, Module, Result, Tensor};
use candle_nn::kv_cache::KvCache;
use candle_nn::Embedding;
use candle_transformers::quantized_nn::RmsNorm;
use std::io::{Read, Seek};
use std::sync::{Arc, Mutex, PoisonError};

/// Rotary position tables for heads of `head_dim`, made for the positions
/// requests reach as they reach them (a 32k context of 256-value heads
/// would take 67 MB at load), up to twice as many as the furthest so far.
pub struct Rotary {
    /// The frequencies, `(1, head_dim / 2)`.
    inv: Tensor,
    /// Positions the model can attend to: no table grows past this unless
    /// a request does.
    limit: usize,
    /// Sines and cosines of the positions made so far.
    tables: Mutex<Option<(Tensor, Tensor)>>,
    /// Rotates pairs of neighbours (llama's GGUF layout) instead of the
    /// two halves of each head (the others).
    interleaved: bool,
}

impl Rotary {
    /// Tables for frequency `base`, for positions below `limit`.
    pub fn new(
        head_dim: usize,
        base: f32,
        limit: usize,
        interleaved: bool,
        device: &Device,
    ) -> Result<Self> {
        let inv: Vec<f32> = (0..head_dim)
            .step_by(2)
            .map(|i| 1f32 / base.powf(i as f32 / head_dim as f32))
            .collect();
        Ok(Self {
            inv: Tensor::new(inv.as_slice(), device)?.reshape((1, head_dim / 2))?,
            limit,
            tables: Mutex::new(None),
            interleaved,
        })
    }

    /// Sines and cosines of positions `0..end` at least.
    fn tables(&self, end: usize) -> Result<(Tensor, Tensor)> {
        let mut tables = self.tables.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((sin, cos)) = tables.as_ref() {
            if sin.dim(0)? >= end {
                return Ok((sin.clone(), cos.clone()));
            }
        }
        let made = tables.as_ref().map_or(Ok(0), |(sin, _)| sin.dim(0))?;
        let positions = end.max((2 * made).min(self.limit));
        let end = u32::try_from(positions)
            .map_err(|_| candle_core::Error::Msg(format!("{positions} positions are too many")))?;
        let angles = Tensor::arange(0, end, self.inv.device())?
            .to_dtype(DType::F32)?
            .reshape((positions, 1))?
            .matmul(&self.inv)?;
        let made = (angles.sin()?, angles.cos()?);
        *tables = Some(made.clone());
        Ok(made)
    }

    fn apply(&self, x: &Tensor, pos: usize) -> Result<Tensor> {
        let len = x.dim(2)?;
        let (sin, cos) = self.tables(pos + len)?;
        let cos = cos.narrow(0, pos, len)?;
        let sin = sin.narrow(0, pos, len)?;
        let x = x.contiguous()?;
        if self.interleaved {
            candle_nn::rotary_emb::rope_i(&x, &cos, &sin)
        } else {
            candle_nn::rotary_emb::rope(&x, &cos, &sin)
        }
    }
}

/// The gate's activation in the feed-forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// SiLU (llama, Qwen).
    Silu,
    /// GELU, tanh approximation (Gemma); on the CPU through llama.cpp's
    /// f16 table (see `gelu`).
    GeluTanh,
}

/// The weights of one block, as a family's loader reads them.
pub struct BlockWeights {
    /// Query projection.
    pub wq: Linear,
    /// Key projection.
    pub wk: Linear,
    /// Value projection.
    pub wv: Linear,
    /// Output projection of the attention.
    pub wo: Linear,
    /// Biases of the query, key and value projections (Qwen 2).
    pub qkv_bias: Option<[Tensor; 3]>,
    /// Norms of each query and key head (Gemma 3).
    pub qk_norm: Option<[RmsNorm; 2]>,
    /// Norm before the attention.
    pub attn_norm: RmsNorm,
    /// Norm of the attention's output, before the residual (Gemma 3).
    pub post_attn_norm: Option<RmsNorm>,
    /// Norm before the feed-forward.
    pub ffn_norm: RmsNorm,
    /// Norm of the feed-forward's output, before the residual (Gemma 3).
    pub post_ffn_norm: Option<RmsNorm>,
    /// The feed-forward's gate, up and down projections.
    pub gate: Linear,
    /// Up projection.
    pub up: Linear,
    /// Down projection.
    pub down: Linear,
}

/// The shape and settings of one block.
#[derive(Clone)]
pub struct BlockShape {
    /// Query heads.
    pub n_head: usize,
    /// Key and value heads (each shared by `n_head / n_kv_head` query heads).
    pub n_kv_head: usize,
    /// Values per head.
    pub head_dim: usize,
    /// `Some(window)` for a layer that sees only the last `window` positions.
    pub window: Option<usize>,
    /// The gate's activation.
    pub activation: Activation,
    /// The rotary tables this layer uses.
    pub rotary: Arc<Rotary>,
}

/// A block's keys and values: this crate's on the CPU (see `attention`),
/// candle's elsewhere.
enum Cache {
    Own(attention::KvCache),
    Candle(KvCache),
}

/// One transformer block and its KV cache.
pub struct Block {
    w: BlockWeights,
    shape: BlockShape,
    cache: Cache,
}

impl Block {
    /// A block with an empty cache, for a model on `device`.
    pub fn new(w: BlockWeights, shape: BlockShape, device: &Device) -> Self {
        let cache = if device.is_cpu() {
            Cache::Own(attention::KvCache::new(shape.n_kv_head, shape.head_dim, 1))
        } else {
            Cache::Candle(KvCache::new(2, 1))
        };
        Self { w, shape, cache }
    }

    fn project(&self, w: &Linear, bias: Option<&Tensor>, x: &Tensor) -> Result<Tensor> {
        let y = w.forward(x)?;
        match bias {
            Some(b) => y.broadcast_add(b),
            None => Ok(y),
        }
    }

    fn attention(&mut self, x: &Tensor, pos: usize) -> Result<Tensor> {
        let (b, len, _) = x.dims3()?;
        let s = &self.shape;
        let heads = |t: Tensor, n: usize| {
            t.reshape((b, len, n, s.head_dim))?
                .transpose(1, 2)?
                .contiguous()
        };
        let bias = |i: usize| self.w.qkv_bias.as_ref().map(|b| &b[i]);
        let mut q = heads(self.project(&self.w.wq, bias(0), x)?, s.n_head)?;
        let mut k = heads(self.project(&self.w.wk, bias(1), x)?, s.n_kv_head)?;
        let v = heads(self.project(&self.w.wv, bias(2), x)?, s.n_kv_head)?;
        if let Some([q_norm, k_norm]) = &self.w.qk_norm {
            q = q_norm.forward(&q)?;
            k = k_norm.forward(&k)?;
        }
        let q = s.rotary.apply(&q, pos)?;
        let k = s.rotary.apply(&k, pos)?;
        if pos == 0 {
            match &mut self.cache {
                Cache::Own(cache) => cache.reset(),
                Cache::Candle(cache) => cache.reset(),
            }
        }
        let o = match &mut self.cache {
            Cache::Own(cache) => own_attention(cache, s, &q, &k, &v)?,
            Cache::Candle(cache) => candle_attention(cache, s, &q, &k, &v)?,
        };
        self.w.wo.forward(&o)
    }

    fn forward(&mut self, x: &Tensor, pos: usize) -> Result<Tensor> {
        let h = self.attention(&self.w.attn_norm.forward(x)?, pos)?;
        let h = match &self.w.post_attn_norm {
            Some(n) => n.forward(&h)?,
            None => h,
        };
        let x = (h + x)?;
        let n = self.w.ffn_norm.forward(&x)?;
        let gate = self.w.gate.forward(&n)?;
        let up = self.w.up.forward(&n)?;
        let hidden = match self.shape.activation {
            Activation::Silu => (candle_nn::ops::silu(&gate)? * up)?,
            Activation::GeluTanh if gate.device().is_cpu() => {
                let values = |t: &Tensor| t.flatten_all()?.to_vec1::<f32>();
                let hidden = gelu::gated(&values(&gate)?, &values(&up)?);
                Tensor::from_vec(hidden, gate.shape(), gate.device())?
            }
            Activation::GeluTanh => (gate.gelu()? * up)?,
        };
        let ff = self.w.down.forward(&hidden)?;
        let ff = match &self.w.post_ffn_norm {
            Some(n) => n.forward(&ff)?,
            None => ff,
        };
        ff + x
    }

    /// Empties the cache and makes room in it for `positions` positions.
    fn clear(&mut self, positions: usize) {
        let positions = positions.max(1);
        self.cache = match self.cache {
            Cache::Own(_) => Cache::Own(attention::KvCache::new(
                self.shape.n_kv_head,
                self.shape.head_dim,
                positions,
            )),
            Cache::Candle(_) => Cache::Candle(KvCache::new(2, positions)),
        };
    }
}

/// The attention of queries `q` (`(1, n_head, len, head_dim)`) over the
/// cache once `k` and `v` are appended to it, by this crate's loops; its
/// output `(1, len, n_head · head_dim)`.
fn own_attention(
    cache: &mut attention::KvCache,
    s: &BlockShape,
    q: &Tensor,
    k: &Tensor,
    v: &Tensor,
) -> Result<Tensor> {
    let (b, _, len, _) = q.dims4()?;
    if b != 1 {
        candle_core::bail!("a batch of {b}: the CPU attention takes one sequence");
    }
    let values = |t: &Tensor| t.flatten_all()?.to_vec1::<f32>();
    cache.append(&values(k)?, &values(v)?, len);
    let scale = (1.0 / (s.head_dim as f64).sqrt()) as f32;
    let o = attention::attend(cache, &values(q)?, s.n_head, len, s.window, scale);
    Tensor::from_vec(o, (b, len, s.n_head * s.head_dim), q.device())
}

/// [`own_attention`] by candle's tensor operations, for other devices.
fn candle_attention(
    cache: &mut KvCache,
    s: &BlockShape,
    q: &Tensor,
    k: &Tensor,
    v: &Tensor,
) -> Result<Tensor> {
    let (b, _, len, _) = q.dims4()?;
    let (k, v) = cache.append(k, v)?;
    // A sliding layer reads only the keys its queries can still see:
    // for the last of them, the window; for the first, `len − 1` fewer.
    let keys = k.dim(2)?;
    let seen = s.window.map_or(keys, |w| keys.min(w + len));
    let (k, v) = (
        k.narrow(2, keys - seen, seen)?.contiguous()?,
        v.narrow(2, keys - seen, seen)?.contiguous()?,
    );
    let groups = s.n_head / s.n_kv_head;
    let k = candle_transformers::utils::repeat_kv(k, groups)?;
    let v = candle_transformers::utils::repeat_kv(v, groups)?;
    let scale = 1.0 / (s.head_dim as f64).sqrt();
    let mut scores = (q.matmul(&k.t()?)? * scale)?;
    if len > 1 || s.window.is_some_and(|w| seen > w) {
        scores = scores.broadcast_add(&mask(s.window, len, seen, q.device())?)?;
    }
    let probs = candle_nn::ops::softmax_last_dim(&scores)?;
    probs
        .matmul(&v)?
        .transpose(1, 2)?
        .reshape((b, len, s.n_head * s.head_dim))
}

/// 0 where query `i` (the last `len` of `keys` positions) may see key
/// `j`, −∞ elsewhere: causal, and within the window for sliding layers.
pub(super) fn mask(
    window: Option<usize>,
    len: usize,
    keys: usize,
    device: &Device,
) -> Result<Tensor> {
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

/// The token embedding: quantized rows dequantized on lookup (CPU), or a
/// dequantized table (other devices, where reading the rows back is dear).
/// Each row comes out as candle's dequantization of the whole table gives it.
pub enum Embed {
    /// Rows of a table unpacked for this crate's kernels, dequantized as
    /// they are looked up.
    Own(Arc<QWeights>),
    /// Rows of any other format, dequantized as they are looked up.
    Rows {
        /// The quantized table, one row per token.
        table: Arc<QTensor>,
        /// Values per row.
        width: usize,
        /// Bytes per quantized row.
        row_bytes: usize,
    },
    /// The whole table in f32.
    Full(Embedding),
}

impl Embed {
    fn forward(&self, ids: &Tensor) -> Result<Tensor> {
        let (table, width, row_bytes) = match self {
            Self::Full(e) => return e.forward(ids),
            Self::Own(w) => return Self::own_rows(w, ids),
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
            let bytes = data
                .get(start..start + row_bytes)
                .ok_or_else(|| out_of_vocabulary(id))?;
            let row = qtensor_from_ggml(table.dtype(), bytes, vec![1, width], &Device::Cpu)?;
            rows.push(row.dequantize(&Device::Cpu)?);
        }
        Tensor::cat(&rows, 0)?.reshape((b, len, width))
    }

    fn own_rows(w: &QWeights, ids: &Tensor) -> Result<Tensor> {
        let (b, len) = ids.dims2()?;
        let ids = ids.flatten_all()?.to_vec1::<u32>()?;
        let mut rows = vec![0f32; ids.len() * w.k()];
        for (&id, row) in ids.iter().zip(rows.chunks_exact_mut(w.k())) {
            if id as usize >= w.n() {
                return Err(out_of_vocabulary(id));
            }
            w.dequantize_row(id as usize, row);
        }
        Tensor::from_vec(rows, (b, len, w.k()), &Device::Cpu)
    }
}

fn out_of_vocabulary(id: u32) -> candle_core::Error {
    candle_core::Error::Msg(format!("token id {id} is out of the vocabulary"))
}

/// A GGUF file's tensors, read as the loaders need them.
pub struct Tensors<'a, R> {
    /// The file's header.
    pub ct: &'a gguf_file::Content,
    /// The file.
    pub reader: &'a mut R,
    /// Where the weights go.
    pub device: &'a Device,
}

impl<'a, R: Read + Seek> Tensors<'a, R> {
    /// The tensors of the file `reader` reads, whose header is `ct`.
    pub fn new(ct: &'a gguf_file::Content, reader: &'a mut R, device: &'a Device) -> Self {
        Self { ct, reader, device }
    }

    /// Tensor `name` as it is stored.
    pub fn tensor(&mut self, name: &str) -> Result<QTensor> {
        self.ct.tensor(self.reader, name, self.device)
    }

    /// Matrix `name`, for products.
    pub fn linear(&mut self, name: &str) -> Result<Linear> {
        Linear::read(self.ct, self.reader, name, self.device)
    }

    /// Norm weights `name`.
    pub fn norm(&mut self, name: &str, eps: f64) -> Result<RmsNorm> {
        RmsNorm::from_qtensor(self.tensor(name)?, eps)
    }
}

/// The token embedding (`token_embd.weight`, rows of `width` values) and
/// the output projection: the file's own (`output.weight`), or else the
/// embedding table, the same copy serving both.
pub fn embedding_and_output<R: Read + Seek>(
    f: &mut Tensors<'_, R>,
    width: usize,
) -> Result<(Embed, Linear)> {
    const TABLE: &str = "token_embd.weight";
    let own_output = if f.ct.tensor_infos.contains_key("output.weight") {
        Some(f.linear("output.weight")?)
    } else {
        None
    };
    if let Some(w) = unpacked(f.ct, f.reader, TABLE, f.device)? {
        if w.k() != width {
            candle_core::bail!("`{TABLE}` has rows of {} values, the model {width}", w.k());
        }
        let w = Arc::new(w);
        let output = own_output.unwrap_or_else(|| Linear::Own(w.clone()));
        return Ok((Embed::Own(w), output));
    }
    let table = Arc::new(f.tensor(TABLE)?);
    let dtype = table.dtype();
    let embed = if f.device.is_cpu() && width.is_multiple_of(dtype.block_size()) {
        Embed::Rows {
            table: table.clone(),
            width,
            row_bytes: width / dtype.block_size() * dtype.type_size(),
        }
    } else {
        Embed::Full(Embedding::new(table.dequantize(f.device)?, width))
    };
    let output = match own_output {
        Some(output) => output,
        None => Linear::Candle(QMatMul::from_arc(table)?),
    };
    Ok((embed, output))
}

/// A loaded model of one of the families above.
pub struct Transformer {
    /// The token embedding.
    pub embed: Embed,
    /// What the embedding is multiplied by (Gemma: √width).
    pub embed_scale: Option<f64>,
    /// The blocks, first to last.
    pub blocks: Vec<Block>,
    /// The final norm.
    pub norm: RmsNorm,
    /// The output projection to the vocabulary.
    pub output: Linear,
}

impl Transformer {
    /// Logits of the last position of `input`, which starts at `pos`.
    pub fn forward(&mut self, input: &Tensor, pos: usize) -> Result<Tensor> {
        let x = self.hidden(input, pos)?;
        let last = x.i((.., input.dim(1)? - 1, ..))?;
        self.output.forward(&self.norm.forward(&last)?)
    }

    /// Runs `input`, which starts at `pos`, into the cache without the
    /// output head: a prompt's chunks before its last need no logits, and
    /// the head (262,144 rows for Gemma 3) costs as much as a block.
    pub fn advance(&mut self, input: &Tensor, pos: usize) -> Result<()> {
        self.hidden(input, pos).map(drop)
    }

    /// The last block's output for `input`, which starts at `pos`.
    fn hidden(&mut self, input: &Tensor, pos: usize) -> Result<Tensor> {
        let mut x = self.embed.forward(input)?;
        if let Some(scale) = self.embed_scale {
            x = (x * scale)?;
        }
        for block in &mut self.blocks {
            x = block.forward(&x, pos)?;
        }
        Ok(x)
    }

    /// Forgets the previous conversation and makes room for `positions`
    /// positions in the next.
    pub fn clear(&mut self, positions: usize) {
        for block in &mut self.blocks {
            block.clear(positions);
        }
    }
}

/// The `{arch}.{key}` setting of a GGUF file, or an error naming it.
pub fn setting<'a>(
    ct: &'a gguf_file::Content,
    arch: &str,
    key: &str,
) -> Result<&'a gguf_file::Value> {
    ct.metadata
        .get(&format!("{arch}.{key}"))
        .ok_or_else(|| candle_core::Error::Msg(format!("no `{arch}.{key}` metadata")))
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
