//! A box drawn over the screen: all four borders at every size, a title in
//! the top one, wide characters cut by its edges blanked, and content taller
//! than the box scrolled, with a "more" mark in the border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::i18n::t as tr;
use crate::layout::symbols::{corners, hline, more_above, more_below, vline};
use crate::screen::paint::{fill, put};
use crate::screen::theme::Theme;

/// A box of `w`×`h` cells (borders included), clamped to `area` and centred
/// in it; `None` when not even the borders and one row fit.
pub(crate) fn place(area: Rect, w: u16, h: u16) -> Option<Rect> {
    let w = w.min(area.width);
    let h = h.min(area.height);
    if w < 4 || h < 3 {
        return None;
    }
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    Some(Rect::new(x, y, w, h))
}

/// The width of a box laid over `body` (the panes): a margin round it
/// where there is room; on a phone, all of it. Also the width its content
/// is laid out for, inside the borders.
pub(crate) fn width_over(body: Rect) -> (u16, u16) {
    let width = if body.width < 60 {
        body.width
    } else {
        body.width - 4
    };
    (width, inner(Rect::new(0, 0, width, body.height)).width)
}

/// Where the content goes inside `rect`: within the borders, one column of
/// margin each side when there is room.
pub(crate) fn inner(rect: Rect) -> Rect {
    let pad = if rect.width >= 8 { 2 } else { 1 };
    Rect::new(
        rect.x + pad,
        rect.y + 1,
        rect.width.saturating_sub(2 * pad),
        rect.height.saturating_sub(2),
    )
}

/// How far content of `total` rows can scroll in a box of `rect`.
pub(crate) fn max_scroll(rect: Rect, total: usize) -> usize {
    total.saturating_sub(usize::from(inner(rect).height))
}

/// Blank the wide characters that a box over `rect` would cut: one that
/// starts left of its left edge and runs under it, and one drawn in its
/// last column (the box's own cells are filled anew).
fn blank_straddlers(rect: Rect, buf: &mut Buffer) {
    let area = buf.area;
    for y in rect.top()..rect.bottom().min(area.bottom()) {
        if rect.x > area.x {
            let cell = &mut buf[(rect.x - 1, y)];
            if cell.symbol().width() > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

/// Clear `rect` and draw its frame, `title` in the top border, and when its
/// content of `total` rows is scrolled to `at`: an up mark in the top border when
/// rows are hidden above, a down mark and "more" in the bottom one when rows are below.
pub(crate) fn frame(t: &Theme, rect: Rect, title: &str, at: usize, total: usize, buf: &mut Buffer) {
    blank_straddlers(rect, buf);
    fill(buf, rect, t.overlay);
    let edge_style = t.overlay.patch(t.separator);
    let [tl, tr_, bl, br] = corners();
    let (x, y, w, h) = (rect.x, rect.y, rect.width, rect.height);
    let edge = hline().repeat(usize::from(w - 2));
    put(buf, x, y, w, &format!("{tl}{edge}{tr_}"), edge_style);
    put(buf, x, y + h - 1, w, &format!("{bl}{edge}{br}"), edge_style);
    for row in y + 1..y + h - 1 {
        put(buf, x, row, 1, vline(), edge_style);
        put(buf, x + w - 1, row, 1, vline(), edge_style);
    }
    // The marks first: the title gives way to them.
    let shown = usize::from(inner(rect).height);
    let mut title_room = w.saturating_sub(4);
    if at > 0 {
        put(buf, x + w - 3, y, 1, more_above(), t.overlay.patch(t.title));
        title_room = title_room.saturating_sub(2);
    }
    if at + shown < total {
        let more = format!(" {} {} ", more_below(), tr("more_below"));
        let mw = more.width() as u16;
        if mw + 4 <= w {
            put(
                buf,
                x + w - 2 - mw,
                y + h - 1,
                mw,
                &more,
                t.overlay.patch(t.title),
            );
        } else {
            put(
                buf,
                x + w - 3,
                y + h - 1,
                1,
                more_below(),
                t.overlay.patch(t.title),
            );
        }
    }
    if !title.is_empty() && title_room > 0 {
        put(buf, x + 2, y, title_room, title, t.overlay.patch(t.title));
    }
}

/// Draw rows `at..` of `content` (a buffer as wide as the box's inner
/// area) into the box `rect`, styled over the overlay's background; a wide
/// character cut by the right edge is blanked.
pub(crate) fn blit(t: &Theme, content: &Buffer, at: usize, rect: Rect, buf: &mut Buffer) {
    let inner = inner(rect).intersection(buf.area);
    let src = content.area;
    for row in 0..inner.height {
        let sy = at + usize::from(row);
        if sy >= usize::from(src.bottom()) {
            break;
        }
        let sy = sy as u16;
        for col in 0..inner.width.min(src.width) {
            let from = &content[(src.x + col, sy)];
            let to = &mut buf[(inner.x + col, inner.y + row)];
            let wide = from.symbol().width() > 1;
            if wide && col + 1 >= inner.width {
                to.set_symbol(" ");
            } else {
                to.set_symbol(from.symbol());
            }
            to.set_style(t.overlay.patch(from.style()));
        }
    }
}

#[cfg(test)]
mod tests;
