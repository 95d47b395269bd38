//! The series behind a sparkline, built by the spec's rules and nothing else,
//! once for an indicator across every loaded period of its organisation: the
//! same series whichever period shows it.

mod build;

use super::{Basis, Briefing, Change, Indicator, Period, format_number};
use crate::i18n::{subst, t as tr};

/// How a series came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeriesKind {
    /// Rule 1: stated values by period.
    Real,
    /// Rule 2: an index, the first point = 100, chained through each loaded
    /// period's stated change in percent; the basis of the first link.
    Index(Basis),
    /// Rule 3: the earlier level worked out from `value - change`.
    Derived,
}

/// Where the figure of a point comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    /// The `value` of the briefing of period `file`, at `line` of its file.
    Value { file: Period, line: usize },
    /// The `history` of the briefing of period `file`, at `line`.
    History { file: Period, line: usize },
    /// The base of an index: 100 by definition.
    IndexBase,
    /// Worked out from `change`, stated by the briefing of period `file`.
    Change { file: Period, change: Change },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SeriesPoint {
    /// The period or, where that period is not loaded, 上年 or 上期.
    pub label: String,
    pub value: f64,
    /// Worked out by rule 2 or 3, not stated.
    pub derived: bool,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    pub kind: SeriesKind,
    pub points: Vec<SeriesPoint>,
}

/// What one briefing states about the indicator: its own period, the
/// indicator as it has it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Statement<'a> {
    pub period: Period,
    pub indicator: &'a Indicator,
}

/// The series of indicator `id` across `group` (the loaded briefings of one
/// organisation, any order). `None` when rule 4 applies: no sparkline.
pub(crate) fn series_of<'a>(
    group: impl IntoIterator<Item = &'a Briefing>,
    id: &str,
) -> Option<Series> {
    let group: Vec<&Briefing> = group.into_iter().collect();
    let loaded: Vec<Period> = group.iter().map(|b| b.period).collect();
    let statements: Vec<Statement> = group
        .iter()
        .filter_map(|b| {
            Some(Statement {
                period: b.period,
                indicator: b.indicator(id)?,
            })
        })
        .collect();
    build::build(&statements, &[], &loaded)
}

/// The series of `indicator` in a briefing of period `own`, with the values
/// that other loaded briefings state for their own periods (`others`); the
/// briefing's own values win. For callers that hold one briefing and the
/// others' values only (the exports); the reader and `print` use
/// [`series_of`], which also chains the others' stated changes.
pub(crate) fn series(
    indicator: &Indicator,
    own: Period,
    others: &[(Period, f64)],
) -> Option<Series> {
    let loaded: Vec<Period> = [own]
        .into_iter()
        .chain(others.iter().map(|o| o.0))
        .collect();
    let own = Statement {
        period: own,
        indicator,
    };
    build::build(&[own], others, &loaded)
}

pub(crate) fn earlier(basis: Basis) -> &'static str {
    match basis {
        Basis::Yoy => tr("year_before"),
        Basis::Pop => tr("period_before"),
    }
}

/// A value as a series shows it: two decimals, unless the value is too large
/// to scale (then as stated).
pub(crate) fn point_value(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format_number(if rounded.is_finite() { rounded } else { value })
}

impl Series {
    /// A one-line account of the series: `2022 57 → 2023 63`, with derived
    /// points marked as worked out.
    pub(crate) fn describe(&self) -> String {
        let points: Vec<String> = self
            .points
            .iter()
            .map(|p| {
                let mark = if p.derived { "*" } else { "" };
                format!("{} {}{mark}", p.label, point_value(p.value))
            })
            .collect();
        let mut out = points.join(" → ");
        match self.kind {
            SeriesKind::Real => {}
            SeriesKind::Index(_) => {
                let base = self.points.first().map_or("", |p| p.label.as_str());
                out.push_str(&subst(tr("index_note"), &[base]));
            }
            SeriesKind::Derived => out.push_str(tr("derived_note")),
        }
        out
    }
}

#[cfg(test)]
mod tests;
