//! CSV export: one row per indicator per period (RFC 4180, UTF-8, with a byte
//! order mark so that Excel reads the Chinese as Chinese). Figures are written
//! as the briefings state them; a worked-out figure is marked `derived`; no
//! text cell can start a spreadsheet formula.

use std::collections::HashSet;

use super::{basis_key, change_unit_key, earlier, good_key, indicators, round_like};
use crate::library::Library;
use crate::model::{Period, SeriesKind, format_number, series, values_elsewhere};

/// The header row. `origin` says where a value comes from: `stated` by the
/// briefing of that period, `history` stated by a later briefing for that
/// earlier period, or `derived` (worked out as `value − change`, the
/// format's rule 3).
pub const HEADER: [&str; 14] = [
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
pub fn rows(lib: &Library) -> Vec<Row> {
    let mut rows: Vec<(String, Period, Row)> = Vec::new();
    // (organisation, indicator, period) already given a row.
    let mut seen: HashSet<(String, String, Period)> = HashSet::new();
    for entry in &lib.entries {
        let b = &entry.briefing;
        for (_, _, ind) in indicators(b) {
            seen.insert((b.organization.clone(), ind.id.clone(), b.period));
        }
    }
    for entry in &lib.entries {
        let b = &entry.briefing;
        let group = super::group_of(lib, entry);
        for (section, item, ind) in indicators(b) {
            let good = ind.good.map(good_key).unwrap_or_default().to_string();
            let unit = ind.unit.clone().unwrap_or_default();
            let row = |period: Period, value: Option<f64>, change: bool, origin: &str| -> Row {
                let c = ind.change.as_ref().filter(|_| change);
                [
                    b.organization.clone(),
                    period.to_string(),
                    section.to_string(),
                    item.to_string(),
                    ind.id.clone(),
                    ind.label.clone(),
                    value.map(format_number).unwrap_or_default(),
                    unit.clone(),
                    c.map(|c| format_number(c.amount)).unwrap_or_default(),
                    c.map(|c| change_unit_key(&c.unit).to_string())
                        .unwrap_or_default(),
                    c.map(|c| basis_key(c.basis).to_string())
                        .unwrap_or_default(),
                    good.clone(),
                    origin.to_string(),
                    ind.cite.clone().unwrap_or_default(),
                ]
            };
            let org = b.organization.clone();
            rows.push((
                org.clone(),
                b.period,
                row(b.period, ind.value, true, "stated"),
            ));
            for point in &ind.history {
                if seen.insert((org.clone(), ind.id.clone(), point.period)) {
                    let mut r = row(point.period, Some(point.value), false, "history");
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
                rows.push((org, period, row(period, Some(worked), false, "derived")));
            }
        }
    }
    // Stable: reading order stays within one organisation's period.
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    rows.into_iter().map(|(_, _, r)| r).collect()
}

/// The columns of numbers (`value`, `change`), written as the program formats them.
const NUMBERS: [usize; 2] = [6, 8];

/// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
/// or a tab or carriage return first) gets a `'` in front, which the
/// spreadsheet shows as text: a hostile file cannot make a cell compute.
pub fn defuse(cell: &mut String) {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.insert(0, '\'');
    }
}

/// The CSV file of `lib`: the header, then [`rows`]; CRLF line ends (RFC 4180).
pub fn render(lib: &Library, bom: bool) -> Vec<u8> {
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
