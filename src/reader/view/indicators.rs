//! The indicators pane: the current section's figures with their change and
//! a sparkline (the selected one's detail is a box over the panes: `detail`).

use crate::i18n::{subst, t as tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::detail::series_for;
use super::sparkline::spark;
use crate::model::Indicator;
use crate::reader::panes::Focus;
use crate::reader::state::App;
use crate::render::Figure;
use crate::screen::paint::{put, put_spans};
use crate::screen::theme::Theme;

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
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
    let title = subst(tr("indicators_header"), &[&list.len().to_string()]);
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
    let inds: Vec<&Indicator> = list.iter().map(|(_, i)| *i).collect();
    render_list(app, &inds, body, buf);
}

/// Two rows an indicator: its label, then its figure; the selected one in view.
fn render_list(app: &App, list: &[&Indicator], body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let per = 2usize;
    let rows = usize::from(body.height) / per;
    let first = app.indicator.saturating_sub(rows.saturating_sub(1));
    for (row, (i, ind)) in list
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
        let w = body.width.saturating_sub(1);
        put(buf, body.x + 1, y, w, &ind.label, label_style);
        if y + 1 < body.bottom() {
            let spans = figure_spans(t, app, ind);
            put_spans(buf, body.x + 3, y + 1, body.width.saturating_sub(3), &spans);
        }
    }
}

/// `0.11%  ▼−6.32% 同比  ⣤⣶⣿`: the sparkline only for three points or more.
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
    if let Some(cells) = series_for(app, ind).and_then(|s| spark(&s, 1, 12)) {
        for cell in &cells[0] {
            let style = if cell.derived { t.derived } else { t.figure };
            spans.push((cell.ch.to_string(), style));
        }
    }
    spans
}
