//! The comparison table: the current section's indicators across every loaded
//! period, one column a period. A cell holds the period's value with the
//! change from the column before (in its unit: 个百分点 for a value in %),
//! or, where the period states no value, its stated change; the stated
//! change of a value stands on the line below. `j`/`k` scroll it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::collections::HashMap;

use crate::i18n::{subst, t as tr};
use crate::layout::{pad_left, pad_right, truncate, width::str_width};
use crate::model::{Briefing, Indicator, Section, format_value};
use crate::reader::panes::panes;
use crate::reader::state::App;
use crate::render::{change_between, stated_change};
use crate::screen::overlay::boxed;
use crate::screen::paint::{put, put_spans};

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
    if let Some(same) = b.sections.iter().find(|s| &*s.id == section_id) {
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

/// The comparison's box at the current size: over the panes, as tall as
/// the table (no taller than the space between the tabs and the status line).
pub(crate) fn compare_box(app: &App) -> Option<Rect> {
    let body = panes(app.area, app.focus, app.fill()).body?;
    let (width, inner) = boxed::width_over(body);
    let rows = lines_wanted(app, inner, usize::from(body.height));
    let rows = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    boxed::place(body, width, rows)
}

/// The area the table is drawn in: inside its box.
fn table_area(app: &App) -> Option<Rect> {
    compare_box(app).map(boxed::inner)
}

/// How many indicators the table has (the rows it scrolls through).
pub(crate) fn row_count(app: &App) -> usize {
    app.briefing()
        .sections
        .get(app.section)
        .map_or(0, |s| s.all_indicators().count())
}

/// How many indicators a page of the table shows at least: stacked (a
/// line for the label and one a period) when the screen is narrow.
pub(crate) fn page(app: &App) -> usize {
    let per = 1 + app.all_periods().count();
    table_area(app).map_or(1, |a| {
        (usize::from(a.height.saturating_sub(2)) / per).max(1)
    })
}

/// One indicator's lines: its values (with the changes between them), and
/// the stated changes of the periods that state a value too.
struct Row {
    label: String,
    values: Vec<String>,
    stated: Option<Vec<String>>,
}

fn row(ind: &Indicator, found: &[Option<&Indicator>]) -> Row {
    let mut previous: Option<f64> = None;
    let values = found
        .iter()
        .map(|f| {
            let value = f.and_then(|i| i.value);
            let cell = match (f, value) {
                (Some(i), Some(v)) => {
                    let shown = format_value(v, i.unit.as_deref());
                    match previous.and_then(|p| change_between(p, v, i.unit.as_deref())) {
                        Some(d) => format!("{shown} ({d})"),
                        None => shown,
                    }
                }
                (Some(i), None) => i.change.as_ref().map_or("—".into(), stated_change),
                (None, _) => "—".into(),
            };
            previous = value;
            cell
        })
        .collect();
    let stated: Vec<String> = found
        .iter()
        .map(|f| match f {
            Some(i) if i.value.is_some() => i.change.as_ref().map(stated_change),
            _ => None,
        })
        .map(Option::unwrap_or_default)
        .collect();
    Row {
        label: ind.label.clone(),
        values,
        stated: stated.iter().any(|s| !s.is_empty()).then_some(stated),
    }
}

pub(crate) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = &app.theme;
    let Some(section) = app.briefing().sections.get(app.section) else {
        return;
    };
    let total = section.all_indicators().count();
    let first = app.numbers.compare_scroll.min(total.saturating_sub(1));
    // Only the rows that may fit are built (and measured for the column
    // widths): the work is the screen's, plus one pass over each period's
    // indicators to find the rows' ids, whatever the size of the section.
    let fit = usize::from(area.height.saturating_sub(3));
    let rows = build_rows(app, section, first, fit);
    let shown = draw_table(app, &rows, area, buf);
    let title = if first > 0 || first + shown < total {
        let range = format!("{}–{}", first + 1, first + shown);
        subst(
            tr("compare_scrolled"),
            &[&section.title, &range, &total.to_string()],
        )
    } else {
        subst(tr("compare_title"), &[&section.title])
    };
    put(buf, area.x, area.y, area.width, &title, t.title);
    if total == 0 {
        put(
            buf,
            area.x,
            area.y + 2,
            area.width,
            tr("no_indicators"),
            t.dim,
        );
    }
}

fn build_rows(app: &App, section: &Section, first: usize, fit: usize) -> Vec<Row> {
    let shown: Vec<&Indicator> = section.all_indicators().skip(first).take(fit).collect();
    let by_period: Vec<Vec<Option<&Indicator>>> = app
        .all_periods()
        .map(|b| lookup(b, &section.id, &shown))
        .collect();
    shown
        .iter()
        .enumerate()
        .map(|(r, ind)| {
            let found: Vec<Option<&Indicator>> = by_period.iter().map(|p| p[r]).collect();
            row(ind, &found)
        })
        .collect()
}

/// The width of each period's column: its widest cell or header.
fn column_widths(rows: &[Row], headers: &[String]) -> Vec<usize> {
    (0..headers.len())
        .map(|c| {
            rows.iter()
                .flat_map(|r| {
                    [&r.values[c]]
                        .into_iter()
                        .chain(r.stated.iter().map(|s| &s[c]))
                })
                .map(|s| str_width(s))
                .chain([str_width(&headers[c])])
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Whether a column a period does not fit in `width` (rows are stacked).
fn is_stacked(col_w: &[usize], width: u16) -> bool {
    col_w.iter().map(|w| w + 2).sum::<usize>() + 8 > usize::from(width)
}

/// The lines the whole table takes at `width` (title, blank, header and
/// each indicator's lines), counting no further than `most`: what its box
/// is sized for.
pub(crate) fn lines_wanted(app: &App, width: u16, most: usize) -> usize {
    let Some(section) = app.briefing().sections.get(app.section) else {
        return 3;
    };
    let rows = build_rows(app, section, 0, most);
    let headers: Vec<String> = app.all_periods().map(|b| b.period.to_string()).collect();
    let stacked = is_stacked(&column_widths(&rows, &headers), width);
    let lines = rows.iter().map(|r| {
        if stacked {
            1 + headers.len()
        } else {
            1 + usize::from(r.stated.is_some())
        }
    });
    3 + lines.sum::<usize>().max(1)
}

/// Draw the header and as many whole rows as fit; how many were drawn.
fn draw_table(app: &App, rows: &[Row], area: Rect, buf: &mut Buffer) -> usize {
    let t = &app.theme;
    if rows.is_empty() {
        return 0;
    }
    let headers: Vec<String> = app.all_periods().map(|b| b.period.to_string()).collect();
    let col_w = column_widths(rows, &headers);
    if is_stacked(&col_w, area.width) {
        return draw_stacked(app, rows, &headers, area, buf);
    }
    let cells_w: usize = col_w.iter().map(|w| w + 2).sum();
    let label_w = usize::from(area.width).saturating_sub(cells_w).clamp(4, 24);
    let line = |label: String, cells: &[String], current: Style, other: Style| {
        let mut spans = vec![(pad_right(&truncate(&label, label_w), label_w), t.text)];
        for (c, cell) in cells.iter().enumerate() {
            spans.push(("  ".into(), t.text));
            let style = if c == app.period { current } else { other };
            spans.push((pad_left(cell, col_w[c]), style));
        }
        spans
    };
    let header = line(tr("indicators").into(), &headers, t.tab_current, t.header);
    put_spans(buf, area.x, area.y + 2, area.width, &header);
    let mut y = area.y + 3;
    let mut drawn = 0;
    for r in rows {
        let height = 1 + u16::from(r.stated.is_some());
        if y + height > area.bottom() {
            break;
        }
        let values = line(r.label.clone(), &r.values, t.figure, t.text);
        put_spans(buf, area.x, y, area.width, &values);
        if let Some(stated) = &r.stated {
            put_spans(
                buf,
                area.x,
                y + 1,
                area.width,
                &line(String::new(), stated, t.dim, t.dim),
            );
        }
        y += height;
        drawn += 1;
    }
    drawn
}

/// Too narrow for a column a period: each indicator's label, then a line a
/// period (`2024  2100起 (+550起)  +35.5% 同比`). How many were drawn.
fn draw_stacked(
    app: &App,
    rows: &[Row],
    headers: &[String],
    area: Rect,
    buf: &mut Buffer,
) -> usize {
    let t = &app.theme;
    let period_w = headers.iter().map(|h| str_width(h)).max().unwrap_or(0);
    let mut y = area.y + 2;
    let mut drawn = 0;
    for r in rows {
        if y + 1 + headers.len() as u16 > area.bottom() {
            break;
        }
        put(buf, area.x, y, area.width, &r.label, t.title);
        for (c, header) in headers.iter().enumerate() {
            let current = c == app.period;
            let mut spans = vec![
                (
                    format!("  {}  ", pad_right(header, period_w)),
                    if current { t.tab_current } else { t.header },
                ),
                (r.values[c].clone(), if current { t.figure } else { t.text }),
            ];
            if let Some(stated) = r.stated.as_ref().filter(|s| !s[c].is_empty()) {
                spans.push((format!("  {}", stated[c]), t.dim));
            }
            put_spans(buf, area.x, y + 1 + c as u16, area.width, &spans);
        }
        y += 1 + headers.len() as u16;
        drawn += 1;
    }
    drawn
}
