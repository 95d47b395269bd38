//! Drawing a slide: the heading, the body by kind (title, overview with big
//! numbers, text, end), and the chrome: a slide counter, the classification
//! mark and a thin progress line, nothing else.

use crate::i18n::{subst, t as tr};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::bignum::{self, Scale};
use super::metrics::Metrics;
use super::slides::{Body, FigureRef, Slide};
use super::state::Presenter;
use crate::follow::RemoteState;
use crate::layout::{width::str_width, wrap_lines};
use crate::model::{Indicator, format_number, format_value};
use crate::render::Role;
use crate::screen::paint::{figures, fill, marked, put, put_line};
use crate::screen::theme::Theme;

/// The current slide with its chrome, drawn into `area` (which starts at the origin).
pub(crate) fn slide_into(buf: &mut Buffer, area: Rect, p: &Presenter) {
    let m = Metrics::new(area.width, area.height);
    let t = &p.theme;
    fill(buf, area, t.text);
    let slide = p.slide();
    match &slide.body {
        Body::Title => centered(
            buf,
            area,
            &m,
            t,
            slide,
            &[
                p.briefing.organization.clone(),
                p.briefing.period.to_string(),
            ],
        ),
        Body::End => centered(
            buf,
            area,
            &m,
            t,
            slide,
            std::slice::from_ref(&p.briefing.organization),
        ),
        Body::Overview(figs) => {
            let content = heading(buf, &m, t, slide);
            overview(buf, content, t, p, figs);
        }
        Body::Text(lines) => {
            let content = heading(buf, &m, t, slide);
            for (i, line) in lines.iter().take(usize::from(content.height)).enumerate() {
                let style = t.role(line.role);
                let marks: Vec<_> = if line.role == Role::Body {
                    figures(&line.text)
                        .into_iter()
                        .map(|r| (r, t.figure))
                        .collect()
                } else {
                    Vec::new()
                };
                let styled = marked(&line.text, style, &marks);
                put_line(buf, content.x, content.y + i as u16, content.width, &styled);
            }
        }
    }
    chrome(buf, area, t, p);
}

/// The heading block; returns the content area below it.
fn heading(buf: &mut Buffer, m: &Metrics, t: &Theme, slide: &Slide) -> Rect {
    let head = m.head(&slide.shown_heading(), slide.subheading.as_deref());
    let x = m.margin();
    let w = m.text_width() as u16;
    let mut y = 1;
    for line in &head.heading {
        put(buf, x, y, w, line, t.title);
        y += 1;
    }
    for line in &head.subheading {
        put(buf, x, y, w, line, t.subtitle);
        y += 1;
    }
    m.content(&head)
}

/// Title and end slides: everything centred.
fn centered(buf: &mut Buffer, area: Rect, m: &Metrics, t: &Theme, slide: &Slide, extra: &[String]) {
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
                .map(|l| (l.to_string(), t.subtitle)),
        );
    }
    rows.push((String::new(), t.text));
    for e in extra {
        rows.extend(
            wrap_lines(e, w)
                .into_iter()
                .map(|l| (l.to_string(), t.text)),
        );
    }
    let room = usize::from(area.height.saturating_sub(Metrics::FOOT_ROWS));
    let top = room.saturating_sub(rows.len()) / 2;
    for (i, (text, style)) in rows.iter().take(room).enumerate() {
        let tw = str_width(text) as u16;
        let x = area.x + area.width.saturating_sub(tw) / 2;
        put(buf, x, (top + i) as u16, area.width, text, *style);
    }
}

/// A figure as big glyphs (the part the font can draw) and the rest as text.
struct Big {
    glyphs: String,
    style: Style,
    /// The label, then what the glyphs leave out (unit, basis, level).
    label: String,
    detail: String,
}

impl Big {
    fn caption_width(&self) -> usize {
        str_width(&self.label).max(str_width(&self.detail))
    }
}

fn big(ind: &Indicator, t: &Theme) -> Big {
    let (number, unit, style, basis) = match (&ind.change, ind.value) {
        (Some(c), _) => {
            let sign = if c.amount > 0.0 {
                "+"
            } else if c.amount < 0.0 {
                "−"
            } else {
                ""
            };
            let arrow = if c.amount > 0.0 {
                "↑"
            } else if c.amount < 0.0 {
                "↓"
            } else {
                ""
            };
            (
                format!("{arrow}{sign}{}", format_number(c.amount.abs())),
                c.unit.suffix().to_string(),
                t.verdict(ind.verdict()),
                Some(c.basis.label()),
            )
        }
        (None, Some(v)) => (
            format_number(v),
            ind.unit.clone().unwrap_or_default(),
            t.figure,
            None,
        ),
        (None, None) => (String::new(), String::new(), t.figure, None),
    };
    let (glyphs, rest) = if unit == "%" {
        (format!("{number}%"), String::new())
    } else {
        (number, unit)
    };
    let mut detail: Vec<String> = Vec::new();
    if !rest.is_empty() {
        detail.push(rest);
    }
    if let Some(b) = basis {
        detail.push(b.to_string());
        if let Some(v) = ind.value {
            detail.push(format_value(v, ind.unit.as_deref()));
        }
    }
    Big {
        glyphs,
        style,
        label: ind.label.clone(),
        detail: detail.join(" · "),
    }
}

/// Place the headline figures in rows; as many as fit, large when all of them fit.
fn overview(buf: &mut Buffer, area: Rect, t: &Theme, p: &Presenter, figs: &[FigureRef]) {
    let bigs: Vec<Big> = figs.iter().map(|f| big(f.get(&p.briefing), t)).collect();
    if bigs.is_empty() || area.height == 0 {
        return;
    }
    let fits = |scale: Scale| -> usize { placement(&bigs, scale, area).len() };
    let scale = if fits(Scale::Large) == bigs.len() || fits(Scale::Large) >= fits(Scale::Small) {
        Scale::Large
    } else {
        Scale::Small
    };
    for (b, (x, y, w)) in bigs.iter().zip(placement(&bigs, scale, area)) {
        let rows = bignum::render(&b.glyphs, scale).unwrap_or_default();
        for (i, row) in rows.iter().enumerate() {
            put(buf, x, y + i as u16, w, row, b.style);
        }
        let caption_y = y + scale.rows() as u16;
        let mut lines: Vec<(&str, Style)> = wrap_lines(&b.label, usize::from(w))
            .into_iter()
            .take(2)
            .map(|l| (l, t.title))
            .collect();
        lines.extend(
            wrap_lines(&b.detail, usize::from(w))
                .into_iter()
                .take(1)
                .map(|l| (l, t.dim)),
        );
        for (i, (line, style)) in lines.iter().enumerate() {
            put(buf, x, caption_y + i as u16, w, line, *style);
        }
    }
}

/// Where each figure goes (x, y, width), left to right then down, while they fit.
fn placement(bigs: &[Big], scale: Scale, area: Rect) -> Vec<(u16, u16, u16)> {
    const GAP: u16 = 4;
    // Glyphs, up to three caption lines, a blank row.
    let row_h = scale.rows() as u16 + 4;
    let mut out = Vec::new();
    let (mut x, mut y) = (area.x, area.y);
    for b in bigs {
        let glyph_w = bignum::width(&b.glyphs, scale) as u16;
        let caption_w = (b.caption_width() as u16).min(30).min(area.width);
        let w = glyph_w.max(caption_w);
        if w > area.width {
            break;
        }
        if x > area.x && x + w > area.right() {
            x = area.x;
            y += row_h;
        }
        if y + row_h - 1 > area.bottom() {
            break;
        }
        out.push((x, y, w));
        x += w + GAP;
    }
    out
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
