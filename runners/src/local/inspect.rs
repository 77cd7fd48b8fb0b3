//! [`inspect`]: whether a GGUF file can be run, read from its header alone.
//!
//! Loading a model's weights takes seconds and gigabytes; a suite is checked
//! in milliseconds. So the checks that need no weights (the file is a whole
//! GGUF file of a supported architecture, with a usable tokenizer, chat
//! template and context length) run when a suite is validated, and a broken
//! file is an error there instead of in the middle of a run.

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
