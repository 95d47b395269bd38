//! What any mode draws over or instead of its screen: the help overlay
//! (generated from the key table), the report of a watched file with
//! errors, and the message for a screen too small to use.

use crate::i18n::{subst, t as tr};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::paint::{fill, put};
use crate::layout::symbols::{hline, vline};
use crate::layout::{pad_right, width::str_width};
use crate::screen::keymap::Keymap;
use crate::screen::keys::Binding;
use crate::screen::theme::Theme;

/// The help overlay of `table`, scrolled by `scroll`, centred in `area`.
pub(crate) fn help(
    t: &Theme,
    keymap: &Keymap,
    table: &[Binding],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let rows = keymap.help_rows(table);
    let key_w = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0);
    let lines: Vec<String> = rows
        .iter()
        .map(|(k, h)| format!("{}  {h}", pad_right(k, key_w)))
        .collect();
    let want_w = lines.iter().map(|l| str_width(l)).max().unwrap_or(0) + 4;
    let w = (want_w as u16).min(area.width);
    let h = (lines.len() as u16 + 2).min(area.height);
    if w < 4 || h < 3 {
        return;
    }
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    let rect = Rect::new(x, y, w, h);
    fill(buf, rect, t.overlay);
    let edge = hline().repeat(usize::from(w - 2));
    put(
        buf,
        x,
        y,
        w,
        &format!("{}{edge}{}", hline(), hline()),
        t.overlay.patch(t.separator),
    );
    put(
        buf,
        x + 2,
        y,
        w - 4,
        tr("help_title"),
        t.overlay.patch(t.title),
    );
    put(
        buf,
        x,
        y + h - 1,
        w,
        &format!("{}{edge}{}", hline(), hline()),
        t.overlay.patch(t.separator),
    );
    let inner = usize::from(h - 2);
    let scroll = scroll.min(lines.len().saturating_sub(inner));
    for (i, line) in lines.iter().skip(scroll).take(inner).enumerate() {
        let row = y + 1 + i as u16;
        put(buf, x, row, 1, vline(), t.overlay.patch(t.separator));
        put(buf, x + 2, row, w - 4, line, t.overlay);
        put(
            buf,
            x + w - 1,
            row,
            1,
            vline(),
            t.overlay.patch(t.separator),
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
