//! A headline figure as a slide shows it: the number drawn in big glyphs
//! with its magnitude beside it (`3.4` + `万余人` at the glyphs' baseline),
//! and a caption (the label, then the basis and the stated value). No theme
//! and no terminal here: the deck builder measures it, the view draws it.

use crate::layout::width::str_width;
use crate::model::{Indicator, Verdict, format_number, format_value};

use super::bignum::{self, Scale};

/// One headline figure, as text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Kpi {
    /// What the big glyphs draw: a sign, digits, a point, a percent sign.
    pub glyphs: String,
    /// The magnitude the font cannot draw (`万余人`, `余次`, `个百分点`),
    /// written at the glyphs' baseline; empty when the glyphs say it all.
    pub unit: String,
    pub label: String,
    /// The basis of a change and the value stated beside it (`同比 · 0.11%`).
    pub detail: String,
    /// `Some` for a change (judged by `good`), `None` for a plain value.
    pub verdict: Option<Verdict>,
}

/// How a figure's number is drawn at a scale: braille glyphs, or (when the
/// font lacks a character, or nothing bigger fits) plain text on one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Glyphs {
    Big(Scale),
    Plain,
}

impl Glyphs {
    /// Rows the number takes.
    pub(crate) fn rows(self) -> u16 {
        match self {
            Glyphs::Big(s) => s.rows() as u16,
            Glyphs::Plain => 1,
        }
    }
}

fn signed(amount: f64) -> (&'static str, &'static str) {
    if amount > 0.0 {
        ("↑", "+")
    } else if amount < 0.0 {
        ("↓", "−")
    } else {
        ("", "")
    }
}

impl Kpi {
    pub(crate) fn of(ind: &Indicator) -> Kpi {
        let (number, unit, verdict, basis) = match (&ind.change, ind.value) {
            (Some(c), _) => {
                let (arrow, sign) = signed(c.amount);
                (
                    format!("{arrow}{sign}{}", format_number(c.amount.abs())),
                    c.unit.suffix().to_string(),
                    Some(ind.verdict()),
                    Some(c.basis.label()),
                )
            }
            (None, Some(v)) => (
                format_number(v),
                ind.unit.clone().unwrap_or_default(),
                None,
                None,
            ),
            (None, None) => (String::new(), String::new(), None, None),
        };
        let (glyphs, unit) = if unit == "%" {
            (format!("{number}%"), String::new())
        } else {
            (number, unit)
        };
        let mut detail: Vec<String> = Vec::new();
        if let Some(b) = basis {
            detail.push(b.to_string());
            if let Some(v) = ind.value {
                detail.push(format_value(v, ind.unit.as_deref()));
            }
        }
        Kpi {
            glyphs,
            unit,
            label: ind.label.clone(),
            detail: detail.join(" · "),
            verdict,
        }
    }

    /// The number's rows at `g`: braille when the font has every character,
    /// else the plain text on the baseline row.
    pub(crate) fn rows(&self, g: Glyphs) -> Vec<String> {
        let big = match g {
            Glyphs::Big(scale) => bignum::render(&self.glyphs, scale),
            Glyphs::Plain => None,
        };
        big.unwrap_or_else(|| {
            let mut rows = vec![String::new(); usize::from(g.rows()) - 1];
            rows.push(self.glyphs.clone());
            rows
        })
    }

    /// Columns the glyphs take at `g` (the unit not counted).
    pub(crate) fn glyph_width(&self, g: Glyphs) -> usize {
        let big = match g {
            Glyphs::Big(scale) => bignum::columns(&self.glyphs, scale),
            Glyphs::Plain => None,
        };
        big.unwrap_or_else(|| str_width(&self.glyphs))
    }

    /// The number and its unit as one line of text.
    pub(crate) fn plain(&self) -> String {
        if self.unit.is_empty() {
            self.glyphs.clone()
        } else {
            format!("{} {}", self.glyphs, self.unit)
        }
    }

    /// Columns of the glyphs and the unit beside them.
    pub(crate) fn number_width(&self, g: Glyphs) -> usize {
        let unit = if self.unit.is_empty() {
            0
        } else {
            1 + str_width(&self.unit)
        };
        self.glyph_width(g) + unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Basis, Change, ChangeUnit, Good};

    fn indicator(value: Option<f64>, unit: Option<&str>, change: Option<Change>) -> Indicator {
        Indicator {
            id: "x".into(),
            label: "抓获违法犯罪嫌疑人".into(),
            value,
            unit: unit.map(str::to_string),
            change,
            good: Some(Good::Up),
            history: Vec::new(),
            compare: Vec::new(),
            note: None,
            cite: None,
            value_line: 0,
        }
    }

    #[test]
    fn the_magnitude_stays_with_the_number() {
        let k = Kpi::of(&indicator(Some(3.4), Some("万余人"), None));
        assert_eq!((k.glyphs.as_str(), k.unit.as_str()), ("3.4", "万余人"));
        assert!(!k.detail.contains("万"), "not only in the caption");
        let rows = k.rows(Glyphs::Big(Scale::Large));
        assert_eq!(rows.len(), 5);
        assert_eq!(
            k.number_width(Glyphs::Big(Scale::Large)),
            k.glyph_width(Glyphs::Big(Scale::Large)) + 1 + 6
        );
    }

    #[test]
    fn a_percent_is_drawn_in_the_glyphs_and_points_beside_them() {
        let pct = Change {
            amount: -6.32,
            unit: ChangeUnit::Percent,
            basis: Basis::Yoy,
        };
        let k = Kpi::of(&indicator(None, None, Some(pct)));
        assert_eq!((k.glyphs.as_str(), k.unit.as_str()), ("↓−6.32%", ""));
        assert_eq!(k.verdict, Some(Verdict::Worse));
        let pp = Change {
            amount: 31.9,
            unit: ChangeUnit::Points,
            basis: Basis::Yoy,
        };
        let k = Kpi::of(&indicator(Some(0.11), Some("%"), Some(pp)));
        assert_eq!((k.glyphs.as_str(), k.unit.as_str()), ("↑+31.9", "个百分点"));
        assert_eq!(k.detail, "同比 · 0.11%");
    }

    #[test]
    fn a_number_the_font_lacks_is_drawn_plain_on_the_baseline() {
        let k = Kpi::of(&indicator(Some(1e22), Some("元"), None));
        let rows = k.rows(Glyphs::Big(Scale::Large));
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[4], k.glyphs);
        assert!(rows[..4].iter().all(String::is_empty));
    }
}
