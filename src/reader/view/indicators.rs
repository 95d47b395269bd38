//! The indicators pane: the current section's figures with their change and
//! a sparkline, or the selected one's detail.

use crate::i18n::{subst, t as tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::sparkline::spark;
use crate::layout::width::str_width;
use crate::model::{Indicator, format_value, series};
use crate::reader::panes::Focus;
use crate::reader::state::App;
use crate::render::{Figure, cite_line, note_line};
use crate::screen::paint::{put, put_spans};
use crate::screen::theme::Theme;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = &app.theme;
    let list = app.indicators();
    let header = if app.focus == Focus::Indicators {
        t.header_focused
    } else {
        t.header
    };
    let title = if app.detail {
        tr("detail_header").to_string()
    } else {
        subst(tr("indicators_header"), &[&list.len().to_string()])
    };
    let used = put(buf, area.x, area.y, area.width, &title, header);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    if list.is_empty() {
        // On the header's line when the pane is folded to one.
        let (x, y) = if body.height == 0 {
            (area.x + used + 2, area.y)
        } else {
            (body.x + 1, body.y)
        };
        put(
            buf,
            x,
            y,
            area.right().saturating_sub(x),
            tr("no_indicators"),
            t.dim,
        );
        return;
    }
    if app.detail {
        detail(app, list[app.indicator].1, body, buf);
        return;
    }
    let per = 2usize;
    let rows = usize::from(body.height) / per;
    let first = app.indicator.saturating_sub(rows.saturating_sub(1));
    for (row, (i, (_, ind))) in list
        .iter()
        .enumerate()
        .skip(first)
        .take(rows.max(1))
        .enumerate()
    {
        let y = body.y + (row * per) as u16;
        if y >= body.bottom() {
            break;
        }
        let selected = i == app.indicator && app.focus == Focus::Indicators;
        let label_style = if selected {
            t.title.patch(t.selected)
        } else {
            t.title
        };
        put(
            buf,
            body.x + 1,
            y,
            body.width.saturating_sub(1),
            &ind.label,
            label_style,
        );
        if y + 1 < body.bottom() {
            let spans = figure_spans(t, app, ind);
            put_spans(buf, body.x + 3, y + 1, body.width.saturating_sub(3), &spans);
        }
    }
}

/// `0.11%  ▼−6.32% 同比  ⣿⣀`
fn figure_spans(t: &Theme, app: &App, ind: &Indicator) -> Vec<(String, Style)> {
    let mut spans = Vec::new();
    let figure = Figure::of(ind);
    if let Some(value) = &figure.value {
        spans.push((value.clone(), t.figure));
        spans.push(("  ".into(), t.text));
    }
    if let Some(change) = figure.change_tight() {
        spans.push((change, t.verdict(figure.verdict)));
        spans.push(("  ".into(), t.text));
    }
    if let Some(s) = series(ind, app.briefing().period, &app.others(&ind.id)) {
        for cell in &spark(&s, 1, 12)[0] {
            spans.push((
                cell.ch.to_string(),
                if cell.derived { t.derived } else { t.figure },
            ));
        }
    }
    spans
}

type Row = Vec<(String, Style)>;

/// `text` wrapped to `width` columns, one row a line.
fn wrapped(text: &str, style: Style, width: u16) -> Vec<Row> {
    crate::layout::wrap_lines(text, usize::from(width))
        .into_iter()
        .map(|l| vec![(l.to_string(), style)])
        .collect()
}

fn detail(app: &App, ind: &Indicator, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let w = area.width.saturating_sub(2);
    let mut rows: Vec<Row> = wrapped(&ind.label, t.title, w);
    rows.push(figure_spans(t, app, ind).into_iter().take(4).collect());
    if let Some(s) = series(ind, app.briefing().period, &app.others(&ind.id)) {
        rows.push(Vec::new());
        for row in spark(&s, 2, usize::from(w)) {
            rows.push(
                row.iter()
                    .map(|c| {
                        (
                            c.ch.to_string(),
                            if c.derived { t.derived } else { t.figure },
                        )
                    })
                    .collect(),
            );
        }
        rows.extend(wrapped(&subst(tr("series"), &[&s.describe()]), t.dim, w));
    }
    if !ind.compare.is_empty() {
        rows.push(Vec::new());
        rows.push(vec![(tr("compare").into(), t.header)]);
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
                (crate::layout::pad_right(label, label_w + 1), t.text),
                (crate::layout::pad_left(shown, value_w), t.figure),
                (" ".into(), t.text),
                ("⣿".repeat(bar.max(1)), t.figure),
            ]);
        }
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
    for (i, row) in rows.iter().take(usize::from(area.height)).enumerate() {
        put_spans(buf, area.x + 1, area.y + i as u16, w, row);
    }
}
