//! The status line (title, period, classification, place, hints or the
//! search prompt) and the tab bar of sections.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::layout::symbols::vline;
use crate::layout::{truncate, width::str_width};
use crate::reader::state::App;
use crate::screen::paint::{fill, put, put_spans};
use crate::screen::tables::READER;

/// Where the reader is: `2/3 “四大创新”`, or the section's title.
pub(crate) fn place(app: &App) -> String {
    let Some(section) = app.briefing().sections.get(app.section) else {
        return String::new();
    };
    match app.briefing().campaign_number(app.section) {
        Some(n) => format!("{n}/{} {}", app.campaign_count, section.title),
        None => section.title.clone(),
    }
}

pub(crate) fn render(app: &App, area: Rect, frame: &mut Frame) {
    let t = &app.theme;
    let buf = frame.buffer_mut();
    fill(buf, area, t.status);
    if let Some(prompt) = &app.search.prompt {
        let text = format!("/{prompt}");
        // A message (a paste cut short) goes at the right, when it fits.
        let note = app
            .message
            .as_ref()
            .map(|m| format!("  {m}"))
            .filter(|m| usize::from(area.width) >= str_width(m) + 8);
        let note_w = note.as_ref().map_or(0, |m| str_width(m) as u16);
        let prompt_w = area.width - note_w;
        if let Some(m) = &note {
            put(
                buf,
                area.x + prompt_w,
                area.y,
                note_w,
                m,
                t.status.patch(t.title),
            );
        }
        let used = put(buf, area.x, area.y, prompt_w, &text, t.status);
        // The real cursor sits at the end of the query, so input methods compose there.
        frame.set_cursor_position(Position::new(
            (area.x + used).min(area.right().saturating_sub(1)),
            area.y,
        ));
        return;
    }
    let sep = format!(" {} ", vline());
    let right: String = match &app.message {
        Some(m) => m.clone(),
        None => app
            .keymap
            .hints(READER)
            .iter()
            .map(|(k, h)| format!("{k} {h}"))
            .collect::<Vec<_>>()
            .join("  "),
    };
    let mut left: Vec<(String, Style)> = vec![
        (place(app), t.status.patch(t.title)),
        (sep.clone(), t.status),
    ];
    // The period; with several loaded, every period, the current one marked.
    if app.periods.len() > 1 {
        for (i, b) in app.all_periods().enumerate() {
            let style = if i == app.period {
                t.status.patch(t.tab_current)
            } else {
                t.status
            };
            let label = if i == app.period {
                format!("[{}]", b.period)
            } else {
                format!(" {} ", b.period)
            };
            left.push((label, style));
        }
    } else {
        left.push((app.briefing().period.to_string(), t.status));
    }
    if let Some(c) = &app.briefing().classification {
        left.push((sep.clone(), t.status));
        left.push((format!(" {c} "), t.classification));
    }
    let fixed: usize = left.iter().map(|(s, _)| str_width(s)).sum::<usize>() + str_width(&sep);
    // One column of margin each side and two between the halves.
    let room = usize::from(area.width).saturating_sub(fixed + 4);
    // The title first (at least a recognisable start of it), then the hints.
    let title_w = str_width(&app.briefing().title);
    let title_room = title_w.min(room.saturating_sub(str_width(&right)).max(room.min(12)));
    let right = truncate(&right, room.saturating_sub(title_room));
    if title_room >= 3 {
        left.insert(0, (sep, t.status));
        left.insert(0, (truncate(&app.briefing().title, title_room), t.status));
    }
    let buf = frame.buffer_mut();
    put_spans(buf, area.x + 1, area.y, area.width.saturating_sub(1), &left);
    let rw = str_width(&right) as u16;
    if rw > 0 && rw + 1 < area.width {
        put(
            buf,
            area.right() - rw - 1,
            area.y,
            rw,
            &right,
            t.status.patch(t.dim),
        );
    }
}

/// The tab bar: every section, the current one marked; scrolled so it is visible.
pub(crate) fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // Only the tabs that can be on screen: a window around the current one.
    let window = app.section.saturating_sub(usize::from(area.width) / 4)
        ..(app.section + usize::from(area.width) / 2).min(app.briefing().sections.len());
    let offset = window.start;
    let labels: Vec<String> = app.briefing().sections[window]
        .iter()
        .enumerate()
        .map(|(i, s)| (i + offset, s))
        .map(|(_, s)| match s.number {
            Some(n) => format!("{n} {}", s.title),
            None => s.title.clone(),
        })
        .collect();
    let current = app.section - offset;
    let width = usize::from(area.width);
    let n = labels.len().max(1);
    let total: usize = labels.iter().map(|l| str_width(l) + 2).sum();
    let cap = if total <= width {
        usize::MAX
    } else {
        (width / n).saturating_sub(2).max(6)
    };
    let shown: Vec<String> = labels
        .iter()
        .map(|l| format!(" {} ", truncate(l, cap)))
        .collect();
    // Start far enough right that the current tab ends on screen.
    let mut start = 0;
    if shown.is_empty() {
        return;
    }
    let end_of_current: usize = shown[..=current.min(shown.len() - 1)]
        .iter()
        .map(|s| str_width(s))
        .sum();
    while start < current
        && end_of_current - shown[..start].iter().map(|s| str_width(s)).sum::<usize>() > width
    {
        start += 1;
    }
    let mut x = area.x;
    for (i, label) in shown.iter().enumerate().skip(start) {
        if x >= area.right() {
            break;
        }
        let style = if i == current { t.tab_current } else { t.tab };
        x += put(buf, x, area.y, area.right() - x, label, style);
    }
}
