//! What input asks for: named commands from the key table, and the raw
//! material of the search prompt.

/// A command a key can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Command {
    Quit,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Campaign section n (1-based).
    Campaign(u8),
    NextSection,
    PrevSection,
    NextItem,
    PrevItem,
    FocusNext,
    FocusPrev,
    Select,
    Search,
    NextMatch,
    PrevMatch,
    Help,
    Close,
    Present,
    /// The previous or next period of the organisation (several briefings loaded).
    PrevPeriod,
    NextPeriod,
    /// The comparison table of the section's indicators across periods.
    Compare,
    /// The indicator detail's chart: the cursor to the next or previous point.
    NextPoint,
    PrevPoint,
    /// Slides: the next, the previous, the first and the last slide.
    Next,
    Prev,
    First,
    Last,
    /// Slides: blank the screen, or bring the slide back.
    Blank,
    /// Slides: a white screen, or the slide back.
    White,
    /// Slides: go to slide N (a number typed after it, then Enter).
    GoTo,
    /// Slides: the slide index.
    Index,
    /// Slides: start or pause the clock; reset it.
    Clock,
    ClockReset,
    /// Slides, following: back to the presenter's slide.
    Follow,
}

/// Everything that can change the reader's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    Command(Command),
    /// A character typed into the search prompt.
    Input(char),
    /// Text pasted (bracketed paste) into the search prompt.
    Paste(String),
    Backspace,
    Submit,
    Cancel,
}
