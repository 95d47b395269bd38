//! The raw serde layer: the file's shape, with spans, unknown keys rejected.
//! Required keys are `Option` here so that validation can report every
//! missing one at its table header instead of stopping at the first.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub(crate) type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    pub title: Option<S<String>>,
    pub subtitle: Option<S<String>>,
    pub organization: Option<S<String>>,
    pub period: Option<S<String>>,
    pub published: Option<S<Datetime>>,
    pub classification: Option<S<String>>,
    pub source: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSection {
    pub id: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub title: Option<S<String>>,
    pub subtitle: Option<S<String>>,
    pub body: Option<S<String>>,
    pub notes: Option<S<String>>,
    #[serde(default)]
    pub item: Vec<S<RawItem>>,
    #[serde(default)]
    pub indicator: Vec<S<RawIndicator>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    pub id: Option<S<String>>,
    pub title: Option<S<String>>,
    pub body: Option<S<String>>,
    pub notes: Option<S<String>>,
    #[serde(default)]
    pub indicator: Vec<S<RawIndicator>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub id: Option<S<String>>,
    pub label: Option<S<String>>,
    pub value: Option<S<f64>>,
    pub unit: Option<S<String>>,
    pub change: Option<S<f64>>,
    pub change_unit: Option<S<String>>,
    pub basis: Option<S<String>>,
    pub good: Option<S<String>>,
    #[serde(default)]
    pub history: Vec<S<RawPoint>>,
    #[serde(default)]
    pub compare: Vec<S<RawCompare>>,
    pub note: Option<S<String>>,
    pub cite: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPoint {
    pub period: Option<S<String>>,
    pub value: Option<S<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCompare {
    pub label: Option<S<String>>,
    pub value: Option<S<f64>>,
}

/// Moving every span by `by` bytes: a piece of the file decoded on its own
/// has spans from the piece's start; the diagnostics want the file's.
pub(crate) trait Shift {
    fn shift(self, by: usize) -> Self;
}

impl Shift for String {
    fn shift(self, _: usize) -> Self {
        self
    }
}

impl Shift for f64 {
    fn shift(self, _: usize) -> Self {
        self
    }
}

impl<T: Shift> Shift for Spanned<T> {
    fn shift(self, by: usize) -> Self {
        let span = self.span();
        Spanned::new(span.start + by..span.end + by, self.into_inner().shift(by))
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(self, by: usize) -> Self {
        self.map(|v| v.shift(by))
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(self, by: usize) -> Self {
        self.into_iter().map(|v| v.shift(by)).collect()
    }
}

/// `Shift` for a struct: every field moved.
macro_rules! shift_fields {
    ($ty:ident { $($field:ident),* }) => {
        impl Shift for $ty {
            fn shift(self, by: usize) -> Self {
                $ty { $($field: self.$field.shift(by)),* }
            }
        }
    };
}

shift_fields!(RawSection {
    id,
    kind,
    title,
    subtitle,
    body,
    notes,
    item,
    indicator
});
shift_fields!(RawItem {
    id,
    title,
    body,
    notes,
    indicator
});
shift_fields!(RawIndicator {
    id,
    label,
    value,
    unit,
    change,
    change_unit,
    basis,
    good,
    history,
    compare,
    note,
    cite
});
shift_fields!(RawPoint { period, value });
shift_fields!(RawCompare { label, value });
