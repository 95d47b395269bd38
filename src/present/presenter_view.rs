//! The presenter's view: the current slide (smaller), the next slide's
//! heading and first lines, the speaker notes, and a clock row. Only the
//! presenter sees this; the notes never reach an audience's screen.

use crate::i18n::{subst, t as tr};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::clock::{Clock, Pace, format_duration};
use super::metrics::{PRESENTER_MIN_HEIGHT, PRESENTER_MIN_WIDTH, preview_size};
use super::slides::Body;
use super::state::Presenter;
use super::view::{counter, slide_into};
use crate::layout::symbols::vline;
use crate::layout::wrap_lines;
use crate::render::Role;
use crate::screen::overlay::too_small_for;
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
    slide_into(buf, Rect::new(0, 0, pw, ph), p);
    if pw + 4 < area.width {
        for y in 0..ph {
            put(buf, pw, y, 1, vline(), t.separator);
        }
        side(buf, Rect::new(pw + 2, 0, area.width - pw - 3, ph), p);
    }
    clock_row(buf, Rect::new(0, area.height - 1, area.width, 1), p);
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
                rows.extend(
                    wrap_lines(&opening, w)
                        .into_iter()
                        .take(3)
                        .map(|l| (l.to_string(), t.dim)),
                );
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

/// `已用 12:34  14:05:09  本页 01:20 / 02:00  全程 12:00 / 20:00  3/25`
fn clock_row(buf: &mut ratatui::buffer::Buffer, area: Rect, p: &Presenter) {
    let t = &p.theme;
    let c = &p.clock;
    let mut spans = vec![
        (
            subst(tr("elapsed"), &[&format_duration(c.elapsed())]),
            t.title,
        ),
        (format!("  {}", c.wall()), t.text),
    ];
    if let (Some(budgets), Some(total)) = (&c.budgets, c.total_budget()) {
        let budget = budgets.get(p.current).copied().unwrap_or_default();
        let used = c.on_slide(p.current);
        spans.push((
            subst(
                tr("slide_budget"),
                &[&format_duration(used), &format_duration(budget)],
            ),
            pace_style(p, Clock::pace(used, budget)),
        ));
        spans.push((
            subst(
                tr("talk_budget"),
                &[&format_duration(c.elapsed()), &format_duration(total)],
            ),
            pace_style(p, Clock::pace(c.elapsed(), total)),
        ));
    }
    spans.push((format!("  {}", counter(p)), t.dim));
    match &p.publisher {
        Some(publisher) => spans.push((
            subst(tr("followers"), &[&publisher.followers().to_string()]),
            t.dim,
        )),
        None => spans.push((no_channel(p.no_channel.as_deref()), t.dim)),
    }
    put_spans(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        &spans,
    );
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
