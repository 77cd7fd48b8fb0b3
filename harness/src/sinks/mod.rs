//! Sinks: the consumers of engine [`Event`]s.
//!
//! One thread owns every sink and feeds them events in arrival order
//! ([`collect`]); workers never touch a sink. Adding an output means adding
//! a sink here, not editing the engine.

mod progress;
mod store;

pub use progress::Progress;
pub use store::StoreSink;

use crate::events::Event;
use crate::store::StoreError;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio_util::sync::CancellationToken;

/// A sink failed: a harness fault that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The store could not record a result.
    #[error("failed to store a result")]
    Store(#[from] StoreError),
}

/// A consumer of events.
pub trait Sink: Send {
    /// Handles one event.
    fn event(&mut self, event: &Event) -> Result<(), SinkError>;

    /// Called after each burst of events that arrived together, so a sink
    /// that buffers (the store) can write them at once.
    fn flush(&mut self) -> Result<(), SinkError> {
        Ok(())
    }
}

/// Feeds every event to every sink until the run finishes or the channel
/// closes, flushing the sinks after each burst of events: a finished trial
/// is written as soon as the collector reaches it, together with any that
/// finished at the same time. On a sink failure it aborts the run (through `abort`), keeps
/// draining so no worker blocks, and returns the failure.
pub fn collect(
    mut events: UnboundedReceiver<Event>,
    mut sinks: Vec<Box<dyn Sink>>,
    abort: CancellationToken,
) -> Result<(), SinkError> {
    let mut failure = None;
    let mut finished = false;
    while let Some(first) = events.blocking_recv() {
        // Take everything that is already waiting: one flush per burst.
        let mut burst = vec![first];
        while let Ok(more) = events.try_recv() {
            burst.push(more);
        }
        for event in &burst {
            finished |= matches!(event, Event::RunFinished { .. });
            if failure.is_none() {
                if let Err(e) = sinks.iter_mut().try_for_each(|s| s.event(event)) {
                    abort.cancel();
                    failure = Some(e);
                }
            }
        }
        if failure.is_none() {
            if let Err(e) = sinks.iter_mut().try_for_each(|s| s.flush()) {
                abort.cancel();
                failure = Some(e);
            }
        }
        if finished {
            break;
        }
    }
    failure.map_or(Ok(()), Err)
}
