//! The validation pass: every rule of docs/format.md over the raw layer,
//! all problems collected, and the model built when there is no error.
//! All file text enters the model through `sanitize` here.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::decode::RawDoc;
use super::diagnostic::{Bounded, Diagnostic, Lines};
use super::raw::{RawItem, RawMeta, RawSection};
use crate::i18n::{subst, t};
use crate::model::{Briefing, Item, Period, Section, SectionKind, paragraphs};

mod ids;
mod indicator;
mod stream;
use crate::sanitize::{clean, is_suspicious, visible};
use ids::Ids;
pub(crate) use stream::Stream;

type Opt<T> = Option<Spanned<T>>;

/// Validate the raw document. The briefing is returned only when no error was found.
pub(crate) fn validate(doc: RawDoc, source: &str) -> (Option<Briefing>, Bounded) {
    let count = doc.sections.as_ref().map_or(0, Vec::len);
    let mut stream = Stream::new(source, &doc, count);
    for s in doc.sections.iter().flatten() {
        stream.section(s);
    }
    stream.finish(doc.incomplete)
}

struct Validator<'a> {
    source: &'a str,
    /// Where the source's lines start (the model and some messages name
    /// lines), found when first needed: a file of sections without
    /// figures never needs it.
    lines: std::cell::OnceCell<Lines>,
    diags: Bounded,
    /// Section and item ids, and indicator ids, with the line of their first use.
    ids: Ids,
    indicator_ids: Ids,
    period: Option<Period>,
    /// Problems found so far in the section being validated, and those of
    /// them beyond [`MAX_PER_SECTION`] (errors, warnings), which are counted only.
    in_section: usize,
    hidden: (usize, usize),
}

/// The most problems reported for one section; the rest are counted in one line.
const MAX_PER_SECTION: usize = 20;

fn quote(s: &str) -> String {
    const MAX: usize = 60;
    let shown = visible(s);
    if shown.chars().count() > MAX {
        let cut: String = shown.chars().take(MAX).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{shown}\"")
    }
}

fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z' | '0'..='9'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-'))
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl Validator<'_> {
    /// The 1-based line of byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.lines
            .get_or_init(|| Lines::new(self.source))
            .line(offset)
    }

    /// Whether one more problem of the current section is shown, counting it.
    fn room(&mut self, error: bool) -> bool {
        self.in_section += 1;
        if self.in_section <= MAX_PER_SECTION {
            return true;
        }
        if error {
            self.hidden.0 += 1;
        } else {
            self.hidden.1 += 1;
        }
        false
    }

    fn error(&mut self, span: Range<usize>, key: &str, message: String) {
        if !self.room(true) {
            return;
        }
        self.diags.push(Diagnostic::error(
            Some(span),
            Some(key.to_string()),
            message,
        ));
    }

    fn warning(&mut self, span: Range<usize>, key: &str, message: String) {
        if !self.room(false) {
            return;
        }
        self.diags.push(Diagnostic::warning(
            Some(span),
            Some(key.to_string()),
            message,
        ));
    }

    /// Warn about control and bidi characters in any displayed string.
    fn text<'a>(&mut self, field: &'a Opt<String>, key: &str) -> Option<&'a str> {
        let field = field.as_ref()?;
        if let Some(c) = field.get_ref().chars().find(|&c| is_suspicious(c)) {
            self.warning(
                field.span(),
                key,
                subst(t("d.control"), &[&format!("{:04X}", c as u32)]),
            );
        }
        Some(field.get_ref())
    }

    /// A one-line displayed string, made safe.
    fn line(&mut self, field: &Opt<String>, key: &str) -> Option<String> {
        self.text(field, key)
            .map(|s| visible(s.trim()).into_owned())
    }

    fn required(
        &mut self,
        field: &Opt<String>,
        header: &Range<usize>,
        key: &str,
        name: &str,
    ) -> String {
        let full = format!("{key}.{name}");
        match field {
            None => {
                self.error(header.clone(), &full, subst(t("d.missing_key"), &[name]));
                String::new()
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.error(v.span(), &full, subst(t("d.empty"), &[name]));
                String::new()
            }
            Some(_) => self.line(field, &full).unwrap_or_default(),
        }
    }

    fn paragraphs(&mut self, field: &Opt<String>, key: &str) -> Vec<String> {
        // Cleaned in a copy only when there is something to clean (a long
        // body is not held three times over).
        let needs_cleaning = |s: &str| s.chars().any(|c| c == '\t' || is_suspicious(c));
        self.text(field, key)
            .map(|s| match needs_cleaning(s) {
                true => paragraphs(&clean(s)),
                false => paragraphs(s),
            })
            .unwrap_or_default()
    }

    fn number(&mut self, field: &Opt<f64>, key: &str) -> Option<f64> {
        let field = field.as_ref()?;
        let n = *field.get_ref();
        if !n.is_finite() {
            self.error(
                field.span(),
                key,
                subst(t("d.not_finite"), &[&n.to_string()]),
            );
            return None;
        }
        Some(n)
    }

    fn id(
        &mut self,
        field: &Opt<String>,
        header: &Range<usize>,
        key: &str,
        indicator: bool,
    ) -> String {
        let full = format!("{key}.id");
        let Some(f) = field else {
            self.error(header.clone(), &full, subst(t("d.missing_key"), &["id"]));
            return String::new();
        };
        let id = f.get_ref();
        if !is_id(id) {
            self.error(f.span(), &full, subst(t("d.bad_id"), &[&quote(id)]));
            return id.clone();
        }
        let seen = if indicator {
            &mut self.indicator_ids
        } else {
            &mut self.ids
        };
        if let Some(first) = seen.first_use(id, f.span().start) {
            let line = self.line_of(first);
            let what = if indicator {
                "d.duplicate_indicator_id"
            } else {
                "d.duplicate_id"
            };
            self.error(
                f.span(),
                &full,
                subst(t(what), &[&quote(id), &line.to_string()]),
            );
        }
        id.clone()
    }

    fn period(&mut self, field: &Spanned<String>, key: &str) -> Option<Period> {
        let p = Period::parse(field.get_ref());
        if p.is_none() {
            self.error(
                field.span(),
                key,
                subst(t("d.bad_period"), &[&quote(field.get_ref())]),
            );
        }
        p
    }

    fn meta(&mut self, m: &Spanned<RawMeta>) -> Briefing {
        let header = m.span();
        let r = m.get_ref();
        let title = self.required(&r.title, &header, "briefing", "title");
        let organization = self.required(&r.organization, &header, "briefing", "organization");
        let period = match &r.period {
            None => {
                self.error(
                    header.clone(),
                    "briefing.period",
                    subst(t("d.missing_key"), &["period"]),
                );
                None
            }
            Some(p) => self.period(p, "briefing.period"),
        };
        self.period = period;
        let published = r.published.as_ref().and_then(|d| {
            let dt = d.get_ref();
            if dt.date.is_some() && dt.time.is_none() && dt.offset.is_none() {
                Some(dt.to_string())
            } else {
                self.error(
                    d.span(),
                    "briefing.published",
                    subst(t("d.bad_date"), &[&dt.to_string()]),
                );
                None
            }
        });
        Briefing {
            title,
            subtitle: self.line(&r.subtitle, "briefing.subtitle"),
            organization,
            period: period.unwrap_or(Period::Year(0)),
            published,
            classification: self.line(&r.classification, "briefing.classification"),
            source: self.line(&r.source, "briefing.source"),
            sections: Vec::new(),
        }
    }

    fn section(&mut self, s: &Spanned<RawSection>, i: usize) -> Section {
        let key = format!("section[{i}]");
        let header = s.span();
        self.in_section = 0;
        let section = self.section_inner(s, &key);
        // One line for the problems of this section beyond the cap: an
        // error when any of them is one, so that the file is still refused.
        let (errors, warnings) = std::mem::take(&mut self.hidden);
        if errors + warnings > 0 {
            let message = subst(
                t("d.more_in_section"),
                &[
                    &(errors + warnings).to_string(),
                    &errors.to_string(),
                    &warnings.to_string(),
                ],
            );
            let d = if errors > 0 {
                Diagnostic::error
            } else {
                Diagnostic::warning
            };
            self.diags.push(d(Some(header), Some(key), message));
        }
        self.in_section = 0;
        section
    }

    fn section_inner(&mut self, s: &Spanned<RawSection>, key: &str) -> Section {
        let key = key.to_string();
        let header = s.span();
        let r = s.get_ref();
        let id = self.id(&r.id, &header, &key, false);
        let kind = match &r.kind {
            None => SectionKind::General,
            Some(k) => match k.get_ref().as_str() {
                "lead" => SectionKind::Lead,
                "campaign" => SectionKind::Campaign,
                "outlook" => SectionKind::Outlook,
                "general" => SectionKind::General,
                other => {
                    self.error(
                        k.span(),
                        &format!("{key}.kind"),
                        subst(t("d.bad_kind"), &[&quote(other)]),
                    );
                    SectionKind::General
                }
            },
        };
        let title = self.required(&r.title, &header, &key, "title");
        let body = self.paragraphs(&r.body, &format!("{key}.body"));
        if kind == SectionKind::Campaign && body.is_empty() && r.item.is_empty() {
            self.warning(header.clone(), &key, t("d.empty_campaign").into());
        }
        let items = r
            .item
            .iter()
            .enumerate()
            .map(|(j, item)| self.item(item, &format!("{key}.item[{j}]")))
            .collect::<Box<[Item]>>();
        let indicators = self.indicators(&r.indicator, &key, &r.body);
        Section {
            id: id.into(),
            kind,
            number: None,
            title: title.into(),
            subtitle: self
                .line(&r.subtitle, &format!("{key}.subtitle"))
                .map(Into::into),
            body: body.into(),
            notes: self.paragraphs(&r.notes, &format!("{key}.notes")).into(),
            items,
            indicators: indicators.into(),
        }
    }

    fn item(&mut self, it: &Spanned<RawItem>, key: &str) -> Item {
        let header = it.span();
        let r = it.get_ref();
        Item {
            id: self.id(&r.id, &header, key, false),
            title: self.required(&r.title, &header, key, "title"),
            body: self.paragraphs(&r.body, &format!("{key}.body")).into(),
            notes: self.paragraphs(&r.notes, &format!("{key}.notes")).into(),
            indicators: self.indicators(&r.indicator, key, &r.body),
        }
    }
}

#[cfg(test)]
mod tests;
