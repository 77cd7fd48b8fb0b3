//! The SHA-256 of files (local models, suites) remembered by size and
//! modification time, so that a large file is hashed once.

use super::{Store, StoreError};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// The SHA-256 recorded for a file of this size and modification time.
    pub fn file_digest(
        &self,
        path: &str,
        size: u64,
        modified_ns: i64,
    ) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT sha256 FROM file_digests WHERE path = ?1 AND size = ?2 AND modified_ns = ?3",
                params![path, size, modified_ns],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.err())
    }

    /// Records a file's SHA-256 for its size and modification time.
    pub fn set_file_digest(
        &self,
        path: &str,
        size: u64,
        modified_ns: i64,
        sha256: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO file_digests (path, size, modified_ns, sha256)
                 VALUES (?1, ?2, ?3, ?4)",
                params![path, size, modified_ns, sha256],
            )
            .map_err(self.err())?;
        Ok(())
    }
}
