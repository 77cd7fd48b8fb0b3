//! [`inspect`]: whether a GGUF file can be run, read from its header alone.
//!
//! Loading a model's weights takes seconds and gigabytes; a suite is checked
//! in milliseconds. So the checks that need no weights (the file is a whole
//! GGUF file of a supported architecture, with a usable tokenizer, chat
//! template, context length and head counts) run when a suite is
//! validated, and a broken file is an error there instead of in the middle
//! of a run.

use super::{header, model, LocalError, Prompter, SUPPORTED};
use candle_core::quantized::gguf_file::Content;
use std::io::BufReader;
use std::path::Path;

/// Checks that the GGUF file at `path` is whole and that this build can run
/// it; `chat_template` replaces the file's, as it will when the model runs.
pub fn inspect(path: &Path, chat_template: Option<&str>) -> Result<(), LocalError> {
    let gguf = |message: String| LocalError::Gguf {
        path: path.to_path_buf(),
        message,
    };
    let open = |source| LocalError::Open {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(open)?;
    if meta.is_dir() {
        return Err(gguf("it is a directory".into()));
    }
    // A FIFO or a device has no size to check and may never end: only a
    // file is read.
    if !meta.is_file() {
        return Err(gguf(
            "it is not a regular file (a FIFO, socket or device); a model is read from a file"
                .into(),
        ));
    }
    if meta.len() == 0 {
        return Err(gguf("the file is empty".into()));
    }
    let file = std::fs::File::open(path).map_err(open)?;
    let content = header::read(&mut BufReader::new(file)).map_err(gguf)?;
    let end = data_end(&content);
    if end > meta.len() {
        return Err(gguf(format!(
            "the file is cut short: its tensors end at byte {end}, and it has {} bytes",
            meta.len()
        )));
    }
    let arch = architecture(path, &content)?;
    Prompter::from_content(path, &content, chat_template)?;
    model::context_length(&arch, &content).map_err(gguf)?;
    model::check_shape(&arch, &content).map_err(gguf)?;
    Ok(())
}

/// The file's architecture, if this build runs it.
pub(super) fn architecture(path: &Path, content: &Content) -> Result<String, LocalError> {
    let arch = content
        .metadata
        .get("general.architecture")
        .and_then(|v| v.to_string().ok())
        .cloned()
        .ok_or_else(|| LocalError::Gguf {
            path: path.to_path_buf(),
            message: "no `general.architecture` metadata".into(),
        })?;
    if !SUPPORTED.contains(&arch.as_str()) {
        return Err(LocalError::Unsupported {
            path: path.to_path_buf(),
            message: format!(
                "architecture `{arch}` is not supported (supported: {})",
                SUPPORTED.join(", ")
            ),
        });
    }
    Ok(arch)
}

/// Where the last tensor's data ends, counted from the file's start (0
/// without tensors); a size too large to count is past any file's end.
fn data_end(content: &Content) -> u64 {
    content
        .tensor_infos
        .values()
        .map(|t| {
            // A hostile shape's product may not fit: saturate, do not wrap.
            let elements = t
                .shape
                .dims()
                .iter()
                .fold(1u64, |n, &d| n.saturating_mul(d as u64));
            let blocks = elements / t.ggml_dtype.block_size() as u64;
            blocks
                .saturating_mul(t.ggml_dtype.type_size() as u64)
                .saturating_add(t.offset)
        })
        .max()
        // Without tensors the file needs no data section at all.
        .map_or(0, |end| end.saturating_add(content.tensor_data_offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::quantized::gguf_file::{write, Value};

    /// Inspects a GGUF file without weights: an `arch` model with a
    /// four-token SentencePiece vocabulary, a chat template and `settings`.
    fn inspect_header(arch: &str, settings: &[(&str, Value)]) -> Result<(), LocalError> {
        let text = |s: &str| Value::String(s.into());
        let tokens = ["<unk>", "<s>", "</s>", "\u{2581}hi"].map(text).to_vec();
        let mut metadata = vec![
            ("general.architecture".to_string(), text(arch)),
            ("tokenizer.ggml.model".into(), text("llama")),
            ("tokenizer.ggml.tokens".into(), Value::Array(tokens)),
            (
                "tokenizer.ggml.scores".into(),
                Value::Array(vec![Value::F32(0.0); 4]),
            ),
            (
                "tokenizer.ggml.token_type".into(),
                Value::Array([2, 3, 3, 1].map(Value::I32).to_vec()),
            ),
            ("tokenizer.ggml.bos_token_id".into(), Value::U32(1)),
            ("tokenizer.ggml.eos_token_id".into(), Value::U32(2)),
            (
                "tokenizer.chat_template".into(),
                text("{% for m in messages %}{{ m.content }}{% endfor %}"),
            ),
        ];
        metadata.extend(
            settings
                .iter()
                .map(|(k, v)| (format!("{arch}.{k}"), v.clone())),
        );
        let metadata: Vec<(&str, &Value)> = metadata.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.gguf");
        let mut file = std::fs::File::create(&path).unwrap();
        write(&mut file, &metadata, &[]).unwrap();
        drop(file);
        inspect(&path, None)
    }

    fn refused(arch: &str, settings: &[(&str, Value)]) -> String {
        let err = inspect_header(arch, settings).expect_err("the file must be refused");
        assert!(matches!(err, LocalError::Gguf { .. }), "{err}");
        err.to_string()
    }

    #[test]
    fn files_the_model_code_cannot_run_are_refused_from_their_header() {
        let context = ("context_length", Value::U32(2048));
        let heads = |n: u32, kv: u32| {
            [
                context.clone(),
                ("attention.head_count", Value::U32(n)),
                ("attention.head_count_kv", Value::U32(kv)),
            ]
        };
        inspect_header("llama", &heads(8, 2)).unwrap();
        let err = refused("llama", &heads(0, 2));
        assert!(err.contains("`llama.attention.head_count` is 0"), "{err}");
        let err = refused("qwen2", &heads(8, 0));
        assert!(
            err.contains("`qwen2.attention.head_count_kv` is 0"),
            "{err}"
        );
        let err = refused("qwen3", &heads(8, 3));
        assert!(err.contains("is not a multiple of"), "{err}");
        let err = refused(
            "gemma3",
            &[context, ("attention.sliding_window_type", Value::U32(0))],
        );
        assert!(
            err.contains("`gemma3.attention.sliding_window_type` is 0"),
            "{err}"
        );
        let err = refused("llama", &[("context_length", Value::U64(4_000_000_000))]);
        assert!(
            err.contains("more than the 1048576 this build supports"),
            "{err}"
        );
    }
}
