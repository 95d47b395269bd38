//! The one function that turns actions into changes of the reader's state.

use crate::i18n::{subst, t as tr};

use super::doc::paragraphs;
use super::panes::{Arrangement, Focus, arrangement, focusable};
use super::state::{App, Exit, Match};
use super::view::compare;
use crate::model::find::find_all;
use crate::sanitize::visible;
use crate::screen::action::{Action, Command};

pub(crate) fn update(app: &mut App, action: Action) {
    app.message = None;
    match action {
        Action::Command(c) => command(app, c),
        Action::Input(c) => {
            if let Some(p) = &mut app.search.prompt {
                p.push_str(&visible(&c.to_string()));
            }
        }
        Action::Paste(text) => {
            if crate::screen::input::take_paste_cut() {
                app.message = Some(subst(
                    tr("paste_cut"),
                    &[&(crate::screen::keyparse::PASTE_MAX / 1024).to_string()],
                ));
            }
            if let Some(p) = &mut app.search.prompt {
                // A query is one line: the paste's line breaks become spaces.
                let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
                p.push_str(&visible(&line));
            }
        }
        Action::Backspace => {
            if let Some(p) = &mut app.search.prompt {
                p.pop();
            }
        }
        Action::Cancel => app.search.prompt = None,
        Action::Submit => {
            if let Some(query) = app.search.prompt.take() {
                search(app, query);
            }
        }
    }
    app.sync();
}

fn command(app: &mut App, c: Command) {
    if let Some(scroll) = app.help {
        help_command(app, scroll, c);
        return;
    }
    // The detail and the comparison table take their own keys first.
    let Some(c) = super::numbers::command(app, c) else {
        return;
    };
    if app.compare && compare_command(app, c) {
        return;
    }
    match c {
        Command::Quit => app.exit = Some(Exit::Quit),
        Command::Present => app.exit = Some(Exit::Present(app.section)),
        Command::Help => app.help = Some(0),
        Command::PrevPeriod => step_period(app, false),
        Command::NextPeriod => step_period(app, true),
        Command::Compare => open_compare(app),
        Command::Close => close(app),
        Command::FocusNext | Command::FocusPrev => cycle_focus(app, c == Command::FocusNext),
        Command::Select => select(app),
        Command::Search => app.search.prompt = Some(String::new()),
        Command::NextMatch => step_match(app, true),
        Command::PrevMatch => step_match(app, false),
        // The slides' commands have no keys in the reader.
        Command::Next
        | Command::Prev
        | Command::First
        | Command::Last
        | Command::Blank
        | Command::Follow => {}
        moving => move_command(app, moving),
    }
}

/// The help overlay takes the scrolling keys while it is open.
fn help_command(app: &mut App, scroll: usize, c: Command) {
    match c {
        Command::Down => app.help = Some(scroll + 1),
        Command::Up => app.help = Some(scroll.saturating_sub(1)),
        // Clamped to the box in `sync`.
        Command::PageDown => app.help = Some(scroll + usize::from(app.area.height / 2).max(1)),
        Command::PageUp => app.help = Some(scroll.saturating_sub(usize::from(app.area.height / 2))),
        Command::Top => app.help = Some(0),
        Command::Bottom => app.help = Some(usize::MAX / 2),
        Command::Close | Command::Help => app.help = None,
        Command::Quit => app.exit = Some(Exit::Quit),
        _ => {}
    }
}

/// The comparison box takes the scrolling keys while it is open; whether it took `c`.
fn compare_command(app: &mut App, c: Command) -> bool {
    // The scrolling keys are `reader::numbers`'s; these are the rest.
    match c {
        Command::Top => app.numbers.compare_scroll = 0,
        Command::Bottom => app.numbers.compare_scroll = compare::row_count(app),
        Command::Close | Command::Compare => app.compare = false,
        _ => return false,
    }
    true
}

/// Open the comparison; below 80 columns the view turns to the text under it.
fn open_compare(app: &mut App) {
    app.compare = true;
    app.numbers.compare_scroll = 0;
    if arrangement(app.area) == Arrangement::Narrow {
        app.focus = Focus::Text;
    }
}

/// The previous or next period, or why there is none.
fn step_period(app: &mut App, forward: bool) {
    let to = if forward {
        Some(app.period + 1).filter(|&p| p < app.periods.len())
    } else {
        app.period.checked_sub(1)
    };
    match to {
        Some(to) => app.switch_period(to),
        None if app.periods.len() > 1 => {
            app.message = Some(tr(if forward { "latest" } else { "earliest" }).into())
        }
        None => app.message = Some(tr("one_period").into()),
    }
}

/// Esc: close the comparison, else the detail, else forget the matches.
fn close(app: &mut App) {
    if app.compare {
        app.compare = false;
    } else if app.detail {
        app.detail = false;
    } else {
        app.search.matches.clear();
        app.search.current = None;
    }
}

fn cycle_focus(app: &mut App, forward: bool) {
    let order = focusable(arrangement(app.area));
    let at = order.iter().position(|f| *f == app.focus).unwrap_or(0);
    let next = if forward {
        (at + 1) % order.len()
    } else {
        (at + order.len() - 1) % order.len()
    };
    app.focus = order[next];
    if app.focus == Focus::Outline {
        app.outline_cursor = app.current_entry();
    }
}

/// The commands that move: by lines and pages, by sections and items.
fn move_command(app: &mut App, c: Command) {
    match c {
        Command::Down => move_by(app, 1),
        Command::Up => move_by(app, -1),
        Command::PageDown => move_by(app, app.page() as isize),
        Command::PageUp => move_by(app, -(app.page() as isize)),
        Command::Top => move_by(app, isize::MIN / 2),
        Command::Bottom => move_by(app, isize::MAX / 2),
        Command::Campaign(n) => match app.briefing().campaign_index(usize::from(n)) {
            Some(i) => go_to(app, i),
            None => app.message = Some(subst(tr("no_campaign"), &[&n.to_string()])),
        },
        Command::NextSection if app.section + 1 < app.briefing().sections.len() => {
            go_to(app, app.section + 1);
        }
        Command::PrevSection if app.scroll > 0 => app.set_scroll(0),
        Command::PrevSection if app.section > 0 => go_to(app, app.section - 1),
        Command::NextItem => next_item(app),
        Command::PrevItem => prev_item(app),
        _ => {}
    }
}

/// Move within the focused pane: scroll the text, or move a cursor.
fn move_by(app: &mut App, delta: isize) {
    let apply = |at: usize, len: usize| -> usize {
        let to = at as isize + delta;
        to.clamp(0, len.saturating_sub(1) as isize) as usize
    };
    match app.focus {
        Focus::Text => scroll_text(app, delta),
        Focus::Outline => app.outline_cursor = apply(app.outline_cursor, app.outline().len()),
        Focus::Indicators => {
            app.indicator = apply(app.indicator, app.indicators().len());
            if app.detail {
                scroll_to_cite(app);
            }
        }
    }
}

/// Scroll the text by `delta` lines; past the end of a section into the
/// next one (and before its top into the previous one), as in `less`.
pub(super) fn scroll_text(app: &mut App, delta: isize) {
    let before = app.scroll;
    let to = (before as isize).saturating_add(delta);
    app.set_scroll(to.clamp(0, app.max_scroll() as isize) as usize);
    if app.scroll != before {
        // Scrolling by hand makes the item at the top the current one.
        app.item = app.doc.item_at(app.scroll);
        return;
    }
    // Only a step of a line or a page reads on; `g`/`G` stay in the section.
    let step = delta.unsigned_abs() <= app.page();
    let sections = app.briefing().sections.len();
    if delta > 0 && step {
        if app.section + 1 < sections {
            go_to(app, app.section + 1);
        } else {
            app.message = Some(tr("end_of_briefing").into());
        }
    } else if delta < 0 && step {
        if app.section > 0 {
            go_to(app, app.section - 1);
            app.set_scroll(app.max_scroll());
            app.item = app.doc.item_at(app.scroll);
        } else {
            app.message = Some(tr("start_of_briefing").into());
        }
    }
}

fn go_to(app: &mut App, section: usize) {
    if app.section != section {
        app.section = section;
        app.indicator = 0;
        app.detail = false;
    }
    app.set_scroll(0);
    app.item = None;
    app.sync();
}

/// Make item `item` of the current section current, its heading at the top when it can be.
fn go_to_item(app: &mut App, item: Option<usize>) {
    app.item = item;
    let line = item.and_then(|j| app.doc.item_line(j)).unwrap_or(0);
    app.set_scroll(line.min(app.max_scroll()));
}

fn next_item(app: &mut App) {
    let items = app.briefing().sections[app.section].items.len();
    let next = app.item.map_or(0, |j| j + 1);
    if next < items {
        go_to_item(app, Some(next));
    } else if app.section + 1 < app.briefing().sections.len() {
        go_to(app, app.section + 1);
        let first = (!app.briefing().sections[app.section].items.is_empty()).then_some(0);
        go_to_item(app, first);
    }
}

fn prev_item(app: &mut App) {
    match app.item {
        Some(j) if j > 0 => go_to_item(app, Some(j - 1)),
        Some(_) => go_to_item(app, None),
        None if app.scroll > 0 => app.set_scroll(0),
        None if app.section > 0 => {
            go_to(app, app.section - 1);
            let last = app.briefing().sections[app.section]
                .items
                .len()
                .checked_sub(1);
            go_to_item(app, last);
        }
        None => {}
    }
}

fn select(app: &mut App) {
    match app.focus {
        Focus::Outline => {
            let Some(entry) = app.outline().get(app.outline_cursor).copied() else {
                return;
            };
            go_to(app, entry.section);
            go_to_item(app, entry.item);
            app.focus = Focus::Text;
        }
        Focus::Indicators => {
            if !app.indicators().is_empty() {
                app.detail = !app.detail;
                scroll_to_cite(app);
            }
        }
        Focus::Text => {}
    }
}

/// Bring the selected indicator's cited sentence into view.
fn scroll_to_cite(app: &mut App) {
    if let Some((para, range)) = app.cite_range()
        && let Some(line) = app.doc.line_of(para, range.start)
    {
        reveal(app, line);
    }
}

/// Scroll so that `line` is on screen, a third of the way down when it was not.
fn reveal(app: &mut App, line: usize) {
    let page = app.page();
    if line < app.scroll || line >= app.scroll + page {
        app.set_scroll(line.saturating_sub(page / 3).min(app.max_scroll()));
    }
}

fn search(app: &mut App, query: String) {
    app.search.matches.clear();
    app.search.current = None;
    app.search.query = query.clone();
    if query.is_empty() {
        return;
    }
    let b = &app.periods[app.period];
    let mut matches = Vec::new();
    for s in 0..b.sections.len() {
        for (p, line) in paragraphs(b, s).iter().enumerate() {
            matches.extend(find_all(&line.text, &query).into_iter().map(|range| Match {
                section: s,
                para: p,
                range,
            }));
        }
    }
    app.search.matches = matches;
    if app.search.matches.is_empty() {
        app.message = Some(subst(tr("not_found"), &[&query]));
        return;
    }
    // The first match at or after the top of the text pane.
    let here = (app.section, app.scroll);
    let first = app.search.matches.iter().position(|m| {
        m.section > here.0
            || (m.section == here.0
                && app.doc.line_of(m.para, m.range.start).unwrap_or(0) >= here.1)
    });
    show_match(app, first.unwrap_or(0));
}

fn step_match(app: &mut App, forward: bool) {
    let n = app.search.matches.len();
    if n == 0 {
        if !app.search.query.is_empty() {
            app.message = Some(subst(tr("not_found"), &[&app.search.query]));
        }
        return;
    }
    let next = match (app.search.current, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    show_match(app, next);
}

fn show_match(app: &mut App, index: usize) {
    let m = app.search.matches[index].clone();
    app.search.current = Some(index);
    if app.section != m.section {
        go_to(app, m.section);
    }
    app.focus = Focus::Text;
    if let Some(line) = app.doc.line_of(m.para, m.range.start) {
        reveal(app, line);
    }
    app.message = Some(format!(
        "{}/{} {}",
        index + 1,
        app.search.matches.len(),
        app.search.query
    ));
}
