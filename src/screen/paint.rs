//! Small drawing helpers shared by the panes: styled runs on one row, and
//! the highlighting of figures, matches and cites inside a line.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::layout::{truncate, width::for_display, width::str_width};

/// Write `text` at (x, y), cut to `max` columns with an ellipsis; returns the columns used.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, max: u16, text: &str, style: Style) -> u16 {
    // Nothing is ever written outside the buffer, whatever a caller computed.
    let area = buf.area;
    if max == 0 || y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return 0;
    }
    let max = max.min(area.right() - x);
    let shown = truncate(text, usize::from(max));
    buf.set_stringn(x, y, for_display(&shown), usize::from(max), style);
    str_width(&shown) as u16
}

/// Write a sequence of styled pieces on one row, cutting the last that does not fit.
pub(crate) fn put_spans(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    spans: &[(String, Style)],
) -> u16 {
    let mut used = 0;
    for (text, style) in spans {
        if used >= max {
            break;
        }
        used += put(buf, x + used, y, max - used, text, *style);
    }
    used
}

/// Write a line of spans at (x, y) within `max` columns; nothing outside the buffer.
pub(crate) fn put_line(buf: &mut Buffer, x: u16, y: u16, max: u16, line: &Line<'_>) {
    let area = buf.area;
    if max == 0 || y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return;
    }
    buf.set_line(x, y, line, max.min(area.right() - x));
}

/// Fill a rectangle with a style (and spaces).
pub(crate) fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}

/// Byte ranges of the figures in `text`: a sign, digits with a decimal point, and a percent sign.
pub(crate) fn figures(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let signed = matches!(c, '+' | '−' | '-')
            && chars.get(i + 1).is_some_and(|(_, d)| d.is_ascii_digit());
        if c.is_ascii_digit() || signed {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let decimal = d == '.' && chars.get(j + 1).is_some_and(|(_, e)| e.is_ascii_digit());
                if d.is_ascii_digit() || decimal || d == '%' {
                    j += 1;
                    if d == '%' {
                        break;
                    }
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            out.push(start..end);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// `text` as a line of spans: `base` style, with each mark's style patched on
/// over its byte range (later marks on top); drawn as `for_display` shows it.
pub(crate) fn marked<'a>(text: &'a str, base: Style, marks: &[(Range<usize>, Style)]) -> Line<'a> {
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut run_start = 0;
    let mut run_style: Option<Style> = None;
    let style_at = |i: usize| {
        marks
            .iter()
            .filter(|(r, _)| r.contains(&i))
            .fold(base, |s, (_, m)| s.patch(*m))
    };
    for (i, _) in text.char_indices() {
        let s = style_at(i);
        if run_style != Some(s) {
            if let Some(prev) = run_style {
                spans.push(Span::styled(for_display(&text[run_start..i]), prev));
            }
            run_start = i;
            run_style = Some(s);
        }
    }
    if let Some(prev) = run_style {
        spans.push(Span::styled(for_display(&text[run_start..]), prev));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_take_sign_decimals_and_percent() {
        let t = "下降−6.32%，上升466.2%，达53个";
        let found: Vec<&str> = figures(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["−6.32%", "466.2%", "53"]);
    }

    #[test]
    fn marks_split_the_line_into_spans() {
        let line = marked("abcdef", Style::new(), &[(1..3, Style::new().bold())]);
        let texts: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["a", "bc", "def"]);
    }
}
