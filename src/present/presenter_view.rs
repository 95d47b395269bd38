//! The presenter's view: the current slide (smaller), the next slide's
//! heading and first lines, the speaker notes, and a clock row. Only the
//! presenter sees this; the notes never reach an audience's screen.

use crate::i18n::{subst, t as tr};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::clock::{Clock, Pace, format_duration};
use super::follower_view::{copy_row, draw_deck, render};
use super::metrics::{PRESENTER_MIN_HEIGHT, PRESENTER_MIN_WIDTH, preview_size};
use super::slides::Body;
use super::state::Presenter;
use super::view::counter;
use crate::layout::symbols::vline;
use crate::layout::width::str_width;
use crate::layout::{ellipsis, truncate, wrap_lines};
use crate::render::Role;
use crate::screen::overlay::{error_panel, too_small_for};
use crate::screen::paint::{fill, put, put_spans};

pub(crate) fn draw(frame: &mut Frame, p: &Presenter) {
    // The area the state was laid out for (the frame is the same size).
    let area = p.area;
    if area.width < PRESENTER_MIN_WIDTH || area.height < PRESENTER_MIN_HEIGHT {
        too_small_for(frame, area, PRESENTER_MIN_WIDTH, PRESENTER_MIN_HEIGHT);
        return;
    }
    let t = &p.theme;
    let buf = frame.buffer_mut();
    fill(buf, area, t.text);
    let (pw, ph) = preview_size(area.width, area.height);
    preview(buf, pw, ph, p);
    if pw + 4 < area.width {
        for y in 0..ph {
            put(buf, pw, y, 1, vline(), t.separator);
        }
        let side_area = Rect::new(pw + 2, 0, area.width - pw - 3, ph);
        match &p.errors {
            // The file's errors for the presenter only; the room keeps the last good slide.
            Some(report) => {
                put(
                    buf,
                    side_area.x,
                    0,
                    side_area.width,
                    tr("errors_kept"),
                    t.worse,
                );
                let below = Rect::new(side_area.x, 1, side_area.width, ph.saturating_sub(1));
                error_panel(t, report, below, buf);
            }
            None => side(buf, side_area, p),
        }
    }
    clock_row(buf, Rect::new(0, area.height - 1, area.width, 1), p);
}

/// The room's slide, smaller: the deck is laid out for this size, so it is
/// the followers' very slide. Its counter is the clock row's (shown once);
/// while the room is blanked, a mark says so over it.
fn preview(buf: &mut ratatui::buffer::Buffer, pw: u16, ph: u16, p: &Presenter) {
    match p.fixed_deck {
        // A deck of another size (`--deck-size`): as a follower this size shows it.
        Some(deck) if deck != (pw, ph) => draw_deck(buf, p, deck, Rect::new(0, 0, pw, ph)),
        _ => {
            let slide = render(p, pw, ph);
            for y in 0..ph {
                copy_row(&slide, 0, y, pw, buf, 0, y);
            }
        }
    }
    let cw = str_width(&counter(p)) as u16;
    let from = pw.saturating_sub(cw + 1);
    let bottom = ph.saturating_sub(1);
    for x in from..pw.saturating_sub(1) {
        buf[(x, bottom)].set_symbol(" ");
    }
    if p.blank {
        let mark = if p.white { tr("whited") } else { tr("blanked") };
        let style = p.theme.classification;
        let used = put(buf, 1, 0, pw.saturating_sub(2), mark, style);
        let rest = pw.saturating_sub(used + 3);
        put(buf, used + 2, 0, rest, tr("unblank_hint"), p.theme.header);
    }
}

/// The next slide and the notes of the current one.
fn side(buf: &mut ratatui::buffer::Buffer, area: Rect, p: &Presenter) {
    let t = &p.theme;
    let w = usize::from(area.width);
    let mut rows: Vec<(String, Style)> = Vec::new();
    match p.slides.get(p.current + 1) {
        Some(next) => {
            rows.push((
                subst(
                    tr("next_slide"),
                    &[&(p.current + 2).to_string(), &p.slides.len().to_string()],
                ),
                t.header,
            ));
            rows.extend(
                wrap_lines(&next.shown_heading(), w)
                    .into_iter()
                    .map(|l| (l.to_string(), t.title)),
            );
            if let Body::Text(lines) = &next.body {
                // Its opening, wrapped anew to this column.
                let opening: String = lines
                    .iter()
                    .filter(|l| l.role == Role::Body)
                    .take(4)
                    .map(|l| l.text.as_str())
                    .collect();
                let wrapped = wrap_lines(&opening, w);
                let cut = wrapped.len() > 3;
                for (k, line) in wrapped.into_iter().take(3).enumerate() {
                    let line = if cut && k == 2 {
                        // Cut, and seen to be: the last row ends in an ellipsis.
                        format!("{}{}", truncate(line, w.saturating_sub(1)), ellipsis())
                    } else {
                        line.to_string()
                    };
                    rows.push((line, t.dim));
                }
            }
        }
        None => rows.push((tr("last_slide").into(), t.header)),
    }
    rows.push((String::new(), t.text));
    rows.push((tr("notes").into(), t.header));
    let notes = p.notes();
    if notes.is_empty() {
        rows.push((tr("no_notes").into(), t.dim));
    }
    for para in notes {
        rows.extend(
            wrap_lines(para, w)
                .into_iter()
                .map(|l| (l.to_string(), t.text)),
        );
    }
    for (i, (text, style)) in rows.iter().take(usize::from(area.height)).enumerate() {
        put(buf, area.x, area.y + i as u16, area.width, text, *style);
    }
}

fn pace_style(p: &Presenter, pace: Pace) -> Style {
    match pace {
        Pace::Fine => p.theme.text,
        Pace::Warning => p.theme.neutral,
        Pace::Over => p.theme.worse,
    }
}

/// `已用 12:34  14:05:09  本页 01:20 / 02:00  全程 12:00 / 20:00  3/25  2 人跟随`;
/// on a narrow screen the parts of lower rank give way (the elapsed time,
/// the slide's time and the counter stay).
fn clock_row(buf: &mut ratatui::buffer::Buffer, area: Rect, p: &Presenter) {
    let mut parts = clock_parts(p);
    let room = usize::from(area.width.saturating_sub(1));
    while parts.iter().map(|(s, _, _)| str_width(s)).sum::<usize>() > room {
        // The lowest rank goes first, the last of equals.
        let Some(worst) = (0..parts.len()).max_by_key(|&i| (parts[i].2, i)) else {
            break;
        };
        if parts[worst].2 == 0 {
            break;
        }
        parts.remove(worst);
    }
    let spans: Vec<(String, Style)> = parts.into_iter().map(|(s, st, _)| (s, st)).collect();
    put_spans(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        &spans,
    );
}

/// The clock row's parts: text, style, and rank (0: always kept; higher gives way first).
fn clock_parts(p: &Presenter) -> Vec<(String, Style, u8)> {
    let t = &p.theme;
    let c = &p.clock;
    let mut elapsed = subst(tr("elapsed"), &[&format_duration(c.elapsed())]);
    if p.blank {
        elapsed = format!(
            "{}{elapsed}",
            if p.white { tr("whited") } else { tr("blanked") }
        );
    }
    let mut parts = vec![(elapsed, t.title, 0)];
    if !c.running() {
        let why = if c.elapsed().is_zero() {
            "clock_stopped"
        } else {
            "clock_paused"
        };
        parts.push((tr(why).to_string(), t.neutral, 1));
    }
    parts.push((format!("  {}", c.wall()), t.text, 4));
    let on_slide = c.on_slide(p.current);
    match (&c.budgets, c.total_budget()) {
        (Some(budgets), Some(total)) => {
            let budget = budgets.get(p.current).copied().unwrap_or_default();
            let (a, b) = (format_duration(on_slide), format_duration(budget));
            let used: [&str; 2] = [&a, &b];
            let style = pace_style(p, Clock::pace(on_slide, budget));
            parts.push((subst(tr("slide_budget"), &used), style, 0));
            let (a, b) = (format_duration(c.elapsed()), format_duration(total));
            let talk: [&str; 2] = [&a, &b];
            let style = pace_style(p, Clock::pace(c.elapsed(), total));
            parts.push((subst(tr("talk_budget"), &talk), style, 2));
        }
        _ => parts.push((
            subst(tr("slide_time"), &[&format_duration(on_slide)]),
            t.text,
            0,
        )),
    }
    parts.push((format!("  {}", counter(p)), t.dim, 0));
    let channel = match &p.publisher {
        Some(publisher) => subst(tr("followers"), &[&publisher.followers().to_string()]),
        None => no_channel(p.no_channel.as_deref()),
    };
    parts.push((channel, t.dim, 3));
    parts
}

/// Why no one can follow, in a few words.
fn no_channel(trouble: Option<&crate::follow::Trouble>) -> String {
    use crate::follow::Trouble;
    match trouble {
        Some(Trouble::Taken(uid)) => {
            subst(tr("channel_taken"), &[&crate::follow::users::name_of(*uid)])
        }
        Some(Trouble::Unsafe(dir)) => subst(tr("channel_unsafe"), &[&dir.display().to_string()]),
        Some(Trouble::Busy) => tr("channel_busy").into(),
        Some(Trouble::Io(_)) | None => tr("no_channel").into(),
    }
}
