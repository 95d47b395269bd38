//! Where a line may break: UAX #14 (the unicode-linebreak crate), tailored
//! for Chinese by GB/T 15834 and W3C clreq.
//!
//! UAX #14 gets four things wrong for Chinese text: it treats “ ” ‘ ’ as
//! ambiguous quotes that never break on either side, it keeps a full-width
//! comma or stop with a sign after it (，−6.32% has no break at all, so a
//! run of them is cut anywhere), it lets a number part from its unit
//! (4.98|万), and it does not know every closing mark that must not start a
//! line. The tailoring fixes those and nothing else.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::is_cjk;

/// Characters that must not start a line.
pub(crate) const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', '〕', '〉', '”', '’',
    '%', '％', ',', '.', ';', ':', '?', '!', ')', ']', '}', '·', '…',
];

/// Characters that must not end a line.
pub(super) const NO_END: &[char] = &[
    '（', '《', '「', '『', '【', '〔', '〈', '“', '‘', '(', '[', '{',
];

/// Byte offsets in `text` (exclusive of 0 and `text.len()`) where a line may break.
pub(crate) fn break_opportunities(text: &str) -> Vec<usize> {
    let mut uax: Vec<usize> = linebreaks(text)
        .filter(|&(i, kind)| i < text.len() && kind == BreakOpportunity::Allowed)
        .map(|(i, _)| i)
        .collect();
    // Opening quotes and full-width brackets may follow a break (UAX #14
    // keeps `*（` together), closing quotes may precede one.
    for (i, c) in text.char_indices() {
        if i > 0
            && matches!(
                c,
                '“' | '‘' | '（' | '《' | '「' | '『' | '【' | '〔' | '〈'
            )
        {
            uax.push(i);
        }
        if matches!(
            c,
            '”' | '’' | '，' | '。' | '、' | '；' | '：' | '？' | '！'
        ) && i + c.len_utf8() < text.len()
        {
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
    // A number keeps its unit: 4.98万, 1477场, 53个, ２３４５起.
    if is_digit(before) && is_cjk(after) {
        return false;
    }
    // A sign stays with its number: −6.32%, +466.2%.
    if matches!(before, '−' | '+' | '-' | '＋' | '－' | '±') && is_digit(after) {
        return false;
    }
    !inside_number(text, i, before, after)
        && !inside_word(before, after)
        && !inside_period(text, i, before, after)
        && !label_and_value(text, i, after)
}

/// An ASCII or a full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Full-width digits stay whole with their point, comma and percent sign
/// (１２３４５, ３．２％, １，２３４), as ASCII numbers do.
fn inside_number(text: &str, i: usize, before: char, after: char) -> bool {
    let gap =
        text[..i].ends_with(char::is_whitespace) || text[i..].starts_with(char::is_whitespace);
    if gap {
        return false;
    }
    let joins = |c: char| matches!(c, '．' | '，' | '.' | ',');
    let before_before = text[..i].chars().rev().nth(1);
    (is_digit(before) && (is_digit(after) || matches!(after, '％' | '%' | '．')))
        || (joins(before) && is_digit(after) && before_before.is_some_and(is_digit))
}

/// Words that never split: 同比, 环比, and the labels 上年, 上期, 本期.
fn inside_word(before: char, after: char) -> bool {
    (after == '比' && matches!(before, '同' | '环'))
        || (after == '年' && before == '上')
        || (after == '期' && matches!(before, '上' | '本'))
}

/// A period never splits at its hyphen: 2023-H1, 2023-Q4, 2023-07.
fn inside_period(text: &str, i: usize, before: char, after: char) -> bool {
    before == '-'
        && text[..i].ends_with('-')
        && (matches!(after, 'H' | 'Q') || after.is_ascii_digit())
        && text[..i - 1].len() >= 4
        && text[..i - 1]
            .bytes()
            .rev()
            .take(4)
            .all(|b| b.is_ascii_digit())
}

/// A period label keeps its value across the space between them: `2023 1550`,
/// `2023-H1 980`, `上年 100*`.
fn label_and_value(text: &str, i: usize, after: char) -> bool {
    let head = text[..i].trim_end();
    if head.len() == text[..i].len() || !(is_digit(after) || matches!(after, '−' | '-' | '+')) {
        return false;
    }
    let label: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    crate::model::Period::parse(&label).is_some()
        || ["上年", "上期", "本期"].iter().any(|w| head.ends_with(w))
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
    fn a_full_width_comma_breaks_before_a_signed_number() {
        assert_eq!(
            pieces("起，−6.32%，+2%的"),
            ["起，", "−6.32%，", "+2%", "的"]
        );
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
    fn full_width_numbers_stay_whole() {
        let p = pieces("接报警情１２３４５起，下降３．２％，共１，２３４人");
        assert!(p.iter().any(|s| s.starts_with("１２３４５起")), "{p:?}");
        assert!(p.iter().any(|s| s.starts_with("３．２％")), "{p:?}");
        assert!(p.iter().any(|s| s.starts_with("１，２３４人")), "{p:?}");
    }

    #[test]
    fn yoy_and_pop_never_split() {
        let p = pieces("同比下降，环比上升");
        assert!(p.iter().any(|s| s.starts_with("同比")), "{p:?}");
        assert!(p.iter().any(|s| s.starts_with("环比")), "{p:?}");
    }

    #[test]
    fn a_period_label_keeps_its_value() {
        let p = pieces("序列：2021 980 → 2023-H1 1550 → 上年 100* → 2024 −5");
        for whole in ["2021 980 ", "2023-H1 1550 ", "上年 100* ", "2024 −5"] {
            assert!(p.iter().any(|s| s.ends_with(whole)), "{whole}: {p:?}");
        }
    }

    #[test]
    fn latin_words_break_at_spaces() {
        assert_eq!(pieces("hello big world"), ["hello ", "big ", "world"]);
    }
}
