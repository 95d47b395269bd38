//! The KPI grid of a campaign's overview: fixed columns as wide as the
//! widest figure, the largest glyphs with which every figure fits on one
//! slide, else the smallest and as many （续） slides as it takes. Planned once
//! for a box, used by the deck builder (how many figures a slide) and the
//! view (where each goes), so the two never disagree.

use crate::layout::width::str_width;

use super::balance::wrap_balanced;
use super::bignum::Scale;
use super::kpi::{Glyphs, Kpi};

/// Columns between two figures side by side.
pub(crate) const GAP_X: u16 = 4;
/// Rows between two rows of figures.
pub(crate) const GAP_Y: u16 = 1;
/// A caption wider than this wraps (about 12 汉字).
const CAPTION_MAX: usize = 24;

/// Where the figures of an overview go in a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Grid {
    pub glyphs: Glyphs,
    pub cols: u16,
    pub col_w: u16,
    /// Rows a plain number takes with its unit when the two do not fit on
    /// one row of a column (a re-flowed grid on a narrow screen); else 1.
    pub plain_rows: u16,
    /// Caption rows under the number: the label's (1 or 2) and the detail's (0 or 1).
    pub label_rows: u16,
    pub detail_rows: u16,
    /// Rows of figures on one slide.
    pub rows: u16,
}

impl Grid {
    /// Rows the number takes.
    pub(crate) fn number_rows(&self) -> u16 {
        match self.glyphs {
            Glyphs::Plain => self.plain_rows.max(1),
            big => big.rows(),
        }
    }

    pub(crate) fn cell_h(&self) -> u16 {
        self.number_rows() + self.label_rows + self.detail_rows
    }

    /// Figures on one slide (at least one, whatever the box).
    pub(crate) fn per_slide(&self) -> usize {
        usize::from(self.cols.max(1)) * usize::from(self.rows.max(1))
    }

    /// Columns and rows `n` figures take.
    pub(crate) fn block(&self, n: usize) -> (u16, u16) {
        let cols = (n.min(usize::from(self.cols.max(1))) as u16).max(1);
        let rows = n.div_ceil(usize::from(cols)).max(1) as u16;
        (
            cols * self.col_w + (cols - 1) * GAP_X,
            rows * self.cell_h() + (rows - 1) * GAP_Y,
        )
    }

    /// The top-left corner of figure `k`, from the block's corner.
    pub(crate) fn cell(&self, k: usize) -> (u16, u16) {
        let cols = usize::from(self.cols.max(1));
        let (c, r) = ((k % cols) as u16, (k / cols) as u16);
        (c * (self.col_w + GAP_X), r * (self.cell_h() + GAP_Y))
    }
}

/// The grid of `kpis` at `glyphs` in a box of `width`×`height`, if one
/// figure fits: the widest number must fit across, one cell down.
fn at(kpis: &[Kpi], glyphs: Glyphs, width: u16, height: u16) -> Option<Grid> {
    let number = kpis.iter().map(|k| k.number_width(glyphs)).max()?;
    if number > usize::from(width) {
        return None;
    }
    let caption = kpis
        .iter()
        .map(|k| str_width(&k.label).max(str_width(&k.detail)))
        .max()
        .unwrap_or(0)
        .min(CAPTION_MAX);
    let col_w = number.max(caption).min(usize::from(width)) as u16;
    // Two label rows when a label is wider than a column (a longer one is cut in the second).
    let label_rows = if kpis
        .iter()
        .any(|k| str_width(&k.label) > usize::from(col_w))
    {
        2
    } else {
        1
    };
    let detail_rows = u16::from(kpis.iter().any(|k| !k.detail.is_empty()));
    // Captions give way before the figure does: a second label row, then the detail.
    let shapes = [(label_rows, detail_rows), (1, detail_rows), (1, 0)];
    shapes.into_iter().find_map(|(label_rows, detail_rows)| {
        let mut g = Grid {
            glyphs,
            cols: ((width + GAP_X) / (col_w + GAP_X)).max(1),
            col_w,
            plain_rows: 1,
            label_rows,
            detail_rows,
            rows: 0,
        };
        g.rows = (height + GAP_Y) / (g.cell_h() + GAP_Y);
        (g.rows > 0).then_some(g)
    })
}

/// The grid for `kpis` in a box of `width`×`height`: the largest glyphs that
/// put every figure on one slide; else the smallest glyphs that fit, over
/// several slides; else plain numbers (a tiny screen).
pub(crate) fn plan(kpis: &[Kpi], width: u16, height: u16) -> Grid {
    let big: Vec<Grid> = Scale::ALL
        .iter()
        .filter_map(|&s| at(kpis, Glyphs::Big(s), width, height))
        .collect();
    if let Some(g) = big.iter().find(|g| g.per_slide() >= kpis.len()) {
        return *g;
    }
    let plain = at(kpis, Glyphs::Plain, width, height);
    big.last().copied().or(plain).unwrap_or(Grid {
        glyphs: Glyphs::Plain,
        cols: 1,
        col_w: width,
        plain_rows: 1,
        label_rows: 1,
        detail_rows: 0,
        rows: 1,
    })
}

/// The grid of one slide's `kpis`, re-flowed for a box `width` columns wide
/// (narrower than the deck's): the deck's glyphs if the widest number fits
/// across, else smaller ones, else plain numbers; as many columns as fit, as
/// many rows as the figures need, and caption rows enough that no label or
/// detail is cut.
pub(crate) fn reflow(kpis: &[Kpi], deck: Glyphs, width: u16) -> Grid {
    let fits = |g: Glyphs| kpis.iter().all(|k| k.number_width(g) <= usize::from(width));
    let glyphs = Scale::ALL
        .iter()
        .map(|&s| Glyphs::Big(s))
        .filter(|g| g.rows() <= deck.rows())
        .find(|&g| fits(g))
        .unwrap_or(Glyphs::Plain);
    let widest = |f: &dyn Fn(&Kpi) -> usize| kpis.iter().map(f).max().unwrap_or(0);
    let number = widest(&|k| k.number_width(glyphs));
    let caption = widest(&|k| str_width(&k.label).max(str_width(&k.detail))).min(CAPTION_MAX);
    let col_w = number.max(caption).clamp(1, usize::from(width.max(1)));
    let rows_of = |text: &str| wrap_balanced(text, col_w).len() as u16;
    let cols = ((width + GAP_X) / (col_w as u16 + GAP_X)).max(1);
    // A plain number with its unit wider than the column wraps, never cut.
    let plain_rows = match glyphs {
        Glyphs::Plain => kpis.iter().map(|k| rows_of(&k.plain())).max().unwrap_or(1),
        _ => 1,
    };
    Grid {
        glyphs,
        cols,
        col_w: col_w as u16,
        plain_rows: plain_rows.max(1),
        label_rows: kpis
            .iter()
            .map(|k| rows_of(&k.label))
            .max()
            .unwrap_or(1)
            .max(1),
        detail_rows: kpis.iter().map(|k| rows_of(&k.detail)).max().unwrap_or(0),
        rows: kpis.len().div_ceil(usize::from(cols)).max(1) as u16,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(glyphs: &str, unit: &str, label: &str) -> Kpi {
        Kpi {
            glyphs: glyphs.into(),
            unit: unit.into(),
            label: label.into(),
            detail: "同比".into(),
            verdict: None,
        }
    }

    fn five() -> Vec<Kpi> {
        (0..5)
            .map(|i| kpi(&format!("{i}4.5%"), "", "电诈发案"))
            .collect()
    }

    #[test]
    fn glyphs_grow_with_the_screen() {
        let small = plan(&five(), 68, 16);
        let large = plan(&five(), 176, 40);
        assert!(large.glyphs.rows() >= 5, "{large:?}");
        assert!(large.glyphs.rows() > small.glyphs.rows(), "{small:?}");
        assert!(large.per_slide() >= 5);
    }

    #[test]
    fn every_cell_is_inside_the_box_and_the_columns_are_fixed() {
        for (w, h) in [(34, 6), (68, 16), (104, 30), (176, 40), (20, 2)] {
            let g = plan(&five(), w, h);
            let n = g.per_slide().min(5);
            let (bw, bh) = g.block(n);
            assert!(bw <= w.max(g.col_w), "{w}×{h}: {g:?}");
            assert!(bh <= h.max(g.cell_h()), "{w}×{h}: {g:?}");
            for k in 0..n {
                let (x, _) = g.cell(k);
                assert_eq!(x % (g.col_w + GAP_X), 0);
            }
        }
    }

    #[test]
    fn a_number_too_wide_for_any_glyphs_is_plain() {
        let g = plan(&[kpi("123456789", "万余人", "x")], 30, 10);
        assert_eq!(g.glyphs, Glyphs::Plain);
    }
}
