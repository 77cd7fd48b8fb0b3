//! The e-mail triage sample lets no sender domain give the class away: a
//! model must read the message. The SpamAssassin corpus's anonymiser put
//! its owner's addresses at one domain, which only ham came from; such a
//! pattern, shared by many senders of one class and none of the other,
//! scores a model that never read a word.

use std::collections::BTreeMap;
use std::path::Path;

/// The corpus anonymiser's domain.
const ANONYMISED: &str = "spamassassin.taint.org";

/// The largest share of one class's senders that a pattern absent from the
/// other class may cover: real domains do this too (free mail providers
/// send much of the spam), but not one case in seven.
const MOST: f64 = 0.15;

/// The domain of a `From` value (`Name <a@b.c>`, `a@b.c (Name)`), lowercased.
fn domain(sender: &str) -> Option<String> {
    let at = sender.rfind('@')?;
    let rest = &sender[at + 1..];
    let end = rest
        .find(|c: char| c == '>' || c == ')' || c.is_whitespace())
        .unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches('.').to_lowercase())
}

/// The patterns a domain shows: itself and each parent with two labels or
/// more (`a.b.c.org` → `a.b.c.org`, `b.c.org`, `c.org`).
fn patterns(domain: &str) -> Vec<String> {
    let labels: Vec<&str> = domain.split('.').collect();
    (0..labels.len().saturating_sub(1))
        .map(|i| labels[i..].join("."))
        .collect()
}

/// Per pattern, how many senders of each class show it.
fn counts(rows: &[(String, String)]) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut out: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (sender, label) in rows {
        for p in domain(sender).iter().flat_map(|d| patterns(d)) {
            *out.entry(p).or_default().entry(label.clone()).or_default() += 1;
        }
    }
    out
}

/// The patterns that separate the classes: in more than `MOST` of one
/// class's senders and in none of the other's.
fn separating(rows: &[(String, String)]) -> Vec<String> {
    let mut size: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, label) in rows {
        *size.entry(label).or_default() += 1;
    }
    counts(rows)
        .into_iter()
        .filter(|(_, by_class)| by_class.len() == 1)
        .filter_map(|(pattern, by_class)| {
            let (label, n) = by_class.into_iter().next()?;
            (n as f64 > MOST * size[label.as_str()] as f64)
                .then(|| format!("{pattern}: {n} {label} senders, no other"))
        })
        .collect()
}

fn triage() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../suites/data/email-triage.jsonl");
    std::fs::read_to_string(path)
        .expect("the triage cases")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let field = |k: &str| v[k].as_str().expect(k).to_string();
            (field("sender"), field("label"))
        })
        .collect()
}

#[test]
fn no_sender_domain_separates_spam_from_ham() {
    let rows = triage();
    assert_eq!(rows.len(), 200);
    let found = separating(&rows);
    assert!(found.is_empty(), "{found:#?}");
    let anonymised = counts(&rows).remove(ANONYMISED).unwrap_or_default();
    assert!(
        anonymised.len() != 1,
        "the anonymiser's domain marks one class: {anonymised:?}"
    );
}

#[test]
fn the_anonymisers_domain_in_ham_senders_alone_is_found() {
    // The sample as it was first drawn: 18 ham feeds mailed from the
    // anonymised domain, its owner's own messages, and no spam from it.
    let mut rows: Vec<(String, String)> = (0..18)
        .map(|i| (format!("feed{i} <rssfeeds@{ANONYMISED}>"), "ham".into()))
        .collect();
    rows.push((format!("yyyy@{ANONYMISED} (Justin Mason)"), "ham".into()));
    rows.extend((0..81).map(|i| (format!("user{i}@host{i}.com"), "ham".into())));
    rows.extend((0..100).map(|i| (format!("\"X\" <s{i}@spam{i}.net>"), "spam".into())));
    assert_eq!(
        separating(&rows),
        [
            format!("{ANONYMISED}: 19 ham senders, no other"),
            "taint.org: 19 ham senders, no other".to_string(),
        ]
    );
    // Fifteen senders of a hundred at one provider is still ordinary.
    for row in rows.iter_mut().filter(|r| r.1 == "spam").take(15) {
        row.0 = "a@yahoo.com".into();
    }
    assert!(!separating(&rows).contains(&"yahoo.com: 15 spam senders, no other".to_string()));
}

#[test]
fn domains_are_read_from_every_from_form() {
    assert_eq!(
        domain("\"A B\" <x@Mail.Example.ORG>").unwrap(),
        "mail.example.org"
    );
    assert_eq!(domain("x@b.c (Name)").unwrap(), "b.c");
    assert_eq!(domain("no address"), None);
    assert_eq!(patterns("a.b.c.org"), ["a.b.c.org", "b.c.org", "c.org"]);
}
