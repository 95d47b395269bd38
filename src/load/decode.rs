//! From text to the raw layer: TOML syntax, then serde per top-level piece
//! (`schema`, `[briefing]`, each `[[section]]`), so that a bad section does not
//! hide the problems of the others. Errors carry spans and key paths.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostic::Diagnostic;
use super::raw::{RawMeta, RawSection};
use crate::i18n::{subst, t};

/// The raw document, as far as it could be decoded.
#[derive(Debug, Default)]
pub struct RawDoc {
    pub schema: Option<Spanned<i64>>,
    pub meta: Option<Spanned<RawMeta>>,
    /// `None` when the `section` key is absent.
    pub sections: Option<Vec<Spanned<RawSection>>>,
    /// Whether any piece failed to decode (then the rest must not be judged on absence).
    pub incomplete: bool,
}

/// Decode `source`; every problem found on the way is returned.
pub fn decode(source: &str) -> (RawDoc, Vec<Diagnostic>) {
    let mut doc = RawDoc::default();
    let mut diags = Vec::new();
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            diags.push(Diagnostic::error(
                Some(span),
                None,
                subst(
                    t("d.toml_syntax"),
                    &[&super::translate::syntax(e.message().trim_end())],
                ),
            ));
            doc.incomplete = true;
            return (doc, diags);
        }
    };
    // The tree is consumed piece by piece (no copy); a piece that fails to
    // decode looks its key path up in a fresh parse.
    for (key, value) in root.into_inner() {
        let name = key.get_ref().to_string();
        match name.as_str() {
            "schema" => doc.schema = piece(source, value, &mut diags, &mut doc.incomplete),
            "briefing" => doc.meta = piece(source, value, &mut diags, &mut doc.incomplete),
            "section" => {
                doc.sections = Some(sections(source, value, &mut diags, &mut doc.incomplete))
            }
            other => diags.push(Diagnostic::error(
                Some(key.span()),
                Some(other.to_string()),
                subst(t("d.unknown_top"), &[other]),
            )),
        }
    }
    (doc, diags)
}

fn sections(
    source: &str,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
    incomplete: &mut bool,
) -> Vec<Spanned<RawSection>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(array) => array
            .into_iter()
            .filter_map(|element| piece(source, element, diags, incomplete))
            .collect(),
        other => {
            diags.push(Diagnostic::error(
                Some(span),
                Some("section".into()),
                subst(t("d.section_not_array"), &[other.type_str()]),
            ));
            *incomplete = true;
            Vec::new()
        }
    }
}

/// Deserialize one piece of the document, turning a serde error into a diagnostic.
fn piece<'de, T: Deserialize<'de>>(
    source: &'de str,
    value: Spanned<DeValue<'de>>,
    diags: &mut Vec<Diagnostic>,
    incomplete: &mut bool,
) -> Option<Spanned<T>> {
    let whole = value.span();
    match Spanned::<T>::deserialize(ValueDeserializer::from(value)) {
        Ok(v) => Some(v),
        Err(e) => {
            let span = e.span().unwrap_or(whole);
            let key = DeTable::parse(source)
                .ok()
                .and_then(|root| key_path_at(root.get_ref(), span.start));
            diags.push(Diagnostic::error(
                Some(span),
                key,
                super::translate::translate(e.message().trim_end()),
            ));
            *incomplete = true;
            None
        }
    }
}

/// The key path (`section[2].item[0].title`) of the deepest key or value at `offset`.
pub fn key_path_at(root: &DeTable<'_>, offset: usize) -> Option<String> {
    let mut path = String::new();
    walk_table(root, offset, &mut path);
    (!path.is_empty()).then_some(path)
}

fn walk_table(table: &DeTable<'_>, offset: usize, path: &mut String) -> bool {
    for (key, value) in table.iter() {
        let hit_key = within(&key.span(), offset);
        if hit_key || contains(value, offset) {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key.get_ref());
            if !hit_key {
                walk_value(value, offset, path);
            }
            return true;
        }
    }
    false
}

fn walk_value(value: &Spanned<DeValue<'_>>, offset: usize, path: &mut String) {
    match value.get_ref() {
        DeValue::Table(t) => {
            walk_table(t, offset, path);
        }
        DeValue::Array(a) => {
            if let Some((i, element)) = a.iter().enumerate().find(|(_, e)| contains(e, offset)) {
                path.push_str(&format!("[{i}]"));
                walk_value(element, offset, path);
            }
        }
        _ => {}
    }
}

fn within(span: &Range<usize>, offset: usize) -> bool {
    span.contains(&offset) || (span.is_empty() && span.start == offset)
}

/// Whether `offset` falls in the value or anything below it (the span of a
/// `[header]` table covers only its header, so children are searched too).
fn contains(value: &Spanned<DeValue<'_>>, offset: usize) -> bool {
    if within(&value.span(), offset) {
        return true;
    }
    match value.get_ref() {
        DeValue::Table(t) => t
            .iter()
            .any(|(k, v)| within(&k.span(), offset) || contains(v, offset)),
        DeValue::Array(a) => a.iter().any(|e| contains(e, offset)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_error(src: &str) -> Diagnostic {
        decode(src).1.into_iter().next().expect("an error")
    }

    #[test]
    fn syntax_errors_carry_the_position() {
        let d = first_error("schema = 1\n[[section]]\nid = \"a\n");
        assert_eq!(d.span.unwrap().start, 30);
        assert!(d.message.starts_with("TOML 语法错误："), "{}", d.message);
    }

    #[test]
    fn type_errors_name_the_key_path() {
        let src = "schema = 1\n[[section]]\nid = \"a\"\n[[section]]\nid = \"b\"\n[[section.item]]\nid = 3\n";
        let d = first_error(src);
        assert_eq!(d.key.as_deref(), Some("section[1].item[0].id"));
    }

    #[test]
    fn unknown_keys_name_the_key_path() {
        let src = "schema = 1\n[briefing]\ntitel = \"x\"\n";
        let d = first_error(src);
        assert_eq!(d.key.as_deref(), Some("briefing.titel"));
        assert!(d.message.contains("titel"), "{}", d.message);
    }

    #[test]
    fn every_bad_section_is_reported() {
        let src = "schema = 1\n[[section]]\nidd = 1\n[[section]]\ntitle = 3\n";
        let (_, diags) = decode(src);
        assert_eq!(diags.len(), 2);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("x = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let d = first_error(&src);
        assert!(d.message.contains("嵌套太深"), "{}", d.message);
    }
}
