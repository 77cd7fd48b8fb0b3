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
    /// Shows `wait` unless a wait already shown covers most of it: a queue
    /// behind a rate limit, each request a little later than the one
    /// before, is shown once, not once per request.
    fn wait(&mut self, wait: &Wait) {
        if wait.duration < SHOWN_WAIT {
            return;
        }
        let until = Instant::now() + wait.duration;
        if self
            .waiting_until
            .is_some_and(|shown| until < shown + SHOWN_WAIT)
        {
            return;
        }
        self.waiting_until = Some(until);
        match &self.bar {
            Some(bar) => bar.set_message(format!("{} · {wait}", self.message())),
            // A closed stderr must not stop the run.
            None => {
                let _ = writeln!(std::io::stderr(), "{}: {wait}", self.id);
            }
        }
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
