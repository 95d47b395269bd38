//! One rendering of a briefing into display text: section and item
//! headings with their ordinals, a section's paragraphs in reading order,
//! an indicator's figure (value, change with its arrow and basis), its
//! comparison, series, note and cite lines. Each piece carries a `Role`
//! that the theme styles. `print`, the reader's text and indicator panes
//! and the slides all take their words from here; none builds them itself.

use crate::i18n::{ordinal, subst, t};
use crate::layout::symbols::arrow;
use crate::model::{
    Briefing, Change, Indicator, Item, Section, Verdict, format_change, format_value, series,
    values_elsewhere,
};

/// What a piece of text is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Subtitle,
    ItemTitle,
    Body,
    Blank,
    /// A figure line, coloured by its verdict.
    Figure(Verdict),
    /// Secondary text: a note, a series, a comparison.
    Detail,
    Cite,
}

/// One paragraph (or line) of display text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub role: Role,
    /// The item it belongs to (`None`: the section itself).
    pub item: Option<usize>,
}

impl Line {
    pub fn new(text: impl Into<String>, role: Role, item: Option<usize>) -> Line {
        Line {
            text: text.into(),
            role,
            item,
        }
    }

    pub fn blank(item: Option<usize>) -> Line {
        Line::new(String::new(), Role::Blank, item)
    }
}

/// How a campaign's number stands before its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// `3. 标题`: in running text (print, the reader).
    Dotted,
    /// `3  标题`: on a slide, where the heading is large and alone.
    Spaced,
}

/// Section `index`'s heading: campaigns numbered.
pub fn section_heading(b: &Briefing, index: usize, numbering: Numbering) -> String {
    let Some(s) = b.sections.get(index) else {
        return String::new();
    };
    match (b.campaign_number(index), numbering) {
        (Some(n), Numbering::Dotted) => format!("{n}. {}", s.title),
        (Some(n), Numbering::Spaced) => format!("{n}  {}", s.title),
        (None, _) => s.title.clone(),
    }
}

/// Item `j`'s heading (0-based): `（一）标题`.
pub fn item_heading(j: usize, item: &Item) -> String {
    subst(t("item_heading"), &[&ordinal(j + 1), &item.title])
}

/// The briefing's own head: its full title, subtitle, `organisation · period
/// · classification`, publication date and source, one paragraph each.
pub fn title_block(b: &Briefing) -> Vec<Line> {
    let mut out = vec![Line::new(b.title.clone(), Role::Title, None)];
    if let Some(sub) = &b.subtitle {
        out.push(Line::new(sub.clone(), Role::Subtitle, None));
    }
    let mut line = vec![b.organization.clone(), b.period.to_string()];
    line.extend(b.classification.clone());
    out.push(Line::new(line.join(" · "), Role::Detail, None));
    if let Some(date) = &b.published {
        out.push(Line::new(
            subst(t("published"), &[date]),
            Role::Detail,
            None,
        ));
    }
    if let Some(source) = &b.source {
        out.push(Line::new(subst(t("source"), &[source]), Role::Detail, None));
    }
    out
}

/// The paragraphs of section `index` in reading order: its heading and
/// subtitle, its body, then each item's heading and body, blank lines between.
pub fn section_text(b: &Briefing, index: usize, s: &Section) -> Vec<Line> {
    let mut out = vec![Line::new(
        section_heading(b, index, Numbering::Dotted),
        Role::Title,
        None,
    )];
    if let Some(sub) = &s.subtitle {
        out.push(Line::new(sub.clone(), Role::Subtitle, None));
    }
    for p in &s.body {
        out.push(Line::blank(None));
        out.push(Line::new(p.clone(), Role::Body, None));
    }
    for (j, item) in s.items.iter().enumerate() {
        out.push(Line::blank(Some(j)));
        out.push(Line::new(item_heading(j, item), Role::ItemTitle, Some(j)));
        for p in &item.body {
            out.push(Line::new(p.clone(), Role::Body, Some(j)));
        }
    }
    out
}

/// An indicator's figures as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// `0.11%`.
    pub value: Option<String>,
    /// The arrow, the change and its basis: `▼`, `−6.32%`, `同比`.
    pub change: Option<(&'static str, String, &'static str)>,
    pub verdict: Verdict,
}

impl Figure {
    pub fn of(ind: &Indicator) -> Figure {
        Figure {
            value: ind.value.map(|v| format_value(v, ind.unit.as_deref())),
            change: ind.change.as_ref().map(change_parts),
            verdict: ind.verdict(),
        }
    }

    /// `▼ −6.32% 同比`.
    pub fn change_text(&self) -> Option<String> {
        let (arrow, change, basis) = self.change.as_ref()?;
        Some(format!("{arrow} {change} {basis}"))
    }

    /// `▼−6.32% 同比`: the arrow against the number, for a narrow pane.
    pub fn change_tight(&self) -> Option<String> {
        let (arrow, change, basis) = self.change.as_ref()?;
        Some(format!("{arrow}{change} {basis}"))
    }
}

fn change_parts(c: &Change) -> (&'static str, String, &'static str) {
    (arrow(c.amount), format_change(c), c.basis.label())
}

/// A one-line account of an indicator: `电诈发案  0.11%  ▼ −6.32% 同比`.
pub fn figure_line(ind: &Indicator) -> Line {
    let f = Figure::of(ind);
    let parts: Vec<String> = [Some(ind.label.clone()), f.value.clone(), f.change_text()]
        .into_iter()
        .flatten()
        .collect();
    Line::new(parts.join("  "), Role::Figure(f.verdict), None)
}

/// The detail lines of one indicator: its comparisons, its series across
/// the periods of `group` (the other loaded briefings of its organisation),
/// its note.
pub fn details(b: &Briefing, group: &[Briefing], ind: &Indicator) -> Vec<Line> {
    let mut lines = Vec::new();
    if !ind.compare.is_empty() {
        let parts: Vec<String> = ind
            .compare
            .iter()
            .map(|c| format!("{} {}", c.label, format_value(c.value, ind.unit.as_deref())))
            .collect();
        let text = subst(t("compare_line"), &[&parts.join(t("list_sep"))]);
        lines.push(Line::new(text, Role::Detail, None));
    }
    if let Some(s) = series(ind, b.period, &values_elsewhere(group, b.period, &ind.id)) {
        let text = subst(t("series_line"), &[&s.describe()]);
        lines.push(Line::new(text, Role::Detail, None));
    }
    if let Some(note) = &ind.note {
        lines.push(note_line(note));
    }
    lines
}

/// `注：…`.
pub fn note_line(note: &str) -> Line {
    Line::new(subst(t("note_line"), &[note]), Role::Detail, None)
}

/// `原文：…`.
pub fn cite_line(cite: &str) -> Line {
    Line::new(subst(t("cite_line"), &[cite]), Role::Cite, None)
}
