//! The generation loop of a loaded model: the prompt in chunks, then one
//! token at a time until a stop, the limit or an abandoned request, timed
//! as a server would time it.

use super::Loaded;
use crate::{Completion, ErrorClass, Failure, FinishReason, Request, Timing, Usage};
use candle_core::Tensor;
use candle_transformers::generation::{LogitsProcessor, Sampling};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

impl Loaded {
    pub(super) fn generate(&mut self, request: &Request, abandoned: &AtomicBool) -> Completion {
        let start = Instant::now();
        let mut out = Generation::default();
        let outcome = self.run(request, start, abandoned, &mut out);
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
            Err(failure) => Completion {
                text: out.text,
                usage,
                timing,
                finish: FinishReason::Error,
                error: Some(failure),
                attempts: 1,
                retried_usage: Usage::default(),
            },
        }
    }

    fn run(
        &mut self,
        request: &Request,
        start: Instant,
        abandoned: &AtomicBool,
        out: &mut Generation,
    ) -> Result<FinishReason, Failure> {
        let model = |message: String| Failure::new(ErrorClass::Model, message);
        let ids = self.prompter.tokens(&request.messages).map_err(model)?;
        out.prompt_tokens = ids.len() as u64;
        let needed = ids.len() + request.max_tokens as usize;
        if needed > self.context {
            return Err(Failure::new(
                ErrorClass::BadRequest,
                format!(
                    "the prompt's {} tokens plus max_tokens {} make {needed}, more than the \
                     model's context of {} tokens",
                    ids.len(),
                    request.max_tokens,
                    self.context
                ),
            ));
        }
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
        // Stops at the request's deadline or when its caller left.
        let go_on = || {
            if abandoned.load(Ordering::Relaxed) {
                Err(Failure::new(
                    ErrorClass::Timeout,
                    "abandoned: the caller stopped waiting",
                ))
            } else if start.elapsed() > request.timeout {
                Err(Failure::new(
                    ErrorClass::Timeout,
                    format!(
                        "no complete answer within {} ms",
                        request.timeout.as_millis()
                    ),
                ))
            } else {
                Ok(())
            }
        };
        self.weights.clear(needed);
        let mut logits = self.prefill(&ids, PREFILL_CHUNK, go_on)?;
        let tok = &self.prompter.tokenizer;
        let mut pos = ids.len();
        let mut last = start.elapsed();
        loop {
            go_on()?;
            let mut logits1 = logits.squeeze(0).map_err(inference_failed)?;
            if let Some(penalty) = request.repetition_penalty.filter(|p| *p != 1.0) {
                // As llama.cpp does: over the last 64 tokens of the context.
                let context: Vec<u32> = ids.iter().chain(&out.generated).copied().collect();
                let recent = &context[context.len().saturating_sub(REPEAT_LAST_N)..];
                logits1 = candle_transformers::utils::apply_repeat_penalty(
                    &logits1,
                    penalty as f32,
                    recent,
                )
                .map_err(inference_failed)?;
            }
            let next = sampler.sample(&logits1).map_err(inference_failed)?;
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
            out.text = tok.decode(&out.generated).map_err(model)?;
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
                .map_err(inference_failed)?;
            logits = self
                .weights
                .forward(&input, pos)
                .map_err(inference_failed)?;
            pos += 1;
        }
    }

    /// Runs a prompt through the model `chunk` tokens at a time, asking
    /// `go_on` before each chunk, and returns the logits of its last position.
    fn prefill(
        &mut self,
        ids: &[u32],
        chunk: usize,
        go_on: impl Fn() -> Result<(), Failure>,
    ) -> Result<Tensor, Failure> {
        let mut pieces = ids.chunks(chunk).peekable();
        let mut pos = 0;
        while let Some(piece) = pieces.next() {
            go_on()?;
            let input = Tensor::new(piece, &self.device)
                .and_then(|t| t.unsqueeze(0))
                .map_err(inference_failed)?;
            if pieces.peek().is_none() {
                return self.weights.forward(&input, pos).map_err(inference_failed);
            }
            self.weights
                .advance(&input, pos)
                .map_err(inference_failed)?;
            pos += piece.len();
        }
        Err(Failure::new(ErrorClass::Model, "the prompt has no tokens"))
    }
}

/// A candle error while running the model.
fn inference_failed(e: candle_core::Error) -> Failure {
    Failure::new(ErrorClass::Model, format!("inference failed: {e}"))
}

/// Prompt tokens per forward pass: few enough that a deadline or an
/// abandoned request is noticed after at most this many prompt tokens, as
/// many as keep prompt processing as fast as in one pass. On the three
/// local models, chunks give the logits of one pass bit for bit on prompts
/// of 230 to 440 tokens. Past about 500, every split (one pass, chunks of
/// any size, one token at a time) gives logits that differ from every
/// other's in the last bits, amplified through the layers, as any change of
/// batch shape does in floating point (llama.cpp's batches included).
const PREFILL_CHUNK: usize = 64;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local::tests::request;
    use crate::local::{load, LocalConfig};
    use crate::{Message, Role};
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    fn model_path(file: &str) -> PathBuf {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../models")
            .join(file);
        assert!(
            path.is_file(),
            "{} is missing: run `sizeup models fetch --all` first",
            path.display()
        );
        path
    }

    fn loaded(file: &str, chat_template: Option<&str>) -> Loaded {
        load(&LocalConfig {
            path: model_path(file),
            device: "cpu".into(),
            chat_template: chat_template.map(String::from),
        })
        .unwrap()
    }

    #[test]
    fn generation_stops_at_the_next_token_once_abandoned() {
        // Continuing raw text, SmolLM2 counts on until `max_tokens`.
        let mut model = loaded(
            "SmolLM2-135M-Instruct.Q4_1.gguf",
            Some("{{ messages[-1]['content'] }}"),
        );
        let first = model.generate(&request(1), &AtomicBool::new(false));
        let prefill = Duration::from_micros(first.timing.ttft_us.unwrap());
        // Abandoned well after its prompt is processed, while it generates.
        // A busy machine can stretch the prompt past any fixed delay, and
        // then the request stops with no token: wait longer and try again.
        let mut delay = prefill * 2 + Duration::from_millis(500);
        let abandoned = Arc::new(AtomicBool::new(false));
        let c = loop {
            abandoned.store(false, Ordering::Relaxed);
            let flag = abandoned.clone();
            let _ = std::thread::spawn(move || {
                std::thread::sleep(delay);
                flag.store(true, Ordering::Relaxed);
            });
            let c = model.generate(&request(4000), &abandoned);
            if c.usage.output_tokens > 0 || delay > Duration::from_secs(20) {
                break c;
            }
            delay *= 2;
        };
        let failure = c.error.expect("generation ran to its end");
        assert_eq!(failure.message, "abandoned: the caller stopped waiting");
        assert!(
            c.usage.output_tokens > 0 && c.usage.output_tokens < 4000,
            "{} tokens: {:?}",
            c.usage.output_tokens,
            c.text
        );

        // Abandoned before it starts, it processes no prompt at all.
        let c = model.generate(&request(4000), &abandoned);
        assert_eq!((c.usage.output_tokens, c.timing.ttft_us), (0, None));
        assert!(c.error.is_some());
    }

    /// The logits after a prompt given whole and given in chunks.
    fn prefill_both_ways(file: &str, chat_template: Option<&str>) {
        let mut model = loaded(file, chat_template);
        let text = "Classify the support ticket below as billing, technical or account, \
            and give one sentence of reason.\n\nTicket 48213, opened Tuesday morning: our \
            finance team noticed that the March invoice was charged twice to the company \
            card ending in 4471. The second charge appeared three days after the first, \
            with the same amount and reference. We have not changed our plan or the number \
            of seats since January. Please refund the duplicate payment and confirm that \
            April will be charged once; our accounting period closes on Friday, so we need \
            the credit note before then. Also, two of our users say that the export button \
            on the reports page has been greyed out since the last update.";
        let ids = model
            .prompter
            .tokens(&[Message {
                role: Role::User,
                content: text.into(),
            }])
            .unwrap();
        assert!(ids.len() > 2 * PREFILL_CHUNK, "{}", ids.len());
        let mut logits = |chunk, room| -> Vec<f32> {
            model.weights.clear(room);
            let last = model.prefill(&ids, chunk, || Ok(())).unwrap();
            last.flatten_all().unwrap().to_vec1().unwrap()
        };
        let whole = logits(ids.len(), ids.len());
        let chunked = logits(PREFILL_CHUNK, ids.len());
        // A KV cache made for fewer positions than the prompt grows to hold
        // it, and holds the same keys and values.
        assert!(logits(PREFILL_CHUNK, 1) == chunked);
        let argmax = |v: &[f32]| {
            v.iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .unwrap()
                .0
        };
        assert_eq!(argmax(&whole), argmax(&chunked));
        let spread = whole.iter().copied().fold(f32::MIN, f32::max)
            - whole.iter().copied().fold(f32::MAX, f32::min);
        let diff = whole
            .iter()
            .zip(&chunked)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        // Equal bit for bit on the machine this was written on (and with
        // chunks of 32 or more; with 16 or 24 the last bits differ). Matrix
        // kernels that sum in another order may differ in the last bits,
        // which the layers amplify; a wrong position or mask would change
        // the logits by far more.
        assert!(diff <= spread * 0.02, "{diff} of {spread}");
    }

    #[test]
    fn prefill_in_chunks_gives_the_logits_of_one_pass_llama() {
        prefill_both_ways("SmolLM2-135M-Instruct.Q4_1.gguf", None);
    }

    #[test]
    fn prefill_in_chunks_gives_the_logits_of_one_pass_qwen2() {
        prefill_both_ways("qwen2.5-coder-0.5b-instruct-q4_k_m.gguf", None);
    }

    #[test]
    fn prefill_in_chunks_gives_the_logits_of_one_pass_gemma3() {
        // A base model, without a chat template of its own.
        prefill_both_ways(
            "gemma-3-270m-q4_k_m.gguf",
            Some("{{ bos_token }}{{ messages[-1]['content'] }}"),
        );
    }

    #[test]
    fn an_empty_prompt_is_a_failure_not_a_panic() {
        let mut model = loaded("SmolLM2-135M-Instruct.Q4_1.gguf", None);
        let failure = model.prefill(&[], PREFILL_CHUNK, || Ok(())).unwrap_err();
        assert_eq!(failure.class, ErrorClass::Model);
    }
}
