//! Paragraphs into the briefing's shape: the title and subtitle, the
//! organisation and period, the lead, sections from headings (numbered ones
//! and `“三大战役”` ones are campaigns), items from numbered points, the
//! outlook; ids `lead`, `s1`, `s1-i1`, `outlook`, the same on every run.

use super::emit::{File, Head, Item, Section};
use super::markers::{self, Family};
use super::{Para, Review, Role, figures};
use crate::i18n::{subst, t};

/// Titles the format requires where the source has none (in the language of
/// the briefings, which is Chinese; each one is listed for review).
const LEAD_TITLE: &str = "综述";
const OUTLOOK_TITLE: &str = "展望";
/// The most indicators one draft proposes (the rest stay in the text).
const MAX_INDICATORS: usize = 2000;
/// Words of a closing section's title.
const OUTLOOK_WORDS: &[&str] = &["展望", "下一步", "工作打算", "工作思路", "工作安排"];

/// Build the draft of `paras` (from the file `name`), noting what to review.
pub(super) fn build(name: &str, paras: &[Para], review: &mut Vec<Review>) -> File {
    let mut rest = paras;
    let (title, mut subtitle) = match rest.first() {
        Some(p) if p.role != Role::Body && markers::heading_rank(&p.lines[0]).is_none() => {
            rest = &rest[1..];
            let sub = (p.lines.len() > 1).then(|| strip_dash(&p.lines[1..].concat()));
            (p.lines[0].clone(), sub)
        }
        _ => {
            let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).to_string();
            review.push(Review {
                line: 0,
                message: subst(t("imp.no_title"), &[&stem]),
            });
            (stem, None)
        }
    };
    if subtitle.is_none()
        && let Some(p) = rest.first()
        && p.lines.len() == 1
        && p.lines[0].starts_with(['—', '-'])
    {
        subtitle = Some(strip_dash(&p.lines[0]));
        rest = &rest[1..];
    }
    let heads: Vec<&str> = subtitle
        .iter()
        .map(String::as_str)
        .chain([title.as_str()])
        .collect();
    let (organization, period) = super::meta::org_period(&heads, rest, review);

    let mut sections = walk(rest, review);
    outlook(&mut sections, &period, review);
    number(&mut sections, rest, review);
    File {
        schema: 1,
        briefing: Head {
            title,
            subtitle,
            organization,
            period,
            source: name.to_string(),
        },
        section: sections,
    }
}

fn strip_dash(s: &str) -> String {
    s.trim_start_matches(['—', '-', '–', ' '])
        .trim()
        .to_string()
}

/// The heading rank of a paragraph and whether it is numbered.
fn heading(p: &Para, short_rank: u8) -> Option<(u8, bool)> {
    let marked = markers::heading_rank(&p.lines[0]);
    match p.role {
        Role::Body => None,
        Role::Heading(n) => Some((n, p.numbered || marked.is_some())),
        Role::Title => Some((1, p.numbered)),
        Role::Block | Role::Bold => Some(match marked {
            Some(r) => (r, true),
            None => (short_rank, p.numbered),
        }),
    }
}

/// The heading's text without its mark.
fn heading_text(line: &str) -> String {
    match markers::marker(line) {
        Some((_, _, len)) if len < line.len() => line[len..].trim().to_string(),
        _ => line.trim().to_string(),
    }
}

/// Where the next paragraph goes.
fn target(sections: &mut Vec<Section>, in_item: bool) -> &mut Vec<String> {
    if sections.is_empty() {
        sections.push(Section {
            kind: "lead",
            title: LEAD_TITLE.to_string(),
            ..Section::default()
        });
    }
    let s = sections.last_mut().expect("one section at least");
    match s.item.last_mut() {
        Some(item) if in_item => &mut item.body,
        _ => &mut s.body,
    }
}

fn walk(paras: &[Para], review: &mut Vec<Review>) -> Vec<Section> {
    let (short_rank, section_rank) = ranks(paras);
    let mut w = Walk {
        sections: Vec::new(),
        next: None,
        in_item: false,
        review,
    };
    let mut skip = false;
    for (k, p) in paras.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        match heading(p, short_rank) {
            Some((rank, numbered)) if rank == section_rank => {
                let section;
                (section, skip) = section_at(paras, k, (rank, numbered), short_rank);
                w.sections.push(section);
                w.next = None;
                w.in_item = false;
            }
            Some((rank, _)) if rank == section_rank + 1 && !w.sections.is_empty() => {
                let s = w.sections.last_mut().expect("not empty");
                s.item.push(Item {
                    title: heading_text(&p.lines.concat()),
                    ..Item::default()
                });
                w.next = None;
                w.in_item = true;
            }
            h => {
                let text = if h.is_some() {
                    p.lines.concat()
                } else {
                    p.lines[0].clone()
                };
                w.text(&text, p.line);
            }
        }
    }
    if w.sections.is_empty() {
        target(&mut w.sections, false);
    }
    w.sections
}

/// The rank given to short plain lines, and the rank of a section heading.
/// Marked headings and styles rank themselves; short plain lines are
/// sections unless the document has those, then points.
fn ranks(paras: &[Para]) -> (u8, u8) {
    let explicit = paras
        .iter()
        .filter_map(|p| match p.role {
            Role::Heading(n) => Some(n),
            Role::Block | Role::Bold => markers::heading_rank(&p.lines[0]),
            _ => None,
        })
        .min();
    let short_rank = explicit.map_or(1, |r| r + 1);
    let section_rank = paras
        .iter()
        .filter_map(|p| heading(p, short_rank).map(|h| h.0))
        .min()
        .unwrap_or(1);
    (short_rank, section_rank)
}

/// The section headed by paragraph `k`, and whether the next paragraph was
/// taken as its subtitle.
fn section_at(
    paras: &[Para],
    k: usize,
    (rank, numbered): (u8, bool),
    short_rank: u8,
) -> (Section, bool) {
    let p = &paras[k];
    let title = heading_text(&p.lines[0]);
    let mut subtitle = (p.lines.len() > 1).then(|| p.lines[1..].concat());
    let mut skip = false;
    // A plain heading right under it, of the same rank, is its subtitle.
    if subtitle.is_none()
        && let Some(q) = paras.get(k + 1)
        && heading(q, short_rank) == Some((rank, false))
        && markers::marker(&q.lines[0]).is_none()
        && paras
            .get(k + 2)
            .is_some_and(|r| heading(r, short_rank).is_none())
    {
        subtitle = Some(q.lines.concat());
        skip = true;
    }
    let quoted = title
        .strip_prefix('“')
        .and_then(markers::cn_number)
        .is_some();
    let section = Section {
        kind: if numbered || quoted {
            "campaign"
        } else {
            "general"
        },
        title,
        subtitle,
        ..Section::default()
    };
    (section, skip)
}

/// The walk through the paragraphs: the sections so far, and where text goes.
struct Walk<'a> {
    sections: Vec<Section>,
    /// The marker family and number a next point would have.
    next: Option<(Family, u32)>,
    /// Text goes to the last item (else to the last section).
    in_item: bool,
    review: &'a mut Vec<Review>,
}

impl Walk<'_> {
    /// A paragraph of text (at `line`): what comes before its first point,
    /// then each point (`1. 标题。正文`) as an item.
    fn text(&mut self, text: &str, line: usize) {
        let (before, points) = markers::split_points(text, self.next);
        if !before.is_empty() {
            target(&mut self.sections, self.in_item).push(before);
        }
        for point in points {
            let title = point.title.unwrap_or_else(|| {
                let mark = point
                    .mark
                    .trim_end_matches(['，', ',', '、', ' '])
                    .to_string();
                self.review.push(Review {
                    line,
                    message: subst(t("imp.item_untitled"), &[&mark]),
                });
                mark
            });
            target(&mut self.sections, false);
            let s = self.sections.last_mut().expect("target made one");
            s.item.push(Item {
                title,
                body: Some(point.body)
                    .filter(|b| !b.is_empty())
                    .into_iter()
                    .collect(),
                ..Item::default()
            });
            self.next = Some((point.family, point.number + 1));
            self.in_item = true;
        }
    }
}

/// The closing section: by its title, else a last paragraph that begins
/// with the next year (`2024年，…` in a summary of 2023) is made one.
fn outlook(sections: &mut Vec<Section>, period: &str, review: &mut Vec<Review>) {
    let next_year = period
        .get(..4)
        .and_then(|y| y.parse::<u32>().ok())
        .map(|y| format!("{}年", y + 1));
    let Some(last) = sections.last_mut() else {
        return;
    };
    let by_title = OUTLOOK_WORDS.iter().any(|w| last.title.contains(w))
        || next_year
            .as_ref()
            .is_some_and(|y| last.title.starts_with(y.as_str()));
    if by_title && last.kind != "lead" {
        last.kind = "outlook";
        return;
    }
    let Some(year) = next_year else { return };
    let count = sections.len();
    let last = sections.last_mut().expect("checked");
    let paras = match last.item.last_mut() {
        Some(item) => &mut item.body,
        None => &mut last.body,
    };
    let alone = count == 1 && paras.len() < 2;
    if alone || !paras.last().is_some_and(|p| p.starts_with(year.as_str())) {
        return;
    }
    let para = paras.pop().expect("checked");
    review.push(Review {
        line: 0,
        message: subst(
            t("imp.made_title"),
            &[OUTLOOK_TITLE, &para.chars().take(12).collect::<String>()],
        ),
    });
    sections.push(Section {
        kind: "outlook",
        title: OUTLOOK_TITLE.to_string(),
        body: vec![para],
        ..Section::default()
    });
}

/// Where the paragraphs of the draft start in the source: looked for in
/// reading order from the last one found, so the whole walk is linear.
struct Lines<'a> {
    paras: &'a [Para],
    cursor: usize,
}

impl Lines<'_> {
    fn line(&mut self, text: &str) -> usize {
        let probe: String = text.chars().take(16).collect();
        let found = (self.cursor..self.paras.len()).find(|&k| {
            self.paras[k]
                .lines
                .iter()
                .any(|l| l.contains(probe.as_str()))
        });
        found.map_or(0, |k| {
            self.cursor = k;
            self.paras[k].line
        })
    }
}

/// Ids, and the figures of every body.
fn number(sections: &mut [Section], paras: &[Para], review: &mut Vec<Review>) {
    let mut finder = Lines { paras, cursor: 0 };
    let mut n = 0;
    let mut first_holder = None;
    let mut left = MAX_INDICATORS;
    let mut cap = |found: &mut Vec<super::emit::Indicator>, review: &mut Vec<Review>| {
        if found.len() > left {
            found.truncate(left);
            review.push(Review {
                line: 0,
                message: subst(t("imp.too_many"), &[&MAX_INDICATORS.to_string()]),
            });
        }
        left -= found.len();
    };
    for s in sections.iter_mut() {
        s.id = match s.kind {
            "lead" | "outlook" => s.kind.to_string(),
            _ => {
                n += 1;
                format!("s{n}")
            }
        };
        let lines: Vec<usize> = s.body.iter().map(|b| finder.line(b)).collect();
        if s.kind == "lead" {
            review.push(Review {
                line: lines.first().copied().unwrap_or(0),
                message: subst(
                    t("imp.made_title"),
                    &[
                        LEAD_TITLE,
                        &s.body
                            .first()
                            .map_or(String::new(), |p| p.chars().take(12).collect()),
                    ],
                ),
            });
        }
        s.indicator = figures::indicators(&s.id, &s.body, &lines, review);
        cap(&mut s.indicator, review);
        for (k, item) in s.item.iter_mut().enumerate() {
            item.id = format!("{}-i{}", s.id, k + 1);
            let lines: Vec<usize> = item.body.iter().map(|b| finder.line(b)).collect();
            item.indicator = figures::indicators(&item.id, &item.body, &lines, review);
            cap(&mut item.indicator, review);
            if first_holder.is_none() && !item.indicator.is_empty() {
                first_holder = Some(item.id.clone());
            }
        }
        if first_holder.is_none() && !s.indicator.is_empty() {
            first_holder = Some(s.id.clone());
        }
    }
    if let Some(holder) = first_holder {
        review.push(Review {
            line: 0,
            message: subst(t("imp.ids"), &[&holder]),
        });
    }
}
