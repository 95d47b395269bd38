//! The draft as the format's TOML: the `toml` crate's serializer does the
//! quoting and escaping; long paragraphs are wrapped only between two CJK
//! characters, where the format's line joining puts nothing back.

use serde::Serialize;

use crate::model::is_cjk;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct File {
    pub schema: u32,
    pub briefing: Head,
    pub section: Vec<Section>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Head {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    pub organization: String,
    pub period: String,
    pub source: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Section {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "body")]
    pub body: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicator: Vec<Indicator>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<Item>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Item {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "body")]
    pub body: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicator: Vec<Indicator>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Indicator {
    pub id: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    pub change: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_unit: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub good: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub compare: Vec<Compare>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub cite: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Compare {
    pub label: String,
    #[serde(serialize_with = "number")]
    pub value: Option<f64>,
}

/// A number as the text wrote it: `64`, not `64.0`.
fn number<S: serde::Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(v as i64),
        Some(v) => s.serialize_f64(v),
        None => s.serialize_none(),
    }
}

/// Paragraphs as one body string: blank lines between them, each wrapped.
fn body<S: serde::Serializer>(paras: &[String], s: S) -> Result<S::Ok, S::Error> {
    let text: Vec<String> = paras.iter().map(|p| wrap(p, 72)).collect();
    s.serialize_str(&(text.join("\n\n") + "\n"))
}

/// Break `para` into lines of about `width` columns, only between two CJK
/// characters (so that joining the lines again gives the paragraph back).
pub(crate) fn wrap(para: &str, width: usize) -> String {
    let mut out = String::with_capacity(para.len() + para.len() / 30);
    let mut col = 0;
    let mut prev: Option<char> = None;
    for c in para.chars() {
        let w = crate::layout::width::char_width(c);
        let breakable = prev.is_some_and(|p| is_cjk(p) && !"“‘（《".contains(p))
            && is_cjk(c)
            && !"，。、；：！？）”’》".contains(c);
        if col + w > width && breakable {
            out.push('\n');
            col = 0;
        }
        out.push(c);
        col += w;
        prev = Some(c);
    }
    out
}

/// The TOML text of `file`, with a first line that says what it is.
pub(crate) fn to_toml(file: &File) -> String {
    let body = toml::to_string(file).unwrap_or_else(|e| {
        // The structs above always serialize; keep the draft honest if not.
        format!("# {e}\n")
    });
    format!("# {}\n{body}", crate::i18n::t("imp.header"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_only_between_cjk_gives_the_paragraph_back() {
        let p = "2023年全市电诈发案同比下降6.32%，破案数同比上升466.2%，破案率同比上升31.9个百分点，特别是12月底西宁全量资金预后被骗率达到了0.11%。";
        let wrapped = wrap(p, 20);
        assert!(wrapped.lines().count() > 3);
        assert_eq!(crate::model::paragraphs(&wrapped), [p]);
    }

    #[test]
    fn hostile_strings_are_escaped() {
        let file = File {
            schema: 1,
            briefing: Head {
                title: "a\"b\\c\n[x]\u{1b}[31m".into(),
                subtitle: None,
                organization: "o'''\"\"\"".into(),
                period: "2023".into(),
                source: "s".into(),
            },
            section: vec![Section {
                id: "lead".into(),
                kind: "lead",
                title: "t".into(),
                body: vec!["\"\"\"end'''".into()],
                ..Section::default()
            }],
        };
        let text = to_toml(&file);
        let back: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(
            back["briefing"]["title"].as_str(),
            Some("a\"b\\c\n[x]\u{1b}[31m")
        );
        assert_eq!(
            back["briefing"]["organization"].as_str(),
            Some("o'''\"\"\"")
        );
        let body = back["section"][0]["body"].as_str().unwrap();
        assert_eq!(crate::model::paragraphs(body), ["\"\"\"end'''"]);
    }
}
