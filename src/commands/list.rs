//! `briefing list`, fitted to the width of its output: the organisation,
//! period and title of each briefing found and its path, whole. Titles are
//! cut with … to fit; when even then the path does not fit beside them, it
//! goes on a line of its own under its entry.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::exit::{INVALID, OK};
use crate::i18n::{subst, t};
use crate::layout::{pad_right, truncate, width::str_width};
use crate::library;

/// The width of standard output: the terminal's, else `COLUMNS` when it is
/// set (a pipe into `less`), else none.
pub(super) fn output_width() -> Option<usize> {
    if std::io::stdout().is_terminal() {
        return crate::os::terminal_size().ok().map(|(w, _)| usize::from(w));
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .map(|w| w.min(usize::from(u16::MAX)))
}

/// `rows` (organisation, period, title, path) as lines of at most `width`
/// columns (`None`: no limit); a path is never cut.
pub(super) fn layout(rows: &[[String; 4]], width: Option<usize>) -> Vec<String> {
    let col = |k: usize| rows.iter().map(|r| str_width(&r[k])).max().unwrap_or(0);
    let (w0, w1, w2, w3) = (col(0), col(1), col(2), col(3));
    let width = width.unwrap_or(usize::MAX);
    let fixed = w0 + 2 + w1 + 2;
    // The title's room with the path beside it, and on a line without it.
    let beside = width.saturating_sub(fixed + 2 + w3).min(w2);
    let alone = width.saturating_sub(fixed).min(w2);
    let path_beside = beside == w2 || beside >= 12;
    let mut out = Vec::new();
    for r in rows {
        let head = format!("{}  {}  ", pad_right(&r[0], w0), pad_right(&r[1], w1));
        if path_beside {
            let title = pad_right(&truncate(&r[2], beside), beside);
            out.push(format!("{head}{title}  {}", r[3]).trim_end().to_string());
        } else {
            // Very narrow: the line is cut, the organisation too if it must.
            let line = format!("{head}{}", truncate(&r[2], alone));
            out.push(truncate(line.trim_end(), width).to_string());
            out.push(format!("  {}", r[3]));
        }
    }
    out
}

/// `briefing list`: organisation, period, title and path of each briefing found.
pub(super) fn list(dirs: &[PathBuf]) -> u8 {
    let dirs: Vec<PathBuf> = if dirs.is_empty() {
        library::search_dirs()
    } else {
        dirs.to_vec()
    };
    let mut paths = Vec::new();
    let mut stderr = std::io::stderr().lock();
    for dir in &dirs {
        match library::toml_files(dir) {
            Ok(found) => paths.extend(found),
            Err(e) => {
                let _ = writeln!(stderr, "briefing: {}: {e}", dir.display());
            }
        }
    }
    let (lib, reports) = library::load_all(&paths);
    let rows: Vec<[String; 4]> = lib
        .entries
        .iter()
        .map(|e| {
            let b = &e.briefing;
            [
                b.organization.clone(),
                b.period.to_string(),
                b.title.clone(),
                crate::sanitize::visible(&e.path.display().to_string()).into_owned(),
            ]
        })
        .collect();
    let mut out = std::io::stdout().lock();
    for line in layout(&rows, output_width()) {
        let _ = writeln!(out, "{line}");
    }
    for r in reports.iter().filter(|r| r.has_errors()) {
        let path = crate::sanitize::visible(&r.path);
        let _ = writeln!(stderr, "{}", subst(t("m.list_invalid"), &[&path, &path]));
    }
    if rows.is_empty() {
        let looked: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        let _ = writeln!(stderr, "{}", subst(t("m.list_none"), &[&looked.join(", ")]));
        return INVALID;
    }
    OK
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<[String; 4]> {
        vec![
            [
                "西宁市公安局".into(),
                "2023".into(),
                "坚持守正创新焕发平安建设新动能——一个很长很长很长的标题".into(),
                "briefings/2023.toml".into(),
            ],
            [
                "港湾区交警".into(),
                "2024-H1".into(),
                "短标题".into(),
                "a/much/longer/path/to/harbour-2024-h1.toml".into(),
            ],
        ]
    }

    #[test]
    fn without_a_width_nothing_is_cut() {
        let lines = layout(&rows(), None);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("一个很长很长很长的标题  briefings/2023.toml"));
    }

    #[test]
    fn every_line_fits_and_every_path_is_whole() {
        for width in 20..=160 {
            let lines = layout(&rows(), Some(width));
            for r in rows() {
                assert!(
                    lines.iter().any(|l| l.ends_with(&r[3])),
                    "{width}: {lines:?}"
                );
            }
            for l in &lines {
                let path_only = rows().iter().any(|r| l.trim() == r[3]);
                assert!(path_only || str_width(l) <= width, "{width}: {l:?}");
            }
        }
    }

    #[test]
    fn titles_are_cut_before_paths_move_to_their_own_line() {
        let lines = layout(&rows(), Some(90));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains('…') && lines[0].ends_with("briefings/2023.toml"));
        let narrow = layout(&rows(), Some(40));
        assert_eq!(narrow.len(), 4, "{narrow:?}");
        assert_eq!(narrow[1], "  briefings/2023.toml");
    }
}
