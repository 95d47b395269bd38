//! Drawing a campaign's overview: the heading over the KPI grid, the block
//! centred on the screen; each figure's number in big glyphs with its unit
//! at their baseline, the label and the detail under it.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use super::balance::wrap_balanced;
use super::grid::Grid;
use super::heading::heading;
use super::kpi::Kpi;
use super::metrics::Metrics;
use super::slides::{FigureRef, Slide, overview_grid};
use super::state::Presenter;
use crate::screen::paint::put;
use crate::screen::theme::Theme;

/// The overview `slide`, showing `figs` (its share of the campaign's figures).
pub(crate) fn draw(
    buf: &mut Buffer,
    m: &Metrics,
    t: &Theme,
    p: &Presenter,
    slide: &Slide,
    figs: &[FigureRef],
) {
    let Some(section) = slide.section else {
        return;
    };
    let sub = slide.subheading.as_deref();
    let grid = overview_grid(&p.briefing, m, section, &slide.heading, sub);
    let head = m.head(&slide.shown_heading(), sub);
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
    let mut y = baseline + 1;
    // The label in its rows; the last row holds the rest, cut with an ellipsis.
    let label = wrap_balanced(&kpi.label, usize::from(w));
    let shown = label.len().min(usize::from(g.label_rows));
    for (i, r) in label.iter().take(shown).enumerate() {
        let end = if i + 1 == shown {
            kpi.label.len()
        } else {
            r.end
        };
        put(buf, x, y, w, &kpi.label[r.start..end], t.title);
        y += 1;
    }
    if g.detail_rows > 0 {
        put(buf, x, y, w, &kpi.detail, t.dim);
    }
}
