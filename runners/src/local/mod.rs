//! [`LocalRunner`]: a GGUF model run in-process with candle.
//!
//! The model is loaded once and owned by a dedicated thread; requests queue
//! on a channel and are answered one at a time, so inference never blocks
//! the async workers. The tokenizer and the chat template come from the
//! file's own metadata. Models on the same device take turns. Timing is
//! measured from the moment a request's turn starts: time to first token
//! includes prompt processing, but not the wait for the device.

mod gemma3;
mod model;
mod spm;
mod template;
mod tokenizer;

pub use model::SUPPORTED;
pub use tokenizer::GgufTokenizer;

use crate::{
    BoxFuture, Completion, ErrorClass, Failure, FinishReason, Request, Runner, Timing, Usage,
};
use candle_core::quantized::gguf_file;
use candle_core::{Device, Tensor};
use candle_transformers::generation::{LogitsProcessor, Sampling};
use model::Weights;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};
use template::ChatTemplate;
use tokio::sync::oneshot;

/// How to run a local model.
#[derive(Debug, Clone)]
pub struct LocalConfig {
    /// The GGUF file.
    pub path: PathBuf,
    /// `cpu`, or `cuda:N` when built with the `cuda` feature.
    pub device: String,
    /// A chat template to use instead of the file's.
    pub chat_template: Option<String>,
}

/// Why a local model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LocalError {
    /// The file could not be opened.
    #[error("failed to open {}", path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a valid GGUF file, or is cut short.
    #[error("{} is not a valid GGUF file: {message}", path.display())]
    Gguf {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The file is valid but this build cannot run it.
    #[error("{}: {message}", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What is missing.
        message: String,
    },
    /// The worker thread could not be started.
    #[error("failed to start the worker thread of {}", path.display())]
    Thread {
        /// The model file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The device is unknown or unavailable.
    #[error("device `{device}`: {message}")]
    Device {
        /// The device asked for.
        device: String,
        /// Why it cannot be used.
        message: String,
    },
}

/// What turns a conversation into a model's prompt tokens: the file's own
/// tokenizer and chat template (or the one a suite gives), read from the
/// metadata alone.
pub struct Prompter {
    tokenizer: GgufTokenizer,
    template: ChatTemplate,
}

impl Prompter {
    /// Reads the tokenizer and chat template of the GGUF file at `path`;
    /// `chat_template` replaces the file's.
    pub fn open(path: &Path, chat_template: Option<&str>) -> Result<Self, LocalError> {
        let content = read_content(path)?;
        Self::from_content(path, &content, chat_template)
    }

    fn from_content(
        path: &Path,
        content: &gguf_file::Content,
        chat_template: Option<&str>,
    ) -> Result<Self, LocalError> {
        let unsupported = |message: String| LocalError::Unsupported {
            path: path.to_path_buf(),
            message,
        };
        let tokenizer = GgufTokenizer::from_gguf(content).map_err(unsupported)?;
        let source = match chat_template {
            Some(t) => t.to_string(),
            None => content
                .metadata
                .get("tokenizer.chat_template")
                .and_then(|v| v.to_string().ok())
                .cloned()
                .ok_or_else(|| {
                    unsupported(
                        "the file has no chat template; give one with `chat_template:` in the model's definition"
                            .into(),
                    )
                })?,
        };
        let template = ChatTemplate::new(&source).map_err(unsupported)?;
        Ok(Self {
            tokenizer,
            template,
        })
    }

    /// The prompt tokens of a conversation, the assistant's turn opened.
    pub fn tokens(&self, messages: &[crate::Message]) -> Result<Vec<u32>, String> {
        let tok = &self.tokenizer;
        let prompt =
            self.template
                .render(messages, &tok.token_text(tok.bos), &tok.token_text(tok.eos))?;
        tok.encode(&prompt)
    }

    /// The tokenizer alone.
    pub fn tokenizer(&self) -> &GgufTokenizer {
        &self.tokenizer
    }
}

/// The header and metadata of a GGUF file.
fn read_content(path: &Path) -> Result<gguf_file::Content, LocalError> {
    let file = std::fs::File::open(path).map_err(|source| LocalError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    gguf_file::Content::read(&mut std::io::BufReader::new(file)).map_err(|e| LocalError::Gguf {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Everything the worker thread owns.
struct Loaded {
    weights: Weights,
    prompter: Prompter,
    device: Device,
}

type Job = (Request, oneshot::Sender<Completion>);

/// A runner for one GGUF model, loaded once and shared by every trial.
pub struct LocalRunner {
    jobs: std::sync::mpsc::Sender<Job>,
}

fn device(name: &str) -> Result<Device, LocalError> {
    let fail = |message: String| LocalError::Device {
        device: name.to_string(),
        message,
    };
    match name {
        "cpu" => Ok(Device::Cpu),
        _ => match name
            .strip_prefix("cuda:")
            .and_then(|n| n.parse::<usize>().ok())
        {
            Some(n) => Device::new_cuda(n).map_err(|e| fail(e.to_string())),
            None => Err(fail("expected `cpu` or `cuda:N`".into())),
        },
    }
}

fn load(config: &LocalConfig) -> Result<Loaded, LocalError> {
    let path = &config.path;
    let gguf = |message: String| LocalError::Gguf {
        path: path.clone(),
        message,
    };
    let unsupported = |message: String| LocalError::Unsupported {
        path: path.clone(),
        message,
    };
    let device = device(&config.device)?;
    let file = std::fs::File::open(path).map_err(|source| LocalError::Open {
        path: path.clone(),
        source,
    })?;
    let mut reader = std::io::BufReader::new(file);
    let content = gguf_file::Content::read(&mut reader).map_err(|e| gguf(e.to_string()))?;
    let arch = content
        .metadata
        .get("general.architecture")
        .and_then(|v| v.to_string().ok())
        .cloned()
        .ok_or_else(|| gguf("no `general.architecture` metadata".into()))?;
    if !SUPPORTED.contains(&arch.as_str()) {
        return Err(unsupported(format!(
            "architecture `{arch}` is not supported (supported: {})",
            SUPPORTED.join(", ")
        )));
    }
    let prompter = Prompter::from_content(path, &content, config.chat_template.as_deref())?;
    // A truncated file fails here, while its tensors are read.
    let weights = Weights::load(&arch, content, &mut reader, &device).map_err(gguf)?;
    Ok(Loaded {
        weights,
        prompter,
        device,
    })
}

/// One lock per device: two models generating at once on the same CPU or
/// GPU would slow each other down and distort every latency measured.
fn device_lock(device: &str) -> Arc<Mutex<()>> {
    static LOCKS: OnceLock<Mutex<HashMap<String, Arc<Mutex<()>>>>> = OnceLock::new();
    let locks = LOCKS.get_or_init(Default::default);
    let mut locks = locks.lock().unwrap_or_else(|e| e.into_inner());
    locks.entry(device.to_string()).or_default().clone()
}

impl LocalRunner {
    /// Loads the model and starts its worker thread.
    pub fn new(config: LocalConfig) -> Result<Self, LocalError> {
        let mut loaded = load(&config)?;
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let name = format!("sizeup-local-{}", file_name(&config.path));
        let lock = device_lock(&config.device);
        std::thread::Builder::new()
            .name(name)
            .spawn(move || {
                for (request, reply) in queue {
                    let _turn = lock.lock().unwrap_or_else(|e| e.into_inner());
                    let completion = loaded.generate(&request);
                    let _ = reply.send(completion);
                }
            })
            .map_err(|source| LocalError::Thread {
                path: config.path.clone(),
                source,
            })?;
        Ok(Self { jobs })
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "model".into(), |n| n.to_string_lossy().to_string())
}

impl Runner for LocalRunner {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        Box::pin(async move {
            let (tx, rx) = oneshot::channel();
            let gone = || {
                Completion::failed(
                    Failure::new(ErrorClass::Model, "the model's worker thread stopped"),
                    Timing::default(),
                )
            };
            if self.jobs.send((request.clone(), tx)).is_err() {
                return gone();
            }
            rx.await.unwrap_or_else(|_| gone())
        })
    }
}

impl Loaded {
    fn generate(&mut self, request: &Request) -> Completion {
        let start = Instant::now();
        let mut out = Generation::default();
        let outcome = self.run(request, start, &mut out);
        let timing = Timing {
            ttft_us: out.first.map(micros),
            total_us: micros(start.elapsed()),
            gaps_us: out.gaps_us,
        };
        let usage = Usage {
            input_tokens: out.prompt_tokens,
            output_tokens: out.generated.len() as u64,
            ..Usage::default()
        };
        match outcome {
            Ok(finish) => Completion {
                text: out.text,
                usage,
                timing,
                finish,
                error: None,
                attempts: 1,
                retried_usage: Usage::default(),
            },
            Err(message) => Completion {
                text: out.text,
                usage,
                timing,
                finish: FinishReason::Error,
                error: Some(Failure::new(ErrorClass::Model, message)),
                attempts: 1,
                retried_usage: Usage::default(),
            },
        }
    }

    fn run(
        &mut self,
        request: &Request,
        start: Instant,
        out: &mut Generation,
    ) -> Result<FinishReason, String> {
        let ids = self.prompter.tokens(&request.messages)?;
        let tok = &self.prompter.tokenizer;
        out.prompt_tokens = ids.len() as u64;
        let top_p = request.top_p.filter(|p| *p < 1.0);
        let top_k = request.top_k.map(|k| k as usize);
        let mut sampler = LogitsProcessor::from_sampling(
            request.seed.unwrap_or(0),
            match (request.temperature, top_k, top_p) {
                (None | Some(0.0), _, _) => Sampling::ArgMax,
                (Some(t), Some(k), Some(p)) => Sampling::TopKThenTopP {
                    k,
                    p,
                    temperature: t,
                },
                (Some(t), Some(k), None) => Sampling::TopK { k, temperature: t },
                (Some(t), None, Some(p)) => Sampling::TopP { p, temperature: t },
                (Some(t), None, None) => Sampling::All { temperature: t },
            },
        );
        let e = |e: candle_core::Error| format!("inference failed: {e}");
        self.weights.clear();
        let input = Tensor::new(ids.as_slice(), &self.device)
            .and_then(|t| t.unsqueeze(0))
            .map_err(e)?;
        let mut logits = self.weights.forward(&input, 0).map_err(e)?;
        let mut pos = ids.len();
        let mut last = start.elapsed();
        loop {
            if start.elapsed() > request.timeout {
                return Err(format!(
                    "no complete answer within {} ms",
                    request.timeout.as_millis()
                ));
            }
            let mut logits1 = logits.squeeze(0).map_err(e)?;
            if let Some(penalty) = request.repetition_penalty.filter(|p| *p != 1.0) {
                // As llama.cpp does: over the last 64 tokens of the context.
                let context: Vec<u32> = ids.iter().chain(&out.generated).copied().collect();
                let recent = &context[context.len().saturating_sub(REPEAT_LAST_N)..];
                logits1 = candle_transformers::utils::apply_repeat_penalty(
                    &logits1,
                    penalty as f32,
                    recent,
                )
                .map_err(e)?;
            }
            let next = sampler.sample(&logits1).map_err(e)?;
            let now = start.elapsed();
            match out.first {
                None => out.first = Some(now),
                Some(_) => out.gaps_us.push(micros(now - last)),
            }
            last = now;
            if tok.stop_ids.contains(&next) {
                return Ok(FinishReason::Stop);
            }
            out.generated.push(next);
            out.text = tok.decode(&out.generated)?;
            if let Some(cut) = request
                .stop
                .iter()
                .filter_map(|s| out.text.find(s.as_str()))
                .min()
            {
                out.text.truncate(cut);
                return Ok(FinishReason::Stop);
            }
            if out.generated.len() >= request.max_tokens as usize {
                return Ok(FinishReason::Length);
            }
            let input = Tensor::new(&[next], &self.device)
                .and_then(|t| t.unsqueeze(0))
                .map_err(e)?;
            logits = self.weights.forward(&input, pos).map_err(e)?;
            pos += 1;
        }
    }
}

/// How many of the latest context tokens the repetition penalty looks at.
const REPEAT_LAST_N: usize = 64;

/// What a generation has produced so far.
#[derive(Default)]
struct Generation {
    prompt_tokens: u64,
    generated: Vec<u32>,
    text: String,
    first: Option<Duration>,
    gaps_us: Vec<u64>,
}

fn micros(d: Duration) -> u64 {
    d.as_micros().min(u128::from(u64::MAX)) as u64
}
