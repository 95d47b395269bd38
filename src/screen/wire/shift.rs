//! Finding a vertical shift of full-width rows between two frames, so the
//! terminal can move them (DECSTBM with SU/SD) instead of being sent them again.

use ratatui::buffer::Cell;

/// Rows `top..=bottom` move by `lines`: up (content scrolls up) or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shift {
    pub top: usize,
    pub bottom: usize,
    pub lines: usize,
    pub up: bool,
}

fn row_hash(row: &[Cell]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for c in row {
        c.symbol().hash(&mut h);
        c.fg.hash(&mut h);
        c.bg.hash(&mut h);
        c.modifier.hash(&mut h);
    }
    h.finish()
}

fn is_blank(row: &[Cell]) -> bool {
    row.iter().all(|c| {
        c.symbol() == " "
            && c.fg == ratatui::style::Color::Reset
            && c.bg == ratatui::style::Color::Reset
            && c.modifier.is_empty()
    })
}

/// The shift that saves sending the most non-blank rows, if one saves at least two.
pub(crate) fn find(old: &[Cell], new: &[Cell], width: usize, height: usize) -> Option<Shift> {
    if width == 0 || height < 3 || old.len() != width * height || new.len() != width * height {
        return None;
    }
    if old.chunks(width).all(is_blank) {
        // Nothing on the screen to move (the first frame).
        return None;
    }
    let rows = |cells: &[Cell]| -> Vec<u64> { cells.chunks(width).map(row_hash).collect() };
    let (o, n) = (rows(old), rows(new));
    let blank: Vec<bool> = new.chunks(width).map(is_blank).collect();
    let mut best: Option<(usize, Shift)> = None;
    for lines in 1..height {
        for up in [true, false] {
            // Row r of the new frame was row r + lines (up) or r - lines (down) of the old one.
            let source = |r: usize| {
                if up {
                    r.checked_add(lines).filter(|&s| s < height)
                } else {
                    r.checked_sub(lines)
                }
            };
            let mut r = 0;
            while r < height {
                let matches = |r: usize| source(r).is_some_and(|s| n[r] == o[s] && n[r] != o[r]);
                if !matches(r) {
                    r += 1;
                    continue;
                }
                let start = r;
                let mut saved = 0;
                while r < height && matches(r) {
                    saved += usize::from(!blank[r]);
                    r += 1;
                }
                let end = r - 1;
                let shift = if up {
                    Shift {
                        top: start,
                        bottom: end + lines,
                        lines,
                        up,
                    }
                } else {
                    Shift {
                        top: start - lines,
                        bottom: end,
                        lines,
                        up,
                    }
                };
                if saved >= 2 && best.as_ref().is_none_or(|(s, _)| saved > *s) {
                    best = Some((saved, shift));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A screen of one-character cells, a row per string.
    pub(in crate::screen::wire) fn frame(rows: &[&str]) -> Vec<Cell> {
        rows.iter()
            .flat_map(|r| {
                r.chars().map(|c| {
                    let mut cell = Cell::default();
                    cell.set_char(c);
                    cell
                })
            })
            .collect()
    }

    #[test]
    fn a_one_line_scroll_is_found() {
        let old = frame(&["tab", "aaa", "bbb", "ccc", "ddd", "sts"]);
        let new = frame(&["tab", "bbb", "ccc", "ddd", "eee", "sts"]);
        let s = find(&old, &new, 3, 6).unwrap();
        assert_eq!(
            s,
            Shift {
                top: 1,
                bottom: 4,
                lines: 1,
                up: true
            }
        );
        let mut screen = old.clone();
        super::super::band::apply(&mut screen, 3, super::super::band::Scroll::full(s, 3));
        assert_eq!(screen[3..12], new[3..12]);
    }

    #[test]
    fn scrolling_back_is_found() {
        let old = frame(&["tab", "bbb", "ccc", "ddd", "eee", "sts"]);
        let new = frame(&["tab", "aaa", "bbb", "ccc", "ddd", "sts"]);
        assert_eq!(
            find(&old, &new, 3, 6),
            Some(Shift {
                top: 1,
                bottom: 4,
                lines: 1,
                up: false
            })
        );
    }

    #[test]
    fn unrelated_frames_have_no_shift() {
        let old = frame(&["abc", "def", "ghi", "jkl"]);
        let new = frame(&["mno", "pqr", "stu", "vwx"]);
        assert_eq!(find(&old, &new, 3, 4), None);
    }
}
