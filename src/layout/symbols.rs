//! Drawing symbols that are narrow in every terminal when ambiguous-width
//! characters are drawn wide, and the nicer ones otherwise.

use super::width::ambiguous_is_wide;

pub(crate) fn vline() -> &'static str {
    if ambiguous_is_wide() { "|" } else { "│" }
}

pub(crate) fn hline() -> &'static str {
    if ambiguous_is_wide() { "-" } else { "─" }
}

/// The mark for a change by its sign: up, down, or none.
pub(crate) fn arrow(amount: f64) -> &'static str {
    match (amount > 0.0, amount < 0.0, ambiguous_is_wide()) {
        (true, _, false) => "▲",
        (true, _, true) => "^",
        (_, true, false) => "▼",
        (_, true, true) => "v",
        _ => "=",
    }
}

pub(crate) fn bullet() -> &'static str {
    if ambiguous_is_wide() { "-" } else { "·" }
}

/// A box's corners: top left, top right, bottom left, bottom right.
pub(crate) fn corners() -> [&'static str; 4] {
    if ambiguous_is_wide() {
        ["+", "+", "+", "+"]
    } else {
        ["┌", "┐", "└", "┘"]
    }
}

/// The marks for more to read above and below.
pub(crate) fn more_above() -> &'static str {
    if ambiguous_is_wide() { "^" } else { "↑" }
}

pub(crate) fn more_below() -> &'static str {
    if ambiguous_is_wide() { "v" } else { "↓" }
}
