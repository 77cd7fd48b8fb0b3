//! [`read_text`]: the files a suite names, read safely. Only regular files
//! are read (a directory, a FIFO or a device is named as such, never read
//! or waited on), at most [`MAX_FILE_BYTES`] of them, and only text: a file
//! with NUL bytes (`/proc/self/environ`, a binary) is refused without
//! showing any of it, and invalid UTF-8 is reported at its line and column.
//! A leading UTF-8 byte-order mark is dropped.

use super::error::SuiteError;
use std::io::Read;
use std::path::Path;

/// The largest suite, catalog, price book or cases file read: far above
/// any real one, and small enough to hold in memory.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Reads the text file at `path`.
pub fn read_text(path: &Path) -> Result<String, SuiteError> {
    let fail = |what: String| SuiteError::File {
        path: path.to_path_buf(),
        what,
    };
    let io = |source| SuiteError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(fail("is a directory, not a file".into()));
    }
    if !meta.is_file() {
        return Err(fail(
            "is not a regular file (a FIFO, socket or device); only files are read".into(),
        ));
    }
    let too_large = || fail(format!("is larger than {MAX_FILE_BYTES} bytes"));
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Files under /proc report a size of 0: the limit holds while reading.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    if bytes.contains(&0) {
        return Err(fail("is not a text file (it contains NUL bytes)".into()));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        fail(format!(
            "is not UTF-8 text: an invalid byte at line {line}, column {column}"
        ))
    })?;
    // Editors on Windows start UTF-8 files with a byte-order mark; it is
    // not part of the text (and no column counts it).
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(r: Result<String, SuiteError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn only_regular_text_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        assert!(message(read_text(dir.path())).contains("is a directory"));
        assert!(message(read_text(&at("missing"))).contains("failed to read"));
        std::fs::write(at("nul"), b"KEY=secret\0PATH=/bin\0").unwrap();
        let text = message(read_text(&at("nul")));
        assert!(
            text.contains("not a text file") && !text.contains("secret"),
            "{text}"
        );
        std::fs::write(at("latin1"), b"a: 1\nb: caf\xe9\n").unwrap();
        assert!(message(read_text(&at("latin1"))).contains("line 2, column 7"));
        std::fs::write(at("ok"), "a: é\n").unwrap();
        assert_eq!(read_text(&at("ok")).unwrap(), "a: é\n");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_not_read() {
        let text = message(read_text(Path::new("/dev/zero")));
        assert!(text.contains("not a regular file"), "{text}");
    }
}
