//! Finding a block of the screen that moved up or down between two frames
//! when it does not span the screen (the text pane between side panes), so
//! the terminal can move it: inside left/right margins where it has them, or
//! as a full-width band whose side rows are then drawn again.

use ratatui::buffer::Cell;
use unicode_width::UnicodeWidthStr;

use super::shift::Shift;

/// Rows `top..=bottom` of columns `left..=right` move by `lines`, up or down;
/// the rows uncovered are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scroll {
    pub top: usize,
    pub bottom: usize,
    pub left: usize,
    pub right: usize,
    pub lines: usize,
    pub up: bool,
}

impl Scroll {
    /// A full-width shift as a scroll of every column.
    pub(crate) fn full(s: Shift, width: usize) -> Scroll {
        Scroll {
            top: s.top,
            bottom: s.bottom,
            left: 0,
            right: width - 1,
            lines: s.lines,
            up: s.up,
        }
    }

    pub(crate) fn is_full_width(&self, width: usize) -> bool {
        self.left == 0 && self.right + 1 == width
    }

    /// The same rows, every column.
    pub(crate) fn widened(self, width: usize) -> Scroll {
        Scroll {
            left: 0,
            right: width - 1,
            ..self
        }
    }
}

/// How many of the likeliest moves are scored cell by cell.
const MOVES_SCORED: usize = 3;

fn cell_hash(c: &Cell) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    c.symbol().hash(&mut h);
    c.fg.hash(&mut h);
    c.bg.hash(&mut h);
    c.modifier.hash(&mut h);
    h.finish()
}

fn is_blank(c: &Cell) -> bool {
    *c == Cell::default()
}

/// The largest sum of a run of `scores`: (sum, first, last).
fn best_run(scores: &[i64]) -> Option<(i64, usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let (mut sum, mut start) = (0i64, 0usize);
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += s;
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best
}

/// The block that moved, if moving it puts at least two rows' worth of
/// non-blank cells in place. Each candidate move (lines, direction) scores
/// every cell: +1 a non-blank cell that changed and that the move brings, −1
/// a cell that did not change and that the move would spoil. The columns are
/// the best run of column sums, then the rows the best run of row sums within
/// them, then the columns again within those rows.
pub(crate) fn find(old: &[Cell], new: &[Cell], width: usize, height: usize) -> Option<Scroll> {
    if width < 2 || height < 3 || old.len() != width * height || new.len() != width * height {
        return None;
    }
    // Nothing moved, or nothing on the screen to move (the first frame, a clear).
    if old == new || old.iter().all(is_blank) {
        return None;
    }
    let frames = Frames {
        ho: old.iter().map(cell_hash).collect(),
        hn: new.iter().map(cell_hash).collect(),
        blank: new.iter().map(is_blank).collect(),
        width,
        height,
    };
    let mut best: Option<(i64, Scroll)> = None;
    let mut sums = (vec![0i64; width], vec![0i64; height]);
    for (lines, up) in frames.moves() {
        let Some((sum, scroll)) = frames.fit(lines, up, &mut sums) else {
            continue;
        };
        if best.as_ref().is_none_or(|(b, _)| sum > *b) {
            best = Some((sum, to_whole_glyphs(old, width, scroll)));
        }
    }
    best.map(|(_, s)| s)
}

/// The two frames as cell hashes, and which cells of the new one are blank.
struct Frames {
    ho: Vec<u64>,
    hn: Vec<u64>,
    blank: Vec<bool>,
    width: usize,
    height: usize,
}

impl Frames {
    /// The score of cell `c` of new row `r` if it came from old row `s`.
    fn score(&self, r: usize, s: usize, c: usize) -> i64 {
        let (i, j) = (r * self.width + c, s * self.width + c);
        let changed = self.hn[i] != self.ho[i];
        let brought = self.hn[i] == self.ho[j];
        if changed && brought && !self.blank[i] {
            1
        } else if !changed && !brought {
            -1
        } else {
            0
        }
    }

    /// The moves (lines, up) that bring the most changed non-blank cells,
    /// best first: these are scored in full.
    fn moves(&self) -> Vec<(usize, bool)> {
        let (ho, hn, width) = (&self.ho, &self.hn, self.width);
        let changed: Vec<usize> = (0..width * self.height)
            .filter(|&i| hn[i] != ho[i] && !self.blank[i])
            .collect();
        let mut moves: Vec<(usize, usize, bool)> = (1..self.height)
            .flat_map(|lines| [(lines, true), (lines, false)])
            .map(|(lines, up)| {
                let d = lines * width;
                let brought = changed
                    .iter()
                    .filter(|&&i| {
                        let j = if up { i + d } else { i.wrapping_sub(d) };
                        j < ho.len() && hn[i] == ho[j]
                    })
                    .count();
                (brought, lines, up)
            })
            .filter(|&(brought, _, _)| brought >= 4)
            .collect();
        moves.sort_by_key(|m| std::cmp::Reverse(m.0));
        moves.truncate(MOVES_SCORED);
        moves
            .into_iter()
            .map(|(_, lines, up)| (lines, up))
            .collect()
    }

    /// Column sums over `rows` of the new frame (each from its source row),
    /// then the best run of columns.
    fn column_run(
        &self,
        rows: std::ops::RangeInclusive<usize>,
        source: impl Fn(usize) -> usize,
        cols: &mut [i64],
    ) -> Option<(i64, usize, usize)> {
        cols.iter_mut().for_each(|v| *v = 0);
        for r in rows {
            let s = source(r);
            for (c, v) in cols.iter_mut().enumerate() {
                *v += self.score(r, s, c);
            }
        }
        best_run(cols)
    }

    /// The block that a move of `lines` rows (`up` or down) explains best,
    /// and its score, if it is worth a scroll; `sums` is room for the
    /// column and row sums.
    fn fit(
        &self,
        lines: usize,
        up: bool,
        sums: &mut (Vec<i64>, Vec<i64>),
    ) -> Option<(i64, Scroll)> {
        let (cols, rows) = sums;
        // Rows of the new frame that can come from the old one, and where from.
        let (first, last) = if up {
            (0, self.height - 1 - lines)
        } else {
            (lines, self.height - 1)
        };
        let source = |r: usize| if up { r + lines } else { r - lines };
        let (_, left, right) = self.column_run(first..=last, source, cols)?;
        rows.iter_mut().for_each(|v| *v = 0);
        for (r, v) in rows.iter_mut().enumerate().take(last + 1).skip(first) {
            let s = source(r);
            *v = (left..=right).map(|c| self.score(r, s, c)).sum();
        }
        let (_, top, bottom) = best_run(&rows[first..=last])?;
        let (top, bottom) = (first + top, first + bottom);
        let (sum, left, right) = self.column_run(top..=bottom, source, cols)?;
        if sum < 2 * (right - left + 1) as i64 {
            return None;
        }
        let scroll = if up {
            Scroll {
                top,
                bottom: bottom + lines,
                left,
                right,
                lines,
                up,
            }
        } else {
            Scroll {
                top: top - lines,
                bottom,
                left,
                right,
                lines,
                up,
            }
        };
        Some((sum, scroll))
    }
}

/// `s` widened until no wide character on the screen straddles its left or
/// right edge in the rows it moves.
fn to_whole_glyphs(screen: &[Cell], width: usize, mut s: Scroll) -> Scroll {
    let wide = |i: usize| screen[i].symbol().width() > 1;
    loop {
        let rows = || (s.top..=s.bottom).map(|r| r * width);
        let left = s.left > 0 && rows().any(|row| wide(row + s.left - 1));
        let right = s.right + 1 < width && rows().any(|row| wide(row + s.right));
        if !left && !right {
            return s;
        }
        s.left -= usize::from(left);
        s.right += usize::from(right);
    }
}

/// Whether a terminal can move the block cleanly: no wide character on the
/// screen straddles its left or right edge in the rows it moves.
pub(crate) fn clean_edges(screen: &[Cell], width: usize, s: Scroll) -> bool {
    let wide = |i: usize| screen[i].symbol().width() > 1;
    (s.top..=s.bottom).all(|r| {
        let row = r * width;
        (s.left == 0 || !wide(row + s.left - 1)) && (s.right + 1 == width || !wide(row + s.right))
    })
}

/// Apply `s` to a model of the screen, as the terminal does: the block's rows
/// move within it and the rows uncovered are blank.
pub(crate) fn apply(screen: &mut [Cell], width: usize, s: Scroll) {
    let cols = |r: usize| r * width + s.left..r * width + s.right + 1;
    let rows: Box<dyn Iterator<Item = usize>> = if s.up {
        Box::new(s.top..=s.bottom)
    } else {
        Box::new((s.top..=s.bottom).rev())
    };
    for r in rows {
        let from = if s.up {
            (r + s.lines <= s.bottom).then(|| r + s.lines)
        } else {
            (r >= s.top + s.lines).then(|| r - s.lines)
        };
        match from {
            Some(f) => {
                let src = screen[cols(f)].to_vec();
                screen[cols(r)].clone_from_slice(&src);
            }
            None => screen[cols(r)].iter_mut().for_each(Cell::reset),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screen::wire::shift::tests::frame;

    #[test]
    fn the_middle_pane_scrolling_is_found() {
        let old = frame(&[
            "ab|1111|xy",
            "cd|2222|zw",
            "ef|3333|uv",
            "gh|4444|st",
            "ij|5555|qr",
            "==status==",
        ]);
        let new = frame(&[
            "ab|2222|xy",
            "cd|3333|zw",
            "ef|4444|uv",
            "gh|5555|st",
            "ij|6666|qr",
            "==status==",
        ]);
        let s = find(&old, &new, 10, 6).unwrap();
        assert_eq!(
            s,
            Scroll {
                top: 0,
                bottom: 4,
                left: 3,
                right: 6,
                lines: 1,
                up: true
            }
        );
        let mut screen = old.clone();
        apply(&mut screen, 10, s);
        // Everything but the new row is in place.
        let wrong: Vec<usize> = (0..60).filter(|&i| screen[i] != new[i]).collect();
        assert_eq!(wrong, vec![43, 44, 45, 46]);
    }

    #[test]
    fn scrolling_back_is_found() {
        let old = frame(&["a|22|", "b|33|", "c|44|", "d|55|"]);
        let new = frame(&["a|11|", "b|22|", "c|33|", "d|44|"]);
        let s = find(&old, &new, 5, 4).unwrap();
        assert_eq!((s.top, s.bottom, s.left, s.right), (0, 3, 2, 3));
        assert_eq!((s.lines, s.up), (1, false));
        let mut screen = old.clone();
        apply(&mut screen, 5, s);
        assert_eq!(screen[5..], new[5..]);
        assert_eq!(screen[2], Cell::default());
    }

    #[test]
    fn unrelated_frames_have_no_block() {
        let old = frame(&["abc", "def", "ghi", "jkl"]);
        let new = frame(&["mno", "pqr", "stu", "vwx"]);
        assert_eq!(find(&old, &new, 3, 4), None);
        assert_eq!(find(&old, &old, 3, 4), None);
    }

    #[test]
    fn a_block_takes_in_the_wide_characters_on_its_edges() {
        let mut old = frame(&["a|11 |b", "c|22 |d", "e|33 |f", "g|44 |h"]);
        let mut new = frame(&["a|22 |b", "c|33 |d", "e|44 |f", "g|55 |h"]);
        for (screen, rows) in [(&mut old, [1, 2]), (&mut new, [0, 1])] {
            for r in rows {
                screen[r * 7 + 3].set_symbol("枫");
                screen[r * 7 + 4] = Cell::default();
            }
        }
        let s = find(&old, &new, 7, 4).unwrap();
        assert!(clean_edges(&old, 7, s), "{s:?}");
        assert_eq!((s.left, s.right), (2, 4));
    }

    #[test]
    fn a_wide_character_across_an_edge_is_seen() {
        let mut screen = frame(&["a  b", "c  d", "e  f"]);
        let s = Scroll {
            top: 0,
            bottom: 2,
            left: 1,
            right: 2,
            lines: 1,
            up: true,
        };
        assert!(clean_edges(&screen, 4, s));
        screen[4].set_symbol("枫");
        assert!(!clean_edges(&screen, 4, s));
        let mut screen = frame(&["a  b", "c  d", "e  f"]);
        screen[10].set_symbol("桥");
        assert!(!clean_edges(&screen, 4, s));
        assert!(clean_edges(&screen, 4, s.widened(4)));
    }
}
