//! Diagnostics an author can act on: `path:line:col: error: key.path: message`,
//! then the source line with a caret under the place, as rustc prints them.

use std::fmt::Write as _;
use std::ops::Range;

use crate::layout::width;
use crate::sanitize::visible;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Byte range in the source; `None` for problems of the file as a whole.
    pub span: Option<Range<usize>>,
    /// Key path such as `section[2].item[0].indicator[1].basis`, when there is one.
    pub key: Option<String>,
    pub message: String,
    /// Line and column given directly, for problems found before the text could be decoded.
    pub at: Option<(usize, usize)>,
}

impl Diagnostic {
    pub fn error(span: Option<Range<usize>>, key: Option<String>, message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            key,
            message,
            at: None,
        }
    }

    pub fn warning(span: Option<Range<usize>>, key: Option<String>, message: String) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span,
            key,
            message,
            at: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and column (in characters) of byte `offset` in `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..offset].chars().count() + 1;
    (line, col)
}

/// Line numbers of many offsets in one text: the starts of its lines,
/// found once, searched by bisection (`line_col` counts from the top, which
/// over thousands of values in a large file adds up to minutes).
#[derive(Debug, Default)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(source: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// The 1-based line of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every diagnostic of one file, with what is needed to show them.
#[derive(Debug, Clone)]
pub struct Report {
    /// The path as the user named it.
    pub path: String,
    /// The file's text, when it could be read.
    pub source: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The report as text for stderr; nothing from the file is written raw.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            render_one(&mut out, &self.path, self.source.as_deref(), d);
        }
        out
    }
}

fn render_one(out: &mut String, path: &str, source: Option<&str>, d: &Diagnostic) {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let path = visible(path);
    let message = visible(&d.message);
    let key = d
        .key
        .as_deref()
        .map(|k| format!("{}: ", visible(k)))
        .unwrap_or_default();
    match (source, &d.span) {
        (Some(src), Some(span)) => {
            let (line, col) = line_col(src, span.start);
            let _ = writeln!(out, "{path}:{line}:{col}: {level}: {key}{message}");
            write_snippet(out, src, span.clone(), line);
        }
        _ => {
            let at = d.at.map(|(l, c)| format!("{l}:{c}:")).unwrap_or_default();
            let _ = writeln!(out, "{path}:{at} {level}: {key}{message}");
        }
    }
}

fn write_snippet(out: &mut String, src: &str, span: Range<usize>, line: usize) {
    let start = floor_char_boundary(src, span.start.min(src.len()));
    let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    let text = src[line_start..line_end].trim_end_matches('\r');
    let end = floor_char_boundary(src, span.end.clamp(start, line_start + text.len()));
    // Long lines are shown around the place, not whole.
    let shown = visible(text);
    let pad = width::str_width(&visible(&src[line_start..start]));
    let mark = width::str_width(&visible(&src[start..end])).max(1);
    let gutter = " ".repeat(line.to_string().len());
    const MAX: usize = 200;
    let (shown, pad) = if width::str_width(&shown) > MAX {
        let skip = pad.saturating_sub(40);
        let tail = crate::layout::skip_columns(&shown, skip);
        let cut = crate::layout::truncate(tail, MAX);
        let prefix = if skip > 0 { "…" } else { "" };
        (
            format!("{prefix}{cut}"),
            pad - skip + width::str_width(prefix),
        )
    } else {
        (shown.into_owned(), pad)
    };
    let mark = mark.min(MAX);
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{line} | {shown}");
    let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(pad), "^".repeat(mark));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "a = 1\n标题 = \"x\"\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        assert_eq!(line_col(src, 13), (2, 4));
        let lines = Lines::new(src);
        for offset in 0..src.len() {
            assert_eq!(lines.line(offset), line_col(src, offset).0, "{offset}");
        }
    }

    #[test]
    fn renders_caret_under_wide_text() {
        let src = "title = \"西宁\"\nbasis = \"yo\"\n";
        let start = src.find("\"yo\"").unwrap();
        let report = Report {
            path: "x.toml".into(),
            source: Some(src.into()),
            diagnostics: vec![Diagnostic::error(
                Some(start..start + 4),
                Some("section[0].basis".into()),
                "bad".into(),
            )],
        };
        assert_eq!(
            report.render(),
            "x.toml:2:9: error: section[0].basis: bad\n  |\n2 | basis = \"yo\"\n  |         ^^^^\n"
        );
    }

    #[test]
    fn control_characters_in_source_are_shown_as_placeholders() {
        let src = "title = \"\u{1b}[2J\"\n";
        let report = Report {
            path: "x.toml".into(),
            source: Some(src.into()),
            diagnostics: vec![Diagnostic::warning(Some(8..14), None, "w".into())],
        };
        let text = report.render();
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("␛[2J"));
    }
}
