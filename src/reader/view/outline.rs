//! The outline pane: the title, then every section (campaigns numbered) and
//! its items; the current place marked, the cursor shown when focused.

use crate::i18n::{subst, t as tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::layout::symbols::bullet;
use crate::reader::panes::Focus;
use crate::reader::state::App;
use crate::screen::paint::put;

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let t = &app.theme;
    let focused = app.focus == Focus::Outline;
    let header = if focused { t.header_focused } else { t.header };
    put(
        buf,
        area.x,
        area.y,
        area.width,
        &subst(tr("outline_header"), &[&app.briefing().title]),
        header,
    );
    let entries = app.outline();
    let current = app.current_entry();
    let mark = if focused { app.outline_cursor } else { current };
    let rows = usize::from(area.height.saturating_sub(1));
    let first = mark.saturating_sub(rows.saturating_sub(1));
    for (row, (i, e)) in entries
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let section = &app.briefing().sections[e.section];
        let label = match e.item {
            None => match app.briefing().campaign_number(e.section) {
                Some(n) => format!("{n} {}", section.title),
                None => section.title.to_string(),
            },
            Some(j) => format!("  {} {}", bullet(), section.items[j].title),
        };
        let mut style = if e.item.is_none() { t.title } else { t.text };
        if i == current {
            style = style.patch(t.item_title);
        }
        if i == mark && (focused || i == current) {
            style = style.patch(t.selected);
        }
        put(
            buf,
            area.x,
            area.y + 1 + row as u16,
            area.width,
            &format!(" {label}"),
            style,
        );
    }
}
