//! Attention over a key/value cache on the CPU, in plain loops over
//! slices: [`KvCache`] keeps each block's keys and values where they were
//! written, and [`attend`] reads them in place.
//!
//! Candle's tensor operations for the same work (its cache's concatenation,
//! a contiguous copy of the window, `repeat_kv`'s copies for every query
//! head, two f32 matrix products, a mask and a softmax) took a third of the
//! time of a decoding step on two cores, the most of it in copies and in
//! the thread count its matrix product reads from `/proc/cpuinfo` on every
//! call. Here a query head reads its key/value head directly, masked
//! positions are never scored, and each query position's heads are shared
//! out over the worker pool (see `pool`).

use super::pool;
use half::f16;
use half::slice::HalfFloatSliceExt;

/// Keys are stored in blocks of this many positions, value by value: the
/// scores of a block's positions are computed side by side.
const KEYS: usize = 8;

/// The keys and values of one block, for `n_kv_head` heads of `head_dim`
/// values: per head, a run of `capacity` positions, so that appending
/// writes in place. Values are rows of `head_dim`; keys are blocks of
/// [`KEYS`] positions, value `t` of the block's positions at `t · KEYS…`.
/// Both are rounded to f16 as they are written, as llama.cpp's cache
/// stores them by default: the models' 8-bit activations make their greedy
/// answers hang on the last bits of the attention, and rounded as
/// llama.cpp rounds them they give its answers more often.
#[derive(Debug, Clone)]
pub struct KvCache {
    n_kv_head: usize,
    head_dim: usize,
    /// Positions each head has room for, a whole number of key blocks.
    capacity: usize,
    /// Positions written.
    len: usize,
    k: Vec<f32>,
    v: Vec<f32>,
}

impl KvCache {
    /// An empty cache with room for `positions` positions.
    pub fn new(n_kv_head: usize, head_dim: usize, positions: usize) -> Self {
        let capacity = positions.div_ceil(KEYS) * KEYS;
        let size = n_kv_head * capacity * head_dim;
        Self {
            n_kv_head,
            head_dim,
            capacity,
            len: 0,
            k: vec![0.0; size],
            v: vec![0.0; size],
        }
    }

    /// Forgets every position written.
    pub fn reset(&mut self) {
        self.len = 0;
    }

    /// Appends `len` positions: `k` and `v` hold, per head, `len` rows of
    /// `head_dim` values. Past its room the cache doubles (at least), as a
    /// caller that goes past the positions it asked for needs.
    pub fn append(&mut self, k: &[f32], v: &[f32], len: usize) {
        let d = self.head_dim;
        assert!(
            k.len() == self.n_kv_head * len * d && v.len() == k.len(),
            "{} keys and {} values for {len} positions of {} heads of {d}",
            k.len(),
            v.len(),
            self.n_kv_head
        );
        if self.len + len > self.capacity {
            let mut grown = Self::new(self.n_kv_head, d, (self.len + len).max(2 * self.capacity));
            // Whole key blocks and value rows keep their places in a head.
            let used = self.len.div_ceil(KEYS) * KEYS * d;
            for h in 0..self.n_kv_head {
                let (from, to) = (h * self.capacity * d, h * grown.capacity * d);
                grown.k[to..to + used].copy_from_slice(&self.k[from..from + used]);
                grown.v[to..to + used].copy_from_slice(&self.v[from..from + used]);
            }
            grown.len = self.len;
            *self = grown;
        }
        // Rounded through f16 by `half`'s slice conversions, which use
        // F16C where the CPU has it (its conversion of one value checks
        // for it on every call).
        let mut halves = vec![f16::ZERO; d];
        let mut key = vec![0f32; d];
        for h in 0..self.n_kv_head {
            let head = h * self.capacity * d;
            for i in 0..len {
                let p = self.len + i;
                let new = (h * len + i) * d..(h * len + i + 1) * d;
                halves.convert_from_f32_slice(&k[new.clone()]);
                halves.convert_to_f32_slice(&mut key);
                let block = head + p / KEYS * KEYS * d + p % KEYS;
                for (t, x) in key.iter().enumerate() {
                    self.k[block + t * KEYS] = *x;
                }
                halves.convert_from_f32_slice(&v[new]);
                halves.convert_to_f32_slice(&mut self.v[head + p * d..][..d]);
            }
        }
        self.len += len;
    }

    /// Head `h`'s key blocks and value rows, for every position written.
    fn head(&self, h: usize) -> (&[f32], &[f32]) {
        let at = h * self.capacity * self.head_dim;
        let keys = self.len.div_ceil(KEYS) * KEYS * self.head_dim;
        (
            &self.k[at..at + keys],
            &self.v[at..at + self.len * self.head_dim],
        )
    }
}

/// The attention of `n_head` query heads (`q`: per head, `len` rows of
/// `head_dim` values) over `cache`, whose last `len` positions are the
/// queries' own: query `i` sees the positions up to its own, and with a
/// `window`, only the last `window` of them. Query head `h` reads key/value
/// head `h / (n_head / n_kv_head)`. Scores are `q · k · scale`, softmaxed.
/// Returns, per query, the `n_head` heads' outputs one after another.
pub fn attend(
    cache: &KvCache,
    q: &[f32],
    n_head: usize,
    len: usize,
    window: Option<usize>,
    scale: f32,
) -> Vec<f32> {
    let d = cache.head_dim;
    assert!(
        q.len() == n_head * len * d
            && len <= cache.len
            && n_head.is_multiple_of(cache.n_kv_head.max(1)),
        "{} query values for {len} positions of {n_head} heads of {d}, {} cached",
        q.len(),
        cache.len
    );
    let group = n_head / cache.n_kv_head;
    let first = cache.len - len;
    let window = window.unwrap_or(usize::MAX).max(1);
    // Each query position's output for each head, a piece of its own.
    let mut out = vec![0f32; len * n_head * d];
    pool::for_each(out.chunks_mut(d).collect(), |piece, out: &mut [f32]| {
        let (i, h) = (piece / n_head, piece % n_head);
        let (keys, values) = cache.head(h / group);
        let position = first + i;
        let seen = position.saturating_sub(window - 1)..position + 1;
        let query = &q[(h * len + i) * d..][..d];
        let mut scores = Vec::with_capacity(seen.len());
        dots(query, keys, seen.clone(), &mut scores);
        for score in scores.iter_mut() {
            *score *= scale;
        }
        softmax(&mut scores);
        for (p, value) in scores.iter().zip(values[seen.start * d..].chunks_exact(d)) {
            for (o, v) in out.iter_mut().zip(value) {
                *o += p * v;
            }
        }
    });
    out
}

/// The dot products of `query` with the keys at `positions` (of a head's
/// blocks `keys`), appended to `out`. Each adds its products in order, as a
/// matrix product's kernel does (candle's did here before): greedy answers
/// hang on such last bits, and summed in other orders they left llama.cpp's
/// more often (on the agreement script's 100 cases, 87 or 88 equal against
/// 91 and 92). A block's [`KEYS`] sums run side by side, in vector lanes,
/// and [`BLOCKS_AT_ONCE`] blocks at a time: each sum waits on its previous
/// addition, so one block alone leaves the core idle between them.
fn dots(query: &[f32], keys: &[f32], positions: std::ops::Range<usize>, out: &mut Vec<f32>) {
    let blocks = positions.start / KEYS..positions.end.div_ceil(KEYS);
    let mut b = blocks.start;
    let mut append = |b: usize, sums: &[f32; KEYS]| {
        let first = b * KEYS;
        let wanted = positions.start.max(first) - first..positions.end.min(first + KEYS) - first;
        out.extend_from_slice(&sums[wanted]);
    };
    while b + BLOCKS_AT_ONCE <= blocks.end {
        let sums = block_dots::<BLOCKS_AT_ONCE>(query, keys, b);
        for (i, sums) in sums.iter().enumerate() {
            append(b + i, sums);
        }
        b += BLOCKS_AT_ONCE;
    }
    for b in b..blocks.end {
        append(b, &block_dots::<1>(query, keys, b)[0]);
    }
}

/// Key blocks scored together by [`dots`].
const BLOCKS_AT_ONCE: usize = 4;

/// The sums of `query` times each key of blocks `first…first + N`, each
/// added in order of the query's values.
#[inline(always)]
fn block_dots<const N: usize>(query: &[f32], keys: &[f32], first: usize) -> [[f32; KEYS]; N] {
    let d = query.len();
    let blocks: [&[f32]; N] = std::array::from_fn(|i| &keys[(first + i) * KEYS * d..][..KEYS * d]);
    let mut sums = [[0f32; KEYS]; N];
    for (t, q) in query.iter().enumerate() {
        for (sums, block) in sums.iter_mut().zip(&blocks) {
            for (sum, k) in sums.iter_mut().zip(&block[t * KEYS..(t + 1) * KEYS]) {
                *sum += q * k;
            }
        }
    }
    sums
}

/// Softmax in place: `exp(x − max) / Σ`.
fn softmax(x: &mut [f32]) {
    let max = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0f32;
    for v in x.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in x.iter_mut() {
        *v /= sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::{Device, Tensor};

    /// Candle's attention, as the model code used it: the cache's keys and
    /// values repeated for each query head, scores masked causally and
    /// outside the window, softmax, then the values.
    fn reference(
        keys: &[f32],
        values: &[f32],
        q: &[f32],
        (n_head, n_kv_head, d, total, len): (usize, usize, usize, usize, usize),
        window: Option<usize>,
        scale: f64,
    ) -> Vec<f32> {
        let cpu = Device::Cpu;
        // The cache's rounding to f16.
        let rounded =
            |v: &[f32]| -> Vec<f32> { v.iter().map(|x| f16::from_f32(*x).to_f32()).collect() };
        let (keys, values) = (&rounded(keys)[..], &rounded(values)[..]);
        let t = |v: &[f32], heads, rows| Tensor::from_vec(v.to_vec(), (1, heads, rows, d), &cpu);
        let group = n_head / n_kv_head;
        let k = candle_transformers::utils::repeat_kv(t(keys, n_kv_head, total).unwrap(), group)
            .unwrap();
        let v = candle_transformers::utils::repeat_kv(t(values, n_kv_head, total).unwrap(), group)
            .unwrap();
        let q = t(q, n_head, len).unwrap();
        let scores = (q.matmul(&k.t().unwrap()).unwrap() * scale).unwrap();
        // The model code's own mask, which has its own test.
        let mask = crate::local::transformer::mask(window, len, total, &cpu).unwrap();
        let probs =
            candle_nn::ops::softmax_last_dim(&scores.broadcast_add(&mask).unwrap()).unwrap();
        probs
            .matmul(&v)
            .unwrap()
            .transpose(1, 2)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1()
            .unwrap()
    }

    fn random(n: usize, seed: u64) -> Vec<f32> {
        // A small LCG: values in −1…1, reproducible.
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (s >> 40) as f32 / (1u64 << 23) as f32 - 1.0
            })
            .collect()
    }

    #[test]
    fn each_score_adds_its_products_in_order() {
        // Positions from the middle of one block to the middle of another,
        // past a run of blocks scored together and a remainder.
        let (d, total) = (64, 8 * KEYS + 3);
        let mut cache = KvCache::new(1, d, total);
        let k = random(total * d, 7);
        cache.append(&k, &vec![0.0; total * d], total);
        let query = random(d, 8);
        for positions in [3..total, 0..1, 5..6 * KEYS + 1] {
            let mut scores = Vec::new();
            dots(&query, cache.head(0).0, positions.clone(), &mut scores);
            assert_eq!(scores.len(), positions.len());
            for (p, score) in positions.zip(&scores) {
                let key: Vec<f32> = (0..d)
                    .map(|t| f16::from_f32(k[p * d + t]).to_f32())
                    .collect();
                let in_order = query.iter().zip(&key).fold(0f32, |s, (q, k)| s + q * k);
                assert_eq!(score.to_bits(), in_order.to_bits(), "position {p}");
            }
        }
    }

    /// Per head, rows `range` of `x` laid out per head with `rows` rows.
    fn rows(
        x: &[f32],
        heads: usize,
        rows: usize,
        d: usize,
        range: std::ops::Range<usize>,
    ) -> Vec<f32> {
        (0..heads)
            .flat_map(|h| x[(h * rows + range.start) * d..(h * rows + range.end) * d].to_vec())
            .collect()
    }

    #[test]
    fn attention_matches_candles_over_chunks_windows_and_shared_heads() {
        // (query heads, key/value heads, head size): SmolLM2's, Gemma's
        // (one key/value head for four), and a head size that is not a
        // multiple of eight.
        for (n_head, n_kv_head, d) in [(9, 3, 64), (4, 1, 256), (2, 2, 12)] {
            for window in [None, Some(5)] {
                let total = 23;
                let keys = random(n_kv_head * total * d, 1);
                let values = random(n_kv_head * total * d, 2);
                // Room for fewer positions than written: the cache grows.
                let mut cache = KvCache::new(n_kv_head, d, 4);
                let mut at = 0;
                // A prompt in chunks, then single tokens.
                for len in [7, 7, 6, 1, 1, 1] {
                    let range = at..at + len;
                    cache.append(
                        &rows(&keys, n_kv_head, total, d, range.clone()),
                        &rows(&values, n_kv_head, total, d, range),
                        len,
                    );
                    at += len;
                    let q = random(n_head * len * d, at as u64);
                    let scale = 1.0 / (d as f64).sqrt();
                    let ours = attend(&cache, &q, n_head, len, window, scale as f32);
                    let theirs = reference(
                        &rows(&keys, n_kv_head, total, d, 0..at),
                        &rows(&values, n_kv_head, total, d, 0..at),
                        &q,
                        (n_head, n_kv_head, d, at, len),
                        window,
                        scale,
                    );
                    assert_eq!(ours.len(), theirs.len());
                    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                        assert!(
                            (a - b).abs() <= 1e-5,
                            "{n_head}/{n_kv_head}×{d} window {window:?} at {at}: output {i}: {a} against {b}"
                        );
                    }
                }
                assert_eq!(cache.len, total);
            }
        }
    }

    #[test]
    fn a_cache_keeps_what_it_held_when_it_grows() {
        // Two heads of three values; position p's key in head h at
        // block p / 8, value t at t · 8 + p % 8.
        let key = |c: &KvCache, h: usize, p: usize| -> Vec<f32> {
            let (keys, _) = c.head(h);
            (0..3)
                .map(|t| keys[p / KEYS * KEYS * 3 + t * KEYS + p % KEYS])
                .collect()
        };
        let mut cache = KvCache::new(2, 3, 1);
        // 1/3 is not an f16: it is stored rounded.
        cache.append(&[1. / 3., 2., 3., 4., 5., 6.], &[6., 5., 4., 3., 2., 1.], 1);
        assert_eq!(key(&cache, 0, 0)[0], f16::from_f32(1. / 3.).to_f32());
        assert_ne!(key(&cache, 0, 0)[0], 1. / 3.);
        cache.reset();
        // Nine positions, one at a time: past the first block of eight,
        // and past the room of eight, so the cache grows.
        for p in 0..9 {
            let x = p as f32;
            cache.append(&[x, x + 1., x + 2., -x, -x, -x], &[x, 0., 0., 0., 0., x], 1);
        }
        assert_eq!(cache.capacity, 16);
        for p in 0..9 {
            let x = p as f32;
            assert_eq!(key(&cache, 0, p), [x, x + 1., x + 2.], "position {p}");
            assert_eq!(key(&cache, 1, p), [-x, -x, -x], "position {p}");
            assert_eq!(cache.head(1).1[p * 3 + 2], x, "position {p}");
        }
    }
}
