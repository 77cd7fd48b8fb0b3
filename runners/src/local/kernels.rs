//! Quantized matrix products on the CPU for the two GGUF weight formats that
//! candle multiplies with scalar code only, Q4_1 and Q5_0, and that most of
//! the local models' weights are in (SmolLM2's every layer, Gemma 3's and
//! Qwen 2.5's attention and feed-forward inputs). Its main type is
//! [`QWeights`].
//!
//! As llama.cpp does, the activations are quantized once per product to 8
//! bits per block of 32 values ([`Q8Rows`]), and each block's dot product is
//! summed in integers, then scaled. The weights are stored in groups of
//! four rows, their blocks interleaved, so that one group's blocks are read
//! together. With AVX2 and FMA, detected when the program runs (so the
//! portable build gets them), a group is multiplied by eight activation rows
//! at once (prompt processing: 32 dot products, each weight block unpacked
//! once for eight activation rows and each activation block loaded once for
//! four) or by one (decoding: four dot products); elsewhere a scalar loop
//! computes the same sums. Groups of weight rows are shared out over
//! rayon's pool.
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

/// Weight rows stored interleaved and multiplied together.
const GROUP: usize = 4;

/// Activation rows the prompt kernel multiplies each group of weight rows by.
const TILE: usize = 8;

/// Groups of weight rows one rayon task computes when decoding (one
/// activation row): enough to make the task worth its scheduling, few
/// enough that a step's rows spread over the cores.
const DECODE_GROUPS_PER_TASK: usize = 4;

/// Groups of weight rows one rayon task computes for several activation
/// rows: its weights (32 rows) stay in the core's caches while every tile
/// of activations passes over them.
const PROMPT_GROUPS_PER_TASK: usize = 8;

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
    /// Per block, the sum of its quantized values, exact: Q5_0's kernels
    /// multiply by weights 16 too large and take 16 times this off.
    sum: Vec<i32>,
    /// The quantized values, row after row.
    qs: Vec<i8>,
}

impl Q8Rows {
    /// Quantizes `x`, rows of `k` values each; `k` must be a multiple of [`BLOCK`].
    pub fn quantize(x: &[f32], k: usize) -> Self {
        Self::quantize_with(x, k, avx2())
    }

    /// [`Self::quantize`] with AVX2 if `simd`, else by scalar code.
    fn quantize_with(x: &[f32], k: usize, simd: bool) -> Self {
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
            sum: Vec::with_capacity(blocks),
            qs: vec![0; x.len()],
        };
        for (block, qs) in x.chunks_exact(BLOCK).zip(out.qs.chunks_exact_mut(BLOCK)) {
            let (d, sum) = quantize_block(block, qs, simd);
            let d = f16::from_f32(d);
            out.d.push(d.to_f32());
            out.s.push((f16::from_f32(sum as f32) * d).to_f32());
            out.sum.push(sum);
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
            sum: &self.sum[r * b..(r + 1) * b],
            qs: &self.qs[r * self.k..(r + 1) * self.k],
        }
    }
}

/// Quantizes one block of activations into `qs`; returns its scale, not
/// yet rounded to f16, and the sum of its quantized values.
fn quantize_block(block: &[f32], qs: &mut [i8], simd: bool) -> (f32, i32) {
    #[cfg(target_arch = "x86_64")]
    if simd {
        // SAFETY: `simd` is true only when the CPU has AVX2 and FMA.
        if let Some(done) = unsafe { x86::quantize(block, qs) } {
            return done;
        }
    }
    let _ = simd;
    let max = block.iter().fold(0f32, |m, v| m.max(v.abs()));
    let d = max / 127.0;
    let id = if d != 0.0 { 1.0 / d } else { 0.0 };
    let mut sum = 0i32;
    for (v, q) in block.iter().zip(qs.iter_mut()) {
        *q = (v * id).round() as i8;
        sum += i32::from(*q);
    }
    (d, sum)
}

/// One row of [`Q8Rows`].
#[derive(Clone, Copy)]
struct Row<'a> {
    d: &'a [f32],
    s: &'a [f32],
    sum: &'a [i32],
    qs: &'a [i8],
}

/// [`TILE`] activation rows of a [`Q8Rows`] laid out for the prompt
/// kernel, so that it reads each block's numbers in the order and shape it
/// uses them: the rows' values side by side, block by block, and each
/// per-block number as eight lanes per pair of rows (the first row's
/// [`GROUP`] times, then the second's), lined up with the sums of a group
/// of weight rows with the pair.
struct Tile {
    /// The rows, from a [`Q8Rows`]; a short last tile repeats its last row.
    rows: [usize; TILE],
    /// Per block and row: its 32 values.
    qs: Vec<i8>,
    /// Per block, pair of rows and lane: the scale.
    d: Vec<f32>,
    /// Per block, pair of rows and lane: `d` times the block's sum (Q4_1).
    s: Vec<f32>,
    /// Per block, pair of rows and lane: 16 times the block's sum (Q5_0).
    offset: Vec<i32>,
}

impl Tile {
    /// The rows of `x` from `first` on.
    fn new(x: &Q8Rows, first: usize) -> Self {
        let m = x.rows();
        let rows = std::array::from_fn(|c| (first + c).min(m - 1));
        let blocks = x.k / BLOCK;
        let lanes = blocks * TILE * GROUP;
        let mut tile = Self {
            rows,
            qs: Vec::with_capacity(blocks * TILE * BLOCK),
            d: Vec::with_capacity(lanes),
            s: Vec::with_capacity(lanes),
            offset: Vec::with_capacity(lanes),
        };
        for b in 0..blocks {
            for r in rows {
                let i = r * blocks + b;
                tile.qs.extend_from_slice(&x.qs[i * BLOCK..(i + 1) * BLOCK]);
                tile.d.extend([x.d[i]; GROUP]);
                tile.s.extend([x.s[i]; GROUP]);
                tile.offset.extend([16 * x.sum[i]; GROUP]);
            }
        }
        tile
    }
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
/// offsets or high bits, and nibbles. The rows are stored in groups of
/// [`GROUP`] (the last one filled up with rows of zeros), block by block:
/// a group's first block of each of its rows, then their second blocks,
/// and so on, so that each array is read in order.
#[derive(Debug, Clone)]
pub struct QWeights {
    format: Format,
    n: usize,
    k: usize,
    /// Per group, block and row: the scale.
    d: Vec<f32>,
    /// Per group, block and row: the minimum (Q4_1), or the 32 high bits
    /// (Q5_0, as f32 bits).
    extra: Vec<u32>,
    /// Per group, block and row: 16 bytes, value `j` in the low nibble of
    /// byte `j` and value `j + 16` in the high one.
    qs: Vec<u8>,
}

impl QWeights {
    /// Reads `n` rows of `k` values from GGUF blocks of `format`; `None` if
    /// `k` is not a whole number of blocks or `data` is not `n` rows long.
    pub fn from_ggml(format: Format, data: &[u8], n: usize, k: usize) -> Option<Self> {
        if k % BLOCK != 0 || data.len() != n * k / BLOCK * format.block_bytes() {
            return None;
        }
        let blocks = k / BLOCK;
        let slots = n.div_ceil(GROUP) * GROUP * blocks;
        let mut w = Self {
            format,
            n,
            k,
            d: vec![0.0; slots],
            extra: vec![0; slots],
            qs: vec![0; slots * BLOCK / 2],
        };
        let half = |b: &[u8]| f16::from_le_bytes([b[0], b[1]]).to_f32();
        for (i, b) in data.chunks_exact(format.block_bytes()).enumerate() {
            let (r, block) = (i / blocks, i % blocks);
            let slot = ((r / GROUP) * blocks + block) * GROUP + r % GROUP;
            w.d[slot] = half(&b[0..2]);
            let (extra, qs) = match format {
                Format::Q4_1 => (half(&b[2..4]).to_bits(), &b[4..20]),
                Format::Q5_0 => (u32::from_le_bytes([b[2], b[3], b[4], b[5]]), &b[6..22]),
            };
            w.extra[slot] = extra;
            w.qs[slot * 16..slot * 16 + 16].copy_from_slice(qs);
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
        self.product(x, avx2())
    }

    /// [`Self::matmul`] by the AVX2 kernels if `simd`, else by scalar code.
    fn product(&self, x: &Q8Rows, simd: bool) -> Vec<f32> {
        assert_eq!(
            x.k, self.k,
            "activations of {} values, weights of {}",
            x.k, self.k
        );
        let m = x.rows();
        if m == 0 || self.n == 0 {
            return Vec::new();
        }
        let groups = self.n.div_ceil(GROUP);
        let per_task = if m == 1 {
            DECODE_GROUPS_PER_TASK
        } else {
            PROMPT_GROUPS_PER_TASK
        };
        let tiles: Vec<Tile> = if m == 1 {
            Vec::new()
        } else {
            (0..m).step_by(TILE).map(|i| Tile::new(x, i)).collect()
        };
        // Each task owns a run of weight rows and writes their products
        // with every activation row, activation row after activation row,
        // into its own stretch of `t`.
        let mut t = vec![0f32; groups * GROUP * m];
        t.par_chunks_mut(per_task * GROUP * m)
            .enumerate()
            .for_each(|(task, out)| {
                let first = task * per_task;
                let rows = out.len() / m;
                if m == 1 {
                    for (g, out) in out.chunks_exact_mut(GROUP).enumerate() {
                        out.copy_from_slice(&self.group_dot(first + g, x.row(0), simd));
                    }
                    return;
                }
                for (tile, i) in tiles.iter().zip((0..m).step_by(TILE)) {
                    for g in 0..rows / GROUP {
                        let tile = self.tile(first + g, x, tile, simd);
                        for (c, sums) in tile.iter().take(m - i).enumerate() {
                            out[(i + c) * rows + g * GROUP..][..GROUP].copy_from_slice(sums);
                        }
                    }
                }
            });
        if m == 1 {
            t.truncate(self.n);
            return t;
        }
        // Back to one row of `n` per activation row: each task's stretch
        // holds a run of contiguous outputs for every activation row.
        let task_rows = per_task * GROUP;
        let mut out = Vec::with_capacity(m * self.n);
        for i in 0..m {
            for (task, stretch) in t.chunks(task_rows * m).enumerate() {
                let rows = stretch.len() / m;
                let real = rows.min(self.n - task * task_rows);
                out.extend_from_slice(&stretch[i * rows..i * rows + real]);
            }
        }
        out
    }

    fn group(&self, g: usize) -> Group<'_> {
        let slots = self.k / BLOCK * GROUP;
        Group {
            d: &self.d[g * slots..(g + 1) * slots],
            extra: &self.extra[g * slots..(g + 1) * slots],
            qs: &self.qs[g * slots * 16..(g + 1) * slots * 16],
        }
    }

    /// The dot products of group `g`'s rows with one activation row.
    fn group_dot(&self, g: usize, x: Row<'_>, simd: bool) -> [f32; GROUP] {
        let w = self.group(g);
        #[cfg(target_arch = "x86_64")]
        if simd {
            // SAFETY: `simd` is true only when the CPU has AVX2 and FMA.
            return unsafe {
                match self.format {
                    Format::Q4_1 => x86::group_dot::<true>(&w, &x),
                    Format::Q5_0 => x86::group_dot::<false>(&w, &x),
                }
            };
        }
        let _ = simd;
        std::array::from_fn(|j| self.scalar(&w, j, x))
    }

    /// The dot products of group `g`'s rows with the activation rows of
    /// `tile`, one array per activation row.
    fn tile(&self, g: usize, x: &Q8Rows, tile: &Tile, simd: bool) -> [[f32; GROUP]; TILE] {
        let w = self.group(g);
        #[cfg(target_arch = "x86_64")]
        if simd {
            // SAFETY: `simd` is true only when the CPU has AVX2 and FMA.
            return unsafe {
                match self.format {
                    Format::Q4_1 => x86::tile::<true>(&w, tile),
                    Format::Q5_0 => x86::tile::<false>(&w, tile),
                }
            };
        }
        let _ = simd;
        tile.rows
            .map(|r| std::array::from_fn(|j| self.scalar(&w, j, x.row(r))))
    }

    /// Row `j` of a group times `x`, one block after another, as candle's
    /// scalar `vec_dot` computes it.
    fn scalar(&self, w: &Group<'_>, j: usize, x: Row<'_>) -> f32 {
        let mut sum = 0f32;
        for b in 0..x.d.len() {
            let slot = b * GROUP + j;
            let qs = &w.qs[slot * 16..slot * 16 + 16];
            let ys = &x.qs[b * BLOCK..(b + 1) * BLOCK];
            let extra = w.extra[slot];
            let mut dot = 0i32;
            for i in 0..16 {
                let (mut lo, mut hi) = (i32::from(qs[i] & 0x0F), i32::from(qs[i] >> 4));
                if self.format == Format::Q5_0 {
                    lo += (((extra >> i) & 1) << 4) as i32 - 16;
                    hi += (((extra >> (i + 16)) & 1) << 4) as i32 - 16;
                }
                dot += lo * i32::from(ys[i]) + hi * i32::from(ys[i + 16]);
            }
            sum += match self.format {
                Format::Q4_1 => dot as f32 * w.d[slot] * x.d[b] + f32::from_bits(extra) * x.s[b],
                Format::Q5_0 => dot as f32 * w.d[slot] * x.d[b],
            };
        }
        sum
    }
}

/// One group of [`QWeights`]' rows.
#[derive(Clone, Copy)]
struct Group<'a> {
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

#[cfg(target_arch = "x86_64")]
mod x86 {
    //! A group's dot products with one or eight activation rows: integer
    //! block sums with llama.cpp's AVX2 block code
    //! (`ggml_vec_dot_q4_1_q8_1`, `ggml_vec_dot_q5_0_q8_0`), reduced to one
    //! lane per dot product and scaled as the scalar code does.

    use super::{Group, Row, Tile, BLOCK, GROUP, TILE};
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

    /// Row `j`'s block `b` as unsigned bytes: Q4_1's nibbles (0…15), or
    /// Q5_0's values plus 16 (0…31), the 16 taken off afterwards with the
    /// activations' block sums ([`offset`]).
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn unpack<const Q4_1: bool>(w: &Group<'_>, b: usize, j: usize) -> __m256i {
        let slot = b * GROUP + j;
        let lo = nibbles(w.qs.as_ptr().add(slot * 16));
        if Q4_1 {
            return lo;
        }
        let high = _mm256_and_si256(bits(*w.extra.get_unchecked(slot)), _mm256_set1_epi8(0x10));
        _mm256_or_si256(lo, high)
    }

    /// One block of activations quantized as the scalar code does it,
    /// into `qs`: its scale before rounding to f16 and the sum of its
    /// values; `None`, leaving the block to the scalar code, if it holds a
    /// NaN or an infinity (whose conversions to integers differ).
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn quantize(block: &[f32], qs: &mut [i8]) -> Option<(f32, i32)> {
        let v: [__m256; 4] = std::array::from_fn(|i| _mm256_loadu_ps(block.as_ptr().add(8 * i)));
        let sign = _mm256_set1_ps(-0.0);
        let abs = |v: __m256| _mm256_andnot_ps(sign, v);
        let mut max = _mm256_setzero_ps();
        let mut finite = 0xFF;
        for v in v {
            let a = abs(v);
            finite &= _mm256_movemask_ps(_mm256_cmp_ps::<_CMP_LT_OQ>(
                a,
                _mm256_set1_ps(f32::INFINITY),
            ));
            max = _mm256_max_ps(max, a);
        }
        if finite != 0xFF {
            return None;
        }
        let max = _mm_max_ps(_mm256_castps256_ps128(max), _mm256_extractf128_ps::<1>(max));
        let max = _mm_max_ps(max, _mm_movehl_ps(max, max));
        let max = _mm_cvtss_f32(_mm_max_ss(max, _mm_shuffle_ps::<1>(max, max)));
        let d = max / 127.0;
        let id = _mm256_set1_ps(if d != 0.0 { 1.0 / d } else { 0.0 });
        // Rounding half away from zero, as `f32::round`: truncate, then
        // step away from zero where the (exact) remainder is at least ½.
        let q: [__m256i; 4] = std::array::from_fn(|i| {
            let x = _mm256_mul_ps(v[i], id);
            let t = _mm256_round_ps::<{ _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC }>(x);
            let away = _mm256_cmp_ps::<_CMP_GE_OQ>(abs(_mm256_sub_ps(x, t)), _mm256_set1_ps(0.5));
            let step = _mm256_or_ps(_mm256_and_ps(x, sign), _mm256_set1_ps(1.0));
            _mm256_cvtps_epi32(_mm256_add_ps(t, _mm256_and_ps(away, step)))
        });
        let sum = _mm256_add_epi32(_mm256_add_epi32(q[0], q[1]), _mm256_add_epi32(q[2], q[3]));
        let sum = _mm_add_epi32(
            _mm256_castsi256_si128(sum),
            _mm256_extracti128_si256::<1>(sum),
        );
        let sum = _mm_hadd_epi32(sum, sum);
        let sum = _mm_cvtsi128_si32(_mm_hadd_epi32(sum, sum));
        // Packing interleaves the four vectors' halves; the permutation
        // puts the 32 values back in order.
        let bytes = _mm256_packs_epi16(
            _mm256_packs_epi32(q[0], q[1]),
            _mm256_packs_epi32(q[2], q[3]),
        );
        let bytes = _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
        _mm256_storeu_si256(qs.as_mut_ptr().cast(), bytes);
        Some((d, sum))
    }

    /// Activation block `b` of `x`.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn load(x: &Row<'_>, b: usize) -> __m256i {
        _mm256_loadu_si256(x.qs.as_ptr().add(b * BLOCK).cast())
    }

    /// One block's products of unsigned weight bytes (at most 31) and
    /// activation bytes (at most 127 in size), summed in pairs to 16 bits.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn products(qw: __m256i, qx: __m256i) -> __m256i {
        _mm256_maddubs_epi16(qw, qx)
    }

    /// Four blocks' [`products`] half reduced: lane `j` of each 128-bit
    /// half holds a partial sum of block `j`'s, and the two halves add up
    /// to it. Sums of up to 8 products stay in 16 bits (8 · 31 · 127 is
    /// below 2¹⁵), so three 16-bit horizontal adds do most of the work
    /// before one widening to 32 bits.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn reduce4(p: [__m256i; 4]) -> __m256i {
        let ab = _mm256_hadd_epi16(p[0], p[1]);
        let cd = _mm256_hadd_epi16(p[2], p[3]);
        _mm256_madd_epi16(_mm256_hadd_epi16(ab, cd), _mm256_set1_epi16(1))
    }

    /// Q5_0's 16 times the activations' block sum, what its weights stored
    /// 16 too large added.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn offset(x: &Row<'_>, b: usize) -> __m128i {
        _mm_slli_epi32(_mm_set1_epi32(*x.sum.get_unchecked(b)), 4)
    }

    /// Four consecutive f32 of a group's per-row array at block `b`.
    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn four(p: *const f32, b: usize) -> __m128 {
        _mm_loadu_ps(p.add(b * GROUP))
    }

    /// The dot products of a group's four rows with one activation row.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn group_dot<const Q4_1: bool>(w: &Group<'_>, x: &Row<'_>) -> [f32; GROUP] {
        let mut acc = _mm_setzero_ps();
        for b in 0..x.d.len() {
            let qx = load(x, b);
            let h = reduce4(std::array::from_fn(|j| {
                products(unpack::<Q4_1>(w, b, j), qx)
            }));
            let mut sums = _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
            if !Q4_1 {
                sums = _mm_sub_epi32(sums, offset(x, b));
            }
            // (sum · d_w) · d_x, then Q4_1's m_w · s_x, as the scalar code.
            let dw = four(w.d.as_ptr(), b);
            let dx = _mm_set1_ps(*x.d.get_unchecked(b));
            let mut t = _mm_mul_ps(_mm_mul_ps(_mm_cvtepi32_ps(sums), dw), dx);
            if Q4_1 {
                let mw = four(w.extra.as_ptr().cast(), b);
                t = _mm_add_ps(t, _mm_mul_ps(mw, _mm_set1_ps(*x.s.get_unchecked(b))));
            }
            acc = _mm_add_ps(acc, t);
        }
        let mut out = [0f32; GROUP];
        _mm_storeu_ps(out.as_mut_ptr(), acc);
        out
    }

    /// The dot products of a group's four rows with a tile's eight
    /// activation rows, one array per activation row. Two activation rows
    /// share a vector of eight sums: lanes 0–3 the first's four dot
    /// products, 4–7 the second's, as the tile's per-block numbers are laid
    /// out.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn tile<const Q4_1: bool>(w: &Group<'_>, x: &Tile) -> [[f32; GROUP]; TILE] {
        let mut acc = [_mm256_setzero_ps(); TILE / 2];
        let both = |v: __m128| _mm256_set_m128(v, v);
        let (qs, d, s, offset) = (x.qs.as_ptr(), x.d.as_ptr(), x.s.as_ptr(), x.offset.as_ptr());
        for b in 0..x.qs.len() / (TILE * BLOCK) {
            let qw: [__m256i; GROUP] = std::array::from_fn(|j| unpack::<Q4_1>(w, b, j));
            let dw = both(four(w.d.as_ptr(), b));
            let mw = both(four(w.extra.as_ptr().cast(), b));
            let step = |pair: usize, acc: __m256| {
                let row = |c: usize| {
                    let qx = _mm256_loadu_si256(qs.add((b * TILE + c) * BLOCK).cast());
                    reduce4(std::array::from_fn(|j| products(qw[j], qx)))
                };
                let (h0, h1) = (row(2 * pair), row(2 * pair + 1));
                let mut sums = _mm256_add_epi32(
                    _mm256_permute2x128_si256(h0, h1, 0x20),
                    _mm256_permute2x128_si256(h0, h1, 0x31),
                );
                let at = (b * TILE + 2 * pair) * GROUP;
                if !Q4_1 {
                    sums = _mm256_sub_epi32(sums, _mm256_loadu_si256(offset.add(at).cast()));
                }
                // (sum · d_w) · d_x, then Q4_1's m_w · s_x, as the scalar code.
                let dx = _mm256_loadu_ps(d.add(at));
                let mut t = _mm256_mul_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(sums), dw), dx);
                if Q4_1 {
                    t = _mm256_add_ps(t, _mm256_mul_ps(mw, _mm256_loadu_ps(s.add(at))));
                }
                _mm256_add_ps(acc, t)
            };
            // Written out, so that the accumulators stay in registers.
            const { assert!(TILE == 8, "four pairs of rows per tile") };
            acc = [
                step(0, acc[0]),
                step(1, acc[1]),
                step(2, acc[2]),
                step(3, acc[3]),
            ];
        }
        let mut out = [[0f32; GROUP]; TILE];
        for (pair, acc) in acc.iter().enumerate() {
            _mm_storeu_ps(out[2 * pair].as_mut_ptr(), _mm256_castps256_ps128(*acc));
            _mm_storeu_ps(
                out[2 * pair + 1].as_mut_ptr(),
                _mm256_extractf128_ps(*acc, 1),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
    use candle_core::{Device, Module, Tensor};

    /// Weights `w` quantized to `dtype` as candle quantizes them, ours and
    /// candle's.
    fn weights(dtype: GgmlDType, w: &Tensor) -> (QWeights, QTensor) {
        let (n, k) = w.dims2().unwrap();
        let q = QTensor::quantize(w, dtype).unwrap();
        let format = Format::of(dtype).unwrap();
        let ours = QWeights::from_ggml(format, &q.data().unwrap(), n, k).unwrap();
        (ours, q)
    }

    fn values(t: &Tensor) -> Vec<f32> {
        t.flatten_all().unwrap().to_vec1().unwrap()
    }

    /// Random weights and activations of the given shape.
    fn check(dtype: GgmlDType, m: usize, n: usize, k: usize) {
        // Off centre, so that Q4_1's minimum matters.
        let w = Tensor::randn(0.3f32, 1.0, (n, k), &Device::Cpu).unwrap();
        let x = Tensor::randn(0f32, 1.0, (m, k), &Device::Cpu).unwrap();
        check_with(dtype, &w, &x);
    }

    /// `x · wᵀ` by the kernels against candle's product and the scalar code.
    fn check_with(dtype: GgmlDType, w: &Tensor, x: &Tensor) {
        let ((n, k), (m, _)) = (w.dims2().unwrap(), x.dims2().unwrap());
        let (w, candle) = weights(dtype, w);
        let q = Q8Rows::quantize(&values(x), k);
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
        let theirs = values(&QMatMul::from_qtensor(candle).unwrap().forward(x).unwrap());
        for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(
                a.to_bits(),
                b.to_bits(),
                "{dtype:?} output {i}: {a} against candle's {b}"
            );
        }

        // And bit for bit the scalar code, which runs where AVX2 does not.
        let scalar = w.product(&q, false);
        for (i, (a, b)) in ours.iter().zip(&scalar).enumerate() {
            assert_eq!(
                a.to_bits(),
                b.to_bits(),
                "{dtype:?} output {i}: kernel {a}, scalar {b}"
            );
        }
    }

    /// Shapes for both formats: one activation row (decoding), fewer rows
    /// than a tile, whole tiles and a remainder; weight rows in one task
    /// and in several, neither a whole number of groups; two blocks per
    /// row and more (candle's products take an even number of blocks).
    const SHAPES: [(usize, usize, usize); 9] = [
        (1, 37, 128),
        (1, 70, 64),
        (2, 37, 128),
        (3, 5, 64),
        (4, 37, 128),
        (7, 37, 192),
        (9, 70, 64),
        (16, 37, 128),
        (13, 33, 64),
    ];

    #[test]
    fn q4_1_matches_dequantize_then_multiply() {
        for (m, n, k) in SHAPES {
            check(GgmlDType::Q4_1, m, n, k);
        }
    }

    #[test]
    fn q5_0_matches_dequantize_then_multiply() {
        for (m, n, k) in SHAPES {
            check(GgmlDType::Q5_0, m, n, k);
        }
    }

    #[test]
    fn the_largest_values_do_not_overflow_the_sums() {
        // Blocks of one −16 and 31 times 15 (times a scale) quantize to
        // Q4_1's 0 and 15s and to Q5_0's 0 and 31s (stored 16 up), the
        // largest unsigned bytes each; activations of one magnitude
        // quantize to ±127 each. The products' 16-bit partial sums are at
        // their largest, positive and negative.
        let (n, k) = (6, 128);
        let w: Vec<f32> = (0..n * k)
            .map(|i| {
                let v = if i % BLOCK == 0 { -16.0 } else { 15.0 };
                if (i / k) % 2 == 0 {
                    v
                } else {
                    -v
                }
            })
            .collect();
        let w = Tensor::from_vec(w, (n, k), &Device::Cpu).unwrap();
        let x: Vec<f32> = (0..5 * k)
            .map(|i| match i / k {
                0 => 1.0,
                1 => -1.0,
                2 => {
                    if i % 2 == 0 {
                        2.0
                    } else {
                        -2.0
                    }
                }
                _ => 0.5,
            })
            .collect();
        for m in [1, 5] {
            let x = Tensor::from_vec(x[..m * k].to_vec(), (m, k), &Device::Cpu).unwrap();
            for dtype in [GgmlDType::Q4_1, GgmlDType::Q5_0] {
                check_with(dtype, &w, &x);
            }
        }
    }

    #[test]
    fn activations_quantize_as_candle_does() {
        // Block maximum 127: scale 1, so half-way values round away from 0.
        let mut x = vec![0f32; BLOCK];
        x[..5].copy_from_slice(&[127.0, -0.5, 1.5, 2.5, -3.5]);
        let q = Q8Rows::quantize(&x, BLOCK);
        assert_eq!(&q.qs[..5], &[127, -1, 2, 3, -4]);
        assert_eq!((q.d[0], q.s[0], q.sum[0]), (1.0, 127.0, 127));
        // An all-zero block has scale 0 and no NaN.
        let z = Q8Rows::quantize(&[0f32; BLOCK], BLOCK);
        assert_eq!((z.d[0], z.qs[0]), (0.0, 0));
    }

    #[test]
    fn activations_quantize_alike_with_and_without_avx2() {
        let x = Tensor::randn(0f32, 3.0, (6, 256), &Device::Cpu).unwrap();
        let mut x = values(&x);
        // Half-way values, zeros, a NaN and an infinity in blocks of their own.
        x[..4].copy_from_slice(&[127.0, 0.5, -2.5, 126.5]);
        x[32..64].fill(0.0);
        x[70] = f32::NAN;
        x[100] = f32::NEG_INFINITY;
        let (a, b) = (
            Q8Rows::quantize(&x, 256),
            Q8Rows::quantize_with(&x, 256, false),
        );
        assert_eq!(a.qs, b.qs);
        assert_eq!(a.sum, b.sum);
        let bits = |v: &[f32]| v.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a.d), bits(&b.d));
        assert_eq!(bits(&a.s), bits(&b.s));
    }

    #[test]
    fn shapes_that_are_not_whole_blocks_are_refused() {
        assert!(QWeights::from_ggml(Format::Q4_1, &[0; 20], 1, 31).is_none());
        assert!(QWeights::from_ggml(Format::Q5_0, &[0; 21], 1, 32).is_none());
        assert!(QWeights::from_ggml(Format::Q5_0, &[0; 22], 1, 32).is_some());
    }
}
