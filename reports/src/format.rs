//! Numbers as a reader sees them: dollars, quality as a percentage,
//! differences in points, durations. Shared by every renderer and by the
//! verdict's sentences, so that all say the same thing the same way.

use crate::Interval;

/// The minus sign typography uses, wider than a hyphen.
const MINUS: char = '−';

/// A count with thousands separators: `1,143`.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Dollars for sums a reader compares: `$0`, `$0.0042`, `$4.12`, `$2,310`.
///
/// Under a cent, two significant digits are kept, because a price per
/// request of a small model is often a fraction of a cent and rounding it to
/// `$0.00` would hide the comparison the report exists for.
pub fn dollars(usd: f64) -> String {
    if !usd.is_finite() {
        return "–".into();
    }
    let sign = if usd < 0.0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    let a = usd.abs();
    if a == 0.0 {
        "$0".into()
    } else if a < 0.01 {
        let digits = (-a.log10().floor()) as usize + 1;
        let s = format!("{a:.digits$}");
        format!("{sign}${}", s.trim_end_matches('0'))
    } else if a < 10.0 {
        format!("{sign}${a:.2}")
    } else {
        format!("{sign}${}", group(a.round() as u64))
    }
}

/// An RFC 3339 time in UTC as `2026-04-12 09:30 UTC`; anything else as given.
pub fn time(rfc3339: &str) -> String {
    let b = rfc3339.as_bytes();
    let shaped = b.len() >= 17
        && rfc3339.ends_with('Z')
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16].is_ascii();
    if shaped {
        format!("{} {} UTC", &rfc3339[..10], &rfc3339[11..16])
    } else {
        rfc3339.to_string()
    }
}

/// A large count in few characters: `950`, `12k`, `187.7k`, `3.4M`.
pub fn compact(v: f64) -> String {
    let short = |x: f64| {
        let s = format!("{x:.1}");
        s.trim_end_matches(".0").to_string()
    };
    match v {
        v if v >= 1e6 => format!("{}M", short(v / 1e6)),
        v if v >= 1e3 => format!("{}k", short(v / 1e3)),
        v => format!("{v:.0}"),
    }
}

/// A share in [0, 1] as a percentage with one decimal: `93.1%`.
pub fn percent(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// A share with its interval: `93.1% (91.0–95.2)`.
pub fn percent_ci(i: &Interval) -> String {
    format!(
        "{} ({:.1}–{:.1})",
        percent(i.estimate),
        i.low * 100.0,
        i.high * 100.0
    )
}

/// A difference of shares as signed percentage points: `+1.4`, `−2.1`.
pub fn points(d: f64) -> String {
    let p = d * 100.0;
    if p <= -0.05 {
        format!("{MINUS}{:.1}", -p)
    } else {
        format!("+{:.1}", p.max(0.0))
    }
}

/// A difference of `measure` with its interval: `−1.2 pts of pass rate
/// (95% CI −3.1 to +0.7)`.
pub fn points_ci_of(i: &Interval, measure: &str) -> String {
    format!(
        "{} pts of {measure} (95% CI {} to {})",
        points(i.estimate),
        points(i.low),
        points(i.high)
    )
}

/// A margin or other unsigned amount of points without trailing zeros: `3`, `2.5`.
pub fn plain_points(v: f64) -> String {
    let s = format!("{:.1}", v * 100.0);
    s.trim_end_matches(".0").to_string()
}

/// A duration given in milliseconds: `4.2 ms`, `850 ms`, `1.25 s`, `12 s`.
pub fn duration_ms(ms: f64) -> String {
    if !ms.is_finite() {
        "–".into()
    } else if ms < 10.0 {
        format!("{ms:.1} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else if ms < 10_000.0 {
        let s = format!("{:.2}", ms / 1000.0);
        format!("{} s", s.trim_end_matches('0').trim_end_matches('.'))
    } else {
        format!("{:.0} s", ms / 1000.0)
    }
}

/// A p-value: `0.031`, `< 0.001`.
pub fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

/// `text` cut to at most `max` characters, on a character boundary, and how
/// many characters were cut.
pub fn truncate(text: &str, max: usize) -> (&str, usize) {
    match text.char_indices().nth(max) {
        None => (text, 0),
        Some((at, _)) => (&text[..at], text[at..].chars().count()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_keep_small_prices_visible() {
        assert_eq!(dollars(0.0), "$0");
        assert_eq!(dollars(0.00042), "$0.00042");
        assert_eq!(dollars(0.0042), "$0.0042");
        assert_eq!(dollars(0.00002), "$0.00002");
        assert_eq!(dollars(4.123), "$4.12");
        assert_eq!(dollars(2310.4), "$2,310");
        assert_eq!(dollars(-27_230.0), "−$27,230");
        assert_eq!(dollars(1_234_567.0), "$1,234,567");
    }

    #[test]
    fn large_counts_are_compact() {
        assert_eq!(compact(950.0), "950");
        assert_eq!(compact(12_000.0), "12k");
        assert_eq!(compact(187_715.0), "187.7k");
        assert_eq!(compact(3_400_000.0), "3.4M");
    }

    #[test]
    fn points_and_percentages() {
        assert_eq!(points(-0.021), "−2.1");
        assert_eq!(points(0.014), "+1.4");
        assert_eq!(points(-0.0001), "+0.0");
        assert_eq!(plain_points(0.03), "3");
        assert_eq!(plain_points(0.025), "2.5");
        let i = Interval {
            estimate: -0.012,
            low: -0.031,
            high: 0.007,
        };
        assert_eq!(
            points_ci_of(&i, "pass rate"),
            "−1.2 pts of pass rate (95% CI −3.1 to +0.7)"
        );
        assert_eq!(percent(0.9312), "93.1%");
    }

    #[test]
    fn times() {
        assert_eq!(time("2026-04-12T09:30:04Z"), "2026-04-12 09:30 UTC");
        assert_eq!(time("2026-04-12T09:30:04.123Z"), "2026-04-12 09:30 UTC");
        assert_eq!(time("yesterday"), "yesterday");
    }

    #[test]
    fn durations() {
        assert_eq!(duration_ms(4.24), "4.2 ms");
        assert_eq!(duration_ms(850.0), "850 ms");
        assert_eq!(duration_ms(1250.0), "1.25 s");
        assert_eq!(duration_ms(3000.0), "3 s");
        assert_eq!(duration_ms(1500.0), "1.5 s");
        assert_eq!(duration_ms(12_400.0), "12 s");
    }

    #[test]
    fn truncation_respects_characters() {
        assert_eq!(truncate("héllo", 2), ("hé", 3));
        assert_eq!(truncate("abc", 3), ("abc", 0));
    }
}
