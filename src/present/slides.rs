//! The slides of a briefing for one screen size: a title slide, the lead,
//! for each campaign an overview then a slide per item, the other sections,
//! the outlook, an end slide. Text that does not fit continues on the next
//! slide, marked 续; nothing is ever cut off.

use crate::i18n::{subst, t as tr};
use crate::layout::wrap_lines;
use crate::model::{Briefing, Indicator, Section, SectionKind};
use crate::present::metrics::Metrics;
use crate::render::{Numbering, Role, figure_line, item_heading, section_heading};

/// Where an indicator is: in the section itself (`item: None`) or in an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureRef {
    pub section: usize,
    pub item: Option<usize>,
    pub index: usize,
}

impl FigureRef {
    pub fn get<'a>(&self, b: &'a Briefing) -> &'a Indicator {
        let s = &b.sections[self.section];
        match self.item {
            None => &s.indicators[self.index],
            Some(j) => &s.items[j].indicators[self.index],
        }
    }
}

/// A line of a text slide: its text and its role (body, blank, a figure).
pub type SlideLine = crate::render::Line;

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Title,
    /// A campaign's overview: its headline indicators as big numbers.
    Overview(Vec<FigureRef>),
    Text(Vec<SlideLine>),
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub section: Option<usize>,
    pub item: Option<usize>,
    pub heading: String,
    pub subheading: Option<String>,
    /// Which page of a text that runs over several slides (0: the first).
    pub page: usize,
    pub body: Body,
}

impl Slide {
    /// The heading as shown, with 续 on continuation slides.
    pub fn shown_heading(&self) -> String {
        if self.page > 0 {
            subst(tr("continued"), &[&self.heading])
        } else {
            self.heading.clone()
        }
    }
}

fn text_lines(paragraphs: &[String], figures: &[&Indicator], width: usize) -> Vec<SlideLine> {
    let mut lines = Vec::new();
    for p in paragraphs {
        if !lines.is_empty() {
            lines.push(SlideLine::blank(None));
        }
        lines.extend(
            wrap_lines(p, width)
                .into_iter()
                .map(|l| SlideLine::new(l, Role::Body, None)),
        );
    }
    if !figures.is_empty() && !lines.is_empty() {
        lines.push(SlideLine::blank(None));
    }
    for ind in figures {
        let figure = figure_line(ind);
        lines.extend(
            wrap_lines(&figure.text, width)
                .into_iter()
                .map(|l| SlideLine::new(l, figure.role, None)),
        );
    }
    lines
}

/// Split `lines` into pages of `height` lines; a page never starts with a blank line.
fn pages(lines: Vec<SlideLine>, height: usize) -> Vec<Vec<SlideLine>> {
    let height = height.max(1);
    let mut out: Vec<Vec<SlideLine>> = vec![Vec::new()];
    for line in lines {
        let page = out.last_mut().expect("a page");
        if page.len() == height {
            out.push(Vec::new());
        }
        let page = out.last_mut().expect("a page");
        if page.is_empty() && line.role == Role::Blank {
            continue;
        }
        page.push(line);
    }
    out
}

struct Builder<'a> {
    b: &'a Briefing,
    m: Metrics,
    slides: Vec<Slide>,
}

impl Builder<'_> {
    fn text(
        &mut self,
        section: usize,
        item: Option<usize>,
        heading: String,
        subheading: Option<String>,
        lines: Vec<SlideLine>,
    ) {
        // Continuation slides carry 续 in the heading, so measure with it. On a
        // short screen the subheading (context shown elsewhere) gives way to text.
        let mut subheading = subheading;
        let mut head = self
            .m
            .head(&subst(tr("continued"), &[&heading]), subheading.as_deref());
        if subheading.is_some() && self.m.text_height(&head) < 3 {
            subheading = None;
            head = self.m.head(&subst(tr("continued"), &[&heading]), None);
        }
        let height = self.m.text_height(&head);
        for (page, chunk) in pages(lines, height).into_iter().enumerate() {
            self.slides.push(Slide {
                section: Some(section),
                item,
                heading: heading.clone(),
                subheading: subheading.clone(),
                page,
                body: Body::Text(chunk),
            });
        }
    }

    fn section(&mut self, i: usize, s: &Section) {
        let heading = section_heading(self.b, i, Numbering::Spaced);
        let width = self.m.text_width();
        let own: Vec<&Indicator> = s.indicators.iter().collect();
        if s.kind == SectionKind::Campaign {
            self.slides.push(Slide {
                section: Some(i),
                item: None,
                heading: heading.clone(),
                subheading: s.subtitle.clone(),
                page: 0,
                body: Body::Overview(headline(i, s)),
            });
            if !s.body.is_empty() || !own.is_empty() {
                self.text(
                    i,
                    None,
                    heading.clone(),
                    s.subtitle.clone(),
                    text_lines(&s.body, &own, width),
                );
            }
        } else {
            self.text(
                i,
                None,
                heading.clone(),
                s.subtitle.clone(),
                text_lines(&s.body, &own, width),
            );
        }
        for (j, item) in s.items.iter().enumerate() {
            let figures: Vec<&Indicator> = item.indicators.iter().collect();
            let title = item_heading(j, item);
            self.text(
                i,
                Some(j),
                title,
                Some(heading.clone()),
                text_lines(&item.body, &figures, width),
            );
        }
    }
}

/// A campaign's headline figures: those with a change, else those with a value.
fn headline(i: usize, s: &Section) -> Vec<FigureRef> {
    let own = s
        .indicators
        .iter()
        .enumerate()
        .map(|(k, ind)| (None, k, ind));
    let items = s.items.iter().enumerate().flat_map(|(j, it)| {
        it.indicators
            .iter()
            .enumerate()
            .map(move |(k, ind)| (Some(j), k, ind))
    });
    let all: Vec<_> = own.chain(items).collect();
    let refs = |keep: &dyn Fn(&Indicator) -> bool| -> Vec<FigureRef> {
        all.iter()
            .filter(|(_, _, ind)| keep(ind))
            .map(|&(item, index, _)| FigureRef {
                section: i,
                item,
                index,
            })
            .collect()
    };
    let with_change = refs(&|ind| ind.change.is_some());
    if with_change.is_empty() {
        refs(&|ind| ind.value.is_some())
    } else {
        with_change
    }
}

/// The slides of `b` for a screen of `width`×`height`.
pub fn build(b: &Briefing, width: u16, height: u16) -> Vec<Slide> {
    let mut builder = Builder {
        b,
        m: Metrics::new(width, height),
        slides: vec![Slide {
            section: None,
            item: None,
            heading: b.title.clone(),
            subheading: b.subtitle.clone(),
            page: 0,
            body: Body::Title,
        }],
    };
    for (i, s) in b.sections.iter().enumerate() {
        builder.section(i, s);
    }
    builder.slides.push(Slide {
        section: None,
        item: None,
        heading: tr("thanks").into(),
        subheading: Some(b.title.clone()),
        page: 0,
        body: Body::End,
    });
    builder.slides
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> Vec<SlideLine> {
        (0..n)
            .map(|i| {
                let role = if i % 3 == 2 { Role::Blank } else { Role::Body };
                SlideLine::new(i.to_string(), role, None)
            })
            .collect()
    }

    #[test]
    fn pages_keep_every_text_line() {
        for height in 1..8 {
            let all = lines(20);
            let paged = pages(all.clone(), height);
            assert!(paged.iter().all(|p| p.len() <= height));
            let kept: Vec<&SlideLine> = paged
                .iter()
                .flatten()
                .filter(|l| l.role != Role::Blank)
                .collect();
            let want: Vec<&SlideLine> = all.iter().filter(|l| l.role != Role::Blank).collect();
            assert_eq!(kept, want);
            assert!(
                paged
                    .iter()
                    .all(|p| p.first().is_none_or(|l| l.role != Role::Blank))
            );
        }
    }
}
