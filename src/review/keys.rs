//! The review's keys, as one table: it maps key events to actions and
//! writes the help.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::state::{Action, Overlay};

/// A key of the table.
#[derive(Debug, Clone, Copy)]
pub(super) enum Key {
    Code(KeyCode),
    Ctrl(char),
}

/// Keys, the action they do, how the help names them, and the i18n id of
/// what they do.
pub(super) struct Binding {
    pub keys: &'static [Key],
    pub action: fn() -> Action,
    pub shown: &'static str,
    pub help: &'static str,
}

use Key::{Code, Ctrl};

pub(super) const KEYS: &[Binding] = &[
    Binding {
        keys: &[Code(KeyCode::Enter), Code(KeyCode::Char(' '))],
        action: || Action::Keep,
        shown: "Enter Space",
        help: "rev.key_keep",
    },
    Binding {
        keys: &[Code(KeyCode::Char('d')), Code(KeyCode::Delete)],
        action: || Action::Drop,
        shown: "d Del",
        help: "rev.key_drop",
    },
    Binding {
        keys: &[Code(KeyCode::Char('e'))],
        action: || Action::Edit,
        shown: "e",
        help: "rev.key_edit",
    },
    Binding {
        keys: &[Code(KeyCode::Char('g'))],
        action: || Action::FlipGood,
        shown: "g",
        help: "rev.key_good",
    },
    Binding {
        keys: &[
            Code(KeyCode::Char('j')),
            Code(KeyCode::Down),
            Code(KeyCode::Right),
            Code(KeyCode::Tab),
        ],
        action: || Action::Next,
        shown: "j ↓ →",
        help: "rev.key_next",
    },
    Binding {
        keys: &[
            Code(KeyCode::Char('k')),
            Code(KeyCode::Up),
            Code(KeyCode::Left),
            Code(KeyCode::BackTab),
        ],
        action: || Action::Previous,
        shown: "k ↑ ←",
        help: "rev.key_previous",
    },
    Binding {
        keys: &[Code(KeyCode::Char('?'))],
        action: || Action::Help,
        shown: "?",
        help: "rev.key_help",
    },
    Binding {
        keys: &[Code(KeyCode::Char('q')), Ctrl('c')],
        action: || Action::Finish,
        shown: "q Ctrl-C",
        help: "rev.key_finish",
    },
];

fn matches(key: Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match key {
        Code(code) => !ctrl && event.code == code,
        Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
    }
}

/// The action of `event` in the state `overlay`, if any.
pub(super) fn action(overlay: &Overlay, event: &Event) -> Option<Action> {
    let key = match event {
        Event::Paste(text) if matches!(overlay, Overlay::Edit(_)) => {
            return Some(Action::Type(text.clone()));
        }
        Event::Key(k) if k.kind != KeyEventKind::Release => k,
        _ => return None,
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match overlay {
        Overlay::Edit(_) => match key.code {
            KeyCode::Enter => Some(Action::Accept),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Char('c') if ctrl => Some(Action::Cancel),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !ctrl => Some(Action::Type(c.to_string())),
            _ => None,
        },
        Overlay::Confirm => match key.code {
            KeyCode::Enter | KeyCode::Char('y' | 'w') => Some(Action::Accept),
            KeyCode::Char('n') => Some(Action::Discard),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Char('c') if ctrl => Some(Action::Discard),
            _ => None,
        },
        Overlay::Help if key.code == KeyCode::Esc => Some(Action::Cancel),
        Overlay::Help | Overlay::None => KEYS
            .iter()
            .find(|b| b.keys.iter().any(|&k| matches(k, key)))
            .map(|b| (b.action)()),
    }
}
