//! The text pane's document: one section laid out at one width, built once
//! and cached. Lines are byte ranges into paragraphs, so search matches and
//! cited sentences map straight onto screen lines.

use std::ops::Range;

use crate::layout::wrap;
use crate::model::Briefing;
use crate::render::Role;

/// The paragraphs the reader shows for section `index`: the first one opens
/// with the briefing's own head (title, subtitle, organisation, period …),
/// whole, then a blank line; search counts paragraphs the same way.
pub(crate) fn paragraphs(b: &Briefing, index: usize) -> Vec<crate::render::Line> {
    let Some(s) = b.sections.get(index) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if index == 0 {
        out = crate::render::title_block(b);
        out.push(crate::render::Line::blank(None));
    }
    out.extend(crate::render::section_text(b, index, s));
    out
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Para {
    pub text: String,
    pub role: Role,
    /// The item the paragraph belongs to (`None`: the section itself).
    pub item: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DocLine {
    pub para: usize,
    pub range: Range<usize>,
}

/// A section laid out at `width` columns.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Doc {
    pub section: usize,
    pub width: usize,
    pub paras: Vec<Para>,
    pub lines: Vec<DocLine>,
}

impl Doc {
    pub(crate) fn build(briefing: &Briefing, section: usize, width: usize) -> Doc {
        let mut doc = Doc {
            section,
            width,
            ..Doc::default()
        };
        for line in paragraphs(briefing, section) {
            doc.push(line.role, line.text, line.item);
        }
        doc
    }

    fn push(&mut self, role: Role, text: String, item: Option<usize>) {
        let para = self.paras.len();
        if role == Role::Blank {
            self.lines.push(DocLine { para, range: 0..0 });
        } else {
            for range in wrap(&text, self.width.max(1)) {
                self.lines.push(DocLine { para, range });
            }
        }
        self.paras.push(Para { text, role, item });
    }

    /// The line of `text[range]`'s start in paragraph `para`.
    pub(crate) fn line_of(&self, para: usize, offset: usize) -> Option<usize> {
        self.lines
            .iter()
            .rposition(|l| l.para == para && l.range.start <= offset)
            .or_else(|| self.lines.iter().position(|l| l.para == para))
    }

    /// The first line of item `item`'s heading.
    pub(crate) fn item_line(&self, item: usize) -> Option<usize> {
        self.lines.iter().position(|l| {
            self.paras[l.para].role == Role::ItemTitle && self.paras[l.para].item == Some(item)
        })
    }

    /// The item shown at line `line`, if any.
    pub(crate) fn item_at(&self, line: usize) -> Option<usize> {
        self.lines
            .get(line.min(self.lines.len().saturating_sub(1)))
            .and_then(|l| self.paras[l.para].item)
    }

    pub(crate) fn text(&self, line: &DocLine) -> &str {
        &self.paras[line.para].text[line.range.clone()]
    }
}
