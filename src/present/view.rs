//! Drawing a slide: the heading, the body by kind (title, overview with big
//! numbers, text, end) in a block centred on the screen, and the chrome: a
//! slide counter, the classification mark and a thin progress line, nothing else.

use crate::i18n::{subst, t as tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::grid::Grid;
use super::heading::{heading, upright};
use super::metrics::Metrics;
use super::overview;
use super::slides::{Body, Slide, SlideLine};
use super::state::Presenter;
use crate::follow::RemoteState;
use crate::layout::{width::str_width, wrap_lines};
use crate::screen::paint::{fill, marked, put, put_line};
use crate::screen::theme::Theme;

/// The current slide with its chrome, drawn into `area` (which starts at the origin).
pub(crate) fn slide_into(buf: &mut Buffer, area: Rect, p: &Presenter) {
    content_into(buf, area, p, p.slide(), None);
}

/// `slide` (the current one, or it re-flowed for a narrower screen, with
/// its overview's `grid`) with the chrome, drawn into `area`.
pub(crate) fn content_into(
    buf: &mut Buffer,
    area: Rect,
    p: &Presenter,
    slide: &Slide,
    grid: Option<Grid>,
) {
    let m = Metrics::new(area.width, area.height);
    let t = &p.theme;
    fill(buf, area, t.text);
    match &slide.body {
        Body::Title | Body::End => centered(buf, area, &centered_rows(p, slide, &m)),
        Body::Overview(figs) => {
            let grid = overview::grid_of(p, &m, slide, grid);
            overview::draw(buf, (&m, t), p, slide, figs, grid);
        }
        Body::Text(lines) => text(buf, &m, t, slide, lines),
    }
    chrome(buf, area, t, p);
}

/// Rows `slide` takes on a screen `m` wide, from the row above its heading
/// to its chrome: the height that shows all of it.
pub(crate) fn rows_needed(p: &Presenter, slide: &Slide, m: &Metrics, grid: Option<Grid>) -> u16 {
    let head = || m.head(&slide.shown_heading(), slide.subheading.as_deref());
    let block = match &slide.body {
        Body::Title | Body::End => centered_rows(p, slide, m).len(),
        Body::Overview(figs) => {
            let (_, h) = overview::grid_of(p, m, slide, grid).block(figs.len());
            usize::from(head().rows()) + usize::from(h)
        }
        Body::Text(lines) => usize::from(head().rows()) + lines.len(),
    };
    (block + 1 + usize::from(Metrics::FOOT_ROWS)).min(usize::from(u16::MAX)) as u16
}

/// A text slide: the heading and the body in one block the measure wide,
/// centred across, and down when it is short.
fn text(buf: &mut Buffer, m: &Metrics, t: &Theme, slide: &Slide, lines: &[SlideLine]) {
    let head = m.head(&slide.shown_heading(), slide.subheading.as_deref());
    let rows = head.rows() + lines.len().min(usize::from(u16::MAX)) as u16;
    let x = m.block_x(m.text_width());
    let w = m.text_width() as u16;
    let top = heading(buf, (x, m.top(rows)), w, t, &head);
    for (i, line) in lines.iter().enumerate() {
        let style = t.role(line.role);
        let marks: Vec<_> = line.marks.iter().map(|r| (r.clone(), t.figure)).collect();
        let styled = marked(&line.text, style, &marks);
        put_line(buf, x, top + i as u16, w, &styled);
    }
}

/// The rows of a title or end slide: its heading, subheading and what
/// follows them (the organisation, the period), wrapped to the measure.
fn centered_rows(p: &Presenter, slide: &Slide, m: &Metrics) -> Vec<(String, Style)> {
    let t = &p.theme;
    let b = &p.briefing;
    let extra = match slide.body {
        Body::Title => vec![b.organization.clone(), b.period.to_string()],
        _ => vec![b.organization.clone()],
    };
    let w = m.text_width();
    let mut rows: Vec<(String, Style)> = Vec::new();
    rows.extend(
        wrap_lines(&slide.heading, w)
            .into_iter()
            .map(|l| (l.to_string(), t.title)),
    );
    if let Some(sub) = &slide.subheading {
        rows.push((String::new(), t.text));
        rows.extend(
            wrap_lines(sub, w)
                .into_iter()
                .map(|l| (l.to_string(), upright(t.subtitle, l))),
        );
    }
    rows.push((String::new(), t.text));
    for e in &extra {
        rows.extend(
            wrap_lines(e, w)
                .into_iter()
                .map(|l| (l.to_string(), t.text)),
        );
    }
    rows
}

/// Title and end slides: everything centred.
fn centered(buf: &mut Buffer, area: Rect, rows: &[(String, Style)]) {
    let room = usize::from(area.height.saturating_sub(Metrics::FOOT_ROWS));
    let top = room.saturating_sub(rows.len()) / 2;
    for (i, (text, style)) in rows.iter().take(room).enumerate() {
        let tw = str_width(text) as u16;
        let x = area.x + area.width.saturating_sub(tw) / 2;
        put(buf, x, (top + i) as u16, area.width, text, *style);
    }
}

/// The bottom row: classification, a progress line, and `n/N`.
/// Where the talk is: `第 3/21 页`.
pub(crate) fn counter(p: &Presenter) -> String {
    crate::i18n::subst(
        tr("slide_counter"),
        &[&(p.current + 1).to_string(), &p.slides.len().to_string()],
    )
}

fn chrome(buf: &mut Buffer, area: Rect, t: &Theme, p: &Presenter) {
    let y = area.bottom() - 1;
    let counter = counter(p);
    let cw = str_width(&counter) as u16;
    let mut x = area.x + 1;
    if let Some(c) = &p.briefing.classification {
        x += put(
            buf,
            x,
            y,
            area.width.saturating_sub(cw + 3),
            &format!(" {c} "),
            t.classification,
        ) + 1;
    }
    if let Some(f) = &p.follow {
        // A follower always knows whether the presenter moves its screen.
        let whose = || {
            crate::follow::users::name_of(
                f.subscriber
                    .presenter()
                    .unwrap_or_else(crate::follow::users::me),
            )
        };
        let status = match (f.subscriber.snapshot().0, f.attached) {
            (RemoteState::Waiting, _) => tr("waiting").to_string(),
            (RemoteState::Mismatch, _) => tr("mismatch").to_string(),
            (RemoteState::Stranger(uid), _) => {
                let name = crate::follow::users::name_of(uid);
                subst(tr("stranger"), &[&name, &name])
            }
            (RemoteState::Following(_), true) => subst(tr("following"), &[&whose()]),
            (RemoteState::Following(_), false) => subst(tr("detached"), &[&whose()]),
        };
        x += put(
            buf,
            x,
            y,
            area.width.saturating_sub(x + cw + 2),
            &status,
            t.header,
        ) + 1;
    }
    let right = area.right().saturating_sub(cw + 1);
    put(buf, right, y, cw, &counter, t.dim);
    let bar = right.saturating_sub(x + 1);
    if bar > 0 {
        let done = (usize::from(bar) * (p.current + 1)).div_ceil(p.slides.len());
        put(buf, x, y, bar, &"⣶".repeat(done), t.figure);
        put(
            buf,
            x + done as u16,
            y,
            bar - done as u16,
            &"⣀".repeat(usize::from(bar) - done),
            t.dim,
        );
    }
}
