//! Loading a briefing: read the file within limits, decode the raw layer,
//! validate it into the model; every problem becomes a diagnostic.

pub mod decode;
pub mod diagnostic;
pub mod file;
pub mod raw;
pub mod translate;
pub mod validate;

use std::path::Path;

use crate::model::Briefing;
pub use diagnostic::{Diagnostic, Report, Severity};
pub use file::FileError;

/// A briefing that passed validation, with its warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub briefing: Briefing,
    pub report: Report,
}

/// Check text that was read from `path`: the briefing when it has no error, and the report.
pub fn check_text(path: &str, source: String) -> (Option<Briefing>, Report) {
    let (raw, mut diagnostics) = decode::decode(&source);
    let (briefing, more) = validate::validate(raw, &source);
    diagnostics.extend(more);
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let report = Report {
        path: path.to_string(),
        source: Some(source),
        diagnostics,
    };
    let briefing = briefing.filter(|_| !report.has_errors());
    (briefing, report)
}

/// Read and check `path`.
pub fn check_file(path: &Path) -> (Option<Briefing>, Report) {
    let shown = path.display().to_string();
    match file::read(path) {
        Ok(source) => check_text(&shown, source),
        Err(e) => (None, file_error_report(shown, e)),
    }
}

/// Load `path` for viewing: the briefing, or the report that refuses it.
pub fn load(path: &Path) -> Result<Loaded, Report> {
    match check_file(path) {
        (Some(briefing), report) => Ok(Loaded { briefing, report }),
        (None, report) => Err(report),
    }
}

fn file_error_report(path: String, e: FileError) -> Report {
    // Errors with a place in the file name it; the rest name the file alone.
    let at = match &e {
        FileError::NotUtf8 { line, col, .. } => Some((*line, *col)),
        FileError::Empty | FileError::TooLarge { .. } => Some((1, 1)),
        FileError::Io(_) | FileError::NotRegular(_) => None,
    };
    let mut diagnostic = Diagnostic::error(None, None, e.to_string());
    diagnostic.at = at;
    Report {
        path,
        source: None,
        diagnostics: vec![diagnostic],
    }
}
