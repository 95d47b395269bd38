//! The presentation's keys, in the same table form as the reader's.

use crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keys::Binding;
use crate::tui::keys::Key::{self, Char, Code, Ctrl};

pub const PRESENT: &[Binding] = &[
    Binding {
        keys: &[
            Code(KeyCode::Right),
            Char('l'),
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
            Code(KeyCode::PageUp),
            Code(KeyCode::Backspace),
        ],
        command: Command::Prev,
        help: "s.prev",
        hint: None,
    },
    Binding {
        keys: &[Key::Digits],
        command: Command::Campaign(1),
        help: "s.campaign",
        hint: None,
    },
    Binding {
        keys: &[Char('g'), Code(KeyCode::Home)],
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
        keys: &[Char('b'), Char('.')],
        command: Command::Blank,
        help: "s.blank",
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
