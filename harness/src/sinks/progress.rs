//! [`Progress`]: one bar per model on a terminal, plain lines otherwise.
//!
//! A request held back for [`SHOWN_WAIT`] or longer (a rate limit, a
//! provider's `Retry-After`) is shown with its model, length and reason, so
//! that a run that waits never looks hung.

use super::{Sink, SinkError};
use crate::events::Event;
use crate::plan::Plan;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use sizeup_runners::wait::Wait;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Waits at least this long are shown; shorter ones are the ordinary
/// pacing of a rate limit.
const SHOWN_WAIT: Duration = Duration::from_secs(2);

struct Tally {
    id: String,
    done: u64,
    total: u64,
    errors: u64,
    cost: f64,
    bar: Option<ProgressBar>,
    /// Last tenth reported in plain mode.
    reported: u64,
    /// When the last wait shown ends.
    waiting_until: Option<Instant>,
}

impl Tally {
    /// Shows `wait` unless the model is already in a wait that was shown:
    /// a queue behind a rate limit, each request later than the one before,
    /// is shown once when it starts, not once per request, and the waiting
    /// lasts as long as its longest wait.
    fn wait(&mut self, wait: &Wait) {
        if !self.starts_waiting(wait.duration, Instant::now()) {
            return;
        }
        match &self.bar {
            Some(bar) => bar.set_message(format!("{} · {wait}", self.message())),
            // A closed stderr must not stop the run.
            None => {
                let _ = writeln!(std::io::stderr(), "{}: {wait}", self.id);
            }
        }
    }

    /// Whether a wait of `duration` from `now` is to be shown, keeping
    /// track of when the model's shown waiting ends.
    fn starts_waiting(&mut self, duration: Duration, now: Instant) -> bool {
        if duration < SHOWN_WAIT {
            return false;
        }
        let until = now + duration;
        if let Some(shown) = self.waiting_until.filter(|&shown| now < shown) {
            self.waiting_until = Some(shown.max(until));
            return false;
        }
        self.waiting_until = Some(until);
        true
    }

    fn message(&self) -> String {
        format!("errors {} · ${:.4}", self.errors, self.cost)
    }
}

/// Shows done/total, errors and spend per model on standard error.
pub struct Progress {
    plan: Arc<Plan>,
    models: Vec<Tally>,
    _multi: Option<MultiProgress>,
}

impl Progress {
    /// Bars when `terminal`, else a line per model at each tenth done.
    /// `totals` holds, per suite model, its id and the trials it will run.
    pub fn new(plan: Arc<Plan>, totals: Vec<(String, u64)>, terminal: bool) -> Self {
        let multi = terminal.then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));
        let width = totals.iter().map(|(id, _)| id.len()).max().unwrap_or(0);
        let style = ProgressStyle::with_template(&format!(
            "{{prefix:<{width}}} [{{bar:30.cyan/blue}}] {{pos}}/{{len}} {{msg}}"
        ))
        .expect("valid template")
        .progress_chars("=> ");
        let models = totals
            .into_iter()
            .map(|(id, total)| {
                let bar = multi.as_ref().filter(|_| total > 0).map(|m| {
                    let bar = m.add(ProgressBar::new(total));
                    bar.set_style(style.clone());
                    bar.set_prefix(id.clone());
                    bar.set_message("errors 0 · $0.0000");
                    bar
                });
                Tally {
                    id,
                    done: 0,
                    total,
                    errors: 0,
                    cost: 0.0,
                    bar,
                    reported: 0,
                    waiting_until: None,
                }
            })
            .collect();
        Self {
            plan,
            models,
            _multi: multi,
        }
    }
}

impl Sink for Progress {
    fn event(&mut self, event: &Event) -> Result<(), SinkError> {
        let (r, failed) = match event {
            Event::TrialFinished(r) => (r, false),
            Event::TrialFailed(r) => (r, true),
            Event::Waiting { model, wait } => {
                self.models[*model].wait(wait);
                return Ok(());
            }
            Event::RunFinished { .. } => {
                for t in &self.models {
                    if let Some(bar) = &t.bar {
                        bar.abandon();
                    }
                }
                return Ok(());
            }
        };
        let t = &mut self.models[self.plan.trials[r.index].model];
        t.done += 1;
        t.errors += u64::from(failed);
        t.cost += r.cost_usd + r.failure_cost_usd + r.judge_cost_usd();
        let msg = t.message();
        match &t.bar {
            Some(bar) => {
                bar.set_message(msg);
                bar.inc(1);
            }
            None => {
                let tenth = t.done * 10 / t.total.max(1);
                if tenth > t.reported {
                    t.reported = tenth;
                    // A closed stderr must not stop the run.
                    let _ = writeln!(
                        std::io::stderr(),
                        "{}: {}/{} · {msg}",
                        t.id,
                        t.done,
                        t.total
                    );
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_behind_a_rate_limit_is_shown_once_per_waiting_spell() {
        let mut t = Tally {
            id: "m".into(),
            done: 0,
            total: 10,
            errors: 0,
            cost: 0.0,
            bar: None,
            reported: 0,
            waiting_until: None,
        };
        let s = Duration::from_secs;
        let t0 = Instant::now();
        assert!(!t.starts_waiting(Duration::from_millis(1500), t0), "short");
        // Eight queued requests, 6 s apart, told at once: one line.
        let shown: Vec<bool> = (1..=8).map(|i| t.starts_waiting(s(6 * i), t0)).collect();
        assert_eq!(
            shown,
            [true, false, false, false, false, false, false, false]
        );
        // The queue keeps the spell going while it lasts…
        assert!(!t.starts_waiting(s(6), t0 + s(45)));
        // …and a wait after it ends is a new spell.
        assert!(t.starts_waiting(s(3), t0 + s(52)));
    }
}
