//! `openai-mock`: the loopback Chat Completions server as a program, for
//! benchmarks and for trying sizeup without a model or a key.
//!
//! Usage: `openai-mock [PORT [TTFT_MS [CHUNK_DELAY_MS]]] [-- COMMAND ARGS…]`.
//! It answers every request with `echo: ` and the last user message. With a
//! command, it serves while the command runs and exits with its status;
//! without one, it prints its base URL and serves until killed.

use sizeup_tests::server::{Behavior, Config, MockServer, Reply};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

const USAGE: &str = "usage: openai-mock [PORT [TTFT_MS [CHUNK_DELAY_MS]]] [-- COMMAND ARGS...]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let numbers: Result<Vec<u64>, _> = args[..split].iter().map(|a| a.parse()).collect();
    let Ok(numbers) = numbers else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let arg = |i: usize| numbers.get(i).copied().unwrap_or(0);
    let (ttft, gap) = (Duration::from_millis(arg(1)), Duration::from_millis(arg(2)));
    let config = Config {
        script: Arc::new(move |seen| {
            Behavior::Reply(Reply {
                text: format!("echo: {}", seen.prompt),
                ttft,
                chunk_delay: gap,
                miscount: false,
            })
        }),
        ..Config::default()
    };
    let Ok(port) = u16::try_from(arg(0)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let server = MockServer::start_on(config, port);
    let command = args.get(split + 1..).unwrap_or_default();
    let Some((program, rest)) = command.split_first() else {
        println!("{}", server.base_url());
        loop {
            std::thread::park();
        }
    };
    match std::process::Command::new(program).args(rest).status() {
        Ok(status) => ExitCode::from(status.code().map_or(1, |c| c.clamp(0, 255) as u8)),
        Err(e) => {
            eprintln!("openai-mock: cannot run {program}: {e}");
            ExitCode::from(2)
        }
    }
}
