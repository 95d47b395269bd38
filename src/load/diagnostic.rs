//! Diagnostics an author can act on: `path:line:col: error: key.path: message`,
//! then the source line with a caret under the place, as rustc prints them.

use std::fmt::Write as _;
use std::ops::Range;

use crate::layout::width;
use crate::sanitize::visible;

mod bounded;
pub(crate) use bounded::Bounded;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Warning,
    Error,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Diagnostic {
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
    pub(crate) fn error(span: Option<Range<usize>>, key: Option<String>, message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            key,
            message,
            at: None,
        }
    }

    pub(crate) fn warning(
        span: Option<Range<usize>>,
        key: Option<String>,
        message: String,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span,
            key,
            message,
            at: None,
        }
    }

    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and column (in characters) of byte `offset` in `source`.
pub(crate) fn line_col(source: &str, offset: usize) -> (usize, usize) {
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
pub(crate) struct Lines {
    /// Byte offsets, as `u32` (half the room; a briefing is at most 8 MiB,
    /// and a longer text's later lines all count as its last).
    starts: Vec<u32>,
}

impl Lines {
    pub(crate) fn new(source: &str) -> Lines {
        // Counted first, so that the index takes no more room than it needs.
        let count = source.bytes().filter(|&b| b == b'\n').count();
        let mut starts = Vec::with_capacity(count + 1);
        starts.push(0);
        starts.extend(
            source
                .match_indices('\n')
                .map_while(|(i, _)| u32::try_from(i + 1).ok()),
        );
        Lines { starts }
    }

    /// The 1-based line of `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The byte offset where line `line` (1-based) starts, if there is one.
    fn start(&self, line: usize) -> Option<usize> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        Some(start as usize)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The most diagnostics of one file that are shown; the rest are counted
/// in a last line (a file with thousands says enough with this many).
pub(crate) const MAX_SHOWN: usize = 200;

/// Every diagnostic of one file, with what is needed to show them.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    /// The path as the user named it.
    pub path: String,
    /// The file's text, when it could be read.
    pub source: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Errors and warnings found beyond `diagnostics` (only counted).
    pub unlisted: (usize, usize),
}

impl Report {
    /// The report of `diagnostics` in `path` (`source` its text, when it could be read).
    pub(crate) fn new(
        path: String,
        source: Option<String>,
        diagnostics: Vec<Diagnostic>,
    ) -> Report {
        Report {
            path,
            source,
            diagnostics,
            unlisted: (0, 0),
        }
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.unlisted.0 > 0 || self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// How many warnings the file has, listed or not.
    pub(crate) fn warnings(&self) -> usize {
        let listed = self.diagnostics.iter().filter(|d| !d.is_error()).count();
        listed + self.unlisted.1
    }

    /// The report as text for stderr; nothing from the file is written raw.
    pub(crate) fn render(&self) -> String {
        let mut out = Vec::new();
        let _ = self.write_to(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Write the report to `w` one diagnostic at a time, at most
    /// [`MAX_SHOWN`] of them, then a line counting the rest. Each costs time
    /// in its own line's length at most, whatever the size of the file.
    pub(crate) fn write_to(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        let mut locator = self.source.as_deref().map(Locator::new);
        let mut one = String::new();
        for d in self.diagnostics.iter().take(MAX_SHOWN) {
            one.clear();
            render_one(&mut one, &self.path, locator.as_mut(), d);
            w.write_all(one.as_bytes())?;
        }
        let beyond = self.diagnostics.get(MAX_SHOWN..).unwrap_or_default();
        let rest = beyond.len() + self.unlisted.0 + self.unlisted.1;
        if rest > 0 {
            let errors = beyond.iter().filter(|d| d.is_error()).count() + self.unlisted.0;
            let line = crate::i18n::subst(
                crate::i18n::t("d.and_more"),
                &[
                    &visible(&self.path),
                    &rest.to_string(),
                    &errors.to_string(),
                    &(rest - errors).to_string(),
                ],
            );
            writeln!(w, "{line}")?;
        }
        Ok(())
    }
}

/// Lines and columns of offsets in one text: the line by bisection in the
/// line index, the column counted from the last place found when it is
/// earlier on the same line (diagnostics come in file order), else from the
/// start of the line.
struct Locator<'a> {
    source: &'a str,
    lines: Lines,
    last: Option<(usize, usize)>,
}

impl<'a> Locator<'a> {
    fn new(source: &'a str) -> Locator<'a> {
        Locator {
            source,
            lines: Lines::new(source),
            last: None,
        }
    }

    /// The byte range of line `line` (1-based), without its line ending.
    fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.lines.start(line).unwrap_or(0);
        let end = self
            .lines
            .start(line + 1)
            .map_or(self.source.len(), |next| next - 1);
        let text = self.source[start..end].trim_end_matches('\r');
        start..start + text.len()
    }

    /// Line, column and the line's byte range for `offset`, which is first
    /// brought inside the text of its line (a parser may point at a line
    /// ending or past the end).
    fn locate(&mut self, offset: usize) -> (usize, usize, Range<usize>, usize) {
        let offset = floor_char_boundary(self.source, offset.min(self.source.len()));
        let line = self.lines.line(offset);
        let range = self.line_range(line);
        let offset = offset.clamp(range.start, range.end);
        let col = match self.last {
            Some((at, col)) if at >= range.start && at <= offset => {
                col + self.source[at..offset].chars().count()
            }
            _ => self.source[range.start..offset].chars().count() + 1,
        };
        self.last = Some((offset, col));
        (line, col, range, offset)
    }
}

fn render_one(out: &mut String, path: &str, locator: Option<&mut Locator>, d: &Diagnostic) {
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
    match (locator, &d.span) {
        (Some(locator), Some(span)) => {
            let (line, col, range, start) = locator.locate(span.start);
            let _ = writeln!(out, "{path}:{line}:{col}: {level}: {key}{message}");
            let end = floor_char_boundary(locator.source, span.end.clamp(start, range.end));
            write_snippet(out, locator.source, range, start..end, line);
        }
        _ => {
            let at = d.at.map(|(l, c)| format!("{l}:{c}:")).unwrap_or_default();
            let _ = writeln!(out, "{path}:{at} {level}: {key}{message}");
        }
    }
}

/// Columns of source shown before the place, and in all, on a long line.
const BEFORE: usize = 40;
const WINDOW: usize = 120;

/// The line `line` (bytes `text` of `src`) with a caret under `span`; a long
/// line is shown around the place, with an ellipsis on each cut side.
fn write_snippet(out: &mut String, src: &str, text: Range<usize>, span: Range<usize>, line: usize) {
    let width_of = |c: char| width::str_width(&visible(c.encode_utf8(&mut [0; 4])));
    // Back from the place while the columns before it fit.
    let mut from = span.start;
    let mut before = 0;
    for (i, c) in src[text.start..span.start].char_indices().rev() {
        let w = width_of(c);
        if before + w > BEFORE {
            break;
        }
        before += w;
        from = text.start + i;
    }
    // On from there while the window is not full.
    let mut to = span.start;
    let mut used = before;
    for (i, c) in src[span.start..text.end].char_indices() {
        let w = width_of(c);
        if used + w > WINDOW {
            break;
        }
        used += w;
        to = span.start + i + c.len_utf8();
    }
    let mark = crate::layout::ellipsis();
    let (head, pad) = if from > text.start {
        (mark, width::str_width(mark))
    } else {
        ("", 0)
    };
    let tail = if to < text.end { mark } else { "" };
    let shown = visible(&src[from..to]);
    let pad = pad + before;
    let under = &src[span.start..span.end.min(to).max(span.start)];
    let carets = width::str_width(&visible(under)).max(1);
    let gutter = " ".repeat(line.to_string().len());
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{line} | {head}{shown}{tail}");
    let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(pad), "^".repeat(carets));
}

#[cfg(test)]
mod tests;
