//! Keys as data: one table maps keys to commands, and the help overlay and
//! the status-line hints are generated from it (through `keymap`, which lays
//! the user's overrides over it), so they cannot drift.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command};

/// One key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// The digits 1–9, bound to `Command::Campaign(n)`.
    Digits,
}

impl Key {
    pub(crate) fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digits => "1-9".into(),
            Key::Code(code) => match code {
                KeyCode::Down => "Down".into(),
                KeyCode::Up => "Up".into(),
                KeyCode::Left => "Left".into(),
                KeyCode::Right => "Right".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Backspace => "Backspace".into(),
                other => format!("{other:?}"),
            },
        }
    }

    /// The command this key gives for `event`, when it matches.
    pub(super) fn matches(self, event: &KeyEvent, command: Command) -> Option<Command> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match (self, event.code) {
            (Key::Char(c), KeyCode::Char(e)) if !ctrl && c == e => Some(command),
            (Key::Ctrl(c), KeyCode::Char(e)) if ctrl && c.eq_ignore_ascii_case(&e) => Some(command),
            (Key::Digits, KeyCode::Char(d @ '1'..='9')) if !ctrl => {
                Some(Command::Campaign(d as u8 - b'0'))
            }
            (Key::Code(c), code) if c == code => Some(command),
            _ => None,
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    /// What the help overlay says (an id in `i18n`).
    pub help: &'static str,
    /// The short word in the status line, for the few keys shown there (an id in `i18n`).
    pub hint: Option<&'static str>,
}

/// Whether `table` has `command` (every digit is a campaign command).
pub(crate) fn binds(table: &[Binding], command: Command) -> bool {
    table.iter().any(|b| match (b.command, command) {
        (Command::Campaign(_), Command::Campaign(_)) => true,
        (a, c) => a == c,
    })
}

/// The command `event` is bound to in `table`.
pub(crate) fn command_for(table: &[Binding], event: &KeyEvent) -> Option<Command> {
    table
        .iter()
        .find_map(|b| b.keys.iter().find_map(|k| k.matches(event, b.command)))
}

/// Turn a terminal event into an action. While the search prompt is open,
/// keys edit the query instead of running commands.
pub(crate) fn action_for(table: &[Binding], event: &Event, prompt_open: bool) -> Option<Action> {
    match event {
        Event::Paste(text) if prompt_open => Some(Action::Paste(text.clone())),
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if prompt_open {
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                return match key.code {
                    KeyCode::Enter => Some(Action::Submit),
                    KeyCode::Esc => Some(Action::Cancel),
                    KeyCode::Char('c') if ctrl => Some(Action::Cancel),
                    KeyCode::Backspace => Some(Action::Backspace),
                    KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
                    _ => None,
                };
            }
            command_for(table, key).map(Action::Command)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screen::tables::READER;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_name_campaigns() {
        assert_eq!(
            command_for(READER, &key(KeyCode::Char('3'))),
            Some(Command::Campaign(3))
        );
        assert_eq!(command_for(READER, &key(KeyCode::Char('0'))), None);
    }

    #[test]
    fn ctrl_c_quits_and_plain_c_compares() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(command_for(READER, &ctrl_c), Some(Command::Quit));
        assert_eq!(
            command_for(READER, &key(KeyCode::Char('c'))),
            Some(Command::Compare)
        );
    }

    #[test]
    fn the_prompt_takes_letters() {
        let q = Event::Key(key(KeyCode::Char('q')));
        assert_eq!(action_for(READER, &q, true), Some(Action::Input('q')));
        assert_eq!(
            action_for(READER, &q, false),
            Some(Action::Command(Command::Quit))
        );
    }

    #[test]
    fn every_key_is_bound_once() {
        let mut seen = Vec::new();
        for b in READER {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let map = crate::screen::keymap::Keymap::default();
        assert_eq!(map.help_rows(READER).len(), READER.len());
        assert!(map.hints(READER).iter().any(|(k, _)| k == "?"));
    }
}
