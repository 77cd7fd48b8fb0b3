//! Gemma's gated feed-forward activation, `gelu(gate) · up`, on the CPU as
//! llama.cpp's CPU code computes it: each gate value rounded to f16 and
//! looked up in a table of the tanh-approximated GELU of every f16 value
//! (itself rounded to f16), 0 at or below −10 and the value itself at or
//! above 10. candle's element-wise `tanhf` took 12% of Gemma 3's prompt
//! processing; the table takes a lookup, and gives llama.cpp's values.

use super::pool;
use half::f16;
use half::slice::HalfFloatSliceExt;
use std::sync::OnceLock;

/// Values one task of the worker pool computes.
const CHUNK: usize = 8192;

/// `gelu(gate[i]) · up[i]` for every `i`, shared out over the worker pool
/// (a chunk of prompt has a gate of 131,072 values in Gemma 3 270M).
pub fn gated(gate: &[f32], up: &[f32]) -> Vec<f32> {
    assert_eq!(
        gate.len(),
        up.len(),
        "a gate and an up projection of one size"
    );
    let table = table();
    let mut out = vec![0f32; gate.len()];
    pool::for_each(out.chunks_mut(CHUNK).collect(), |i, out: &mut [f32]| {
        let gate = &gate[i * CHUNK..][..out.len()];
        let up = &up[i * CHUNK..][..out.len()];
        // `half`'s slice conversion uses F16C where the CPU has it.
        let mut halves = vec![f16::ZERO; gate.len()];
        halves.convert_from_f32_slice(gate);
        for (((o, &x), &g), h) in out.iter_mut().zip(gate).zip(up).zip(&halves) {
            *o = if x <= -10.0 {
                0.0
            } else if x >= 10.0 {
                x * g
            } else {
                table[usize::from(h.to_bits())] * g
            };
        }
    });
    out
}

/// The tanh approximation of GELU, in f32 as llama.cpp writes it.
fn gelu(x: f32) -> f32 {
    const GELU_COEF_A: f32 = 0.044715;
    const SQRT_2_OVER_PI: f32 = 0.797_884_6;
    0.5 * x * (1.0 + (SQRT_2_OVER_PI * x * (1.0 + GELU_COEF_A * x * x)).tanh())
}

/// GELU of every f16 value, by its bits, rounded to f16 and kept as f32.
fn table() -> &'static [f32] {
    static TABLE: OnceLock<Vec<f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=u16::MAX)
            .map(|bits| f16::from_f32(gelu(f16::from_bits(bits).to_f32())).to_f32())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_shared_out_in_chunks_are_each_where_they_belong() {
        // Three whole chunks and a short one, values on both sides of ±10.
        let n = 3 * CHUNK + 5;
        let gate: Vec<f32> = (0..n).map(|i| (i % 2600) as f32 / 100.0 - 13.0).collect();
        let up: Vec<f32> = (0..n).map(|i| 1.0 + (i % 7) as f32).collect();
        let out = gated(&gate, &up);
        assert_eq!(out.len(), n);
        for (i, v) in out.iter().enumerate() {
            assert_eq!(*v, gated(&gate[i..=i], &up[i..=i])[0], "value {i}");
        }
    }

    #[test]
    fn the_table_gives_gelu_at_f16_precision() {
        let x = [
            -12.0, -10.0, -3.0, -0.5, 0.0, 0.1, 1.0, 2.5, 9.99, 10.0, 30.0,
        ];
        let up = [2.0; 11];
        let out = gated(&x, &up);
        for (x, y) in x.iter().zip(&out) {
            let exact = if *x <= -10.0 {
                0.0
            } else if *x >= 10.0 {
                *x
            } else {
                gelu(*x)
            };
            // Two roundings to f16: of the input and of the output, each
            // within 2⁻¹¹ relative; GELU's slope is at most about 1.13.
            let tolerance =
                2.0 * (exact.abs() * 2f32.powi(-10) + x.abs() * 1.2 * 2f32.powi(-11)) + 1e-7;
            assert!(
                (y - 2.0 * exact).abs() <= tolerance,
                "gelu({x}) · 2 = {y}, not {}",
                2.0 * exact
            );
        }
        // Known values of the tanh approximation.
        assert!((gelu(1.0) - 0.841_192).abs() < 1e-5);
        assert!((gelu(-1.0) + 0.158_808).abs() < 1e-5);
        assert_eq!(gelu(0.0), 0.0);
        // Exactly representable inputs read their own entry: 0.5 is an f16.
        assert_eq!(gated(&[0.5], &[1.0])[0], f16::from_f32(gelu(0.5)).to_f32());
    }
}
