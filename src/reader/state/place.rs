//! A section's place across periods: what names it, and where it is in
//! another period's briefing.

use crate::model::{Briefing, Section, SectionKind};

/// What names a section across periods, most telling first.
pub(super) struct Here {
    pub id: String,
    pub title: String,
    pub number: Option<u32>,
    pub kind: SectionKind,
}

impl Here {
    /// The same section in `b`: the same id, else the same title, else the
    /// same campaign number, else the first of the same kind.
    pub(super) fn find(&self, b: &Briefing) -> Option<usize> {
        let by = |f: &dyn Fn(&Section) -> bool| b.sections.iter().position(f);
        by(&|s| *s.id == *self.id)
            .or_else(|| by(&|s| *s.title == *self.title))
            .or_else(|| self.number.and_then(|n| by(&|s| s.number == Some(n))))
            .or_else(|| by(&|s| s.kind == self.kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn briefing(sections: &str) -> Briefing {
        let text = format!(
            "schema = 1\n[briefing]\ntitle = \"t\"\norganization = \"o\"\nperiod = \"2024\"\n{sections}"
        );
        let (b, report) = crate::load::check_text("t.toml", text);
        b.unwrap_or_else(|| panic!("{}", report.render()))
    }

    fn section(id: &str, kind: &str, title: &str) -> String {
        format!(
            "[[section]]\nid = \"{id}\"\nkind = \"{kind}\"\ntitle = \"{title}\"\nbody = \"x\"\n"
        )
    }

    #[test]
    fn id_then_title_then_campaign_number_then_kind() {
        let b = briefing(
            &[
                section("lead", "lead", "综述"),
                section("c1", "campaign", "一号行动"),
                section("c2", "campaign", "二号行动"),
                section("out", "outlook", "展望"),
            ]
            .concat(),
        );
        let here = |id: &str, title: &str, number, kind| Here {
            id: id.into(),
            title: title.into(),
            number,
            kind,
        };
        let c = SectionKind::Campaign;
        assert_eq!(here("c2", "?", Some(1), c).find(&b), Some(2), "the id");
        assert_eq!(
            here("x", "二号行动", Some(1), c).find(&b),
            Some(2),
            "the title"
        );
        assert_eq!(here("x", "?", Some(2), c).find(&b), Some(2), "the number");
        assert_eq!(here("x", "?", Some(7), c).find(&b), Some(1), "the kind");
        let general = here("x", "?", None, SectionKind::General);
        assert_eq!(general.find(&b), None);
    }
}
