//! The series behind a sparkline, built by the spec's rules and nothing else.

use super::{Basis, ChangeUnit, Indicator, Period, format_number};
use crate::i18n::{subst, t as tr};

/// How a series came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// Rule 1: stated values by period.
    Real,
    /// Rule 2: an index, the earlier period = 100.
    Index(Basis),
    /// Rule 3: the earlier level worked out from `value - change`.
    Derived,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// The period or the index label (上年, 上期, 本期).
    pub label: String,
    pub value: f64,
    /// Worked out by rule 2 or 3, not stated.
    pub derived: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub kind: SeriesKind,
    pub points: Vec<SeriesPoint>,
}

fn earlier(basis: Basis) -> &'static str {
    match basis {
        Basis::Yoy => tr("year_before"),
        Basis::Pop => tr("period_before"),
    }
}

/// The series of `indicator` in a briefing of period `own`, with the values of
/// the same indicator from other loaded briefings (`others`, any order; the
/// briefing's own values win). `None` when rule 4 applies: no sparkline.
pub fn series(indicator: &Indicator, own: Period, others: &[(Period, f64)]) -> Option<Series> {
    let mut real: Vec<(Period, f64)> = indicator
        .history
        .iter()
        .map(|p| (p.period, p.value))
        .collect();
    if let Some(v) = indicator.value {
        real.push((own, v));
    }
    for &(period, value) in others {
        if !real.iter().any(|(p, _)| *p == period) {
            real.push((period, value));
        }
    }
    real.sort_by_key(|(p, _)| *p);
    if real.len() >= 2 {
        return Some(Series {
            kind: SeriesKind::Real,
            points: real
                .into_iter()
                .map(|(p, value)| SeriesPoint {
                    label: p.to_string(),
                    value,
                    derived: false,
                })
                .collect(),
        });
    }
    let change = indicator.change.as_ref()?;
    match (&change.unit, indicator.value) {
        (ChangeUnit::Percent, _) => Some(Series {
            kind: SeriesKind::Index(change.basis),
            points: vec![
                SeriesPoint {
                    label: earlier(change.basis).into(),
                    value: 100.0,
                    derived: true,
                },
                SeriesPoint {
                    label: own.to_string(),
                    value: 100.0 + change.amount,
                    derived: true,
                },
            ],
        }),
        // A point worked out beyond the range of numbers is not drawn: the
        // viewer never shows a figure the file does not give.
        (_, Some(value)) if (value - change.amount).is_finite() => Some(Series {
            kind: SeriesKind::Derived,
            points: vec![
                SeriesPoint {
                    label: earlier(change.basis).into(),
                    value: value - change.amount,
                    derived: true,
                },
                SeriesPoint {
                    label: own.to_string(),
                    value,
                    derived: false,
                },
            ],
        }),
        _ => None,
    }
}

impl Series {
    /// A one-line account of the series: `2022 57 → 2023 63`, with derived
    /// points marked as worked out.
    pub fn describe(&self) -> String {
        let points: Vec<String> = self
            .points
            .iter()
            .map(|p| {
                // Two decimals, unless the value is too large to scale (then it has none).
                let rounded = (p.value * 100.0).round() / 100.0;
                let v = format_number(if rounded.is_finite() {
                    rounded
                } else {
                    p.value
                });
                format!("{} {v}{}", p.label, if p.derived { "*" } else { "" })
            })
            .collect();
        let mut out = points.join(" → ");
        match self.kind {
            SeriesKind::Real => {}
            SeriesKind::Index(b) => out.push_str(&subst(tr("index_note"), &[earlier(b)])),
            SeriesKind::Derived => out.push_str(tr("derived_note")),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Change, Good};
    use super::*;

    fn ind(value: Option<f64>, change: Option<(f64, ChangeUnit)>) -> Indicator {
        Indicator {
            id: "x".into(),
            label: "x".into(),
            value,
            unit: None,
            change: change.map(|(amount, unit)| Change {
                amount,
                unit,
                basis: Basis::Yoy,
            }),
            good: Some(Good::Up),
            history: vec![],
            compare: vec![],
            note: None,
            cite: None,
            value_line: 0,
        }
    }

    const Y: Period = Period::Year(2023);

    #[test]
    fn rule_one_orders_real_points_and_own_values_win() {
        let mut i = ind(Some(5.0), None);
        i.history.push(crate::model::Point {
            period: Period::Year(2021),
            value: 3.0,
            line: 0,
        });
        let s = series(&i, Y, &[(Period::Year(2022), 4.0), (Y, 99.0)]).unwrap();
        assert_eq!(s.kind, SeriesKind::Real);
        let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
        assert_eq!(values, [3.0, 4.0, 5.0]);
    }

    #[test]
    fn rule_two_is_an_index() {
        let s = series(&ind(None, Some((-6.32, ChangeUnit::Percent))), Y, &[]).unwrap();
        assert_eq!(s.kind, SeriesKind::Index(Basis::Yoy));
        assert_eq!(s.points[0].value, 100.0);
        assert!((s.points[1].value - 93.68).abs() < 1e-9);
        assert!(s.points.iter().all(|p| p.derived));
    }

    #[test]
    fn rule_three_works_back_from_the_value() {
        let s = series(&ind(Some(53.0), Some((6.0, ChangeUnit::Points))), Y, &[]).unwrap();
        assert_eq!(s.kind, SeriesKind::Derived);
        assert_eq!(s.points[0].value, 47.0);
        assert!(s.points[0].derived && !s.points[1].derived);
    }

    #[test]
    fn figures_near_the_largest_number_print_as_stated_and_none_is_invented() {
        let mut i = ind(Some(1e308), None);
        i.history.push(crate::model::Point {
            period: Period::Year(2022),
            value: -1e308,
            line: 0,
        });
        let s = series(&i, Y, &[]).unwrap();
        assert_eq!(s.describe(), "2022 -1e308 → 2023 1e308");
        // 1e308 − (−1e308) is past the largest number: no worked-out point.
        let i = ind(Some(1e308), Some((-1e308, ChangeUnit::Points)));
        assert!(series(&i, Y, &[]).is_none());
    }

    #[test]
    fn rule_four_is_no_series() {
        assert!(series(&ind(Some(98.6), None), Y, &[]).is_none());
        assert!(series(&ind(None, Some((3.0, ChangeUnit::Points))), Y, &[]).is_none());
    }
}
