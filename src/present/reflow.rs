//! A slide of the presenter's deck re-flowed for a screen narrower than its
//! text: the same slide (its heading, the lines of text on it, its figures:
//! the deck's pagination is the presenter's) with its paragraphs wrapped
//! again to this screen's measure and its KPI grid arranged again, in
//! smaller glyphs or plain numbers when the deck's do not fit across.

use super::grid::{self, Grid};
use super::kpi::Kpi;
use super::metrics::Metrics;
use super::overview::grid_of;
use super::slides::{Body, Slide, SlideLine};
use super::state::Presenter;
use super::text::part;
use crate::layout::wrap_lines;
use crate::model::{Briefing, Indicator};

/// The current slide of a deck laid out for `deck` as a screen `m` wide
/// shows it, with the grid of its figures (an overview's; `None` for the
/// other kinds).
pub(crate) fn reflow(p: &Presenter, deck: (u16, u16), m: &Metrics) -> (Slide, Option<Grid>) {
    let slide = p.slide();
    match &slide.body {
        Body::Text(lines) => {
            let body = Body::Text(text(&p.briefing, slide, lines, m.text_width()));
            (
                Slide {
                    body,
                    ..slide.clone()
                },
                None,
            )
        }
        Body::Overview(figs) => {
            let deck = grid_of(p, &Metrics::new(deck.0, deck.1), slide, None).glyphs;
            let kpis: Vec<Kpi> = figs.iter().map(|f| Kpi::of(f.get(&p.briefing))).collect();
            let grid = grid::reflow(&kpis, deck, m.inner_width() as u16);
            (slide.clone(), Some(grid))
        }
        Body::Title | Body::End => (slide.clone(), None),
    }
}

/// The paragraphs and the figures the text of `slide` was made from.
fn source<'a>(b: &'a Briefing, slide: &Slide) -> (&'a [String], Vec<&'a Indicator>) {
    let section = slide.section.and_then(|s| b.sections.get(s));
    match (section, slide.item) {
        (Some(s), None) => (&s.body, s.indicators.iter().collect()),
        (Some(s), Some(j)) => match s.items.get(j) {
            Some(item) => (&item.body, item.indicators.iter().collect()),
            None => (&[], Vec::new()),
        },
        (None, _) => (&[], Vec::new()),
    }
}

/// The lines of a text slide wrapped again to `width`: each run of lines of
/// one paragraph as the text it holds, every other line (a figure, an
/// item's title) on its own; a blank line stays.
fn text(b: &Briefing, slide: &Slide, lines: &[SlideLine], width: usize) -> Vec<SlideLine> {
    let (paras, figs) = source(b, slide);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        i += 1;
        let Some((k, r)) = line.source.clone().filter(|(k, _)| *k < paras.len()) else {
            if line.text.is_empty() {
                out.push(line.clone());
            } else {
                let wrapped = wrap_lines(&line.text, width);
                out.extend(wrapped.into_iter().map(|l| SlideLine::new(l, line.role)));
            }
            continue;
        };
        let mut end = r.end;
        while let Some((_, next)) = lines
            .get(i)
            .and_then(|l| l.source.clone())
            .filter(|s| s.0 == k)
        {
            end = next.end;
            i += 1;
        }
        out.extend(part((k, &paras[k]), r.start..end, &figs, width));
    }
    out
}

#[cfg(test)]
mod tests;
