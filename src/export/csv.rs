//! CSV export: one row per indicator per period (RFC 4180, UTF-8, with a byte
//! order mark so that Excel reads the Chinese as Chinese). Figures are written
//! as the briefings state them; a worked-out figure is marked `derived`; no
//! text cell can start a spreadsheet formula.

use std::collections::HashSet;

use super::{basis_key, change_unit_key, earlier, good_key, indicators, round_like};
use crate::library::Library;
use crate::model::{
    Briefing, Indicator, Period, SeriesKind, format_number, series, values_elsewhere,
};

/// The header row. `origin` says where a value comes from: `stated` by the
/// briefing of that period, `history` stated by a later briefing for that
/// earlier period, or `derived` (worked out as `value − change`, the
/// format's rule 3).
pub(crate) const HEADER: [&str; 14] = [
    "organization",
    "period",
    "section",
    "item",
    "indicator",
    "label",
    "value",
    "unit",
    "change",
    "change_unit",
    "basis",
    "good",
    "origin",
    "cite",
];

/// One row, in the order of [`HEADER`].
type Row = [String; 14];

/// Every row of every briefing of `lib`, ordered by organisation and period,
/// and in reading order within a period.
pub(crate) fn rows(lib: &Library) -> Vec<Row> {
    let mut seen = stated(lib);
    let mut rows: Vec<(String, Period, Row)> = Vec::new();
    for entry in &lib.entries {
        let b = &entry.briefing;
        let group = super::group_of(lib, entry);
        for (section, item, ind) in indicators(b) {
            let place = Place {
                b,
                section,
                item,
                ind,
            };
            indicator_rows(&place, &group, &mut seen, &mut rows);
        }
    }
    // Stable: reading order stays within one organisation's period.
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    rows.into_iter().map(|(_, _, r)| r).collect()
}

/// (organisation, indicator, period) already given a row.
type Seen = HashSet<(String, String, Period)>;

/// Every (organisation, indicator, period) a briefing states itself: these
/// rows are `stated`, never `history` or `derived`.
fn stated(lib: &Library) -> Seen {
    let mut seen = Seen::new();
    for entry in &lib.entries {
        let b = &entry.briefing;
        for (_, _, ind) in indicators(b) {
            seen.insert((b.organization.clone(), ind.id.clone(), b.period));
        }
    }
    seen
}

/// An indicator where a briefing states it.
struct Place<'a> {
    b: &'a Briefing,
    section: &'a str,
    item: &'a str,
    ind: &'a Indicator,
}

impl Place<'_> {
    /// The row for `period`; the change only on the stated row.
    fn row(&self, period: Period, value: Option<f64>, change: bool, origin: &str) -> Row {
        let ind = self.ind;
        let c = ind.change.as_ref().filter(|_| change);
        [
            self.b.organization.clone(),
            period.to_string(),
            self.section.to_string(),
            self.item.to_string(),
            ind.id.clone(),
            ind.label.clone(),
            value.map(format_number).unwrap_or_default(),
            ind.unit.clone().unwrap_or_default(),
            c.map(|c| format_number(c.amount)).unwrap_or_default(),
            c.map(|c| change_unit_key(&c.unit).to_string())
                .unwrap_or_default(),
            c.map(|c| basis_key(c.basis).to_string())
                .unwrap_or_default(),
            ind.good.map(good_key).unwrap_or_default().to_string(),
            origin.to_string(),
            ind.cite.clone().unwrap_or_default(),
        ]
    }
}

/// The rows of one stated indicator: its own, its history for periods no
/// briefing states, and the earlier value worked out from its change.
fn indicator_rows(
    at: &Place,
    group: &[&Briefing],
    seen: &mut Seen,
    rows: &mut Vec<(String, Period, Row)>,
) {
    let (b, ind) = (at.b, at.ind);
    let org = b.organization.clone();
    rows.push((
        org.clone(),
        b.period,
        at.row(b.period, ind.value, true, "stated"),
    ));
    for point in &ind.history {
        if seen.insert((org.clone(), ind.id.clone(), point.period)) {
            let mut r = at.row(point.period, Some(point.value), false, "history");
            r[13].clear();
            rows.push((org.clone(), point.period, r));
        }
    }
    let others = values_elsewhere(group.iter().copied(), b.period, &ind.id);
    let derived = series(ind, b.period, &others).filter(|s| s.kind == SeriesKind::Derived);
    if let (Some(s), Some(change), Some(value)) = (derived, &ind.change, ind.value)
        && let Some(period) = earlier(b.period, change.basis)
        && let Some(first) = s.points.first()
        && seen.insert((org.clone(), ind.id.clone(), period))
    {
        let worked = round_like(first.value, &[value, change.amount]);
        rows.push((org, period, at.row(period, Some(worked), false, "derived")));
    }
}

/// The columns of numbers (`value`, `change`), written as the program formats them.
const NUMBERS: [usize; 2] = [6, 8];

/// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
/// or a tab or carriage return first) gets a `'` in front, which the
/// spreadsheet shows as text: a hostile file cannot make a cell compute.
pub(crate) fn defuse(cell: &mut String) {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.insert(0, '\'');
    }
}

/// The CSV file of `lib`: the header, then [`rows`]; CRLF line ends (RFC 4180).
pub(crate) fn render(lib: &Library, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    // Writing to memory cannot fail; a record is always whole.
    let _ = writer.write_record(HEADER);
    for mut r in rows(lib) {
        for (k, cell) in r.iter_mut().enumerate() {
            if !NUMBERS.contains(&k) {
                defuse(cell);
            }
        }
        let _ = writer.write_record(&r);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_plain_text_is_not() {
        let d = |s: &str| {
            let mut c = s.to_string();
            defuse(&mut c);
            c
        };
        assert_eq!(d("=1+1"), "'=1+1");
        assert_eq!(d("+86"), "'+86");
        assert_eq!(d("-x"), "'-x");
        assert_eq!(d("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(d("电诈发案"), "电诈发案");
        assert_eq!(d("a=b"), "a=b");
        assert_eq!(d(""), "");
    }
}
