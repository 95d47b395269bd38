//! Display width, through one East Asian ambiguous-width setting.
//!
//! Narrow by default; wide for terminals that draw ambiguous characters
//! (“ ” … ─ ▁ …) two columns wide, as many Chinese setups do.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

static AMBIGUOUS_WIDE: AtomicBool = AtomicBool::new(false);

/// Set how ambiguous-width characters are measured, for the whole program.
pub(crate) fn set_ambiguous_wide(wide: bool) {
    AMBIGUOUS_WIDE.store(wide, Ordering::Relaxed);
}

thread_local! {
    static OVERRIDE: Cell<Option<bool>> = const { Cell::new(None) };
}

pub(crate) fn ambiguous_is_wide() -> bool {
    OVERRIDE
        .with(Cell::get)
        .unwrap_or_else(|| AMBIGUOUS_WIDE.load(Ordering::Relaxed))
}

/// Run `f` with the setting overridden on this thread only (for tests and
/// for comparing the two measures side by side).
pub(crate) fn with_ambiguous_wide<T>(wide: bool, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(wide)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

/// Columns taken by `s`.
pub(crate) fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    if ambiguous_is_wide() {
        s.width_cjk()
    } else {
        s.width()
    }
}

/// Columns taken by `c` alone (controls count as zero).
pub(crate) fn char_width(c: char) -> usize {
    let w = if ambiguous_is_wide() {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0)
}

/// Whether `c` has a different width under the two settings.
pub(crate) fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(str_width("西宁"), 4);
        assert_eq!(str_width("a西"), 3);
        assert_eq!(str_width("６"), 2);
    }

    #[test]
    fn ambiguous_quotes_are_ambiguous() {
        assert!(is_ambiguous('“'));
        assert!(is_ambiguous('▁'));
        assert!(!is_ambiguous('⣿'));
        assert!(!is_ambiguous('a'));
        assert!(!is_ambiguous('西'));
    }
}

/// A stand-in of the same CJK width that no terminal draws ambiguously.
fn stand_in(c: char) -> &'static str {
    match c {
        '“' => "「",
        '”' => "」",
        '‘' => "『",
        '’' => "』",
        '…' => "..",
        '—' | '―' => "--",
        '·' => "・",
        '×' => "ｘ",
        '※' => "＊",
        '±' => "+-",
        '→' => "->",
        '←' => "<-",
        '↑' => "＾",
        '↓' => "ｖ",
        '°' => "゜",
        _ => "？",
    }
}

/// Text as it is drawn: unchanged when ambiguous characters are narrow; when
/// they are wide, each replaced by a stand-in of the same width (2) that is
/// never ambiguous, so ratatui and the terminal agree on every column.
pub(crate) fn for_display(s: &str) -> std::borrow::Cow<'_, str> {
    if !ambiguous_is_wide() || !s.chars().any(is_ambiguous) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_ambiguous(c) {
            out.push_str(stand_in(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod display_tests {
    use super::*;

    #[test]
    fn stand_ins_keep_the_width_and_are_not_ambiguous() {
        with_ambiguous_wide(true, || {
            let all: String = (0x20u32..0x3000)
                .filter_map(char::from_u32)
                .filter(|&c| is_ambiguous(c))
                .collect();
            for c in all.chars() {
                let shown = for_display(&c.to_string()).into_owned();
                assert!(!shown.chars().any(is_ambiguous), "{c:?} → {shown:?}");
                assert_eq!(
                    str_width(&shown),
                    str_width(&c.to_string()),
                    "{c:?} → {shown:?}"
                );
            }
        });
    }

    #[test]
    fn narrow_mode_draws_text_as_it_is() {
        with_ambiguous_wide(false, || assert_eq!(for_display("“西宁”…"), "“西宁”…"));
    }
}
