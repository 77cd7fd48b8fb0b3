//! Capacity: how many requests a model serves within a task's latency
//! objectives, measured the way serving engineers do (vLLM's `bench
//! serve`, GuideLLM): load levels at a fixed concurrency, a constant
//! request rate or Poisson arrivals, each with its warm-up and cool-down
//! left out, and a search for the **goodput**, the highest throughput whose
//! p95 end-to-end latency, time to first token and time per output token
//! meet the objectives.
//!
//! A level sends its requests, the task's own prompts in turn, straight to
//! the model's runner: no retries and no rate limits of the suite's, so an
//! overloaded server shows as errors and latency, not as hidden waits.

use crate::percentiles::{histogram, quantiles};
use futures_util::stream::{FuturesUnordered, StreamExt};
use rand::{Rng, SeedableRng};
use sizeup_reports::{CapacityLevel, ErrorCount, LoadKind};
use sizeup_runners::{Completion, ErrorClass, Request, Runner};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How load is offered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Load {
    /// This many requests in flight, each sent as the one before it ends.
    Concurrency(u32),
    /// Requests sent at this many per second, evenly spaced.
    Rate(f64),
    /// Requests sent at this mean rate per second, with exponential gaps.
    Poisson(f64),
}

impl Load {
    fn kind(self) -> LoadKind {
        match self {
            Self::Concurrency(_) => LoadKind::Concurrency,
            Self::Rate(_) => LoadKind::Rate,
            Self::Poisson(_) => LoadKind::Poisson,
        }
    }

    fn target(self) -> f64 {
        match self {
            Self::Concurrency(c) => f64::from(c),
            Self::Rate(r) | Self::Poisson(r) => r,
        }
    }
}

/// Bounds of one level.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests sent per level.
    pub requests: usize,
    /// Of them, the first ones left out of the figures (and as many of the
    /// last ones, while the load winds down).
    pub warmup: usize,
    /// No request of a level starts later than this after its first.
    pub max_duration: Duration,
}

/// The objectives a level is held to, each in milliseconds at p95.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Objectives {
    /// End-to-end latency.
    pub p95_latency_ms: Option<f64>,
    /// Time to first token.
    pub p95_ttft_ms: Option<f64>,
    /// Time per output token after the first.
    pub p95_tpot_ms: Option<f64>,
    /// Largest share of measured requests that may fail.
    pub max_error_rate: f64,
}

impl Objectives {
    /// True when at least one latency objective is set.
    pub fn any(&self) -> bool {
        self.p95_latency_ms.is_some() || self.p95_ttft_ms.is_some() || self.p95_tpot_ms.is_some()
    }

    /// As stored and reported: name → value.
    pub fn as_map(&self) -> BTreeMap<String, f64> {
        [
            ("p95_latency_ms", self.p95_latency_ms),
            ("p95_ttft_ms", self.p95_ttft_ms),
            ("p95_tpot_ms", self.p95_tpot_ms),
            ("max_error_rate", Some(self.max_error_rate)),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
        .collect()
    }

    /// Whether `level` meets every objective; `None` when there is none.
    fn met_by(&self, level: &CapacityLevel) -> Option<bool> {
        if !self.any() {
            return None;
        }
        let within = |objective: Option<f64>, measured: Option<sizeup_reports::Percentiles>| match (
            objective, measured,
        ) {
            (None, _) => true,
            (Some(slo), Some(p)) => p.p95 <= slo,
            (Some(_), None) => false,
        };
        let errors_ok = level.measured > 0
            && level.errors as f64 <= self.max_error_rate * level.measured as f64;
        // Offered a rate, a server that serves less is falling behind: its
        // queue, and so its latency, grows however long the level runs. A
        // level too short to show that shows it in its latency's growth. A
        // fixed number in flight queues at the client, never the server.
        let sustained = !level.load.open()
            || (level.throughput_rps >= KEPT_UP * level.offered_rps
                && level.latency_growth.is_none_or(|g| g <= MAX_GROWTH));
        Some(
            errors_ok
                && sustained
                && within(self.p95_latency_ms, level.latency_ms)
                && within(self.p95_ttft_ms, level.ttft_ms)
                && within(self.p95_tpot_ms, level.tpot_ms),
        )
    }
}

/// The share of an offered rate a level must serve to count as keeping up.
const KEPT_UP: f64 = 0.97;

/// How much a level's median latency may grow from its first third of
/// requests to its last before its queue counts as growing.
const MAX_GROWTH: f64 = 1.5;

/// The median time to first token (else end-to-end latency) of the last
/// third of `answered` (in start order) over the first third's; `None` with
/// fewer than 5 answers a third, too few for a median to mean much.
fn latency_growth(answered: &[&Sample]) -> Option<f64> {
    let us: Vec<u64> = answered
        .iter()
        .map(|s| {
            s.completion
                .timing
                .ttft_us
                .unwrap_or(s.completion.timing.total_us)
        })
        .collect();
    growth(&us)
}

/// The median of the last third of `values` over the first third's.
fn growth(values: &[u64]) -> Option<f64> {
    let third = values.len() / 3;
    if third < 5 {
        return None;
    }
    let median = |part: &[u64]| {
        let mut v = part.to_vec();
        v.sort_unstable();
        let mid = v.len() / 2;
        let m = if v.len().is_multiple_of(2) {
            (v[mid - 1] + v[mid]) as f64 / 2.0
        } else {
            v[mid] as f64
        };
        m.max(1.0)
    };
    Some(median(&values[values.len() - third..]) / median(&values[..third]))
}

/// One request's outcome, with when it started and ended.
struct Sample {
    start: Instant,
    end: Instant,
    completion: Completion,
    /// Sent a second time after its connection was closed under it.
    resent: bool,
}

/// Measures one level of `load` against `runner`, the requests taken in
/// turn from `requests` (which must not be empty).
pub async fn measure(
    runner: &dyn Runner,
    requests: &[Arc<Request>],
    load: Load,
    limits: Limits,
    objectives: &Objectives,
) -> CapacityLevel {
    let began = Instant::now();
    let deadline = began + limits.max_duration;
    let request = |i: usize| &requests[i % requests.len()];
    let one = |i: usize| async move {
        let mut resent = false;
        loop {
            let start = Instant::now();
            let completion = runner.complete(request(i)).await;
            // A server may close a kept-alive connection as the client
            // reuses it (llama.cpp's closes one every few requests): the
            // request never reached it, so it is sent once more, and counted.
            let closed = completion
                .error
                .as_ref()
                .is_some_and(|f| f.class == ErrorClass::Connection);
            if closed && !resent {
                resent = true;
                continue;
            }
            return Sample {
                start,
                end: Instant::now(),
                completion,
                resent,
            };
        }
    };
    let mut samples = Vec::with_capacity(limits.requests);
    let mut cut_short = false;
    match load {
        Load::Concurrency(c) => {
            let next = AtomicUsize::new(0);
            let worker = || async {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= limits.requests || Instant::now() > deadline {
                        return (mine, i < limits.requests);
                    }
                    mine.push(one(i).await);
                }
            };
            let mut workers: FuturesUnordered<_> = (0..c.max(1)).map(|_| worker()).collect();
            while let Some((mine, cut)) = workers.next().await {
                samples.extend(mine);
                cut_short |= cut;
            }
        }
        Load::Rate(rate) | Load::Poisson(rate) => {
            // A fixed seed: the same arrivals every time, so levels compare.
            let mut rng = rand::rngs::StdRng::seed_from_u64(7);
            let mut at = Duration::ZERO;
            let mut pending = FuturesUnordered::new();
            for i in 0..limits.requests {
                if at > limits.max_duration {
                    cut_short = true;
                    break;
                }
                let due = tokio::time::Instant::from_std(began + at);
                pending.push(async move {
                    tokio::time::sleep_until(due).await;
                    one(i).await
                });
                let gap = match load {
                    Load::Poisson(_) => -(1.0 - rng.random::<f64>()).ln() / rate,
                    _ => 1.0 / rate,
                };
                at += Duration::from_secs_f64(gap.clamp(0.0, 3600.0));
            }
            while let Some(sample) = pending.next().await {
                samples.push(sample);
            }
        }
    }
    summarise(load, samples, limits.warmup, cut_short, objectives)
}

/// The level's figures over its measured requests: sorted by start, the
/// first `warmup` and the last `warmup` left out (as long as a quarter of
/// the requests remain).
fn summarise(
    load: Load,
    mut samples: Vec<Sample>,
    warmup: usize,
    cut_short: bool,
    objectives: &Objectives,
) -> CapacityLevel {
    samples.sort_by_key(|s| s.start);
    let sent = samples.len();
    let skip = warmup.min(sent.saturating_sub(1) * 3 / 8);
    let measured = &samples[skip..sent - skip.min(sent)];
    let measured = if measured.is_empty() {
        &samples[..]
    } else {
        measured
    };
    let (mut latency, mut ttft, mut tpot) = (histogram(), histogram(), histogram());
    let (mut errors, mut output_tokens) = (0u64, 0u64);
    let mut error_classes = BTreeMap::new();
    let resent = measured.iter().filter(|s| s.resent).count() as u64;
    for s in measured {
        let c = &s.completion;
        if let Some(failure) = &c.error {
            errors += 1;
            error_classes
                .entry(failure.class.as_str().to_string())
                .or_insert_with(|| ErrorCount {
                    count: 0,
                    first: failure.message.clone(),
                })
                .count += 1;
            continue;
        }
        output_tokens += c.usage.output_tokens;
        latency.saturating_record(c.timing.total_us.max(1));
        if let Some(first) = c.timing.ttft_us {
            ttft.saturating_record(first.max(1));
            if c.usage.output_tokens >= 2 {
                let per = c.timing.total_us.saturating_sub(first) / (c.usage.output_tokens - 1);
                tpot.saturating_record(per.max(1));
            }
        }
    }
    let duration_s = match (measured.first(), measured.iter().map(|s| s.end).max()) {
        (Some(first), Some(last)) => last.duration_since(first.start).as_secs_f64(),
        _ => 0.0,
    };
    // Rates over the measured requests' own spacing: n − 1 gaps between
    // the first and the last start (arrivals) or answer (completions), so a
    // server that keeps up serves exactly what it is offered.
    let rate = |times: &mut Vec<Instant>| -> f64 {
        times.sort();
        match (times.first(), times.last()) {
            (Some(first), Some(last)) if last > first => {
                (times.len() - 1) as f64 / last.duration_since(*first).as_secs_f64()
            }
            _ => 0.0,
        }
    };
    let offered_rps = rate(&mut measured.iter().map(|s| s.start).collect());
    let answered: Vec<&Sample> = measured
        .iter()
        .filter(|s| s.completion.error.is_none())
        .collect();
    let throughput_rps = rate(&mut answered.iter().map(|s| s.end).collect());
    let output_tokens_per_s = match duration_s > 0.0 {
        true => output_tokens as f64 / duration_s,
        false => 0.0,
    };
    let mut level = CapacityLevel {
        load: load.kind(),
        target: load.target(),
        sent: sent as u64,
        measured: measured.len() as u64,
        errors,
        error_classes,
        resent,
        duration_s,
        offered_rps,
        throughput_rps,
        output_tokens_per_s,
        ttft_ms: quantiles(&ttft),
        tpot_ms: quantiles(&tpot),
        latency_ms: quantiles(&latency),
        latency_growth: latency_growth(&answered),
        meets_slo: None,
        cut_short,
    };
    level.meets_slo = objectives.met_by(&level);
    level
}

/// How a sweep goes on, level by level: the caller stores each level as it
/// comes and may stop the sweep (Ctrl-C) between levels.
pub trait Observer {
    /// A level was measured; false stops the sweep.
    fn level(&mut self, level: &CapacityLevel) -> bool;
}

/// Bisection steps after the doubling: the goodput is then known to within
/// 1/2⁴ of the last doubling's span, about 6%.
const BISECTIONS: u32 = 4;

/// Doublings of the rate at most: from the one-at-a-time rate to 4,096×.
const DOUBLINGS: u32 = 12;

/// What a sweep loads, with which prompts, how long and against which objectives.
pub struct Sweep<'a> {
    /// The model's runner.
    pub runner: &'a dyn Runner,
    /// The task's requests, sent in turn (not empty).
    pub requests: &'a [Arc<Request>],
    /// Bounds of each level.
    pub limits: Limits,
    /// What each level is held to.
    pub objectives: &'a Objectives,
}

impl Sweep<'_> {
    /// Runs `loads` in order.
    pub async fn levels(&self, loads: &[Load], observer: &mut dyn Observer) -> Vec<CapacityLevel> {
        let mut levels = Vec::new();
        for &load in loads {
            let (_, go_on) = self.step(load, self.limits, observer, &mut levels).await;
            if !go_on {
                break;
            }
        }
        levels
    }

    /// Searches the highest request rate whose level meets the objectives:
    /// first one request at a time (which must meet them), then rates from
    /// its throughput, doubled or halved until one level meets them and
    /// another does not, then bisection between the two;
    /// `poisson` makes each rate a [`Load::Poisson`] rather than a
    /// [`Load::Rate`].
    pub async fn search(&self, poisson: bool, observer: &mut dyn Observer) -> Vec<CapacityLevel> {
        let mut levels = Vec::new();
        // One at a time, a few requests: the fastest the model answers.
        let single = Limits {
            requests: self.limits.requests.min(16),
            warmup: self.limits.warmup.min(2),
            ..self.limits
        };
        let (met, go_on) = self
            .step(Load::Concurrency(1), single, observer, &mut levels)
            .await;
        let start = levels[0].throughput_rps;
        if !met || !go_on || start <= 0.0 {
            return levels;
        }
        let at = |rate: f64| match poisson {
            true => Load::Poisson(rate),
            false => Load::Rate(rate),
        };
        // Bracket the goodput between a rate that met the objectives and
        // one that did not: from the one-at-a-time throughput, doubling
        // while levels meet them, halving while they do not (a server whose
        // parallel slots slow each other down sustains less than that).
        let (mut low, mut high) = (None, None);
        let mut rate = start;
        for _ in 0..DOUBLINGS {
            let (met, go_on) = self
                .step(at(rate), self.limits, observer, &mut levels)
                .await;
            if !go_on {
                return levels;
            }
            match met {
                true => low = Some(rate),
                false => high = Some(rate),
            }
            if low.is_some() && high.is_some() {
                break;
            }
            rate = if met { rate * 2.0 } else { rate / 2.0 };
        }
        let (Some(mut low), Some(mut high)) = (low, high) else {
            return levels;
        };
        for _ in 0..BISECTIONS {
            let rate = (low + high) / 2.0;
            let (met, go_on) = self
                .step(at(rate), self.limits, observer, &mut levels)
                .await;
            if !go_on {
                break;
            }
            match met {
                true => low = rate,
                false => high = rate,
            }
        }
        levels
    }

    /// Measures one level, tells `observer`, and says whether it met the
    /// objectives and whether to go on.
    async fn step(
        &self,
        load: Load,
        limits: Limits,
        observer: &mut dyn Observer,
        levels: &mut Vec<CapacityLevel>,
    ) -> (bool, bool) {
        let level = measure(self.runner, self.requests, load, limits, self.objectives).await;
        let go_on = observer.level(&level);
        let met = level.meets_slo == Some(true);
        levels.push(level);
        (met, go_on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_growth_is_the_last_thirds_median_over_the_firsts() {
        let steady: Vec<u64> = (0..30).map(|i| 100 + i % 3).collect();
        assert!((growth(&steady).unwrap() - 1.0).abs() < 0.02);
        // A queue that builds: each request waits a little longer.
        let building: Vec<u64> = (0..30).map(|i| 100 + 20 * i).collect();
        let g = growth(&building).unwrap();
        // Medians of 100..280 and 500..680, step 20: 190 and 590.
        assert!((g - 590.0 / 190.0).abs() < 1e-9, "{g}");
        assert_eq!(growth(&steady[..14]), None);
    }
}
