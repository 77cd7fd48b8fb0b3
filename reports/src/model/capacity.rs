//! The report model's capacity sweeps and the economics of self-hosting.

use super::Percentiles;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One load level of a capacity sweep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CapacityLevel {
    /// `concurrency` (a fixed number in flight), `rate` (a constant
    /// request rate) or `poisson` (Poisson arrivals at a mean rate).
    #[schemars(with = "String")]
    pub load: LoadKind,
    /// Requests in flight, or requests per second.
    pub target: f64,
    /// Requests sent.
    pub sent: u64,
    /// Requests measured: those after the warm-up and before the cool-down.
    pub measured: u64,
    /// Measured requests that ended in an error.
    pub errors: u64,
    /// Those errors by class, with the first message of each.
    #[serde(default)]
    pub error_classes: BTreeMap<String, ErrorCount>,
    /// Measured requests sent a second time because the server closed their
    /// kept-alive connection as they were sent (they never reached it).
    #[serde(default)]
    pub resent: u64,
    /// Seconds from the first measured request's start to the last one's end.
    pub duration_s: f64,
    /// Measured requests sent per second: their arrival rate, over the gaps
    /// between their starts.
    #[serde(default)]
    pub offered_rps: f64,
    /// Measured requests answered per second, over the gaps between their
    /// answers: a server that keeps up serves what it is offered.
    pub throughput_rps: f64,
    /// Output tokens of the measured requests per second.
    pub output_tokens_per_s: f64,
    /// Time to first token of the measured requests without error.
    pub ttft_ms: Option<Percentiles>,
    /// Time per output token after the first, of the same.
    pub tpot_ms: Option<Percentiles>,
    /// End-to-end latency, of the same.
    pub latency_ms: Option<Percentiles>,
    /// The median time to first token (end-to-end latency where none was
    /// streamed) of the last third of the measured requests over that of
    /// the first third: above 1, requests queued longer as the level went
    /// on. `None` with fewer than 15 answers (5 a third).
    #[serde(default)]
    pub latency_growth: Option<f64>,
    /// Whether the level meets every objective of the task (p95 latency,
    /// TTFT and TPOT, and its error bound) and, offered a rate, was
    /// sustained: it served at least 97% of what it was offered and its
    /// latency did not grow by more than half within it; `None` when it has
    /// no objective.
    pub meets_slo: Option<bool>,
    /// True when the level's time bound ended it before every request was sent.
    pub cut_short: bool,
}

/// How a level's requests were sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadKind {
    /// A fixed number in flight: the queue is the client's.
    Concurrency,
    /// A constant request rate.
    Rate,
    /// Poisson arrivals at a mean rate.
    Poisson,
}

impl LoadKind {
    /// Its name, as the JSON export writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Concurrency => "concurrency",
            Self::Rate => "rate",
            Self::Poisson => "poisson",
        }
    }

    /// Whether requests arrive whatever the server does, so that its queue
    /// is the server's: a rate or Poisson level.
    pub fn open(self) -> bool {
        self != Self::Concurrency
    }
}

impl std::fmt::Display for LoadKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How many errors of one class a level had, and what the first one said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorCount {
    /// How many.
    pub count: u64,
    /// The first one's message.
    pub first: String,
}

/// What the economics of self-hosting assume.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct EconomicsInputs {
    /// Share of the measured goodput used on average (the rest is headroom).
    pub utilisation: f64,
    /// Machines (or GPUs) one measured replica runs on, which its hourly
    /// price covers.
    pub machines: u32,
    /// Peak request rate over the average one: replicas are sized for the peak.
    pub peak_to_average: f64,
    /// Yearly fall of the API's price per request (0.6 = 60% cheaper each year).
    pub api_price_decline: f64,
    /// Yearly growth of the task's volume (0.5 = 50% more each year).
    pub volume_growth: f64,
}

impl Default for EconomicsInputs {
    fn default() -> Self {
        Self {
            utilisation: 0.6,
            machines: 1,
            peak_to_average: 3.0,
            api_price_decline: 0.6,
            volume_growth: 0.5,
        }
    }
}

/// A capacity sweep of one model on one task's prompts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Capacity {
    /// The sweep's id.
    pub sweep: String,
    /// Task id.
    pub task: String,
    /// Model id.
    pub model: String,
    /// When it began, RFC 3339 in UTC.
    pub started_at: String,
    /// The objectives levels were held to: `p95_latency_ms`, `p95_ttft_ms`,
    /// `p95_tpot_ms`, `max_error_rate`.
    pub slo: BTreeMap<String, f64>,
    /// Each level, in the order measured.
    pub levels: Vec<CapacityLevel>,
    /// The served rate of the best level that met the objectives and was
    /// sustained.
    pub goodput_rps: Option<f64>,
    /// The lowest rate offered above the goodput's level that was not
    /// sustained within the objectives: the true goodput lies between.
    #[serde(default)]
    pub goodput_ceiling_rps: Option<f64>,
    /// The replica's price per hour.
    pub hourly_usd: Option<f64>,
    /// What the cost and projections assume.
    pub economics: EconomicsInputs,
    /// Dollars per request at the goodput and the utilisation.
    pub usd_per_request: Option<f64>,
    /// Dollars per million output tokens at the same.
    pub usd_per_mtok_output: Option<f64>,
}

/// Hours in an average month (8,760 / 12): a replica's monthly price is its
/// hourly one times this.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Self-hosting one model for one task against the API it would replace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Economics {
    /// Task id.
    pub task: String,
    /// The self-hosted model.
    pub model: String,
    /// The API model it would replace (the task's reference).
    pub replaces: String,
    /// The API's measured dollars per request.
    pub api_usd_per_request: f64,
    /// The replica's price per hour.
    pub hourly_usd: f64,
    /// Requests per month one replica serves at the goodput, sized for the peak.
    pub replica_requests_per_month: f64,
    /// The monthly volume above which self-hosting costs less than the API;
    /// `None` when it never does (a full replica's requests cost less on
    /// the API than the replica).
    pub break_even_requests_per_month: Option<f64>,
    /// Replicas the task's volume needs at the peak, and machines with them.
    pub replicas: Option<u64>,
    /// Machines those replicas run on.
    pub machines: Option<u64>,
    /// At the task's volume today: the API per month …
    pub api_monthly_usd: Option<f64>,
    /// … and self-hosting per month.
    pub self_hosted_monthly_usd: Option<f64>,
    /// Cumulative costs at 12, 24 and 36 months, volume growing and the
    /// API's price falling as the inputs say.
    pub projection: Vec<Projection>,
    /// The first month in which self-hosting is cheaper than the API that
    /// month, within 36; `None` when it never is.
    pub self_hosting_cheaper_from_month: Option<u32>,
    /// The first month from which the API is cheaper again, within 36.
    pub api_cheaper_from_month: Option<u32>,
    /// The inputs.
    pub inputs: EconomicsInputs,
    /// The finding in one sentence.
    pub sentence: String,
}

/// Cumulative costs after some months.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Projection {
    /// Months from now.
    pub months: u32,
    /// Requests over those months.
    pub requests: f64,
    /// Paid to the API over those months.
    pub api_usd: f64,
    /// Paid for self-hosting over those months.
    pub self_hosted_usd: f64,
}
