//! A group's dot products with one or eight activation rows with NEON,
//! which every aarch64 CPU has: per block, each row's four values of a
//! vector times four activation values repeated in every row's lane,
//! multiplied to 16 bits (`smull`) and added in pairs into 32 bits
//! (`sadalp`), exactly; each row's two pair sums added at the block's
//! end, then scaled as the scalar code does. (The dot-product
//! instructions, `sdot`, are not yet stable Rust intrinsics.)

use super::{Format, Group, Row, BLOCK, GROUP};
use std::arch::aarch64::*;

/// Block `b`'s values of a group as signed bytes, vector `c` holding
/// values `4c…4c + 3` of rows 0–3, then of rows 4–7: Q8_0's as stored,
/// Q4_1's nibbles, Q5_0's values plus 16 (0…31).
#[inline]
unsafe fn unpack(format: Format, w: &Group<'_>, b: usize) -> [[int8x16_t; 2]; 8] {
    let qs = w.qs.as_ptr().add(b * format.group_block_bytes());
    let halves = |at: usize| [vld1q_u8(qs.add(at)), vld1q_u8(qs.add(at + 16))];
    if format == Format::Q8_0 {
        return std::array::from_fn(|c| halves(32 * c).map(|h| vreinterpretq_s8_u8(h)));
    }
    let runs: [[uint8x16_t; 2]; 4] = std::array::from_fn(|p| halves(32 * p));
    // Q5_0's high bits (Q4_1's extra words are its minimums).
    let high = if format == Format::Q5_0 {
        let high = w.extra.as_ptr().add(b * GROUP).cast::<u8>();
        [vld1q_u8(high), vld1q_u8(high.add(16))]
    } else {
        [vdupq_n_u8(0); 2]
    };
    std::array::from_fn(|c| {
        std::array::from_fn(|h| {
            let run = runs[c % 4][h];
            let mut v = if c < 4 {
                vandq_u8(run, vdupq_n_u8(0x0F))
            } else {
                vshrq_n_u8::<4>(run)
            };
            if format == Format::Q5_0 {
                // Bit `c` of each byte to bit 4 (a negative count
                // shifts right).
                let bit = vshlq_u8(high[h], vdupq_n_s8(4 - c as i8));
                v = vorrq_u8(v, vandq_u8(bit, vdupq_n_u8(0x10)));
            }
            vreinterpretq_s8_u8(v)
        })
    })
}

/// The dot products of a group's eight rows with `T` activation rows.
pub(super) unsafe fn tile<const T: usize>(
    format: Format,
    w: &Group<'_>,
    xs: &[Row<'_>; T],
) -> [[f32; GROUP]; T] {
    let mut acc = [[vdupq_n_f32(0.0); 2]; T];
    let offset = if format == Format::Q5_0 { 16 } else { 0 };
    for b in 0..xs[0].d.len() {
        let qw = unpack(format, w, b);
        let d: [f32; GROUP] = std::array::from_fn(|j| w.d[b * GROUP + j].to_f32());
        let dw = [vld1q_f32(d.as_ptr()), vld1q_f32(d.as_ptr().add(4))];
        let min: [f32; GROUP] = std::array::from_fn(|j| {
            if format == Format::Q4_1 {
                f32::from_bits(w.extra[b * GROUP + j])
            } else {
                0.0
            }
        });
        let mw = [vld1q_f32(min.as_ptr()), vld1q_f32(min.as_ptr().add(4))];
        for (x, acc) in xs.iter().zip(acc.iter_mut()) {
            let qx = x.qs.as_ptr().add(b * BLOCK).cast::<i32>();
            // Per pair of rows, each row's sums of value pairs.
            let mut pairs = [vdupq_n_s32(0); 4];
            for (c, qw) in qw.iter().enumerate() {
                let four = vreinterpretq_s8_s32(vdupq_n_s32(qx.add(c).read_unaligned()));
                for (h, qw) in qw.iter().enumerate() {
                    let low = vmull_s8(vget_low_s8(*qw), vget_low_s8(four));
                    pairs[2 * h] = vpadalq_s16(pairs[2 * h], low);
                    pairs[2 * h + 1] = vpadalq_s16(pairs[2 * h + 1], vmull_high_s8(*qw, four));
                }
            }
            let taken = vdupq_n_s32(offset * *x.sum.get_unchecked(b));
            let dx = vdupq_n_f32(*x.d.get_unchecked(b));
            let sx = vdupq_n_f32(*x.s.get_unchecked(b));
            for h in 0..2 {
                let sums = vsubq_s32(vpaddq_s32(pairs[2 * h], pairs[2 * h + 1]), taken);
                // (sum · d_w) · d_x, then Q4_1's m_w · s_x, as the scalar code.
                let mut t = vmulq_f32(vmulq_f32(vcvtq_f32_s32(sums), dw[h]), dx);
                if format == Format::Q4_1 {
                    t = vaddq_f32(t, vmulq_f32(mw[h], sx));
                }
                acc[h] = vaddq_f32(acc[h], t);
            }
        }
    }
    let mut out = [[0f32; GROUP]; T];
    for (out, acc) in out.iter_mut().zip(acc) {
        vst1q_f32(out.as_mut_ptr(), acc[0]);
        vst1q_f32(out.as_mut_ptr().add(4), acc[1]);
    }
    out
}
