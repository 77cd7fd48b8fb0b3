//! Loading a GGUF file into the model code its architecture names: this
//! crate's [`Transformer`] for llama, Qwen 2 and Gemma 3, candle's for Qwen 3.

use super::transformer::Transformer;
use super::{gemma3, llama};
use candle_core::quantized::gguf_file::Content;
use candle_core::{Device, Tensor};
use candle_transformers::models::quantized_qwen3;
use std::fs::File;
use std::io::BufReader;

/// Architectures this build can run, as `general.architecture` names them.
pub const SUPPORTED: [&str; 4] = ["llama", "qwen2", "qwen3", "gemma3"];

/// The most positions a file may declare. Rotary tables are built for the
/// whole context when a model loads, so a hostile or mistaken file
/// declaring billions of positions would otherwise exhaust memory.
pub const MAX_CONTEXT: usize = 1 << 20;

/// The positions a file whose RoPE scaling gives no original context is
/// held to: candle's llama cap before this crate had its own model code.
const UNSCALED_CONTEXT: usize = 4096;

/// How many positions (prompt and generated tokens together) a model of
/// `arch` can attend to: the file's `{arch}.context_length`, at most
/// [`MAX_CONTEXT`]. Every architecture here fails with an error, not a
/// wrong answer, past it (its rotary tables end there), so requests are
/// held to it beforehand.
///
/// RoPE scaling (Llama 3.x's `rope_freqs.weight`, or a
/// `{arch}.rope.scaling.type` other than `none`) is not applied here, and
/// positions past the context the model was trained on would get degraded
/// answers without it; such a file is held to its
/// `{arch}.rope.scaling.original_context_length`, or to 4,096 positions
/// when it gives none.
pub fn context_length(arch: &str, content: &Content) -> Result<usize, String> {
    let key = format!("{arch}.context_length");
    let declared = positions(content, &key)?.ok_or_else(|| format!("no `{key}` metadata"))?;
    if !rope_scaled(arch, content)? {
        return Ok(declared);
    }
    let original = positions(
        content,
        &format!("{arch}.rope.scaling.original_context_length"),
    )?;
    Ok(declared.min(original.unwrap_or(UNSCALED_CONTEXT)))
}

/// A count of positions at `key`, if the file has one: above 0 and at
/// most [`MAX_CONTEXT`].
fn positions(content: &Content, key: &str) -> Result<Option<usize>, String> {
    let Some(n) = number(content, key)? else {
        return Ok(None);
    };
    match usize::try_from(n) {
        Ok(0) => Err(format!("`{key}` is 0")),
        Ok(n) if n <= MAX_CONTEXT => Ok(Some(n)),
        _ => Err(format!(
            "`{key}` is {n} positions, more than the {MAX_CONTEXT} this build supports"
        )),
    }
}

/// Whether the file asks for RoPE scaling.
fn rope_scaled(arch: &str, content: &Content) -> Result<bool, String> {
    if content.tensor_infos.contains_key("rope_freqs.weight") {
        return Ok(true);
    }
    let key = format!("{arch}.rope.scaling.type");
    match content.metadata.get(&key) {
        None => Ok(false),
        Some(v) => {
            let kind = v
                .to_string()
                .map_err(|e| format!("`{key}` is not a string: {e}"))?;
            Ok(kind != "none")
        }
    }
}

/// The unsigned number at `key`, if the file has one.
fn number(content: &Content, key: &str) -> Result<Option<u64>, String> {
    content
        .metadata
        .get(key)
        .map(|v| {
            v.to_u32()
                .map(u64::from)
                .or_else(|_| v.to_u64())
                .map_err(|e| format!("`{key}` is not a number: {e}"))
        })
        .transpose()
}

/// Checks the settings the model code divides by, for the file's
/// architecture: head counts above 0, the query heads a whole multiple of
/// the key and value heads (each of which a group of them shares), and
/// Gemma 3's sliding window and its pattern above 0 (a window of 0 would
/// let a query see no key). A missing setting is left to
/// the model code, which names it when the weights load.
pub fn check_shape(arch: &str, content: &Content) -> Result<(), String> {
    let nonzero = |name: &str| -> Result<Option<(String, u64)>, String> {
        let key = format!("{arch}.{name}");
        match number(content, &key)? {
            Some(0) => Err(format!("`{key}` is 0")),
            n => Ok(n.map(|n| (key, n))),
        }
    };
    let heads = nonzero("attention.head_count")?;
    let kv_heads = nonzero("attention.head_count_kv")?;
    if let (Some((key, n)), Some((kv_key, kv))) = (heads, kv_heads) {
        if n % kv != 0 {
            return Err(format!(
                "`{key}` ({n}) is not a multiple of `{kv_key}` ({kv})"
            ));
        }
    }
    if arch == "gemma3" {
        nonzero("attention.sliding_window")?;
        nonzero("attention.sliding_window_type")?;
    }
    Ok(())
}

/// The weights of one loaded model.
pub enum Weights {
    /// Llama, Qwen 2 and Gemma 3, with this crate's own model code.
    Own(Transformer),
    /// Qwen 3, with candle's.
    Qwen3(quantized_qwen3::ModelWeights),
}

impl Weights {
    /// Reads the tensors of `content` for its architecture, whose
    /// positions reach `context`.
    pub fn load(
        arch: &str,
        context: usize,
        content: Content,
        reader: &mut BufReader<File>,
        device: &Device,
    ) -> Result<Self, String> {
        check_shape(arch, &content)?;
        let err = |e: candle_core::Error| format!("failed to load the weights: {e}");
        match arch {
            "llama" | "qwen2" => llama::from_gguf(arch, context, content, reader, device)
                .map(Self::Own)
                .map_err(err),
            "qwen3" => quantized_qwen3::ModelWeights::from_gguf(content, reader, device)
                .map(Self::Qwen3)
                .map_err(err),
            "gemma3" => gemma3::from_gguf(context, content, reader, device)
                .map(Self::Own)
                .map_err(err),
            other => Err(format!(
                "architecture `{other}` is not supported (supported: {})",
                SUPPORTED.join(", ")
            )),
        }
    }

    /// Logits of the last position of `input`, which starts at `pos`.
    pub fn forward(&mut self, input: &Tensor, pos: usize) -> candle_core::Result<Tensor> {
        match self {
            Self::Own(m) => m.forward(input, pos),
            Self::Qwen3(m) => m.forward(input, pos),
        }
    }

    /// Runs `input`, which starts at `pos`, into the cache; its logits are
    /// not needed (candle's Qwen 3 computes them anyway).
    pub fn advance(&mut self, input: &Tensor, pos: usize) -> candle_core::Result<()> {
        match self {
            Self::Own(m) => m.advance(input, pos),
            Self::Qwen3(m) => m.forward(input, pos).map(drop),
        }
    }

    /// Forgets the previous conversation and makes room for `positions`
    /// positions (prompt and answer) in the next.
    pub fn clear(&mut self, positions: usize) {
        match self {
            Self::Own(m) => m.clear(positions),
            Self::Qwen3(m) => m.clear_kv_cache(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::quantized::gguf_file::{write, Value};
    use candle_core::quantized::{GgmlDType, QTensor};
    use candle_core::DType;

    /// The header of a GGUF file with `metadata` and a small tensor under
    /// each of `tensors`, as read back.
    fn content(metadata: &[(&str, Value)], tensors: &[&str]) -> Content {
        let zeros = Tensor::zeros(32, DType::F32, &Device::Cpu).unwrap();
        let tensor = QTensor::quantize(&zeros, GgmlDType::F32).unwrap();
        let tensors: Vec<(&str, &QTensor)> = tensors.iter().map(|n| (*n, &tensor)).collect();
        let metadata: Vec<(&str, &Value)> = metadata.iter().map(|(k, v)| (*k, v)).collect();
        let mut bytes = std::io::Cursor::new(Vec::new());
        write(&mut bytes, &metadata, &tensors).unwrap();
        bytes.set_position(0);
        Content::read(&mut bytes).unwrap()
    }

    fn context(metadata: &[(&str, Value)], tensors: &[&str]) -> Result<usize, String> {
        context_length("llama", &content(metadata, tensors))
    }

    #[test]
    fn the_declared_context_is_bounded() {
        let declared = |v: Value| context(&[("llama.context_length", v)], &[]);
        assert_eq!(declared(Value::U32(8192)), Ok(8192));
        assert_eq!(declared(Value::U64(MAX_CONTEXT as u64)), Ok(MAX_CONTEXT));
        let err = declared(Value::U64(4_000_000_000)).unwrap_err();
        assert!(
            err.contains("`llama.context_length` is 4000000000"),
            "{err}"
        );
        let err = declared(Value::U64(u64::MAX)).unwrap_err();
        assert!(err.contains("more than the 1048576"), "{err}");
        assert_eq!(
            declared(Value::U32(0)),
            Err("`llama.context_length` is 0".into())
        );
        assert!(declared(Value::F32(1.0))
            .unwrap_err()
            .contains("not a number"));
        assert_eq!(
            context(&[], &[]),
            Err("no `llama.context_length` metadata".into())
        );
    }

    #[test]
    fn files_with_rope_scaling_are_held_to_their_original_context() {
        let declared = || ("llama.context_length", Value::U32(131_072));
        let kind = |k: &str| ("llama.rope.scaling.type", Value::String(k.into()));
        let original = |n| ("llama.rope.scaling.original_context_length", Value::U32(n));
        assert_eq!(context(&[declared()], &[]), Ok(131_072));
        assert_eq!(context(&[declared(), kind("none")], &[]), Ok(131_072));
        // Llama 3.x: frequency factors as a tensor, no original context.
        assert_eq!(context(&[declared()], &["rope_freqs.weight"]), Ok(4096));
        assert_eq!(
            context(&[declared(), kind("yarn"), original(32_768)], &[]),
            Ok(32_768)
        );
        assert_eq!(
            context(
                &[("llama.context_length", Value::U32(2048)), original(8192)],
                &["rope_freqs.weight"]
            ),
            Ok(2048)
        );
        let err = context(&[declared(), kind("linear"), original(0)], &[]).unwrap_err();
        assert!(err.contains("original_context_length` is 0"), "{err}");
    }

    #[test]
    fn settings_the_model_divides_by_are_checked() {
        let heads = |arch: &str, n: u32, kv: u32| {
            let content = content(
                &[
                    (&format!("{arch}.attention.head_count"), Value::U32(n)),
                    (&format!("{arch}.attention.head_count_kv"), Value::U32(kv)),
                ],
                &[],
            );
            check_shape(arch, &content)
        };
        assert_eq!(heads("llama", 9, 3), Ok(()));
        assert_eq!(heads("qwen2", 14, 2), Ok(()));
        assert_eq!(
            heads("llama", 0, 3),
            Err("`llama.attention.head_count` is 0".into())
        );
        assert_eq!(
            heads("qwen3", 16, 0),
            Err("`qwen3.attention.head_count_kv` is 0".into())
        );
        assert_eq!(
            heads("llama", 9, 2),
            Err("`llama.attention.head_count` (9) is not a multiple of \
                 `llama.attention.head_count_kv` (2)"
                .into())
        );
        // Missing settings are the model code's to name.
        assert_eq!(check_shape("llama", &content(&[], &[])), Ok(()));
        let pattern = |n| {
            let content = content(
                &[("gemma3.attention.sliding_window_type", Value::U32(n))],
                &[],
            );
            check_shape("gemma3", &content)
        };
        assert_eq!(pattern(6), Ok(()));
        assert_eq!(
            pattern(0),
            Err("`gemma3.attention.sliding_window_type` is 0".into())
        );
        let window = content(&[("gemma3.attention.sliding_window", Value::U32(0))], &[]);
        assert_eq!(
            check_shape("gemma3", &window),
            Err("`gemma3.attention.sliding_window` is 0".into())
        );
    }
}
