//! [`Progress`]: one bar per model on a terminal, plain lines otherwise.

use super::{Sink, SinkError};
use crate::events::Event;
use crate::plan::Plan;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::sync::Arc;

struct Tally {
    id: String,
    done: u64,
    total: u64,
    errors: u64,
    cost: f64,
    bar: Option<ProgressBar>,
    /// Last tenth reported in plain mode.
    reported: u64,
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
        let msg = format!("errors {} · ${:.4}", t.errors, t.cost);
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
