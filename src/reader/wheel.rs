//! The mouse wheel: it scrolls what is under the pointer (an open box, else
//! the pane), the way the keys would, without moving the focus.

use ratatui::layout::{Position, Rect};

use super::panes::panes;
use super::state::App;
use super::update::scroll_text;

/// Lines a notch of the wheel scrolls the text.
pub(super) const NOTCH: isize = 3;

/// A notch of the wheel at (`column`, `row`): `down` or up.
pub(super) fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    app.message = None;
    let at = Position::new(column, row);
    let sign = if down { 1 } else { -1 };
    if let Some(scroll) = app.help {
        // The help covers the screen's middle: the wheel scrolls it anywhere.
        app.help = Some(step(scroll, sign * NOTCH));
    } else if app.compare {
        let last = super::view::compare::row_count(app).saturating_sub(1);
        app.numbers.compare_scroll = step(app.numbers.compare_scroll, sign).min(last);
    } else {
        let p = panes(app.area, app.focus, app.fill());
        let over = |r: Option<Rect>| r.is_some_and(|r| r.contains(at));
        if over(p.text) {
            scroll_text(app, sign * NOTCH);
        } else if over(p.outline) {
            let last = app.outline().len().saturating_sub(1);
            app.outline_cursor = step(app.outline_cursor, sign).min(last);
        } else if over(p.indicators) {
            let last = app.indicators().len().saturating_sub(1);
            app.indicator = step(app.indicator, sign).min(last);
        }
    }
    app.sync();
}

fn step(at: usize, by: isize) -> usize {
    at.saturating_add_signed(by)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Briefing;
    use crate::screen::theme::Theme;

    fn app(w: u16, h: u16) -> App {
        let text = std::fs::read_to_string("briefings/2023.toml").unwrap();
        let (b, _) = crate::load::check_text("2023.toml", text);
        let b: Briefing = b.unwrap();
        App::new(b, Rect::new(0, 0, w, h), Theme::dark())
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_the_pointer() {
        let mut a = app(120, 40);
        a.section = 2;
        a.sync();
        let text = panes(a.area, a.focus, a.fill()).text.unwrap();
        wheel(&mut a, text.x + 2, text.y + 2, true);
        assert_eq!(a.scroll, NOTCH as usize);
        wheel(&mut a, text.x + 2, text.y + 2, false);
        assert_eq!(a.scroll, 0);
        let ind = panes(a.area, a.focus, a.fill()).indicators.unwrap();
        wheel(&mut a, ind.x + 2, ind.y + 2, true);
        assert_eq!(
            (a.indicator, a.scroll),
            (1, 0),
            "the indicators, not the text"
        );
    }

    #[test]
    fn the_wheel_scrolls_an_open_box() {
        let mut a = app(80, 24);
        a.help = Some(0);
        wheel(&mut a, 0, 0, true);
        assert!(a.help > Some(0), "{:?}", a.help);
    }
}
