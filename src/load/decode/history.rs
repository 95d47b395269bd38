//! Long `history = [ … ]` arrays of a section, decoded in chunks: the TOML
//! parser's tree of 100 000 history points (about 1.5 KiB each) never
//! exists at once. The section is parsed with each long array blanked
//! out (its lines kept, so every offset is the same), then each array's
//! points are parsed a thousand at a time and given to their indicator.
//! Anything that does not decode cleanly this way is left to the reading
//! of the whole section, which reports it as before.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

use super::SectionPiece;
use crate::load::raw::{RawIndicator, RawPoint, RawSection, Shift};

/// Arrays shorter than this are read with their section.
const LONG: usize = 64 * 1024;
/// Points parsed at once.
const CHUNK: usize = 1000;

/// A long `history` array in a section's text.
#[derive(Debug, PartialEq)]
pub(super) struct LongArray {
    /// Between its brackets.
    inner: Range<usize>,
    /// Where its chunks of points part (after a comma between points).
    cuts: Vec<usize>,
    /// Its inline tables (room for the points is made once).
    count: usize,
    /// Where the header of the table that holds it starts.
    header: usize,
}

/// The long `history = [ … ]` arrays of `text`, each the value of a key at
/// the start of a line under a table header.
pub(super) fn long_arrays(text: &str) -> Vec<LongArray> {
    let source = Source::new(text);
    let mut tokens = source
        .lex()
        .filter(|t| !matches!(t.kind(), TokenKind::Whitespace | TokenKind::Comment))
        .peekable();
    let mut found = Vec::new();
    let (mut depth, mut line_start, mut header) = (0usize, true, None);
    while let Some(token) = tokens.next() {
        let span = token.span();
        let word = &text[span.start()..span.end()];
        match token.kind() {
            TokenKind::Eof => break,
            TokenKind::Newline => line_start = depth == 0,
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                header = Some(span.start());
                while tokens
                    .next_if(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::Eof))
                    .is_some()
                {}
            }
            TokenKind::Atom if line_start && depth == 0 && word == "history" => {
                line_start = false;
                if tokens.next_if(|t| t.kind() == TokenKind::Equals).is_none() {
                    continue;
                }
                let Some(open) = tokens.next_if(|t| t.kind() == TokenKind::LeftSquareBracket)
                else {
                    continue;
                };
                let array = read_array(&mut tokens, open.span().end());
                match (array, header) {
                    (Some((inner, cuts, count)), Some(header)) if inner.len() >= LONG => {
                        found.push(LongArray {
                            inner,
                            cuts,
                            count,
                            header,
                        });
                    }
                    (Some(_), _) => {}
                    (None, _) => return Vec::new(),
                }
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                depth += 1;
                line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
                line_start = false;
            }
            _ => line_start = false,
        }
    }
    found
}

/// The rest of an array whose `[` ends at `start`: the range between its
/// brackets, the cuts between chunks of points, and its inline tables.
/// `None` when it does not close.
fn read_array(
    tokens: &mut impl Iterator<Item = toml_parser::lexer::Token>,
    start: usize,
) -> Option<(Range<usize>, Vec<usize>, usize)> {
    let (mut depth, mut commas, mut count) = (1usize, 0usize, 0usize);
    let mut cuts = Vec::new();
    for t in tokens {
        match t.kind() {
            TokenKind::LeftCurlyBracket if depth == 1 => {
                count += 1;
                depth += 1;
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth -= 1;
                if depth == 0 {
                    return Some((start..t.span().start(), cuts, count));
                }
            }
            TokenKind::Comma if depth == 1 => {
                commas += 1;
                if commas % CHUNK == 0 {
                    cuts.push(t.span().end());
                }
            }
            TokenKind::Eof => return None,
            _ => {}
        }
    }
    None
}

/// The section `text` with its long history arrays read a chunk at a time;
/// `None` unless all of it decodes without a problem (then the section is
/// read whole, and its problems reported as the whole file's reading would).
pub(super) fn section(
    text: &str,
    offset: usize,
    index: usize,
    arrays: &[LongArray],
) -> Option<SectionPiece> {
    let mut piece = super::section_in(&blank(text, arrays)?, offset, index)?;
    if piece.incomplete || !piece.diags.is_empty() {
        return None;
    }
    let section = piece.section.as_mut()?.get_mut();
    fill(section, text, offset, arrays)?;
    Some(piece)
}

/// `text` with the inside of each array blanked (line breaks kept).
fn blank(text: &str, arrays: &[LongArray]) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    for a in arrays {
        for b in &mut bytes[a.inner.clone()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    String::from_utf8(bytes).ok()
}

/// Give each array's points, parsed from `text` (the section's, which
/// starts at `offset` in the file), to the indicator of its table in
/// `section` (spans already the file's). `None` when any does not decode
/// or has no such indicator.
fn fill(section: &mut RawSection, text: &str, offset: usize, arrays: &[LongArray]) -> Option<()> {
    for a in arrays {
        let points = points(text, a, offset)?;
        let owner = indicators(section).find(|i| i.span().start == a.header + offset)?;
        let owner = owner.get_mut();
        if !owner.history.is_empty() {
            return None;
        }
        owner.history = points;
    }
    Some(())
}

fn indicators(section: &mut RawSection) -> impl Iterator<Item = &mut Spanned<RawIndicator>> {
    let items = section
        .item
        .iter_mut()
        .flat_map(|i| i.get_mut().indicator.iter_mut());
    section.indicator.iter_mut().chain(items)
}

/// The points of one array, a chunk at a time.
fn points(text: &str, a: &LongArray, offset: usize) -> Option<Vec<Spanned<RawPoint>>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Chunk {
        h: Vec<Spanned<RawPoint>>,
    }
    const HEAD: &str = "h = [";
    let mut out = Vec::with_capacity(a.count);
    let mut from = a.inner.start;
    for &to in a.cuts.iter().chain([&a.inner.end]) {
        // A line break before `]`, in case the chunk ends in a comment.
        let piece = format!("{HEAD}{}\n]", &text[from..to]);
        let chunk: Chunk = toml::from_str(&piece).ok()?;
        let by = (offset + from).checked_sub(HEAD.len())?;
        out.extend(chunk.h.into_iter().map(|p| p.shift(by)));
        from = to;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_history_arrays_are_found_with_their_table_and_chunks() {
        let lines: String = (0..3000)
            .map(|k| format!("  {{ period = \"{:04}\", value = {k} }}, # [x]\n", 1000 + k))
            .collect();
        let text = format!(
            "[[section]]\nid = \"s\"\nbody = \"\"\"\nhistory = [\n\"\"\"\n\
             [[section.indicator]]\nid = \"a\"\nhistory = [{{ period = \"2020\", value = 1 }}]\n\
             [[section.indicator]]\nid = \"b\"\nhistory = [\n{lines}]\nnote = \"n\"\n"
        );
        let arrays = long_arrays(&text);
        assert_eq!(arrays.len(), 1);
        let a = &arrays[0];
        assert_eq!(&text[a.header..a.header + 21], "[[section.indicator]]");
        assert!(text[..a.header].contains("id = \"a\""));
        assert!(text[a.header..].starts_with("[[section.indicator]]\nid = \"b\""));
        assert_eq!(&text[a.inner.end..a.inner.end + 2], "]\n");
        assert_eq!((a.count, a.cuts.len()), (3000, 3));
        let parsed = points(&text, a, 0).unwrap();
        assert_eq!(parsed.len(), 3000);
        let last = &parsed[2999];
        assert!(text[last.span()].starts_with("{ period = \"3999\""));
        // The section reads in chunks, at its place in a file; not with a bad point.
        let piece = section(&text, 100, 2, &arrays).unwrap();
        let section = piece.section.unwrap().into_inner();
        let history = &section.indicator[1].get_ref().history;
        assert_eq!(history.len(), 3000);
        assert_eq!(
            history[0].span().start,
            100 + text.find("{ period = \"1000\"").unwrap()
        );
        let bad = text.replace("value = 2000 }", "value = 2000, x = 1 }");
        assert!(section_is_read_in_chunks(&bad).is_none());
    }

    fn section_is_read_in_chunks(text: &str) -> Option<SectionPiece> {
        section(text, 0, 0, &long_arrays(text))
    }
}
