//! Test servers on 127.0.0.1 that speak providers' wire formats byte for
//! byte, and misbehave on demand.
//!
//! [`openai`] serves the Chat Completions API: JSON bodies and SSE streams,
//! request validation as the real API does it, scriptable replies, delays,
//! and faults (429 with Retry-After, 500, 503, connection reset, truncated
//! stream, invalid JSON, stall). It counts requests. It is a small HTTP/1.1
//! server of its own, because resets and cut streams need control of the
//! socket that a framework hides.

pub mod http;
pub mod openai;
