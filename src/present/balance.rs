//! Wrapping for slides: the layout module's wrapping and breaking rules,
//! with the last two lines of a paragraph balanced so that it does not end
//! on a line of one or two characters (`平。`) when a better break exists.

use std::ops::Range;

use crate::layout::width::str_width;
use crate::layout::{NO_START, break_opportunities, wrap};

/// Whether a last line is too short to stand alone: two characters or
/// fewer, closing punctuation not counted.
fn too_short(line: &str) -> bool {
    line.chars()
        .filter(|c| !c.is_whitespace() && !NO_START.contains(c))
        .count()
        <= 2
}

/// `text` wrapped to `width` columns as byte ranges, as `layout::wrap` does,
/// except that a too-short last line takes a few characters from the line
/// before it: the two are broken again at the latest break opportunity that
/// leaves the last one long enough, so every other line stays as it was.
pub(crate) fn wrap_balanced(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = wrap(text, width);
    let n = lines.len();
    if n < 2 || !too_short(&text[lines[n - 1].clone()]) {
        return lines;
    }
    let start = lines[n - 2].start;
    let end = lines[n - 1].end;
    let tail = &text[start..end];
    let split = |p: usize| {
        let first = tail[..p].trim_end();
        let second = &tail[p..];
        let lead = second.len() - second.trim_start().len();
        (start..start + first.len(), start + p + lead..end)
    };
    let better = break_opportunities(tail).into_iter().rev().find_map(|p| {
        let (a, b) = split(p);
        let fits = str_width(&text[a.clone()]) <= width && str_width(&text[b.clone()]) <= width;
        (fits && !a.is_empty() && !too_short(&text[b.clone()])).then_some([a, b])
    });
    if let Some(two) = better {
        lines.truncate(n - 2);
        lines.extend(two);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap_balanced(text, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn a_lone_last_character_takes_company() {
        let text = "坚持守正创新焕发平安建设新动能全力维护社会大局持续平安稳。";
        // Greedily at 28 columns the last line is 稳。 alone.
        let greedy: Vec<&str> = crate::layout::wrap_lines(text, 28);
        assert_eq!(greedy.last(), Some(&"稳。"));
        let got = lines(text, 28);
        assert_eq!(got.len(), greedy.len());
        assert!(!too_short(got.last().unwrap()), "{got:?}");
        assert_eq!(got.concat(), text);
        assert!(got.iter().all(|l| str_width(l) <= 28));
    }

    #[test]
    fn lines_before_the_last_two_stay() {
        let text = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一。";
        let greedy = crate::layout::wrap_lines(text, 20);
        let got = lines(text, 20);
        assert_eq!(got[..got.len() - 2], greedy[..greedy.len() - 2]);
    }

    #[test]
    fn a_good_ending_is_left_alone() {
        let text = "事故起数同比下降12.5%，亡人事故零发生。";
        assert_eq!(lines(text, 30), crate::layout::wrap_lines(text, 30));
        assert_eq!(lines(text, 100), [text]);
    }

    #[test]
    fn the_rules_still_hold() {
        // No line starts with closing punctuation, a number keeps its unit.
        let text = "破案数同比上升466.2%，破案率同比上升31.9个百分点。";
        for w in 8..40 {
            for l in lines(text, w) {
                assert!(!l.starts_with(['，', '。', '%']), "{w}: {l:?}");
            }
        }
    }
}
