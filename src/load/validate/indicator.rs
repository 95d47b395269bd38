//! Validating the indicators of a section or an item: the figures, their
//! change, history and comparisons, each with its span.

use super::*;
use crate::load::raw::{RawCompare, RawIndicator, RawPoint};
use crate::model::{Basis, Change, ChangeUnit, Comparison, Good, Indicator, Point};

impl Validator<'_> {
    pub(super) fn indicators(
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
        let good = self.good(&r.good, key);
        let history = self.history(r, key);
        let compare = r
            .compare
            .iter()
            .enumerate()
            .filter_map(|(c, cmp)| self.compare(cmp, &format!("{key}.compare[{c}]")))
            .collect();
        let cite = self.line(&r.cite, &format!("{key}.cite"));
        self.cite_found(r, key, (&header, &id), holder, body);
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
            value_line: r.value.as_ref().map_or(0, |v| self.line_of(v.span().start)),
        }
    }

    /// `good = "up"` or `"down"`.
    fn good(&mut self, good: &Opt<String>, key: &str) -> Option<Good> {
        let g = good.as_ref()?;
        match g.get_ref().as_str() {
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
        }
    }

    /// The history's points, each period at most once.
    fn history(&mut self, r: &RawIndicator, key: &str) -> Vec<Point> {
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
        history
    }

    /// The cite is stated (a warning if not) and found, white space aside,
    /// in the text of its `holder` (an error if not).
    fn cite_found(
        &mut self,
        r: &RawIndicator,
        key: &str,
        (header, id): (&Range<usize>, &str),
        holder: &str,
        body: Option<&str>,
    ) {
        match (&r.cite, body) {
            (None, _) => self.warning(header.clone(), key, subst(t("d.no_cite"), &[&quote(id)])),
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
        let unit = self.change_unit(r, key, amount_field.span());
        let basis = self.basis(&r.basis, key, header);
        Some(Change {
            amount: amount?,
            unit: unit?,
            basis: basis?,
        })
    }

    /// `change_unit`: `%`, `pp` (only for a value in %), or a unit of its own.
    fn change_unit(
        &mut self,
        r: &RawIndicator,
        key: &str,
        change: Range<usize>,
    ) -> Option<ChangeUnit> {
        let Some(u) = &r.change_unit else {
            self.error(
                change,
                &format!("{key}.change_unit"),
                t("d.needs_change_unit").into(),
            );
            return None;
        };
        match u.get_ref().as_str() {
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
        }
    }

    /// `basis = "yoy"` or `"pop"`: required with a change.
    fn basis(&mut self, basis: &Opt<String>, key: &str, header: &Range<usize>) -> Option<Basis> {
        let Some(b) = basis else {
            self.error(
                header.clone(),
                &format!("{key}.basis"),
                t("d.needs_basis").into(),
            );
            return None;
        };
        match b.get_ref().as_str() {
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
        }
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
            line: self.line_of(p.span().start),
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
