//! The indicator detail: the figure, a chart of its series with the periods
//! down one axis and every value labelled, a cursor that reads out one point
//! (period, value, stated or derived, source), then its comparisons, note
//! and cite, in a box over the panes. It scrolls (`j`/`k`); `←`/`→` move
//! the cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::sparkline::Scale;
use crate::i18n::{subst, t as tr};
use crate::layout::{pad_left, pad_right, width::str_width};
use crate::model::series::point_value;
use crate::model::{Indicator, Series, SeriesKind, format_value, series_of};
use crate::reader::panes::{Focus, panes};
use crate::reader::state::App;
use crate::render::{Figure, cite_line, note_line, point_source};
use crate::screen::overlay::boxed;
use crate::screen::paint::put_spans;
use crate::screen::theme::Theme;

pub(crate) type Row = Vec<(String, Style)>;

/// `text` wrapped to `width` columns, one row a line.
fn wrapped(text: &str, style: Style, width: u16) -> Vec<Row> {
    crate::layout::wrap_lines(text, usize::from(width))
        .into_iter()
        .map(|l| vec![(l.to_string(), style)])
        .collect()
}

/// The series of `ind` across the loaded periods: the same in every period.
pub(crate) fn series_for(app: &App, ind: &Indicator) -> Option<Series> {
    series_of(app.all_periods(), &ind.id)
}

/// Every row of the detail of `ind` at `w` columns.
pub(crate) fn rows(app: &App, ind: &Indicator, w: u16) -> Vec<Row> {
    let t = &app.theme;
    let mut rows: Vec<Row> = wrapped(&ind.label, t.title, w);
    rows.push(figure_row(t, ind));
    if let Some(s) = series_for(app, ind) {
        rows.push(Vec::new());
        rows.extend(chart(app, ind, &s, w));
    }
    if !ind.compare.is_empty() {
        rows.push(Vec::new());
        rows.extend(compare_bars(t, ind, w));
    }
    if let Some(note) = &ind.note {
        rows.push(Vec::new());
        let line = note_line(note);
        rows.extend(wrapped(&line.text, t.role(line.role), w));
    }
    if let Some(cite) = &ind.cite {
        rows.push(Vec::new());
        let line = cite_line(cite);
        rows.extend(wrapped(&line.text, t.role(line.role), w));
    }
    rows
}

/// `0.11%  ▼−6.32% 同比`.
fn figure_row(t: &Theme, ind: &Indicator) -> Row {
    let figure = Figure::of(ind);
    let mut row = Vec::new();
    if let Some(value) = &figure.value {
        row.push((value.clone(), t.figure));
        row.push(("  ".into(), t.text));
    }
    if let Some(change) = figure.change_tight() {
        row.push((change, t.verdict(figure.verdict)));
    }
    row
}

/// The point under the cursor: the latest unless moved.
pub(crate) fn cursor(app: &App, s: &Series) -> usize {
    let last = s.points.len().saturating_sub(1);
    app.numbers.point.unwrap_or(last).min(last)
}

/// The chart: what the scale is, one labelled bar a point (the cursor's
/// reversed), and the cursor's point read out.
fn chart(app: &App, ind: &Indicator, s: &Series, w: u16) -> Vec<Row> {
    let t = &app.theme;
    let caption = match s.kind {
        SeriesKind::Index(_) => {
            let base = s.points.first().map_or("", |p| p.label.as_str());
            subst(tr("scale_index"), &[base])
        }
        _ => tr("scale_zero").to_string(),
    };
    let mut rows = vec![vec![(caption, t.header)]];
    // An index has no unit; a level has the indicator's.
    let unit = (!matches!(s.kind, SeriesKind::Index(_)))
        .then_some(ind.unit.as_deref())
        .flatten();
    let values: Vec<String> = s
        .points
        .iter()
        .map(|p| {
            let mark = if p.derived { "*" } else { "" };
            format!("{}{}{mark}", point_value(p.value), unit.unwrap_or(""))
        })
        .collect();
    let label_w = s
        .points
        .iter()
        .map(|p| str_width(&p.label))
        .max()
        .unwrap_or(0);
    let value_w = values.iter().map(|v| str_width(v)).max().unwrap_or(0);
    let room = usize::from(w).saturating_sub(label_w + value_w + 2);
    let scale = Scale::of(s);
    let at = cursor(app, s);
    for (k, (p, value)) in s.points.iter().zip(&values).enumerate() {
        let (from, to) = scale.extent(p.value, room);
        let glyph = if p.derived { "⡇" } else { "⣿" };
        let bar = format!("{}{}", " ".repeat(from), glyph.repeat(to - from));
        let style = |s: Style| if k == at { s.patch(t.selected) } else { s };
        let bar_style = if p.derived { t.derived } else { t.figure };
        rows.push(vec![
            (pad_right(&p.label, label_w + 1), style(t.text)),
            (pad_left(value, value_w), style(t.figure)),
            (" ".into(), t.text),
            (bar, bar_style),
        ]);
    }
    if let Some((p, value)) = s.points.get(at).zip(values.get(at)) {
        let kind = tr(if p.derived { "derived" } else { "stated" });
        let readout = subst(tr("point_readout"), &[&p.label, value, kind]);
        rows.extend(wrapped(&readout, t.figure, w));
        rows.extend(wrapped(&point_source(&p.source), t.dim, w));
        if s.points.len() > 1 {
            rows.push(vec![(tr("point_keys").into(), t.dim)]);
        }
    }
    rows
}

/// The same measure elsewhere, as bars from zero.
fn compare_bars(t: &Theme, ind: &Indicator, w: u16) -> Vec<Row> {
    let mut rows = vec![vec![(tr("compare").into(), t.header)]];
    let mut bars: Vec<(String, f64)> = Vec::new();
    if let Some(v) = ind.value {
        bars.push((tr("here").into(), v));
    }
    bars.extend(ind.compare.iter().map(|c| (c.label.clone(), c.value)));
    let label_w = bars.iter().map(|(l, _)| str_width(l)).max().unwrap_or(0);
    let values: Vec<String> = bars
        .iter()
        .map(|(_, v)| format_value(*v, ind.unit.as_deref()))
        .collect();
    let value_w = values.iter().map(|v| str_width(v)).max().unwrap_or(0);
    let max = bars.iter().map(|(_, v)| v.abs()).fold(0.0, f64::max);
    let room = usize::from(w).saturating_sub(label_w + value_w + 2);
    for ((label, v), shown) in bars.iter().zip(&values) {
        let bar = if max > 0.0 {
            ((v.abs() / max) * room as f64).round() as usize
        } else {
            0
        };
        rows.push(vec![
            (pad_right(label, label_w + 1), t.text),
            (pad_left(shown, value_w), t.figure),
            (" ".into(), t.text),
            ("⣿".repeat(bar.max(1)), t.figure),
        ]);
    }
    rows
}

/// The open detail's indicator, when the detail is on screen (it is while
/// the indicators have the focus).
pub(crate) fn shown(app: &App) -> Option<&Indicator> {
    if !app.detail || app.focus != Focus::Indicators {
        return None;
    }
    app.indicators().get(app.indicator).map(|(_, ind)| *ind)
}

/// The detail's box at the current size: over the panes, as tall as the
/// detail (no taller than the space between the tabs and the status line),
/// and its rows at the box's inner width.
pub(crate) fn detail_box(app: &App, ind: &Indicator) -> Option<(Rect, Vec<Row>)> {
    let body = panes(app.area, app.focus, app.fill()).body?;
    let (width, inner) = boxed::width_over(body);
    let rows = rows(app, ind, inner);
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    Some((boxed::place(body, width, height)?, rows))
}

/// The first row shown: the scroll, kept so that the last row stays at the bottom.
pub(crate) fn first_row(app: &App, total: usize, height: u16) -> usize {
    app.numbers
        .detail_scroll
        .min(total.saturating_sub(usize::from(height)))
}

/// Draw the open detail in its box, from the scroll on: the rows drawn
/// into a buffer as wide as the box's inside, then copied in; the box's
/// borders say when rows are hidden above or below.
pub(crate) fn render(app: &App, buf: &mut Buffer) {
    let Some(ind) = shown(app) else {
        return;
    };
    let Some((rect, rows)) = detail_box(app, ind) else {
        return;
    };
    let inner = boxed::inner(rect);
    let height = u16::try_from(rows.len()).unwrap_or(u16::MAX);
    let mut content = Buffer::empty(Rect::new(0, 0, inner.width, height));
    for (y, row) in rows.iter().take(usize::from(height)).enumerate() {
        put_spans(&mut content, 0, y as u16, inner.width, row);
    }
    let first = first_row(app, rows.len(), inner.height);
    let title = tr("detail_header");
    boxed::frame(&app.theme, rect, title, first, rows.len(), buf);
    boxed::blit(&app.theme, &content, first, rect, buf);
}
