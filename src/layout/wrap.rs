//! Greedy wrapping of one paragraph to a width, as byte ranges.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::break_opportunities;
use super::width::str_width;

/// Wrap `text` (one paragraph) to `width` columns. Each line is a byte range
/// of `text`; white space at a break is left out of both lines. A line is
/// never wider than `width`, except one that holds a single grapheme wider
/// than `width` (a wide character at width 1).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut points = break_opportunities(text);
    points.push(text.len());
    let mut line_start: Option<usize> = None;
    let mut line_end = 0; // end of the visible content of the current line
    let mut used = 0; // columns used, counting white space inside the line
    let mut piece_start = 0;
    for piece_end in points {
        let piece = &text[piece_start..piece_end];
        let content = piece.trim_end();
        let content_end = piece_start + content.len();
        let content_width = str_width(content);
        if let Some(start) = line_start
            && used + content_width > width
        {
            lines.push(start..line_end);
            line_start = None;
            used = 0;
        }
        if content.is_empty() && line_start.is_none() {
            // White space where no line has begun (or where one just
            // ended: `， （` breaks both before and after the space)
            // belongs to no line.
            piece_start = piece_end;
            continue;
        }
        if content_width > width {
            // An unbreakable run longer than the line: split it only now.
            let (start, end, w) = split_long(text, piece_start, content_end, width, &mut lines);
            line_start = Some(start);
            line_end = end;
            used = w + str_width(&piece[content.len()..]);
        } else {
            if line_start.is_none() {
                // A line never begins with the white space left by a break.
                let lead = piece.len() - piece.trim_start().len();
                line_start = Some(piece_start + lead);
            }
            line_end = content_end.max(line_start.unwrap_or(0));
            used += str_width(piece);
        }
        piece_start = piece_end;
    }
    if let Some(start) = line_start
        && start < line_end
    {
        lines.push(start..line_end);
    }
    lines
}

/// Push full lines of the run `start..end` split at graphemes; return the
/// last, partial line (start, end, width) to be continued.
fn split_long(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    lines: &mut Vec<Range<usize>>,
) -> (usize, usize, usize) {
    let mut line_start = start;
    let mut used = 0;
    for (i, g) in text[start..end].grapheme_indices(true) {
        let at = start + i;
        let w = str_width(g);
        if used + w > width && at > line_start {
            lines.push(line_start..at);
            line_start = at;
            used = 0;
        }
        used += w;
    }
    (line_start, end, used)
}

/// Wrap and return the lines as string slices.
pub(crate) fn wrap_lines(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width).into_iter().map(|r| &text[r]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_between_two_breaks_starts_no_line() {
        // `，` breaks after it, and `（` before it: the space between is a piece of its own.
        assert_eq!(wrap_lines("， （", 1), ["，", "（"]);
        assert_eq!(wrap_lines("甲， （乙", 4), ["甲，", "（乙"]);
    }

    #[test]
    fn chinese_wraps_by_columns() {
        assert_eq!(
            wrap_lines("坚持守正创新焕发平安", 8),
            ["坚持守正", "创新焕发", "平安"]
        );
    }

    #[test]
    fn no_line_starts_with_a_comma() {
        // By width alone the comma would start line 2; it goes down with 降 instead.
        assert_eq!(wrap_lines("同比下降，破案", 8), ["同比下", "降，破案"]);
    }

    #[test]
    fn spaces_at_breaks_are_dropped() {
        assert_eq!(wrap_lines("hello big world", 9), ["hello big", "world"]);
    }

    #[test]
    fn long_runs_split_only_when_needed() {
        assert_eq!(
            wrap_lines("see https://example.org/a/b", 10),
            ["see", "https://", "example.or", "g/a/b"]
        );
    }

    #[test]
    fn width_one_puts_each_wide_character_alone() {
        assert_eq!(wrap_lines("西宁", 1), ["西", "宁"]);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap("", 10).is_empty());
    }
}
