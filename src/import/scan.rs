//! The small scanners both figure finders share: a number at a place, a
//! word at the start, which way is good for a label, the clauses used.

/// Where the numbers already taken by a change or a comparison start.
pub(super) type Used = std::collections::HashSet<usize>;

const GOOD_DOWN: &[&str] = &[
    "发案", "警情", "损失", "事故", "拥堵", "被骗", "伤亡", "死亡",
];

const GOOD_UP: &[&str] = &["破案", "抓获", "挽回", "化解", "调处"];

/// A number at `i` of `s` (not inside another): its value and end.
pub(super) fn number_at(s: &str, i: usize) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    if !b.get(i)?.is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.')) {
        return None;
    }
    let mut end = i;
    while end < b.len()
        && (b[end].is_ascii_digit()
            || (matches!(b[end], b'.' | b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    let text: String = s[i..end].chars().filter(|&c| c != ',').collect();
    text.parse().ok().map(|v| (v, end))
}

pub(super) fn starts<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| s.starts_with(w))
}

pub(super) fn good_of(label: &str) -> Option<&'static str> {
    let down = GOOD_DOWN.iter().any(|w| label.contains(w));
    let up = GOOD_UP.iter().any(|w| label.contains(w));
    match (down, up) {
        (true, false) => Some("down"),
        (false, true) => Some("up"),
        _ => None,
    }
}
