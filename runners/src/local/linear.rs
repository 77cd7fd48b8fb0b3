//! [`Linear`]: a quantized weight matrix applied to activations, by this
//! crate's kernels (see `kernels`) on the CPU for the formats they cover,
//! by candle's `QMatMul` for the others and on other devices.

use super::kernels::{Format, Q8Rows, QWeights};
use candle_core::quantized::{QMatMul, QTensor};
use candle_core::{Module, Result, Tensor};
use std::sync::Arc;

/// A weight matrix of `n` rows by `k` columns; `forward` maps `(…, k)` to `(…, n)`.
pub enum Linear {
    /// Weights on the CPU in a format with kernels here, unpacked for them
    /// (shared with the embedding when the output projection is tied to it).
    Own(Arc<QWeights>),
    /// Any other format or device.
    Candle(QMatMul),
}

impl Linear {
    /// Takes over `t`, a 2-D `(n, k)` GGUF tensor.
    pub fn new(t: QTensor) -> Result<Self> {
        let own = match (Format::of(t.dtype()), t.shape().dims2()) {
            (Some(format), Ok((n, k))) if t.device().is_cpu() => {
                QWeights::from_ggml(format, &t.data()?, n, k)
            }
            _ => None,
        };
        Ok(match own {
            Some(w) => Self::Own(Arc::new(w)),
            None => Self::Candle(QMatMul::from_qtensor(t)?),
        })
    }
}

impl Module for Linear {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let w = match self {
            Self::Candle(m) => return m.forward(x),
            Self::Own(w) => w,
        };
        let mut dims = x.dims().to_vec();
        match dims.last_mut() {
            Some(last) if *last == w.k() => *last = w.n(),
            _ => candle_core::bail!("input of shape {:?} for weights of {} columns", dims, w.k()),
        }
        let values = x.flatten_all()?.to_vec1::<f32>()?;
        let out = w.matmul(&Q8Rows::quantize(&values, w.k()));
        Tensor::from_vec(out, dims, x.device())
    }
}
