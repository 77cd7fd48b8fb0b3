//! Geometry of the HTML report's line charts on two linear axes: a
//! capacity curve (throughput against p95 latency, with the objective and
//! the goodput marked) and a cost projection (API against self-hosting
//! over the months). Plain data that `templates/charts.html` draws, like
//! the charts of [`crate::chart`].

use crate::chart::{Frame, Tick, WIDTH};
use serde::Serialize;

/// Height of an XY chart's view box.
const HEIGHT: f64 = 230.0;

/// One line of points.
pub(crate) struct SeriesInput {
    /// Its name in the legend.
    pub label: String,
    /// CSS class: `a`, `b`.
    pub class: &'static str,
    /// (x, y, tooltip) in data units.
    pub points: Vec<(f64, f64, String)>,
}

/// A point as drawn.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct XyPoint {
    pub x: f64,
    pub y: f64,
    pub title: String,
}

/// A line as drawn.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct XySeries {
    pub label: String,
    pub class: &'static str,
    /// SVG `points` of the line.
    pub line: String,
    pub points: Vec<XyPoint>,
}

/// A horizontal rule at a value (an objective), with its label.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Rule {
    pub y: f64,
    pub label: String,
}

/// One marked point (the goodput), with its label.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Mark {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub anchor: &'static str,
}

/// A chart of lines on two linear axes from zero.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct XyChart {
    pub frame: Frame,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<XySeries>,
    pub rule: Option<Rule>,
    pub mark: Option<Mark>,
}

/// What to draw besides the lines.
pub(crate) struct Extras {
    /// A horizontal rule at this y, with its label.
    pub rule: Option<(f64, String)>,
    /// A marked point at (x, y), with its label.
    pub mark: Option<(f64, f64, String)>,
}

/// Lays out `series` on axes from 0 to a little above the largest value,
/// ticks labelled by `x_tick` and `y_tick`; `None` when there is no point.
pub(crate) fn xy_chart(
    series: Vec<SeriesInput>,
    (x_label, x_tick): (&str, &dyn Fn(f64) -> String),
    (y_label, y_tick): (&str, &dyn Fn(f64) -> String),
    extras: Extras,
) -> Option<XyChart> {
    let all = || series.iter().flat_map(|s| s.points.iter());
    all().next()?;
    let top = |values: &mut dyn Iterator<Item = f64>| {
        let max = values.fold(0.0_f64, f64::max);
        if max > 0.0 {
            nice(max * 1.08)
        } else {
            1.0
        }
    };
    let x_max = top(&mut all().map(|p| p.0).chain(extras.mark.iter().map(|m| m.0)));
    let y_max = top(&mut all()
        .map(|p| p.1)
        .chain(extras.rule.iter().map(|r| r.0))
        .chain(extras.mark.iter().map(|m| m.1)));
    let frame = Frame {
        width: WIDTH,
        height: HEIGHT,
        // Room for dollar ticks such as `$22,500` beside the axis title.
        left: 74.0,
        right: WIDTH - 14.0,
        top: 14.0,
        bottom: HEIGHT - 42.0,
    };
    let x = |v: f64| frame.left + (frame.right - frame.left) * (v / x_max).clamp(0.0, 1.0);
    let y = |v: f64| frame.bottom - (frame.bottom - frame.top) * (v / y_max).clamp(0.0, 1.0);
    let ticks = |max: f64, pos: &dyn Fn(f64) -> f64, label: &dyn Fn(f64) -> String| {
        (0..=4)
            .map(|i| {
                let v = max * f64::from(i) / 4.0;
                Tick {
                    pos: pos(v),
                    label: label(v),
                }
            })
            .collect()
    };
    let series = series
        .into_iter()
        .map(|s| {
            let points: Vec<XyPoint> = s
                .points
                .into_iter()
                .map(|(px, py, title)| XyPoint {
                    x: x(px),
                    y: y(py),
                    title,
                })
                .collect();
            XySeries {
                label: s.label,
                class: s.class,
                line: points
                    .iter()
                    .map(|p| format!("{:.1},{:.1}", p.x, p.y))
                    .collect::<Vec<_>>()
                    .join(" "),
                points,
            }
        })
        .collect();
    Some(XyChart {
        frame,
        x_ticks: ticks(x_max, &x, x_tick),
        y_ticks: ticks(y_max, &y, y_tick),
        x_label: x_label.to_string(),
        y_label: y_label.to_string(),
        series,
        rule: extras.rule.map(|(v, label)| Rule { y: y(v), label }),
        mark: extras.mark.map(|(mx, my, label)| {
            let px = x(mx);
            Mark {
                x: px,
                y: y(my),
                label,
                // Keep the label inside the frame.
                anchor: if px > (frame.left + frame.right) / 2.0 {
                    "end"
                } else {
                    "start"
                },
            }
        }),
    })
}

/// The smallest of 1, 2, 2.5, 3, 4 or 5 times a power of ten at or above
/// `v`, so that quarter ticks fall on round numbers.
fn nice(v: f64) -> f64 {
    let power = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|c| *c >= v)
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_are_round_and_points_inside_with_the_marks() {
        assert_eq!(nice(0.73), 1.0);
        assert_eq!(nice(1.2), 2.0);
        assert_eq!(nice(230.0), 250.0);
        assert_eq!(nice(25_544.0), 30_000.0);
        let label = |v: f64| format!("{v}");
        let c = xy_chart(
            vec![SeriesInput {
                label: "p95".into(),
                class: "a",
                points: vec![(10.0, 50.0, "a".into()), (80.0, 120.0, "b".into())],
            }],
            ("req/s", &label),
            ("ms", &label),
            Extras {
                rule: Some((75.0, "SLO".into())),
                mark: Some((78.0, 75.0, "goodput".into())),
            },
        )
        .unwrap();
        // 80 × 1.08 → 100; 120 × 1.08 → 200.
        assert_eq!(c.x_ticks.last().unwrap().label, "100");
        assert_eq!(c.y_ticks.last().unwrap().label, "200");
        let p = &c.series[0].points;
        assert!(p[0].x < p[1].x && p[0].y > p[1].y);
        let rule = c.rule.unwrap();
        assert!(rule.y > c.frame.top && rule.y < c.frame.bottom);
        assert_eq!(c.mark.unwrap().anchor, "end");
        assert!(xy_chart(
            vec![],
            ("", &label),
            ("", &label),
            Extras {
                rule: None,
                mark: None
            }
        )
        .is_none());
    }
}
