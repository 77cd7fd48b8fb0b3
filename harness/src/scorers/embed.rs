//! Sentence embeddings for the `similarity` scorer: an [`Embedder`] runs a
//! BERT-family model (all-MiniLM-L6-v2 by default) in-process on candle's
//! CPU backend and pools its last hidden state into one unit vector per
//! text, as sentence-transformers does: the mean over the text's tokens,
//! then L2 normalisation. So a cosine similarity is a dot product, and
//! scores agree with the model's published use.
//!
//! The model is a folder holding `config.json` (the BERT configuration),
//! `sentence_bert_config.json` (the sequence length sentence-transformers
//! truncates to), `tokenizer.json` (the WordPiece tokenizer) and
//! `model.safetensors` (f32 weights), as `sizeup models fetch
//! all-minilm-l6-v2` lays it out.

use candle_core::{DType, Device, Tensor, D};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use tokenizers::{Tokenizer, TruncationParams};

/// The files a model folder must hold.
pub const FILES: [&str; 4] = [
    "config.json",
    "sentence_bert_config.json",
    "tokenizer.json",
    "model.safetensors",
];

/// Why a model could not be loaded or a text not embedded.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// A file of the model folder is not there.
    #[error("{} not found", path.display())]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// A file is there but is not what the model needs.
    #[error("failed to load {}: {detail}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
    /// The tokenizer refused a text.
    #[error("failed to tokenize: {0}")]
    Tokenize(String),
    /// The model's computation failed.
    #[error("failed to compute an embedding")]
    Compute(#[from] candle_core::Error),
}

/// The part of `sentence_bert_config.json` that changes embeddings.
#[derive(serde::Deserialize)]
struct SentenceConfig {
    /// Tokens (special ones included) a text is cut to.
    max_seq_length: usize,
}

/// A loaded sentence-embedding model. Shared across threads: embedding
/// takes `&self`.
pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").finish_non_exhaustive()
    }
}

impl Embedder {
    /// Loads the model in folder `dir`.
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        let [config, sentence, tokenizer, weights] = FILES.map(|f| dir.join(f));
        for path in [&config, &sentence, &tokenizer, &weights] {
            if !path.is_file() {
                return Err(EmbedError::Missing { path: path.clone() });
            }
        }
        let config: Config = read_json(&config)?;
        let sentence: SentenceConfig = read_json(&sentence)?;
        let invalid = |path: &Path, detail: String| EmbedError::Invalid {
            path: path.to_path_buf(),
            detail,
        };
        let mut tok =
            Tokenizer::from_file(&tokenizer).map_err(|e| invalid(&tokenizer, e.to_string()))?;
        // The file pads and cuts every text at 128 tokens, for serving
        // batches; a text embedded alone needs no padding, and
        // sentence-transformers cuts at its own max_seq_length, which is
        // what the model's scores are calibrated on.
        tok.with_padding(None)
            .with_truncation(Some(TruncationParams {
                max_length: sentence.max_seq_length,
                ..TruncationParams::default()
            }))
            .map_err(|e| invalid(&tokenizer, e.to_string()))?;
        let device = Device::Cpu;
        let tensors = candle_core::safetensors::load(&weights, &device)
            .map_err(|e| invalid(&weights, e.to_string()))?;
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &device);
        let model = BertModel::load(vb, &config).map_err(|e| invalid(&weights, e.to_string()))?;
        Ok(Self {
            model,
            tokenizer: tok,
            device,
        })
    }

    /// The unit vector of `text`. Texts are embedded one a pass: in a
    /// batch, a short answer would be padded to a long expected text's
    /// length and pay for it.
    pub fn embed(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        let encoding = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbedError::Tokenize(e.to_string()))?;
        let ids = Tensor::new(encoding.get_ids(), &self.device)?.unsqueeze(0)?;
        let types = Tensor::new(encoding.get_type_ids(), &self.device)?.unsqueeze(0)?;
        // Without padding every token counts: no mask to pass.
        let hidden = self.model.forward(&ids, &types, None)?;
        // [CLS] and [SEP] are always there, so the mean has tokens to
        // average; the norm's floor is torch's, for a zero vector.
        let mean = hidden.mean(1)?;
        let norm = mean
            .sqr()?
            .sum_keepdim(D::Minus1)?
            .sqrt()?
            .clamp(1e-12, f32::MAX)?;
        Ok(mean.broadcast_div(&norm)?.squeeze(0)?.to_vec1()?)
    }
}

/// The cosine similarity of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| f64::from(*x) * f64::from(*y))
        .sum()
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, EmbedError> {
    let invalid = |detail: String| EmbedError::Invalid {
        path: path.to_path_buf(),
        detail,
    };
    let text = std::fs::read_to_string(path).map_err(|e| invalid(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))
}

/// Models loaded in this process, by folder, while anything holds them.
static LOADED: Mutex<Vec<(PathBuf, Weak<Embedder>)>> = Mutex::new(Vec::new());

/// The model in `dir`, loaded once however many scorers and tasks name it:
/// each copy would cost its weights' size in memory and a load.
pub fn shared(dir: &Path) -> Result<Arc<Embedder>, EmbedError> {
    let key = dir.canonicalize().map_err(|_| EmbedError::Missing {
        path: dir.to_path_buf(),
    })?;
    // Held while loading, so two loaders of one folder load it once.
    let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
    loaded.retain(|(_, model)| model.strong_count() > 0);
    if let Some(model) = loaded
        .iter()
        .find(|(path, _)| *path == key)
        .and_then(|(_, model)| model.upgrade())
    {
        return Ok(model);
    }
    let model = Arc::new(Embedder::load(&key)?);
    loaded.push((key, Arc::downgrade(&model)));
    Ok(model)
}
