//! Geometry of the HTML report's trend charts: one figure of one task ×
//! model over the suite's last runs (quality with its interval, p95
//! latency or cost), with the runs where the model, the prompt or the price
//! changed marked. Plain data that `templates/charts.html` draws, like the
//! charts of [`crate::chart`].

use crate::chart::{Frame, Tick};
use serde::Serialize;

/// Width of a trend chart's view box: three fit beside each other.
const WIDTH: f64 = 240.0;

/// Height of a trend chart's view box.
const HEIGHT: f64 = 96.0;

/// One run's value of the figure.
pub(crate) struct TrendInput {
    /// When the run began, as shown.
    pub run: String,
    /// The value, if the run measured it.
    pub value: Option<f64>,
    /// Its 95% interval, if it has one.
    pub interval: Option<(f64, f64)>,
    /// The value as text.
    pub text: String,
    /// What changed since the run before: `model`, `prompt`, `price`.
    pub changed: Vec<String>,
}

/// One run's point.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TrendPoint {
    pub x: f64,
    pub y: f64,
    /// The interval's ends, when it has one.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Tooltip: the run and the value.
    pub title: String,
}

/// A run where something changed: a dashed line and a letter.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TrendMark {
    pub x: f64,
    /// `M`, `P`, `$` or a combination.
    pub label: String,
    /// What changed, in words.
    pub title: String,
}

/// One trend chart.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TrendChart {
    pub frame: Frame,
    /// What it shows: `quality`, `p95 latency`, `$ per 1,000 requests`.
    pub title: String,
    /// The latest value as text.
    pub last: String,
    /// The line through the points, as SVG `points`.
    pub line: String,
    pub points: Vec<TrendPoint>,
    pub marks: Vec<TrendMark>,
    /// The axis' lowest and highest values.
    pub ticks: Vec<Tick>,
}

/// How the vertical axis is scaled.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scale {
    /// From 0 to 1: shares such as quality.
    Unit,
    /// From 0 to a little above the largest value.
    FromZero,
}

/// The chart of `runs` (oldest first), `None` when no run measured it.
pub(crate) fn trend_chart(
    title: &str,
    runs: &[TrendInput],
    scale: Scale,
    label: impl Fn(f64) -> String,
) -> Option<TrendChart> {
    let measured = runs.iter().filter_map(|r| r.value);
    let top = match scale {
        Scale::Unit => 1.0,
        Scale::FromZero => {
            let highest = measured
                .chain(runs.iter().filter_map(|r| r.interval.map(|i| i.1)))
                .fold(0.0_f64, f64::max);
            if highest <= 0.0 {
                // Every value is zero (or none was measured): draw a flat line.
                1.0
            } else {
                highest * 1.1
            }
        }
    };
    runs.iter().find(|r| r.value.is_some())?;
    let frame = Frame {
        width: WIDTH,
        height: HEIGHT,
        left: 44.0,
        right: WIDTH - 10.0,
        top: 16.0,
        bottom: HEIGHT - 18.0,
    };
    let x = |i: usize| match runs.len() {
        1 => (frame.left + frame.right) / 2.0,
        n => frame.left + (frame.right - frame.left) * i as f64 / (n - 1) as f64,
    };
    let y = |v: f64| frame.bottom - (frame.bottom - frame.top) * (v / top).clamp(0.0, 1.0);
    let points: Vec<TrendPoint> = runs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let v = r.value?;
            Some(TrendPoint {
                x: x(i),
                y: y(v),
                low: r.interval.map(|(l, _)| y(l)),
                high: r.interval.map(|(_, h)| y(h)),
                title: format!("{}: {}", r.run, r.text),
            })
        })
        .collect();
    let line = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    let marks = runs
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.changed.is_empty())
        .map(|(i, r)| TrendMark {
            x: x(i),
            label: r
                .changed
                .iter()
                .map(|c| match c.as_str() {
                    "model" => "M",
                    "prompt" => "P",
                    "price" => "$",
                    _ => "?",
                })
                .collect(),
            title: format!("{}: {} changed", r.run, r.changed.join(", ")),
        })
        .collect();
    let last = runs
        .iter()
        .rev()
        .find(|r| r.value.is_some())
        .map_or_else(String::new, |r| r.text.clone());
    Some(TrendChart {
        frame,
        title: title.to_string(),
        last,
        line,
        points,
        marks,
        ticks: vec![
            Tick {
                pos: frame.bottom,
                label: label(0.0),
            },
            Tick {
                pos: frame.top,
                label: label(top),
            },
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(value: Option<f64>, changed: &[&str]) -> TrendInput {
        TrendInput {
            run: "r".into(),
            value,
            interval: value.map(|v| (v - 0.1, v + 0.1)),
            text: format!("{value:?}"),
            changed: changed.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn points_span_the_frame_and_changes_are_marked() {
        let runs = [
            input(Some(0.5), &[]),
            input(None, &[]),
            input(Some(1.0), &["prompt", "price"]),
        ];
        let c = trend_chart("quality", &runs, Scale::Unit, |v| format!("{v}")).unwrap();
        assert_eq!(c.points.len(), 2);
        assert_eq!(c.points[0].x, c.frame.left);
        assert_eq!(c.points[1].x, c.frame.right);
        assert_eq!(c.points[1].y, c.frame.top);
        // Half way up for 0.5, and the interval drawn around it.
        let mid = (c.frame.top + c.frame.bottom) / 2.0;
        assert!((c.points[0].y - mid).abs() < 1e-9);
        assert!(c.points[0].low.unwrap() > c.points[0].y);
        assert_eq!(c.marks.len(), 1);
        assert_eq!(c.marks[0].label, "P$");
        assert_eq!(c.last, "Some(1.0)");
    }

    #[test]
    fn values_from_zero_leave_headroom_and_nothing_measured_draws_nothing() {
        let runs = [input(Some(200.0), &[]), input(Some(100.0), &[])];
        let c = trend_chart("p95", &runs, Scale::FromZero, |v| format!("{v:.0}")).unwrap();
        assert!(c
            .points
            .iter()
            .all(|p| p.y > c.frame.top && p.y <= c.frame.bottom));
        assert_eq!(c.ticks[1].label, "220");
        assert!(trend_chart(
            "p95",
            &[input(None, &[])],
            Scale::FromZero,
            |_| String::new()
        )
        .is_none());
    }
}
