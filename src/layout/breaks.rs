//! Where a line may break: UAX #14 (the unicode-linebreak crate), tailored
//! for Chinese by GB/T 15834 and W3C clreq.
//!
//! UAX #14 gets three things wrong for Chinese text: it treats “ ” ‘ ’ as
//! ambiguous quotes that never break on either side, it lets a number part
//! from its unit (4.98|万), and it does not know every closing mark that must
//! not start a line. The tailoring fixes those and nothing else.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::is_cjk;

/// Characters that must not start a line.
pub const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', '〕', '〉', '”', '’',
    '%', '％', ',', '.', ';', ':', '?', '!', ')', ']', '}', '·', '…',
];

/// Characters that must not end a line.
pub const NO_END: &[char] = &[
    '（', '《', '「', '『', '【', '〔', '〈', '“', '‘', '(', '[', '{',
];

/// Byte offsets in `text` (exclusive of 0 and `text.len()`) where a line may break.
pub fn break_opportunities(text: &str) -> Vec<usize> {
    let mut uax: Vec<usize> = linebreaks(text)
        .filter(|&(i, kind)| i < text.len() && kind == BreakOpportunity::Allowed)
        .map(|(i, _)| i)
        .collect();
    // Opening quotes may follow a break, closing ones may precede one.
    for (i, c) in text.char_indices() {
        if i > 0 && matches!(c, '“' | '‘') {
            uax.push(i);
        }
        if matches!(c, '”' | '’') && i + c.len_utf8() < text.len() {
            uax.push(i + c.len_utf8());
        }
    }
    uax.sort_unstable();
    uax.dedup();
    // Grapheme boundaries walked beside the sorted offsets (not collected:
    // a 7 MB paragraph has millions).
    let mut graphemes = text.grapheme_indices(true).map(|(i, _)| i).peekable();
    uax.retain(|&i| {
        while graphemes.next_if(|&g| g < i).is_some() {}
        graphemes.peek() == Some(&i) && allowed_between(text, i)
    });
    uax
}

/// The Chinese rules, judged on the visible characters either side of offset
/// `i` (white space at a break is dropped, so it does not count).
fn allowed_between(text: &str, i: usize) -> bool {
    let Some(before) = text[..i].trim_end().chars().next_back() else {
        return false;
    };
    let Some(after) = text[i..].trim_start().chars().next() else {
        return false;
    };
    if NO_START.contains(&after) || NO_END.contains(&before) {
        return false;
    }
    // —— and …… stay whole.
    if (before == '—' && after == '—') || (before == '…' && after == '…') {
        return false;
    }
    // A number keeps its unit: 4.98万, 1477场, 53个.
    if before.is_ascii_digit() && is_cjk(after) {
        return false;
    }
    // A sign stays with its number: −6.32%, +466.2%.
    if matches!(before, '−' | '+' | '-' | '＋' | '－' | '±') && after.is_ascii_digit() {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut last = 0;
        for i in break_opportunities(text) {
            out.push(&text[last..i]);
            last = i;
        }
        out.push(&text[last..]);
        out
    }

    #[test]
    fn punctuation_stays_with_the_text_before() {
        assert_eq!(pieces("下降，上升。"), ["下", "降，", "上", "升。"]);
    }

    #[test]
    fn quotes_break_outside_not_inside() {
        assert_eq!(pieces("实施“五五”，全"), ["实", "施", "“五", "五”，", "全"]);
    }

    #[test]
    fn numbers_stay_whole_with_unit_and_sign() {
        let p = pieces("下降−6.32%和4.98万余路");
        assert!(p.contains(&"−6.32%"), "{p:?}");
        assert!(p.iter().any(|s| s.starts_with("4.98万")), "{p:?}");
    }

    #[test]
    fn dashes_and_ellipses_stay_whole() {
        let p = pieces("甲——乙……丙");
        assert!(p.iter().any(|s| s.contains("——")), "{p:?}");
        assert!(p.iter().any(|s| s.contains("……")), "{p:?}");
    }

    #[test]
    fn latin_words_break_at_spaces() {
        assert_eq!(pieces("hello big world"), ["hello ", "big ", "world"]);
    }
}
