//! The keys of the number views while they are open: in the indicator
//! detail `j`/`k` scroll it, `←`/`→` move the chart's cursor, and `}`/`{`
//! or `Tab` go to the next or previous indicator; in the comparison table
//! `j`/`k` and the page keys scroll it.

use super::panes::Focus;
use super::state::{App, Numbers};
use super::view::{compare, detail};
use crate::screen::action::Command;
use crate::screen::overlay::boxed;

/// Take `c` if an open number view has a use for it; else hand it on, as it
/// is or as the command it stands for here.
pub(super) fn command(app: &mut App, c: Command) -> Option<Command> {
    if app.compare {
        return compare_command(app, c);
    }
    if app.detail && app.focus == Focus::Indicators {
        return detail_command(app, c);
    }
    Some(c)
}

fn compare_command(app: &mut App, c: Command) -> Option<Command> {
    let page = compare::page(app);
    let rows = compare::row_count(app);
    let at = app.numbers.compare_scroll as isize;
    let to = match c {
        Command::Down => at + 1,
        Command::Up => at - 1,
        Command::PageDown => at + page as isize,
        Command::PageUp => at - page as isize,
        _ => return Some(c),
    };
    let last = rows.saturating_sub(page.max(1)) as isize;
    app.numbers.compare_scroll = to.clamp(0, last.max(0)) as usize;
    None
}

fn detail_command(app: &mut App, c: Command) -> Option<Command> {
    let (total, height) = detail_size(app);
    let at = app.numbers.detail_scroll as isize;
    let scroll_to = |to: isize| to.clamp(0, total.saturating_sub(height) as isize) as usize;
    match c {
        Command::Down => app.numbers.detail_scroll = scroll_to(at + 1),
        Command::Up => app.numbers.detail_scroll = scroll_to(at - 1),
        Command::PageDown => app.numbers.detail_scroll = scroll_to(at + height as isize),
        Command::PageUp => app.numbers.detail_scroll = scroll_to(at - height as isize),
        Command::NextPoint | Command::PrevPoint => move_cursor(app, c == Command::NextPoint),
        // The next or previous indicator: the list's own step (and its cite).
        Command::NextItem | Command::FocusNext => {
            app.numbers = Numbers::default();
            return Some(Command::Down);
        }
        Command::PrevItem | Command::FocusPrev => {
            app.numbers = Numbers::default();
            return Some(Command::Up);
        }
        Command::Close | Command::Select => {
            app.numbers = Numbers::default();
            return Some(c);
        }
        _ => return Some(c),
    }
    None
}

/// The number of rows of the open detail, and the rows its box shows.
fn detail_size(app: &App) -> (usize, usize) {
    let Some((rect, rows)) = detail::shown(app).and_then(|ind| detail::detail_box(app, ind)) else {
        return (0, 0);
    };
    (rows.len(), usize::from(boxed::inner(rect).height).max(1))
}

fn move_cursor(app: &mut App, forward: bool) {
    let list = app.indicators();
    let Some(s) = list
        .get(app.indicator)
        .and_then(|(_, ind)| detail::series_for(app, ind))
    else {
        return;
    };
    let at = detail::cursor(app, &s);
    let last = s.points.len().saturating_sub(1);
    app.numbers.point = Some(if forward {
        (at + 1).min(last)
    } else {
        at.saturating_sub(1)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::update::update;
    use crate::screen::action::Action;
    use crate::screen::theme::Theme;
    use ratatui::layout::Rect;

    fn two_years(width: u16, height: u16) -> App {
        let group = ["2023", "2024"]
            .iter()
            .map(|y| {
                let path = format!("tests/fixtures/two-years/{y}.toml");
                crate::load::load(std::path::Path::new(&path))
                    .unwrap_or_else(|r| panic!("{r:?}"))
                    .briefing
            })
            .collect();
        App::with_periods(group, Rect::new(0, 0, width, height), Theme::dark()).unwrap()
    }

    fn press(app: &mut App, commands: &[Command]) {
        for c in commands {
            update(app, Action::Command(*c));
        }
    }

    /// The detail of the first indicator, open with the focus on it.
    fn open_detail(width: u16, height: u16) -> App {
        let mut app = two_years(width, height);
        app.focus = Focus::Indicators;
        press(&mut app, &[Command::Select]);
        assert!(app.detail);
        app
    }

    #[test]
    fn j_and_k_scroll_the_detail_and_keep_the_indicator() {
        let mut app = open_detail(40, 15);
        press(&mut app, &[Command::Down, Command::Down]);
        assert_eq!((app.indicator, app.numbers.detail_scroll), (0, 2));
        press(&mut app, &[Command::Up]);
        assert_eq!(app.numbers.detail_scroll, 1);
        // Far past the end: it stops where the last row is at the bottom.
        press(&mut app, &[Command::Down; 200]);
        let (total, height) = detail_size(&app);
        assert_eq!(app.numbers.detail_scroll, total - height);
        press(&mut app, &[Command::Up]);
        assert_eq!(app.numbers.detail_scroll, total - height - 1);
    }

    #[test]
    fn next_item_and_tab_go_to_the_next_indicator_from_the_top() {
        let mut app = open_detail(80, 24);
        press(&mut app, &[Command::Down, Command::NextItem]);
        assert_eq!((app.indicator, app.numbers.detail_scroll), (1, 0));
        press(&mut app, &[Command::FocusNext]);
        assert_eq!(app.indicator, 2);
        press(&mut app, &[Command::PrevItem, Command::FocusPrev]);
        assert_eq!(app.indicator, 0);
        assert!(app.detail && app.focus == Focus::Indicators);
    }

    #[test]
    fn left_and_right_move_the_cursor_within_the_series() {
        let mut app = open_detail(80, 24);
        // 2021 … 2024: the cursor starts on the latest.
        press(&mut app, &[Command::PrevPoint]);
        assert_eq!(app.numbers.point, Some(2));
        press(&mut app, &[Command::PrevPoint; 9]);
        assert_eq!(app.numbers.point, Some(0));
        press(&mut app, &[Command::NextPoint; 9]);
        assert_eq!(app.numbers.point, Some(3));
    }

    #[test]
    fn the_comparison_table_scrolls_only_as_far_as_it_goes() {
        let mut app = two_years(80, 12);
        press(&mut app, &[Command::Compare, Command::Down]);
        let rows = compare::row_count(&app);
        let page = compare::page(&app);
        assert!(rows > page, "{rows} rows, {page} a page");
        assert_eq!(app.numbers.compare_scroll, 1);
        press(&mut app, &[Command::Down; 20]);
        assert_eq!(app.numbers.compare_scroll, rows - page);
        press(&mut app, &[Command::PageUp; 3]);
        assert_eq!(app.numbers.compare_scroll, 0);
        assert_eq!(app.scroll, 0, "the text did not move");
    }

    /// The screen as text, one line a row.
    fn shot(app: &App) -> String {
        let (w, h) = (app.area.width, app.area.height);
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        term.draw(|f| crate::reader::view::draw(f, app)).unwrap();
        let buf = term.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..h {
            let mut skip = 0;
            for x in 0..w {
                let symbol = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = crate::layout::width::str_width(symbol).saturating_sub(1);
                out.push_str(symbol);
            }
            out.push('\n');
        }
        out
    }

    /// The chart of one indicator is the same from either year.
    #[test]
    fn the_detail_chart_is_the_same_from_either_year() {
        let chart = |app: &App| -> Vec<String> {
            let (_, ind) = app.indicators()[0];
            detail::rows(app, ind, 60)
                .iter()
                .map(|row| row.iter().map(|(s, _)| s.as_str()).collect())
                .collect()
        };
        let mut app = open_detail(80, 24);
        let late = chart(&app);
        app.switch_period(0);
        assert_eq!(app.briefing().period.to_string(), "2023");
        let early = chart(&app);
        let bars = |rows: &[String]| -> Vec<String> {
            rows.iter().filter(|r| r.contains('⣿')).cloned().collect()
        };
        assert_eq!(bars(&late).len(), 4, "{late:?}");
        assert_eq!(bars(&late), bars(&early));
    }

    #[test]
    fn snapshots_of_the_detail_and_the_table_at_80x24_and_40x15() {
        for (w, h) in [(80, 24), (40, 15)] {
            let mut app = open_detail(w, h);
            press(
                &mut app,
                &[Command::Down, Command::Down, Command::PrevPoint],
            );
            insta::assert_snapshot!(format!("two_years_detail_{w}x{h}"), shot(&app));
            let mut app = two_years(w, h);
            press(&mut app, &[Command::Compare]);
            insta::assert_snapshot!(format!("two_years_compare_{w}x{h}"), shot(&app));
        }
    }
}
