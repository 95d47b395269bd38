//! Drawing a campaign's overview: the heading over the KPI grid, the block
//! centred on the screen; each figure's number in big glyphs with its unit
//! at their baseline, the label and the detail under it.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use super::balance::wrap_balanced;
use super::grid::Grid;
use super::heading::heading;
use super::kpi::{Glyphs, Kpi};
use super::metrics::Metrics;
use super::slides::{FigureRef, Slide, overview_grid};
use super::state::Presenter;
use crate::screen::paint::put;
use crate::screen::theme::Theme;

/// The grid `slide`'s figures are drawn on: the deck's for the screen
/// (every page of the campaign alike), or `reflowed` for a narrower one.
pub(crate) fn grid_of(p: &Presenter, m: &Metrics, slide: &Slide, reflowed: Option<Grid>) -> Grid {
    reflowed.unwrap_or_else(|| {
        let sub = slide.subheading.as_deref();
        let section = slide.section.unwrap_or(0);
        overview_grid(&p.briefing, m, section, &slide.heading, sub)
    })
}

/// The overview `slide`, showing `figs` (its share of the campaign's
/// figures) on `grid`.
pub(crate) fn draw(
    buf: &mut Buffer,
    (m, t): (&Metrics, &Theme),
    p: &Presenter,
    slide: &Slide,
    figs: &[FigureRef],
    grid: Grid,
) {
    if slide.section.is_none() {
        return;
    }
    let head = m.head(&slide.shown_heading(), slide.subheading.as_deref());
    // Every page as wide as a full row, so the columns stay put from page to page.
    let (full_w, _) = grid.block(grid.per_slide());
    let (_, grid_h) = grid.block(figs.len());
    let block_w = usize::from(full_w).max(head.width());
    let x = m.block_x(block_w);
    let top = heading(
        buf,
        (x, m.top(head.rows() + grid_h)),
        block_w as u16,
        t,
        &head,
    );
    for (k, f) in figs.iter().enumerate() {
        let kpi = Kpi::of(f.get(&p.briefing));
        let (dx, dy) = grid.cell(k);
        let style = kpi.verdict.map_or(t.figure, |v| t.verdict(v));
        cell(buf, (x + dx, top + dy), &grid, t, &kpi, style);
    }
}

/// One figure at `at`: the number, the unit at its baseline, the caption.
fn cell(buf: &mut Buffer, at: (u16, u16), g: &Grid, t: &Theme, kpi: &Kpi, style: Style) {
    let (x, y) = at;
    let w = g.col_w;
    if g.glyphs == Glyphs::Plain && kpi.number_width(g.glyphs) > usize::from(w) {
        // Too wide for the column even plain: the number and its unit wrap.
        let below = caption(buf, (x, y), w, (&kpi.plain(), g.plain_rows), style);
        let y = caption(buf, (x, below), w, (&kpi.label, g.label_rows), t.title);
        caption(buf, (x, y), w, (&kpi.detail, g.detail_rows), t.dim);
        return;
    }
    let rows = kpi.rows(g.glyphs);
    for (i, row) in rows.iter().enumerate() {
        put(buf, x, y + i as u16, w, row, style);
    }
    let baseline = y + g.glyphs.rows() - 1;
    if !kpi.unit.is_empty() {
        let gw = kpi.glyph_width(g.glyphs) as u16 + 1;
        put(
            buf,
            x + gw,
            baseline,
            w.saturating_sub(gw),
            &kpi.unit,
            style,
        );
    }
    let y = caption(
        buf,
        (x, baseline + 1),
        w,
        (&kpi.label, g.label_rows),
        t.title,
    );
    caption(buf, (x, y), w, (&kpi.detail, g.detail_rows), t.dim);
}

/// A caption in its `rows` rows at `at`; the last row holds the rest, cut
/// with an ellipsis. Returns the row below.
fn caption(
    buf: &mut Buffer,
    at: (u16, u16),
    w: u16,
    (text, rows): (&str, u16),
    style: Style,
) -> u16 {
    let (x, mut y) = at;
    let lines = wrap_balanced(text, usize::from(w));
    let shown = lines.len().min(usize::from(rows));
    for (i, r) in lines.iter().take(shown).enumerate() {
        let end = if i + 1 == shown { text.len() } else { r.end };
        put(buf, x, y, w, &text[r.start..end], style);
        y += 1;
    }
    y
}
