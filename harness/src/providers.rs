//! From a suite [`Model`] to a [`Runner`]: picks the provider, reads the key
//! from the environment variable the model names, and adds the model's rate
//! limits and retry policy, both telling their waits to the hook given.

use crate::suite::{Model, Provider};
use sizeup_runners::anthropic::{AnthropicConfig, AnthropicRunner};
use sizeup_runners::gemini::{GeminiConfig, GeminiRunner};
use sizeup_runners::limit::{Limited, RateLimits};
use sizeup_runners::local::{LocalConfig, LocalError, LocalRunner};
use sizeup_runners::openai::{Flavor, OpenAiConfig, OpenAiRunner};
use sizeup_runners::retry::{RetryPolicy, Retrying};
use sizeup_runners::wait::OnWait;
use sizeup_runners::{ApiKey, Runner};
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
    /// A local model could not be loaded.
    #[error("model `{model}` could not be loaded")]
    Local {
        /// Model id.
        model: String,
        /// Why.
        #[source]
        source: LocalError,
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
    let client = client.clone();
    let base_url = model.base_url.clone();
    let name = model.model.clone();
    let stream = model.stream;
    let openai = |flavor| {
        OpenAiRunner::new(
            client.clone(),
            OpenAiConfig {
                base_url: base_url.clone(),
                model: name.clone(),
                api_key: api_key.clone(),
                stream,
                flavor,
            },
        )
    };
    Ok(match model.provider {
        Provider::OpenAi => over_http(openai(Flavor::OpenAi), model, on_wait.clone()),
        Provider::AzureOpenAi => over_http(
            openai(Flavor::Azure {
                api_version: model.api_version.clone(),
            }),
            model,
            on_wait.clone(),
        ),
        Provider::OpenAiCompatible => over_http(openai(Flavor::Compatible), model, on_wait.clone()),
        Provider::Anthropic => over_http(
            AnthropicRunner::new(
                client,
                AnthropicConfig {
                    base_url,
                    model: name,
                    api_key,
                    stream,
                },
            ),
            model,
            on_wait.clone(),
        ),
        Provider::Gemini => over_http(
            GeminiRunner::new(
                client,
                GeminiConfig {
                    base_url,
                    model: name,
                    api_key,
                    stream,
                },
            ),
            model,
            on_wait.clone(),
        ),
        Provider::Local => {
            let runner = LocalRunner::new(LocalConfig {
                path: model.model.clone().into(),
                device: model.device.clone(),
                chat_template: model.chat_template.clone(),
            })
            .map_err(|source| ProviderError::Local {
                model: model.id.clone(),
                source,
            })?;
            Arc::new(runner)
        }
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
