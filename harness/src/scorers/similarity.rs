//! The `similarity` scorer: the cosine similarity of the output's and the
//! expected answer's sentence embeddings (see [`super::embed`]), for
//! answers that may say the right thing in other words.

use super::embed::{self, cosine, EmbedError, Embedder};
use super::Score;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// A `similarity` scorer: its model folder as the suite names it, its
/// threshold, and, once the loader has loaded it, the folder as resolved
/// and the model.
#[derive(Debug)]
pub struct Similarity {
    model: String,
    threshold: f64,
    loaded: Option<(PathBuf, Arc<Embedder>)>,
    /// The expected answers' embeddings: each case's answer is compared
    /// with every model's and every repeat's output, but embedded once.
    expected: Mutex<HashMap<String, Arc<[f32]>>>,
}

impl Similarity {
    /// Checks the settings; the model is loaded by [`Similarity::load`].
    pub fn new(model: &str, threshold: f64) -> Result<Self, String> {
        if model.trim().is_empty() {
            return Err("model must name the embedding model's folder".into());
        }
        Ok(Self {
            model: model.to_string(),
            threshold,
            loaded: None,
            expected: Mutex::default(),
        })
    }

    /// Loads the model, its folder taken relative to `dir` (the suite
    /// file's folder).
    pub fn load(&mut self, dir: &Path) -> Result<(), EmbedError> {
        let folder = dir.join(&self.model);
        let embedder = embed::shared(&folder)?;
        self.loaded = Some((folder, embedder));
        Ok(())
    }

    /// The model's files, once loaded: what its scores depend on.
    pub fn files(&self) -> Vec<PathBuf> {
        self.loaded
            .iter()
            .flat_map(|(folder, _)| embed::FILES.map(|f| folder.join(f)))
            .collect()
    }

    /// Scores `output` against `expected`.
    pub fn score(&self, output: &str, expected: &str) -> Score {
        let Some((_, embedder)) = &self.loaded else {
            return Score::pass_if(false, "the embedding model was not loaded");
        };
        match self.similarity(embedder, output, expected) {
            Ok(similarity) => {
                let passed = similarity >= self.threshold;
                Score {
                    value: similarity.clamp(0.0, 1.0),
                    passed,
                    answer: None,
                    reason: format!(
                        "cosine similarity {similarity:.3} with the expected answer {} the threshold {:.3}",
                        if passed { "reaches" } else { "is under" },
                        self.threshold
                    ),
                }
            }
            Err(e) => Score::pass_if(false, chain(&e)),
        }
    }

    fn similarity(
        &self,
        embedder: &Embedder,
        output: &str,
        expected: &str,
    ) -> Result<f64, EmbedError> {
        let known = self
            .expected
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(expected)
            .cloned();
        let expected = match known {
            Some(v) => v,
            None => {
                let v: Arc<[f32]> = embedder.embed(expected)?.into();
                self.expected
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(expected.to_string(), Arc::clone(&v));
                v
            }
        };
        Ok(cosine(&embedder.embed(output)?, &expected))
    }
}

/// An error and its causes, joined.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = vec![e.to_string()];
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push(c.to_string());
        cause = c.source();
    }
    out.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The model `sizeup models fetch all-minilm-l6-v2` puts in `models/`
    /// (CI fetches it first).
    fn minilm() -> Arc<Embedder> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/all-MiniLM-L6-v2");
        embed::shared(&dir)
            .unwrap_or_else(|e| panic!("{e}: run `sizeup models fetch all-minilm-l6-v2` first"))
    }

    fn similarity(a: &str, b: &str) -> f64 {
        let m = minilm();
        cosine(&m.embed(a).unwrap(), &m.embed(b).unwrap())
    }

    /// The values sentence-transformers prints for these sentences with
    /// all-MiniLM-L6-v2 in its quickstart (`model.similarity` of
    /// `model.encode`), to the four places it prints.
    #[test]
    fn similarities_match_sentence_transformers() {
        let [weather, sunny, stadium] = [
            "The weather is lovely today.",
            "It's so sunny outside!",
            "He drove to the stadium.",
        ];
        for (a, b, published) in [
            (weather, sunny, 0.6660),
            (weather, stadium, 0.1046),
            (sunny, stadium, 0.1411),
        ] {
            let found = similarity(a, b);
            assert!((found - published).abs() < 1e-4, "{a} | {b}: {found}");
        }
    }

    #[test]
    fn a_paraphrase_scores_far_above_an_unrelated_answer() {
        let expected = "Your refund has been issued and will reach your card in 3-5 business days.";
        let paraphrase =
            "We've sent your refund; expect it on your card within three to five working days.";
        let unrelated = "Our store opens at 9 am on weekdays.";
        let near = similarity(expected, paraphrase);
        let far = similarity(expected, unrelated);
        assert!(near > 0.85 && far < 0.2, "near {near}, far {far}");
        let near = similarity(
            "The meeting is moved to Thursday at 3 pm.",
            "We rescheduled the meeting for Thursday, 3 o'clock in the afternoon.",
        );
        let far = similarity(
            "The meeting is moved to Thursday at 3 pm.",
            "Please reset your password using the link below.",
        );
        assert!(near > 0.7 && far < 0.1, "near {near}, far {far}");
    }

    #[test]
    fn identical_texts_score_one() {
        let text = "Thank you for your kind review, we are glad you enjoyed the pasta.";
        assert!((similarity(text, text) - 1.0).abs() < 1e-5);
        let v = minilm().embed(text).unwrap();
        let norm: f64 = v.iter().map(|x| f64::from(*x).powi(2)).sum();
        assert_eq!(v.len(), 384);
        assert!((norm - 1.0).abs() < 1e-5, "{norm}");
    }

    #[test]
    fn texts_past_the_sequence_length_are_cut_as_sentence_transformers_cuts_them() {
        // Two texts that share their first `shared` word pieces and then
        // go on about different things for 100 more.
        let pair = |shared: usize| {
            let start = "order ".repeat(shared);
            (
                format!("{start}{}", "the weather is lovely today ".repeat(20)),
                format!("{start}{}", "he drove to the stadium ".repeat(20)),
            )
        };
        // 256 tokens with [CLS] and [SEP]: whatever follows the 254th word
        // piece changes nothing.
        let (a, b) = pair(254);
        assert!((similarity(&a, &b) - 1.0).abs() < 1e-5);
        // Past the tokenizer file's own limit of 128 they still differ.
        let (a, b) = pair(130);
        let s = similarity(&a, &b);
        assert!(s < 0.99, "{s}");
    }

    #[test]
    fn the_score_passes_at_the_threshold_and_says_why() {
        let mut scorer = Similarity::new("all-MiniLM-L6-v2", 0.8).unwrap();
        scorer
            .load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models"))
            .unwrap();
        let expected = "Your refund has been issued and will reach your card in 3-5 business days.";
        let s = scorer.score(
            "We've sent your refund; expect it on your card within three to five working days.",
            expected,
        );
        assert!(s.passed && s.value > 0.85, "{s:?}");
        assert!(
            s.reason.contains("reaches the threshold 0.800"),
            "{}",
            s.reason
        );
        let s = scorer.score("Our store opens at 9 am on weekdays.", expected);
        assert!(!s.passed && s.value < 0.2, "{s:?}");
        assert!(s.reason.contains("is under"), "{}", s.reason);
        assert_eq!(scorer.files().len(), 4);
        // Both outputs were compared with one embedding of the answer.
        assert_eq!(scorer.expected.lock().unwrap().len(), 1);
    }

    /// Loads a suite with one task scored by `scorer`, its model folder
    /// relative to the suite in a scratch folder beside a link to `models/`.
    fn suite(scorer: &str) -> Result<crate::suite::Suite, crate::suite::SuiteError> {
        let dir = tempfile::tempdir().unwrap();
        let models = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models");
        std::os::unix::fs::symlink(models, dir.path().join("models")).unwrap();
        let path = dir.path().join("s.yaml");
        std::fs::write(
            &path,
            format!(
                "name: s\nmodels:\n  - {{id: m, provider: openai, model: gpt-x, cost: {{input_per_mtok: 1}}}}\ntasks:\n  - id: t\n    prompt: hi\n    expected: a\n    cases: [{{a: yes}}]\n    scorers:\n      - {{type: exact}}\n      - {scorer}\n"
            ),
        )
        .unwrap();
        crate::suite::load(&path, None, &crate::suite::PriceBook::default())
    }

    #[test]
    fn the_suite_loads_the_model_and_records_its_files() {
        let suite = suite("{type: similarity, model: models/all-MiniLM-L6-v2}").unwrap();
        let scorer = &suite.tasks[0].scorers[1];
        assert_eq!(scorer.name(), "similarity");
        assert!(scorer.blocking() && scorer.needs_expected() && !scorer.structured());
        let weights = suite
            .sources
            .iter()
            .filter(|f| f.ends_with("all-MiniLM-L6-v2/model.safetensors"))
            .count();
        assert_eq!(weights, 1, "{:?}", suite.sources);
        // The default threshold.
        let s = scorer
            .score("yes", Some(&"yes".into()), &Default::default())
            .unwrap();
        assert!(s.passed && s.reason.contains("0.700"), "{}", s.reason);
    }

    #[test]
    fn a_bad_similarity_entry_is_a_located_error() {
        let crate::suite::SuiteError::Invalid(d) =
            suite("{type: similarity, model: models/nowhere}").unwrap_err()
        else {
            panic!("not a located error")
        };
        assert_eq!(d.field, "tasks[0].scorers[1].model");
        assert_eq!(d.pos.line, 11);
        assert!(d.to_string().contains("nowhere"), "{d}");
        assert!(d
            .hint
            .unwrap()
            .contains("sizeup models fetch all-minilm-l6-v2"));

        let crate::suite::SuiteError::Invalid(d) =
            suite("{type: similarity, model: models/all-MiniLM-L6-v2, threshold: 1.2}")
                .unwrap_err()
        else {
            panic!("not a located error")
        };
        assert_eq!(d.field, "tasks[0].scorers[1]");
        assert!(
            d.to_string().contains("threshold must be between 0 and 1"),
            "{d}"
        );

        let crate::suite::SuiteError::Invalid(d) =
            suite("{type: similarity, threshold: 0.5}").unwrap_err()
        else {
            panic!("not a located error")
        };
        assert!(d.to_string().contains("missing field `model`"), "{d}");
        assert!(d.field.starts_with("tasks[0].scorers"), "{d}");
    }

    #[test]
    fn a_folder_without_the_weights_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for f in &embed::FILES[..3] {
            std::fs::write(dir.path().join(f), "{}").unwrap();
        }
        let e = Embedder::load(dir.path()).unwrap_err();
        assert!(
            matches!(e, EmbedError::Missing { ref path } if path.ends_with("model.safetensors")),
            "{e}"
        );
    }

    #[test]
    fn one_model_folder_is_loaded_once() {
        assert!(Arc::ptr_eq(&minilm(), &minilm()));
    }
}
