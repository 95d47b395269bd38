//! Which cells of a row to send: the changed glyphs, the blank end of the
//! row (erased with EL), and the neighbours of an old wide character that a
//! write cuts in half (the terminal erases all of it), found by a fixed point.

use ratatui::buffer::Cell;

use super::symbol_width;

/// What to send of one row.
pub(super) struct RowPlan {
    /// Where each glyph starts.
    pub starts: Vec<usize>,
    /// Whether each glyph is written.
    pub dirty: Vec<bool>,
    /// Where the blank end of the row starts (a glyph start, or the width).
    pub tail: usize,
    /// Whether the blank end is erased.
    pub tail_dirty: bool,
}

/// The plan of row `y` of `next` (rows of `width`) over `screen`, what the
/// terminal shows (`None` where unknown).
pub(super) fn plan_row(screen: &[Option<Cell>], width: usize, next: &[Cell], y: usize) -> RowPlan {
    let row = &next[y * width..(y + 1) * width];
    let shown = &screen[y * width..(y + 1) * width];
    let mut starts = Vec::new();
    let mut x = 0;
    while x < width {
        starts.push(x);
        x += symbol_width(&row[x]);
    }
    // The blank tail, from a glyph start on.
    let mut tail = width;
    for &s in starts.iter().rev() {
        if row[s..].iter().all(|c| *c == Cell::default()) {
            tail = s;
        } else {
            break;
        }
    }
    let differs = |x: usize| shown[x].as_ref() != Some(&row[x]);
    let mut plan = RowPlan {
        tail_dirty: (tail..width).any(differs),
        dirty: starts.iter().map(|&s| s < tail && differs(s)).collect(),
        starts,
        tail,
    };
    while plan.spread_once(shown, row) {}
    plan
}

impl RowPlan {
    /// Mark the glyphs whose old wide neighbour a written glyph cuts in
    /// half; whether any was newly marked.
    fn spread_once(&mut self, shown: &[Option<Cell>], row: &[Cell]) -> bool {
        let width = row.len();
        let old_wide = |x: usize| shown[x].as_ref().is_some_and(|c| symbol_width(c) > 1);
        let mut changed = false;
        for k in 0..self.starts.len() {
            let s = self.starts[k];
            let in_tail = s >= self.tail;
            if !(if in_tail {
                self.tail_dirty
            } else {
                self.dirty[k]
            }) {
                continue;
            }
            let e = if in_tail {
                width
            } else {
                s + symbol_width(&row[s])
            };
            // An old wide character starting just before this glyph loses its right half.
            if s > 0 && old_wide(s - 1) {
                changed |= self.mark(s - 1);
            }
            // One starting at the glyph's last cell loses its left half.
            if e < width && old_wide(e - 1) {
                changed |= self.mark(e);
            }
        }
        changed
    }

    /// Write the glyph that covers column `x`; whether it was not already.
    fn mark(&mut self, x: usize) -> bool {
        let j = self.starts.iter().rposition(|&s| s <= x).unwrap_or(0);
        if self.starts[j] >= self.tail {
            !std::mem::replace(&mut self.tail_dirty, true)
        } else {
            !std::mem::replace(&mut self.dirty[j], true)
        }
    }
}
