//! Chat templates: the Jinja template a GGUF file carries in
//! `tokenizer.chat_template`, rendered with minijinja and the Python string
//! methods that Hugging Face templates call (`strip`, `startswith`, …).

use crate::{Message, Role};
use minijinja::{context, Environment, Error, ErrorKind};

/// A compiled chat template.
pub struct ChatTemplate {
    env: Environment<'static>,
}

fn raise_exception(message: String) -> Result<String, Error> {
    Err(Error::new(ErrorKind::InvalidOperation, message))
}

impl ChatTemplate {
    /// Compiles `source`.
    pub fn new(source: &str) -> Result<Self, String> {
        let mut env = Environment::new();
        env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
        env.add_function("raise_exception", raise_exception);
        env.add_template_owned("chat", source.to_string())
            .map_err(|e| format!("invalid chat template: {e}"))?;
        Ok(Self { env })
    }

    /// Renders a conversation, ending with the opening of the assistant's turn.
    pub fn render(&self, messages: &[Message], bos: &str, eos: &str) -> Result<String, String> {
        let messages: Vec<_> = messages
            .iter()
            .map(|m| {
                let role = match m.role {
                    Role::System => "system",
                    Role::User => "user",
                    Role::Assistant => "assistant",
                };
                context! { role => role, content => m.content }
            })
            .collect();
        self.env
            .get_template("chat")
            .and_then(|t| {
                t.render(context! {
                    messages => messages,
                    add_generation_prompt => true,
                    bos_token => bos,
                    eos_token => eos,
                })
            })
            .map_err(|e| format!("chat template failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(text: &str) -> Message {
        Message {
            role: Role::User,
            content: text.into(),
        }
    }

    #[test]
    fn hugging_face_idioms_render() {
        let t = ChatTemplate::new(
            "{{ bos_token }}{% for m in messages %}{% if m['role'] == 'system' %}{{ raise_exception('no system') }}{% endif %}\
             <{{ m['role'] }}>{{ m['content'].strip() }}{% if m.content.strip().startswith('Q') %}?{% endif %}\n{% endfor %}\
             {% if add_generation_prompt %}<assistant>{% endif %}",
        )
        .unwrap();
        assert_eq!(
            t.render(&[user("  Q1  ")], "<s>", "</s>").unwrap(),
            "<s><user>Q1?\n<assistant>"
        );
        let system = Message {
            role: Role::System,
            content: "x".into(),
        };
        let err = t.render(&[system], "", "").unwrap_err();
        assert!(err.contains("no system"), "{err}");
        assert!(ChatTemplate::new("{% if %}").is_err());
    }
}
