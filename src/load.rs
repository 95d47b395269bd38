//! Loading a briefing: read the file within limits, decode the raw layer,
//! validate it into the model; every problem becomes a diagnostic.

pub(crate) mod decode;
pub(crate) mod diagnostic;
pub(crate) mod file;
pub(crate) mod raw;
pub(crate) mod split;
pub(crate) mod translate;
pub(crate) mod validate;

use std::path::Path;

use crate::model::Briefing;
pub(crate) use diagnostic::{Bounded, Diagnostic, Report};
pub(crate) use file::FileError;

/// A briefing that passed validation, with its warnings.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub briefing: Briefing,
    /// Its warnings. No caller reads them now.
    #[allow(dead_code)]
    pub report: Report,
}

/// Check text that was read from `path`: the briefing when it has no error, and the report.
pub(crate) fn check_text(path: &str, source: String) -> (Option<Briefing>, Report) {
    let (briefing, diagnostics) = check_pieces(&source).unwrap_or_else(|| check_whole(&source));
    let unlisted = diagnostics.hidden;
    let mut report = Report::new(path.to_string(), Some(source), diagnostics.into_vec());
    report.unlisted = unlisted;
    let briefing = briefing.filter(|_| !report.has_errors());
    (briefing, report)
}

/// Decode and validate the whole text at once.
fn check_whole(source: &str) -> (Option<Briefing>, Bounded) {
    let (raw, found) = decode::decode(source);
    let (briefing, more) = validate::validate(raw, source);
    let mut diagnostics = Bounded::default();
    diagnostics.extend(found);
    diagnostics.append(more);
    (briefing, diagnostics)
}

/// Decode and validate the text a section at a time, with the same
/// problems as [`check_whole`] (spans, key paths, order): the parser's tree
/// and the raw layer exist for one section at a time, so memory stays near
/// the size of the file and the model. `None` when the file cannot be read
/// in pieces the way it reads whole (a TOML syntax error, a table under
/// `section` outside a section …): then it is read whole.
fn check_pieces(source: &str) -> Option<(Option<Briefing>, Bounded)> {
    let split = split::split(source)?;
    if split.sections().len() == 0 {
        return None;
    }
    let (head, found) = decode::head(source, &split)?;
    let mut diagnostics = Bounded::default();
    diagnostics.extend(found);
    let mut incomplete = head.incomplete;
    let mut stream = validate::Stream::new(source, &head, split.sections().len());
    for (i, range) in split.sections().enumerate() {
        let piece = decode::section(source, range, i)?;
        diagnostics.extend(piece.diags);
        incomplete |= piece.incomplete;
        if let Some(section) = piece.section {
            stream.section(&section);
        }
    }
    let (briefing, more) = stream.finish(incomplete);
    diagnostics.append(more);
    Some((briefing, diagnostics))
}

/// Read and check `path`.
pub(crate) fn check_file(path: &Path) -> (Option<Briefing>, Report) {
    let shown = path.display().to_string();
    match file::read(path) {
        Ok(source) => check_text(&shown, source),
        Err(e) => (None, file_error_report(shown, e)),
    }
}

/// Load `path` for viewing: the briefing, or the report that refuses it.
pub(crate) fn load(path: &Path) -> Result<Loaded, Report> {
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
    Report::new(path, None, vec![diagnostic])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled and fixture briefings, and variants of them with each
    /// line deleted, doubled, or cut in two, and a table after the sections.
    fn texts() -> Vec<String> {
        let mut files = vec![
            include_str!("../briefings/2023.toml"),
            include_str!("../tests/fixtures/harbour-2024.toml"),
            include_str!("../tests/fixtures/harbour/2023-H1.toml"),
            include_str!("../tests/fixtures/harbour/2023-H2.toml"),
            include_str!("../tests/fixtures/harbour/2024-H1.toml"),
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        files.push(format!("{}\n[extra]\nx = 1\n", files[1]));
        files.push(files[1].replace("[briefing]", "[[section]]\nid = \"z\"\n[briefing]"));
        let mut out = files.clone();
        for file in &files[1..3] {
            let lines: Vec<&str> = file.split_inclusive('\n').collect();
            for i in 0..lines.len() {
                let without: String = lines
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, l)| *l)
                    .collect();
                let doubled: String = lines
                    .iter()
                    .enumerate()
                    .flat_map(|(j, l)| if j == i { vec![*l, *l] } else { vec![*l] })
                    .collect();
                let cut: String = lines
                    .iter()
                    .enumerate()
                    .map(|(j, l)| {
                        if j == i {
                            l.replacen(' ', "\n", 1)
                        } else {
                            l.to_string()
                        }
                    })
                    .collect();
                out.extend([without, doubled, cut]);
            }
        }
        out
    }

    /// A file with a history long enough to be read in chunks, and
    /// variants of it with a problem in or around the history.
    fn long_history_texts() -> Vec<String> {
        let points: String = (0..2500)
            .map(|k| format!("  {{ period = \"{:04}\", value = {k} }}, # p\n", 1000 + k))
            .collect();
        let file = format!(
            "schema = 1\n[briefing]\ntitle = \"T\"\norganization = \"O\"\nperiod = \"9999\"\n\
             [[section]]\nid = \"s\"\ntitle = \"S\"\nbody = \"正文\"\n\
             [[section.item]]\nid = \"i\"\ntitle = \"I\"\n\
             [[section.item.indicator]]\nid = \"a\"\nlabel = \"A\"\nvalue = 1\nhistory = [\n{points}]\n\
             [[section]]\nid = \"t\"\ntitle = \"T\"\nbody = \"正文\"\n\
             [[section.indicator]]\nid = \"b\"\nlabel = \"B\"\nvalue = 2\ncite = \"正文\"\n\
             history = [\n{points}]\nnote = \"n\"\n"
        );
        let mut out = vec![file.clone()];
        for (from, to) in [
            ("value = 7 }", "value = \"7\" }"),
            ("value = 8 }", "value = 8, x = 1 }"),
            ("period = \"1009\"", "period = \"10x9\""),
            ("period = \"1010\", ", ""),
            ("  { period = \"1011\", value = 11 }, # p\n", "  [1],\n"),
            ("value = 12 }", "value = nan }"),
            ("period = \"1013\"", "period = \"1014\""),
            ("note = \"n\"", "history = []"),
            ("note = \"n\"", "note = 3"),
            ("id = \"b\"", "id = \"a\""),
            ("value = 2499 }, # p\n]", "value = 2499 }, # p\n"),
        ] {
            out.push(file.replacen(from, to, 2));
        }
        out
    }

    #[test]
    fn long_histories_read_in_chunks_read_as_they_do_whole() {
        for text in long_history_texts() {
            let (briefing, diagnostics) = check_pieces(&text).unwrap_or_else(|| check_whole(&text));
            let (whole_briefing, whole) = check_whole(&text);
            assert_eq!(diagnostics.hidden, whole.hidden);
            assert_eq!(diagnostics.into_vec(), whole.into_vec());
            assert_eq!(briefing, whole_briefing);
        }
        let (briefing, report) = check_text("long.toml", long_history_texts().remove(0));
        assert!(!report.has_errors(), "{}", report.render());
        let b = briefing.expect("valid");
        assert_eq!(b.sections[1].indicators[0].history.len(), 2500);
        assert_eq!(b.sections[0].items[0].indicators[0].history.len(), 2500);
    }

    #[test]
    fn a_file_read_in_pieces_reads_as_it_does_whole() {
        let mut pieces = 0;
        for text in texts() {
            let Some((briefing, diagnostics)) = check_pieces(&text) else {
                continue;
            };
            pieces += 1;
            let (whole_briefing, whole) = check_whole(&text);
            assert_eq!(diagnostics.hidden, whole.hidden, "{text}");
            assert_eq!(diagnostics.into_vec(), whole.into_vec(), "{text}");
            assert_eq!(briefing, whole_briefing, "{text}");
        }
        // Most of them are read in pieces, not left to the whole reading.
        assert!(pieces > texts().len() / 2, "{pieces}");
    }
}
