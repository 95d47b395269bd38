//! The heading block of a slide: the heading, the subheading (upright:
//! slanted 汉字 read badly), the blank row below them.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

use super::metrics::Head;
use crate::model::is_cjk;
use crate::screen::paint::put;
use crate::screen::theme::Theme;

/// The heading block at `at`, `width` wide; returns the first row below it.
pub(crate) fn heading(buf: &mut Buffer, at: (u16, u16), width: u16, t: &Theme, head: &Head) -> u16 {
    let (x, mut y) = at;
    for line in &head.heading {
        put(buf, x, y, width, line, t.title);
        y += 1;
    }
    for line in &head.subheading {
        put(buf, x, y, width, line, upright(t.subtitle, line));
        y += 1;
    }
    y + 1
}

/// `style` without italics when `text` has Chinese in it: slanted 汉字 read badly.
pub(crate) fn upright(style: Style, text: &str) -> Style {
    if text.chars().any(is_cjk) {
        style.remove_modifier(Modifier::ITALIC)
    } else {
        style
    }
}
