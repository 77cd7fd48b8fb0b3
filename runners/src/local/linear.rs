//! [`Linear`]: a quantized weight matrix applied to activations, by this
//! crate's kernels (see `kernels`) on the CPU for the formats they cover,
//! by candle's `QMatMul` for the others and on other devices.

use super::kernels::{Format, Q8Rows, QWeights};
use candle_core::quantized::{gguf_file, QMatMul};
use candle_core::{Device, Module, Result, Tensor};
use std::io::{Read, Seek, SeekFrom};
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
    /// Reads the 2-D `(n, k)` GGUF tensor `name`.
    pub fn read<R: Read + Seek>(
        ct: &gguf_file::Content,
        reader: &mut R,
        name: &str,
        device: &Device,
    ) -> Result<Self> {
        Ok(match unpacked(ct, reader, name, device)? {
            Some(w) => Self::Own(Arc::new(w)),
            None => Self::Candle(QMatMul::from_qtensor(ct.tensor(reader, name, device)?)?),
        })
    }
}

/// The GGUF tensor `name` unpacked for this crate's kernels, read from the
/// file in a few rows at a time (no whole copy in the file's layout is
/// held beside it); `None` unless it is a 2-D matrix in a format with
/// kernels here, for the CPU.
pub fn unpacked<R: Read + Seek>(
    ct: &gguf_file::Content,
    reader: &mut R,
    name: &str,
    device: &Device,
) -> Result<Option<QWeights>> {
    let Some(info) = ct.tensor_infos.get(name) else {
        candle_core::bail!("cannot find tensor info for {name}")
    };
    let (Some(format), Ok((n, k))) = (Format::of(info.ggml_dtype), info.shape.dims2()) else {
        return Ok(None);
    };
    if !device.is_cpu() {
        return Ok(None);
    }
    reader.seek(SeekFrom::Start(ct.tensor_data_offset + info.offset))?;
    Ok(QWeights::read(format, reader, n, k)?)
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
