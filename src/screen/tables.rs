//! Every mode's keys, as data: the reader's and the slides' tables. They
//! live together in the toolkit so that the user's overrides are checked
//! against all of them when the config is read (a key taken from `quit`
//! must leave it another everywhere).

use crossterm::event::KeyCode;

use super::action::Command;
use super::keys::Binding;
use super::keys::Key::{self, Char, Code, Ctrl};

/// The reader's keys.
pub(crate) const READER: &[Binding] = &[
    Binding {
        keys: &[Key::Digits],
        command: Command::Campaign(1),
        help: "k.campaign",
        hint: Some("h.sections"),
    },
    Binding {
        keys: &[Char(']')],
        command: Command::NextSection,
        help: "k.next_section",
        hint: None,
    },
    Binding {
        keys: &[Char('[')],
        command: Command::PrevSection,
        help: "k.prev_section",
        hint: None,
    },
    Binding {
        keys: &[Char('}')],
        command: Command::NextItem,
        help: "k.next_item",
        hint: None,
    },
    Binding {
        keys: &[Char('{')],
        command: Command::PrevItem,
        help: "k.prev_item",
        hint: None,
    },
    Binding {
        keys: &[Char('j'), Code(KeyCode::Down)],
        command: Command::Down,
        help: "k.down",
        hint: None,
    },
    Binding {
        keys: &[Char('k'), Code(KeyCode::Up)],
        command: Command::Up,
        help: "k.up",
        hint: None,
    },
    Binding {
        keys: &[Char(' '), Code(KeyCode::PageDown)],
        command: Command::PageDown,
        help: "k.page_down",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::PageUp)],
        command: Command::PageUp,
        help: "k.page_up",
        hint: None,
    },
    Binding {
        keys: &[Char('g'), Code(KeyCode::Home)],
        command: Command::Top,
        help: "k.top",
        hint: None,
    },
    Binding {
        keys: &[Char('G'), Code(KeyCode::End)],
        command: Command::Bottom,
        help: "k.bottom",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Tab)],
        command: Command::FocusNext,
        help: "k.focus_next",
        hint: Some("h.panes"),
    },
    Binding {
        keys: &[Code(KeyCode::BackTab)],
        command: Command::FocusPrev,
        help: "k.focus_prev",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Enter)],
        command: Command::Select,
        help: "k.select",
        hint: None,
    },
    Binding {
        keys: &[Char('<')],
        command: Command::PrevPeriod,
        help: "k.prev_period",
        hint: None,
    },
    Binding {
        keys: &[Char('>')],
        command: Command::NextPeriod,
        help: "k.next_period",
        hint: None,
    },
    Binding {
        keys: &[Char('c')],
        command: Command::Compare,
        help: "k.compare",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Right)],
        command: Command::NextPoint,
        help: "k.next_point",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Left)],
        command: Command::PrevPoint,
        help: "k.prev_point",
        hint: None,
    },
    Binding {
        keys: &[Char('/')],
        command: Command::Search,
        help: "k.search",
        hint: Some("h.search"),
    },
    Binding {
        keys: &[Char('n')],
        command: Command::NextMatch,
        help: "k.next_match",
        hint: None,
    },
    Binding {
        keys: &[Char('N')],
        command: Command::PrevMatch,
        help: "k.prev_match",
        hint: None,
    },
    Binding {
        keys: &[Char('p')],
        command: Command::Present,
        help: "k.present",
        hint: Some("h.present"),
    },
    Binding {
        keys: &[Char('?')],
        command: Command::Help,
        help: "k.help",
        hint: Some("h.help"),
    },
    Binding {
        keys: &[Code(KeyCode::Esc)],
        command: Command::Close,
        help: "k.close",
        hint: None,
    },
    Binding {
        keys: &[Char('q'), Ctrl('c')],
        command: Command::Quit,
        help: "k.quit",
        hint: Some("h.quit"),
    },
];

/// The slides' keys.
pub(crate) const PRESENT: &[Binding] = &[
    Binding {
        keys: &[
            Code(KeyCode::Right),
            Char('l'),
            Char('n'),
            Char(' '),
            Code(KeyCode::PageDown),
            Code(KeyCode::Enter),
        ],
        command: Command::Next,
        help: "s.next",
        hint: None,
    },
    Binding {
        keys: &[
            Code(KeyCode::Left),
            Char('h'),
            Char('p'),
            Code(KeyCode::PageUp),
            Code(KeyCode::Backspace),
        ],
        command: Command::Prev,
        help: "s.prev",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Down), Char('j')],
        command: Command::Down,
        help: "s.down",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Up), Char('k')],
        command: Command::Up,
        help: "s.up",
        hint: None,
    },
    Binding {
        keys: &[Key::Digits],
        command: Command::Campaign(1),
        help: "s.campaign",
        hint: None,
    },
    Binding {
        keys: &[Char('g'), Char(':')],
        command: Command::GoTo,
        help: "s.go_to",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Home)],
        command: Command::First,
        help: "s.first",
        hint: None,
    },
    Binding {
        keys: &[Char('G'), Code(KeyCode::End)],
        command: Command::Last,
        help: "s.last",
        hint: None,
    },
    Binding {
        keys: &[Char('o'), Code(KeyCode::Tab)],
        command: Command::Index,
        help: "s.index",
        hint: None,
    },
    Binding {
        keys: &[Char('b'), Char('.')],
        command: Command::Blank,
        help: "s.blank",
        hint: None,
    },
    Binding {
        keys: &[Char('w')],
        command: Command::White,
        help: "s.white",
        hint: None,
    },
    Binding {
        keys: &[Char('t')],
        command: Command::Clock,
        help: "s.clock",
        hint: None,
    },
    Binding {
        keys: &[Char('T')],
        command: Command::ClockReset,
        help: "s.clock_reset",
        hint: None,
    },
    Binding {
        keys: &[Char('f')],
        command: Command::Follow,
        help: "s.follow",
        hint: None,
    },
    Binding {
        keys: &[Char('?')],
        command: Command::Help,
        help: "k.help",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Esc)],
        command: Command::Close,
        help: "s.close",
        hint: None,
    },
    Binding {
        keys: &[Char('q'), Ctrl('c')],
        command: Command::Quit,
        help: "k.quit",
        hint: None,
    },
];
