//! From text to the raw layer: TOML syntax, then serde per top-level piece
//! (`schema`, `[briefing]`, each `[[section]]`), so that a bad section does not
//! hide the problems of the others; within a piece, each bad key is set aside
//! and the rest decoded again, so that one does not hide the next. Errors
//! carry spans and key paths.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostic::Diagnostic;
use super::raw::{RawMeta, RawSection, Shift};
use super::split::Split;
use crate::i18n::{subst, t};

/// The raw document, as far as it could be decoded.
#[derive(Debug, Default)]
pub(crate) struct RawDoc {
    pub schema: Option<Spanned<i64>>,
    pub meta: Option<Spanned<RawMeta>>,
    /// `None` when the `section` key is absent.
    pub sections: Option<Vec<Spanned<RawSection>>>,
    /// Whether any piece failed to decode (then the rest must not be judged on absence).
    pub incomplete: bool,
}

/// The most problems reported for one piece (a section full of them says
/// enough with this many).
const MAX_PER_PIECE: usize = 20;

/// What the pieces share while they are decoded: the text, the problems
/// found, and a second parse of the text, made at the first problem, in
/// which problems are looked up (the first parse is consumed piece by piece).
struct Decoder<'de> {
    source: &'de str,
    diags: Vec<Diagnostic>,
    incomplete: bool,
    tree: Option<Option<Spanned<DeTable<'de>>>>,
    /// For a section decoded on its own: where its text starts in the file,
    /// and its index in the file's section array.
    piece: Option<(usize, usize)>,
}

impl<'de> Decoder<'de> {
    fn tree(&mut self) -> Option<&DeTable<'de>> {
        let source = self.source;
        self.tree
            .get_or_insert_with(|| DeTable::parse(source).ok())
            .as_ref()
            .map(Spanned::get_ref)
    }

    fn error(&mut self, span: Range<usize>, message: String) {
        let mut key = self.tree().and_then(|root| key_path_at(root, span.start));
        let mut span = span;
        if let Some((offset, index)) = self.piece {
            span = span.start + offset..span.end + offset;
            // The piece's one section is `section[0]`; in the file it is `section[index]`.
            key = key.map(|k| match k.strip_prefix("section[0]") {
                Some(rest) => format!("section[{index}]{rest}"),
                None => k,
            });
        }
        self.diags.push(Diagnostic::error(Some(span), key, message));
    }

    fn new(source: &'de str) -> Decoder<'de> {
        Decoder {
            source,
            diags: Vec::new(),
            incomplete: false,
            tree: None,
            piece: None,
        }
    }
}

/// Decode `source`; every problem found on the way is returned.
pub(crate) fn decode(source: &str) -> (RawDoc, Vec<Diagnostic>) {
    let mut doc = RawDoc::default();
    let mut d = Decoder::new(source);
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            d.diags.push(Diagnostic::error(
                Some(span),
                None,
                subst(
                    t("d.toml_syntax"),
                    &[&super::translate::syntax(e.message().trim_end())],
                ),
            ));
            doc.incomplete = true;
            return (doc, d.diags);
        }
    };
    d.root(root, &mut doc);
    doc.incomplete |= d.incomplete;
    (doc, d.diags)
}

/// Decode the part of `source` that is not sections (the pieces `split`
/// found there, at their places in the file); `None` when it does not parse
/// or names `section` itself (then the whole file is decoded at once).
pub(crate) fn head(source: &str, split: &Split) -> Option<(RawDoc, Vec<Diagnostic>)> {
    let first = split.sections().next().map_or(source.len(), |r| r.start);
    let text: Cow<str> = if split.head.iter().all(|r| r.end <= first) {
        Cow::Borrowed(&source[..first])
    } else {
        // Tables after the sections: the sections blanked out, lines kept,
        // so that every offset is the file's.
        let mut bytes = source.as_bytes().to_vec();
        for r in split.sections() {
            for b in &mut bytes[r] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        Cow::Owned(String::from_utf8(bytes).ok()?)
    };
    let root = DeTable::parse(&text).ok()?;
    if root.get_ref().keys().any(|k| k.get_ref() == "section") {
        return None;
    }
    let mut doc = RawDoc::default();
    let mut d = Decoder::new(&text);
    d.root(root, &mut doc);
    doc.incomplete |= d.incomplete;
    Some((doc, d.diags))
}

/// One section decoded on its own.
pub(crate) struct SectionPiece {
    pub section: Option<Spanned<RawSection>>,
    pub diags: Vec<Diagnostic>,
    /// Whether it failed to decode.
    pub incomplete: bool,
}

/// Decode the section at `range` of `source`, the `index`-th of the file,
/// as the whole file's decoding would (spans and key paths are the file's);
/// `None` when it does not parse as one section (then the whole file is
/// decoded at once, and its errors are reported as the whole file's).
pub(crate) fn section(source: &str, range: Range<usize>, index: usize) -> Option<SectionPiece> {
    let offset = range.start;
    let text = &source[range];
    let arrays = history::long_arrays(text);
    if !arrays.is_empty()
        && let Some(piece) = history::section(text, offset, index, &arrays)
    {
        return Some(piece);
    }
    section_in(text, offset, index)
}

/// [`section`] of `text`, which starts at `offset` in the file.
fn section_in(text: &str, offset: usize, index: usize) -> Option<SectionPiece> {
    let root = DeTable::parse(text).ok()?.into_inner();
    if root.len() != 1 {
        return None;
    }
    let (key, value) = root.into_iter().next()?;
    if key.get_ref() != "section" {
        return None;
    }
    let element = match value.into_inner() {
        DeValue::Array(a) if a.len() == 1 => a.into_iter().next()?,
        _ => return None,
    };
    let mut d = Decoder::new(text);
    d.piece = Some((offset, index));
    let section = d.piece::<RawSection>(element).map(|s| s.shift(offset));
    Some(SectionPiece {
        section,
        diags: d.diags,
        incomplete: d.incomplete,
    })
}

impl<'de> Decoder<'de> {
    /// Take the top-level keys of `root` into `doc`.
    fn root(&mut self, root: Spanned<DeTable<'de>>, doc: &mut RawDoc) {
        let d = self;
        // The tree is consumed piece by piece (no copy).
        for (key, value) in root.into_inner() {
            let name = key.get_ref().to_string();
            match name.as_str() {
                "schema" => doc.schema = d.piece(value),
                "briefing" => doc.meta = d.piece(value),
                "section" => doc.sections = Some(d.sections(value)),
                other => d.diags.push(Diagnostic::error(
                    Some(key.span()),
                    Some(other.to_string()),
                    subst(t("d.unknown_top"), &[other]),
                )),
            }
        }
    }
}

impl<'de> Decoder<'de> {
    fn sections(&mut self, value: Spanned<DeValue<'de>>) -> Vec<Spanned<RawSection>> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(array) => array
                .into_iter()
                .filter_map(|element| self.piece(element))
                .collect(),
            other => {
                self.diags.push(Diagnostic::error(
                    Some(span),
                    Some("section".into()),
                    subst(t("d.section_not_array"), &[other.type_str()]),
                ));
                self.incomplete = true;
                Vec::new()
            }
        }
    }

    /// Deserialize one piece of the document. When it fails, each problem
    /// becomes a diagnostic: the bad entry is taken out of a copy of the
    /// piece and the rest decoded again, until it decodes (the piece itself
    /// is still refused: what it would be without its bad keys is not what
    /// the author wrote).
    fn piece<T: Deserialize<'de>>(&mut self, value: Spanned<DeValue<'de>>) -> Option<Spanned<T>> {
        let whole = value.span();
        let e = match Spanned::<T>::deserialize(ValueDeserializer::from(value)) {
            Ok(v) => return Some(v),
            Err(e) => e,
        };
        self.incomplete = true;
        let mut span = e.span().unwrap_or(whole.clone());
        self.error(
            span.clone(),
            super::translate::translate(e.message().trim_end()),
        );
        let mut copy = self.tree().and_then(|root| find(root, &whole)).cloned();
        for _ in 1..MAX_PER_PIECE {
            let Some(value) = copy.as_mut() else { break };
            if !remove_at(value, span.start) {
                break;
            }
            match Spanned::<T>::deserialize(ValueDeserializer::from(value.clone())) {
                Ok(_) => break,
                Err(e) => {
                    let next = e.span().unwrap_or(whole.clone());
                    if next == span {
                        break;
                    }
                    span = next;
                    self.error(
                        span.clone(),
                        super::translate::translate(e.message().trim_end()),
                    );
                }
            }
        }
        None
    }
}

/// The deepest value whose span is `span`, anywhere in `table` (an array
/// of tables has the span of its first table: the table is wanted).
fn find<'a, 'de>(
    table: &'a DeTable<'de>,
    span: &Range<usize>,
) -> Option<&'a Spanned<DeValue<'de>>> {
    table.values().find_map(|v| find_in(v, span))
}

fn find_in<'a, 'de>(
    value: &'a Spanned<DeValue<'de>>,
    span: &Range<usize>,
) -> Option<&'a Spanned<DeValue<'de>>> {
    let below = match value.get_ref() {
        DeValue::Table(t) => find(t, span),
        DeValue::Array(a) => a.iter().find_map(|e| find_in(e, span)),
        _ => None,
    };
    below.or_else(|| (value.span() == *span).then_some(value))
}

/// Take out of `value` the deepest entry (a key and its value, or an array
/// element) at `offset`; false when there is none below `value` itself.
fn remove_at(value: &mut Spanned<DeValue<'_>>, offset: usize) -> bool {
    match value.get_mut() {
        DeValue::Table(t) => {
            let Some(key) = t
                .iter()
                .find(|(k, v)| within(&k.span(), offset) || contains(v, offset))
                .map(|(k, _)| k.clone())
            else {
                return false;
            };
            let on_key = within(&key.span(), offset);
            if on_key || !t.get_mut(&key).is_some_and(|v| remove_at(v, offset)) {
                t.remove(&key);
            }
            true
        }
        DeValue::Array(a) => {
            let Some(i) = a.iter().position(|e| contains(e, offset)) else {
                return false;
            };
            if !a.get_mut(i).is_some_and(|e| remove_at(e, offset)) {
                // The array type has no `remove`; it is built again without the element.
                *a = a
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, e)| e.clone())
                    .collect();
            }
            true
        }
        _ => false,
    }
}

/// The key path (`section[2].item[0].title`) of the deepest key or value at `offset`.
pub(crate) fn key_path_at(root: &DeTable<'_>, offset: usize) -> Option<String> {
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

mod history;

#[cfg(test)]
mod tests;
