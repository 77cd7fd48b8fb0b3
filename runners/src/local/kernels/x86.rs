//! A group's dot products with one or eight activation rows, block by
//! block: each block's integer sums, one lane per weight row, scaled
//! as the scalar code does.

use super::{Format, Group, Row, BLOCK, GROUP};
use std::arch::x86_64::*;

/// Bit `c` of each byte of `h` moved to bit 4, the others anywhere:
/// shifts of 16-bit lanes by at most 4 move no bit of one byte into bit
/// 4 of the other.
#[inline]
#[target_feature(enable = "avx2,fma,f16c")]
unsafe fn bit_to_4(h: __m256i, c: usize) -> __m256i {
    match c {
        0 => _mm256_slli_epi16::<4>(h),
        1 => _mm256_slli_epi16::<3>(h),
        2 => _mm256_slli_epi16::<2>(h),
        3 => _mm256_slli_epi16::<1>(h),
        4 => h,
        5 => _mm256_srli_epi16::<1>(h),
        6 => _mm256_srli_epi16::<2>(h),
        _ => _mm256_srli_epi16::<3>(h),
    }
}

/// Block `b`'s values of a group, four per row in each vector: vector
/// `c` holds values `4c…4c + 3` of each row (bytes `4r…4r + 3` are row
/// `r`'s), as unsigned bytes: Q4_1's nibbles (0…15), or Q5_0's values
/// plus 16 (0…31), the 16 taken off afterwards with the activations'
/// block sums.
#[inline]
#[target_feature(enable = "avx2,fma,f16c")]
unsafe fn unpack<const Q4_1: bool>(w: &Group<'_>, b: usize) -> [__m256i; 8] {
    let qs = w.qs.as_ptr().add(b * Format::Q4_1.group_block_bytes());
    let runs: [__m256i; 4] = std::array::from_fn(|p| _mm256_loadu_si256(qs.add(32 * p).cast()));
    let high = _mm256_loadu_si256(w.extra.as_ptr().add(b * GROUP).cast());
    let low = _mm256_set1_epi8(0x0F);
    std::array::from_fn(|c| {
        let run = runs[c % 4];
        let v = _mm256_and_si256(
            if c < 4 {
                run
            } else {
                _mm256_srli_epi16(run, 4)
            },
            low,
        );
        if Q4_1 {
            v
        } else {
            let high = _mm256_and_si256(bit_to_4(high, c), _mm256_set1_epi8(0x10));
            _mm256_or_si256(v, high)
        }
    })
}

/// One block of activations quantized as the scalar code does it,
/// into `qs`: its scale before rounding to f16 and the sum of its
/// values; `None`, leaving the block to the scalar code, if it holds a
/// NaN or an infinity, or if its largest value is so small (below about
/// 3.7e-37) that the inverse of its scale is infinite: their products
/// are infinite or NaN, whose conversions to integers differ.
#[target_feature(enable = "avx2,fma,f16c")]
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
    if d != 0.0 && !(1.0 / d).is_finite() {
        return None;
    }
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

/// The dot products of a group's eight rows with `T` activation rows.
/// Per block and activation row: each four activation values, repeated
/// in every lane, times the vector of the rows' four values there, in
/// 16-bit pairs (unsigned at most 31 times signed at most 127 in size,
/// so no saturation); four such products summed in 16 bits (at most
/// 4 · 2 · 31 · 127, below 2¹⁵), then widened: each row's block sum in
/// its own 32-bit lane.
#[target_feature(enable = "avx2,fma,f16c")]
pub(super) unsafe fn tile<const Q4_1: bool, const T: usize>(
    w: &Group<'_>,
    xs: &[Row<'_>; T],
) -> [[f32; GROUP]; T] {
    let mut acc = [_mm256_setzero_ps(); T];
    let ones = _mm256_set1_epi16(1);
    for b in 0..xs[0].d.len() {
        let qw = unpack::<Q4_1>(w, b);
        let dw = scales(w, b);
        let mw = _mm256_loadu_ps(w.extra.as_ptr().add(b * GROUP).cast());
        for (x, acc) in xs.iter().zip(acc.iter_mut()) {
            let qx = x.qs.as_ptr().add(b * BLOCK).cast::<i32>();
            let p = |c: usize| {
                let four = _mm256_set1_epi32(qx.add(c).read_unaligned());
                _mm256_maddubs_epi16(qw[c], four)
            };
            let half = |c: usize| {
                let s = _mm256_add_epi16(
                    _mm256_add_epi16(p(c), p(c + 1)),
                    _mm256_add_epi16(p(c + 2), p(c + 3)),
                );
                _mm256_madd_epi16(s, ones)
            };
            let sums = _mm256_add_epi32(half(0), half(4));
            add_block::<Q4_1>(acc, sums, if Q4_1 { 0 } else { 16 }, dw, mw, x, b);
        }
    }
    lanes(acc)
}

/// Block `b`'s scales of a group's eight rows.
#[inline]
#[target_feature(enable = "avx2,fma,f16c")]
unsafe fn scales(w: &Group<'_>, b: usize) -> __m256 {
    _mm256_cvtph_ps(_mm_loadu_si128(w.d.as_ptr().add(b * GROUP).cast()))
}

/// Adds block `b`'s share of each row's dot product with `x` to `acc`:
/// the rows' integer sums less `offset` times the activations' (the
/// weights were stored `offset` up), times `d_w`, times `d_x`, then,
/// for Q4_1, plus `m_w · s_x`, in the scalar code's order.
#[inline]
#[target_feature(enable = "avx2,fma,f16c")]
unsafe fn add_block<const Q4_1: bool>(
    acc: &mut __m256,
    sums: __m256i,
    offset: i32,
    dw: __m256,
    mw: __m256,
    x: &Row<'_>,
    b: usize,
) {
    let sums = _mm256_sub_epi32(sums, _mm256_set1_epi32(offset * *x.sum.get_unchecked(b)));
    let dx = _mm256_set1_ps(*x.d.get_unchecked(b));
    let mut t = _mm256_mul_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(sums), dw), dx);
    if Q4_1 {
        t = _mm256_add_ps(t, _mm256_mul_ps(mw, _mm256_set1_ps(*x.s.get_unchecked(b))));
    }
    *acc = _mm256_add_ps(*acc, t);
}

/// [`tile`] with the integer sums by AVX-512 VNNI: each 512-bit vector
/// holds two of [`unpack`]'s (values `8p…8p + 3` of each row, then
/// `8p + 4…8p + 7`), and `dpbusd` adds four unsigned-by-signed byte
/// products per 32-bit lane, exactly. The two halves' lanes are each
/// row's two partial sums.
#[target_feature(enable = "avx2,fma,f16c,avx512f,avx512bw,avx512vnni")]
pub(super) unsafe fn tile_vnni<const Q4_1: bool, const T: usize>(
    w: &Group<'_>,
    xs: &[Row<'_>; T],
) -> [[f32; GROUP]; T] {
    let mut acc = [_mm256_setzero_ps(); T];
    let qs = w.qs.as_ptr();
    let low = _mm512_set1_epi8(0x0F);
    for b in 0..xs[0].d.len() {
        // Runs 0 and 1, then 2 and 3: their low nibbles are values
        // 0…7 and 8…15 of each row, their high nibbles 16…23 and 24…31.
        let block = qs.add(b * Format::Q4_1.group_block_bytes());
        let runs = [
            _mm512_loadu_si512(block.cast()),
            _mm512_loadu_si512(block.add(64).cast()),
        ];
        // Q5_0's high bits, in the upper half one bit on: shifting the
        // whole vector to put bit `2p` of the lower half's bytes at 4
        // puts bit `2p + 1` of the upper half's there.
        let high = _mm256_loadu_si256(w.extra.as_ptr().add(b * GROUP).cast());
        let high =
            _mm512_inserti64x4::<1>(_mm512_castsi256_si512(high), _mm256_srli_epi16::<1>(high));
        let qw: [__m512i; 4] = std::array::from_fn(|p| {
            let run = runs[p % 2];
            let v = _mm512_and_si512(
                if p < 2 {
                    run
                } else {
                    _mm512_srli_epi16::<4>(run)
                },
                low,
            );
            if Q4_1 {
                return v;
            }
            let bit = match p {
                0 => _mm512_slli_epi16::<4>(high),
                1 => _mm512_slli_epi16::<2>(high),
                2 => high,
                _ => _mm512_srli_epi16::<2>(high),
            };
            _mm512_or_si512(v, _mm512_and_si512(bit, _mm512_set1_epi8(0x10)))
        });
        let dw = scales(w, b);
        let mw = _mm256_loadu_ps(w.extra.as_ptr().add(b * GROUP).cast());
        for (x, acc) in xs.iter().zip(acc.iter_mut()) {
            let sums = dot_vnni(&qw, x, b);
            add_block::<Q4_1>(acc, sums, if Q4_1 { 0 } else { 16 }, dw, mw, x, b);
        }
    }
    lanes(acc)
}

/// [`tile_q8_0`] with the integer sums by AVX-512 VNNI, as in
/// [`tile_vnni`]: `dpbusd` multiplies unsigned by signed bytes, so the
/// weights go in 128 up (their top bit flipped) and 128 times the
/// activations' sum comes off.
#[target_feature(enable = "avx2,fma,f16c,avx512f,avx512bw,avx512vnni")]
pub(super) unsafe fn tile_q8_0_vnni<const T: usize>(
    w: &Group<'_>,
    xs: &[Row<'_>; T],
) -> [[f32; GROUP]; T] {
    let mut acc = [_mm256_setzero_ps(); T];
    let top = _mm512_set1_epi8(i8::MIN);
    for b in 0..xs[0].d.len() {
        let qs = w.qs.as_ptr().add(b * Format::Q8_0.group_block_bytes());
        let qw: [__m512i; 4] = std::array::from_fn(|p| {
            _mm512_xor_si512(_mm512_loadu_si512(qs.add(64 * p).cast()), top)
        });
        let dw = scales(w, b);
        for (x, acc) in xs.iter().zip(acc.iter_mut()) {
            let sums = dot_vnni(&qw, x, b);
            add_block::<false>(acc, sums, 128, dw, _mm256_setzero_ps(), x, b);
        }
    }
    lanes(acc)
}

/// Each row's integer sum of block `b` of its values (`qw`, as
/// [`tile_vnni`] holds them) times `x`'s: activation values
/// `8p…8p + 3` repeated over the lower half's lanes and `8p + 4…8p + 7`
/// over the upper's, for each `p`.
#[inline]
#[target_feature(enable = "avx2,fma,f16c,avx512f,avx512bw,avx512vnni")]
unsafe fn dot_vnni(qw: &[__m512i; 4], x: &Row<'_>, b: usize) -> __m256i {
    let xb = _mm512_castsi256_si512(_mm256_loadu_si256(x.qs.as_ptr().add(b * BLOCK).cast()));
    let mut sums = _mm512_setzero_si512();
    for (p, qw) in qw.iter().enumerate() {
        let pick = _mm512_inserti64x4::<1>(
            _mm512_castsi256_si512(_mm256_set1_epi32(2 * p as i32)),
            _mm256_set1_epi32(2 * p as i32 + 1),
        );
        sums = _mm512_dpbusd_epi32(sums, *qw, _mm512_permutexvar_epi32(pick, xb));
    }
    _mm256_add_epi32(
        _mm512_castsi512_si256(sums),
        _mm512_extracti64x4_epi64::<1>(sums),
    )
}

/// [`tile`] for Q8_0: signed values times signed activations, as
/// unsigned magnitudes times activations carrying the weights' signs
/// (`maddubs` multiplies unsigned by signed bytes). A pair of products
/// is at most 2 · 128 · 127 in size, below 2¹⁵, but two pairs may not
/// be, so each pair sum is widened to 32 bits before adding.
#[target_feature(enable = "avx2,fma,f16c")]
pub(super) unsafe fn tile_q8_0<const T: usize>(
    w: &Group<'_>,
    xs: &[Row<'_>; T],
) -> [[f32; GROUP]; T] {
    let mut acc = [_mm256_setzero_ps(); T];
    let ones = _mm256_set1_epi16(1);
    for b in 0..xs[0].d.len() {
        let qs = w.qs.as_ptr().add(b * Format::Q8_0.group_block_bytes());
        let qw: [__m256i; 8] = std::array::from_fn(|c| _mm256_loadu_si256(qs.add(32 * c).cast()));
        let magnitude = qw.map(|q| _mm256_abs_epi8(q));
        let dw = scales(w, b);
        for (x, acc) in xs.iter().zip(acc.iter_mut()) {
            let qx = x.qs.as_ptr().add(b * BLOCK).cast::<i32>();
            let mut sums = _mm256_setzero_si256();
            for c in 0..8 {
                let four = _mm256_sign_epi8(_mm256_set1_epi32(qx.add(c).read_unaligned()), qw[c]);
                let pairs = _mm256_maddubs_epi16(magnitude[c], four);
                sums = _mm256_add_epi32(sums, _mm256_madd_epi16(pairs, ones));
            }
            add_block::<false>(acc, sums, 0, dw, _mm256_setzero_ps(), x, b);
        }
    }
    lanes(acc)
}

/// Each accumulator's eight lanes, one row's sum each.
#[inline]
#[target_feature(enable = "avx2,fma,f16c")]
unsafe fn lanes<const T: usize>(acc: [__m256; T]) -> [[f32; GROUP]; T] {
    let mut out = [[0f32; GROUP]; T];
    for (out, acc) in out.iter_mut().zip(acc) {
        _mm256_storeu_ps(out.as_mut_ptr(), acc);
    }
    out
}
