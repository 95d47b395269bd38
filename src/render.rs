//! One rendering of a briefing into display text: section and item
//! headings with their ordinals, a section's paragraphs in reading order,
//! an indicator's figure (value, change with its arrow and basis), its
//! comparison, series, note and cite lines. Each piece carries a `Role`
//! that the theme styles. `print`, the reader's text and indicator panes
//! and the slides all take their words from here; none builds them itself.

use crate::i18n::{ordinal, subst, t};
use crate::layout::symbols::arrow;
use crate::model::{
    Briefing, Change, ChangeUnit, Indicator, Item, Section, Source, Verdict, format_change,
    format_value, series_of,
};

/// What a piece of text is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
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
pub(crate) struct Line {
    pub text: String,
    pub role: Role,
    /// The item it belongs to (`None`: the section itself).
    pub item: Option<usize>,
}

impl Line {
    pub(crate) fn new(text: impl Into<String>, role: Role, item: Option<usize>) -> Line {
        Line {
            text: text.into(),
            role,
            item,
        }
    }

    pub(crate) fn blank(item: Option<usize>) -> Line {
        Line::new(String::new(), Role::Blank, item)
    }
}

/// How a campaign's number stands before its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    /// `3. 标题`: in running text (print, the reader).
    Dotted,
    /// `3  标题`: on a slide, where the heading is large and alone.
    Spaced,
}

/// Section `index`'s heading: campaigns numbered.
pub(crate) fn section_heading(b: &Briefing, index: usize, numbering: Numbering) -> String {
    let Some(s) = b.sections.get(index) else {
        return String::new();
    };
    match (b.campaign_number(index), numbering) {
        (Some(n), Numbering::Dotted) => format!("{n}. {}", s.title),
        (Some(n), Numbering::Spaced) => format!("{n}  {}", s.title),
        (None, _) => s.title.to_string(),
    }
}

/// Item `j`'s heading (0-based): `（一）标题`.
pub(crate) fn item_heading(j: usize, item: &Item) -> String {
    subst(t("item_heading"), &[&ordinal(j + 1), &item.title])
}

/// The briefing's own head: its full title, subtitle, `organisation · period
/// · classification`, publication date and source, one paragraph each.
pub(crate) fn title_block(b: &Briefing) -> Vec<Line> {
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
pub(crate) fn section_text(b: &Briefing, index: usize, s: &Section) -> Vec<Line> {
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
pub(crate) struct Figure {
    /// `0.11%`.
    pub value: Option<String>,
    /// The arrow, the change and its basis: `▼`, `−6.32%`, `同比`.
    pub change: Option<(&'static str, String, &'static str)>,
    pub verdict: Verdict,
}

impl Figure {
    pub(crate) fn of(ind: &Indicator) -> Figure {
        Figure {
            value: ind.value.map(|v| format_value(v, ind.unit.as_deref())),
            change: ind.change.as_ref().map(change_parts),
            verdict: ind.verdict(),
        }
    }

    /// `▼ −6.32% 同比`.
    pub(crate) fn change_text(&self) -> Option<String> {
        let (arrow, change, basis) = self.change.as_ref()?;
        Some(format!("{arrow} {change} {basis}"))
    }

    /// `▼−6.32% 同比`: the arrow against the number, for a narrow pane.
    pub(crate) fn change_tight(&self) -> Option<String> {
        let (arrow, change, basis) = self.change.as_ref()?;
        Some(format!("{arrow}{change} {basis}"))
    }
}

fn change_parts(c: &Change) -> (&'static str, String, &'static str) {
    (arrow(c.amount), format_change(c), c.basis.label())
}

/// A one-line account of an indicator: `电诈发案  0.11%  ▼ −6.32% 同比`.
pub(crate) fn figure_line(ind: &Indicator) -> Line {
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
pub(crate) fn details(b: &Briefing, group: &[Briefing], ind: &Indicator) -> Vec<Line> {
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
    // One series across the group (with `b` in it), the same from every period.
    let others = group.iter().filter(|g| g.period != b.period);
    if let Some(s) = series_of(std::iter::once(b).chain(others), &ind.id) {
        let text = subst(t("series_line"), &[&s.describe()]);
        lines.push(Line::new(text, Role::Detail, None));
    }
    if let Some(note) = &ind.note {
        lines.push(note_line(note));
    }
    lines
}

/// `注：…`.
pub(crate) fn note_line(note: &str) -> Line {
    Line::new(subst(t("note_line"), &[note]), Role::Detail, None)
}

/// `原文：…`.
pub(crate) fn cite_line(cite: &str) -> Line {
    Line::new(subst(t("cite_line"), &[cite]), Role::Cite, None)
}

/// Where a point of a series comes from, in words: the briefing (and line)
/// that states it, or the stated change it is worked out from.
pub(crate) fn point_source(source: &Source) -> String {
    match source {
        Source::Value { file, line: 0 } => subst(t("from_value"), &[&file.to_string()]),
        Source::Value { file, line } => subst(
            t("from_value_line"),
            &[&file.to_string(), &line.to_string()],
        ),
        Source::History { file, line: 0 } => subst(t("from_history"), &[&file.to_string()]),
        Source::History { file, line } => subst(
            t("from_history_line"),
            &[&file.to_string(), &line.to_string()],
        ),
        Source::IndexBase => t("from_base").to_string(),
        Source::Change { file, change } => subst(
            t("from_change"),
            &[
                &file.to_string(),
                change.basis.label(),
                &format_change(change),
            ],
        ),
    }
}

/// The change from `before` to `after`, in the unit of a change of a value
/// in `unit` (个百分点 for a value in %): `+550起`, `+5个百分点`. `None` past
/// the range of numbers: no figure is invented.
pub(crate) fn change_between(before: f64, after: f64, unit: Option<&str>) -> Option<String> {
    let amount = after - before;
    if !amount.is_finite() {
        return None;
    }
    let unit = match unit {
        Some("%") | Some("％") => ChangeUnit::Points,
        other => ChangeUnit::Absolute(other.unwrap_or("").to_string()),
    };
    let rounded = (amount * 100.0).round() / 100.0;
    let change = Change {
        amount: if rounded.is_finite() { rounded } else { amount },
        unit,
        basis: crate::model::Basis::Yoy,
    };
    Some(format_change(&change))
}

/// A stated change with its basis: `−3% 同比`, `+5个百分点 同比`.
pub(crate) fn stated_change(change: &Change) -> String {
    format!("{} {}", format_change(change), change.basis.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_between_values_carry_their_unit() {
        assert_eq!(change_between(53.0, 58.0, Some("%")).unwrap(), "+5个百分点");
        assert_eq!(
            change_between(1550.0, 2100.0, Some("起")).unwrap(),
            "+550起"
        );
        assert_eq!(change_between(3.0, 3.0, None).unwrap(), "0");
        assert_eq!(change_between(0.3, 0.1, None).unwrap(), "−0.2");
    }

    #[test]
    fn no_change_is_made_up_past_the_largest_number() {
        assert!(change_between(-1e308, 1e308, None).is_none());
        assert!(change_between(1.7e308, -1.7e308, Some("起")).is_none());
        assert_eq!(change_between(1e308, 1e308, None).unwrap(), "0");
    }
}
