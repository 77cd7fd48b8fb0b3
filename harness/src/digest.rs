//! SHA-256 digests of the files a run depends on: the suite, its catalog,
//! cases and price book (so a resume can refuse a changed suite), and the
//! weights of local models (part of their identity, so a changed file
//! misses the cache). A weights file is hashed once and remembered in the
//! store by its size and modification time, the cheap first check.

use crate::store::{Store, StoreError};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Why a digest could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    /// The file could not be read.
    #[error("failed to read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The store could not remember the digest.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// SHA-256 of bytes, in hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of a file, in hex, read in 1 MiB pieces.
pub fn sha256_file(path: &Path) -> Result<String, std::io::Error> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// SHA-256 of a file, from the store when its size and modification time
/// are those it was last hashed at.
pub fn remembered_sha256(store: &Store, path: &Path) -> Result<String, DigestError> {
    let io = |source| DigestError::Io {
        path: path.to_path_buf(),
        source,
    };
    // One entry per file, however a suite spells its path.
    let path = &std::fs::canonicalize(path).map_err(io)?;
    let meta = std::fs::metadata(path).map_err(io)?;
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    let key = path.to_string_lossy();
    if let Some(known) = store.file_digest(&key, meta.len(), modified_ns)? {
        return Ok(known);
    }
    let digest = sha256_file(path).map_err(io)?;
    store.set_file_digest(&key, meta.len(), modified_ns, &digest)?;
    Ok(digest)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_hashed_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("r.db")).unwrap();
        let file = dir.path().join("w.gguf");
        std::fs::write(&file, b"abc").unwrap();
        let first = remembered_sha256(&store, &file).unwrap();
        assert_eq!(
            first,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // Same size, new content: the modification time tells.
        std::fs::write(&file, b"abd").unwrap();
        let t = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(t)
            .unwrap();
        let second = remembered_sha256(&store, &file).unwrap();
        assert_ne!(first, second);
        assert_eq!(second, sha256_bytes(b"abd"));
    }
}
