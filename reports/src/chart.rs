//! Chart geometry for the HTML report: scales, ticks and the positions of
//! every mark, as plain serializable data that `templates/charts.html`
//! draws as inline SVG.
//!
//! The split keeps all text that reaches the page (model names, labels) on
//! the template side, where minijinja's autoescaping covers it, and all
//! arithmetic here, where it can be tested. Charts are drawn in a
//! [`WIDTH`]-unit-wide view box that the page scales to its column, so one
//! drawing serves a phone and a desktop.

use serde::Serialize;

/// Width of every chart's view box, in SVG units. Small enough that text
/// stays readable when a 390 px phone scales the chart to its width.
pub(crate) const WIDTH: f64 = 360.0;

/// Width of the label column of the row charts.
const LABEL_WIDTH: f64 = 140.0;

/// Height of one row of a row chart.
const ROW: f64 = 36.0;

/// Approximate width of one character of the 13-unit label font, used to
/// truncate labels and to keep scatter labels apart: wide enough for the
/// common sans-serif fonts (DejaVu Sans, the Linux default, is the widest),
/// so a label is never clipped at the chart's edge.
const CHAR: f64 = 7.9;

/// The plot area inside a chart's view box.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct Frame {
    /// View box width.
    pub width: f64,
    /// View box height.
    pub height: f64,
    /// Left edge of the plot area.
    pub left: f64,
    /// Right edge of the plot area.
    pub right: f64,
    /// Top edge of the plot area.
    pub top: f64,
    /// Bottom edge of the plot area.
    pub bottom: f64,
}

/// An axis tick: its position along the axis and its label.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Tick {
    /// Position in view box units.
    pub pos: f64,
    /// What it says.
    pub label: String,
}

/// A vertical reference line, such as a minimum or a latency objective.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Marker {
    /// Position in view box units.
    pub x: f64,
    /// What it says.
    pub label: String,
    /// Where its label is anchored (`start` or `end`), so it stays inside.
    pub anchor: &'static str,
}

/// A shaded span along the x axis.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Band {
    /// Start in view box units.
    pub x0: f64,
    /// End in view box units.
    pub x1: f64,
    /// What it says.
    pub label: String,
    /// Where the label goes.
    pub label_x: f64,
    /// `start` or `end`, so that the label stays inside.
    pub anchor: &'static str,
}

/// One model's quality with its interval, as input.
#[derive(Debug, Clone)]
pub(crate) struct IntervalInput {
    /// The model.
    pub label: String,
    /// True for the task's reference.
    pub reference: bool,
    /// Point estimate in [0, 1]; `None` when the model has no trials.
    pub estimate: Option<f64>,
    /// Its 95% interval.
    pub interval: Option<(f64, f64)>,
    /// The numbers, in words, shown under the label.
    pub value: String,
}

/// One row of the ranked interval plot.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IntervalRow {
    /// Vertical centre of the row.
    pub y: f64,
    /// The model, cut to fit the label column.
    pub label: String,
    /// The model in full (a tooltip).
    pub title: String,
    /// True for the task's reference.
    pub reference: bool,
    /// The estimate's position, when there is one.
    pub x: Option<f64>,
    /// The interval's ends, when there is one.
    pub low: Option<f64>,
    /// The interval's upper end.
    pub high: Option<f64>,
    /// The numbers, in words.
    pub value: String,
}

/// Each model's mean quality with its 95% interval, best first, with the
/// margin band below the reference and the task's minimum.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IntervalChart {
    /// Plot area.
    pub frame: Frame,
    /// Ticks along the quality axis.
    pub ticks: Vec<Tick>,
    /// One per model, in the order given.
    pub rows: Vec<IntervalRow>,
    /// From the reference's mean minus the margin to its mean.
    pub band: Option<Band>,
    /// The task's minimum quality.
    pub min_line: Option<Marker>,
}

/// Lays out the ranked interval plot of `rows` (already ranked), with the
/// margin band `[reference − margin, reference]` and the minimum.
pub(crate) fn interval_chart(
    rows: &[IntervalInput],
    band: Option<(f64, f64)>,
    min: Option<f64>,
) -> IntervalChart {
    let top = 36.0;
    let frame = Frame {
        width: WIDTH,
        height: top + ROW * rows.len().max(1) as f64 + 42.0,
        left: LABEL_WIDTH,
        right: WIDTH - 18.0,
        top,
        bottom: top + ROW * rows.len().max(1) as f64,
    };
    let mut values: Vec<f64> = Vec::new();
    for r in rows {
        values.extend(r.estimate);
        if let Some((lo, hi)) = r.interval {
            values.extend([lo, hi]);
        }
    }
    if let Some((lo, hi)) = band {
        values.extend([lo, hi]);
    }
    values.extend(min);
    let (lo, hi) = span(&values, 0.0, 1.0);
    let (lo, hi, ticks) = linear_ticks(lo, hi, 5);
    let (lo, hi) = (lo.max(0.0), hi.min(1.0));
    let scale = Linear::new(lo, hi, frame.left, frame.right);
    let ticks = ticks
        .into_iter()
        .filter(|t| (lo - 1e-9..=hi + 1e-9).contains(t))
        .map(|t| Tick {
            pos: round(scale.map(t)),
            label: format!("{}%", trim_number(t * 100.0)),
        })
        .collect();
    let out_rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| IntervalRow {
            y: round(top + ROW * (i as f64 + 0.5)),
            label: fit(&r.label, LABEL_WIDTH - 8.0),
            title: r.label.clone(),
            reference: r.reference,
            x: r.estimate.map(|v| round(scale.clamped(v))),
            low: r.interval.map(|(l, _)| round(scale.clamped(l))),
            high: r.interval.map(|(_, h)| round(scale.clamped(h))),
            value: r.value.clone(),
        })
        .collect();
    IntervalChart {
        frame,
        ticks,
        rows: out_rows,
        band: band.map(|(a, b)| {
            let (x0, x1) = (round(scale.clamped(a)), round(scale.clamped(b)));
            let (label_x, anchor) = if x0 > frame.right - 60.0 {
                (x1, "end")
            } else {
                (x0, "start")
            };
            Band {
                x0,
                x1,
                label: "margin".into(),
                label_x,
                anchor,
            }
        }),
        min_line: min.filter(|m| (lo..=hi).contains(m)).map(|m| {
            let x = round(scale.map(m));
            Marker {
                x,
                label: format!("min {}%", trim_number(m * 100.0)),
                anchor: anchor_for(x, &frame),
            }
        }),
    }
}

/// One model on the quality-vs-cost chart, as input.
#[derive(Debug, Clone)]
pub(crate) struct ScatterInput {
    /// The model.
    pub label: String,
    /// True for the task's reference.
    pub reference: bool,
    /// Dollars per 1,000 requests; `None` when not priced.
    pub cost: Option<f64>,
    /// Mean quality in [0, 1].
    pub quality: Option<f64>,
    /// The numbers in words (a tooltip).
    pub value: String,
}

/// One model on the quality-vs-cost chart.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ScatterPoint {
    /// Position.
    pub x: f64,
    /// Position.
    pub y: f64,
    /// The model, cut to fit.
    pub label: String,
    /// The model and its numbers (a tooltip).
    pub title: String,
    /// True for the task's reference.
    pub reference: bool,
    /// True when no other model is both cheaper and better.
    pub frontier: bool,
    /// Where the label goes.
    pub lx: f64,
    /// Where the label goes.
    pub ly: f64,
    /// `start` or `end`.
    pub anchor: &'static str,
}

/// Mean quality against cost per 1,000 requests on a log axis, with the
/// Pareto frontier and the band of adequate quality.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ScatterChart {
    /// Plot area.
    pub frame: Frame,
    /// Ticks along the cost axis.
    pub x_ticks: Vec<Tick>,
    /// Ticks along the quality axis.
    pub y_ticks: Vec<Tick>,
    /// Top and bottom of the adequate band (y grows downwards).
    pub band: Option<(f64, f64)>,
    /// The frontier as SVG `points`.
    pub frontier: String,
    /// One per priced model.
    pub points: Vec<ScatterPoint>,
    /// Models left off, in words.
    pub notes: Vec<String>,
}

/// Lays out the quality-vs-cost chart; `adequate` is the lowest quality in
/// the band of adequate quality.
pub(crate) fn scatter_chart(models: &[ScatterInput], adequate: Option<f64>) -> ScatterChart {
    let frame = Frame {
        width: WIDTH,
        height: 262.0,
        left: 46.0,
        right: WIDTH - 12.0,
        top: 12.0,
        bottom: 218.0,
    };
    let mut notes = Vec::new();
    let mut priced = Vec::new();
    for m in models {
        match (m.cost, m.quality) {
            (Some(c), Some(q)) if c.is_finite() => priced.push((m, c, q)),
            (None, _) => notes.push(format!("{} is not priced", m.label)),
            _ => notes.push(format!("{} has no quality measured", m.label)),
        }
    }
    // A log axis cannot show zero: free models sit at its left end, and
    // their tooltip says $0.
    let positive: Vec<f64> = priced.iter().map(|p| p.1).filter(|c| *c > 0.0).collect();
    let (mut d0, mut d1) = match (
        positive.iter().copied().reduce(f64::min),
        positive.iter().copied().reduce(f64::max),
    ) {
        (Some(a), Some(b)) => (a.log10().floor(), b.log10().ceil()),
        _ => (-1.0, 1.0),
    };
    if priced.iter().any(|p| p.1 <= 0.0) || d1 - d0 < 1.0 {
        d0 -= 1.0;
    }
    if d1 - d0 < 2.0 {
        d1 += 1.0;
    }
    let x = Linear::new(d0, d1, frame.left, frame.right);
    let every = ((d1 - d0) / 5.0).ceil().max(1.0) as i32;
    let x_ticks = (d0 as i32..=d1 as i32)
        .filter(|k| (k - d0 as i32) % every == 0)
        .map(|k| Tick {
            pos: round(x.map(k as f64)),
            label: decade(k),
        })
        .collect();

    let mut qs: Vec<f64> = priced.iter().map(|p| p.2).collect();
    qs.extend(adequate);
    let (lo, hi) = span(&qs, 0.0, 1.0);
    let (lo, hi, ticks) = linear_ticks(lo, hi, 5);
    let (lo, hi) = (lo.max(0.0), hi.min(1.0));
    let y = Linear::new(lo, hi, frame.bottom, frame.top);
    let y_ticks = ticks
        .into_iter()
        .filter(|t| (lo - 1e-9..=hi + 1e-9).contains(t))
        .map(|t| Tick {
            pos: round(y.map(t)),
            label: format!("{}%", trim_number(t * 100.0)),
        })
        .collect();

    let place = |c: f64| {
        if c > 0.0 {
            x.clamped(c.log10())
        } else {
            frame.left
        }
    };
    let costs: Vec<(f64, f64)> = priced.iter().map(|p| (p.1, p.2)).collect();
    let (order, on_frontier) = frontier_of(&costs);
    let mut frontier = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for &i in order.iter().filter(|&&i| on_frontier[i]) {
        let (px, py) = (round(place(priced[i].1)), round(y.clamped(priced[i].2)));
        // A step line: a better model only becomes available at its price.
        if let Some((_, qy)) = previous {
            frontier.push(format!("{px},{qy}"));
        }
        frontier.push(format!("{px},{py}"));
        previous = Some((px, py));
    }

    let mut points: Vec<ScatterPoint> = priced
        .iter()
        .enumerate()
        .map(|(i, (m, c, q))| ScatterPoint {
            x: round(place(*c)),
            y: round(y.clamped(*q)),
            label: fit(&m.label, 150.0),
            title: m.value.clone(),
            reference: m.reference,
            frontier: on_frontier[i],
            lx: 0.0,
            ly: 0.0,
            anchor: "start",
        })
        .collect();
    place_labels(&mut points, &frame);
    ScatterChart {
        frame,
        x_ticks,
        y_ticks,
        band: adequate
            .filter(|a| *a <= hi)
            .map(|a| (frame.top, round(y.clamped(a)))),
        frontier: frontier.join(" "),
        points,
        notes,
    }
}

/// The points of `(cost, quality)` by cost, and which are on the frontier:
/// better than every cheaper one.
fn frontier_of(points: &[(f64, f64)]) -> (Vec<usize>, Vec<bool>) {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| {
        points[a]
            .0
            .total_cmp(&points[b].0)
            .then(points[b].1.total_cmp(&points[a].1))
    });
    let mut on_frontier = vec![false; points.len()];
    let mut best = f64::NEG_INFINITY;
    for &i in &order {
        if points[i].1 > best {
            on_frontier[i] = true;
            best = points[i].1;
        }
    }
    (order, on_frontier)
}

/// Puts each point's label beside it where it overlaps no other label or
/// point, trying right, left, above and below in turn.
fn place_labels(points: &mut [ScatterPoint], frame: &Frame) {
    let mut taken: Vec<(f64, f64, f64, f64)> = points
        .iter()
        .map(|p| (p.x - 5.0, p.y - 5.0, p.x + 5.0, p.y + 5.0))
        .collect();
    // Labels of better models first: they sit near the top, where the band is.
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[a].y.total_cmp(&points[b].y));
    for i in order {
        let p = &points[i];
        let w = p.label.chars().count() as f64 * CHAR;
        let candidates = [
            (8.0, 4.0, "start"),
            (-8.0, 4.0, "end"),
            (8.0, -9.0, "start"),
            (-8.0, -9.0, "end"),
            (8.0, 17.0, "start"),
            (-8.0, 17.0, "end"),
            (0.0, -12.0, "middle"),
            (0.0, 22.0, "middle"),
        ];
        let boxed = |(dx, dy, anchor): (f64, f64, &str)| {
            let x0 = match anchor {
                "start" => p.x + dx,
                "end" => p.x + dx - w,
                _ => p.x - w / 2.0,
            };
            let y1 = p.y + dy + 2.0;
            (x0, y1 - 12.0, x0 + w, y1)
        };
        let inside =
            |b: &(f64, f64, f64, f64)| b.0 >= 2.0 && b.2 <= frame.width - 2.0 && b.1 >= 0.0;
        let free = |b: &(f64, f64, f64, f64)| {
            !taken
                .iter()
                .any(|t| b.0 < t.2 && t.0 < b.2 && b.1 < t.3 && t.1 < b.3)
        };
        let chosen = candidates
            .iter()
            .copied()
            .find(|c| {
                let b = boxed(*c);
                inside(&b) && free(&b)
            })
            .or_else(|| candidates.iter().copied().find(|c| inside(&boxed(*c))))
            .unwrap_or(candidates[0]);
        let b = boxed(chosen);
        taken.push(b);
        let p = &mut points[i];
        p.lx = round(p.x + chosen.0);
        p.ly = round(p.y + chosen.1);
        p.anchor = match chosen.2 {
            "start" => "start",
            "end" => "end",
            _ => "middle",
        };
    }
}

/// One model's latency, as input.
#[derive(Debug, Clone)]
pub(crate) struct LatencyInput {
    /// The model.
    pub label: String,
    /// Median and 95th percentile, milliseconds; `None` when nothing was measured.
    pub p50_p95: Option<(f64, f64)>,
    /// The numbers in words, or why there are none.
    pub value: String,
}

/// One row of the latency chart.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LatencyRow {
    /// Vertical centre of the row.
    pub y: f64,
    /// The model, cut to fit.
    pub label: String,
    /// The model in full.
    pub title: String,
    /// End of the p50 bar.
    pub p50: Option<f64>,
    /// End of the p95 bar.
    pub p95: Option<f64>,
    /// True when p95 is over the objective.
    pub over: bool,
    /// The numbers in words.
    pub value: String,
}

/// Median and 95th percentile end-to-end latency per model against the
/// task's objective.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LatencyChart {
    /// Plot area.
    pub frame: Frame,
    /// Ticks along the time axis.
    pub ticks: Vec<Tick>,
    /// One per model.
    pub rows: Vec<LatencyRow>,
    /// The p95 objective.
    pub slo: Option<Marker>,
}

/// Lays out the latency chart of `rows` against the objective `slo_ms`.
pub(crate) fn latency_chart(rows: &[LatencyInput], slo_ms: Option<f64>) -> LatencyChart {
    let top = 24.0;
    let frame = Frame {
        width: WIDTH,
        height: top + ROW * rows.len().max(1) as f64 + 42.0,
        left: LABEL_WIDTH,
        right: WIDTH - 18.0,
        top,
        bottom: top + ROW * rows.len().max(1) as f64,
    };
    let mut most = slo_ms.unwrap_or(0.0);
    for r in rows {
        if let Some((_, p95)) = r.p50_p95 {
            most = most.max(p95);
        }
    }
    if most <= 0.0 {
        most = 1000.0;
    }
    // Seconds read better than milliseconds once anything takes one.
    let unit = if most >= 1000.0 { 1000.0 } else { 1.0 };
    let (_, hi, ticks) = linear_ticks(0.0, most / unit * 1.05, 5);
    let scale = Linear::new(0.0, hi * unit, frame.left, frame.right);
    let ticks = ticks
        .into_iter()
        .filter(|t| *t >= 0.0 && *t <= hi + 1e-9)
        .map(|t| Tick {
            pos: round(scale.map(t * unit)),
            label: if unit > 1.0 {
                format!("{} s", trim_number(t))
            } else {
                format!("{} ms", trim_number(t))
            },
        })
        .collect();
    LatencyChart {
        frame,
        ticks,
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| LatencyRow {
                y: round(top + ROW * (i as f64 + 0.5)),
                label: fit(&r.label, LABEL_WIDTH - 8.0),
                title: r.label.clone(),
                p50: r.p50_p95.map(|(p50, _)| round(scale.clamped(p50))),
                p95: r.p50_p95.map(|(_, p95)| round(scale.clamped(p95))),
                over: matches!((r.p50_p95, slo_ms), (Some((_, p95)), Some(s)) if p95 > s),
                value: r.value.clone(),
            })
            .collect(),
        slo: slo_ms.map(|s| {
            let x = round(scale.map(s));
            Marker {
                x,
                label: format!("SLO {}", crate::format::duration_ms(s)),
                anchor: anchor_for(x, &frame),
            }
        }),
    }
}

/// The label of a power of ten of dollars: `$0.01`, `$1`, `$1,000`.
fn decade(k: i32) -> String {
    if k >= 0 {
        format!("${}", crate::format::group(10u64.pow(k as u32)))
    } else {
        format!("${:.*}", (-k) as usize, 10f64.powi(k))
    }
}

/// A linear map from a domain to a range.
#[derive(Debug, Clone, Copy)]
struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        let d1 = if d1 > d0 { d1 } else { d0 + 1.0 };
        Self { d0, d1, r0, r1 }
    }

    fn map(&self, v: f64) -> f64 {
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }

    /// Like [`Linear::map`], but never outside the range.
    fn clamped(&self, v: f64) -> f64 {
        let (a, b) = if self.r0 < self.r1 {
            (self.r0, self.r1)
        } else {
            (self.r1, self.r0)
        };
        self.map(v).clamp(a, b)
    }
}

/// The smallest and largest of `values` within `[floor, ceiling]`, padded a
/// little and never empty.
fn span(values: &[f64], floor: f64, ceiling: f64) -> (f64, f64) {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let lo = finite.clone().fold(f64::INFINITY, f64::min);
    let hi = finite.fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() {
        return (floor, ceiling);
    }
    let pad = ((hi - lo) * 0.05).max(0.01);
    let (mut lo, mut hi) = ((lo - pad).max(floor), (hi + pad).min(ceiling));
    if hi - lo < 0.05 {
        lo = (lo - 0.025).max(floor);
        hi = (hi + 0.025).min(ceiling);
    }
    (lo, hi)
}

/// Round tick values covering `[lo, hi]`, about `target` of them, and the
/// widened domain they span.
fn linear_ticks(lo: f64, hi: f64, target: usize) -> (f64, f64, Vec<f64>) {
    let range = (hi - lo).max(f64::EPSILON);
    let raw = range / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let count = ((end - start) / step).round() as usize;
    let ticks = (0..=count).map(|i| start + step * i as f64).collect();
    (start, end, ticks)
}

/// A number without trailing zeros: `90`, `92.5`, `0.25`.
fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// `text` cut with an ellipsis to fit `width` units of the label font.
fn fit(text: &str, width: f64) -> String {
    let max = (width / CHAR).floor() as usize;
    let (head, cut) = crate::format::truncate(text, max);
    if cut == 0 {
        text.to_string()
    } else {
        let (head, _) = crate::format::truncate(head, max.saturating_sub(1));
        format!("{head}…")
    }
}

/// Anchors a marker's label so that it stays inside the frame.
fn anchor_for(x: f64, frame: &Frame) -> &'static str {
    if x > frame.right - 60.0 {
        "end"
    } else {
        "start"
    }
}

/// Coordinates to a tenth of a unit: finer is invisible and bloats the page.
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_span() {
        let (lo, hi, t) = linear_ticks(0.83, 0.99, 5);
        assert!(lo <= 0.83 && hi >= 0.99);
        assert_eq!(t.len(), 5, "{t:?}");
        assert!((t[1] - t[0] - 0.05).abs() < 1e-9, "{t:?}");
    }

    #[test]
    fn interval_rows_keep_their_order_and_the_band_sits_below_the_reference() {
        let rows = [
            IntervalInput {
                label: "frontier".into(),
                reference: true,
                estimate: Some(0.95),
                interval: Some((0.92, 0.97)),
                value: String::new(),
            },
            IntervalInput {
                label: "a-very-long-model-name-that-does-not-fit".into(),
                reference: false,
                estimate: Some(0.80),
                interval: Some((0.75, 0.85)),
                value: String::new(),
            },
        ];
        let c = interval_chart(&rows, Some((0.92, 0.95)), Some(0.9));
        assert!(c.rows[0].y < c.rows[1].y);
        assert!(c.rows[1].label.ends_with('…'));
        assert_eq!(c.rows[1].title, "a-very-long-model-name-that-does-not-fit");
        let band = c.band.unwrap();
        assert!((band.x1 - c.rows[0].x.unwrap()).abs() < 0.2);
        assert!(band.x0 < band.x1);
        let min = c.min_line.unwrap();
        assert!(min.x > c.rows[1].high.unwrap() && min.x < band.x0);
        assert_eq!(min.label, "min 90%");
        for r in &c.rows {
            assert!(r.low.unwrap() <= r.x.unwrap() && r.x.unwrap() <= r.high.unwrap());
            assert!(r.low.unwrap() >= c.frame.left && r.high.unwrap() <= c.frame.right);
        }
    }

    #[test]
    fn the_frontier_keeps_models_no_other_beats() {
        let m = |label: &str, cost: f64, quality: f64| ScatterInput {
            label: label.into(),
            reference: false,
            cost: Some(cost),
            quality: Some(quality),
            value: String::new(),
        };
        let c = scatter_chart(
            &[
                m("dear", 20.0, 0.97),
                m("cheap", 0.05, 0.90),
                m("dominated", 2.0, 0.85),
                m("free", 0.0, 0.60),
                ScatterInput {
                    cost: None,
                    ..m("unpriced", 0.0, 0.5)
                },
            ],
            Some(0.94),
        );
        let on: Vec<&str> = c
            .points
            .iter()
            .filter(|p| p.frontier)
            .map(|p| p.label.as_str())
            .collect();
        assert_eq!(on, ["dear", "cheap", "free"]);
        assert_eq!(c.notes, ["unpriced is not priced"]);
        // Cost on a log axis: cheaper is further left, free at the edge.
        let x = |l: &str| c.points.iter().find(|p| p.label == l).unwrap().x;
        assert!(
            x("free") < x("cheap") && x("cheap") < x("dominated") && x("dominated") < x("dear")
        );
        assert_eq!(x("free"), c.frame.left);
        let labels: Vec<&str> = c.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"$1") && labels.contains(&"$100"),
            "{labels:?}"
        );
        let (top, bottom) = c.band.unwrap();
        assert!(top < bottom);
        assert_eq!(c.frontier.split(' ').count(), 5);
    }

    #[test]
    fn latency_rows_flag_the_ones_over_the_objective() {
        let c = latency_chart(
            &[
                LatencyInput {
                    label: "fast".into(),
                    p50_p95: Some((400.0, 900.0)),
                    value: String::new(),
                },
                LatencyInput {
                    label: "slow".into(),
                    p50_p95: Some((2500.0, 4100.0)),
                    value: String::new(),
                },
                LatencyInput {
                    label: "cached".into(),
                    p50_p95: None,
                    value: String::new(),
                },
            ],
            Some(3000.0),
        );
        assert!(!c.rows[0].over && c.rows[1].over && !c.rows[2].over);
        let slo = c.slo.unwrap();
        assert_eq!(slo.label, "SLO 3 s");
        assert!(c.rows[0].p95.unwrap() < slo.x && c.rows[1].p95.unwrap() > slo.x);
        assert!(c.ticks.iter().any(|t| t.label == "4 s"), "{:?}", c.ticks);
    }
}
