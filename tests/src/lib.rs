//! Test servers on 127.0.0.1 that speak providers' wire formats byte for
//! byte, and misbehave on demand.
//!
//! [`server`] runs one for any of the APIs in [`openai`] (with Azure's
//! variant), [`anthropic`] and [`gemini`]: request validation as the real API
//! does it, JSON bodies and event streams, scriptable replies, delays, and
//! faults (429 with a wait, 500, 503, 529, connection reset, truncated
//! stream, in-stream error, invalid JSON, stall). It counts requests. It is a
//! small HTTP/1.1 server of its own ([`http`]), because resets and cut
//! streams need control of the socket that a framework hides.

pub mod anthropic;
pub mod gemini;
pub mod http;
pub mod measure;
pub mod openai;
pub mod server;
