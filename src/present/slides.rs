//! The slides of a briefing for one screen size: a title slide, the lead,
//! for each campaign an overview then a slide per item, the other sections,
//! the outlook, an end slide. Text or figures that do not fit continue on
//! the next slide, marked 续; nothing is ever cut off. A campaign with no
//! figures has no overview, an item with only a title no slide of its own
//! (its title is a line of the text before it).

use crate::i18n::{subst, t as tr};
use crate::model::{Briefing, Indicator, Section, SectionKind};
use crate::present::grid::{self, Grid};
use crate::present::kpi::Kpi;
use crate::present::metrics::{Head, Metrics};
use crate::present::text::text_lines;
use crate::render::{Numbering, Role, item_heading, section_heading};

/// Where an indicator is: in the section itself (`item: None`) or in an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FigureRef {
    pub section: usize,
    pub item: Option<usize>,
    pub index: usize,
}

impl FigureRef {
    pub(crate) fn get<'a>(&self, b: &'a Briefing) -> &'a Indicator {
        let s = &b.sections[self.section];
        match self.item {
            None => &s.indicators[self.index],
            Some(j) => &s.items[j].indicators[self.index],
        }
    }
}

pub(crate) use crate::present::text::SlideLine;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    Title,
    /// A campaign's overview: its headline indicators as big numbers (this
    /// slide's share of them; the rest on the next, marked 续).
    Overview(Vec<FigureRef>),
    Text(Vec<SlideLine>),
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Slide {
    pub section: Option<usize>,
    pub item: Option<usize>,
    pub heading: String,
    pub subheading: Option<String>,
    /// Which page of a text or an overview that runs over several slides (0: the first).
    pub page: usize,
    pub body: Body,
}

impl Slide {
    /// The heading as shown, with 续 on continuation slides.
    pub(crate) fn shown_heading(&self) -> String {
        if self.page > 0 {
            subst(tr("continued"), &[&self.heading])
        } else {
            self.heading.clone()
        }
    }
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

/// The text of a section or an item before it is cut into slides.
struct Block {
    item: Option<usize>,
    heading: String,
    subheading: Option<String>,
    lines: Vec<SlideLine>,
}

struct Builder<'a> {
    b: &'a Briefing,
    m: Metrics,
    slides: Vec<Slide>,
}

impl Builder<'_> {
    /// The head a slide's body is measured under: with 续 (continuation
    /// slides carry it), and without the subheading on a short screen, where
    /// that context (shown elsewhere) gives way to the body.
    fn head_for(&self, heading: &str, subheading: Option<String>) -> (Head, Option<String>) {
        let continued = subst(tr("continued"), &[heading]);
        let head = self.m.head(&continued, subheading.as_deref());
        if subheading.is_some() && self.m.text_height(&head) < 3 {
            return (self.m.head(&continued, None), None);
        }
        (head, subheading)
    }

    fn push(&mut self, section: usize, block: &Block, page: usize, body: Body) {
        self.slides.push(Slide {
            section: Some(section),
            item: block.item,
            heading: block.heading.clone(),
            subheading: block.subheading.clone(),
            page,
            body,
        });
    }

    fn text(&mut self, section: usize, block: Block) {
        let (head, subheading) = self.head_for(&block.heading, block.subheading.clone());
        let block = Block {
            subheading,
            ..block
        };
        let height = self.m.text_height(&head);
        for (page, chunk) in pages(block.lines.clone(), height).into_iter().enumerate() {
            self.push(section, &block, page, Body::Text(chunk));
        }
    }

    /// A campaign's overview: its headline figures over as many slides as
    /// the grid needs; none when it has no figures.
    fn overview(&mut self, i: usize, s: &Section, heading: &str) {
        let figures = headline(i, s);
        if figures.is_empty() {
            return;
        }
        let (_, mut subheading) = self.head_for(heading, s.subtitle.as_deref().map(String::from));
        let mut grid = overview_grid(self.b, &self.m, i, heading, subheading.as_deref());
        if grid.per_slide() < figures.len() && subheading.is_some() {
            // Figures that need more slides come before the subtitle (context shown elsewhere).
            let bare = overview_grid(self.b, &self.m, i, heading, None);
            if bare.per_slide() > grid.per_slide() {
                (grid, subheading) = (bare, None);
            }
        }
        let block = Block {
            item: None,
            heading: heading.to_string(),
            subheading,
            lines: Vec::new(),
        };
        for (page, chunk) in figures.chunks(grid.per_slide()).enumerate() {
            self.push(i, &block, page, Body::Overview(chunk.to_vec()));
        }
    }

    fn section(&mut self, i: usize, s: &Section) {
        let heading = section_heading(self.b, i, Numbering::Spaced);
        let width = self.m.text_width();
        let campaign = s.kind == SectionKind::Campaign;
        if campaign {
            self.overview(i, s, &heading);
        }
        let own: Vec<&Indicator> = s.indicators.iter().collect();
        let mut blocks = Vec::new();
        if !campaign || !s.body.is_empty() || !own.is_empty() {
            blocks.push(Block {
                item: None,
                heading: heading.clone(),
                subheading: s.subtitle.as_deref().map(String::from),
                lines: text_lines(&s.body, &own, width),
            });
        }
        for (j, item) in s.items.iter().enumerate() {
            let title = item_heading(j, item);
            if item.body.is_empty() && item.indicators.is_empty() {
                // An item with only a title: a line of the text before it, not a slide.
                join_title(&mut blocks, &heading, s, title);
                continue;
            }
            let figures: Vec<&Indicator> = item.indicators.iter().collect();
            blocks.push(Block {
                item: Some(j),
                heading: title,
                subheading: Some(heading.clone()),
                lines: text_lines(&item.body, &figures, width),
            });
        }
        let shown = self.slides.iter().any(|sl| sl.section == Some(i));
        if blocks.is_empty() && !shown {
            // Nothing but a title: it still has its slide.
            join_title(&mut blocks, &heading, s, String::new());
        }
        for block in blocks {
            self.text(i, block);
        }
    }
}

/// Put an item's title (alone, it has no slide) at the end of the last text
/// block of its section, or of a new block for the section.
fn join_title(blocks: &mut Vec<Block>, heading: &str, s: &Section, title: String) {
    if blocks.is_empty() {
        blocks.push(Block {
            item: None,
            heading: heading.to_string(),
            subheading: s.subtitle.as_deref().map(String::from),
            lines: Vec::new(),
        });
    }
    if title.is_empty() {
        return;
    }
    let last = blocks.last_mut().expect("a block");
    if last.lines.last().is_some_and(|l| l.role != Role::ItemTitle) {
        last.lines.push(SlideLine::blank());
    }
    last.lines.push(SlideLine::new(title, Role::ItemTitle));
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

/// The headline figures of section `i` of `b` (what its overview slides show).
pub(crate) fn headline_of(b: &Briefing, i: usize) -> Vec<FigureRef> {
    headline(i, &b.sections[i])
}

/// The KPI grid of section `i`'s overview slides under their head, planned
/// for all its headline figures, so that every page has the same columns.
pub(crate) fn overview_grid(
    b: &Briefing,
    m: &Metrics,
    i: usize,
    heading: &str,
    subheading: Option<&str>,
) -> Grid {
    let kpis: Vec<Kpi> = headline_of(b, i)
        .iter()
        .map(|f| Kpi::of(f.get(b)))
        .collect();
    // Measured with 续, as on continuation slides, so that every page agrees.
    let head = m.head(&subst(tr("continued"), &[heading]), subheading);
    grid::plan(&kpis, m.inner_width() as u16, m.text_height(&head) as u16)
}

/// The slides of `b` for a screen of `width`×`height`. A pure function of
/// the briefing and the size: every screen given the same size builds the same deck.
pub(crate) fn build(b: &Briefing, width: u16, height: u16) -> Vec<Slide> {
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
                SlideLine::new(i.to_string(), role)
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
