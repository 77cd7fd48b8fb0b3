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
}

/// Feeds every event to every sink until the run finishes or the channel
/// closes. On a sink failure it aborts the run (through `abort`), keeps
/// draining so no worker blocks, and returns the failure.
pub fn collect(
    mut events: UnboundedReceiver<Event>,
    mut sinks: Vec<Box<dyn Sink>>,
    abort: CancellationToken,
) -> Result<(), SinkError> {
    let mut failure = None;
    while let Some(event) = events.blocking_recv() {
        let last = matches!(event, Event::RunFinished { .. });
        if failure.is_none() {
            for sink in &mut sinks {
                if let Err(e) = sink.event(&event) {
                    abort.cancel();
                    failure = Some(e);
                    break;
                }
            }
        }
        if last {
            break;
        }
    }
    failure.map_or(Ok(()), Err)
}
