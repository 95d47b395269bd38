//! The pen: colours and attributes, and the shortest SGR sequence from one pen to another.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

impl Pen {
    pub(super) const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    pub(super) fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

const MODIFIERS: [(Modifier, u8, u8); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

fn color(c: Color, background: bool, out: &mut Vec<String>) {
    let base: u8 = if background { 40 } else { 30 };
    let bright: u8 = if background { 100 } else { 90 };
    let code = match c {
        Color::Reset => (base + 9).to_string(),
        Color::Black => base.to_string(),
        Color::Red => (base + 1).to_string(),
        Color::Green => (base + 2).to_string(),
        Color::Yellow => (base + 3).to_string(),
        Color::Blue => (base + 4).to_string(),
        Color::Magenta => (base + 5).to_string(),
        Color::Cyan => (base + 6).to_string(),
        Color::Gray => (base + 7).to_string(),
        Color::DarkGray => bright.to_string(),
        Color::LightRed => (bright + 1).to_string(),
        Color::LightGreen => (bright + 2).to_string(),
        Color::LightYellow => (bright + 3).to_string(),
        Color::LightBlue => (bright + 4).to_string(),
        Color::LightMagenta => (bright + 5).to_string(),
        Color::LightCyan => (bright + 6).to_string(),
        Color::White => (bright + 7).to_string(),
        Color::Indexed(i) if i < 8 => (base + i).to_string(),
        Color::Indexed(i) if i < 16 => (bright + i - 8).to_string(),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    };
    out.push(code);
}

/// The SGR sequence that turns `from` (unknown when `None`) into `to`; empty when equal.
pub(super) fn transition(from: Option<Pen>, to: Pen) -> String {
    if from == Some(to) {
        return String::new();
    }
    if to == Pen::DEFAULT {
        return "\x1b[m".into();
    }
    let mut params: Vec<String> = Vec::new();
    let start = match from {
        // Removing an attribute costs a parameter each; a reset and a fresh pen may be shorter.
        Some(f) if (f.modifier - to.modifier).is_empty() => f,
        _ => {
            params.push("0".into());
            Pen::DEFAULT
        }
    };
    for (m, on, _) in MODIFIERS {
        if to.modifier.contains(m) && !start.modifier.contains(m) {
            params.push(on.to_string());
        }
    }
    if to.fg != start.fg {
        color(to.fg, false, &mut params);
    }
    if to.bg != start.bg {
        color(to.bg, true, &mut params);
    }
    if params.first().is_some_and(|p| p == "0") && params.len() > 1 {
        // `ESC[0;1m` and `ESC[;1m` mean the same; the empty parameter is one byte shorter.
        params[0].clear();
    }
    format!("\x1b[{}m", params.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pen(fg: Color, modifier: Modifier) -> Pen {
        Pen {
            fg,
            bg: Color::Reset,
            modifier,
        }
    }

    #[test]
    fn equal_pens_need_nothing() {
        assert_eq!(transition(Some(Pen::DEFAULT), Pen::DEFAULT), "");
    }

    #[test]
    fn default_is_the_short_reset() {
        assert_eq!(
            transition(Some(pen(Color::Red, Modifier::BOLD)), Pen::DEFAULT),
            "\x1b[m"
        );
        assert_eq!(transition(None, Pen::DEFAULT), "\x1b[m");
    }

    #[test]
    fn additions_do_not_reset() {
        assert_eq!(
            transition(Some(Pen::DEFAULT), pen(Color::Indexed(80), Modifier::BOLD)),
            "\x1b[1;38;5;80m"
        );
        assert_eq!(
            transition(
                Some(pen(Color::Reset, Modifier::BOLD)),
                pen(Color::Indexed(3), Modifier::BOLD)
            ),
            "\x1b[33m"
        );
    }

    #[test]
    fn removals_reset_then_set() {
        assert_eq!(
            transition(
                Some(pen(Color::Reset, Modifier::BOLD)),
                pen(Color::Indexed(9), Modifier::empty())
            ),
            "\x1b[;91m"
        );
        assert_eq!(
            transition(None, pen(Color::Reset, Modifier::REVERSED)),
            "\x1b[;7m"
        );
    }
}
