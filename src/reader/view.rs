//! Drawing the reader from `&App`: the panes where `panes` puts them.

pub(crate) mod compare;
pub(crate) mod detail;
mod indicators;
mod outline;
pub(crate) mod sparkline;
pub(crate) mod status;
mod text;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::panes::{MIN_HEIGHT, MIN_WIDTH, panes, text_inner};
use super::state::App;
use crate::layout::symbols::{hline, more_below, vline};
use crate::screen::overlay::{boxed, error_panel, help, too_small_for};
use crate::screen::paint::put;
use crate::screen::tables::READER;

pub(crate) fn draw(frame: &mut Frame, app: &App) {
    // The area the state was laid out for (the frame is the same size).
    let area = app.area;
    let p = panes(area, app.focus, app.fill());
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
        } else {
            text::render(app, text_inner(r), buf);
            more_mark(app, r, buf);
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
    status::render(app, status_area, frame);
    // The boxes last: over everything, the status line included.
    let buf = frame.buffer_mut();
    detail::render(app, buf);
    if app.compare {
        compare_box(app, buf);
    }
    if let Some(scroll) = app.help {
        help(&app.theme, &app.keymap, READER, scroll, area, buf);
    }
}

/// The comparison table in its box over the panes: drawn into a buffer as
/// large as the box's inside (the table scrolls itself, by indicator, and
/// says which it shows in its title), then copied in.
fn compare_box(app: &App, buf: &mut Buffer) {
    let Some(rect) = compare::compare_box(app) else {
        return;
    };
    let inner = boxed::inner(rect);
    let mut content = Buffer::empty(Rect::new(0, 0, inner.width, inner.height));
    compare::render(app, content.area, &mut content);
    boxed::frame(&app.theme, rect, "", 0, usize::from(inner.height), buf);
    boxed::blit(&app.theme, &content, 0, rect, buf);
}

/// A mark in the text pane's bottom right margin while the section goes on
/// below the pane (the status line says how far: `· 38%`).
fn more_mark(app: &App, pane: Rect, buf: &mut Buffer) {
    if app.scroll < app.max_scroll() && text_inner(pane).width < pane.width {
        let (x, y) = (pane.right() - 1, pane.bottom() - 1);
        put(buf, x, y, 1, more_below(), app.theme.title);
    }
}

/// Below the smallest usable size: a plain message, cut to fit.
pub(crate) fn too_small(frame: &mut Frame, area: Rect) {
    too_small_for(frame, area, MIN_WIDTH, MIN_HEIGHT);
}
