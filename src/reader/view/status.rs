//! The status line (title, period, classification, place, hints or the
//! search prompt) and the tab bar of sections.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::i18n::{subst, t as tr};
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
        None => section.title.to_string(),
    }
}

/// Where the reader is in the section and in the briefing: `第 2/5 节 · 38%`
/// (the share of the section read down to the bottom of the text pane).
pub(crate) fn position(app: &App) -> String {
    let lines = app.doc.lines.len();
    let seen = (app.scroll + app.page()).min(lines);
    let percent = (seen * 100).checked_div(lines).unwrap_or(100);
    subst(
        tr("position"),
        &[
            &(app.section + 1).to_string(),
            &app.briefing().sections.len().to_string(),
            &percent.to_string(),
        ],
    )
}

/// One piece of the status line; the lower its rank, the longer it stays.
struct Piece {
    text: String,
    style: Style,
    rank: u8,
    right: bool,
}

impl Piece {
    fn new(text: String, style: Style, rank: u8, right: bool) -> Piece {
        Piece {
            text,
            style,
            rank,
            right,
        }
    }
}

/// Every piece that could be on the line, in display order: on the left the
/// title, the place, the position, the periods and the classification; on
/// the right a message, else the hints (`?` and `q` ranked over the others).
fn pieces(app: &App) -> Vec<Piece> {
    let t = &app.theme;
    let mut out = vec![
        Piece::new(app.briefing().title.clone(), t.status, 9, false),
        Piece::new(place(app), t.status.patch(t.title), 2, false),
        Piece::new(position(app), t.status, 1, false),
    ];
    if app.periods.len() > 1 {
        // Every period, the current one marked.
        let mut periods = String::new();
        for (i, b) in app.all_periods().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            let label = if i == app.period {
                format!("{sep}[{}]", b.period)
            } else {
                format!("{sep}{}", b.period)
            };
            periods.push_str(&label);
        }
        out.push(Piece::new(periods, t.status, 5, false));
    } else {
        out.push(Piece::new(
            app.briefing().period.to_string(),
            t.status,
            5,
            false,
        ));
    }
    if let Some(c) = &app.briefing().classification {
        out.push(Piece::new(format!(" {c} "), t.classification, 4, false));
    }
    match &app.message {
        Some(m) => out.push(Piece::new(m.clone(), t.status.patch(t.title), 0, true)),
        None => {
            let hints = app.keymap.hints(READER);
            let last = hints.len().saturating_sub(1);
            for (i, (k, h)) in hints.iter().enumerate() {
                // The table ends with help and quit: they outrank the rest.
                let rank = if i + 1 >= last { 3 } else { 6 };
                out.push(Piece::new(
                    format!("{k} {h}"),
                    t.status.patch(t.dim),
                    rank,
                    true,
                ));
            }
        }
    }
    out
}

/// The columns `pieces` take on the line: a margin each side, ` │ ` between
/// pieces on the left, two spaces between hints, two between the halves.
fn line_width<'a>(pieces: impl Iterator<Item = &'a Piece>) -> usize {
    let (mut left, mut right, mut nl, mut nr) = (0, 0, 0, 0);
    for p in pieces {
        if p.right {
            right += str_width(&p.text);
            nr += 1;
        } else {
            left += str_width(&p.text);
            nl += 1;
        }
    }
    let gaps = 3 * nl.max(1) - 3 + 2 * nr.max(1) - 2 + 2 * usize::from(nl > 0 && nr > 0);
    2 + left + right + gaps
}

/// The pieces that fit in `width` columns, whole, by rank (the message, the
/// position, the place, `?` and `q`, the classification, the periods, the
/// other hints, the title); the place, when it
/// does not fit whole, cut to the room left.
fn choose(mut all: Vec<Piece>, width: usize) -> Vec<Piece> {
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all[i].rank);
    let mut keep = vec![false; all.len()];
    let kept = |keep: &[bool], all: &[Piece]| {
        line_width(all.iter().zip(keep).filter(|(_, k)| **k).map(|(p, _)| p))
    };
    let mut place = None;
    for i in order {
        keep[i] = true;
        if kept(&keep, &all) > width {
            keep[i] = false;
            if all[i].rank == 2 {
                place = Some(i);
            }
        }
    }
    if let Some(i) = place {
        keep[i] = true;
        let full = str_width(&all[i].text);
        let over = kept(&keep, &all).saturating_sub(width);
        if full >= over + 4 {
            all[i].text = truncate(&all[i].text, full - over);
        } else {
            keep[i] = false;
        }
    }
    all.into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
}

pub(crate) fn render(app: &App, area: Rect, frame: &mut Frame) {
    if app.search.prompt.is_some() {
        prompt(app, area, frame);
        return;
    }
    let t = &app.theme;
    let buf = frame.buffer_mut();
    fill(buf, area, t.status);
    let shown = choose(pieces(app), usize::from(area.width));
    let sep = format!(" {} ", vline());
    let mut left: Vec<(String, Style)> = Vec::new();
    let mut right: Vec<(String, Style)> = Vec::new();
    for p in shown {
        let side = if p.right { &mut right } else { &mut left };
        if !side.is_empty() {
            let gap = if p.right {
                "  ".to_string()
            } else {
                sep.clone()
            };
            side.push((gap, t.status));
        }
        side.push((p.text, p.style));
    }
    put_spans(buf, area.x + 1, area.y, area.width.saturating_sub(1), &left);
    let rw: usize = right.iter().map(|(s, _)| str_width(s)).sum();
    let rw = rw as u16;
    if rw > 0 && rw + 1 < area.width {
        put_spans(buf, area.right() - rw - 1, area.y, rw, &right);
    }
}

/// The search prompt, the real cursor at its end; a message (a paste cut
/// short) at the right when it fits.
fn prompt(app: &App, area: Rect, frame: &mut Frame) {
    let t = &app.theme;
    let buf = frame.buffer_mut();
    fill(buf, area, t.status);
    let text = format!("/{}", app.search.prompt.as_deref().unwrap_or_default());
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
            None => s.title.to_string(),
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
