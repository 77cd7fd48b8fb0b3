//! Runners turn one [`Request`] into one [`Completion`].
//!
//! A runner never sees a task, a case or a scorer: it speaks one provider's
//! protocol (or runs a model in-process) and reports what happened, failures
//! included, as plain data. The harness picks runners at run time from the
//! suite, so [`Runner`] is object-safe.

pub mod anthropic;
mod completion;
pub mod gemini;
mod http;
pub mod limit;
pub mod local;
pub mod openai;
mod provider;
pub mod retry;
pub mod rules;
mod secret;
pub mod sse;
pub mod wait;

pub use completion::{
    Completion, ErrorClass, Failure, FinishReason, Message, Reasoning, Request, Role, Timing, Usage,
};
pub use http::client;
pub use provider::{Api, BuildError, Location, Provider, Target, Tokenizer};
pub use secret::ApiKey;

use std::future::Future;
use std::pin::Pin;

/// A boxed future, so that [`Runner`] stays object-safe.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Something that answers requests: an HTTP provider or an in-process model.
///
/// `complete` never fails: a timeout, an HTTP error or a malformed response is
/// returned as a [`Completion`] whose `error` is set, so the caller can store
/// and count it like any other outcome.
pub trait Runner: Send + Sync {
    /// Sends one request and waits for the whole answer.
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion>;
}

impl<R: Runner + ?Sized> Runner for Box<R> {
    fn complete<'a>(&'a self, request: &'a Request) -> BoxFuture<'a, Completion> {
        (**self).complete(request)
    }
}
