//! Text normalisation before comparison.

use super::spec::Normalizer;

/// Applies the normalisers in order.
pub fn normalize(text: &str, steps: &[Normalizer]) -> String {
    let mut s = text.to_string();
    for step in steps {
        s = match step {
            Normalizer::Trim => s.trim().to_string(),
            Normalizer::Lowercase => s.to_lowercase(),
            Normalizer::CollapseWhitespace => s.split_whitespace().collect::<Vec<_>>().join(" "),
            Normalizer::StripPunctuation => s
                .chars()
                .filter(|c| !(c.is_ascii_punctuation() || is_unicode_punctuation(*c)))
                .collect(),
        };
    }
    s
}

fn is_unicode_punctuation(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '«' | '»' | '…' | '—' | '–' | '¿' | '¡' | '·'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Normalizer::*;

    #[test]
    fn steps_apply_in_order() {
        let all = [Trim, Lowercase, CollapseWhitespace, StripPunctuation];
        assert_eq!(normalize("  Hello,   World!\n", &all), "hello world");
        assert_eq!(normalize("“Paris.”", &[StripPunctuation]), "Paris");
        assert_eq!(normalize(" a ", &[]), " a ");
        assert_eq!(normalize("ÉCOLE", &[Lowercase]), "école");
    }
}
