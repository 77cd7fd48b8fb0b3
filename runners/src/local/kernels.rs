//! Quantized matrix products on the CPU for the two GGUF weight formats that
//! candle multiplies with scalar code only, Q4_1 and Q5_0, and that most of
//! the local models' weights are in (SmolLM2's every layer, Gemma 3's and
//! Qwen 2.5's attention and feed-forward inputs). Its main type is
//! [`QWeights`].
//!
//! As llama.cpp does, the activations are quantized once per product to 8
//! bits per block of 32 values ([`Q8Rows`]), and each block's dot product is
//! summed in integers, then scaled. With AVX2 and FMA, detected when the
//! program runs (so the portable build gets them), four dot products run
//! side by side: one weight row against four activation rows (prompt
//! processing, each weight block unpacked once) or four weight rows against
//! one (decoding); elsewhere a scalar loop computes the same sums. Rows of
//! weights are shared out over rayon's pool.
//!
//! The results are bit for bit candle's own (its `vec_dot` for these
//! formats): the same activation quantization, each block's integer sum
//! scaled as `(sum · d_w) · d_x` and added in block order, so greedy
//! answers do not move when the kernels change.

// The AVX2 kernels call `std::arch` intrinsics, which are unsafe to call;
// each is behind a runtime check that the CPU has the features it uses.
#![allow(unsafe_code)]

use half::f16;
use rayon::prelude::*;

/// Values per quantization block, in the weights and in the activations.
pub const BLOCK: usize = 32;

/// Weight rows one rayon task computes: enough to make the task worth its
/// scheduling, few enough that a decode step's rows spread over the cores.
const ROWS_PER_TASK: usize = 16;

/// Activation rows one kernel call multiplies each unpacked weight block by.
const TILE: usize = 4;

/// Rows of activations quantized to 8 bits per block of 32 as candle's
/// `BlockQ8_0`/`BlockQ8_1` are: scale `d = max|x| / 127` (stored as f16),
/// values rounded to nearest, and each block's sum times `d` (in f16) kept
/// for formats with an offset (Q4_1).
#[derive(Debug, Clone)]
pub struct Q8Rows {
    /// Values per row.
    k: usize,
    /// Per block, the scale (rounded through f16).
    d: Vec<f32>,
    /// Per block, `d` times the sum of its quantized values (through f16).
    s: Vec<f32>,
    /// The quantized values, row after row.
    qs: Vec<i8>,
}

impl Q8Rows {
    /// Quantizes `x`, rows of `k` values each; `k` must be a multiple of [`BLOCK`].
    pub fn quantize(x: &[f32], k: usize) -> Self {
        assert!(
            k % BLOCK == 0 && x.len() % k.max(1) == 0,
            "rows of {k} values, {} in all",
            x.len()
        );
        let blocks = x.len() / BLOCK;
        let mut out = Self {
            k,
            d: Vec::with_capacity(blocks),
            s: Vec::with_capacity(blocks),
            qs: Vec::with_capacity(x.len()),
        };
        for block in x.chunks_exact(BLOCK) {
            let max = block.iter().fold(0f32, |m, v| m.max(v.abs()));
            let d = max / 127.0;
            let id = if d != 0.0 { 1.0 / d } else { 0.0 };
            let mut sum = 0i32;
            for v in block {
                let q = (v * id).round() as i8;
                sum += i32::from(q);
                out.qs.push(q);
            }
            let d = f16::from_f32(d);
            out.d.push(d.to_f32());
            out.s.push((f16::from_f32(sum as f32) * d).to_f32());
        }
        out
    }

    /// How many rows.
    pub fn rows(&self) -> usize {
        self.qs.len().checked_div(self.k).unwrap_or(0)
    }

    fn row(&self, r: usize) -> Row<'_> {
        let b = self.k / BLOCK;
        Row {
            d: &self.d[r * b..(r + 1) * b],
            s: &self.s[r * b..(r + 1) * b],
            qs: &self.qs[r * self.k..(r + 1) * self.k],
        }
    }
}

/// One row of [`Q8Rows`].
#[derive(Clone, Copy)]
struct Row<'a> {
    d: &'a [f32],
    s: &'a [f32],
    qs: &'a [i8],
}

/// The weight formats with kernels here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// 4-bit values with a scale and a minimum per block of 32.
    Q4_1,
    /// 5-bit values (low nibbles plus a bit each) with a scale per block of 32.
    Q5_0,
}

impl Format {
    /// The format of a GGUF tensor type, if it has a kernel here.
    pub fn of(dtype: candle_core::quantized::GgmlDType) -> Option<Self> {
        use candle_core::quantized::GgmlDType;
        match dtype {
            GgmlDType::Q4_1 => Some(Self::Q4_1),
            GgmlDType::Q5_0 => Some(Self::Q5_0),
            _ => None,
        }
    }

    /// Bytes per block in the GGUF file.
    fn block_bytes(self) -> usize {
        match self {
            Self::Q4_1 => 20,
            Self::Q5_0 => 22,
        }
    }
}

/// A weight matrix of `n` rows of `k` values in Q4_1 or Q5_0, its blocks
/// unpacked into arrays of scales (as f32, so the kernels need no F16C),
/// offsets or high bits, and nibbles.
#[derive(Debug, Clone)]
pub struct QWeights {
    format: Format,
    n: usize,
    k: usize,
    /// Per block: its scale.
    d: Vec<f32>,
    /// Per block: its minimum (Q4_1), or its 32 high bits (Q5_0, as f32 bits).
    extra: Vec<u32>,
    /// Per block: 16 bytes, value `j` in the low nibble of byte `j` and
    /// value `j + 16` in the high one.
    qs: Vec<u8>,
}

impl QWeights {
    /// Reads `n` rows of `k` values from GGUF blocks of `format`; `None` if
    /// `k` is not a whole number of blocks or `data` is not `n` rows long.
    pub fn from_ggml(format: Format, data: &[u8], n: usize, k: usize) -> Option<Self> {
        if k % BLOCK != 0 || data.len() != n * k / BLOCK * format.block_bytes() {
            return None;
        }
        let blocks = n * k / BLOCK;
        let mut w = Self {
            format,
            n,
            k,
            d: Vec::with_capacity(blocks),
            extra: Vec::with_capacity(blocks),
            qs: Vec::with_capacity(blocks * BLOCK / 2),
        };
        let half = |b: &[u8]| f16::from_le_bytes([b[0], b[1]]).to_f32();
        for b in data.chunks_exact(format.block_bytes()) {
            w.d.push(half(&b[0..2]));
            match format {
                Format::Q4_1 => {
                    w.extra.push(half(&b[2..4]).to_bits());
                    w.qs.extend_from_slice(&b[4..20]);
                }
                Format::Q5_0 => {
                    w.extra.push(u32::from_le_bytes([b[2], b[3], b[4], b[5]]));
                    w.qs.extend_from_slice(&b[6..22]);
                }
            }
        }
        Some(w)
    }

    /// Rows (outputs).
    pub fn n(&self) -> usize {
        self.n
    }

    /// Values per row (inputs).
    pub fn k(&self) -> usize {
        self.k
    }

    /// `x · selfᵀ`: for each row of `x`, the `n` dot products with the
    /// weight rows, row after row.
    pub fn matmul(&self, x: &Q8Rows) -> Vec<f32> {
        assert_eq!(
            x.k, self.k,
            "activations of {} values, weights of {}",
            x.k, self.k
        );
        let m = x.rows();
        if m == 0 {
            return Vec::new();
        }
        let xs: Vec<Row<'_>> = (0..m).map(|r| x.row(r)).collect();
        let simd = avx2();
        // Computed weight row by weight row (each task owns whole rows of
        // the transposed product), then turned back to one row per input.
        let mut t = vec![0f32; self.n * m];
        t.par_chunks_mut(ROWS_PER_TASK * m)
            .enumerate()
            .for_each(|(task, out)| {
                let first = task * ROWS_PER_TASK;
                let rows = out.len() / m;
                let mut pairs = Vec::with_capacity(TILE);
                if m == 1 {
                    // Decoding: four weight rows against the one input.
                    for (i, out) in out.chunks_mut(TILE).enumerate() {
                        pairs.clear();
                        pairs.extend(
                            (0..out.len()).map(|j| (self.row(first + i * TILE + j), xs[0])),
                        );
                        self.tile(&pairs, false, out, simd);
                    }
                    return;
                }
                for r in 0..rows {
                    let w = self.row(first + r);
                    for (tile, out) in xs
                        .chunks(TILE)
                        .zip(out[r * m..(r + 1) * m].chunks_mut(TILE))
                    {
                        pairs.clear();
                        pairs.extend(tile.iter().map(|x| (w, *x)));
                        self.tile(&pairs, true, out, simd);
                    }
                }
            });
        if m == 1 {
            return t;
        }
        let mut out = vec![0f32; m * self.n];
        for (r, col) in t.chunks_exact(m).enumerate() {
            for (i, v) in col.iter().enumerate() {
                out[i * self.n + r] = *v;
            }
        }
        out
    }

    fn row(&self, r: usize) -> WRow<'_> {
        let b = self.k / BLOCK;
        WRow {
            d: &self.d[r * b..(r + 1) * b],
            extra: &self.extra[r * b..(r + 1) * b],
            qs: &self.qs[r * b * BLOCK / 2..(r + 1) * b * BLOCK / 2],
        }
    }

    /// Up to [`TILE`] dot products, one per (weight row, activation row)
    /// pair; `shared` when every pair has the same weight row.
    fn tile(&self, pairs: &[(WRow<'_>, Row<'_>)], shared: bool, out: &mut [f32], simd: bool) {
        #[cfg(target_arch = "x86_64")]
        if simd {
            // Short tiles repeat their first pair; its extra results are dropped.
            let p = |i: usize| pairs[if i < pairs.len() { i } else { 0 }];
            let four = [p(0), p(1), p(2), p(3)];
            // SAFETY: `simd` is true only when the CPU has AVX2 and FMA.
            let sums = unsafe {
                match (self.format, shared) {
                    (Format::Q4_1, true) => x86::dot4::<true, true>(&four),
                    (Format::Q4_1, false) => x86::dot4::<true, false>(&four),
                    (Format::Q5_0, true) => x86::dot4::<false, true>(&four),
                    (Format::Q5_0, false) => x86::dot4::<false, false>(&four),
                }
            };
            out.copy_from_slice(&sums[..out.len()]);
            return;
        }
        let _ = (shared, simd);
        for ((w, x), o) in pairs.iter().zip(out.iter_mut()) {
            *o = match self.format {
                Format::Q4_1 => scalar_q4_1(*w, *x),
                Format::Q5_0 => scalar_q5_0(*w, *x),
            };
        }
    }
}

/// One row of [`QWeights`].
#[derive(Clone, Copy)]
struct WRow<'a> {
    d: &'a [f32],
    extra: &'a [u32],
    qs: &'a [u8],
}

/// Whether this CPU runs the AVX2 kernels, checked once.
fn avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        static HAS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *HAS.get_or_init(|| {
            std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("fma")
        })
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

fn scalar_q4_1(w: WRow<'_>, x: Row<'_>) -> f32 {
    let mut sum = 0f32;
    for b in 0..w.d.len() {
        let qs = &w.qs[b * 16..b * 16 + 16];
        let ys = &x.qs[b * BLOCK..(b + 1) * BLOCK];
        let mut dot = 0i32;
        for j in 0..16 {
            dot += i32::from(qs[j] & 0x0F) * i32::from(ys[j]);
            dot += i32::from(qs[j] >> 4) * i32::from(ys[j + 16]);
        }
        sum += dot as f32 * w.d[b] * x.d[b] + f32::from_bits(w.extra[b]) * x.s[b];
    }
    sum
}

fn scalar_q5_0(w: WRow<'_>, x: Row<'_>) -> f32 {
    let mut sum = 0f32;
    for b in 0..w.d.len() {
        let qs = &w.qs[b * 16..b * 16 + 16];
        let qh = w.extra[b];
        let ys = &x.qs[b * BLOCK..(b + 1) * BLOCK];
        let mut dot = 0i32;
        for j in 0..16 {
            let lo = i32::from(qs[j] & 0x0F) | (((qh >> j) & 1) << 4) as i32;
            let hi = i32::from(qs[j] >> 4) | (((qh >> (j + 16)) & 1) << 4) as i32;
            dot += (lo - 16) * i32::from(ys[j]) + (hi - 16) * i32::from(ys[j + 16]);
        }
        sum += dot as f32 * w.d[b] * x.d[b];
    }
    sum
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    //! Four block dot products side by side: integer sums with llama.cpp's
    //! AVX2 block code (`ggml_vec_dot_q4_1_q8_1`, `ggml_vec_dot_q5_0_q8_0`),
    //! reduced to one lane each and scaled as the scalar code does.

    use super::{Row, WRow, BLOCK};
    use std::arch::x86_64::*;

    /// The 32 nibbles of a block as bytes: low nibbles first, then high.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn nibbles(qs: *const u8) -> __m256i {
        let tmp = _mm_loadu_si128(qs.cast());
        let bytes = _mm256_set_m128i(_mm_srli_epi16(tmp, 4), tmp);
        _mm256_and_si256(_mm256_set1_epi8(0x0F), bytes)
    }

    /// The 32 bits of `x` as bytes, 0xFF where a bit is set.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn bits(x: u32) -> __m256i {
        let shuffle = _mm256_set_epi64x(
            0x0303_0303_0303_0303,
            0x0202_0202_0202_0202,
            0x0101_0101_0101_0101,
            0,
        );
        let bytes = _mm256_shuffle_epi8(_mm256_set1_epi32(x as i32), shuffle);
        let mask = _mm256_set1_epi64x(0x7fbf_dfef_f7fb_fdfe);
        _mm256_cmpeq_epi8(_mm256_or_si256(bytes, mask), _mm256_set1_epi64x(-1))
    }

    /// One weight block as bytes: Q4_1's nibbles (0…15, unsigned), or
    /// Q5_0's values less 16 (−16…15).
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn unpack<const Q4_1: bool>(w: &WRow<'_>, b: usize) -> __m256i {
        let lo = nibbles(w.qs.as_ptr().add(b * 16));
        if Q4_1 {
            return lo;
        }
        // Values without their high bit are less by 16: the top nibble set
        // (0xF0) makes the byte that negative number.
        let high = _mm256_andnot_si256(bits(*w.extra.get_unchecked(b)), _mm256_set1_epi8(-16));
        _mm256_or_si256(lo, high)
    }

    /// Eight partial sums of one block's products.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn products<const Q4_1: bool>(qx: __m256i, x: &Row<'_>, b: usize) -> __m256i {
        let qy = _mm256_loadu_si256(x.qs.as_ptr().add(b * BLOCK).cast());
        // maddubs takes unsigned × signed bytes: Q5_0's signs move to the
        // activations (|16 · 128| · 2 fits its 16-bit sums).
        let pairs = if Q4_1 {
            _mm256_maddubs_epi16(qx, qy)
        } else {
            _mm256_maddubs_epi16(_mm256_sign_epi8(qx, qx), _mm256_sign_epi8(qy, qx))
        };
        _mm256_madd_epi16(pairs, _mm256_set1_epi16(1))
    }

    /// Four values of the pairs' weight rows (`W`) or activation rows, or
    /// one repeated when all four pairs share that row.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn gather(shared: bool, f: impl Fn(usize) -> f32) -> __m128 {
        if shared {
            _mm_set1_ps(f(0))
        } else {
            _mm_setr_ps(f(0), f(1), f(2), f(3))
        }
    }

    /// The dot products of four (weight row, activation row) pairs:
    /// `SHARED_W` when all four have the same weight row (prompt
    /// processing), otherwise all four have the same activation row.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn dot4<const Q4_1: bool, const SHARED_W: bool>(
        pairs: &[(WRow<'_>, Row<'_>); 4],
    ) -> [f32; 4] {
        let mut acc = _mm_setzero_ps();
        let w = |p: usize| &pairs[p].0;
        let x = |p: usize| &pairs[p].1;
        for b in 0..w(0).d.len() {
            let s = if SHARED_W {
                let qx = unpack::<Q4_1>(w(0), b);
                [
                    products::<Q4_1>(qx, x(0), b),
                    products::<Q4_1>(qx, x(1), b),
                    products::<Q4_1>(qx, x(2), b),
                    products::<Q4_1>(qx, x(3), b),
                ]
            } else {
                let one = |p: usize| products::<Q4_1>(unpack::<Q4_1>(w(p), b), x(0), b);
                [one(0), one(1), one(2), one(3)]
            };
            // Each pair's eight partial sums to one lane, in integers (exact).
            let h = _mm256_hadd_epi32(_mm256_hadd_epi32(s[0], s[1]), _mm256_hadd_epi32(s[2], s[3]));
            let sums = _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
            // (sum · d_w) · d_x, then Q4_1's m_w · s_x, as the scalar code.
            let dw = gather(SHARED_W, |p| *w(p).d.get_unchecked(b));
            let dx = gather(!SHARED_W, |p| *x(p).d.get_unchecked(b));
            let mut t = _mm_mul_ps(_mm_mul_ps(_mm_cvtepi32_ps(sums), dw), dx);
            if Q4_1 {
                let mw = gather(SHARED_W, |p| f32::from_bits(*w(p).extra.get_unchecked(b)));
                let sx = gather(!SHARED_W, |p| *x(p).s.get_unchecked(b));
                t = _mm_add_ps(t, _mm_mul_ps(mw, sx));
            }
            acc = _mm_add_ps(acc, t);
        }
        let mut out = [0f32; 4];
        _mm_storeu_ps(out.as_mut_ptr(), acc);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
    use candle_core::{Device, Module, Tensor};

    /// Random weights of `n × k` in `dtype` as candle quantizes them, ours
    /// and candle's.
    fn weights(dtype: GgmlDType, n: usize, k: usize) -> (QWeights, QTensor) {
        // Off centre, so that Q4_1's minimum matters.
        let w = Tensor::randn(0.3f32, 1.0, (n, k), &Device::Cpu).unwrap();
        let q = QTensor::quantize(&w, dtype).unwrap();
        let format = Format::of(dtype).unwrap();
        let ours = QWeights::from_ggml(format, &q.data().unwrap(), n, k).unwrap();
        (ours, q)
    }

    fn values(t: &Tensor) -> Vec<f32> {
        t.flatten_all().unwrap().to_vec1().unwrap()
    }

    fn check(dtype: GgmlDType, m: usize, n: usize, k: usize) {
        let (w, candle) = weights(dtype, n, k);
        let x = Tensor::randn(0f32, 1.0, (m, k), &Device::Cpu).unwrap();
        let q = Q8Rows::quantize(&values(&x), k);
        let ours = w.matmul(&q);
        assert_eq!(ours.len(), m * n);

        // Dequantize then multiply: candle's dequantized weights times the
        // activations as quantized (each value its 8-bit integer times its
        // block's scale). The block sums in integers are exact; what differs
        // is f32 rounding in another order and, for Q4_1, each block's sum
        // times its scale stored as f16 (a relative error up to 2⁻¹¹ on one
        // term per block). 2⁻⁹ of the sum of the products' magnitudes covers
        // both with room; a wrong value, bit or block is off by a whole
        // product or more.
        let dense = candle.dequantize(&Device::Cpu).unwrap();
        let x8: Vec<f32> =
            q.qs.iter()
                .enumerate()
                .map(|(i, v)| f32::from(*v) * q.d[i / BLOCK])
                .collect();
        let x8 = Tensor::from_vec(x8, (m, k), &Device::Cpu).unwrap();
        let product = |a: &Tensor, b: &Tensor| values(&a.matmul(&b.t().unwrap()).unwrap());
        let reference = product(&x8, &dense);
        let magnitude = product(&x8.abs().unwrap(), &dense.abs().unwrap());
        for (i, (a, b)) in ours.iter().zip(&reference).enumerate() {
            let tolerance = magnitude[i] / 512.0 + 1e-5;
            assert!(
                (a - b).abs() <= tolerance,
                "{dtype:?} {m}×{k}·{k}×{n}: output {i}: {a} against {b} (±{tolerance})"
            );
        }

        // Bit for bit candle's own product, which quantizes `x` itself.
        let theirs = values(&QMatMul::from_qtensor(candle).unwrap().forward(&x).unwrap());
        for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(
                a.to_bits(),
                b.to_bits(),
                "{dtype:?} output {i}: {a} against candle's {b}"
            );
        }

        // And bit for bit the scalar code, which runs where AVX2 does not.
        for r in 0..n {
            for i in 0..m {
                let s = match w.format {
                    Format::Q4_1 => scalar_q4_1(w.row(r), q.row(i)),
                    Format::Q5_0 => scalar_q5_0(w.row(r), q.row(i)),
                };
                let fast = ours[i * n + r];
                assert_eq!(
                    s.to_bits(),
                    fast.to_bits(),
                    "{dtype:?} row {r} input {i}: scalar {s}, kernel {fast}"
                );
            }
        }
    }

    #[test]
    fn q4_1_matches_dequantize_then_multiply() {
        // One row (decoding, four weight rows at a time and a remainder of
        // one), a whole tile, a tile and a remainder of three.
        for m in [1, 4, 7] {
            check(GgmlDType::Q4_1, m, 37, 128);
        }
    }

    #[test]
    fn q5_0_matches_dequantize_then_multiply() {
        for m in [1, 4, 6] {
            check(GgmlDType::Q5_0, m, 35, 128);
        }
    }

    #[test]
    fn activations_quantize_as_candle_does() {
        // Block maximum 127: scale 1, so half-way values round away from 0.
        let mut x = vec![0f32; BLOCK];
        x[..5].copy_from_slice(&[127.0, -0.5, 1.5, 2.5, -3.5]);
        let q = Q8Rows::quantize(&x, BLOCK);
        assert_eq!(&q.qs[..5], &[127, -1, 2, 3, -4]);
        assert_eq!((q.d[0], q.s[0]), (1.0, 127.0));
        // An all-zero block has scale 0 and no NaN.
        let z = Q8Rows::quantize(&[0f32; BLOCK], BLOCK);
        assert_eq!((z.d[0], z.qs[0]), (0.0, 0));
    }

    #[test]
    fn shapes_that_are_not_whole_blocks_are_refused() {
        assert!(QWeights::from_ggml(Format::Q4_1, &[0; 20], 1, 31).is_none());
        assert!(QWeights::from_ggml(Format::Q5_0, &[0; 21], 1, 32).is_none());
        assert!(QWeights::from_ggml(Format::Q5_0, &[0; 22], 1, 32).is_some());
    }
}
