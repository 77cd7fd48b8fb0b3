//! A check of a GGUF file's metadata before candle parses it.
//!
//! candle divides by `general.alignment` without looking at it, so a file
//! whose alignment is 0 would panic the parser. [`read`] walks the metadata
//! first, refuses such a file with an error, and only then hands the file
//! to candle.

use candle_core::quantized::gguf_file::Content;
use std::io::{Read, Seek, SeekFrom};

/// Deepest nesting of arrays followed; candle stops at the same depth.
const MAX_DEPTH: usize = 64;

/// Reads a GGUF file's header and metadata, refusing what candle cannot
/// parse safely; the message says what is wrong.
pub(crate) fn read<R: Read + Seek>(reader: &mut R) -> Result<Content, String> {
    let start = reader.stream_position().map_err(|e| e.to_string())?;
    check(reader)?;
    reader
        .seek(SeekFrom::Start(start))
        .map_err(|e| e.to_string())?;
    Content::read(reader).map_err(message)
}

/// What candle's error says, without the backtrace it carries when
/// `RUST_BACKTRACE` is set, and in words where the file simply ends.
fn message(e: candle_core::Error) -> String {
    match e {
        candle_core::Error::WithBacktrace { inner, .. } => message(*inner),
        candle_core::Error::Io(e) => io(e),
        other => other.to_string(),
    }
}

/// A read failure, in words where the file simply ends.
fn io(e: std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => {
            "the file ends inside its header: it is cut short".into()
        }
        _ => e.to_string(),
    }
}

/// Walks the metadata and checks `general.alignment`. Anything else that
/// is malformed is left to candle, which reports it as an error.
fn check<R: Read + Seek>(r: &mut R) -> Result<(), String> {
    let mut magic = [0u8; 4];
    if r.read_exact(&mut magic).is_err() || &magic != b"GGUF" {
        // Not ours to describe: candle says what the magic should be.
        return Ok(());
    }
    let version = u32_of(r)?;
    // Version 1 counts lengths in 32 bits, later versions in 64.
    let wide = version >= 2;
    let _tensors = len_of(r, wide)?;
    let entries = len_of(r, wide)?;
    for _ in 0..entries {
        let key_len = len_of(r, wide)?;
        let key = if key_len == "general.alignment".len() as u64 {
            let mut k = vec![0u8; key_len as usize];
            r.read_exact(&mut k).map_err(io)?;
            k
        } else {
            skip(r, key_len)?;
            Vec::new()
        };
        let kind = u32_of(r)?;
        if key == b"general.alignment" && kind <= 5 {
            let value = int_of(r, kind)?;
            if value == 0 {
                return Err("`general.alignment` is 0; it must be a positive multiple of 8".into());
            }
            continue;
        }
        skip_value(r, kind, wide, 0)?;
    }
    Ok(())
}

/// Skips one value of type `kind`.
fn skip_value<R: Read + Seek>(
    r: &mut R,
    kind: u32,
    wide: bool,
    depth: usize,
) -> Result<(), String> {
    match kind {
        8 => {
            let n = len_of(r, wide)?;
            skip(r, n)
        }
        9 => {
            if depth >= MAX_DEPTH {
                return Err(format!("metadata arrays nest deeper than {MAX_DEPTH}"));
            }
            let item = u32_of(r)?;
            let n = len_of(r, wide)?;
            match size_of(item) {
                Some(size) => skip(r, n.saturating_mul(size)),
                None => {
                    for _ in 0..n {
                        skip_value(r, item, wide, depth + 1)?;
                    }
                    Ok(())
                }
            }
        }
        other => match size_of(other) {
            Some(size) => skip(r, size),
            None => Err(format!("unknown metadata value type {other}")),
        },
    }
}

/// The size of a fixed-size value type.
fn size_of(kind: u32) -> Option<u64> {
    match kind {
        0 | 1 | 7 => Some(1),
        2 | 3 => Some(2),
        4..=6 => Some(4),
        10..=12 => Some(8),
        _ => None,
    }
}

/// An unsigned, 8- to 32-bit or signed integer value, as candle reads alignment.
fn int_of<R: Read>(r: &mut R, kind: u32) -> Result<i64, String> {
    let mut b = [0u8; 4];
    let n = size_of(kind).unwrap_or(4) as usize;
    r.read_exact(&mut b[..n]).map_err(io)?;
    Ok(match kind {
        0 => i64::from(b[0]),
        1 => i64::from(b[0] as i8),
        2 => i64::from(u16::from_le_bytes([b[0], b[1]])),
        3 => i64::from(i16::from_le_bytes([b[0], b[1]])),
        4 => i64::from(u32::from_le_bytes(b)),
        _ => i64::from(i32::from_le_bytes(b)),
    })
}

fn skip<R: Read + Seek>(r: &mut R, n: u64) -> Result<(), String> {
    let n = i64::try_from(n).map_err(|_| "a metadata length is too large".to_string())?;
    r.seek(SeekFrom::Current(n)).map_err(|e| e.to_string())?;
    Ok(())
}

fn u32_of<R: Read>(r: &mut R) -> Result<u32, String> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b).map_err(io)?;
    Ok(u32::from_le_bytes(b))
}

fn len_of<R: Read>(r: &mut R, wide: bool) -> Result<u64, String> {
    if !wide {
        return u32_of(r).map(u64::from);
    }
    let mut b = [0u8; 8];
    r.read_exact(&mut b).map_err(io)?;
    Ok(u64::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// A version-3 GGUF file with no tensors and the given metadata entries
    /// (key, type, value bytes).
    fn gguf(entries: &[(&str, u32, Vec<u8>)]) -> Vec<u8> {
        let mut f = b"GGUF".to_vec();
        f.extend(3u32.to_le_bytes());
        f.extend(0u64.to_le_bytes());
        f.extend((entries.len() as u64).to_le_bytes());
        for (key, kind, value) in entries {
            f.extend((key.len() as u64).to_le_bytes());
            f.extend(key.as_bytes());
            f.extend(kind.to_le_bytes());
            f.extend(value);
        }
        f
    }

    fn string(s: &str) -> Vec<u8> {
        let mut v = (s.len() as u64).to_le_bytes().to_vec();
        v.extend(s.as_bytes());
        v
    }

    #[test]
    fn an_alignment_of_zero_is_an_error_not_a_panic() {
        let mut tokens = 8u32.to_le_bytes().to_vec();
        tokens.extend(2u64.to_le_bytes());
        tokens.extend(string("a"));
        tokens.extend(string("bc"));
        let entries = |alignment: Vec<u8>, kind: u32| {
            gguf(&[
                ("general.architecture", 8, string("llama")),
                ("tokenizer.ggml.tokens", 9, tokens.clone()),
                ("general.alignment", kind, alignment),
            ])
        };
        for (value, kind) in [(0u32.to_le_bytes().to_vec(), 4), (vec![0u8], 0)] {
            let err = read(&mut Cursor::new(entries(value, kind))).unwrap_err();
            assert!(err.contains("`general.alignment` is 0"), "{err}");
        }
        let ok = read(&mut Cursor::new(entries(32u32.to_le_bytes().to_vec(), 4))).unwrap();
        assert_eq!(
            ok.metadata["general.architecture"].to_string().unwrap(),
            "llama"
        );
    }

    #[test]
    fn malformed_headers_are_errors() {
        for bytes in [
            Vec::new(),
            b"not a model".to_vec(),
            gguf(&[("k", 42, vec![0])]),
            gguf(&[("general.alignment", 4, vec![0])]),
            b"GGUF\x03\0\0\0".to_vec(),
        ] {
            assert!(read(&mut Cursor::new(bytes)).is_err());
        }
    }
}
