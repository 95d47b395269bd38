//! What the slides draw over themselves: the slide index (`o`, `Tab`), the
//! go-to prompt and a message on the bottom row, and a follower's word that
//! the presenter shows another briefing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::state::Presenter;
use crate::follow::RemoteState;
use crate::i18n::{subst, t as tr};
use crate::layout::symbols::{hline, vline};
use crate::layout::width::{ambiguous_is_wide, str_width};
use crate::layout::wrap_lines;
use crate::screen::paint::{fill, put};

/// A box with corners around `rect`, its title on the top edge.
fn frame(buf: &mut Buffer, rect: Rect, title: &str, style: Style) {
    if rect.width < 2 || rect.height < 2 {
        return;
    }
    let corners = if ambiguous_is_wide() {
        ["+", "+", "+", "+"]
    } else {
        ["┌", "┐", "└", "┘"]
    };
    let (l, r, t, b) = (rect.x, rect.right() - 1, rect.y, rect.bottom() - 1);
    // A wide character just left of the box would spill over its edge.
    for y in t..=b {
        if l > buf.area.x && str_width(buf[(l - 1, y)].symbol()) > 1 {
            buf[(l - 1, y)].set_symbol(" ");
        }
    }
    let edge = hline().repeat(usize::from(rect.width - 2));
    put(buf, l + 1, t, rect.width - 2, &edge, style);
    put(buf, l + 1, b, rect.width - 2, &edge, style);
    for y in t + 1..b {
        put(buf, l, y, 1, vline(), style);
        put(buf, r, y, 1, vline(), style);
    }
    for (x, y, c) in [(l, t, 0), (r, t, 1), (l, b, 2), (r, b, 3)] {
        put(buf, x, y, 1, corners[c], style);
    }
    put(buf, l + 2, t, rect.width.saturating_sub(4), title, style);
}

/// The slide index: every slide by its title, the current one marked, the selected one lit.
pub(crate) fn draw(buf: &mut Buffer, area: Rect, p: &Presenter, selected: usize) {
    let t = &p.theme;
    let n = p.slides.len();
    let digits = n.to_string().len();
    let rows: Vec<String> = p
        .slides
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mark = if i == p.current { ">" } else { " " };
            format!("{mark}{:>digits$}  {}", i + 1, s.shown_heading())
        })
        .collect();
    let want = rows.iter().map(|r| str_width(r)).max().unwrap_or(0) + 4;
    let w = (want as u16).min(area.width.saturating_sub(2)).max(4);
    let h = (n as u16 + 2).min(area.height.saturating_sub(2));
    if h < 3 || area.width < 6 {
        return;
    }
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    fill(buf, rect, t.overlay);
    frame(buf, rect, tr("index_title"), t.overlay.patch(t.separator));
    let shown = usize::from(h - 2);
    // The selected row stays in sight, a few rows from the bottom edge when it can.
    let top = selected
        .saturating_sub(shown.saturating_sub(1))
        .min(n - shown.min(n));
    for (k, row) in rows.iter().enumerate().skip(top).take(shown) {
        let style = if k == selected { t.selected } else { t.overlay };
        let y = rect.y + 1 + (k - top) as u16;
        fill(buf, Rect::new(rect.x + 1, y, w - 2, 1), style);
        put(buf, rect.x + 1, y, w - 2, row, style);
    }
}

/// The go-to prompt, or a message, on the bottom row.
pub(crate) fn prompt_line(buf: &mut Buffer, area: Rect, p: &Presenter) {
    let text = match (&p.prompt, &p.message) {
        (Some(typed), _) => subst(tr("go_to_prompt"), &[typed]),
        (None, Some(message)) => message.clone(),
        (None, None) => return,
    };
    if area.height == 0 {
        return;
    }
    let row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    fill(buf, row, p.theme.status);
    put(
        buf,
        row.x + 1,
        row.y,
        row.width.saturating_sub(2),
        &text,
        p.theme.status,
    );
}

/// A follower whose presenter shows another briefing: both, by title and
/// period. While waiting on its channel, a live presenter of another
/// briefing nearby is named the same way (and how to follow it).
pub(crate) fn mismatch(buf: &mut Buffer, area: Rect, p: &Presenter) {
    let Some(f) = &p.follow else {
        return;
    };
    let b = &p.briefing;
    let ours = b.period.to_string();
    let text = match (f.subscriber.snapshot().0, f.subscriber.about()) {
        (RemoteState::Mismatch, Some(theirs)) => subst(
            tr("mismatch_about"),
            &[&theirs.title, &theirs.period, &b.title, &ours],
        ),
        (RemoteState::Waiting, _) => {
            let Some(near) = f.subscriber.elsewhere() else {
                return;
            };
            let (t, per) = (&near.about.title, &near.about.period);
            match &near.name {
                Some(name) => subst(tr("elsewhere_named"), &[t, per, &b.title, &ours, name]),
                None => subst(tr("elsewhere_about"), &[t, per, &b.title, &ours]),
            }
        }
        _ => return,
    };
    let w = area.width.saturating_sub(4).clamp(1, 60);
    let lines = wrap_lines(&text, usize::from(w - 2).max(1));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    if h < 3 || w < 6 {
        return;
    }
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let t = &p.theme;
    fill(buf, rect, t.overlay);
    frame(buf, rect, "", t.overlay.patch(t.separator));
    for (i, line) in lines.iter().take(usize::from(h - 2)).enumerate() {
        put(
            buf,
            rect.x + 1,
            rect.y + 1 + i as u16,
            w - 2,
            line,
            t.overlay.patch(t.worse),
        );
    }
}
