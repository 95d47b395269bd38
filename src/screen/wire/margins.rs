//! Left/right margins (DECLRMM, DEC private mode 69): whether the terminal
//! has them, whether they are switched on, and the sequences that scroll a
//! block of columns inside them (DECSLRM + DECSTBM + SU/SD).
//!
//! The terminal is asked once at start (DECRQM, `ASK_MARGINS`); until it
//! answers that it knows the mode, margins are never used. The mode is
//! switched on with the first scroll that uses it and off again by
//! `terminal::restore`, the one way out of full-screen mode.

use std::cell::Cell;

use super::band::Scroll;

/// The query whose answer `set_terminal_margins` takes (DECRQM 69).
pub(crate) const ASK_MARGINS: &str = "\x1b[?69$p";

// Per thread: the thread that runs a terminal's loop (one for the local
// terminal, one a session for `briefing serve`) is the one that draws on it.
thread_local! {
    /// Whether the terminal said it knows DECLRMM.
    static TERMINAL_MARGINS: Cell<bool> = const { Cell::new(false) };

    /// Whether DECLRMM has been switched on (and not off since).
    static MODE_ON: Cell<bool> = const { Cell::new(false) };

    /// How many times the terminal was restored: a backend that switched the
    /// mode on before the last restore (Ctrl-Z, then `fg`) switches it on again.
    static RESTORES: Cell<usize> = const { Cell::new(0) };
}

const ENABLE: &str = "\x1b[?69h";
const DISABLE: &str = "\x1b[?69l";

/// What the terminal answered to DECRQM 69 (DECRPM state): 1 set, 2 reset
/// and 3 permanently set are a mode it has; 0 (unknown) and 4 (permanently
/// reset) are not.
pub(crate) fn knows_mode(state: &str) -> bool {
    matches!(state, "1" | "2" | "3")
}

/// Record the terminal's answer.
pub(crate) fn set_terminal_margins(yes: bool) {
    TERMINAL_MARGINS.with(|c| c.set(yes));
}

pub(crate) fn terminal_margins() -> bool {
    TERMINAL_MARGINS.with(Cell::get)
}

/// The bytes that move `s` on the terminal, with `mode_on` saying whether
/// DECLRMM is already on. A full-width block needs no margins: DECSTBM,
/// SU/SD, DECSTBM reset. A narrower one sets the margins first and resets
/// them after (`CSI s` is DECSLRM while the mode is on). Both home the cursor.
pub(crate) fn scroll_sequence(s: Scroll, width: usize, mode_on: bool) -> String {
    let verb = if s.up { 'S' } else { 'T' };
    // Parameters at their defaults (the first row or column, one line) are left out.
    let first = |n: usize| {
        if n == 0 {
            String::new()
        } else {
            (n + 1).to_string()
        }
    };
    let lines = if s.lines == 1 {
        String::new()
    } else {
        s.lines.to_string()
    };
    let rows = format!(
        "\x1b[{};{}r\x1b[{lines}{verb}\x1b[r",
        first(s.top),
        s.bottom + 1
    );
    if s.is_full_width(width) {
        return rows;
    }
    let enable = if mode_on { "" } else { ENABLE };
    format!(
        "{enable}\x1b[{};{}s{rows}\x1b[s",
        first(s.left),
        s.right + 1
    )
}

/// The number of restores so far: a mode switched on since the last restore is on.
pub(crate) fn epoch() -> usize {
    RESTORES.with(Cell::get)
}

/// A sequence from `scroll_sequence(.., false)` is being sent.
pub(crate) fn switched_on() {
    MODE_ON.with(|c| c.set(true));
}

/// What to send on leaving full-screen mode: DECLRMM off, if it was switched on.
pub(crate) fn reset_sequence() -> &'static str {
    RESTORES.with(|c| c.set(c.get() + 1));
    if MODE_ON.with(|c| c.replace(false)) {
        DISABLE
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(left: usize, right: usize) -> Scroll {
        Scroll {
            top: 0,
            bottom: 38,
            left,
            right,
            lines: 1,
            up: true,
        }
    }

    #[test]
    fn the_answers_that_mean_the_mode_is_there() {
        let yes: Vec<&str> = ["0", "1", "2", "3", "4", "", "x"]
            .into_iter()
            .filter(|s| knows_mode(s))
            .collect();
        assert_eq!(yes, ["1", "2", "3"]);
    }

    #[test]
    fn sequences() {
        assert_eq!(
            scroll_sequence(block(0, 119), 120, false),
            "\x1b[;39r\x1b[S\x1b[r"
        );
        assert_eq!(
            scroll_sequence(block(27, 78), 120, false),
            "\x1b[?69h\x1b[28;79s\x1b[;39r\x1b[S\x1b[r\x1b[s"
        );
        let down = Scroll {
            up: false,
            lines: 3,
            top: 2,
            ..block(0, 78)
        };
        assert_eq!(
            scroll_sequence(down, 120, true),
            "\x1b[;79s\x1b[3;39r\x1b[3T\x1b[r\x1b[s"
        );
    }
}
