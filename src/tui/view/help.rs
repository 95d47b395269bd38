//! The help overlay, generated from the key table.

use crate::i18n::t as tr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::paint::{fill, put};
use crate::layout::symbols::{hline, vline};
use crate::layout::{pad_right, width::str_width};
use crate::tui::keymap::Keymap;
use crate::tui::keys::Binding;
use crate::tui::theme::Theme;

pub fn render(
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
