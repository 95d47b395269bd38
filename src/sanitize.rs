//! The one filter between file text and anything the program writes: control
//! and bidirectional-control characters become visible placeholders.
//!
//! Placeholders are narrow in every terminal: C0 controls and DEL become the
//! Control Pictures (␛, ␇, ␡ …); C1 and bidi controls become `<U+XXXX>`.

use std::borrow::Cow;

/// Tabs are expanded to this many spaces in displayed text.
const TAB: &str = "    ";

/// Whether `c` may never reach the terminal as it is (newline and tab included).
pub(crate) fn is_hazard(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x1F | 0x7F..=0x9F
        | 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Whether `c` is a hazard the spec asks `check` to warn about (tab and newline are allowed).
pub(crate) fn is_suspicious(c: char) -> bool {
    is_hazard(c) && c != '\n' && c != '\t'
}

fn push_placeholder(out: &mut String, c: char) {
    match c as u32 {
        n @ 0x00..=0x1F => out.push(char::from_u32(0x2400 + n).unwrap_or('?')),
        0x7F => out.push('\u{2421}'),
        n => out.push_str(&format!("<U+{n:04X}>")),
    }
}

/// Text for display on one line: every hazard, newline and tab included, made visible.
pub(crate) fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hazard(c) {
            push_placeholder(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for the model: newlines kept (the paragraph rules need them), tabs
/// expanded, every other hazard made visible.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str(TAB),
            c if is_hazard(c) => push_placeholder(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_pictures() {
        assert_eq!(visible("a\u{1b}[31mb\u{7}"), "a␛[31mb␇");
        assert_eq!(visible("x\u{7f}"), "x␡");
    }

    #[test]
    fn c1_and_bidi_become_code_points() {
        assert_eq!(visible("\u{9b}1m"), "<U+009B>1m");
        assert_eq!(visible("abc\u{202e}def"), "abc<U+202E>def");
    }

    #[test]
    fn clean_keeps_newlines_and_expands_tabs() {
        assert_eq!(clean("a\tb\nc\rd"), "a    b\nc␍d");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(visible("西宁市公安局"), Cow::Borrowed(_)));
    }

    #[test]
    fn nothing_hazardous_survives() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!visible(&all).chars().any(is_hazard));
        assert!(!clean(&all).chars().any(|c| is_hazard(c) && c != '\n'));
    }
}
