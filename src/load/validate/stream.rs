//! Validation a section at a time, for loading a file in pieces.

use super::*;

/// Validation a section at a time: the head (`schema`, `[briefing]`) first,
/// then each section as it is decoded, so that the raw layer of the whole
/// file never exists at once. The problems come out in the order of
/// [`validate`] over the whole document.
pub(crate) struct Stream<'a> {
    v: Validator<'a>,
    schema: Option<Spanned<i64>>,
    meta: Option<Briefing>,
    /// The problems of `[briefing]` (the head's late problems go after them).
    head: Bounded,
    sections: Vec<Section>,
}

impl<'a> Stream<'a> {
    /// Start with the head; `sections` is how many sections are expected
    /// (room is made for them at once, not by doubling).
    pub(crate) fn new(source: &'a str, head: &RawDoc, sections: usize) -> Stream<'a> {
        let mut v = Validator {
            source,
            lines: std::cell::OnceCell::new(),
            diags: Bounded::default(),
            ids: Ids::default(),
            indicator_ids: Ids::default(),
            period: None,
            in_section: 0,
            hidden: (0, 0),
        };
        let meta = head.meta.as_ref().map(|m| v.meta(m));
        Stream {
            head: std::mem::take(&mut v.diags),
            schema: head.schema.clone(),
            meta,
            v,
            sections: Vec::with_capacity(sections),
        }
    }

    /// Validate the next section that decoded.
    pub(crate) fn section(&mut self, s: &Spanned<RawSection>) {
        let i = self.sections.len();
        let section = self.v.section(s, i);
        self.sections.push(section);
    }

    /// The problems that need the whole file (`incomplete`: whether any
    /// piece failed to decode), then the briefing when there is no error.
    pub(crate) fn finish(mut self, incomplete: bool) -> (Option<Briefing>, Bounded) {
        let sections = std::mem::take(&mut self.v.diags);
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
        let mut diags = schema;
        diags.append(self.head);
        diags.append(late);
        diags.append(sections);
        let ok = !diags.has_errors();
        let briefing = self.meta.map(|mut briefing| {
            briefing.sections = self.sections;
            briefing.number_campaigns();
            briefing
        });
        (briefing.filter(|_| ok), diags)
    }
}
