//! `briefing import`: a draft briefing from a work summary (.txt, .md,
//! .docx). The text is kept as it is; the shape (sections, items) and the
//! figures (indicators) are proposed, and whatever the author must check is
//! said on stderr. The draft always passes `briefing check`.

mod docx;
pub(crate) mod emit;
mod figures;
mod levels;
mod markers;
mod meta;
mod scan;
mod structure;
mod text;

use std::io::Write;
use std::path::Path;

use crate::i18n::{subst, t};

/// One paragraph of the source, as its reader saw it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Para {
    /// The paragraph's text; a heading block keeps its lines (title, subtitle).
    pub lines: Vec<String>,
    pub role: Role,
    /// The line (text) or paragraph number (.docx) it starts at, from 1.
    pub line: usize,
    /// Numbered by the word processor (the number itself is not in the text).
    pub numbered: bool,
}

/// What a paragraph looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Body,
    /// A short block of plain text standing alone: a title or a heading.
    Block,
    /// A heading by its style (.docx) or mark (`#`, Markdown), level from 1.
    Heading(u8),
    /// The document's title by its style.
    Title,
    /// A short line bold as a whole.
    Bold,
}

/// A line of the source left out of the draft (page furniture).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dropped {
    pub line: usize,
    pub text: String,
}

/// Something the author must review: where in the source (0: the whole
/// file), and what.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Review {
    pub line: usize,
    pub message: String,
}

/// A draft briefing: the TOML text and what to review in it.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub toml: String,
    /// The draft as a model, for the review to change.
    pub file: emit::File,
    pub review: Vec<Review>,
    pub sections: usize,
    pub items: usize,
    pub indicators: usize,
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ImportError {
    Unsupported,
    Read(String),
    Docx(String),
    NoText,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ImportError::Unsupported => t("imp.unsupported").to_string(),
            ImportError::Read(e) => e.clone(),
            ImportError::Docx(e) => subst(t("imp.bad_docx"), &[e]),
            ImportError::NoText => t("imp.no_text").to_string(),
        })
    }
}

/// The largest .docx read (the archive, and the text inside it).
pub(crate) const MAX_DOCX_BYTES: u64 = 64 * 1024 * 1024;

/// Import `path` by its extension.
pub(crate) fn import_file(path: &Path) -> Result<Draft, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match ext.as_deref() {
        Some("txt" | "text" | "md" | "markdown") => {
            let source =
                crate::load::file::read(path).map_err(|e| ImportError::Read(e.to_string()))?;
            import_text(
                &name,
                &source,
                matches!(ext.as_deref(), Some("md" | "markdown")),
            )
        }
        Some("docx") => {
            let paras = docx::read(path)?;
            from_paras(&name, paras, Vec::new())
        }
        _ => Err(ImportError::Unsupported),
    }
}

/// Import text (Markdown when `markdown`); `name` is the source's file name.
pub(crate) fn import_text(name: &str, source: &str, markdown: bool) -> Result<Draft, ImportError> {
    let (paras, dropped) = text::paras(source, markdown);
    from_paras(name, paras, dropped)
}

/// Import the bytes of a .docx file (tests: the command reads the file).
#[cfg(test)]
pub(crate) fn import_docx(name: &str, bytes: &[u8]) -> Result<Draft, ImportError> {
    let paras = docx::parse(std::io::Cursor::new(bytes))?;
    from_paras(name, paras, Vec::new())
}

fn from_paras(name: &str, paras: Vec<Para>, dropped: Vec<Dropped>) -> Result<Draft, ImportError> {
    if paras
        .iter()
        .all(|p| p.lines.iter().all(|l| l.trim().is_empty()))
    {
        return Err(ImportError::NoText);
    }
    let mut review: Vec<Review> = dropped
        .iter()
        .map(|d| Review {
            line: d.line,
            message: subst(t("imp.dropped"), &[&d.text]),
        })
        .collect();
    let draft = structure::build(name, &paras, &mut review);
    let counts = (
        draft.section.len(),
        draft.section.iter().map(|s| s.item.len()).sum(),
        draft
            .section
            .iter()
            .map(|s| s.indicator.len() + s.item.iter().map(|i| i.indicator.len()).sum::<usize>())
            .sum(),
    );
    let toml = emit::to_toml(&draft);
    Ok(Draft {
        toml,
        file: draft,
        review,
        sections: counts.0,
        items: counts.1,
        indicators: counts.2,
    })
}

/// What a step between drafting and writing (the review) came to.
pub(crate) enum Reviewed {
    /// Write the draft as it now is.
    Write,
    /// Write nothing; exit with this code (the message is already said).
    Stop(u8),
}

/// `briefing import FILE [-o OUT] [--force]`: the draft to OUT (else to
/// standard output), what to review to stderr. `review`, when given, sees
/// the draft first and may change it or stop (the command's `--review`).
/// 0, or 1 on any failure.
pub(crate) fn run(
    file: &Path,
    out: Option<&Path>,
    force: bool,
    review: Option<&mut dyn FnMut(&mut Draft) -> Reviewed>,
) -> u8 {
    let shown = crate::sanitize::visible(&file.display().to_string()).into_owned();
    let mut draft = match import_file(file) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{shown}: error: {e}");
            return FAILED;
        }
    };
    if let Some(review) = review
        && let Reviewed::Stop(code) = review(&mut draft)
    {
        return code;
    }
    if !checked(&draft, &shown) {
        return FAILED;
    }
    let written = match out {
        Some(out) => write_file(&draft, out, force),
        None => write_stdout(&draft),
    };
    if !written {
        return FAILED;
    }
    summary(&draft, &shown);
    OK
}

/// The exit codes of `run`.
const OK: u8 = 0;
const FAILED: u8 = 1;

/// The draft is small enough, and valid as `briefing check` would see it (a
/// failure is a bug here); else the error is said on stderr.
fn checked(draft: &Draft, shown: &str) -> bool {
    if draft.toml.len() as u64 > crate::load::file::MAX_BYTES {
        eprintln!(
            "{shown}: error: {}",
            subst(
                t("imp.draft_too_large"),
                &[&crate::load::file::MAX_BYTES.to_string()]
            )
        );
        return false;
    }
    let (_, report) = crate::load::check_text("draft", draft.toml.clone());
    if report.has_errors() {
        eprintln!("{shown}: error: {}", t("imp.draft_invalid"));
        let _ = std::io::stderr().write_all(report.render().as_bytes());
        return false;
    }
    true
}

/// The draft to `out`, a new file unless `force`; an error said on stderr.
fn write_file(draft: &Draft, out: &Path, force: bool) -> bool {
    let shown_out = crate::sanitize::visible(&out.display().to_string()).into_owned();
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = options
        .open(out)
        .and_then(|mut f| f.write_all(draft.toml.as_bytes()));
    match written {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("{shown_out}: error: {}", t("imp.exists"));
            false
        }
        Err(e) => {
            eprintln!(
                "{shown_out}: error: {}",
                subst(t("m.cannot_write"), &[&e.to_string()])
            );
            false
        }
    }
}

/// The draft to standard output (a closed pipe is no failure).
fn write_stdout(draft: &Draft) -> bool {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(draft.toml.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            eprintln!("{}", subst(t("m.cannot_write"), &[&e.to_string()]));
            false
        }
    }
}

/// What was drafted, and each point to review with its line, to stderr.
fn summary(draft: &Draft, shown: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "{}",
        subst(
            t("imp.summary"),
            &[
                &draft.sections.to_string(),
                &draft.items.to_string(),
                &draft.indicators.to_string(),
                &draft.review.len().to_string(),
            ]
        )
    );
    for r in &draft.review {
        let message = crate::sanitize::visible(&r.message);
        let _ = if r.line > 0 {
            writeln!(stderr, "{shown}:{}: {}: {message}", r.line, t("imp.review"))
        } else {
            writeln!(stderr, "{shown}: {}: {message}", t("imp.review"))
        };
    }
}

#[cfg(test)]
mod tests;
