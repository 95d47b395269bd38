//! JSON export: the validated model of every briefing, with each indicator's
//! series across the loaded periods, in the shape `src/export.schema.json`
//! documents (`briefing schema --export`).

use serde::Serialize;

use super::{basis_key, change_unit_key, good_key, round_like};
use crate::library::Library;
use crate::model::{
    Briefing, Indicator, Item, Section, SectionKind, Series, SeriesKind, Verdict, series,
    values_elsewhere,
};

/// The JSON Schema of the export.
pub(crate) const SCHEMA: &str = include_str!("../export.schema.json");

/// What the file says it is.
pub(crate) const FORMAT: &str = "briefing-export";
pub(crate) const VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    briefings: Vec<BriefingView<'a>>,
}

#[derive(Serialize)]
struct BriefingView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    organization: &'a str,
    period: String,
    published: Option<&'a str>,
    classification: Option<&'a str>,
    source: Option<&'a str>,
    sections: Vec<SectionView<'a>>,
}

#[derive(Serialize)]
struct SectionView<'a> {
    id: &'a str,
    kind: &'static str,
    number: Option<u32>,
    title: &'a str,
    subtitle: Option<&'a str>,
    body: &'a [String],
    notes: &'a [String],
    indicators: Vec<IndicatorView<'a>>,
    items: Vec<ItemView<'a>>,
}

#[derive(Serialize)]
struct ItemView<'a> {
    id: &'a str,
    title: &'a str,
    body: &'a [String],
    notes: &'a [String],
    indicators: Vec<IndicatorView<'a>>,
}

#[derive(Serialize)]
struct IndicatorView<'a> {
    id: &'a str,
    label: &'a str,
    value: Option<f64>,
    unit: Option<&'a str>,
    change: Option<ChangeView<'a>>,
    good: Option<&'static str>,
    verdict: &'static str,
    history: Vec<PointView>,
    compare: Vec<CompareView<'a>>,
    note: Option<&'a str>,
    cite: Option<&'a str>,
    series: Option<SeriesView>,
}

#[derive(Serialize)]
struct ChangeView<'a> {
    amount: f64,
    unit: &'a str,
    basis: &'static str,
}

#[derive(Serialize)]
struct PointView {
    period: String,
    value: f64,
}

#[derive(Serialize)]
struct CompareView<'a> {
    label: &'a str,
    value: f64,
}

#[derive(Serialize)]
struct SeriesView {
    kind: &'static str,
    points: Vec<SeriesPointView>,
}

#[derive(Serialize)]
struct SeriesPointView {
    label: String,
    value: f64,
    derived: bool,
}

/// The JSON file of `lib`: every briefing, by organisation and period.
pub(crate) fn render(lib: &Library) -> Vec<u8> {
    let export = Export {
        format: FORMAT,
        version: VERSION,
        briefings: lib
            .entries
            .iter()
            .map(|e| briefing(&e.briefing, &super::group_of(lib, e)))
            .collect(),
    };
    // Serialising plain data to memory cannot fail (numbers are finite: the loader sees to it).
    let mut out = serde_json::to_vec_pretty(&export).unwrap_or_default();
    out.push(b'\n');
    out
}

fn briefing<'a>(b: &'a Briefing, group: &[&Briefing]) -> BriefingView<'a> {
    BriefingView {
        title: &b.title,
        subtitle: b.subtitle.as_deref(),
        organization: &b.organization,
        period: b.period.to_string(),
        published: b.published.as_deref(),
        classification: b.classification.as_deref(),
        source: b.source.as_deref(),
        sections: b.sections.iter().map(|s| section(b, group, s)).collect(),
    }
}

fn section<'a>(b: &Briefing, group: &[&Briefing], s: &'a Section) -> SectionView<'a> {
    SectionView {
        id: &s.id,
        kind: match s.kind {
            SectionKind::Lead => "lead",
            SectionKind::Campaign => "campaign",
            SectionKind::Outlook => "outlook",
            SectionKind::General => "general",
        },
        number: s.number,
        title: &s.title,
        subtitle: s.subtitle.as_deref(),
        body: &s.body,
        notes: &s.notes,
        indicators: s
            .indicators
            .iter()
            .map(|i| indicator(b, group, i))
            .collect(),
        items: s.items.iter().map(|i| item(b, group, i)).collect(),
    }
}

fn item<'a>(b: &Briefing, group: &[&Briefing], i: &'a Item) -> ItemView<'a> {
    ItemView {
        id: &i.id,
        title: &i.title,
        body: &i.body,
        notes: &i.notes,
        indicators: i
            .indicators
            .iter()
            .map(|ind| indicator(b, group, ind))
            .collect(),
    }
}

fn indicator<'a>(b: &Briefing, group: &[&Briefing], i: &'a Indicator) -> IndicatorView<'a> {
    let others = values_elsewhere(group.iter().copied(), b.period, &i.id);
    IndicatorView {
        id: &i.id,
        label: &i.label,
        value: i.value,
        unit: i.unit.as_deref(),
        change: i.change.as_ref().map(|c| ChangeView {
            amount: c.amount,
            unit: change_unit_key(&c.unit),
            basis: basis_key(c.basis),
        }),
        good: i.good.map(good_key),
        verdict: match i.verdict() {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Neutral => "neutral",
        },
        history: i
            .history
            .iter()
            .map(|p| PointView {
                period: p.period.to_string(),
                value: p.value,
            })
            .collect(),
        compare: i
            .compare
            .iter()
            .map(|c| CompareView {
                label: &c.label,
                value: c.value,
            })
            .collect(),
        note: i.note.as_deref(),
        cite: i.cite.as_deref(),
        series: series(i, b.period, &others).map(|s| series_view(i, &s)),
    }
}

/// A series with its worked-out points rounded to the decimals of the
/// figures they come from.
fn series_view(i: &Indicator, s: &Series) -> SeriesView {
    let sources: Vec<f64> = i
        .value
        .into_iter()
        .chain(i.change.as_ref().map(|c| c.amount))
        .collect();
    SeriesView {
        kind: match s.kind {
            SeriesKind::Real => "real",
            SeriesKind::Index(_) => "index",
            SeriesKind::Derived => "derived",
        },
        points: s
            .points
            .iter()
            .map(|p| SeriesPointView {
                label: p.label.clone(),
                value: if p.derived {
                    round_like(p.value, &sources)
                } else {
                    p.value
                },
                derived: p.derived,
            })
            .collect(),
    }
}
