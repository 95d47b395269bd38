//! Finding text inside paragraphs: plain search and white-space-blind cites.

use std::ops::Range;

/// Every non-overlapping occurrence of `needle` in `hay` (ASCII letters match
/// either case), as byte ranges.
pub(crate) fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let lower_hay = hay.to_ascii_lowercase();
    let lower_needle = needle.to_ascii_lowercase();
    lower_hay
        .match_indices(&lower_needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

/// Where `needle` occurs in `hay` when white space is ignored on both sides.
pub(crate) fn find_ignoring_space(hay: &str, needle: &str) -> Option<Range<usize>> {
    let want: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    if want.is_empty() {
        return None;
    }
    let chars: Vec<(usize, char)> = hay
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let found = chars
        .windows(want.len())
        .position(|w| w.iter().map(|&(_, c)| c).eq(want.iter().copied()))?;
    let start = chars[found].0;
    let (last_at, last) = chars[found + want.len() - 1];
    Some(start..last_at + last.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence() {
        assert_eq!(find_all("枫桥所，枫桥", "枫桥"), [0..6, 12..18]);
        assert_eq!(find_all("Abc abc", "ABC"), [0..3, 4..7]);
        assert!(find_all("x", "").is_empty());
    }

    #[test]
    fn cites_ignore_white_space() {
        let hay = "同比下降 6.32%，破案";
        assert_eq!(find_ignoring_space(hay, "下降6.32%"), Some(6..18));
        assert_eq!(find_ignoring_space(hay, "上升"), None);
    }
}
