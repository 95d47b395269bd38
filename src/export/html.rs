//! HTML export: one self-contained page (inline CSS and SVG, no script, no
//! network) — the briefing as an article with its outline, each indicator
//! beside its text with a chart of its series. Every piece of text from the
//! file goes through [`escape`]; the only markup is this module's own.

use std::fmt::Write as _;

use super::round_like;
use crate::i18n::{Lang, lang, ordinal, subst, t as tr};
use crate::model::{
    Briefing, Indicator, Item, Section, SectionKind, Series, Verdict, format_change, format_number,
    format_value, is_cjk, series, values_elsewhere,
};

/// `text` made safe in HTML text and in quoted attribute values: `& < > " '`
/// become references; characters that HTML forbids in a document (controls,
/// noncharacters) become U+FFFD. The loader has already made control
/// characters visible, so the last rule is a second lock, not the first.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if is_forbidden(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Controls other than white space, and the Unicode noncharacters.
fn is_forbidden(c: char) -> bool {
    let n = c as u32;
    n < 0x20 || (0x7f..=0x9f).contains(&n) || (0xfdd0..=0xfdef).contains(&n) || n & 0xfffe == 0xfffe
}

/// The page under construction. Markup goes in only as `&'static str`
/// (this module's own); anything else goes through [`escape`].
struct Page {
    out: String,
}

impl Page {
    /// Markup written in this file.
    fn raw(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// Text, escaped.
    fn text(&mut self, text: &str) {
        self.out.push_str(&escape(text));
    }

    /// `<tag a="v" …>` with every value escaped.
    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            let _ = write!(self.out, " {name}=\"{}\"", escape(value));
        }
        self.out.push('>');
    }

    fn close(&mut self, tag: &'static str) {
        let _ = write!(self.out, "</{tag}>");
    }

    /// `<tag …>text</tag>`.
    fn element(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }

    /// An empty SVG element, `<tag … />`.
    fn empty(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.open(tag, attrs);
        self.close(tag);
    }
}

/// The page of briefing `b`; `group` is its organisation's briefings (any
/// order, `b` among them), whose values join each indicator's series.
pub fn render(b: &Briefing, group: &[Briefing]) -> String {
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
    let verdict = match ind.verdict() {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::Neutral => "neutral",
    };
    p.open(
        "figure",
        &[("class", "indicator"), ("id", &format!("k-{}", ind.id))],
    );
    p.raw("\n");
    p.element("figcaption", &[("class", "label")], &ind.label);
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
    if let Some(note) = &ind.note {
        p.element("p", &[("class", "note")], &subst(tr("note_line"), &[note]));
        p.raw("\n");
    }
    p.raw("</figure>\n");
}

/// Width and height of a chart's drawing, in its own units.
const W: f64 = 240.0;
const SPARK_H: f64 = 76.0;

fn num(x: f64) -> String {
    format!("{x:.1}")
}

/// The series as a line chart: stated points filled, worked-out points
/// hollow and joined by a dashed line; values above, periods below.
fn spark(p: &mut Page, s: &Series, sources: &[f64]) {
    let (top, bottom, side) = (16.0, 18.0, 8.0);
    let n = s.points.len();
    let lo = s
        .points
        .iter()
        .map(|q| q.value)
        .fold(f64::INFINITY, f64::min);
    let hi = s
        .points
        .iter()
        .map(|q| q.value)
        .fold(f64::NEG_INFINITY, f64::max);
    let span = hi - lo;
    let plot = SPARK_H - top - bottom;
    let xy: Vec<(f64, f64)> = s
        .points
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let x = if n > 1 {
                side + (W - 2.0 * side) * i as f64 / (n - 1) as f64
            } else {
                W / 2.0
            };
            let y = if span > 0.0 {
                top + plot * (hi - q.value) / span
            } else {
                top + plot / 2.0
            };
            (x, y)
        })
        .collect();
    p.open(
        "svg",
        &[
            ("class", "spark"),
            ("viewBox", &format!("0 0 {W} {SPARK_H}")),
            ("role", "img"),
            ("aria-label", &s.describe()),
        ],
    );
    p.element("title", &[], &s.describe());
    for (k, pair) in xy.windows(2).enumerate() {
        let dashed = s.points[k].derived || s.points[k + 1].derived;
        p.empty(
            "line",
            &[
                ("class", if dashed { "line derived" } else { "line" }),
                ("x1", &num(pair[0].0)),
                ("y1", &num(pair[0].1)),
                ("x2", &num(pair[1].0)),
                ("y2", &num(pair[1].1)),
            ],
        );
    }
    let labelled = |i: usize| n <= 6 || i == 0 || i == n - 1;
    for (i, (q, &(x, y))) in s.points.iter().zip(&xy).enumerate() {
        p.empty(
            "circle",
            &[
                ("class", if q.derived { "dot derived" } else { "dot" }),
                ("cx", &num(x)),
                ("cy", &num(y)),
                ("r", "3"),
            ],
        );
        if !labelled(i) {
            continue;
        }
        let anchor = if n > 1 && i == 0 {
            "start"
        } else if n > 1 && i == n - 1 {
            "end"
        } else {
            "middle"
        };
        let value = if q.derived {
            format!("{}*", format_number(round_like(q.value, sources)))
        } else {
            format_number(q.value)
        };
        let x = num(match anchor {
            "start" => (x - 4.0).max(0.0),
            "end" => (x + 4.0).min(W),
            _ => x,
        });
        p.element(
            "text",
            &[
                ("class", "val"),
                ("x", &x),
                ("y", &num(y - 6.0)),
                ("text-anchor", anchor),
            ],
            &value,
        );
        p.element(
            "text",
            &[
                ("class", "per"),
                ("x", &x),
                ("y", &num(SPARK_H - 3.0)),
                ("text-anchor", anchor),
            ],
            &q.label,
        );
    }
    p.raw("</svg>\n");
}

/// The indicator's value beside its comparisons, as horizontal bars.
fn bars(p: &mut Page, b: &Briefing, ind: &Indicator) {
    let mut rows: Vec<(String, f64, bool)> = Vec::new();
    if let Some(v) = ind.value {
        rows.push((b.period.to_string(), v, true));
    }
    rows.extend(
        ind.compare
            .iter()
            .map(|c| (c.label.clone(), c.value, false)),
    );
    let row_h = 26.0;
    let height = row_h * rows.len() as f64 + 2.0;
    let label_w = 64.0;
    let bar_max = W - label_w - 56.0;
    let max = rows.iter().map(|r| r.1.abs()).fold(0.0, f64::max);
    p.open(
        "svg",
        &[
            ("class", "bars"),
            ("viewBox", &format!("0 0 {W} {}", num(height))),
            ("role", "img"),
            ("aria-label", &ind.label),
        ],
    );
    for (k, (label, value, own)) in rows.iter().enumerate() {
        let y = 2.0 + row_h * k as f64;
        let w = if max > 0.0 {
            (bar_max * value.abs() / max).max(1.0)
        } else {
            1.0
        };
        p.element(
            "text",
            &[
                ("class", "per"),
                ("x", &num(label_w - 6.0)),
                ("y", &num(y + 15.0)),
                ("text-anchor", "end"),
            ],
            label,
        );
        p.empty(
            "rect",
            &[
                ("class", if *own { "bar own" } else { "bar" }),
                ("x", &num(label_w)),
                ("y", &num(y + 4.0)),
                ("width", &num(w)),
                ("height", "14"),
                ("rx", "2"),
            ],
        );
        p.element(
            "text",
            &[
                ("class", "val"),
                ("x", &num(label_w + w + 4.0)),
                ("y", &num(y + 15.0)),
            ],
            &format_value(*value, ind.unit.as_deref()),
        );
    }
    p.raw("</svg>\n");
}

/// The page's style: a reading column with the figures beside it, one
/// column on a phone, light or dark as the reader's system is, and plain
/// black on white on paper.
const STYLE: &str = include_str!("html.css");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(
            escape("a\u{1b}b\u{9b}c\u{fffe}d\u{fdd0}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}"
        );
        assert_eq!(escape("电诈发案同比下降6.32%"), "电诈发案同比下降6.32%");
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_reads_back_and_holds_no_markup(s in proptest::prelude::any::<String>()) {
            let e = escape(&s);
            proptest::prop_assert!(!e.contains(['<', '>', '"', '\'']));
            let back = e
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            let expected: String = s
                .chars()
                .map(|c| if is_forbidden(c) && c != '\n' && c != '\t' { '\u{fffd}' } else { c })
                .collect();
            proptest::prop_assert_eq!(back, expected);
        }
    }
}
