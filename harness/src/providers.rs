//! From a suite [`Model`] to a [`Runner`]: reads the key from the
//! environment variable the model names, has the model's provider build its
//! runner, and adds the model's rate limits and retry policy to those that
//! go over the network, both telling their waits to the hook given.

use crate::suite::Model;
use sizeup_runners::limit::{Limited, RateLimits};
use sizeup_runners::retry::{RetryPolicy, Retrying};
use sizeup_runners::wait::OnWait;
use sizeup_runners::{ApiKey, BuildError, Runner, Target};
use std::sync::Arc;

/// Why a runner could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The model names a key variable that is not set.
    #[error("model `{model}` needs the environment variable {var}, which is not set")]
    MissingKey {
        /// Model id.
        model: String,
        /// Variable name (never its value).
        var: String,
    },
    /// The model could not be loaded (an in-process model's file).
    #[error("model `{model}` could not be loaded")]
    Load {
        /// Model id.
        model: String,
        /// Why.
        #[source]
        source: BuildError,
    },
}

/// Builds the runner of `model`, sharing `client`'s connections; its rate
/// limits and retries tell `on_wait` of each request they hold back.
pub fn runner(
    model: &Model,
    client: &reqwest::Client,
    on_wait: Option<OnWait>,
) -> Result<Arc<dyn Runner>, ProviderError> {
    let api_key = match &model.api_key_env {
        None => None,
        Some(var) => match std::env::var(var) {
            Ok(key) if !key.is_empty() => Some(ApiKey::new(key)),
            _ => {
                return Err(ProviderError::MissingKey {
                    model: model.id.clone(),
                    var: var.clone(),
                })
            }
        },
    };
    let target = Target {
        client: client.clone(),
        base_url: model.base_url.clone(),
        model: model.model.clone(),
        api_key,
        stream: model.stream,
        api_version: model.api_version.clone(),
        device: model.device.clone(),
        chat_template: model.chat_template.clone(),
    };
    let runner = model
        .provider
        .build(target)
        .map_err(|source| ProviderError::Load {
            model: model.id.clone(),
            source,
        })?;
    Ok(if model.provider.in_process() {
        Arc::from(runner)
    } else {
        over_http(runner, model, on_wait)
    })
}

/// Every attempt is paced by the rate limits; transient failures are retried.
fn over_http<R: Runner + 'static>(
    inner: R,
    model: &Model,
    on_wait: Option<OnWait>,
) -> Arc<dyn Runner> {
    let limits = RateLimits {
        requests_per_minute: model.requests_per_minute,
        tokens_per_minute: model.tokens_per_minute,
        max_wait: Some(model.max_retry_time),
    };
    let policy = RetryPolicy {
        max_attempts: model.max_attempts,
        max_total: model.max_retry_time,
        ..RetryPolicy::default()
    };
    let limited = Limited::new(inner, limits);
    Arc::new(match on_wait {
        Some(hook) => Retrying::new(limited.on_wait(hook.clone()), policy).on_wait(hook),
        None => Retrying::new(limited, policy),
    })
}
