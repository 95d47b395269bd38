//! Text layout: display width, Chinese line breaking, wrapping and truncation.
//!
//! The only place in the program where text width is measured; no ratatui
//! and no I/O here. Wrapped lines are byte ranges into the paragraph, so that
//! callers can map search matches and cited sentences onto screen lines.

mod breaks;
pub(crate) mod symbols;
pub(crate) mod width;
mod wrap;

pub(crate) use breaks::{NO_START, break_opportunities};
pub(crate) use wrap::{wrap, wrap_lines};

use unicode_segmentation::UnicodeSegmentation;

/// The ellipsis used when text is cut: one column wherever it is drawn.
pub(crate) fn ellipsis() -> &'static str {
    if width::ambiguous_is_wide() {
        "~"
    } else {
        "…"
    }
}

/// `s` cut to at most `max` columns, with an ellipsis when anything was cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if width::str_width(s) <= max {
        return s.to_string();
    }
    let mark = ellipsis();
    let room = max.saturating_sub(width::str_width(mark));
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width::str_width(g);
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g);
    }
    if max >= width::str_width(mark) {
        out.push_str(mark);
    }
    out
}

/// `s` without its first `cols` columns (a wide character straddling the cut is dropped).
#[cfg(test)]
pub(crate) fn skip_columns(s: &str, cols: usize) -> &str {
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        if used >= cols {
            return &s[i..];
        }
        used += width::str_width(g);
    }
    ""
}

/// `s` padded with spaces on the right to `cols` columns (never cut).
pub(crate) fn pad_right(s: &str, cols: usize) -> String {
    let w = width::str_width(s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

/// `s` padded with spaces on the left to `cols` columns (never cut).
pub(crate) fn pad_left(s: &str, cols: usize) -> String {
    let w = width::str_width(s);
    format!("{}{s}", " ".repeat(cols.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    mod wrap_props;

    #[test]
    fn truncate_counts_wide_characters() {
        assert_eq!(truncate("西宁市公安局", 12), "西宁市公安局");
        assert_eq!(truncate("西宁市公安局", 7), "西宁市…");
        assert_eq!(truncate("西宁市公安局", 6), "西宁…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("西宁", 1), "…");
    }

    #[test]
    fn truncated_text_fits() {
        for max in 0..20 {
            assert!(width::str_width(&truncate("坚持守正创新 hello 焕发", max)) <= max);
        }
    }

    #[test]
    fn skip_columns_respects_graphemes() {
        assert_eq!(skip_columns("西宁abc", 2), "宁abc");
        assert_eq!(skip_columns("西宁abc", 3), "abc");
    }
}
