//! The body of a text slide: paragraphs wrapped to the measure with their
//! last lines balanced, the figures an indicator cites marked for emphasis
//! (and no other digit: not a date, not a count in passing), then the
//! indicators' figure lines.

use std::ops::Range;

use crate::layout::wrap_lines;
use crate::model::find::find_ignoring_space;
use crate::model::{Indicator, format_number};
use crate::render::{Role, figure_line};
use crate::screen::paint::figures;

use super::balance::wrap_balanced;

/// A line of a text slide: its text, its role (body, blank, a figure), and
/// the byte ranges of the figures in it that an indicator cites (emphasised).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SlideLine {
    pub text: String,
    pub role: Role,
    pub marks: Vec<Range<usize>>,
    /// For a line of a paragraph: which paragraph of its section's or
    /// item's text, and its bytes there (what a narrower screen re-wraps).
    pub source: Option<(usize, Range<usize>)>,
}

impl SlideLine {
    pub(crate) fn new(text: impl Into<String>, role: Role) -> SlideLine {
        SlideLine {
            text: text.into(),
            role,
            marks: Vec::new(),
            source: None,
        }
    }

    pub(crate) fn blank() -> SlideLine {
        SlideLine::new(String::new(), Role::Blank)
    }
}

/// The numbers an indicator states: its value, its change, its comparisons.
fn stated(ind: &Indicator) -> Vec<String> {
    let change = ind.change.as_ref().map(|c| c.amount.abs());
    ind.value
        .into_iter()
        .chain(change)
        .chain(ind.compare.iter().map(|c| c.value))
        .map(format_number)
        .collect()
}

/// The byte ranges of `para` to emphasise: inside the sentence an indicator
/// cites, each figure that is one of the numbers the indicator states (so
/// not the year that opens the sentence).
pub(crate) fn cited_figures(para: &str, cited: &[&Indicator]) -> Vec<Range<usize>> {
    let cites: Vec<(Range<usize>, Vec<String>)> = cited
        .iter()
        .filter_map(|ind| {
            Some((
                find_ignoring_space(para, ind.cite.as_deref()?)?,
                stated(ind),
            ))
        })
        .collect();
    let number = |f: &Range<usize>| {
        para[f.clone()]
            .trim_start_matches(['+', '−', '-'])
            .trim_end_matches('%')
    };
    figures(para)
        .into_iter()
        .filter(|f| {
            cites.iter().any(|(c, numbers)| {
                c.start <= f.start && f.end <= c.end && numbers.iter().any(|n| n == number(f))
            })
        })
        .collect()
}

/// `marks` (ranges of the paragraph) as they fall on `line` (a range of it).
fn marks_on(line: &Range<usize>, marks: &[Range<usize>]) -> Vec<Range<usize>> {
    marks
        .iter()
        .filter(|m| m.start < line.end && line.start < m.end)
        .map(|m| m.start.max(line.start) - line.start..m.end.min(line.end) - line.start)
        .collect()
}

/// Paragraph `k` as slide lines.
fn paragraph(
    k: usize,
    para: &str,
    cited: &[&Indicator],
    width: usize,
) -> impl Iterator<Item = SlideLine> {
    part((k, para), 0..para.len(), cited, width)
}

/// The bytes `part` of paragraph `k` (a run of its lines) wrapped to
/// `width` as slide lines, the figures cited in it marked.
pub(crate) fn part(
    (k, para): (usize, &str),
    part: Range<usize>,
    cited: &[&Indicator],
    width: usize,
) -> impl Iterator<Item = SlideLine> {
    let marks = cited_figures(para, cited);
    let text = &para[part.clone()];
    wrap_balanced(text, width).into_iter().map(move |r| {
        let r = part.start + r.start..part.start + r.end;
        let mut line = SlideLine::new(&para[r.clone()], Role::Body);
        line.marks = marks_on(&r, &marks);
        line.source = Some((k, r));
        line
    })
}

/// The lines of a section's or an item's text: its paragraphs, then its
/// figures, a blank line between paragraphs.
pub(crate) fn text_lines(
    paragraphs: &[String],
    figs: &[&Indicator],
    width: usize,
) -> Vec<SlideLine> {
    let mut lines = Vec::new();
    for (k, p) in paragraphs.iter().enumerate() {
        if !lines.is_empty() {
            lines.push(SlideLine::blank());
        }
        lines.extend(paragraph(k, p, figs, width));
    }
    if !figs.is_empty() && !lines.is_empty() {
        lines.push(SlideLine::blank());
    }
    for ind in figs {
        let figure = figure_line(ind);
        lines.extend(
            wrap_lines(&figure.text, width)
                .into_iter()
                .map(|l| SlideLine::new(l, figure.role)),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(cite: &str) -> Indicator {
        Indicator {
            id: "x".into(),
            label: "电诈发案".into(),
            value: Some(6.32),
            unit: None,
            change: None,
            good: None,
            history: Vec::new(),
            compare: Vec::new(),
            note: None,
            cite: Some(cite.into()),
            value_line: 0,
        }
    }

    #[test]
    fn only_cited_figures_are_marked_not_dates() {
        let para = "于2023年3月部署，2023年全市电诈发案同比下降6.32%，破案12起。";
        let ind = cited("全市电诈发案同比下降6.32%");
        let marks: Vec<&str> = cited_figures(para, &[&ind])
            .into_iter()
            .map(|r| &para[r])
            .collect();
        assert_eq!(marks, ["6.32%"]);
        assert!(cited_figures(para, &[]).is_empty());
    }

    #[test]
    fn marks_follow_the_figure_onto_its_line() {
        let para = "前面的文字很长很长很长，全市电诈发案同比下降6.32%。";
        let ind = cited("同比下降6.32%");
        let lines = text_lines(&[para.to_string()], &[], 16);
        assert!(
            lines.iter().all(|l| l.marks.is_empty()),
            "no indicator, no mark"
        );
        let lines: Vec<SlideLine> = paragraph(0, para, &[&ind], 16).collect();
        let marked: Vec<&str> = lines
            .iter()
            .flat_map(|l| l.marks.iter().map(|m| &l.text[m.clone()]))
            .collect();
        assert_eq!(marked.concat(), "6.32%");
    }
}
