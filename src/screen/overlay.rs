//! What any mode draws over or instead of its screen: the help overlay
//! (generated from the key table), the report of a watched file with
//! errors, and the message for a screen too small to use; `boxed` draws
//! the box any overlay sits in.

pub(crate) mod boxed;

use crate::i18n::{subst, t as tr};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::paint::put;
use crate::layout::{pad_right, width::str_width};
use crate::screen::keymap::Keymap;
use crate::screen::keys::Binding;
use crate::screen::theme::Theme;

/// The lines of the help of `table`: each key beside what it does.
fn help_lines(keymap: &Keymap, table: &[Binding]) -> Vec<String> {
    let rows = keymap.help_rows(table);
    let key_w = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0);
    rows.iter()
        .map(|(k, h)| format!("{}  {h}", pad_right(k, key_w)))
        .collect()
}

/// The help's box in `area` and its lines.
fn help_box(keymap: &Keymap, table: &[Binding], area: Rect) -> (Option<Rect>, Vec<String>) {
    let lines = help_lines(keymap, table);
    let want_w = lines.iter().map(|l| str_width(l)).max().unwrap_or(0) + 4;
    let want_w = want_w.max(str_width(tr("help_title")) + 4);
    let want_h = lines.len() + 2;
    let rect = boxed::place(
        area,
        u16::try_from(want_w).unwrap_or(u16::MAX),
        u16::try_from(want_h).unwrap_or(u16::MAX),
    );
    (rect, lines)
}

/// How far the help of `table` can scroll on a screen of `area`.
pub(crate) fn help_max_scroll(keymap: &Keymap, table: &[Binding], area: Rect) -> usize {
    match help_box(keymap, table, area) {
        (Some(rect), lines) => boxed::max_scroll(rect, lines.len()),
        (None, _) => 0,
    }
}

/// The help overlay of `table`, scrolled by `scroll`, centred in `area`.
pub(crate) fn help(
    t: &Theme,
    keymap: &Keymap,
    table: &[Binding],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let (Some(rect), lines) = help_box(keymap, table, area) else {
        return;
    };
    let scroll = scroll.min(boxed::max_scroll(rect, lines.len()));
    boxed::frame(t, rect, tr("help_title"), scroll, lines.len(), buf);
    let inner = boxed::inner(rect);
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        put(
            buf,
            inner.x,
            inner.y + i as u16,
            inner.width,
            line,
            t.overlay,
        );
    }
}

/// The plain message for a screen under `min_w`×`min_h`.
pub(crate) fn too_small_for(frame: &mut Frame, area: Rect, min_w: u16, min_h: u16) {
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
pub(crate) fn error_panel(t: &Theme, report: &str, area: Rect, buf: &mut Buffer) {
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
