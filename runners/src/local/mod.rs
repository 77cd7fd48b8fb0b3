//! [`LocalRunner`]: a GGUF model run in-process with candle.
//!
//! The model is loaded once and owned by a dedicated thread; requests queue
//! on a channel and are answered one at a time, so inference never blocks
//! the async workers. The tokenizer and the chat template come from the
//! file's own metadata. Models on the same device take turns. Timing is
//! measured from the moment a request's turn starts: time to first token
//! includes prompt processing, but not the wait for the device.
//!
//! A request must fit the model's context (prompt plus `max_tokens`). The
//! prompt is processed in chunks so that between chunks, as between
//! generated tokens, the worker can see that the request's timeout passed or
//! that its caller stopped waiting (the future of
//! [`LocalRunner::complete`] was dropped), and stop. A panic while
//! generating fails that request only; the worker goes on with the next.
//!
//! This module loads the model and keeps the worker's queue; the generation
//! loop itself is in `generate`.

mod attention;
mod gelu;
mod gemma3;
mod generate;
mod header;
mod inspect;
pub mod kernels;
mod linear;
mod llama;
mod model;
mod pool;
mod spm;
mod template;
mod tokenizer;
mod transformer;

pub use inspect::inspect;
pub use model::SUPPORTED;
pub use tokenizer::GgufTokenizer;

use crate::provider::{open_rules, Api, Location, Tokenizer};
use crate::{BoxFuture, Completion, ErrorClass, Failure, Request, Runner, Timing};
use candle_core::quantized::gguf_file;
use candle_core::Device;
use model::Weights;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use template::ChatTemplate;
use tokio::sync::oneshot;

/// A GGUF file run in-process.
pub const LOCAL: Api = Api {
    name: "local",
    location: Location::InProcess,
    base_url: None,
    base_url_example: "",
    key_env: None,
    api_version: None,
    litellm_name: None,
    litellm_route: None,
    tokenizer: Tokenizer::Gguf,
    rules: open_rules,
    build: |t| {
        let runner = LocalRunner::new(LocalConfig {
            path: t.model.into(),
            device: t.device,
            chat_template: t.chat_template,
        })?;
        Ok(Box::new(runner))
    },
};

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
    header::read(&mut std::io::BufReader::new(file)).map_err(|message| LocalError::Gguf {
        path: path.to_path_buf(),
        message,
    })
}

/// Everything the worker thread owns.
struct Loaded {
    weights: Weights,
    prompter: Prompter,
    device: Device,
    /// Positions the model can attend to, prompt and answer together.
    context: usize,
}

/// One request for the worker thread.
struct Job {
    request: Request,
    reply: oneshot::Sender<Completion>,
    /// Set when the caller stops waiting for the answer.
    abandoned: Arc<AtomicBool>,
}

/// Marks a job abandoned when the future waiting for its answer is dropped
/// (a caller's timeout, Ctrl-C), so that the worker stops generating an
/// answer nobody will read and moves on to the next request.
struct Abandon(Arc<AtomicBool>);

impl Drop for Abandon {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

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
    let device = device(&config.device)?;
    let file = std::fs::File::open(path).map_err(|source| LocalError::Open {
        path: path.clone(),
        source,
    })?;
    let mut reader = std::io::BufReader::new(file);
    let content = header::read(&mut reader).map_err(gguf)?;
    let arch = inspect::architecture(path, &content)?;
    let prompter = Prompter::from_content(path, &content, config.chat_template.as_deref())?;
    let context = model::context_length(&arch, &content).map_err(gguf)?;
    // A truncated file fails here, while its tensors are read.
    let weights = Weights::load(&arch, context, content, &mut reader, &device).map_err(gguf)?;
    Ok(Loaded {
        weights,
        prompter,
        device,
        context,
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
        Self::start(
            &config.path,
            device_lock(&config.device),
            move |request, abandoned| loaded.generate(request, abandoned),
        )
    }

    /// Starts the worker thread that answers requests with `generate`, one
    /// at a time, each while holding the device's `lock`.
    fn start(
        path: &Path,
        lock: Arc<Mutex<()>>,
        mut generate: impl FnMut(&Request, &AtomicBool) -> Completion + Send + 'static,
    ) -> Result<Self, LocalError> {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name(format!("sizeup-local-{}", file_name(path)))
            .spawn(move || {
                for job in queue {
                    // Its caller left while it queued: nothing to do.
                    if job.abandoned.load(Ordering::Relaxed) {
                        continue;
                    }
                    let _turn = lock.lock().unwrap_or_else(|e| e.into_inner());
                    // candle panics on some malformed inputs; the model stays
                    // usable (each request starts from a cleared cache), so
                    // one request fails and the thread serves the next.
                    let completion =
                        catch_unwind(AssertUnwindSafe(|| generate(&job.request, &job.abandoned)))
                            .unwrap_or_else(|panic| {
                                Completion::failed(
                                    Failure::new(
                                        ErrorClass::Internal,
                                        format!(
                                            "the local model panicked: {}",
                                            panic_message(panic.as_ref())
                                        ),
                                    ),
                                    Timing::default(),
                                )
                            });
                    let _ = job.reply.send(completion);
                }
            })
            .map_err(|source| LocalError::Thread {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Self { jobs })
    }
}

/// The text a panic was raised with.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message")
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
            let abandoned = Arc::new(AtomicBool::new(false));
            let _abandon = Abandon(abandoned.clone());
            let job = Job {
                request: request.clone(),
                reply: tx,
                abandoned,
            };
            if self.jobs.send(job).is_err() {
                return gone();
            }
            rx.await.unwrap_or_else(|_| gone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FinishReason, Message, Role, Usage};
    use std::sync::atomic::AtomicU64;
    use std::time::Duration;

    pub(super) fn request(max_tokens: u32) -> Request {
        Request {
            messages: vec![Message {
                role: Role::User,
                content: "1, 2, 3, 4, 5, 6, 7, 8, 9, 10,".into(),
            }],
            max_tokens,
            temperature: Some(0.0),
            timeout: Duration::from_secs(600),
            ..Request::default()
        }
    }

    fn answer(text: &str) -> Completion {
        Completion {
            text: text.into(),
            usage: Usage::default(),
            timing: Timing::default(),
            finish: FinishReason::Stop,
            error: None,
            attempts: 1,
            retried_usage: Usage::default(),
        }
    }

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn a_panic_fails_one_request_and_the_worker_goes_on() {
        let runner = LocalRunner::start(Path::new("fake.gguf"), Arc::default(), |r, _| {
            assert!(r.max_tokens != 13, "odd tensor at token {}", r.max_tokens);
            answer("fine")
        })
        .unwrap();
        block_on(async {
            let c = runner.complete(&request(13)).await;
            let failure = c.error.unwrap();
            assert_eq!(failure.class, ErrorClass::Internal);
            assert_eq!(
                failure.message,
                "the local model panicked: odd tensor at token 13"
            );
            assert_eq!(runner.complete(&request(1)).await.text, "fine");
        });
    }

    /// A fake model that generates one token a millisecond, up to
    /// `max_tokens`, and counts the tokens and the requests it stopped.
    #[derive(Default)]
    struct Counts {
        requests: AtomicU64,
        tokens: AtomicU64,
        stopped: AtomicU64,
    }

    fn slow(counts: Arc<Counts>) -> LocalRunner {
        LocalRunner::start(
            Path::new("slow.gguf"),
            Arc::default(),
            move |r, abandoned| {
                counts.requests.fetch_add(1, Ordering::SeqCst);
                for _ in 0..r.max_tokens {
                    if abandoned.load(Ordering::Relaxed) {
                        counts.stopped.fetch_add(1, Ordering::SeqCst);
                        break;
                    }
                    counts.tokens.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(1));
                }
                answer("done")
            },
        )
        .unwrap()
    }

    #[test]
    fn an_abandoned_request_stops_and_frees_the_worker() {
        let counts = Arc::new(Counts::default());
        let runner = slow(counts.clone());
        block_on(async {
            // A minute and a half of tokens, given up once it is under way
            // (however long the worker took to start it on a busy machine),
            // and a second request that gives up while it waits its turn.
            let long = request(90_000);
            let queued = request(90_000);
            let both = async { tokio::join!(runner.complete(&long), runner.complete(&queued)) };
            let started = async {
                while counts.requests.load(Ordering::SeqCst) == 0 {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            };
            tokio::select! {
                _ = both => panic!("a minute and a half of tokens came back at once"),
                _ = started => {}
            }
            let next = tokio::time::timeout(Duration::from_secs(30), runner.complete(&request(1)))
                .await
                .expect("the worker is still busy with an abandoned request");
            assert_eq!(next.text, "done");
        });
        // The first stopped early, the second never started.
        assert_eq!(counts.stopped.load(Ordering::SeqCst), 1);
        assert_eq!(counts.requests.load(Ordering::SeqCst), 2);
        assert!(counts.tokens.load(Ordering::SeqCst) < 30_000);
    }
}
