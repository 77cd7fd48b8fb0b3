//! From a suite [`Model`] to a [`Runner`]: picks the provider, reads the key
//! from the environment variable the model names, adds the retry policy.

use crate::suite::{Model, Provider};
use sizeup_runners::local::{LocalConfig, LocalError, LocalRunner};
use sizeup_runners::openai::{OpenAiConfig, OpenAiRunner};
use sizeup_runners::retry::{RetryPolicy, Retrying};
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

/// Builds the runner of `model`, sharing `client`'s connections.
pub fn runner(model: &Model, client: &reqwest::Client) -> Result<Arc<dyn Runner>, ProviderError> {
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
    let policy = RetryPolicy {
        max_attempts: model.max_attempts,
        ..RetryPolicy::default()
    };
    match model.provider {
        Provider::OpenAi | Provider::OpenAiCompatible => {
            let inner = OpenAiRunner::new(
                client.clone(),
                OpenAiConfig {
                    base_url: model.base_url.clone(),
                    model: model.model.clone(),
                    api_key,
                    stream: model.stream,
                },
            );
            Ok(Arc::new(Retrying::new(inner, policy)))
        }
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
            Ok(Arc::new(runner))
        }
    }
}
