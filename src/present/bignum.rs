//! Big numbers for slides: a 3×5 bitmap font drawn in braille, which is
//! narrow in every terminal, so the glyphs occupy the same columns whether
//! ambiguous-width characters are drawn narrow or wide.

/// The glyph of `c`, rows top to bottom, `#` for ink; `None` if the font lacks it.
fn glyph(c: char) -> Option<&'static [&'static str; 5]> {
    Some(match c {
        '0' => &["###", "#.#", "#.#", "#.#", "###"],
        '1' => &[".#.", "##.", ".#.", ".#.", "###"],
        '2' => &["###", "..#", "###", "#..", "###"],
        '3' => &["###", "..#", "###", "..#", "###"],
        '4' => &["#.#", "#.#", "###", "..#", "..#"],
        '5' => &["###", "#..", "###", "..#", "###"],
        '6' => &["###", "#..", "###", "#.#", "###"],
        '7' => &["###", "..#", "..#", "..#", "..#"],
        '8' => &["###", "#.#", "###", "#.#", "###"],
        '9' => &["###", "#.#", "###", "..#", "###"],
        '.' => &[".", ".", ".", ".", "#"],
        ',' => &[".", ".", ".", "#", "#"],
        '%' => &["#.#", "..#", ".#.", "#..", "#.#"],
        '+' => &["...", ".#.", "###", ".#.", "..."],
        '−' | '-' => &["...", "...", "###", "...", "..."],
        '↑' => &[".#.", "###", "#.#", ".#.", ".#."],
        '↓' => &[".#.", ".#.", "#.#", "###", ".#."],
        ' ' => &[".", ".", ".", ".", "."],
        _ => return None,
    })
}

/// How big to draw: dots per font pixel across and down (a braille dot is
/// about square, so a pixel is too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scale {
    /// 3 cells by 1½ rows a pixel: 8 rows high.
    Huge,
    /// 2 cells by 1 row a pixel: 5 rows high.
    Large,
    /// 1½ cells by ¾ row a pixel: 4 rows high.
    Medium,
    /// 1 cell by half a row a pixel: 3 rows high.
    Small,
}

impl Scale {
    /// Every scale, the largest first.
    pub(crate) const ALL: [Scale; 4] = [Scale::Huge, Scale::Large, Scale::Medium, Scale::Small];

    fn dots(self) -> (usize, usize) {
        match self {
            Scale::Huge => (6, 6),
            Scale::Large => (4, 4),
            Scale::Medium => (3, 3),
            Scale::Small => (2, 2),
        }
    }

    pub(crate) fn rows(self) -> usize {
        let (_, sy) = self.dots();
        (5 * sy).div_ceil(4)
    }
}

/// Columns `text` takes at `scale`, without drawing it; `None` if a
/// character is not in the font.
pub(crate) fn columns(text: &str, scale: Scale) -> Option<usize> {
    let mut pixels = 0;
    for (i, c) in text.chars().enumerate() {
        pixels += glyph(c)?[0].len() + usize::from(i > 0);
    }
    Some((pixels * scale.dots().0).div_ceil(2))
}

/// `text` as rows of braille at `scale`; `None` if a character is not in the font.
pub(crate) fn render(text: &str, scale: Scale) -> Option<Vec<String>> {
    // Lay the glyphs side by side with one pixel between them.
    let mut bitmap = vec![String::new(); 5];
    for (i, c) in text.chars().enumerate() {
        let g = glyph(c)?;
        for (row, line) in bitmap.iter_mut().enumerate() {
            if i > 0 {
                line.push('.');
            }
            line.push_str(g[row]);
        }
    }
    let (sx, sy) = scale.dots();
    let width_dots = bitmap[0].chars().count() * sx;
    let height_dots = 5 * sy;
    let ink = |x: usize, y: usize| -> bool {
        y < height_dots && x < width_dots && bitmap[y / sy].as_bytes()[x / sx] == b'#'
    };
    // Braille dot bits by (column, row) within a cell.
    const BITS: [[u32; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
    let cells_x = width_dots.div_ceil(2);
    let cells_y = height_dots.div_ceil(4);
    Some(
        (0..cells_y)
            .map(|cy| {
                (0..cells_x)
                    .map(|cx| {
                        let mut bits = 0;
                        for (dx, column) in BITS.iter().enumerate() {
                            for (dy, bit) in column.iter().enumerate() {
                                if ink(cx * 2 + dx, cy * 4 + dy) {
                                    bits |= bit;
                                }
                            }
                        }
                        char::from_u32(0x2800 + bits).unwrap_or(' ')
                    })
                    .collect()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::width::{str_width, with_ambiguous_wide};

    /// Columns `text` takes at `scale`.
    fn width(text: &str, scale: Scale) -> usize {
        render(text, scale).map_or(0, |rows| rows[0].chars().count())
    }

    #[test]
    fn large_digits_are_five_rows_of_full_cells() {
        let rows = render("1", Scale::Large).unwrap();
        assert_eq!(rows, ["⠀⠀⣿⣿⠀⠀", "⣿⣿⣿⣿⠀⠀", "⠀⠀⣿⣿⠀⠀", "⠀⠀⣿⣿⠀⠀", "⣿⣿⣿⣿⣿⣿"]);
    }

    #[test]
    fn small_digits_are_three_rows() {
        let rows = render("−6.32%", Scale::Small).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(Scale::Small.rows(), 3);
        assert_eq!(Scale::Large.rows(), 5);
        assert_eq!(Scale::Medium.rows(), 4);
        assert_eq!(Scale::Huge.rows(), 8);
        for scale in Scale::ALL {
            assert_eq!(render("3.4", scale).unwrap().len(), scale.rows());
        }
    }

    #[test]
    fn unknown_characters_are_refused() {
        assert!(render("6万", Scale::Large).is_none());
        assert!(render("个", Scale::Small).is_none());
    }

    #[test]
    fn glyphs_take_the_same_columns_under_both_width_settings() {
        for text in ["−6.32%", "+466.2%", "0.11%", "↑↓"] {
            for scale in Scale::ALL {
                let rows = render(text, scale).unwrap();
                let narrow: Vec<usize> = rows
                    .iter()
                    .map(|r| with_ambiguous_wide(false, || str_width(r)))
                    .collect();
                let wide: Vec<usize> = rows
                    .iter()
                    .map(|r| with_ambiguous_wide(true, || str_width(r)))
                    .collect();
                assert_eq!(narrow, wide, "{text}");
                assert!(narrow.iter().all(|&w| w == width(text, scale)));
                assert_eq!(columns(text, scale), Some(width(text, scale)));
            }
        }
    }
}
