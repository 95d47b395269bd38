//! Drawing the reader from `&App`: the panes where `panes` puts them.

pub(crate) mod compare;
pub(crate) mod detail;
mod indicators;
mod outline;
pub(crate) mod sparkline;
pub(crate) mod status;
mod text;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::panes::{MIN_HEIGHT, MIN_WIDTH, panes, text_inner};
use super::state::App;
use crate::layout::symbols::{hline, vline};
use crate::screen::overlay::{error_panel, help, too_small_for};
use crate::screen::paint::put;
use crate::screen::tables::READER;

pub(crate) fn draw(frame: &mut Frame, app: &App) {
    // The area the state was laid out for (the frame is the same size).
    let area = app.area;
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
        help(&app.theme, &app.keymap, READER, scroll, area, buf);
    }
    status::render(app, status_area, frame);
}

/// Below the smallest usable size: a plain message, cut to fit.
pub(crate) fn too_small(frame: &mut Frame, area: Rect) {
    too_small_for(frame, area, MIN_WIDTH, MIN_HEIGHT);
}
