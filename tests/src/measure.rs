//! [`run`]: a command run to its end, with its exit code, wall time and
//! peak resident memory as the kernel reports them when it is reaped.

// wait4 has no safe wrapper in std, and std's wait would not report usage.
#![allow(unsafe_code)]

use std::process::Command;
use std::time::{Duration, Instant};

/// How a command ended and what it took.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    /// Its exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    /// From its start to its end.
    pub wall: Duration,
    /// Its peak resident memory, in MB.
    pub peak_rss_mb: f64,
}

/// Runs `cmd` (its standard streams as the caller set them) to its end.
#[allow(clippy::zombie_processes)] // wait4 reaps it.
pub fn run(cmd: &mut Command) -> Measured {
    let start = Instant::now();
    let child = cmd.spawn().expect("the command starts");
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in, and
    // the pid is this process's own child's.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(reaped, child.id() as libc::pid_t, "wait4 failed");
    Measured {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        wall: start.elapsed(),
        // Linux reports kilobytes.
        peak_rss_mb: usage.ru_maxrss as f64 / 1024.0,
    }
}
