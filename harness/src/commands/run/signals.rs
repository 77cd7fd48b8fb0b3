//! Ctrl-C during a run.

use crate::engine::Control;
use std::time::Duration;

/// First Ctrl-C: start nothing new and give trials in flight `grace` to
/// finish. Second Ctrl-C, or the end of the grace: abandon them.
pub async fn watch(control: Control, grace: Duration) {
    if tokio::signal::ctrl_c().await.is_err() {
        return;
    }
    control.stop.cancel();
    eprintln!(
        "stopping: waiting up to {:.0}s for trials in flight (Ctrl-C again to stop now)",
        grace.as_secs_f64()
    );
    tokio::select! {
        _ = tokio::time::sleep(grace) => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    control.abort.cancel();
}
