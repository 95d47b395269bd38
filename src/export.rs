//! `briefing export`: loaded briefings written for readers outside the
//! terminal — a spreadsheet (CSV), data (JSON) or one self-contained web page
//! (HTML) — and the one safe way to put such a file on disk.

pub(crate) mod csv;
pub(crate) mod html;
pub(crate) mod json;

use std::io::Write;
use std::path::Path;

use crate::library::{Entry, Library};
use crate::model::{Basis, Briefing, ChangeUnit, Good, Period, format_number};

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Csv,
    Json,
    Html,
}

/// How the files look beyond their format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Options {
    /// Start a CSV file with a UTF-8 byte order mark (for Excel).
    pub bom: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { bom: true }
    }
}

/// The bytes of the export of `lib`. `first` is the first file named: HTML
/// shows its organisation (its newest period, with series across all of
/// that organisation's periods); CSV and JSON hold every briefing.
pub(crate) fn render(
    format: Format,
    lib: &Library,
    first: Option<&Path>,
    options: Options,
) -> Vec<u8> {
    match format {
        Format::Csv => csv::render(lib, options.bom),
        Format::Json => json::render(lib),
        Format::Html => {
            let group = lib.group_of(first);
            match group.last() {
                Some(newest) => html::render(newest, &group).into_bytes(),
                None => Vec::new(),
            }
        }
    }
}

/// [`write_file`], with the message a user sees when it fails.
pub(crate) fn save(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_file(path, bytes).map_err(|e| {
        crate::i18n::subst(
            crate::i18n::t("m.export_cannot_write"),
            &[
                &crate::sanitize::visible(&path.display().to_string()),
                &e.to_string(),
            ],
        )
    })
}

/// Write `bytes` to `path` whole or not at all: into a temporary file in the
/// same directory, renamed over `path` once complete (never a partial file).
///
/// A link is followed (the file it names is replaced, not the link); a
/// device or pipe (`-o /dev/stdout`) is written to as it is.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let resolved;
    let path = match std::fs::canonicalize(path) {
        Ok(real) => {
            resolved = real;
            resolved.as_path()
        }
        Err(_) => path,
    };
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        return f.write_all(bytes).and_then(|()| f.flush());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            crate::i18n::t("m.export_is_dir"),
        ));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".briefing-export-");
    // A new file is readable by others, as files the shell makes are; a file
    // that is replaced keeps its own permissions.
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(
            std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777),
        )
    };
    #[cfg(unix)]
    builder.permissions(mode);
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The indicators of a briefing in reading order, each with the titles of
/// its section and item (empty for a section's own indicators).
pub(crate) fn indicators(b: &Briefing) -> Vec<(&str, &str, &crate::model::Indicator)> {
    let mut out = Vec::new();
    for s in &b.sections {
        out.extend(s.indicators.iter().map(|i| (&*s.title, "", i)));
        for item in &s.items {
            out.extend(
                item.indicators
                    .iter()
                    .map(|i| (&*s.title, item.title.as_str(), i)),
            );
        }
    }
    out
}

/// The other briefings of `entry`'s organisation.
pub(crate) fn group_of<'a>(lib: &'a Library, entry: &Entry) -> Vec<&'a Briefing> {
    lib.group(&entry.briefing.organization)
        .into_iter()
        .map(|e| &e.briefing)
        .collect()
}

/// The period a change is measured against: the same period a year before
/// (`yoy`) or the period just before (`pop`). `None` before the year 0.
pub(crate) fn earlier(period: Period, basis: Basis) -> Option<Period> {
    let y = period_year(period).checked_sub(1);
    Some(match (basis, period) {
        (_, Period::Year(_)) => Period::Year(y?),
        (Basis::Yoy, Period::Half(_, h)) => Period::Half(y?, h),
        (Basis::Yoy, Period::Quarter(_, q)) => Period::Quarter(y?, q),
        (Basis::Yoy, Period::Month(_, m)) => Period::Month(y?, m),
        (Basis::Pop, Period::Half(year, 2)) => Period::Half(year, 1),
        (Basis::Pop, Period::Half(_, _)) => Period::Half(y?, 2),
        (Basis::Pop, Period::Quarter(year, q)) if q > 1 => Period::Quarter(year, q - 1),
        (Basis::Pop, Period::Quarter(_, _)) => Period::Quarter(y?, 4),
        (Basis::Pop, Period::Month(year, m)) if m > 1 => Period::Month(year, m - 1),
        (Basis::Pop, Period::Month(_, _)) => Period::Month(y?, 12),
    })
}

fn period_year(p: Period) -> u16 {
    match p {
        Period::Year(y) | Period::Half(y, _) | Period::Quarter(y, _) | Period::Month(y, _) => y,
    }
}

/// A worked-out figure to no more decimals than the figures it comes from
/// (so that 0.11 − 0.01 is 0.1, not 0.09999999999999999).
pub(crate) fn round_like(value: f64, sources: &[f64]) -> f64 {
    let decimals = sources
        .iter()
        .map(|v| {
            format_number(*v)
                .split_once('.')
                .map_or(0, |(_, d)| d.len())
        })
        .max()
        .unwrap_or(0)
        .min(12);
    let scale = 10f64.powi(decimals as i32);
    let rounded = (value * scale).round() / scale;
    if rounded.is_finite() { rounded } else { value }
}

/// The file's word for a change unit: `%`, `pp`, or the absolute unit.
pub(crate) fn change_unit_key(unit: &ChangeUnit) -> &str {
    match unit {
        ChangeUnit::Percent => "%",
        ChangeUnit::Points => "pp",
        ChangeUnit::Absolute(u) => u,
    }
}

/// The file's word for a basis.
pub(crate) fn basis_key(basis: Basis) -> &'static str {
    match basis {
        Basis::Yoy => "yoy",
        Basis::Pop => "pop",
    }
}

/// The file's word for `good`.
pub(crate) fn good_key(good: Good) -> &'static str {
    match good {
        Good::Up => "up",
        Good::Down => "down",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_periods() {
        let p = |s| Period::parse(s).unwrap();
        let e = |s, b| earlier(p(s), b).unwrap().to_string();
        assert_eq!(e("2023", Basis::Yoy), "2022");
        assert_eq!(e("2023", Basis::Pop), "2022");
        assert_eq!(e("2023-H1", Basis::Yoy), "2022-H1");
        assert_eq!(e("2023-H1", Basis::Pop), "2022-H2");
        assert_eq!(e("2023-H2", Basis::Pop), "2023-H1");
        assert_eq!(e("2023-Q1", Basis::Pop), "2022-Q4");
        assert_eq!(e("2023-Q3", Basis::Pop), "2023-Q2");
        assert_eq!(e("2023-01", Basis::Pop), "2022-12");
        assert_eq!(e("2023-07", Basis::Yoy), "2022-07");
        assert_eq!(earlier(p("0000"), Basis::Yoy), None);
    }

    #[test]
    fn worked_out_figures_keep_the_decimals_they_come_from() {
        assert_eq!(round_like(0.11 - 0.01, &[0.11, 0.01]), 0.1);
        assert_eq!(round_like(53.0 - 6.0, &[53.0, 6.0]), 47.0);
        assert_eq!(round_like(100.0 - 6.32, &[6.32]), 93.68);
    }
}
