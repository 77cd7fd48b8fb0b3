//! The quantized matrix kernels against candle's, on the shapes the local
//! models multiply.
//!
//! `cargo bench -p sizeup-runners --bench kernels` prints, per format,
//! weight shape and number of activation rows (1: a decode step; 64: a
//! chunk of prompt), the median time of one product by this crate's
//! kernels (activations quantized included), by candle's `QMatMul` on the
//! same quantized weights, and by an f32 matrix product over the weights
//! candle dequantizes (dequantized beforehand, as a model that kept f32
//! weights would). Before timing, it checks that the kernels' results are
//! bit for bit `QMatMul`'s (but for Q8_0, whose AVX2 code in candle adds
//! in another order: within 2⁻¹⁶ of the magnitude of the products) and
//! within 2⁻⁷ of the f32 product's magnitude (the activations' 8-bit
//! rounding accounts for the difference).

use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
use candle_core::{Device, Module, Tensor};
use sizeup_runners::local::kernels::{Format, Kernels, Q8Rows, QWeights};
use std::time::{Duration, Instant};

/// `(what, n, k)`: output rows and input values of a weight matrix.
const SHAPES: [(&str, usize, usize); 4] = [
    ("SmolLM2 ffn_up", 1536, 576),
    ("SmolLM2 ffn_down", 576, 1536),
    ("Qwen2.5 attn_q", 896, 896),
    ("Qwen2.5 ffn_up", 4864, 896),
];

/// The Q8_0 matrices: the models' output heads (the embedding tables of
/// SmolLM2 and Gemma 3, tied) and a value projection.
const Q8_0_SHAPES: [(&str, usize, usize); 3] = [
    ("Qwen2.5 attn_v", 128, 896),
    ("SmolLM2 output", 49152, 576),
    ("Gemma 3 output", 262144, 640),
];

/// Median of the times of `f`, run for about `budget` after one warm-up.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    f();
    let start = Instant::now();
    let mut times = Vec::new();
    while times.len() < 5 || (start.elapsed() < budget && times.len() < 1000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn values(t: &Tensor) -> Vec<f32> {
    t.flatten_all()
        .and_then(|t| t.to_vec1())
        .expect("f32 values")
}

fn main() {
    let cpu = Device::Cpu;
    let budget = Duration::from_millis(300);
    // Where the CPU has AVX-512 VNNI, the AVX2 kernels are timed too.
    let best = Kernels::best();
    println!("kernels: {best:?}");
    println!(
        "{:<7} {:<18} {:>11} {:>4} {:>10} {:>12} {:>10} {:>8} {:>8} {:>8}",
        "format",
        "weights",
        "n × k",
        "m",
        "ours µs",
        "QMatMul µs",
        "f32 µs",
        "×QMatMul",
        "×f32",
        "×AVX2"
    );
    let cases = [GgmlDType::Q4_1, GgmlDType::Q5_0]
        .into_iter()
        .flat_map(|dtype| SHAPES.map(|shape| (dtype, shape)))
        .chain(Q8_0_SHAPES.map(|shape| (GgmlDType::Q8_0, shape)));
    for (dtype, (what, n, k)) in cases {
        let format = Format::of(dtype).expect("a format with kernels");
        let w = Tensor::randn(0.3f32, 1.0, (n, k), &cpu).expect("weights");
        let q = QTensor::quantize(&w, dtype).expect("quantized");
        let dense = q.dequantize(&cpu).expect("dequantized");
        let ours = QWeights::from_ggml(format, &q.data().expect("bytes"), n, k).expect("unpacked");
        let theirs = QMatMul::from_qtensor(q).expect("QMatMul");
        for m in [1, 64] {
            let x = Tensor::randn(0f32, 1.0, (m, k), &cpu).expect("activations");
            let xv = values(&x);
            let run_ours = || ours.matmul(&Q8Rows::quantize(&xv, k));
            let run_avx2 = || ours.matmul_with(&Q8Rows::quantize(&xv, k), Kernels::Avx2);
            let run_theirs = || theirs.forward(&x).expect("QMatMul product");
            let run_f32 = || x.matmul(&dense.t().expect("t")).expect("f32 product");

            let a = run_ours();
            if best == Kernels::Avx512Vnni {
                assert_eq!(a, run_avx2(), "{dtype:?} {what} m={m}: AVX2's results");
            }
            let b = values(&run_theirs());
            let c = values(&run_f32());
            let magnitude = values(
                &x.abs()
                    .and_then(|x| x.matmul(&dense.abs()?.t()?))
                    .expect("magnitudes"),
            );
            for (i, ((a, b), c)) in a.iter().zip(&b).zip(&c).enumerate() {
                // Candle's AVX2 Q8_0 code adds the same terms in another order.
                assert!(
                    a.to_bits() == b.to_bits()
                        || dtype == GgmlDType::Q8_0 && (a - b).abs() <= magnitude[i] / 65536.0,
                    "{dtype:?} {what} m={m} output {i}: {a} against QMatMul's {b}"
                );
                // The activations' 8-bit rounding: each output a sum of
                // products of independent errors, which over 262,144 outputs
                // reach 2⁻⁸ of the magnitude; a wrong block is off by more.
                assert!(
                    (a - c).abs() <= magnitude[i] / 128.0 + 1e-4,
                    "{dtype:?} {what} m={m} output {i}: {a} against f32's {c}"
                );
            }

            let t_ours = median(budget, || {
                std::hint::black_box(run_ours());
            });
            let t_theirs = median(budget, || {
                std::hint::black_box(run_theirs());
            });
            let t_f32 = median(budget, || {
                std::hint::black_box(run_f32());
            });
            let us = |d: Duration| d.as_secs_f64() * 1e6;
            let versus_avx2 = if best == Kernels::Avx512Vnni {
                let t = median(budget, || {
                    std::hint::black_box(run_avx2());
                });
                format!("{:.2}", us(t) / us(t_ours))
            } else {
                "-".to_string()
            };
            println!(
                "{:<7} {:<18} {:>11} {:>4} {:>10.1} {:>12.1} {:>10.1} {:>8.2} {:>8.2} {:>8}",
                format!("{dtype:?}"),
                what,
                format!("{n} × {k}"),
                m,
                us(t_ours),
                us(t_theirs),
                us(t_f32),
                us(t_theirs) / us(t_ours),
                us(t_f32) / us(t_ours),
                versus_avx2
            );
        }
    }
    println!(
        "threads: {}",
        std::thread::available_parallelism().map_or(1, usize::from)
    );
}
