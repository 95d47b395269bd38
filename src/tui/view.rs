//! Drawing the reader from `&App`: the panes where `panes` puts them.

mod compare;
pub mod help;
mod indicators;
mod outline;
pub mod paint;
pub mod sparkline;
pub mod status;
mod text;

use crate::i18n::{subst, t as tr};
use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::App;
use super::keys::READER;
use super::panes::{MIN_HEIGHT, MIN_WIDTH, panes, text_inner};
use crate::layout::symbols::{hline, vline};
use paint::put;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let p = panes(area, app.focus);
    let Some(status_area) = p.status else {
        too_small(frame, area);
        return;
    };
    let buf = frame.buffer_mut();
    if let Some(r) = p.tabs {
        status::tabs(app, r, buf);
    }
    if let Some(r) = p.outline {
        outline::render(app, r, buf);
    }
    if let Some(r) = p.text {
        if let Some(errors) = &app.errors {
            error_panel(&app.theme, errors, text_inner(r), buf);
        } else if app.compare {
            compare::render(app, text_inner(r), buf);
        } else {
            text::render(app, text_inner(r), buf);
        }
    }
    if let Some(r) = p.indicators {
        indicators::render(app, r, buf);
    }
    for sep in p.separators.into_iter().flatten() {
        let style = app.theme.separator;
        if sep.width == 1 {
            for y in sep.top()..sep.bottom() {
                put(buf, sep.x, y, 1, vline(), style);
            }
        } else {
            put(
                buf,
                sep.x,
                sep.y,
                sep.width,
                &hline().repeat(usize::from(sep.width)),
                style,
            );
        }
    }
    if let Some(scroll) = app.help {
        help::render(&app.theme, &app.keymap, READER, scroll, area, buf);
    }
    status::render(app, status_area, frame);
}

/// Below the smallest usable size: a plain message, cut to fit.
pub fn too_small(frame: &mut Frame, area: Rect) {
    too_small_for(frame, area, MIN_WIDTH, MIN_HEIGHT);
}

/// The plain message for a screen under `min_w`×`min_h`.
pub fn too_small_for(frame: &mut Frame, area: Rect, min_w: u16, min_h: u16) {
    let text = subst(tr("too_small"), &[&min_w.to_string(), &min_h.to_string()]);
    let buf = frame.buffer_mut();
    for (i, line) in crate::layout::wrap_lines(&text, usize::from(area.width).max(1))
        .iter()
        .enumerate()
    {
        if i as u16 >= area.height {
            break;
        }
        put(
            buf,
            area.x,
            area.y + i as u16,
            area.width,
            line,
            ratatui::style::Style::new(),
        );
    }
}

/// A watched file with errors: the same report as `briefing check`.
pub fn error_panel(
    t: &crate::tui::theme::Theme,
    report: &str,
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    put(buf, area.x, area.y, area.width, tr("file_errors"), t.worse);
    // Each line keeps its indent (the report's `   |` gutter lines up under the line number).
    let width = usize::from(area.width).max(1);
    let lines = report.lines().flat_map(|l| {
        let rest = l.trim_start_matches(' ');
        let indent = (l.len() - rest.len()).min(width / 2);
        crate::layout::wrap_lines(rest, width - indent)
            .into_iter()
            .map(|piece| format!("{:indent$}{piece}", ""))
            .collect::<Vec<_>>()
    });
    for (i, line) in lines
        .take(usize::from(area.height.saturating_sub(2)))
        .enumerate()
    {
        put(
            buf,
            area.x,
            area.y + 2 + i as u16,
            area.width,
            &line,
            t.text,
        );
    }
}
