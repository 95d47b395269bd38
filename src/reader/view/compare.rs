//! The comparison table: the current section's indicators across every loaded
//! period, one column a period, with the change from the column before.

use crate::i18n::{subst, t as tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::layout::{pad_left, pad_right, truncate, width::str_width};
use crate::model::{Briefing, Indicator};
use crate::model::{format_number, format_value};
use crate::reader::state::App;
use crate::screen::paint::{put, put_spans};
use std::collections::HashMap;

/// The indicators of `b` with the ids of `shown` (rows of section
/// `section_id`), in the same order; ids are unique in a briefing. The same
/// section at the same positions is tried first (a few comparisons a row);
/// the ids not found there are looked for in one pass over `b`.
fn lookup<'a>(
    b: &'a Briefing,
    section_id: &str,
    shown: &[&Indicator],
) -> Vec<Option<&'a Indicator>> {
    let mut found: Vec<Option<&Indicator>> = vec![None; shown.len()];
    if let Some(same) = b.sections.iter().find(|s| s.id == section_id) {
        for (slot, (theirs, mine)) in found.iter_mut().zip(same.all_indicators().zip(shown)) {
            if theirs.id == mine.id {
                *slot = Some(theirs);
            }
        }
    }
    let missing: HashMap<&str, usize> = shown
        .iter()
        .enumerate()
        .filter(|(k, _)| found[*k].is_none())
        .map(|(k, i)| (i.id.as_str(), k))
        .collect();
    if !missing.is_empty() {
        for ind in b.sections.iter().flat_map(|s| s.all_indicators()) {
            if let Some(&k) = missing.get(ind.id.as_str()) {
                found[k].get_or_insert(ind);
            }
        }
    }
    found
}

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = &app.theme;
    let periods: Vec<&crate::model::Briefing> = app.all_periods().collect();
    let Some(section) = app.briefing().sections.get(app.section) else {
        return;
    };
    put(
        buf,
        area.x,
        area.y,
        area.width,
        &subst(tr("compare_title"), &[&section.title]),
        t.title,
    );
    if section.all_indicators().next().is_none() {
        put(
            buf,
            area.x,
            area.y + 2,
            area.width,
            tr("no_indicators"),
            t.dim,
        );
        return;
    }
    // Only the rows that fit are built (and measured for the column widths):
    // the work is the screen's, plus one pass over each period's indicators
    // to find the rows' ids, whatever the size of the section.
    let fit = usize::from(area.height.saturating_sub(3));
    let shown: Vec<&Indicator> = section.all_indicators().take(fit).collect();
    let by_period: Vec<Vec<Option<&Indicator>>> = periods
        .iter()
        .map(|b| lookup(b, &section.id, &shown))
        .collect();
    // Rows: the section's indicators; cells: each period's value of the same id.
    let rows: Vec<(String, Vec<String>)> = shown
        .iter()
        .enumerate()
        .map(|(r, ind)| {
            let mut previous: Option<f64> = None;
            let cells = by_period
                .iter()
                .map(
                    |found| match found[r].and_then(|i| i.value.map(|v| (v, i.unit.clone()))) {
                        Some((v, unit)) => {
                            let delta = previous.map(|p| {
                                let d = v - p;
                                let sign = if d > 0.0 {
                                    "+"
                                } else if d < 0.0 {
                                    "−"
                                } else {
                                    "±"
                                };
                                format!(
                                    " ({sign}{})",
                                    format_number((d.abs() * 100.0).round() / 100.0)
                                )
                            });
                            previous = Some(v);
                            format!(
                                "{}{}",
                                format_value(v, unit.as_deref()),
                                delta.unwrap_or_default()
                            )
                        }
                        None => {
                            previous = None;
                            "—".to_string()
                        }
                    },
                )
                .collect();
            (ind.label.clone(), cells)
        })
        .collect();
    let headers: Vec<String> = periods.iter().map(|b| b.period.to_string()).collect();
    let col_w: Vec<usize> = (0..periods.len())
        .map(|c| {
            rows.iter()
                .map(|(_, cells)| str_width(&cells[c]))
                .chain([str_width(&headers[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let cells_w: usize = col_w.iter().map(|w| w + 2).sum();
    let label_w = usize::from(area.width).saturating_sub(cells_w).clamp(4, 24);
    let mut header = vec![(pad_right(tr("indicators"), label_w), t.header)];
    for (c, h) in headers.iter().enumerate() {
        let style = if c == app.period {
            t.tab_current
        } else {
            t.header
        };
        header.push(("  ".into(), t.text));
        header.push((pad_left(h, col_w[c]), style));
    }
    put_spans(buf, area.x, area.y + 2, area.width, &header);
    for (r, (label, cells)) in rows.iter().enumerate() {
        let y = area.y + 3 + r as u16;
        if y >= area.bottom() {
            break;
        }
        let mut line = vec![(pad_right(&truncate(label, label_w), label_w), t.text)];
        for (c, cell) in cells.iter().enumerate() {
            line.push(("  ".into(), t.text));
            line.push((
                pad_left(cell, col_w[c]),
                if c == app.period { t.figure } else { t.text },
            ));
        }
        put_spans(buf, area.x, y, area.width, &line);
    }
}
