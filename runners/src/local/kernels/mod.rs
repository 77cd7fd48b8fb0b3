//! Quantized matrix products on the CPU for the GGUF weight formats most of
//! the local models' weights are in: Q4_1 and Q5_0, which candle multiplies
//! with scalar code only (SmolLM2's every layer, Gemma 3's and Qwen 2.5's
//! attention and feed-forward inputs), and Q8_0, which candle multiplies
//! one dot product at a time (the output heads, the largest single
//! matrices: Gemma 3's 262,144 × 640 costs more per token than all its
//! layers together). Its main type is [`QWeights`].
//!
//! As llama.cpp does, the activations are quantized once per product to 8
//! bits per block of 32 values ([`Q8Rows`]), and each block's dot product is
//! summed in integers, then scaled. The weights are stored in groups of
//! eight rows, their blocks interleaved four values at a time, as
//! llama.cpp's repacked CPU kernels store them: with AVX2, FMA and F16C, detected
//! when the program runs (so the portable build gets them), one vector holds
//! four values of each of the eight rows, and multiplying it by four values
//! of an activation row, repeated eight times, sums each row's products in
//! its own lane, so a block's eight dot products need no horizontal sums.
//! With AVX-512 VNNI one vector holds two such and one instruction sums
//! four products per lane; NEON (every aarch64 CPU) takes half of one, four
//! rows. A group is multiplied by eight activation rows at a time (prompt
//! processing, each weight block unpacked once for the eight) or by one
//! (decoding); elsewhere a scalar loop computes the same sums. [`Kernels`]
//! names the sets and picks the best the CPU runs. Groups of
//! weight rows, and the activations' rows to quantize, are shared out over
//! the worker pool (see `pool`).
//!
//! The results are bit for bit those of candle's scalar `vec_dot` for
//! these formats, which is the only one it has for Q4_1 and Q5_0: the same
//! activation quantization, each block's integer sum scaled as
//! `(sum · d_w) · d_x` and added in block order, so greedy answers do not
//! move with the machine. (Candle's AVX2 code for Q8_0 adds the same terms
//! in another order, a difference in the last bits.)

// The SIMD kernels call `std::arch` intrinsics, which are unsafe to call;
// each x86 one is behind a runtime check that the CPU has the features it
// uses (NEON is part of every aarch64 CPU).
#![allow(unsafe_code)]

use super::pool;
use half::f16;

/// Values per quantization block, in the weights and in the activations.
pub const BLOCK: usize = 32;

/// Weight rows stored interleaved and multiplied together: one lane of
/// 32 bits each in a 256-bit vector.
const GROUP: usize = 8;

/// Activation rows the prompt kernel multiplies each group of weight rows by.
const TILE: usize = 8;

/// Groups of weight rows one task computes when decoding (one
/// activation row): enough to make the task worth its scheduling, few
/// enough that a step's rows spread over the cores.
const DECODE_GROUPS_PER_TASK: usize = 2;

/// Groups of weight rows one task computes for several activation
/// rows: its weights (32 rows) stay in the core's caches while every tile
/// of activations passes over them.
const PROMPT_GROUPS_PER_TASK: usize = 4;

/// Values of activations one task of the worker pool quantizes, in whole
/// rows (one row when rows are longer).
const QUANTIZE_PER_TASK: usize = 8192;

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
        Self::quantize_with(x, k, Kernels::best().is_x86())
    }

    /// [`Self::quantize`] with AVX2 if `simd`, else by scalar code.
    fn quantize_with(x: &[f32], k: usize, simd: bool) -> Self {
        assert!(
            k.is_multiple_of(BLOCK) && x.len().is_multiple_of(k.max(1)),
            "rows of {k} values, {} in all",
            x.len()
        );
        let blocks = x.len() / BLOCK;
        let mut out = Self {
            k,
            d: vec![0.0; blocks],
            s: vec![0.0; blocks],
            sum: vec![0; blocks],
            qs: vec![0; x.len()],
        };
        // Whole rows to a task of the worker pool.
        let values = ((QUANTIZE_PER_TASK / k.max(1)).max(1) * k).max(BLOCK);
        let pieces = x
            .chunks(values)
            .zip(out.qs.chunks_mut(values))
            .zip(out.d.chunks_mut(values / BLOCK))
            .zip(out.s.chunks_mut(values / BLOCK))
            .zip(out.sum.chunks_mut(values / BLOCK))
            .collect();
        pool::for_each(pieces, |_, ((((x, qs), d), s), sum)| {
            let blocks = x.chunks_exact(BLOCK).zip(qs.chunks_exact_mut(BLOCK));
            for ((((block, qs), d), s), sum) in blocks.zip(d).zip(s).zip(sum) {
                let (scale, total) = quantize_block(block, qs, simd);
                let scale = f16::from_f32(scale);
                *d = scale.to_f32();
                *s = (f16::from_f32(total as f32) * scale).to_f32();
                *sum = total;
            }
        });
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
        // SAFETY: `simd` is true only when the CPU has AVX2, FMA and F16C.
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

/// The weight formats with kernels here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// 4-bit values with a scale and a minimum per block of 32.
    Q4_1,
    /// 5-bit values (low nibbles plus a bit each) with a scale per block of 32.
    Q5_0,
    /// 8-bit signed values with a scale per block of 32.
    Q8_0,
}

impl Format {
    /// The format of a GGUF tensor type, if it has a kernel here.
    pub fn of(dtype: candle_core::quantized::GgmlDType) -> Option<Self> {
        use candle_core::quantized::GgmlDType;
        match dtype {
            GgmlDType::Q4_1 => Some(Self::Q4_1),
            GgmlDType::Q5_0 => Some(Self::Q5_0),
            GgmlDType::Q8_0 => Some(Self::Q8_0),
            _ => None,
        }
    }

    /// Bytes per block in the GGUF file.
    fn block_bytes(self) -> usize {
        match self {
            Self::Q4_1 => 20,
            Self::Q5_0 => 22,
            Self::Q8_0 => 34,
        }
    }

    /// Bytes of one block of a group's rows in [`QWeights`]: 16 per row
    /// for the 4-bit formats, 32 for Q8_0.
    fn group_block_bytes(self) -> usize {
        match self {
            Self::Q4_1 | Self::Q5_0 => GROUP * BLOCK / 2,
            Self::Q8_0 => GROUP * BLOCK,
        }
    }

    /// Whether blocks carry a second word (Q4_1's minimum, Q5_0's high bits).
    fn has_extra(self) -> bool {
        self != Self::Q8_0
    }
}

/// A weight matrix of `n` rows of `k` values in one of the [`Format`]s,
/// its blocks unpacked into arrays of scales (f16, as in the file: Q5_0
/// and Q8_0 take the file's size, Q4_1 a tenth more), offsets or high
/// bits, and values. The rows are stored in groups of eight (the last one
/// filled up with rows of zeros), block by block, and within a block
/// interleaved four bytes at a time.
#[derive(Debug, Clone)]
pub struct QWeights {
    format: Format,
    n: usize,
    k: usize,
    /// Per group, block and row: the scale.
    d: Vec<f16>,
    /// Per group, block and row: Q4_1's minimum (as f32 bits), or Q5_0's
    /// 32 high bits, in the kernels' order: bit `c` of byte `i` is value
    /// `4c + i`'s, so that shifting all the bytes by one amount puts the
    /// bits of values `4c…4c + 3` where the unpacked values need them.
    /// Empty for Q8_0.
    extra: Vec<u32>,
    /// Per group and block, runs of 32 bytes: run `p` holds bytes
    /// `4p…4p + 3` of each row's block, row after row. Q8_0 has eight runs,
    /// one byte per value. The 4-bit formats have four: byte `j` of a row
    /// holds value `j` in its low nibble and value `j + 16` in its high
    /// one, so run `p`'s low nibbles are values `4p…4p + 3` of each row and
    /// its high nibbles values `16 + 4p…16 + 4p + 3`.
    qs: Vec<u8>,
}

impl QWeights {
    /// Reads `n` rows of `k` values from GGUF blocks of `format`; `None` if
    /// `k` is not a whole number of blocks or `data` is not `n` rows long.
    pub fn from_ggml(format: Format, data: &[u8], n: usize, k: usize) -> Option<Self> {
        if !k.is_multiple_of(BLOCK) || data.len() != n * k / BLOCK * format.block_bytes() {
            return None;
        }
        Self::read(format, &mut &data[..], n, k).ok().flatten()
    }

    /// Reads `n` rows of `k` values in GGUF blocks of `format` from
    /// `reader`, eight rows at a time, so that loading holds no second copy
    /// of the matrix; `None` if `k` is not a whole number of blocks.
    pub fn read(
        format: Format,
        reader: &mut impl std::io::Read,
        n: usize,
        k: usize,
    ) -> std::io::Result<Option<Self>> {
        if !k.is_multiple_of(BLOCK) {
            return Ok(None);
        }
        let blocks = k / BLOCK;
        // A header can claim any shape: sizes that overflow are refused
        // before anything is allocated.
        let slots = n
            .div_ceil(GROUP)
            .checked_mul(blocks)
            .filter(|s| s.checked_mul(format.group_block_bytes()).is_some())
            .ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("a matrix of {n} × {k} values is too large"),
                )
            })?;
        let mut w = Self {
            format,
            n,
            k,
            d: vec![f16::ZERO; slots * GROUP],
            extra: vec![0; if format.has_extra() { slots * GROUP } else { 0 }],
            qs: vec![0; slots * format.group_block_bytes()],
        };
        let half = |b: &[u8]| f16::from_le_bytes([b[0], b[1]]).to_f32();
        let mut rows = vec![0u8; GROUP * blocks * format.block_bytes()];
        for first in (0..n).step_by(GROUP) {
            let rows = &mut rows[..GROUP.min(n - first) * blocks * format.block_bytes()];
            reader.read_exact(rows)?;
            for (i, b) in rows.chunks_exact(format.block_bytes()).enumerate() {
                let (j, block) = (i / blocks, i % blocks);
                let slot = first / GROUP * blocks + block;
                w.d[slot * GROUP + j] = f16::from_le_bytes([b[0], b[1]]);
                let qs = match format {
                    Format::Q4_1 => {
                        w.extra[slot * GROUP + j] = half(&b[2..4]).to_bits();
                        &b[4..20]
                    }
                    Format::Q5_0 => {
                        let qh = u32::from_le_bytes([b[2], b[3], b[4], b[5]]);
                        w.extra[slot * GROUP + j] = high_bits(qh);
                        &b[6..22]
                    }
                    Format::Q8_0 => &b[2..34],
                };
                for (p, four) in qs.chunks_exact(4).enumerate() {
                    let at = slot * format.group_block_bytes() + (p * GROUP + j) * 4;
                    w.qs[at..at + 4].copy_from_slice(four);
                }
            }
        }
        Ok(Some(w))
    }

    /// Rows (outputs).
    pub fn n(&self) -> usize {
        self.n
    }

    /// Values per row (inputs).
    pub fn k(&self) -> usize {
        self.k
    }

    /// Row `r` dequantized into `out` (`k` values), each value as candle's
    /// dequantization gives it: `q · d`, plus the minimum for Q4_1.
    pub fn dequantize_row(&self, r: usize, out: &mut [f32]) {
        let w = self.group(r / GROUP);
        let j = r % GROUP;
        for (b, out) in out[..self.k].chunks_exact_mut(BLOCK).enumerate() {
            let d = w.d[b * GROUP + j].to_f32();
            for (v, out) in out.iter_mut().enumerate() {
                let q = self.value(&w, b, j, v) as f32;
                *out = match self.format {
                    Format::Q4_1 => q * d + f32::from_bits(w.extra[b * GROUP + j]),
                    Format::Q5_0 | Format::Q8_0 => q * d,
                };
            }
        }
    }

    /// `x · selfᵀ`: for each row of `x`, the `n` dot products with the
    /// weight rows, row after row, by the best kernels this CPU runs.
    pub fn matmul(&self, x: &Q8Rows) -> Vec<f32> {
        self.product(x, Kernels::best())
    }

    /// [`Self::matmul`] by the given kernels, which give the same results
    /// bit for bit (benchmarks set them side by side).
    ///
    /// # Panics
    /// If this CPU does not run `kernels` (see [`Kernels::available`]).
    pub fn matmul_with(&self, x: &Q8Rows, kernels: Kernels) -> Vec<f32> {
        assert!(
            Kernels::available().contains(&kernels),
            "this CPU does not run the {kernels:?} kernels"
        );
        self.product(x, kernels)
    }

    /// [`Self::matmul`] by `kernels`, which the CPU must run.
    fn product(&self, x: &Q8Rows, kernels: Kernels) -> Vec<f32> {
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
        // Each task owns a run of weight rows and writes their products
        // with every activation row, activation row after activation row,
        // into its own stretch of `t`.
        let mut t = vec![0f32; groups * GROUP * m];
        pool::for_each(
            t.chunks_mut(per_task * GROUP * m).collect(),
            |task, out: &mut [f32]| {
                let first = task * per_task;
                let rows = out.len() / m;
                if m == 1 {
                    for (g, out) in out.chunks_exact_mut(GROUP).enumerate() {
                        let [sums] = self.tile(first + g, &[x.row(0)], kernels);
                        out.copy_from_slice(&sums);
                    }
                    return;
                }
                for i in (0..m).step_by(TILE) {
                    // A short last tile repeats its last row; the extra
                    // results are dropped.
                    let xs: [Row<'_>; TILE] = std::array::from_fn(|c| x.row((i + c).min(m - 1)));
                    for g in 0..rows / GROUP {
                        let tile = self.tile(first + g, &xs, kernels);
                        for (c, sums) in tile.iter().take(m - i).enumerate() {
                            out[(i + c) * rows + g * GROUP..][..GROUP].copy_from_slice(sums);
                        }
                    }
                }
            },
        );
        if m == 1 {
            t.truncate(self.n);
            return t;
        }
        // Back to one row of `n` per activation row: each task's stretch
        // holds a run of contiguous outputs for every activation row.
        let task_rows = per_task * GROUP;
        let mut out = vec![0f32; m * self.n];
        pool::for_each(out.chunks_mut(self.n).collect(), |i, out: &mut [f32]| {
            for (stretch, out) in t.chunks(task_rows * m).zip(out.chunks_mut(task_rows)) {
                let rows = stretch.len() / m;
                out.copy_from_slice(&stretch[i * rows..][..out.len()]);
            }
        });
        out
    }

    fn group(&self, g: usize) -> Group<'_> {
        let slots = self.k / BLOCK;
        let extra = if self.format.has_extra() { GROUP } else { 0 };
        let bytes = self.format.group_block_bytes();
        Group {
            d: &self.d[g * slots * GROUP..(g + 1) * slots * GROUP],
            extra: &self.extra[g * slots * extra..(g + 1) * slots * extra],
            qs: &self.qs[g * slots * bytes..(g + 1) * slots * bytes],
        }
    }

    /// Value `v` of block `b` of a group's row `j`, as an integer: Q5_0's
    /// high bit added and 16 taken off, Q4_1's without its minimum.
    fn value(&self, w: &Group<'_>, b: usize, j: usize, v: usize) -> i32 {
        let bytes = &w.qs[b * self.format.group_block_bytes()..];
        if self.format == Format::Q8_0 {
            return i32::from(bytes[(v / 4 * GROUP + j) * 4 + v % 4] as i8);
        }
        let byte = bytes[(v % 16 / 4 * GROUP + j) * 4 + v % 4];
        let q = i32::from(if v < 16 { byte & 0x0F } else { byte >> 4 });
        if self.format == Format::Q5_0 {
            let extra = w.extra[b * GROUP + j];
            return q + ((extra >> (8 * (v % 4) + v / 4) & 1) << 4) as i32 - 16;
        }
        q
    }

    /// The dot products of group `g`'s rows with `T` activation rows (one
    /// or [`TILE`]), one array per activation row.
    fn tile<const T: usize>(
        &self,
        g: usize,
        xs: &[Row<'_>; T],
        kernels: Kernels,
    ) -> [[f32; GROUP]; T] {
        let w = self.group(g);
        #[cfg(target_arch = "x86_64")]
        // SAFETY: callers pass only kernels the CPU runs
        // ([`Kernels::available`]).
        unsafe {
            match (kernels, self.format) {
                (Kernels::Scalar | Kernels::Neon, _) => {}
                (Kernels::Avx2, Format::Q4_1) => return x86::tile::<true, T>(&w, xs),
                (Kernels::Avx2, Format::Q5_0) => return x86::tile::<false, T>(&w, xs),
                (Kernels::Avx2, Format::Q8_0) => return x86::tile_q8_0::<T>(&w, xs),
                (Kernels::Avx512Vnni, Format::Q4_1) => return x86::tile_vnni::<true, T>(&w, xs),
                (Kernels::Avx512Vnni, Format::Q5_0) => return x86::tile_vnni::<false, T>(&w, xs),
                (Kernels::Avx512Vnni, Format::Q8_0) => return x86::tile_q8_0_vnni::<T>(&w, xs),
            }
        }
        #[cfg(target_arch = "aarch64")]
        if kernels == Kernels::Neon {
            // SAFETY: NEON is part of every aarch64 CPU.
            return unsafe { arm::tile::<T>(self.format, &w, xs) };
        }
        #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
        let _ = kernels;
        xs.map(|x| std::array::from_fn(|j| self.scalar(&w, j, x)))
    }

    /// Row `j` of a group times `x`, one block after another, as candle's
    /// scalar `vec_dot` computes it.
    fn scalar(&self, w: &Group<'_>, j: usize, x: Row<'_>) -> f32 {
        let mut sum = 0f32;
        for b in 0..x.d.len() {
            let ys = &x.qs[b * BLOCK..(b + 1) * BLOCK];
            let dot: i32 = ys
                .iter()
                .enumerate()
                .map(|(v, y)| self.value(w, b, j, v) * i32::from(*y))
                .sum();
            let d = w.d[b * GROUP + j].to_f32();
            sum += match self.format {
                Format::Q4_1 => {
                    dot as f32 * d * x.d[b] + f32::from_bits(w.extra[b * GROUP + j]) * x.s[b]
                }
                Format::Q5_0 | Format::Q8_0 => dot as f32 * d * x.d[b],
            };
        }
        sum
    }
}

/// Q5_0's high bits `qh` (bit `v` for value `v`) in the kernels' order:
/// bit `c` of byte `i` for value `4c + i`. Each byte gathers every fourth
/// bit, the gaps closed by three shifts.
fn high_bits(qh: u32) -> u32 {
    (0..4).fold(0, |out, i| {
        let x = (qh >> i) & 0x1111_1111;
        let x = (x | x >> 3) & 0x0303_0303;
        let x = (x | x >> 6) & 0x000F_000F;
        let x = (x | x >> 12) & 0xFF;
        out | x << (8 * i)
    })
}

/// One group of [`QWeights`]' rows.
#[derive(Clone, Copy)]
struct Group<'a> {
    d: &'a [f16],
    extra: &'a [u32],
    qs: &'a [u8],
}

/// The instruction sets the products run on, all giving the same results
/// bit for bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernels {
    /// Plain Rust, on any CPU.
    Scalar,
    /// AVX2 with FMA and F16C (x86-64 CPUs since 2013).
    Avx2,
    /// AVX2's, with each block's integer sums by AVX-512 VNNI, 64 bytes of
    /// weights at a time (x86-64 CPUs since 2019 on servers, 2022 on AMD).
    Avx512Vnni,
    /// NEON, which every aarch64 CPU has (Apple silicon, Graviton, Ampere).
    Neon,
}

impl Kernels {
    /// The best this CPU runs, detected once, when the program runs: the
    /// portable build gets them without `-C target-cpu`.
    pub fn best() -> Self {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::is_x86_feature_detected as has;
            static BEST: std::sync::OnceLock<Kernels> = std::sync::OnceLock::new();
            *BEST.get_or_init(|| {
                if !(has!("avx2") && has!("fma") && has!("f16c")) {
                    Self::Scalar
                } else if has!("avx512f") && has!("avx512bw") && has!("avx512vnni") {
                    Self::Avx512Vnni
                } else {
                    Self::Avx2
                }
            })
        }
        #[cfg(target_arch = "aarch64")]
        {
            Self::Neon
        }
        #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
        Self::Scalar
    }

    /// Every set this CPU runs, the scalar code first and the best last.
    pub fn available() -> &'static [Self] {
        match Self::best() {
            Self::Scalar => &[Self::Scalar],
            Self::Avx2 => &[Self::Scalar, Self::Avx2],
            Self::Avx512Vnni => &[Self::Scalar, Self::Avx2, Self::Avx512Vnni],
            Self::Neon => &[Self::Scalar, Self::Neon],
        }
    }

    /// Whether these are x86's AVX kernels, which quantize activations
    /// with AVX2 too.
    fn is_x86(self) -> bool {
        matches!(self, Self::Avx2 | Self::Avx512Vnni)
    }
}

#[cfg(target_arch = "aarch64")]
mod arm;

#[cfg(target_arch = "x86_64")]
mod x86;

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

        // Bit for bit candle's own product, which quantizes `x` itself,
        // where candle has only its scalar code (its AVX2 Q8_0 code adds
        // the blocks in another order).
        if dtype != GgmlDType::Q8_0 {
            let theirs = values(&QMatMul::from_qtensor(candle).unwrap().forward(x).unwrap());
            for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                assert_eq!(
                    a.to_bits(),
                    b.to_bits(),
                    "{dtype:?} output {i}: {a} against candle's {b}"
                );
            }
        }

        // And bit for bit by every set of kernels this CPU runs, the
        // scalar code among them.
        for &kernels in Kernels::available() {
            let theirs = w.matmul_with(&q, kernels);
            for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                assert_eq!(
                    a.to_bits(),
                    b.to_bits(),
                    "{dtype:?} output {i}: best kernels {a}, {kernels:?} {b}"
                );
            }
        }
    }

    /// Shapes for every format: one activation row (decoding), fewer rows
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
    fn every_format_matches_dequantize_then_multiply() {
        for dtype in [GgmlDType::Q4_1, GgmlDType::Q5_0, GgmlDType::Q8_0] {
            for (m, n, k) in SHAPES {
                check(dtype, m, n, k);
            }
        }
    }

    #[test]
    fn q8_0_is_candles_scalar_code_bit_for_bit() {
        // Candle's `QMatMul` runs its AVX2 Q8_0 code where the CPU has it;
        // its scalar `vec_dot_unopt` is the one the kernels follow.
        use candle_core::quantized::k_quants::{BlockQ8_0, GgmlType};
        let (m, n, k) = (3, 37, 192);
        let w = Tensor::randn(0.3f32, 1.0, (n, k), &Device::Cpu).unwrap();
        let x = values(&Tensor::randn(0f32, 1.0, (m, k), &Device::Cpu).unwrap());
        let (ours, _) = weights(GgmlDType::Q8_0, &w);
        let blocks = |v: &[f32]| {
            let mut b = vec![BlockQ8_0::zeros(); v.len() / BLOCK];
            BlockQ8_0::from_float(v, &mut b);
            b
        };
        let wb = blocks(&values(&w));
        let product = ours.matmul(&Q8Rows::quantize(&x, k));
        for (i, row) in x.chunks_exact(k).enumerate() {
            let xb = blocks(row);
            for j in 0..n {
                let theirs = BlockQ8_0::vec_dot_unopt(k, &wb[j * k / BLOCK..][..k / BLOCK], &xb);
                let ours = product[i * n + j];
                assert_eq!(
                    ours.to_bits(),
                    theirs.to_bits(),
                    "row {i}, output {j}: {ours} against {theirs}"
                );
            }
        }
    }

    #[test]
    fn q8_0_weights_of_minus_128_multiply_exactly() {
        // Quantization never writes −128, but a file may hold it: its
        // magnitude, 128, is still a byte, and a pair of its products with
        // ±127 still fits 16 bits. Scale 1 (f16 0x3C00), every value −128.
        let (n, k) = (9, 64);
        let mut block = vec![0x00, 0x3C];
        block.extend([0x80; BLOCK]);
        let data = block.repeat(n * k / BLOCK);
        let w = QWeights::from_ggml(Format::Q8_0, &data, n, k).unwrap();
        for m in [1, 3] {
            let x: Vec<f32> = (0..m * k)
                .map(|i| if i % 3 == 0 { -127.0 } else { 127.0 })
                .collect();
            let q = Q8Rows::quantize(&x, k);
            for (i, v) in w.matmul(&q).iter().enumerate() {
                let expected: f32 = x[i / n * k..][..k].iter().map(|v| -128.0 * v).sum();
                assert_eq!(*v, expected, "output {i} of {m} rows");
            }
            for &kernels in Kernels::available() {
                assert_eq!(w.matmul(&q), w.matmul_with(&q, kernels), "{kernels:?}");
            }
        }
        let mut row = vec![0f32; k];
        w.dequantize_row(n - 1, &mut row);
        assert!(row.iter().all(|v| *v == -128.0), "{row:?}");
    }

    #[test]
    fn rows_dequantize_as_candle_dequantizes_the_table() {
        let (n, k) = (11, 96);
        let w = Tensor::randn(0.3f32, 1.0, (n, k), &Device::Cpu).unwrap();
        for dtype in [GgmlDType::Q4_1, GgmlDType::Q5_0, GgmlDType::Q8_0] {
            let (ours, candle) = weights(dtype, &w);
            let table = values(&candle.dequantize(&Device::Cpu).unwrap());
            let mut row = vec![0f32; k];
            for r in 0..n {
                ours.dequantize_row(r, &mut row);
                let bits = |v: &[f32]| v.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&row), bits(&table[r * k..][..k]), "{dtype:?} row {r}");
            }
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
            for dtype in [GgmlDType::Q4_1, GgmlDType::Q5_0, GgmlDType::Q8_0] {
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
    fn activations_shared_out_in_pieces_quantize_as_row_by_row() {
        // More values than one task quantizes, so the rows go to the pool
        // in pieces, the last one short; each row at its own scale.
        let k = 256;
        let rows = 3 * QUANTIZE_PER_TASK / k + 5;
        let x: Vec<f32> = (0..rows * k)
            .map(|i| ((i * 7919 % 1000) as f32 - 500.0) * (1 + i / k) as f32 / 37.0)
            .collect();
        let all = Q8Rows::quantize(&x, k);
        assert_eq!(all.rows(), rows);
        for r in 0..rows {
            let one = Q8Rows::quantize(&x[r * k..(r + 1) * k], k);
            let got = all.row(r);
            assert_eq!(got.qs, &one.qs[..], "row {r}");
            assert_eq!(got.d, &one.d[..], "row {r}");
            assert_eq!(got.s, &one.s[..], "row {r}");
            assert_eq!(got.sum, &one.sum[..], "row {r}");
        }
    }

    #[test]
    fn activations_quantize_alike_with_and_without_avx2() {
        let x = Tensor::randn(0f32, 3.0, (6, 256), &Device::Cpu).unwrap();
        let mut x = values(&x);
        // Half-way values, zeros, a NaN, an infinity and values too small
        // for the inverse of their scale to be finite, in blocks of their own.
        x[..4].copy_from_slice(&[127.0, 0.5, -2.5, 126.5]);
        x[32..64].fill(0.0);
        x[70] = f32::NAN;
        x[100] = f32::NEG_INFINITY;
        x[128..160].fill(0.0);
        x[128..132].copy_from_slice(&[1e-37, -1e-37, 5e-38, f32::MIN_POSITIVE]);
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
    fn high_bits_go_where_the_kernels_read_them() {
        for v in 0..BLOCK {
            assert_eq!(high_bits(1 << v), 1 << (8 * (v % 4) + v / 4), "value {v}");
        }
        assert_eq!(high_bits(u32::MAX), u32::MAX);
    }

    #[test]
    fn shapes_too_large_to_count_are_refused_before_allocating() {
        let err =
            QWeights::read(Format::Q8_0, &mut &[0u8; 34][..], usize::MAX / 2, 1 << 20).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidData, "{err}");
    }

    #[test]
    fn shapes_that_are_not_whole_blocks_are_refused() {
        assert!(QWeights::from_ggml(Format::Q4_1, &[0; 20], 1, 31).is_none());
        assert!(QWeights::from_ggml(Format::Q5_0, &[0; 21], 1, 32).is_none());
        assert!(QWeights::from_ggml(Format::Q5_0, &[0; 22], 1, 32).is_some());
    }
}
