//! SentencePiece-style tokenization (`tokenizer.ggml.model = llama`), as
//! llama.cpp does it for Gemma and the first Llamas: spaces become `▁`, the
//! text starts as single characters, and the adjacent pair whose joined text
//! is a token with the highest score is merged, again and again (the
//! leftmost pair on a tie). A piece that is not a token falls back to its
//! bytes (`<0xAB>` tokens). Special tokens in the text are matched whole
//! first, longest first.

use std::collections::{BTreeSet, BinaryHeap, HashMap};

/// A score-based merge tokenizer with byte fallback.
pub struct Spm {
    ids: HashMap<String, u32>,
    scores: Vec<f32>,
    tokens: Vec<String>,
    /// Special tokens by their first character, longest first.
    special: HashMap<char, Vec<(String, u32)>>,
    /// Ids that are never text (control tokens), left out when decoding.
    control: BTreeSet<u32>,
    bytes: [Option<u32>; 256],
    add_space_prefix: bool,
}

const SPACE: char = '\u{2581}';

impl Spm {
    /// A tokenizer over `tokens` with their `scores`; `special` tokens are
    /// matched whole in text, `control` ones are dropped when decoding.
    pub fn new(
        tokens: Vec<String>,
        scores: Vec<f32>,
        special: &[u32],
        control: &[u32],
        add_space_prefix: bool,
    ) -> Self {
        let ids: HashMap<String, u32> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u32))
            .collect();
        let mut by_first: HashMap<char, Vec<(String, u32)>> = HashMap::new();
        for &id in special {
            let text = &tokens[id as usize];
            if let Some(c) = text.chars().next() {
                by_first.entry(c).or_default().push((text.clone(), id));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        let mut bytes = [None; 256];
        for (b, slot) in bytes.iter_mut().enumerate() {
            *slot = ids.get(&format!("<0x{b:02X}>")).copied();
        }
        Self {
            ids,
            scores,
            tokens,
            special: by_first,
            control: control.iter().copied().collect(),
            bytes,
            add_space_prefix,
        }
    }

    /// Token ids of `text`, special tokens in it recognised.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>, String> {
        let mut out = Vec::new();
        // The space prefix goes before text that starts the input or follows a special token.
        let mut after_special = true;
        let (mut plain, mut i) = (0, 0);
        while let Some(c) = text[i..].chars().next() {
            let hit = self
                .special
                .get(&c)
                .and_then(|list| list.iter().find(|(t, _)| text[i..].starts_with(t.as_str())));
            match hit {
                Some((t, id)) => {
                    if plain < i {
                        self.encode_plain(&text[plain..i], after_special, &mut out)?;
                    }
                    out.push(*id);
                    after_special = true;
                    i += t.len();
                    plain = i;
                }
                None => i += c.len_utf8(),
            }
        }
        if plain < text.len() {
            self.encode_plain(&text[plain..], after_special, &mut out)?;
        }
        Ok(out)
    }

    fn encode_plain(
        &self,
        text: &str,
        after_special: bool,
        out: &mut Vec<u32>,
    ) -> Result<(), String> {
        let mut escaped = String::with_capacity(text.len() + 3);
        if self.add_space_prefix && after_special {
            escaped.push(SPACE);
        }
        escaped.extend(text.chars().map(|c| if c == ' ' { SPACE } else { c }));
        let symbols = self.merge(&escaped);
        for s in symbols {
            match self.ids.get(s) {
                Some(&id) => out.push(id),
                None => {
                    for b in s.bytes() {
                        out.push(self.bytes[b as usize].ok_or_else(|| {
                            format!("no token for {s:?} and no byte fallback for 0x{b:02X}")
                        })?);
                    }
                }
            }
        }
        Ok(())
    }

    /// The pieces of `text`: its characters, the adjacent pair whose joined
    /// text is the best-scored token merged again and again until no pair
    /// is a token. As llama.cpp does, the candidate pairs wait in a queue,
    /// best score first and leftmost on a tie, and a pair whose pieces have
    /// changed since it was queued is passed over: each merge looks up two
    /// new pairs instead of every pair again.
    fn merge<'t>(&self, text: &'t str) -> Vec<&'t str> {
        // Each piece's start in `text` (its characters in order) and length
        // in bytes, 0 once merged into the piece on its left.
        let start: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let mut len: Vec<usize> = start
            .iter()
            .zip(start.iter().skip(1).chain([&text.len()]))
            .map(|(a, b)| b - a)
            .collect();
        let n = start.len();
        // Neighbours as indices; `n` and `usize::MAX` stand for none.
        let mut next: Vec<usize> = (1..=n).collect();
        let mut prev: Vec<usize> = (0..n).map(|i| i.wrapping_sub(1)).collect();
        let mut queue = BinaryHeap::new();
        let pair = |queue: &mut BinaryHeap<Pair>, left: usize, right: usize, len: &[usize]| {
            let bytes = len[left] + len[right];
            if let Some(&id) = self.ids.get(&text[start[left]..start[left] + bytes]) {
                let score = self.scores.get(id as usize).copied().unwrap_or(0.0);
                queue.push(Pair { score, left, bytes });
            }
        };
        for i in 1..n {
            pair(&mut queue, i - 1, i, &len);
        }
        while let Some(Pair { left, bytes, .. }) = queue.pop() {
            let right = next[left];
            if len[left] == 0 || right >= n || len[left] + len[right] != bytes {
                continue;
            }
            len[left] = bytes;
            len[right] = 0;
            next[left] = next[right];
            if next[left] < n {
                prev[next[left]] = left;
                pair(&mut queue, left, next[left], &len);
            }
            if prev[left] < n {
                pair(&mut queue, prev[left], left, &len);
            }
        }
        start
            .iter()
            .zip(&len)
            .filter(|(_, len)| **len > 0)
            .map(|(s, len)| &text[*s..*s + len])
            .collect()
    }

    /// The text of `ids`, control tokens left out.
    pub fn decode(&self, ids: &[u32]) -> String {
        let mut bytes: Vec<u8> = Vec::new();
        for &id in ids {
            if self.control.contains(&id) {
                continue;
            }
            let Some(text) = self.tokens.get(id as usize) else {
                continue;
            };
            match byte_token(text) {
                Some(b) => bytes.push(b),
                None => bytes.extend(text.replace(SPACE, " ").as_bytes()),
            }
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match (self.add_space_prefix, text.strip_prefix(' ')) {
            (true, Some(rest)) => rest.to_string(),
            _ => text,
        }
    }
}

/// A candidate merge of the piece at `left` with the next, `bytes` long
/// when queued.
struct Pair {
    score: f32,
    left: usize,
    bytes: usize,
}

impl Ord for Pair {
    /// The best score first, then the leftmost (scores compare as floats:
    /// −0 and 0 tie, as in a plain `>`).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.score
            .partial_cmp(&other.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(other.left.cmp(&self.left))
    }
}

impl PartialOrd for Pair {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Pair {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Pair {}

/// The byte of a `<0xAB>` token.
fn byte_token(text: &str) -> Option<u8> {
    let hex = text.strip_prefix("<0x")?.strip_suffix('>')?;
    (hex.len() == 2).then(|| u8::from_str_radix(hex, 16).ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Spm {
        let mut tokens: Vec<String> = [
            "<pad>",
            "<bos>",
            "<eos>",
            "▁",
            "h",
            "e",
            "l",
            "o",
            "he",
            "ll",
            "hell",
            "hello",
            "▁hello",
            "<start_of_turn>",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let scores_named = [
            0.0, 0.0, 0.0, -1.0, -5.0, -5.0, -5.0, -5.0, -3.0, -2.0, -1.5, -1.0, -0.5, 0.0,
        ];
        let mut scores = scores_named.to_vec();
        for b in 0..=255u8 {
            tokens.push(format!("<0x{b:02X}>"));
            scores.push(0.0);
        }
        Spm::new(tokens, scores, &[1, 2, 13], &[0, 1, 2, 13], false)
    }

    #[test]
    fn the_best_scored_pairs_merge_first() {
        let t = toy();
        // ll (−2) before he (−3), then hell, then hello, then ▁hello.
        assert_eq!(t.encode(" hello").unwrap(), [12]);
        assert_eq!(t.encode("hello").unwrap(), [11]);
        assert_eq!(t.decode(&[12]), " hello");
    }

    #[test]
    fn ties_merge_the_leftmost_pair_and_changed_pairs_are_passed_over() {
        let vocab = |scores: [f32; 5]| {
            let tokens = ["a", "b", "aa", "ab", "ba"].map(String::from).to_vec();
            Spm::new(tokens, scores.to_vec(), &[], &[], false)
        };
        // "aa" twice over "aaa": the left pair first.
        assert_eq!(vocab([0.0; 5]).encode("aaa").unwrap(), [2, 0]);
        // "ab", "ba", "ab" all tie: the first "ab" merges, which leaves
        // the queued "ba" without its "b"; then the second "ab".
        assert_eq!(vocab([0.0; 5]).encode("abab").unwrap(), [3, 3]);
        // "ba" best: it merges, and neither "ab" is a pair any more.
        let ba_first = vocab([0.0, 0.0, 0.0, -1.0, 0.0]);
        assert_eq!(ba_first.encode("abab").unwrap(), [0, 4, 1]);
    }

    #[test]
    fn unknown_text_falls_back_to_bytes_and_specials_match_whole() {
        let t = toy();
        let ids = t.encode("<bos>hé<start_of_turn>").unwrap();
        // é is 0xC3 0xA9; byte tokens start at id 14.
        assert_eq!(ids, [1, 4, 14 + 0xC3, 14 + 0xA9, 13]);
        assert_eq!(t.decode(&ids), "hé");
    }
}
