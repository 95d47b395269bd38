//! A sparkline of any real numbers (negative ones too) in braille, which is
//! narrow in every terminal; one bar a point, derived points marked.

use crate::model::Series;

/// Braille dots of the left and right columns, from the bottom up.
const LEFT: [u32; 4] = [0x40, 0x04, 0x02, 0x01];
const RIGHT: [u32; 4] = [0x80, 0x20, 0x10, 0x08];

/// One cell of a sparkline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SparkCell {
    pub ch: char,
    pub derived: bool,
}

/// The sparkline of `series` in `rows` rows (top first), one cell per point;
/// at most `max_cells` of the latest points.
pub(crate) fn spark(series: &Series, rows: usize, max_cells: usize) -> Vec<Vec<SparkCell>> {
    let points = &series.points[series.points.len().saturating_sub(max_cells)..];
    let rows = rows.max(1);
    let levels = rows * 4;
    let (lo, hi) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.value), hi.max(p.value))
        });
    let level = |v: f64| -> usize {
        if (hi - lo).abs() < f64::EPSILON {
            levels / 2
        } else {
            1 + (((v - lo) / (hi - lo)) * (levels - 1) as f64).round() as usize
        }
    };
    (0..rows)
        .map(|r| {
            let floor = (rows - 1 - r) * 4;
            points
                .iter()
                .map(|p| {
                    let filled = level(p.value).saturating_sub(floor).min(4);
                    let bits: u32 = (0..filled).map(|d| LEFT[d] | RIGHT[d]).sum();
                    SparkCell {
                        ch: char::from_u32(0x2800 + bits).unwrap_or(' '),
                        derived: p.derived,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SeriesKind, SeriesPoint};

    fn series(values: &[f64]) -> Series {
        Series {
            kind: SeriesKind::Real,
            points: values
                .iter()
                .map(|&value| SeriesPoint {
                    label: String::new(),
                    value,
                    derived: false,
                })
                .collect(),
        }
    }

    fn line(values: &[f64], rows: usize) -> Vec<String> {
        spark(&series(values), rows, 20)
            .into_iter()
            .map(|row| row.into_iter().map(|c| c.ch).collect())
            .collect()
    }

    #[test]
    fn falling_and_rising_are_visible() {
        assert_eq!(line(&[100.0, 93.68], 1), ["⣿⣀"]);
        assert_eq!(line(&[47.0, 53.0], 1), ["⣀⣿"]);
    }

    #[test]
    fn negative_values_are_drawn() {
        assert_eq!(line(&[-5.0, 0.0, 5.0], 2), ["⠀⣀⣿", "⣀⣿⣿"]);
    }

    #[test]
    fn flat_series_sit_in_the_middle() {
        assert_eq!(line(&[3.0, 3.0], 1), ["⣤⣤"]);
    }

    #[test]
    fn only_the_latest_points_fit() {
        assert_eq!(spark(&series(&[1.0, 2.0, 3.0, 4.0]), 1, 2)[0].len(), 2);
    }
}
