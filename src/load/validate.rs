//! The validation pass: every rule of docs/format.md over the raw layer,
//! all problems collected, and the model built when there is no error.
//! All file text enters the model through `sanitize` here.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::decode::RawDoc;
use super::diagnostic::{Diagnostic, Lines};
use super::raw::{RawCompare, RawIndicator, RawItem, RawMeta, RawPoint, RawSection};
use crate::i18n::{subst, t};
use crate::model::{
    Basis, Briefing, Change, ChangeUnit, Comparison, Good, Indicator, Item, Period, Point, Section,
    SectionKind, paragraphs,
};
use crate::sanitize::{clean, is_suspicious, visible};

type Opt<T> = Option<Spanned<T>>;

/// Validate the raw document. The briefing is returned only when no error was found.
pub fn validate(doc: RawDoc, source: &str) -> (Option<Briefing>, Vec<Diagnostic>) {
    let count = doc.sections.as_ref().map_or(0, Vec::len);
    let mut stream = Stream::new(source, &doc, count);
    for s in doc.sections.iter().flatten() {
        stream.section(s);
    }
    stream.finish(doc.incomplete)
}

/// Validation a section at a time: the head (`schema`, `[briefing]`) first,
/// then each section as it is decoded, so that the raw layer of the whole
/// file never exists at once. The problems come out in the order of
/// [`validate`] over the whole document.
pub struct Stream {
    v: Validator,
    schema: Option<Spanned<i64>>,
    meta: Option<Briefing>,
    /// How many problems the head had (the head's late problems go after them).
    after_meta: usize,
    sections: Vec<Section>,
}

impl Stream {
    /// Start with the head; `sections` is how many sections are expected
    /// (room is made for them at once, not by doubling).
    pub fn new(source: &str, head: &RawDoc, sections: usize) -> Stream {
        let mut v = Validator {
            lines: Lines::new(source),
            diags: Vec::new(),
            ids: HashMap::new(),
            indicator_ids: HashMap::new(),
            period: None,
            in_section: 0,
            hidden: (0, 0),
        };
        let meta = head.meta.as_ref().map(|m| v.meta(m));
        Stream {
            after_meta: v.diags.len(),
            schema: head.schema.clone(),
            meta,
            v,
            sections: Vec::with_capacity(sections),
        }
    }

    /// Validate the next section that decoded.
    pub fn section(&mut self, s: &Spanned<RawSection>) {
        let i = self.sections.len();
        let section = self.v.section(s, i);
        self.sections.push(section);
    }

    /// The problems that need the whole file (`incomplete`: whether any
    /// piece failed to decode), then the briefing when there is no error.
    pub fn finish(mut self, incomplete: bool) -> (Option<Briefing>, Vec<Diagnostic>) {
        let rest = std::mem::take(&mut self.v.diags);
        let v = &mut self.v;
        match &self.schema {
            None if !incomplete => v.error(0..0, "schema", t("d.missing_schema").into()),
            Some(s) if *s.get_ref() != 1 => v.error(
                s.span(),
                "schema",
                subst(t("d.bad_schema"), &[&s.get_ref().to_string()]),
            ),
            _ => {}
        }
        let schema = std::mem::take(&mut v.diags);
        if self.meta.is_none() && !incomplete {
            v.error(0..0, "briefing", t("d.missing_briefing").into());
        }
        if self.sections.is_empty() && !incomplete {
            v.error(0..0, "section", t("d.no_sections").into());
        }
        let late = std::mem::take(&mut v.diags);
        let (head, sections) = rest.split_at(self.after_meta);
        let diags: Vec<Diagnostic> = schema
            .into_iter()
            .chain(head.iter().cloned())
            .chain(late)
            .chain(sections.iter().cloned())
            .collect();
        let ok = !diags.iter().any(Diagnostic::is_error);
        let briefing = self.meta.map(|mut briefing| {
            briefing.sections = self.sections;
            briefing.number_campaigns();
            briefing
        });
        (briefing.filter(|_| ok), diags)
    }
}

struct Validator {
    /// Where the source's lines start (diagnostics and the model name lines).
    lines: Lines,
    diags: Vec<Diagnostic>,
    /// Section and item ids with the span of their first use.
    ids: HashMap<String, Range<usize>>,
    indicator_ids: HashMap<String, Range<usize>>,
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

impl Validator {
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
        if let Some(first) = seen.get(id).cloned() {
            let what = if indicator {
                "d.duplicate_indicator_id"
            } else {
                "d.duplicate_id"
            };
            let line = self.lines.line(first.start);
            self.error(
                f.span(),
                &full,
                subst(t(what), &[&quote(id), &line.to_string()]),
            );
        } else {
            seen.insert(id.clone(), f.span());
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
            .collect();
        let indicators = self.indicators(&r.indicator, &key, &r.body);
        Section {
            id,
            kind,
            number: None,
            title,
            subtitle: self.line(&r.subtitle, &format!("{key}.subtitle")),
            body,
            notes: self.paragraphs(&r.notes, &format!("{key}.notes")),
            items,
            indicators,
        }
    }

    fn item(&mut self, it: &Spanned<RawItem>, key: &str) -> Item {
        let header = it.span();
        let r = it.get_ref();
        Item {
            id: self.id(&r.id, &header, key, false),
            title: self.required(&r.title, &header, key, "title"),
            body: self.paragraphs(&r.body, &format!("{key}.body")),
            notes: self.paragraphs(&r.notes, &format!("{key}.notes")),
            indicators: self.indicators(&r.indicator, key, &r.body),
        }
    }

    fn indicators(
        &mut self,
        list: &[Spanned<RawIndicator>],
        holder: &str,
        body: &Opt<String>,
    ) -> Vec<Indicator> {
        // Cites are compared without white space; strip the body once for all of them.
        let body = body
            .as_ref()
            .filter(|_| !list.is_empty())
            .map(|b| squeeze(b.get_ref()));
        list.iter()
            .enumerate()
            .map(|(k, ind)| {
                self.indicator(
                    ind,
                    &format!("{holder}.indicator[{k}]"),
                    holder,
                    body.as_deref(),
                )
            })
            .collect()
    }

    fn indicator(
        &mut self,
        ind: &Spanned<RawIndicator>,
        key: &str,
        holder: &str,
        body: Option<&str>,
    ) -> Indicator {
        let header = ind.span();
        let r = ind.get_ref();
        let id = self.id(&r.id, &header, key, true);
        let label = self.required(&r.label, &header, key, "label");
        let value = self.number(&r.value, &format!("{key}.value"));
        let unit = self.line(&r.unit, &format!("{key}.unit"));
        let change = self.change(r, key, &header);
        if r.value.is_none() && r.change.is_none() {
            self.error(header.clone(), key, t("d.no_value").into());
        }
        let good = r.good.as_ref().and_then(|g| match g.get_ref().as_str() {
            "up" => Some(Good::Up),
            "down" => Some(Good::Down),
            other => {
                self.error(
                    g.span(),
                    &format!("{key}.good"),
                    subst(t("d.bad_good"), &[&quote(other)]),
                );
                None
            }
        });
        let history = r
            .history
            .iter()
            .enumerate()
            .filter_map(|(h, p)| self.point(p, &format!("{key}.history[{h}]")))
            .collect::<Vec<_>>();
        let mut seen: HashMap<Period, ()> = HashMap::new();
        for (h, p) in history.iter().enumerate() {
            if seen.insert(p.period, ()).is_some() {
                self.error(
                    r.history[h].span(),
                    &format!("{key}.history[{h}].period"),
                    subst(t("d.history_twice"), &[&p.period.to_string()]),
                );
            }
        }
        let compare = r
            .compare
            .iter()
            .enumerate()
            .filter_map(|(c, cmp)| self.compare(cmp, &format!("{key}.compare[{c}]")))
            .collect();
        let cite = self.line(&r.cite, &format!("{key}.cite"));
        match (&r.cite, body) {
            (None, _) => self.warning(header.clone(), key, subst(t("d.no_cite"), &[&quote(&id)])),
            (Some(c), body) => {
                let needle = squeeze(c.get_ref());
                let found = body.is_some_and(|b| b.contains(&needle));
                if needle.is_empty() || !found {
                    self.error(
                        c.span(),
                        &format!("{key}.cite"),
                        subst(t("d.cite_missing"), &[&quote(c.get_ref()), holder]),
                    );
                }
            }
        }
        Indicator {
            id,
            label,
            value,
            unit,
            change,
            good,
            history,
            compare,
            note: self.line(&r.note, &format!("{key}.note")),
            cite,
            value_line: r
                .value
                .as_ref()
                .map_or(0, |v| self.lines.line(v.span().start)),
        }
    }

    fn change(&mut self, r: &RawIndicator, key: &str, header: &Range<usize>) -> Option<Change> {
        let Some(amount_field) = &r.change else {
            for (field, name) in [(&r.change_unit, "change_unit"), (&r.basis, "basis")] {
                if let Some(f) = field {
                    self.warning(
                        f.span(),
                        &format!("{key}.{name}"),
                        subst(t("d.ignored_without_change"), &[name]),
                    );
                }
            }
            return None;
        };
        let amount = self.number(&r.change, &format!("{key}.change"));
        let unit = match &r.change_unit {
            None => {
                self.error(
                    amount_field.span(),
                    &format!("{key}.change_unit"),
                    t("d.needs_change_unit").into(),
                );
                None
            }
            Some(u) => match u.get_ref().as_str() {
                "%" => Some(ChangeUnit::Percent),
                "pp" => {
                    let unit_is_percent = r.unit.as_ref().is_some_and(|u| u.get_ref() == "%");
                    if r.value.is_some() && !unit_is_percent {
                        self.error(
                            u.span(),
                            &format!("{key}.change_unit"),
                            t("d.pp_needs_percent").into(),
                        );
                    }
                    Some(ChangeUnit::Points)
                }
                other => Some(ChangeUnit::Absolute(visible(other).into_owned())),
            },
        };
        let basis = match &r.basis {
            None => {
                self.error(
                    header.clone(),
                    &format!("{key}.basis"),
                    t("d.needs_basis").into(),
                );
                None
            }
            Some(b) => match b.get_ref().as_str() {
                "yoy" => Some(Basis::Yoy),
                "pop" => Some(Basis::Pop),
                other => {
                    self.error(
                        b.span(),
                        &format!("{key}.basis"),
                        subst(t("d.bad_basis"), &[&quote(other)]),
                    );
                    None
                }
            },
        };
        Some(Change {
            amount: amount?,
            unit: unit?,
            basis: basis?,
        })
    }

    fn point(&mut self, p: &Spanned<RawPoint>, key: &str) -> Option<Point> {
        let r = p.get_ref();
        let value = match &r.value {
            None => {
                self.error(p.span(), key, t("d.point_needs_value").into());
                None
            }
            Some(_) => self.number(&r.value, &format!("{key}.value")),
        };
        let period = match &r.period {
            None => {
                self.error(p.span(), key, t("d.point_needs_period").into());
                None
            }
            Some(f) => {
                let period = self.period(f, &format!("{key}.period"));
                if let (Some(own), Some(this)) = (self.period, period)
                    && !this.is_before(own)
                {
                    self.error(
                        f.span(),
                        &format!("{key}.period"),
                        subst(
                            t("d.history_not_earlier"),
                            &[&this.to_string(), &own.to_string()],
                        ),
                    );
                }
                period
            }
        };
        Some(Point {
            period: period?,
            value: value?,
            line: self.lines.line(p.span().start),
        })
    }

    fn compare(&mut self, c: &Spanned<RawCompare>, key: &str) -> Option<Comparison> {
        let r = c.get_ref();
        let label = self.required(&r.label, &c.span(), key, "label");
        let value = match &r.value {
            None => {
                self.error(c.span(), key, t("d.compare_needs_value").into());
                None
            }
            Some(_) => self.number(&r.value, &format!("{key}.value")),
        };
        Some(Comparison {
            label,
            value: value?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::decode::decode;
    use super::*;

    const HEAD: &str =
        "schema = 1\n[briefing]\ntitle = \"T\"\norganization = \"O\"\nperiod = \"2023\"\n";

    fn check(extra: &str) -> Vec<Diagnostic> {
        let src = format!("{HEAD}{extra}");
        let (raw, mut diags) = decode(&src);
        diags.extend(validate(raw, &src).1);
        diags
    }

    fn errors(extra: &str) -> Vec<String> {
        check(extra)
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}: {}", d.key.unwrap_or_default(), d.message))
            .collect()
    }

    #[test]
    fn a_minimal_briefing_is_valid() {
        assert!(errors("[[section]]\nid = \"a\"\ntitle = \"A\"\n").is_empty());
    }

    #[test]
    fn every_problem_is_reported() {
        let errs = errors(
            "[[section]]\nid = \"A\"\ntitle = \"\"\nkind = \"x\"\n[[section]]\nid = \"b\"\ntitle = \"B\"\n[[section.item]]\nid = \"b\"\ntitle = \"i\"\n",
        );
        assert_eq!(errs.len(), 4, "{errs:#?}");
        assert!(errs[0].starts_with("section[0].id"));
    }

    #[test]
    fn change_needs_basis_and_unit() {
        let errs = errors(
            "[[section]]\nid = \"a\"\ntitle = \"A\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nchange = 1.0\n",
        );
        assert!(errs.iter().any(|e| e.contains("basis")), "{errs:?}");
        assert!(errs.iter().any(|e| e.contains("change_unit")), "{errs:?}");
    }

    #[test]
    fn cite_must_be_in_the_body_ignoring_white_space() {
        let ok = "[[section]]\nid = \"a\"\ntitle = \"A\"\nbody = \"\"\"下降\n6.32%\"\"\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 1\ncite = \"下降 6.32%\"\n";
        assert!(errors(ok).is_empty());
        let bad = ok.replace("下降 6.32%\"\n", "上升\"\n");
        assert_eq!(errors(&bad).len(), 1);
    }

    #[test]
    fn points_need_a_percent_unit() {
        let errs = errors(
            "[[section]]\nid = \"a\"\ntitle = \"A\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 3\nunit = \"起\"\nchange = 1\nchange_unit = \"pp\"\nbasis = \"yoy\"\n",
        );
        assert_eq!(errs.len(), 1, "{errs:?}");
    }

    #[test]
    fn history_must_be_earlier_and_unique() {
        let errs = errors(
            "[[section]]\nid = \"a\"\ntitle = \"A\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 3\nhistory = [{ period = \"2023\", value = 1 }, { period = \"2022\", value = 1 }, { period = \"2022\", value = 2 }]\n",
        );
        assert_eq!(errs.len(), 2, "{errs:?}");
    }

    #[test]
    fn schema_two_names_the_supported_version() {
        let src = HEAD.replace("schema = 1", "schema = 2");
        let src = format!("{src}[[section]]\nid = \"a\"\ntitle = \"A\"\n");
        let (raw, _) = decode(&src);
        let (_, diags) = validate(raw, &src);
        assert!(diags[0].message.contains("schema 1"));
    }

    #[test]
    fn warnings_for_controls_empty_campaigns_and_missing_cites() {
        let diags = check(
            "[[section]]\nid = \"a\"\nkind = \"campaign\"\ntitle = \"A\\u001b\"\n[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 1\n",
        );
        let warnings: Vec<_> = diags.iter().filter(|d| !d.is_error()).collect();
        assert_eq!(warnings.len(), 3, "{diags:#?}");
        assert!(diags.iter().all(|d| !d.is_error()));
    }

    #[test]
    fn model_text_is_sanitised() {
        let src = format!(
            "{HEAD}[[section]]\nid = \"a\"\ntitle = \"A\\u001b[2J\"\nbody = \"x\\u009b\"\n"
        );
        let (raw, _) = decode(&src);
        let b = validate(raw, &src).0.unwrap();
        assert_eq!(b.sections[0].title, "A␛[2J");
        assert_eq!(b.sections[0].body, ["x<U+009B>"]);
    }
}
