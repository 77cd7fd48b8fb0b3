//! Work shared out over candle's pool of workers, the one its quantized
//! products use: with a second pool, on few cores, each pool's workers
//! spin waiting for work while the other's need the cores (decoding ran at
//! half the speed). The local models' own work per chunk of prompt (the
//! products, the activations' quantization, the attention, the GELU) goes
//! through here, so that the main thread does not do it alone while a
//! worker waits; candle's own operations share their work themselves.

use std::sync::{Mutex, PoisonError};

/// Calls `f(i, piece)` for each of `pieces`, shared out over the pool;
/// a single piece runs here, without waking the pool.
pub fn for_each<P: Send>(pieces: Vec<P>, f: impl Fn(usize, P) + Sync) {
    if pieces.len() <= 1 {
        for (i, piece) in pieces.into_iter().enumerate() {
            f(i, piece);
        }
        return;
    }
    // Each piece behind a lock that only the one task given its number
    // takes: the pool hands out numbers, not the pieces.
    let pieces: Vec<Mutex<Option<P>>> = pieces.into_iter().map(|p| Mutex::new(Some(p))).collect();
    candle_core::utils::barrier_pool().execute_chunked(pieces.len(), |range| {
        for i in range {
            let piece = pieces[i]
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            if let Some(piece) = piece {
                f(i, piece);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_piece_is_given_once_with_its_number() {
        for n in [0, 1, 2, 37] {
            let mut out = vec![0usize; n * 3];
            for_each(out.chunks_mut(3).collect(), |i, piece: &mut [usize]| {
                for v in piece.iter_mut() {
                    *v += i + 1;
                }
            });
            let want: Vec<usize> = (0..n).flat_map(|i| [i + 1; 3]).collect();
            assert_eq!(out, want);
        }
    }
}
