//! `openai-mock`: the loopback Chat Completions server, as a program, for
//! benchmarks and trying sizeup without a model or a key.
//!
//! Usage: `openai-mock [PORT] [TTFT_MS] [CHUNK_DELAY_MS]`. It answers every
//! request with `echo: ` and the last user message, and prints its base URL.

use sizeup_tests::openai::{Behavior, Config, MockServer, Reply};
use std::sync::Arc;
use std::time::Duration;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| {
            a.parse().unwrap_or_else(|_| {
                eprintln!("usage: openai-mock [PORT] [TTFT_MS] [CHUNK_DELAY_MS]");
                std::process::exit(2)
            })
        })
        .collect();
    let arg = |i: usize| args.get(i).copied().unwrap_or(0);
    let (ttft, gap) = (Duration::from_millis(arg(1)), Duration::from_millis(arg(2)));
    let config = Config {
        script: Arc::new(move |seen| {
            Behavior::Reply(Reply {
                text: format!("echo: {}", seen.prompt),
                ttft,
                chunk_delay: gap,
            })
        }),
        ..Config::default()
    };
    let server = MockServer::start_on(config, u16::try_from(arg(0)).unwrap_or(0));
    println!("{}", server.base_url());
    loop {
        std::thread::park();
    }
}
