//! Several briefings at once: finding them (a directory's `*.toml`, names
//! looked up in the current directory and then `BRIEFING_PATH`), loading them
//! together, grouping them by organisation in period order, and the values
//! they state for each other's periods.

use std::path::{Path, PathBuf};

use crate::i18n::{subst, t};
use crate::load::{self, Report};
use crate::model::{Briefing, Period, format_number};

/// A loaded briefing and the file it came from.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub path: PathBuf,
    pub briefing: Briefing,
}

/// Briefings ordered by organisation, then period.
#[derive(Debug, Clone, Default)]
pub(crate) struct Library {
    pub entries: Vec<Entry>,
}

static CONFIG_DIRS: std::sync::OnceLock<Vec<PathBuf>> = std::sync::OnceLock::new();

/// The config file's library directories (set once at start).
pub(crate) fn set_config_dirs(dirs: Vec<PathBuf>) {
    let _ = CONFIG_DIRS.set(dirs);
}

/// The directories a relative name is looked up in: the current one, then
/// each of `BRIEFING_PATH` (colon-separated, like `PATH`), then the config's
/// library directories.
pub(crate) fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from(".")];
    if let Some(path) = std::env::var_os("BRIEFING_PATH") {
        dirs.extend(std::env::split_paths(&path).filter(|p| !p.as_os_str().is_empty()));
    }
    dirs.extend(CONFIG_DIRS.get().into_iter().flatten().cloned());
    dirs
}

/// The files a command-line name stands for: the file itself, a directory's
/// `*.toml` in name order, or a relative name found along `search_dirs`.
pub(crate) fn resolve(name: &Path) -> Result<Vec<PathBuf>, String> {
    let candidates: Vec<PathBuf> = if name.is_absolute() {
        vec![name.to_path_buf()]
    } else {
        search_dirs()
            .into_iter()
            .map(|d| {
                if d == Path::new(".") {
                    name.to_path_buf()
                } else {
                    d.join(name)
                }
            })
            .collect()
    };
    let Some(found) = candidates.iter().find(|p| p.exists()) else {
        let looked: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
        return Err(format!(
            "{}: error: {}",
            crate::sanitize::visible(&name.display().to_string()),
            subst(
                t("d.no_such_briefing"),
                &[&crate::sanitize::visible(&looked.join(", "))]
            )
        ));
    };
    if found.is_dir() {
        let files = toml_files(found).map_err(|e| {
            format!(
                "{}: error: {}",
                found.display(),
                subst(t("d.cannot_read_dir"), &[&e.to_string()])
            )
        })?;
        if files.is_empty() {
            return Err(format!("{}: error: {}", found.display(), t("d.empty_dir")));
        }
        return Ok(files);
    }
    Ok(vec![found.clone()])
}

/// The `*.toml` entries of `dir` that are not directories, in name order.
pub(crate) fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

/// Every file that `names` stand for, in order, without repeats.
pub(crate) fn resolve_all(names: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = Vec::new();
    for name in names {
        for p in resolve(name)? {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    Ok(out)
}

/// Load every file: the library of the valid ones, and a report for each file.
pub(crate) fn load_all(paths: &[PathBuf]) -> (Library, Vec<Report>) {
    let mut reports = Vec::new();
    let library = load_each(paths, |report| reports.push(report));
    (library, reports)
}

/// Load every file, handing each file's report to `report` as soon as the
/// file is checked (`check` prints it then, not after the last file).
pub(crate) fn load_each(paths: &[PathBuf], mut report: impl FnMut(Report)) -> Library {
    let mut entries = Vec::new();
    for path in paths {
        let (briefing, checked) = load::check_file(path);
        if let Some(briefing) = briefing {
            entries.push(Entry {
                path: path.clone(),
                briefing,
            });
        }
        report(checked);
    }
    entries.sort_by(|a, b| {
        (&a.briefing.organization, a.briefing.period)
            .cmp(&(&b.briefing.organization, b.briefing.period))
    });
    Library { entries }
}

/// Resolve and load `names` for a command that shows them: the library, or
/// the exit code after the reports of the files that have errors.
pub(crate) fn load_library(names: &[PathBuf]) -> Result<(Library, Vec<PathBuf>), u8> {
    load_library_warned(names).map(|(lib, paths, _)| (lib, paths))
}

/// The files that loaded with warnings: each path as its report names it,
/// and how many warnings it has.
pub(crate) type Warned = Vec<(String, usize)>;

/// [`load_library`], and the files that loaded with warnings.
pub(crate) fn load_library_warned(
    names: &[PathBuf],
) -> Result<(Library, Vec<PathBuf>, Warned), u8> {
    let paths = resolve_all(names).map_err(|e| {
        eprintln!("{e}");
        crate::exit::INVALID
    })?;
    let (lib, reports) = load_all(&paths);
    let bad: Vec<&load::Report> = reports.iter().filter(|r| r.has_errors()).collect();
    if !bad.is_empty() {
        let mut stderr = std::io::stderr().lock();
        for r in bad {
            let _ = r.write_to(&mut stderr);
        }
        return Err(crate::exit::INVALID);
    }
    let warned = reports
        .iter()
        .map(|r| (r.path.clone(), r.warnings()))
        .filter(|&(_, n)| n > 0)
        .collect();
    Ok((lib, paths, warned))
}

/// Two files that give different values for one indicator and period.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Conflict {
    pub id: String,
    pub period: Period,
    /// The briefing of that period (its value wins): path, line, value.
    pub own: (PathBuf, usize, f64),
    /// The other file's `history` entry.
    pub other: (PathBuf, usize, f64),
}

impl Conflict {
    /// A warning for `check`, at the other file's line, naming both files.
    pub(crate) fn message(&self) -> String {
        subst(
            t("d.conflict"),
            &[
                &self.id,
                &self.period.to_string(),
                &format_number(self.other.2),
                &self.own.0.display().to_string(),
                &self.own.1.to_string(),
                &format_number(self.own.2),
            ],
        )
    }
}

impl Library {
    /// The briefings of `organization`, in period order.
    pub(crate) fn group(&self, organization: &str) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.briefing.organization == organization)
            .collect()
    }

    /// The briefings of the organisation of `path`'s briefing (or of the first one).
    pub(crate) fn group_of(&self, path: Option<&Path>) -> Vec<Briefing> {
        let first = path
            .and_then(|p| self.entries.iter().find(|e| e.path == p))
            .or(self.entries.first());
        match first {
            Some(e) => self
                .group(&e.briefing.organization)
                .into_iter()
                .map(|e| e.briefing.clone())
                .collect(),
            None => Vec::new(),
        }
    }

    /// Where two files disagree: a `history` value for a period that another
    /// loaded briefing of the organisation states as its own.
    pub(crate) fn conflicts(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        for other in &self.entries {
            for section in &other.briefing.sections {
                for ind in section.all_indicators() {
                    for point in &ind.history {
                        let own = self.entries.iter().find(|e| {
                            e.briefing.organization == other.briefing.organization
                                && e.briefing.period == point.period
                        });
                        let Some(own) = own else { continue };
                        let Some(stated) = own.briefing.indicator(&ind.id) else {
                            continue;
                        };
                        let Some(value) = stated.value else { continue };
                        if (value - point.value).abs() > f64::EPSILON * value.abs().max(1.0) {
                            out.push(Conflict {
                                id: ind.id.clone(),
                                period: point.period,
                                own: (own.path.clone(), stated.value_line, value),
                                other: (other.path.clone(), point.line, point.value),
                            });
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_name_says_where_it_looked() {
        let err = resolve(Path::new("no-such-briefing-here.toml")).unwrap_err();
        assert!(err.contains("找过 no-such-briefing-here.toml"), "{err}");
    }
}
