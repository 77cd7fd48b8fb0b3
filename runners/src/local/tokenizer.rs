//! The tokenizer of a GGUF file, built from its own metadata, so that no
//! `tokenizer.json` from a model hub is needed.
//!
//! GGUF keeps the vocabulary (`tokenizer.ggml.tokens`), the BPE merges, the
//! token types and the name of the pre-tokenizer (`tokenizer.ggml.pre`).
//! Byte-level BPE (`tokenizer.ggml.model = gpt2`) is rebuilt with the
//! `tokenizers` crate, splitting text the way llama.cpp does for each
//! pre-tokenizer name; SentencePiece-style vocabularies
//! (`tokenizer.ggml.model = llama`, with `scores`) use [`Spm`].

use super::spm::Spm;
use candle_core::quantized::gguf_file::{Content, Value};
use tokenizers::decoders::byte_level::ByteLevel as ByteLevelDecoder;
use tokenizers::models::bpe::{Vocab, BPE};
use tokenizers::pre_tokenizers::byte_level::ByteLevel;
use tokenizers::pre_tokenizers::digits::Digits;
use tokenizers::pre_tokenizers::sequence::Sequence;
use tokenizers::pre_tokenizers::split::{Split, SplitPattern};
use tokenizers::pre_tokenizers::PreTokenizerWrapper;
use tokenizers::{AddedToken, SplitDelimiterBehavior, Tokenizer};

/// GPT-2's split, which `ByteLevel` applies by itself when asked to.
const GPT2: &str = r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";
/// Qwen2's split: letters with one leading non-letter, digits one by one.
const QWEN2: &str = r"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
/// Llama 3's split: like Qwen2's but digits in groups of up to three.
const LLAMA3: &str = r"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

/// Token type 3 in GGUF: a control token such as `<|im_end|>`.
const CONTROL: i32 = 3;
/// Token type 4 in GGUF: a user-defined token matched whole in text.
const USER_DEFINED: i32 = 4;

/// How text becomes ids, by `tokenizer.ggml.model`.
enum Codec {
    /// `gpt2`: byte-level BPE.
    Bpe(Box<Tokenizer>),
    /// `llama`: SentencePiece-style score-based merges with byte fallback.
    Spm(Box<Spm>),
}

/// A tokenizer and the ids generation needs.
pub struct GgufTokenizer {
    codec: Codec,
    /// Beginning of sequence, when the model has one.
    pub bos: Option<u32>,
    /// Whether prompts start with `bos`.
    pub add_bos: bool,
    /// Ids that end a turn: end of sequence, end of turn, and the control
    /// tokens chat templates close turns with.
    pub stop_ids: Vec<u32>,
    /// Text of every token, for templates that need `bos_token`/`eos_token`.
    pub tokens: Vec<String>,
    /// End of sequence.
    pub eos: Option<u32>,
}

fn get<'a>(ct: &'a Content, key: &str) -> Result<&'a Value, String> {
    ct.metadata
        .get(key)
        .ok_or_else(|| format!("the file has no `{key}` metadata"))
}

fn strings(ct: &Content, key: &str) -> Result<Vec<String>, String> {
    get(ct, key)?
        .to_vec()
        .map_err(|e| format!("`{key}`: {e}"))?
        .iter()
        .map(|v| v.to_string().cloned().map_err(|e| format!("`{key}`: {e}")))
        .collect()
}

fn id(ct: &Content, key: &str) -> Option<u32> {
    ct.metadata.get(key).and_then(|v| v.to_u32().ok())
}

impl GgufTokenizer {
    /// Builds the tokenizer described by the file's metadata.
    pub fn from_gguf(ct: &Content) -> Result<Self, String> {
        let model = get(ct, "tokenizer.ggml.model")?
            .to_string()
            .map_err(|e| e.to_string())?
            .clone();
        let tokens = strings(ct, "tokenizer.ggml.tokens")?;
        let types: Vec<i32> = match ct.metadata.get("tokenizer.ggml.token_type") {
            Some(v) => v
                .to_vec()
                .map_err(|e| e.to_string())?
                .iter()
                .map(|t| t.to_i32().unwrap_or(1))
                .collect(),
            None => vec![1; tokens.len()],
        };
        let codec = match model.as_str() {
            "gpt2" => Codec::Bpe(Box::new(bpe(ct, &tokens, &types)?)),
            "llama" => {
                let scores: Vec<f32> = get(ct, "tokenizer.ggml.scores")?
                    .to_vec()
                    .map_err(|e| e.to_string())?
                    .iter()
                    .map(|v| v.to_f32().unwrap_or(0.0))
                    .collect();
                let of_type = |wanted: &[i32]| -> Vec<u32> {
                    (0..tokens.len() as u32)
                        .filter(|&i| wanted.contains(&types[i as usize]))
                        .collect()
                };
                let add_space_prefix = ct
                    .metadata
                    .get("tokenizer.ggml.add_space_prefix")
                    .and_then(|v| v.to_bool().ok())
                    .unwrap_or(true);
                Codec::Spm(Box::new(Spm::new(
                    tokens.clone(),
                    scores,
                    &of_type(&[CONTROL, USER_DEFINED]),
                    &of_type(&[CONTROL]),
                    add_space_prefix,
                )))
            }
            other => {
                return Err(format!(
                    "tokenizer model `{other}` is not supported (supported: gpt2 byte-level BPE, llama SentencePiece)"
                ))
            }
        };
        let eos = id(ct, "tokenizer.ggml.eos_token_id");
        let mut stop_ids: Vec<u32> = [eos, id(ct, "tokenizer.ggml.eot_token_id")]
            .into_iter()
            .flatten()
            .collect();
        for name in [
            "<|im_end|>",
            "<|endoftext|>",
            "<|eot_id|>",
            "<end_of_turn>",
            "<|end|>",
        ] {
            if let Some(i) = tokens.iter().position(|t| t == name) {
                stop_ids.push(i as u32);
            }
        }
        stop_ids.sort_unstable();
        stop_ids.dedup();
        Ok(Self {
            codec,
            bos: id(ct, "tokenizer.ggml.bos_token_id"),
            add_bos: ct
                .metadata
                .get("tokenizer.ggml.add_bos_token")
                .and_then(|v| v.to_bool().ok())
                .unwrap_or(false),
            stop_ids,
            tokens,
            eos,
        })
    }

    /// Token ids of `text`, special tokens in it recognised, with BOS when the model wants one.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>, String> {
        let mut ids = match &self.codec {
            Codec::Bpe(t) => t
                .encode(text, false)
                .map_err(|e| format!("failed to tokenize: {e}"))?
                .get_ids()
                .to_vec(),
            Codec::Spm(t) => t.encode(text)?,
        };
        if let (true, Some(bos)) = (self.add_bos, self.bos) {
            if ids.first() != Some(&bos) {
                ids.insert(0, bos);
            }
        }
        Ok(ids)
    }

    /// The text of `ids`, special tokens left out.
    pub fn decode(&self, ids: &[u32]) -> Result<String, String> {
        match &self.codec {
            Codec::Bpe(t) => t
                .decode(ids, true)
                .map_err(|e| format!("failed to decode: {e}")),
            Codec::Spm(t) => Ok(t.decode(ids)),
        }
    }

    /// The text of one token, for templates.
    pub fn token_text(&self, id: Option<u32>) -> String {
        id.and_then(|i| self.tokens.get(i as usize).cloned())
            .unwrap_or_default()
    }
}

/// Byte-level BPE from the vocabulary, merges and pre-tokenizer name.
fn bpe(ct: &Content, tokens: &[String], types: &[i32]) -> Result<Tokenizer, String> {
    let merges: Vec<(String, String)> = strings(ct, "tokenizer.ggml.merges")?
        .into_iter()
        .filter_map(|m| {
            m.split_once(' ')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        })
        .collect();
    let vocab: Vocab = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.clone(), i as u32))
        .collect();
    let bpe = BPE::builder()
        .vocab_and_merges(vocab, merges)
        .build()
        .map_err(|e| format!("invalid BPE vocabulary: {e}"))?;
    let mut tokenizer = Tokenizer::new(bpe);
    let pre = ct
        .metadata
        .get("tokenizer.ggml.pre")
        .and_then(|v| v.to_string().ok())
        .map_or("default", String::as_str);
    tokenizer.with_pre_tokenizer(Some(pre_tokenizer(pre)?));
    tokenizer.with_decoder(Some(ByteLevelDecoder::default()));
    let special: Vec<AddedToken> = tokens
        .iter()
        .zip(types)
        .filter(|(_, t)| **t == CONTROL || **t == USER_DEFINED)
        .map(|(text, t)| AddedToken::from(text.clone(), *t == CONTROL))
        .collect();
    tokenizer
        .add_special_tokens(special)
        .map_err(|e| format!("invalid special tokens: {e}"))?;
    Ok(tokenizer)
}

/// How llama.cpp splits text before BPE, by `tokenizer.ggml.pre` name.
fn pre_tokenizer(pre: &str) -> Result<PreTokenizerWrapper, String> {
    let split = |pattern: &str| -> Result<PreTokenizerWrapper, String> {
        let split = Split::new(
            SplitPattern::Regex(pattern.to_string()),
            SplitDelimiterBehavior::Isolated,
            false,
        )
        .map_err(|e| format!("invalid pre-tokenizer pattern: {e}"))?;
        Ok(PreTokenizerWrapper::Sequence(Sequence::new(vec![
            split.into(),
            ByteLevel::new(false, true, false).into(),
        ])))
    };
    match pre {
        "default" | "gpt2" | "gpt-2" => split(GPT2),
        // llama.cpp splits digits one by one first for these (starcoder family).
        "smollm" | "starcoder" | "refact" | "codeshell" => Ok(PreTokenizerWrapper::Sequence(
            Sequence::new(vec![
                Digits::new(true).into(),
                ByteLevel::new(false, true, true).into(),
            ]),
        )),
        "qwen2" | "deepseek-r1-qwen" => split(QWEN2),
        "llama3" | "llama-v3" | "llama-bpe" | "smaug-bpe" => split(LLAMA3),
        other => Err(format!(
            "pre-tokenizer `{other}` is not supported yet (supported: gpt2, smollm, starcoder, qwen2, llama-bpe)"
        )),
    }
}
