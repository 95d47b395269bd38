//! Figures in a paragraph as indicators, each citing the clause it came
//! from, verbatim, and holding no number that is not in that cite:
//! changes (`同比下降6.32%`, `环比上升5个百分点`, `A、B同比分别上升x%、y%`),
//! levels (`6600余起`, `4万余人次`, `98.6%`, with `近`/`超`/`以上` kept in
//! the note and `余`/`万` in the unit) and comparisons (`低于全国（0.25%）`).
//!
//! `good` comes from this table of nouns in the label, else it is left for
//! the author: 发案, 警情, 损失, 事故, 拥堵, 被骗, 伤亡, 死亡 are better
//! down; 破案, 抓获, 挽回, 化解, 调处 are better up.

use super::Review;
use super::emit::{Compare, Indicator};
use super::levels::{clean_label, levels};
use super::scan::{Used, good_of, number_at, starts};

use crate::i18n::{subst, t};

const RISE: &[&str] = &["上升", "增长", "提高", "提升", "增加", "上涨"];
const FALL: &[&str] = &["下降", "减少", "降低", "回落", "下滑"];
const YOY: &[&str] = &[
    "同比",
    "较上年同期",
    "较去年同期",
    "比上年同期",
    "比去年同期",
    "较上年",
    "较去年",
];
const POP: &[&str] = &["环比", "较上月", "较上季度"];
const COMPARE: &[&str] = &["低于", "高于", "优于", "好于", "超过"];
/// The indicators of `paras` (which start at the source's `lines`), with
/// ids `{holder}-f1`, `{holder}-f2` …
pub(super) fn indicators(
    holder: &str,
    paras: &[String],
    lines: &[usize],
    review: &mut Vec<Review>,
) -> Vec<Indicator> {
    let mut out = Vec::new();
    let mut origin = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        let line = lines.get(k).copied().unwrap_or(0);
        let (found, said) = (out.len(), review.len());
        scan(p, &mut out, review);
        for r in &mut review[said..] {
            r.line = line;
        }
        origin.resize(origin.len() + out.len() - found, line);
    }
    for (k, ind) in out.iter_mut().enumerate() {
        ind.id = format!("{holder}-f{}", k + 1);
        if ind.change.is_some() && ind.good.is_none() {
            review.push(Review {
                line: origin[k],
                message: subst(t("imp.good_unknown"), &[&ind.id, &ind.label]),
            });
        }
    }
    out
}

/// The clauses of `p`: byte ranges between clause punctuation.
fn clauses(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in p.char_indices() {
        if "，。；！？：,;!?".contains(c) {
            if i > start {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < p.len() {
        out.push((start, p.len()));
    }
    out
}

/// The changes of one clause `c` (at `at` in the paragraph): indicators, and the spans of their numbers.
fn changes(c: &str, used: &mut Used, at: usize) -> Vec<Indicator> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < c.len() {
        let rest = &c[i..];
        let basis = starts(rest, YOY)
            .map(|w| (w, "yoy"))
            .or_else(|| starts(rest, POP).map(|w| (w, "pop")));
        let Some((word, basis)) = basis else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let (figures, j) = stated_changes(c, i + word.len(), at);
        if !figures.is_empty() {
            let found = Found {
                clause: c,
                subject: &c[from..i],
                basis,
            };
            found.indicators(figures, used, &mut out);
            from = j;
        }
        i = j;
    }
    out
}

/// A change as stated: signed amount, its unit, the span of its number in the paragraph.
type Figure = (f64, &'static str, (usize, usize));

/// After a basis word at `j` in clause `c`: `上升/下降[了] 12%[、3个百分点…]`
/// (several only after `分别`). The figures, and where reading goes on.
fn stated_changes(c: &str, mut j: usize, at: usize) -> (Vec<Figure>, usize) {
    let each = c[j..].starts_with("分别");
    if each {
        j += "分别".len();
    }
    let (sign, verb) = match (starts(&c[j..], RISE), starts(&c[j..], FALL)) {
        (Some(v), _) => (1.0, v),
        (_, Some(v)) => (-1.0, v),
        _ => return (Vec::new(), j),
    };
    j += verb.len();
    j += if c[j..].starts_with('了') {
        '了'.len_utf8()
    } else {
        0
    };
    let mut figures = Vec::new();
    while let Some((v, end)) = number_at(c, j) {
        let (unit, len) = if c[end..].starts_with('%') || c[end..].starts_with('％') {
            ("%", c[end..].chars().next().map_or(1, char::len_utf8))
        } else if c[end..].starts_with("个百分点") {
            ("pp", "个百分点".len())
        } else {
            break;
        };
        figures.push((sign * v, unit, (at + j, at + end)));
        j = end + len;
        match starts(&c[j..], &["、", "和", "及"]) {
            Some(sep) if each => j += sep.len(),
            _ => break,
        }
    }
    (figures, j)
}

/// Changes found in a clause, with the words before them.
struct Found<'a> {
    clause: &'a str,
    /// The text since the last change: what changed (`A、B和C` for several).
    subject: &'a str,
    basis: &'static str,
}

impl Found<'_> {
    /// One indicator a figure, labelled by its own subject when the subjects
    /// pair with the figures, else by the whole subject.
    fn indicators(&self, figures: Vec<Figure>, used: &mut Used, out: &mut Vec<Indicator>) {
        let subjects: Vec<&str> = if figures.len() > 1 {
            self.subject.split(['、', '和', '及']).collect()
        } else {
            vec![self.subject]
        };
        let paired = subjects.len() == figures.len();
        for (k, (change, unit, span)) in figures.into_iter().enumerate() {
            let label = clean_label(if paired { subjects[k] } else { self.subject });
            used.insert(span.0);
            out.push(Indicator {
                good: good_of(&label),
                label,
                change: Some(change),
                change_unit: Some(unit),
                basis: Some(self.basis),
                cite: self.clause.to_string(),
                ..Indicator::default()
            });
        }
    }
}

/// `低于全国（0.25%）和全省（0.28%）`: the places and figures compared with.
fn compares(c: &str, used: &mut Used, at: usize) -> Vec<Compare> {
    let mut out = Vec::new();
    let Some(start) = COMPARE
        .iter()
        .filter_map(|w| c.find(w).map(|i| i + w.len()))
        .min()
    else {
        return out;
    };
    let mut rest = start;
    while let Some(open) = c[rest..].find(['（', '(']).map(|o| rest + o) {
        let label = c[rest..open].trim_start_matches(['和', '、', '及']);
        let inner = open + c[open..].chars().next().map_or(1, char::len_utf8);
        let Some((value, end)) = number_at(c, inner) else {
            break;
        };
        let close = end
            + if c[end..].starts_with(['%', '％']) {
                c[end..].chars().next().map_or(1, char::len_utf8)
            } else {
                0
            };
        if label.is_empty() || label.chars().count() > 8 || !c[close..].starts_with(['）', ')']) {
            break;
        }
        used.insert(at + inner);
        out.push(Compare {
            label: label.to_string(),
            value: Some(value),
        });
        rest = close + c[close..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Every indicator of paragraph `p`.
fn scan(p: &str, out: &mut Vec<Indicator>, review: &mut Vec<Review>) {
    let spans = clauses(p);
    let mut used = Used::new();
    let mut prev_level: Option<(usize, usize)> = None; // (index in out, clause start)
    let mut k = 0;
    while k < spans.len() {
        let (a, b) = spans[k];
        let c = &p[a..b];
        let known = used.len();
        let found = changes(c, &mut used, a);
        if !take_changes(found, (p, a, b), prev_level, out) {
            prev_level = None;
        }
        if states_a_change(c) && used.len() == known {
            review.push(Review {
                line: 0,
                message: subst(t("imp.no_basis"), &[c]),
            });
        }
        let mut cmp = compares(c, &mut used, a);
        let levels = levels(c, a, &used);
        let first_new = out.len();
        out.extend(levels);
        // A comparison in this clause or the next belongs to the last level.
        if out.len() > first_new {
            let last = out.len() - 1;
            let mut end = b;
            if cmp.is_empty()
                && let Some(&(na, nb)) = spans.get(k + 1)
                && starts(&p[na..nb], COMPARE).is_some()
            {
                cmp = compares(&p[na..nb], &mut used, na);
                if !cmp.is_empty() {
                    end = nb;
                    k += 1;
                }
            }
            if !cmp.is_empty() {
                out[last].compare = cmp;
                out[last].cite = p[a..end].to_string();
            }
            prev_level = Some((last, a));
        }
        k += 1;
    }
}

/// The changes of clause `a..b` of `p` into `out`; one without a subject
/// (`…1200起，同比下降15.2%`) is the change of the level just before, if
/// it has none yet. Whether one was so merged.
fn take_changes(
    found: Vec<Indicator>,
    (p, a, b): (&str, usize, usize),
    prev_level: Option<(usize, usize)>,
    out: &mut Vec<Indicator>,
) -> bool {
    let mut merged = false;
    for mut ind in found {
        if ind.label.is_empty()
            && let Some((pi, pa)) = prev_level
            && out[pi].change.is_none()
            && (ind.change_unit != Some("pp") || out[pi].unit.as_deref() == Some("%"))
        {
            let prev = &mut out[pi];
            prev.change = ind.change;
            prev.change_unit = ind.change_unit;
            prev.basis = ind.basis;
            prev.cite = p[pa..b].to_string();
            merged = true;
            continue;
        }
        if ind.label.is_empty() {
            ind.label = p[a..b].to_string();
        }
        out.push(ind);
    }
    merged
}

/// Clause `c` states a change in % (`上升12%`), whatever its basis.
fn states_a_change(c: &str) -> bool {
    RISE.iter().chain(FALL).any(|w| {
        c.match_indices(w).any(|(i, _)| {
            number_at(c, i + w.len()).is_some_and(|(_, e)| c[e..].starts_with(['%', '％']))
        })
    })
}

#[cfg(test)]
mod tests;
