//! The page under construction: markup only from this module's own
//! strings, every text from the file escaped.

use std::fmt::Write as _;

/// `text` made safe in HTML text and in quoted attribute values: `& < > " '`
/// become references; characters that HTML forbids in a document (controls,
/// noncharacters) become U+FFFD. The loader has already made control
/// characters visible, so the last rule is a second lock, not the first.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if is_forbidden(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Controls other than white space, and the Unicode noncharacters.
fn is_forbidden(c: char) -> bool {
    let n = c as u32;
    n < 0x20 || (0x7f..=0x9f).contains(&n) || (0xfdd0..=0xfdef).contains(&n) || n & 0xfffe == 0xfffe
}

/// The page under construction. Markup goes in only as `&'static str`
/// (this module's own); anything else goes through [`escape`].
pub(super) struct Page {
    pub(super) out: String,
}

impl Page {
    /// Markup written in this file.
    pub(super) fn raw(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// Text, escaped.
    pub(super) fn text(&mut self, text: &str) {
        self.out.push_str(&escape(text));
    }

    /// `<tag a="v" …>` with every value escaped.
    pub(super) fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            let _ = write!(self.out, " {name}=\"{}\"", escape(value));
        }
        self.out.push('>');
    }

    pub(super) fn close(&mut self, tag: &'static str) {
        let _ = write!(self.out, "</{tag}>");
    }

    /// `<tag …>text</tag>`.
    pub(super) fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }

    /// An empty SVG element, `<tag … />`.
    pub(super) fn empty(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.open(tag, attrs);
        self.close(tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(
            escape("a\u{1b}b\u{9b}c\u{fffe}d\u{fdd0}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}"
        );
        assert_eq!(escape("电诈发案同比下降6.32%"), "电诈发案同比下降6.32%");
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_reads_back_and_holds_no_markup(s in proptest::prelude::any::<String>()) {
            let e = escape(&s);
            proptest::prop_assert!(!e.contains(['<', '>', '"', '\'']));
            let back = e
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            let expected: String = s
                .chars()
                .map(|c| if is_forbidden(c) && c != '\n' && c != '\t' { '\u{fffd}' } else { c })
                .collect();
            proptest::prop_assert_eq!(back, expected);
        }
    }
}
