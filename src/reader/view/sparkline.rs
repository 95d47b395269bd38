//! A sparkline of any real numbers (negative ones too) in braille, which is
//! narrow in every terminal: one bar a point, on an honest scale.
//!
//! The scale always holds zero (and 100 for an index), so a bar's height is
//! in proportion to its value: a 6 % change is a 6 % difference in height,
//! not a swing from the bottom to the top. Derived points are drawn with the
//! left column of dots only, told apart from stated ones without colour. A
//! line needs at least three points; fewer draw nothing here (the figure and
//! the detail's labelled bars say it).

use crate::model::{Series, SeriesKind};

/// Braille dots of the left and right columns, from the bottom up.
const LEFT: [u32; 4] = [0x40, 0x04, 0x02, 0x01];
const RIGHT: [u32; 4] = [0x80, 0x20, 0x10, 0x08];

/// The fewest points a sparkline is drawn for.
pub(crate) const MIN_POINTS: usize = 3;

/// One cell of a sparkline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SparkCell {
    pub ch: char,
    pub derived: bool,
}

/// The range a series is drawn on: its values, zero, and 100 for an index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    pub lo: f64,
    pub hi: f64,
}

impl Scale {
    pub(crate) fn of(series: &Series) -> Scale {
        let start = match series.kind {
            SeriesKind::Index(_) => (0.0f64, 100.0f64),
            _ => (0.0, 0.0),
        };
        let (lo, hi) = series
            .points
            .iter()
            .fold(start, |(lo, hi), p| (lo.min(p.value), hi.max(p.value)));
        Scale { lo, hi }
    }

    /// Where `v` sits between the bottom (0) and the top (1). Halved first,
    /// so that a range from −1e308 to 1e308 does not overflow.
    pub(crate) fn ratio(&self, v: f64) -> f64 {
        let span = self.hi / 2.0 - self.lo / 2.0;
        if span <= 0.0 || !span.is_finite() {
            return 0.0;
        }
        ((v / 2.0 - self.lo / 2.0) / span).clamp(0.0, 1.0)
    }

    /// The cells from zero to `v` out of `cells`: always at least one, so
    /// that every point shows.
    pub(crate) fn extent(&self, v: f64, cells: usize) -> (usize, usize) {
        let at = |x: f64| (self.ratio(x) * cells as f64).round() as usize;
        let (zero, end) = (at(0.0), at(v));
        let (mut from, mut to) = (zero.min(end), zero.max(end));
        if from == to {
            if to < cells {
                to += 1;
            } else {
                from = from.saturating_sub(1);
            }
        }
        (from, to)
    }
}

/// The sparkline of `series` in `rows` rows (top first), one cell per point;
/// at most `max_cells` of the latest points. `None` for fewer than three.
pub(crate) fn spark(series: &Series, rows: usize, max_cells: usize) -> Option<Vec<Vec<SparkCell>>> {
    let points = &series.points[series.points.len().saturating_sub(max_cells)..];
    if points.len() < MIN_POINTS {
        return None;
    }
    let rows = rows.max(1);
    let scale = Scale::of(series);
    let cells = (0..rows)
        .map(|r| {
            let floor = (rows - 1 - r) * 4;
            points
                .iter()
                .map(|p| {
                    let (from, to) = scale.extent(p.value, rows * 4);
                    let dots = (0..4).filter(|d| (from..to).contains(&(floor + d)));
                    let bits: u32 = dots
                        .map(|d| {
                            if p.derived {
                                LEFT[d]
                            } else {
                                LEFT[d] | RIGHT[d]
                            }
                        })
                        .sum();
                    SparkCell {
                        ch: char::from_u32(0x2800 + bits).unwrap_or(' '),
                        derived: p.derived,
                    }
                })
                .collect()
        })
        .collect();
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::series::SeriesPoint;
    use crate::model::{Basis, Source};

    fn series(kind: SeriesKind, values: &[f64], derived: bool) -> Series {
        Series {
            kind,
            points: values
                .iter()
                .map(|&value| SeriesPoint {
                    label: String::new(),
                    value,
                    derived,
                    source: Source::IndexBase,
                })
                .collect(),
        }
    }

    fn line(values: &[f64], rows: usize) -> Vec<String> {
        spark(&series(SeriesKind::Real, values, false), rows, 20)
            .unwrap()
            .into_iter()
            .map(|row| row.into_iter().map(|c| c.ch).collect())
            .collect()
    }

    #[test]
    fn a_six_percent_fall_is_not_a_full_swing() {
        let s = series(SeriesKind::Index(Basis::Yoy), &[100.0, 97.0, 93.68], true);
        let rows: Vec<String> = spark(&s, 2, 20)
            .unwrap()
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.ch).collect())
            .collect();
        // Every bar reaches the upper row: none is near the bottom.
        assert!(rows[0].chars().all(|c| c != '⠀'), "{rows:?}");
        assert!(rows[1].chars().all(|c| c == '⡇'), "{rows:?}");
    }

    #[test]
    fn rising_real_series_grow_from_zero() {
        assert_eq!(line(&[980.0, 1550.0, 2100.0], 1), ["⣤⣶⣿"]);
    }

    #[test]
    fn negative_values_hang_from_zero() {
        assert_eq!(line(&[-5.0, 0.0, 5.0], 2), ["⠀⣀⣿", "⣿⠀⠀"]);
    }

    #[test]
    fn derived_points_are_drawn_with_one_column() {
        let s = series(SeriesKind::Index(Basis::Yoy), &[100.0, 50.0, 100.0], true);
        let row: String = spark(&s, 1, 20).unwrap()[0].iter().map(|c| c.ch).collect();
        assert_eq!(row, "⡇⡄⡇");
    }

    #[test]
    fn fewer_than_three_points_draw_no_line() {
        assert!(spark(&series(SeriesKind::Real, &[1.0, 2.0], false), 1, 20).is_none());
        assert!(
            spark(
                &series(SeriesKind::Real, &[1.0, 2.0, 3.0, 4.0], false),
                1,
                2
            )
            .is_none()
        );
        assert_eq!(
            spark(
                &series(SeriesKind::Real, &[1.0, 2.0, 3.0, 4.0], false),
                1,
                3
            )
            .unwrap()[0]
                .len(),
            3
        );
    }

    #[test]
    fn the_largest_numbers_do_not_overflow_the_scale() {
        let s = Scale::of(&series(SeriesKind::Real, &[-1e308, 1e308], false));
        assert_eq!(s.ratio(1e308), 1.0);
        assert_eq!(s.ratio(-1e308), 0.0);
        assert!((s.ratio(0.0) - 0.5).abs() < 1e-12);
    }
}
