//! The briefing as the program understands it: pure data, no I/O, no terminal.
//!
//! A [`Briefing`] is only ever built by `load::validate`, so every value here
//! has already passed the rules of the format (docs/format.md).

pub(crate) mod find;
mod period;
pub(crate) mod series;
mod text;

pub(crate) use period::Period;
pub(crate) use series::{Series, SeriesKind, Source, series, series_of};
pub(crate) use text::{is_cjk, paragraphs};

/// One organisation's summary of one period's work.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Briefing {
    pub title: String,
    pub subtitle: Option<String>,
    pub organization: String,
    pub period: Period,
    pub published: Option<String>,
    pub classification: Option<String>,
    pub source: Option<String>,
    pub sections: Vec<Section>,
}

/// The kind of a section; `campaign` sections are numbered and take the keys 1–9.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    Lead,
    Campaign,
    Outlook,
    General,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Section {
    pub id: Box<str>,
    pub kind: SectionKind,
    /// The campaign number (1, 2, 3 … in file order) of a campaign section
    /// (`u32`: a file of at most 8 MiB has fewer sections than that).
    pub number: Option<u32>,
    pub title: Box<str>,
    pub subtitle: Option<Box<str>>,
    /// Paragraphs of the body, already joined by the spec's rules.
    /// (Boxed strings and slices, not `String`s and vectors: no spare room,
    /// and 8 bytes less each, in a model that a file of 40 000 small
    /// sections holds 40 000 times: 128 bytes a section, not 176.)
    pub body: Box<[String]>,
    pub notes: Box<[String]>,
    pub items: Box<[Item]>,
    pub indicators: Box<[Indicator]>,
}

/// A numbered point of a section (一是、二是……).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub id: String,
    pub title: String,
    pub body: Box<[String]>,
    pub notes: Box<[String]>,
    pub indicators: Vec<Indicator>,
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis {
    /// 同比: the same period a year before.
    Yoy,
    /// 环比: the previous period.
    Pop,
}

impl Basis {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Basis::Yoy => crate::i18n::t("yoy"),
            Basis::Pop => crate::i18n::t("pop"),
        }
    }
}

/// The unit of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ChangeUnit {
    /// A relative change in percent.
    Percent,
    /// Percentage points.
    Points,
    /// An absolute change in the named unit (may be empty).
    Absolute(String),
}

impl ChangeUnit {
    /// The suffix written after a change figure.
    pub(crate) fn suffix(&self) -> &str {
        match self {
            ChangeUnit::Percent => "%",
            ChangeUnit::Points => crate::i18n::t("points"),
            ChangeUnit::Absolute(unit) => unit,
        }
    }
}

/// The direction of a change that counts as an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Good {
    Up,
    Down,
}

/// How a change reads against `good`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Better,
    Worse,
    Neutral,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Change {
    pub amount: f64,
    pub unit: ChangeUnit,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Point {
    pub period: Period,
    pub value: f64,
    /// The line of the file that states it (0 when not from a file).
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Comparison {
    pub label: String,
    pub value: f64,
}

/// One measured figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Indicator {
    pub id: String,
    pub label: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub change: Option<Change>,
    pub good: Option<Good>,
    pub history: Vec<Point>,
    pub compare: Vec<Comparison>,
    pub note: Option<String>,
    pub cite: Option<String>,
    /// The line of the file where `value` is stated (0 when not from a file).
    pub value_line: usize,
}

impl Indicator {
    /// Whether the stated change is an improvement, by `good`.
    pub(crate) fn verdict(&self) -> Verdict {
        match (&self.change, self.good) {
            (Some(change), Some(good)) if change.amount != 0.0 => {
                let up = change.amount > 0.0;
                if up == (good == Good::Up) {
                    Verdict::Better
                } else {
                    Verdict::Worse
                }
            }
            _ => Verdict::Neutral,
        }
    }
}

impl Briefing {
    /// The campaign sections with their 1-based numbers, in file order.
    pub(crate) fn campaigns(&self) -> impl Iterator<Item = (usize, &Section)> {
        self.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Campaign)
            .enumerate()
            .map(|(n, s)| (n + 1, s))
    }

    /// The index in `sections` of campaign number `n` (1-based).
    pub(crate) fn campaign_index(&self, n: usize) -> Option<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SectionKind::Campaign)
            .nth(n.checked_sub(1)?)
            .map(|(i, _)| i)
    }

    /// The campaign number of section `index`, if it is a campaign section.
    pub(crate) fn campaign_number(&self, index: usize) -> Option<usize> {
        self.sections.get(index)?.number.map(|n| n as usize)
    }

    /// Number the campaign sections 1, 2, 3 … in file order.
    pub(crate) fn number_campaigns(&mut self) {
        let mut n = 0;
        for s in &mut self.sections {
            s.number = (s.kind == SectionKind::Campaign).then(|| {
                n += 1;
                n
            });
        }
    }
}

impl Briefing {
    /// The indicator with `id`, wherever it is in the briefing.
    pub(crate) fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.sections
            .iter()
            .flat_map(Section::all_indicators)
            .find(|i| i.id == id)
    }
}

/// The values of indicator `id` that the other briefings of `group` (one
/// organisation, any order) state for their own periods.
pub(crate) fn values_elsewhere<'a>(
    group: impl IntoIterator<Item = &'a Briefing>,
    own: Period,
    id: &str,
) -> Vec<(Period, f64)> {
    group
        .into_iter()
        .filter(|b| b.period != own)
        .filter_map(|b| Some((b.period, b.indicator(id)?.value?)))
        .collect()
}

impl Section {
    /// Every indicator of the section: its own first, then its items' in order.
    pub(crate) fn all_indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators
            .iter()
            .chain(self.items.iter().flat_map(|i| i.indicators.iter()))
    }
}

/// Format a number as the briefing states it: no trailing zeros, no
/// exponent, except for magnitudes of 10²¹ and more or under 10⁻⁶, which are
/// written with one (`1e308`, `1e-320`) as an author writes them, not as
/// hundreds of digits.
pub(crate) fn format_number(value: f64) -> String {
    if value.is_finite() && value == value.trunc() && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else if value.is_finite() && value != 0.0 && !(1e-6..1e21).contains(&value.abs()) {
        format!("{value:e}")
    } else {
        let s = format!("{value}");
        if s.contains('e') {
            format!("{value:.6}")
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        } else {
            s
        }
    }
}

/// A change with its sign, e.g. `+466.2%`, `−6.32%`, `+31.9个百分点`.
pub(crate) fn format_change(change: &Change) -> String {
    let sign = if change.amount > 0.0 {
        "+"
    } else if change.amount < 0.0 {
        "−"
    } else {
        ""
    };
    format!(
        "{sign}{}{}",
        format_number(change.amount.abs()),
        change.unit.suffix()
    )
}

/// A value with its unit, e.g. `0.11%`, `4.98万路`.
pub(crate) fn format_value(value: f64, unit: Option<&str>) -> String {
    format!("{}{}", format_number(value), unit.unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_written() {
        assert_eq!(format_number(466.2), "466.2");
        assert_eq!(format_number(6.0), "6");
        assert_eq!(format_number(0.11), "0.11");
        assert_eq!(format_number(-3.0), "-3");
        assert_eq!(format_number(1e20), "100000000000000000000");
        assert_eq!(format_number(1e308), "1e308");
        assert_eq!(
            format_number(-1.7976931348623157e308),
            "-1.7976931348623157e308"
        );
        assert_eq!(format_number(1e-320), "1e-320");
        assert_eq!(format_number(9999999999999999999.0), "10000000000000000000");
        assert_eq!(format_number(0.000001), "0.000001");
    }

    #[test]
    fn changes_carry_sign_and_unit() {
        let c = |amount, unit| Change {
            amount,
            unit,
            basis: Basis::Yoy,
        };
        assert_eq!(format_change(&c(-6.32, ChangeUnit::Percent)), "−6.32%");
        assert_eq!(format_change(&c(31.9, ChangeUnit::Points)), "+31.9个百分点");
        assert_eq!(
            format_change(&c(2.0, ChangeUnit::Absolute("起".into()))),
            "+2起"
        );
    }

    #[test]
    fn verdict_follows_good() {
        let mut ind = Indicator {
            id: "x".into(),
            label: "x".into(),
            value: None,
            unit: None,
            change: Some(Change {
                amount: -1.0,
                unit: ChangeUnit::Percent,
                basis: Basis::Yoy,
            }),
            good: Some(Good::Down),
            history: vec![],
            compare: vec![],
            note: None,
            cite: None,
            value_line: 0,
        };
        assert_eq!(ind.verdict(), Verdict::Better);
        ind.good = Some(Good::Up);
        assert_eq!(ind.verdict(), Verdict::Worse);
        ind.good = None;
        assert_eq!(ind.verdict(), Verdict::Neutral);
    }
}
