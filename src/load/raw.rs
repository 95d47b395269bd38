//! The raw serde layer: the file's shape, with spans, unknown keys rejected.
//! Required keys are `Option` here so that validation can report every
//! missing one at its table header instead of stopping at the first.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
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
pub struct RawSection {
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
pub struct RawItem {
    pub id: Option<S<String>>,
    pub title: Option<S<String>>,
    pub body: Option<S<String>>,
    pub notes: Option<S<String>>,
    #[serde(default)]
    pub indicator: Vec<S<RawIndicator>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
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
pub struct RawPoint {
    pub period: Option<S<String>>,
    pub value: Option<S<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompare {
    pub label: Option<S<String>>,
    pub value: Option<S<f64>>,
}
