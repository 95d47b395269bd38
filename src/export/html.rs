//! HTML export: one self-contained page (inline CSS and SVG, no script, no
//! network) — the briefing as an article with its outline, each indicator
//! beside its text with a chart of its series. Every piece of text from the
//! file goes through [`escape`](page::escape); the only markup is this module's own.

mod chart;
mod page;

use super::round_like;
use crate::i18n::{Lang, lang, ordinal, subst, t as tr};
use crate::model::{
    Briefing, Indicator, Item, Section, SectionKind, Verdict, format_change, format_value, is_cjk,
    series, values_elsewhere,
};
use chart::{bars, spark};
use page::Page;

/// The page of briefing `b`; `group` is its organisation's briefings (any
/// order, `b` among them), whose values join each indicator's series.
pub(crate) fn render(b: &Briefing, group: &[Briefing]) -> String {
    let mut p = Page {
        out: String::with_capacity(64 * 1024),
    };
    p.raw("<!DOCTYPE html>\n");
    p.open("html", &[("lang", document_lang(b))]);
    p.raw("\n<head>\n<meta charset=\"utf-8\">\n");
    p.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    p.raw("<meta name=\"color-scheme\" content=\"light dark\">\n");
    p.open(
        "meta",
        &[
            ("name", "generator"),
            (
                "content",
                &format!("briefing {}", env!("CARGO_PKG_VERSION")),
            ),
        ],
    );
    p.raw("\n");
    p.element(
        "title",
        &[],
        &format!("{} — {} {}", b.title, b.organization, b.period),
    );
    p.raw("\n<style>\n");
    p.raw(STYLE);
    p.raw("</style>\n</head>\n<body>\n");
    masthead(&mut p, b);
    p.raw("<div class=\"layout\">\n");
    outline(&mut p, b);
    p.raw("<main>\n<article>\n");
    for section in &b.sections {
        section_html(&mut p, b, group, section);
    }
    p.raw("</article>\n</main>\n</div>\n<footer class=\"colophon\">");
    p.element("p", &[], tr("export.derived_legend"));
    p.element(
        "p",
        &[],
        &subst(tr("export.made_by"), &[env!("CARGO_PKG_VERSION")]),
    );
    p.raw("</footer>\n</body>\n</html>\n");
    p.out
}

/// The language of the briefing's text: Chinese when its title or
/// organisation has CJK characters, else English.
fn document_lang(b: &Briefing) -> &'static str {
    if b.title.chars().chain(b.organization.chars()).any(is_cjk) {
        "zh-CN"
    } else {
        "en"
    }
}

/// The language of the page's own words (headings, legends).
fn ui_lang() -> &'static str {
    match lang() {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

fn masthead(p: &mut Page, b: &Briefing) {
    p.raw("<header class=\"masthead\">\n");
    p.raw("<p class=\"kicker\">");
    p.element("span", &[("class", "org")], &b.organization);
    p.raw(" · ");
    p.element("span", &[("class", "period")], &b.period.to_string());
    if let Some(c) = &b.classification {
        p.raw(" ");
        p.element("span", &[("class", "classification")], c);
    }
    p.raw("</p>\n");
    p.element("h1", &[], &b.title);
    p.raw("\n");
    if let Some(sub) = &b.subtitle {
        p.element("p", &[("class", "subtitle")], sub);
        p.raw("\n");
    }
    let mut meta = Vec::new();
    if let Some(date) = &b.published {
        meta.push(subst(tr("published"), &[date]));
    }
    if let Some(source) = &b.source {
        meta.push(subst(tr("source"), &[source]));
    }
    if !meta.is_empty() {
        p.element("p", &[("class", "meta")], &meta.join(" · "));
        p.raw("\n");
    }
    p.raw("</header>\n");
}

fn section_anchor(s: &Section) -> String {
    format!("s-{}", s.id)
}

fn item_anchor(s: &Section, i: &Item) -> String {
    format!("s-{}-{}", s.id, i.id)
}

/// The section's heading without its number.
fn item_heading(n: usize, item: &Item) -> String {
    subst(tr("item_heading"), &[&ordinal(n), &item.title])
}

fn outline(p: &mut Page, b: &Briefing) {
    p.open(
        "nav",
        &[
            ("class", "toc"),
            ("aria-label", tr("export.contents")),
            ("lang", ui_lang()),
        ],
    );
    p.element("h2", &[], tr("export.contents"));
    p.raw("\n<ol>\n");
    for s in &b.sections {
        p.raw("<li>");
        p.open("a", &[("href", &format!("#{}", section_anchor(s)))]);
        if let Some(n) = s.number.filter(|_| s.kind == SectionKind::Campaign) {
            p.element("span", &[("class", "num")], &n.to_string());
            p.raw(" ");
        }
        p.element("span", &[("lang", document_lang(b))], &s.title);
        p.close("a");
        if !s.items.is_empty() {
            p.raw("\n<ol>\n");
            for (j, item) in s.items.iter().enumerate() {
                p.raw("<li>");
                p.open("a", &[("href", &format!("#{}", item_anchor(s, item)))]);
                p.element(
                    "span",
                    &[("lang", document_lang(b))],
                    &item_heading(j + 1, item),
                );
                p.close("a");
                p.raw("</li>\n");
            }
            p.raw("</ol>\n");
        }
        p.raw("</li>\n");
    }
    p.raw("</ol>\n</nav>\n");
}

fn section_html(p: &mut Page, b: &Briefing, group: &[Briefing], s: &Section) {
    let kind = match s.kind {
        SectionKind::Lead => "section lead",
        SectionKind::Campaign => "section campaign",
        SectionKind::Outlook => "section outlook",
        SectionKind::General => "section general",
    };
    p.open("section", &[("class", kind), ("id", &section_anchor(s))]);
    p.raw("\n<div class=\"block\">\n<div class=\"text\">\n<h2>");
    if let Some(n) = s.number.filter(|_| s.kind == SectionKind::Campaign) {
        p.element("span", &[("class", "num")], &n.to_string());
        p.raw(" ");
    }
    p.text(&s.title);
    p.raw("</h2>\n");
    if let Some(sub) = &s.subtitle {
        p.element("p", &[("class", "subtitle")], sub);
        p.raw("\n");
    }
    paragraphs(p, &s.body);
    p.raw("</div>\n");
    figures(p, b, group, &s.indicators);
    p.raw("</div>\n");
    for (j, item) in s.items.iter().enumerate() {
        p.open(
            "div",
            &[("class", "block item"), ("id", &item_anchor(s, item))],
        );
        p.raw("\n<div class=\"text\">\n");
        p.element("h3", &[], &item_heading(j + 1, item));
        p.raw("\n");
        paragraphs(p, &item.body);
        p.raw("</div>\n");
        figures(p, b, group, &item.indicators);
        p.raw("</div>\n");
    }
    p.raw("</section>\n");
}

fn paragraphs(p: &mut Page, body: &[String]) {
    for para in body {
        p.element("p", &[], para);
        p.raw("\n");
    }
}

/// The indicators of a block, as cards in an aside.
fn figures(p: &mut Page, b: &Briefing, group: &[Briefing], list: &[Indicator]) {
    if list.is_empty() {
        return;
    }
    p.open(
        "aside",
        &[("class", "figures"), ("aria-label", tr("indicators"))],
    );
    p.raw("\n");
    for ind in list {
        card(p, b, group, ind);
    }
    p.raw("</aside>\n");
}

fn card(p: &mut Page, b: &Briefing, group: &[Briefing], ind: &Indicator) {
    p.open(
        "figure",
        &[("class", "indicator"), ("id", &format!("k-{}", ind.id))],
    );
    p.raw("\n");
    p.element("figcaption", &[("class", "label")], &ind.label);
    reading(p, ind);
    let others: Vec<(crate::model::Period, f64)> = values_elsewhere(group, b.period, &ind.id);
    if let Some(s) = series(ind, b.period, &others) {
        let sources: Vec<f64> = ind
            .value
            .into_iter()
            .chain(ind.change.as_ref().map(|c| c.amount))
            .collect();
        spark(p, &s, &sources);
        p.element(
            "p",
            &[("class", "series")],
            &subst(tr("series_line"), &[&s.describe()]),
        );
        p.raw("\n");
    }
    if !ind.compare.is_empty() {
        compared(p, b, ind);
    }
    if let Some(note) = &ind.note {
        p.element("p", &[("class", "note")], &subst(tr("note_line"), &[note]));
        p.raw("\n");
    }
    p.raw("</figure>\n");
}

/// A card's reading: the value, and the change with its arrow, coloured by verdict.
fn reading(p: &mut Page, ind: &Indicator) {
    let verdict = match ind.verdict() {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::Neutral => "neutral",
    };
    p.raw("\n<p class=\"reading\">");
    if let Some(v) = ind.value {
        p.element(
            "span",
            &[("class", "value")],
            &format_value(v, ind.unit.as_deref()),
        );
    }
    if let Some(c) = &ind.change {
        let mark = match (c.amount > 0.0, c.amount < 0.0) {
            (true, _) => "▲",
            (_, true) => "▼",
            _ => "=",
        };
        p.raw(" ");
        p.element(
            "span",
            &[("class", &format!("change {verdict}"))],
            &format!("{mark} {} {}", format_change(c), c.basis.label()),
        );
    }
    p.raw("</p>\n");
}

/// A card's comparisons: the bars, and the same figures as a line of text.
fn compared(p: &mut Page, b: &Briefing, ind: &Indicator) {
    bars(p, b, ind);
    let parts: Vec<String> = ind
        .compare
        .iter()
        .map(|c| format!("{} {}", c.label, format_value(c.value, ind.unit.as_deref())))
        .collect();
    p.element(
        "p",
        &[("class", "series")],
        &subst(tr("compare_line"), &[&parts.join(tr("list_sep"))]),
    );
    p.raw("\n");
}

/// The page's style: a reading column with the figures beside it, one
/// column on a phone, light or dark as the reader's system is, and plain
/// black on white on paper.
const STYLE: &str = include_str!("html/style.css");
