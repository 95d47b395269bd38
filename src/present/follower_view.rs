//! A deck of another size on this screen. A follower shows the presenter's
//! deck, laid out for the presenter's size, above its own bottom row (the
//! classification, the progress, the same counter): on a larger screen the
//! slide is centred; on a smaller one its empty rows give way first, then
//! what is still too tall scrolls (↓/↑), and what is too wide loses its
//! margins first; narrower than the slide's text, the same slide is
//! re-flowed to this width (`reflow`) and scrolls. The presenter's view
//! uses the same copy for its preview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::metrics::{MIN_HEIGHT, Metrics};
use super::reflow::reflow;
use super::state::Presenter;
use super::view::{content_into, rows_needed, slide_into};
use crate::layout::width::str_width;

/// The current slide drawn off screen at `width`×`height`.
pub(crate) fn render(p: &Presenter, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    slide_into(&mut buf, area, p);
    buf
}

/// What a screen of `w`×`h` shows of the current slide of a deck laid out
/// for `deck`, drawn off screen: the deck's slide at the deck's size; or, on
/// a screen narrower than the slide's text, the slide re-flowed to the
/// screen's width, as tall as all of it needs (at least the screen).
fn shown(p: &Presenter, deck: (u16, u16), (w, h): (u16, u16)) -> Buffer {
    let slide = render(p, deck.0, deck.1);
    let (left, right) = span(&slide);
    if right.saturating_sub(left) < w {
        return slide;
    }
    let m = Metrics::new(w, h);
    let (flowed, grid) = reflow(p, deck, &m);
    let area = Rect::new(0, 0, w, rows_needed(p, &flowed, &m, grid).max(h));
    let mut buf = Buffer::empty(area);
    content_into(&mut buf, area, p, &flowed, grid);
    buf
}

/// The first and the last column anything is drawn in above the bottom row.
fn span(slide: &Buffer) -> (u16, u16) {
    let a = slide.area;
    let used: Vec<u16> = (a.left()..a.right())
        .filter(|&x| (a.top()..a.bottom().saturating_sub(1)).any(|y| slide[(x, y)].symbol() != " "))
        .collect();
    (
        used.first().copied().unwrap_or(0),
        used.last().copied().unwrap_or(0),
    )
}

/// Copy `width` cells of row `sy` of `src`, from column `sx`, to (`dx`, `dy`)
/// of `dst`; a wide character cut by either edge becomes a space.
pub(crate) fn copy_row(
    src: &Buffer,
    sx: u16,
    sy: u16,
    width: u16,
    dst: &mut Buffer,
    dx: u16,
    dy: u16,
) {
    let end = sx.saturating_add(width).min(src.area.right());
    for x in sx..end {
        let (tx, ty) = (dx + (x - sx), dy);
        if !dst.area.contains((tx, ty).into()) {
            continue;
        }
        let mut cell = src[(x, sy)].clone();
        let wide = str_width(cell.symbol()) > 1;
        let tail_cut = x == sx && x > 0 && str_width(src[(x - 1, sy)].symbol()) > 1;
        if (wide && (x + 1 >= end || tx + 1 >= dst.area.right())) || tail_cut {
            cell.set_symbol(" ");
        }
        dst[(tx, ty)] = cell;
    }
}

fn blank_row(buf: &Buffer, y: u16) -> bool {
    let a = buf.area;
    (a.left()..a.right()).all(|x| buf[(x, y)].symbol() == " ")
}

/// How the slide's body (all rows but its bottom one) goes on a screen too small for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fit {
    /// The slide's rows shown, in order (empty rows dropped while too tall).
    pub rows: Vec<u16>,
    /// The rows the screen has for them (all but its bottom row).
    pub height: u16,
    /// The slide's first column shown, and where it goes on the screen.
    pub from_x: u16,
    pub to_x: u16,
    pub width: u16,
}

impl Fit {
    pub(crate) fn max_scroll(&self) -> u16 {
        (self.rows.len() as u16).saturating_sub(self.height)
    }
}

/// The rows of `rows` left when empty ones give way, longest run first,
/// until `height` fit. A slide that scrolls even with every empty row gone
/// keeps one between its heading and its paragraphs (losing only the empty
/// rows above and below it): there, dropping them would not spare a scroll.
fn drop_empty(slide: &Buffer, mut rows: Vec<u16>, height: usize) -> Vec<u16> {
    let blank = |y: u16| blank_row(slide, y);
    while rows.len() > height {
        // The longest run of empty rows (the last of equals) loses one row.
        let mut best: Option<(usize, usize)> = None; // (run length, index of a row in it)
        let mut run = 0;
        for (i, &y) in rows.iter().enumerate() {
            run = if blank(y) { run + 1 } else { 0 };
            if run > 0 && best.is_none_or(|(len, _)| run >= len) {
                best = Some((run, i));
            }
        }
        let Some((len, i)) = best else {
            break;
        };
        let full = rows.iter().filter(|&&y| !blank(y)).count();
        if len == 1 && full > height {
            let first = rows.iter().position(|&y| !blank(y)).unwrap_or(0);
            let last = rows.iter().rposition(|&y| !blank(y)).unwrap_or(0);
            return rows[first..=last].to_vec();
        }
        rows.remove(i);
    }
    rows
}

/// How a slide of `slide`'s size goes on a `width`×`height` screen smaller in some way.
pub(crate) fn fit(slide: &Buffer, width: u16, height: u16) -> Fit {
    let (sw, sh) = (slide.area.width, slide.area.height);
    let body_h = height.saturating_sub(1);
    let rows = drop_empty(
        slide,
        (0..sh.saturating_sub(1)).collect(),
        usize::from(body_h),
    );
    let (from_x, to_x, shown) = if sw <= width {
        (0, (width - sw) / 2, sw)
    } else {
        // The columns that hold something; the margins go first.
        let (left, right) = span(slide);
        let span = right - left + 1;
        let from = if span <= width {
            left.saturating_sub((width - span) / 2).min(sw - width)
        } else {
            left
        };
        (from, 0, width)
    };
    Fit {
        rows,
        height: body_h,
        from_x,
        to_x,
        width: shown,
    }
}

/// Rows a follower can scroll within the current slide (0: it fits).
pub(crate) fn overflow(p: &Presenter) -> u16 {
    let (w, h) = (p.area.width, p.area.height);
    p.reference
        .map_or(0, |deck| fit(&shown(p, deck, (w, h)), w, h).max_scroll())
}

/// The presenter's deck (`p.reference`) drawn into `p.area`.
pub(crate) fn draw(buf: &mut Buffer, p: &Presenter) {
    if let Some(deck) = p.reference {
        draw_deck(buf, p, deck, p.area);
    }
}

/// The current slide of a deck laid out for `deck` drawn into `area` (a
/// follower's screen, or the preview of a deck of a size of its own), above
/// this area's own bottom row, scrolled by `p.scroll`.
pub(crate) fn draw_deck(buf: &mut Buffer, p: &Presenter, deck: (u16, u16), area: Rect) {
    let rh = deck.1;
    crate::screen::paint::fill(buf, area, p.theme.text);
    let slide = shown(p, deck, (area.width, area.height));
    let fit = fit(&slide, area.width, area.height);
    let scroll = p.scroll.min(fit.max_scroll());
    let shown = &fit.rows[usize::from(scroll)..];
    let top = (fit.height.saturating_sub(shown.len() as u16)) / 2;
    for (i, &sy) in shown.iter().take(usize::from(fit.height)).enumerate() {
        let y = area.y + top + i as u16;
        copy_row(&slide, fit.from_x, sy, fit.width, buf, area.x + fit.to_x, y);
    }
    // This screen's own bottom row: the classification, the progress, the same counter.
    let chrome = render(p, area.width, rh.max(MIN_HEIGHT));
    let last = chrome.area.bottom() - 1;
    copy_row(&chrome, 0, last, area.width, buf, area.x, area.bottom() - 1);
    // More above or below: arrows, narrow in every terminal.
    let wide = crate::layout::width::ambiguous_is_wide();
    let (up, down) = if wide { ("^", "v") } else { ("↑", "↓") };
    let (style, edge) = (p.theme.header, area.right() - 1);
    if scroll > 0 {
        crate::screen::paint::put(buf, edge, area.y, 1, up, style);
    }
    if scroll < fit.max_scroll() {
        let y = area.y + fit.height.saturating_sub(1);
        crate::screen::paint::put(buf, edge, y, 1, down, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn slide(rows: &[&str]) -> Buffer {
        let w = rows.iter().map(|r| str_width(r)).max().unwrap_or(1) as u16;
        let mut b = Buffer::empty(Rect::new(0, 0, w, rows.len() as u16));
        for (y, r) in rows.iter().enumerate() {
            b.set_string(0, y as u16, r, Style::default());
        }
        b
    }

    #[test]
    fn empty_rows_give_way_before_anything_scrolls() {
        let s = slide(&["", "标题", "", "", "一", "二", "", "三", "", "第 1/2 页"]);
        let f = fit(&s, 20, 6);
        assert_eq!(
            f.rows,
            [0, 1, 4, 5, 7],
            "the longest runs of empty rows go first"
        );
        assert_eq!(f.max_scroll(), 0);
        let f = fit(&s, 20, 4);
        assert_eq!(
            f.rows,
            [1, 2, 4, 5, 6, 7],
            "every line kept, one empty row between blocks, then scrolled"
        );
        assert_eq!(f.max_scroll(), 3);
    }

    #[test]
    fn margins_go_first_and_a_cut_wide_character_becomes_a_space() {
        let s = slide(&["      汉字汉字      ", "x"]);
        let f = fit(&s, 8, 3);
        assert_eq!((f.from_x, f.width), (6, 8));
        let mut dst = Buffer::empty(Rect::new(0, 0, 3, 1));
        copy_row(&s, 7, 0, 3, &mut dst, 0, 0);
        assert_eq!(dst[(0, 0)].symbol(), " ", "the tail of 汉");
        assert_eq!(dst[(1, 0)].symbol(), "字");
    }
}
