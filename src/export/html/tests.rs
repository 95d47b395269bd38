//! Tests of `html`.

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
