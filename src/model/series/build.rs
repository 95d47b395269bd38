//! The spec's four rules, applied to what every loaded briefing states:
//! stated values first, else a chain of stated changes in percent, else a
//! level worked back from a value and its change, else nothing.

use super::{Series, SeriesKind, SeriesPoint, Source, Statement, earlier};
use crate::model::{Basis, ChangeUnit, Period};

/// The period a change with `basis` is measured against: the same period a
/// year before (同比) or the period just before, of the same length (环比).
pub(super) fn predecessor(period: Period, basis: Basis) -> Option<Period> {
    let back = |y: u16, n: u8, count: u8| -> Option<(u16, u8)> {
        match basis {
            Basis::Yoy => Some((y.checked_sub(1)?, n)),
            Basis::Pop if n > 1 => Some((y, n - 1)),
            Basis::Pop => Some((y.checked_sub(1)?, count)),
        }
    };
    Some(match period {
        Period::Year(y) => Period::Year(y.checked_sub(1)?),
        Period::Half(y, h) => back(y, h, 2).map(|(y, h)| Period::Half(y, h))?,
        Period::Quarter(y, q) => back(y, q, 4).map(|(y, q)| Period::Quarter(y, q))?,
        Period::Month(y, m) => back(y, m, 12).map(|(y, m)| Period::Month(y, m))?,
    })
}

pub(super) fn build(
    statements: &[Statement],
    others: &[(Period, f64)],
    loaded: &[Period],
) -> Option<Series> {
    let real = stated_points(statements, others);
    if real.len() >= 2 {
        return Some(Series {
            kind: SeriesKind::Real,
            points: real,
        });
    }
    index_chain(statements, loaded).or_else(|| worked_back(statements, loaded))
}

/// Rule 1: every stated value, one a period. A briefing's own value wins
/// over another's history of that period; between two histories, the later
/// briefing's.
fn stated_points(statements: &[Statement], others: &[(Period, f64)]) -> Vec<SeriesPoint> {
    // (period, rank: 0 own value, 1 history; the later file first), value, source.
    let mut found: Vec<(Period, u8, std::cmp::Reverse<Period>, f64, Source)> = Vec::new();
    for s in statements {
        let file = s.period;
        if let Some(v) = s.indicator.value {
            let line = s.indicator.value_line;
            found.push((
                file,
                0,
                std::cmp::Reverse(file),
                v,
                Source::Value { file, line },
            ));
        }
        for p in &s.indicator.history {
            let source = Source::History { file, line: p.line };
            found.push((p.period, 1, std::cmp::Reverse(file), p.value, source));
        }
    }
    for &(file, v) in others {
        found.push((
            file,
            0,
            std::cmp::Reverse(file),
            v,
            Source::Value { file, line: 0 },
        ));
    }
    found.sort_by_key(|a| (a.0, a.1, a.2));
    found.dedup_by_key(|f| f.0);
    found
        .into_iter()
        .map(|(period, _, _, value, source)| SeriesPoint {
            label: period.to_string(),
            value,
            derived: false,
            source,
        })
        .collect()
}

/// The label of the period a chain starts from: the period itself when it
/// is loaded, else 上年 or 上期.
fn base_label(base: Option<Period>, basis: Basis, loaded: &[Period]) -> String {
    match base {
        Some(p) if loaded.contains(&p) => p.to_string(),
        _ => earlier(basis).to_string(),
    }
}

/// The statements with a change in percent, each with the period it is
/// measured against, linked back as far as the stated changes go. The
/// longest chain wins; between two as long, the later.
fn longest_chain<'s, 'a>(statements: &'s [Statement<'a>]) -> Vec<&'s Statement<'a>> {
    let percent = |p: Period| {
        statements.iter().find(|s| {
            s.period == p
                && s.indicator
                    .change
                    .as_ref()
                    .is_some_and(|c| c.unit == ChangeUnit::Percent)
        })
    };
    let mut best: Vec<&Statement> = Vec::new();
    for end in statements {
        let mut chain = vec![end];
        let mut at = end;
        while let Some(c) = percent(at.period).and_then(|s| s.indicator.change.as_ref())
            && let Some(prev) = predecessor(at.period, c.basis).and_then(percent)
            && !chain.iter().any(|s| s.period == prev.period)
        {
            chain.push(prev);
            at = prev;
        }
        if percent(end.period).is_none() {
            continue;
        }
        let longer = chain.len() > best.len()
            || (chain.len() == best.len() && best.first().is_some_and(|b| b.period < end.period));
        if longer {
            best = chain;
        }
    }
    best.reverse();
    best
}

/// Rule 2: an index of 100 at the period before the earliest stated change
/// in percent, carried through every later one that links to it.
fn index_chain(statements: &[Statement], loaded: &[Period]) -> Option<Series> {
    let chain = longest_chain(statements);
    let first = chain.first()?;
    let first_change = first.indicator.change.as_ref()?;
    let base = predecessor(first.period, first_change.basis);
    let mut points = vec![SeriesPoint {
        label: base_label(base, first_change.basis, loaded),
        value: 100.0,
        derived: true,
        source: Source::IndexBase,
    }];
    let mut level = 100.0;
    for s in &chain {
        let change = s.indicator.change.clone()?;
        level *= 1.0 + change.amount / 100.0;
        // A level beyond the range of numbers is not drawn: the viewer
        // never shows a figure the file does not give.
        if !level.is_finite() {
            return None;
        }
        points.push(SeriesPoint {
            label: s.period.to_string(),
            value: level,
            derived: true,
            source: Source::Change {
                file: s.period,
                change,
            },
        });
    }
    Some(Series {
        kind: SeriesKind::Index(first_change.basis),
        points,
    })
}

/// Rule 3: the level before a stated value, worked back from its change in
/// points or in its own unit (the latest briefing that states both).
fn worked_back(statements: &[Statement], loaded: &[Period]) -> Option<Series> {
    let s = statements
        .iter()
        .filter(|s| {
            s.indicator.value.is_some()
                && s.indicator
                    .change
                    .as_ref()
                    .is_some_and(|c| c.unit != ChangeUnit::Percent)
        })
        .max_by_key(|s| s.period)?;
    let value = s.indicator.value?;
    let change = s.indicator.change.clone()?;
    let before = value - change.amount;
    if !before.is_finite() {
        return None;
    }
    let base = predecessor(s.period, change.basis);
    Some(Series {
        kind: SeriesKind::Derived,
        points: vec![
            SeriesPoint {
                label: base_label(base, change.basis, loaded),
                value: before,
                derived: true,
                source: Source::Change {
                    file: s.period,
                    change,
                },
            },
            SeriesPoint {
                label: s.period.to_string(),
                value,
                derived: false,
                source: Source::Value {
                    file: s.period,
                    line: s.indicator.value_line,
                },
            },
        ],
    })
}
