//! The inline SVG charts of an indicator: its series as a line, its
//! value beside its comparisons as bars.

use super::Page;
use super::round_like;
use crate::model::{Briefing, Indicator, Series, format_number, format_value};

/// Width and height of a chart's drawing, in its own units.
const W: f64 = 240.0;
const SPARK_H: f64 = 76.0;

fn num(x: f64) -> String {
    format!("{x:.1}")
}

/// The series as a line chart: stated points filled, worked-out points
/// hollow and joined by a dashed line; values above, periods below.
pub(super) fn spark(p: &mut Page, s: &Series, sources: &[f64]) {
    let xy = spark_points(s);
    p.open(
        "svg",
        &[
            ("class", "spark"),
            ("viewBox", &format!("0 0 {W} {SPARK_H}")),
            ("role", "img"),
            ("aria-label", &s.describe()),
        ],
    );
    p.element("title", &[], &s.describe());
    for (k, pair) in xy.windows(2).enumerate() {
        let dashed = s.points[k].derived || s.points[k + 1].derived;
        p.empty(
            "line",
            &[
                ("class", if dashed { "line derived" } else { "line" }),
                ("x1", &num(pair[0].0)),
                ("y1", &num(pair[0].1)),
                ("x2", &num(pair[1].0)),
                ("y2", &num(pair[1].1)),
            ],
        );
    }
    let n = s.points.len();
    let labelled = |i: usize| n <= 6 || i == 0 || i == n - 1;
    for (i, (q, &(x, y))) in s.points.iter().zip(&xy).enumerate() {
        p.empty(
            "circle",
            &[
                ("class", if q.derived { "dot derived" } else { "dot" }),
                ("cx", &num(x)),
                ("cy", &num(y)),
                ("r", "3"),
            ],
        );
        if labelled(i) {
            spark_labels(p, s, i, (x, y), sources);
        }
    }
    p.raw("</svg>\n");
}

/// Where each point of the series goes in the chart's drawing.
fn spark_points(s: &Series) -> Vec<(f64, f64)> {
    let (top, bottom, side) = (16.0, 18.0, 8.0);
    let n = s.points.len();
    let values = || s.points.iter().map(|q| q.value);
    let lo = values().fold(f64::INFINITY, f64::min);
    let hi = values().fold(f64::NEG_INFINITY, f64::max);
    let span = hi - lo;
    let plot = SPARK_H - top - bottom;
    s.points
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let x = if n > 1 {
                side + (W - 2.0 * side) * i as f64 / (n - 1) as f64
            } else {
                W / 2.0
            };
            let y = if span > 0.0 {
                top + plot * (hi - q.value) / span
            } else {
                top + plot / 2.0
            };
            (x, y)
        })
        .collect()
}

/// The value above point `i` (a worked-out one with a `*`) and its period below.
fn spark_labels(p: &mut Page, s: &Series, i: usize, (x, y): (f64, f64), sources: &[f64]) {
    let n = s.points.len();
    let q = &s.points[i];
    let anchor = if n > 1 && i == 0 {
        "start"
    } else if n > 1 && i == n - 1 {
        "end"
    } else {
        "middle"
    };
    let value = if q.derived {
        format!("{}*", format_number(round_like(q.value, sources)))
    } else {
        format_number(q.value)
    };
    let x = num(match anchor {
        "start" => (x - 4.0).max(0.0),
        "end" => (x + 4.0).min(W),
        _ => x,
    });
    p.element(
        "text",
        &[
            ("class", "val"),
            ("x", &x),
            ("y", &num(y - 6.0)),
            ("text-anchor", anchor),
        ],
        &value,
    );
    p.element(
        "text",
        &[
            ("class", "per"),
            ("x", &x),
            ("y", &num(SPARK_H - 3.0)),
            ("text-anchor", anchor),
        ],
        &q.label,
    );
}

/// The indicator's value beside its comparisons, as horizontal bars.
pub(super) fn bars(p: &mut Page, b: &Briefing, ind: &Indicator) {
    let mut rows: Vec<(String, f64, bool)> = Vec::new();
    if let Some(v) = ind.value {
        rows.push((b.period.to_string(), v, true));
    }
    rows.extend(
        ind.compare
            .iter()
            .map(|c| (c.label.clone(), c.value, false)),
    );
    let height = BAR_ROW * rows.len() as f64 + 2.0;
    let max = rows.iter().map(|r| r.1.abs()).fold(0.0, f64::max);
    p.open(
        "svg",
        &[
            ("class", "bars"),
            ("viewBox", &format!("0 0 {W} {}", num(height))),
            ("role", "img"),
            ("aria-label", &ind.label),
        ],
    );
    for (k, (label, value, own)) in rows.iter().enumerate() {
        let text = format_value(*value, ind.unit.as_deref());
        bar(p, k, label, (*value, max), *own, &text);
    }
    p.raw("</svg>\n");
}

/// The height of one bar's row, and the width of the labels before the bars.
const BAR_ROW: f64 = 26.0;
const BAR_LABEL: f64 = 64.0;

/// Row `k` of the bars: its label, a bar as long as `value` is against
/// `max`, and the value written after it.
fn bar(p: &mut Page, k: usize, label: &str, (value, max): (f64, f64), own: bool, text: &str) {
    let bar_max = W - BAR_LABEL - 56.0;
    let y = 2.0 + BAR_ROW * k as f64;
    let w = if max > 0.0 {
        (bar_max * value.abs() / max).max(1.0)
    } else {
        1.0
    };
    p.element(
        "text",
        &[
            ("class", "per"),
            ("x", &num(BAR_LABEL - 6.0)),
            ("y", &num(y + 15.0)),
            ("text-anchor", "end"),
        ],
        label,
    );
    p.empty(
        "rect",
        &[
            ("class", if own { "bar own" } else { "bar" }),
            ("x", &num(BAR_LABEL)),
            ("y", &num(y + 4.0)),
            ("width", &num(w)),
            ("height", "14"),
            ("rx", "2"),
        ],
    );
    p.element(
        "text",
        &[
            ("class", "val"),
            ("x", &num(BAR_LABEL + w + 4.0)),
            ("y", &num(y + 15.0)),
        ],
        text,
    );
}
