//! Display width, through one East Asian ambiguous-width setting.
//!
//! Narrow by default; wide for terminals that draw ambiguous characters
//! (“ ” … ─ ▁ …) two columns wide, as many Chinese setups do.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

static AMBIGUOUS_WIDE: AtomicBool = AtomicBool::new(false);

/// Set how ambiguous-width characters are measured, for the whole program.
pub fn set_ambiguous_wide(wide: bool) {
    AMBIGUOUS_WIDE.store(wide, Ordering::Relaxed);
}

thread_local! {
    static OVERRIDE: Cell<Option<bool>> = const { Cell::new(None) };
}

pub fn ambiguous_is_wide() -> bool {
    OVERRIDE
        .with(Cell::get)
        .unwrap_or_else(|| AMBIGUOUS_WIDE.load(Ordering::Relaxed))
}

/// Run `f` with the setting overridden on this thread only (for tests and
/// for comparing the two measures side by side).
pub fn with_ambiguous_wide<T>(wide: bool, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(wide)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

/// Columns taken by `s`.
pub fn str_width(s: &str) -> usize {
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
pub fn char_width(c: char) -> usize {
    let w = if ambiguous_is_wide() {
        c.width_cjk()
    } else {
        c.width()
    };
    w.unwrap_or(0)
}

/// Whether `c` has a different width under the two settings.
pub fn is_ambiguous(c: char) -> bool {
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
