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
    let (top, bottom, side) = (16.0, 18.0, 8.0);
    let n = s.points.len();
    let lo = s
        .points
        .iter()
        .map(|q| q.value)
        .fold(f64::INFINITY, f64::min);
    let hi = s
        .points
        .iter()
        .map(|q| q.value)
        .fold(f64::NEG_INFINITY, f64::max);
    let span = hi - lo;
    let plot = SPARK_H - top - bottom;
    let xy: Vec<(f64, f64)> = s
        .points
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
        .collect();
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
        if !labelled(i) {
            continue;
        }
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
    p.raw("</svg>\n");
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
    let row_h = 26.0;
    let height = row_h * rows.len() as f64 + 2.0;
    let label_w = 64.0;
    let bar_max = W - label_w - 56.0;
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
        let y = 2.0 + row_h * k as f64;
        let w = if max > 0.0 {
            (bar_max * value.abs() / max).max(1.0)
        } else {
            1.0
        };
        p.element(
            "text",
            &[
                ("class", "per"),
                ("x", &num(label_w - 6.0)),
                ("y", &num(y + 15.0)),
                ("text-anchor", "end"),
            ],
            label,
        );
        p.empty(
            "rect",
            &[
                ("class", if *own { "bar own" } else { "bar" }),
                ("x", &num(label_w)),
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
                ("x", &num(label_w + w + 4.0)),
                ("y", &num(y + 15.0)),
            ],
            &format_value(*value, ind.unit.as_deref()),
        );
    }
    p.raw("</svg>\n");
}
