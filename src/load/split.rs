//! Where each top-level `[[section]]` of a TOML text begins and ends, found
//! with the TOML lexer (so a `[` inside a string, a comment or a multi-line
//! array is never taken for a header), so that each section can be parsed
//! on its own and the parser's tree of the whole file never exists at once.

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// The file in pieces: each `[[section]]` (with its sub-tables), and the rest.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Split {
    /// Byte ranges of everything that is not a section, in file order.
    pub head: Vec<Range<usize>>,
    /// Byte ranges of the sections, each from its `[[section]]` header to
    /// the next top-level header that is not one of its sub-tables (in
    /// `u32`: a file is at most 8 MiB, and a file of 40 000 small sections
    /// holds 40 000 of them while its model is built).
    sections: Vec<Range<u32>>,
}

impl Split {
    /// The byte ranges of the sections, in file order.
    pub(crate) fn sections(&self) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        self.sections
            .iter()
            .map(|r| r.start as usize..r.end as usize)
    }
}

/// What a top-level header line starts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Header {
    /// `[[section]]`: a new element of the section array.
    Section,
    /// `[section.…]`, `[[section.…]]` and other tables under `section`.
    UnderSection,
    /// Any other table.
    Other,
}

/// Split `source` at its top-level headers. `None` when the pieces could not
/// be read the way the whole file would be (a table under `section` outside a
/// section, or a header not understood): the whole file is parsed instead.
pub(crate) fn split(source: &str) -> Option<Split> {
    let text = Source::new(source);
    let mut tokens = text.lex().peekable();
    let mut split = Split::default();
    // The piece being read: its start, and whether it is a section.
    let mut start = 0;
    let mut in_section = false;
    let mut depth = 0usize;
    let mut line_start = true;
    while let Some(token) = tokens.next() {
        let span = token.span();
        match token.kind() {
            TokenKind::Eof => break,
            TokenKind::Newline => line_start = depth == 0,
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                // A header: read it to the end of its line.
                let mut words = vec![(token.kind(), "[", span.start())];
                while let Some(t) =
                    tokens.next_if(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::Eof))
                {
                    if !matches!(t.kind(), TokenKind::Whitespace | TokenKind::Comment) {
                        let (from, to) = (t.span().start(), t.span().end());
                        words.push((t.kind(), &source[from..to], from));
                    }
                }
                let header = classify(&words)?;
                let here = span.start();
                match (header, in_section) {
                    (Header::UnderSection, true) => {}
                    (Header::UnderSection, false) => return None,
                    (Header::Section, _) | (Header::Other, _) => {
                        close(&mut split, start..here, in_section)?;
                        start = here;
                        in_section = header == Header::Section;
                    }
                }
                line_start = false;
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
    close(&mut split, start..source.len(), in_section)?;
    split.sections.shrink_to_fit();
    Some(split)
}

/// File the piece `range`; `None` when its offsets do not fit in `u32`
/// (a file larger than the loader ever reads).
fn close(split: &mut Split, range: Range<usize>, section: bool) -> Option<()> {
    if section {
        let start = u32::try_from(range.start).ok()?;
        let end = u32::try_from(range.end).ok()?;
        split.sections.push(start..end);
    } else if !range.is_empty() {
        split.head.push(range);
    }
    Some(())
}

/// The kind of a header from its tokens, the first `[` included (blanks
/// and comments left out); `None` when it is not plainly one or the other.
fn classify(words: &[(TokenKind, &str, usize)]) -> Option<Header> {
    use TokenKind::{
        Atom, BasicString, LeftSquareBracket as L, LiteralString, RightSquareBracket as R,
    };
    // The first key: `section` (bare or quoted), another, or one that
    // might be `section` written with escapes (not judged here).
    let key = |w: &(TokenKind, &str, usize)| match (w.0, w.1) {
        (Atom, "section") | (BasicString, "\"section\"") | (LiteralString, "'section'") => {
            Some(true)
        }
        (Atom, _) | (LiteralString, _) => Some(false),
        (BasicString, text) if !text.contains('\\') => Some(false),
        _ => None,
    };
    let adjacent =
        |a: &(TokenKind, &str, usize), b: &(TokenKind, &str, usize)| a.2 + a.1.len() == b.2;
    match words {
        [open @ (L, ..), inner @ (L, ..), name, rest @ ..] if adjacent(open, inner) => {
            let section = key(name)?;
            match rest {
                [a @ (R, ..), b @ (R, ..)] if section && adjacent(a, b) => Some(Header::Section),
                _ if section => Some(Header::UnderSection),
                _ => Some(Header::Other),
            }
        }
        [(L, ..), (L, ..), ..] => None,
        [(L, ..), name, ..] => match key(name)? {
            true => Some(Header::UnderSection),
            false => Some(Header::Other),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(src: &str) -> Option<(Vec<&str>, Vec<&str>)> {
        let s = split(src)?;
        Some((
            s.head.iter().map(|r| &src[r.clone()]).collect(),
            s.sections().map(|r| &src[r]).collect(),
        ))
    }

    #[test]
    fn sections_end_at_the_next_table_that_is_not_theirs() {
        let src = "schema = 1\n[briefing]\nt = 1\n[[section]]\nid = \"a\"\n[[section.indicator]]\nx = 1\n\
                   [[section ]]\nid = \"b\"\n[other]\ny = 2\n[[ \"section\" ]] # c\nid = 'c'\n";
        let (head, sections) = pieces(src).unwrap();
        assert_eq!(
            head,
            ["schema = 1\n", "[briefing]\nt = 1\n", "[other]\ny = 2\n"]
        );
        assert_eq!(
            sections,
            [
                "[[section]]\nid = \"a\"\n[[section.indicator]]\nx = 1\n",
                "[[section ]]\nid = \"b\"\n",
                "[[ \"section\" ]] # c\nid = 'c'\n"
            ]
        );
    }

    #[test]
    fn brackets_in_strings_comments_and_arrays_are_not_headers() {
        let src = "[[section]]\nbody = \"\"\"\n[[section]]\n\"\"\"\nnotes = '''\n[x]\n'''\n\
                   # [[section]]\nh = [\n[1],\n{ a = \"[[section]]\" },\n]\nk = 1\n";
        let (head, sections) = pieces(src).unwrap();
        assert!(head.is_empty());
        assert_eq!(sections, [src]);
    }

    #[test]
    fn a_table_under_section_outside_a_section_or_an_unclear_key_is_refused() {
        assert_eq!(pieces("[section.x]\na = 1\n"), None);
        assert_eq!(pieces("[[\"sec\\u0074ion\"]]\na = 1\n"), None);
        assert_eq!(pieces("[ [section]]\na = 1\n"), None);
    }
}
