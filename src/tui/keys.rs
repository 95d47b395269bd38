//! Keys as data: one table maps keys to commands, and the help overlay and
//! the status-line hints are generated from it, so they cannot drift.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command};
use crate::i18n::t;

/// One key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// The digits 1–9, bound to `Command::Campaign(n)`.
    Digits,
}

impl Key {
    pub fn name(self) -> String {
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
    fn matches(self, event: &KeyEvent, command: Command) -> Option<Command> {
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
pub struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    /// What the help overlay says (an id in `i18n`).
    pub help: &'static str,
    /// The short word in the status line, for the few keys shown there (an id in `i18n`).
    pub hint: Option<&'static str>,
}

use Key::{Char, Code, Ctrl};

/// The reader's keys.
pub const READER: &[Binding] = &[
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

/// Whether `table` has `command` (every digit is a campaign command).
pub fn binds(table: &[Binding], command: Command) -> bool {
    table.iter().any(|b| match (b.command, command) {
        (Command::Campaign(_), Command::Campaign(_)) => true,
        (a, c) => a == c,
    })
}

/// The command `event` is bound to in `table`.
pub fn command_for(table: &[Binding], event: &KeyEvent) -> Option<Command> {
    table
        .iter()
        .find_map(|b| b.keys.iter().find_map(|k| k.matches(event, b.command)))
}

/// Turn a terminal event into an action. While the search prompt is open,
/// keys edit the query instead of running commands.
pub fn action_for(table: &[Binding], event: &Event, prompt_open: bool) -> Option<Action> {
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
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

/// The help overlay's rows: keys, then what they do.
pub fn help_rows(table: &[Binding]) -> Vec<(String, &'static str)> {
    table
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.name()).collect();
            (keys.join(" "), t(b.help))
        })
        .collect()
}

/// The status line's hints: `? 帮助  / 搜索 …`.
pub fn hints(table: &[Binding]) -> Vec<(String, &'static str)> {
    table
        .iter()
        .filter_map(|b| b.hint.map(|h| (b.keys[0].name(), t(h))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(help_rows(READER).len(), READER.len());
        assert!(hints(READER).iter().any(|(k, _)| k == "?"));
    }
}

/// Commands by the names the config file uses for them. An override acts
/// where its command does: the reader's in the reader, the slides' in the
/// slides, `quit`, `help` and `close` in both.
pub const COMMAND_NAMES: &[(&str, Command)] = &[
    ("quit", Command::Quit),
    ("down", Command::Down),
    ("up", Command::Up),
    ("page_down", Command::PageDown),
    ("page_up", Command::PageUp),
    ("top", Command::Top),
    ("bottom", Command::Bottom),
    ("next_section", Command::NextSection),
    ("prev_section", Command::PrevSection),
    ("next_item", Command::NextItem),
    ("prev_item", Command::PrevItem),
    ("focus_next", Command::FocusNext),
    ("focus_prev", Command::FocusPrev),
    ("select", Command::Select),
    ("search", Command::Search),
    ("next_match", Command::NextMatch),
    ("prev_match", Command::PrevMatch),
    ("help", Command::Help),
    ("close", Command::Close),
    ("present", Command::Present),
    ("prev_period", Command::PrevPeriod),
    ("next_period", Command::NextPeriod),
    ("compare", Command::Compare),
    ("next_slide", Command::Next),
    ("prev_slide", Command::Prev),
    ("first_slide", Command::First),
    ("last_slide", Command::Last),
    ("blank", Command::Blank),
    ("follow", Command::Follow),
];

/// A key as the config file writes it: `j`, `G`, `ctrl-d`, `pgdn`, `space` …
pub fn parse_key(spec: &str) -> Option<Key> {
    let lower = spec.to_ascii_lowercase();
    if let Some(c) = lower.strip_prefix("ctrl-") {
        let mut chars = c.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphabetic() => Some(Key::Ctrl(c)),
            _ => None,
        };
    }
    let code = match lower.as_str() {
        "down" => KeyCode::Down,
        "up" => KeyCode::Up,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "pgup" | "pageup" => KeyCode::PageUp,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "tab" => KeyCode::Tab,
        "backtab" | "shift-tab" => KeyCode::BackTab,
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "backspace" => KeyCode::Backspace,
        "space" => return Some(Key::Char(' ')),
        _ => {
            let mut chars = spec.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() && !c.is_ascii_digit() => Some(Key::Char(c)),
                _ => None,
            };
        }
    };
    Some(Key::Code(code))
}

/// Keys the user bound in the config, over a table's defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    pub overrides: Vec<(Key, Command)>,
}

impl Keymap {
    /// The overrides that act in `table`: those whose command it has.
    fn active<'a>(&'a self, table: &'a [Binding]) -> impl Iterator<Item = &'a (Key, Command)> {
        self.overrides.iter().filter(|(_, c)| binds(table, *c))
    }

    /// The keys that give `command` in `table`, the overrides included.
    pub fn keys_for(&self, table: &[Binding], command: Command) -> Vec<Key> {
        table
            .iter()
            .filter(|b| b.command == command)
            .flat_map(|b| self.keys_of(table, b))
            .collect()
    }

    pub fn action_for(
        &self,
        table: &[Binding],
        event: &Event,
        prompt_open: bool,
    ) -> Option<Action> {
        if !prompt_open
            && let Event::Key(key) = event
            && key.kind != KeyEventKind::Release
            && let Some(c) = self.active(table).find_map(|(k, c)| k.matches(key, *c))
        {
            return Some(Action::Command(c));
        }
        action_for(table, event, prompt_open)
    }

    fn keys_of(&self, table: &[Binding], b: &Binding) -> Vec<Key> {
        let mut keys: Vec<Key> = b
            .keys
            .iter()
            .copied()
            .filter(|k| !self.active(table).any(|(o, _)| o == k))
            .collect();
        keys.extend(
            self.active(table)
                .filter(|(_, c)| *c == b.command)
                .map(|(k, _)| *k),
        );
        keys
    }

    /// The help overlay's rows, the overrides included.
    pub fn help_rows(&self, table: &[Binding]) -> Vec<(String, &'static str)> {
        table
            .iter()
            .map(|b| {
                (
                    self.keys_of(table, b)
                        .iter()
                        .map(|k| k.name())
                        .collect::<Vec<_>>()
                        .join(" "),
                    t(b.help),
                )
            })
            .collect()
    }

    /// The status line's hints, the overrides included.
    pub fn hints(&self, table: &[Binding]) -> Vec<(String, &'static str)> {
        table
            .iter()
            .filter_map(|b| Some((self.keys_of(table, b).first()?.name(), t(b.hint?))))
            .collect()
    }
}

#[cfg(test)]
mod keymap_tests {
    use super::*;

    #[test]
    fn overrides_win_and_show_in_the_help() {
        let map = Keymap {
            overrides: vec![
                (Key::Ctrl('d'), Command::PageDown),
                (Key::Char('j'), Command::PageDown),
            ],
        };
        let ctrl_d = Event::Key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
        assert_eq!(
            map.action_for(READER, &ctrl_d, false),
            Some(Action::Command(Command::PageDown))
        );
        let j = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(
            map.action_for(READER, &j, false),
            Some(Action::Command(Command::PageDown))
        );
        assert_eq!(
            map.action_for(READER, &j, true),
            Some(Action::Input('j')),
            "the prompt still takes letters"
        );
        let rows = map.help_rows(READER);
        let down = rows
            .iter()
            .find(|(_, h)| *h == "下移一行 / 下一项")
            .unwrap();
        assert_eq!(down.0, "Down", "j moved away from Down");
        let page = rows.iter().find(|(_, h)| *h == "下一页").unwrap();
        assert_eq!(page.0, "Space PgDn Ctrl-D j");
    }

    #[test]
    fn overrides_act_where_their_command_does() {
        use crate::present::keys::PRESENT;
        let map = Keymap {
            overrides: vec![
                (Key::Char('l'), Command::NextSection),
                (Key::Char('j'), Command::Next),
                (Key::Ctrl('q'), Command::Quit),
            ],
        };
        let press = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        // `l` is the reader's now; the slides keep their own `l`.
        assert_eq!(
            map.action_for(READER, &press('l'), false),
            Some(Action::Command(Command::NextSection))
        );
        assert_eq!(
            map.action_for(PRESENT, &press('l'), false),
            Some(Action::Command(Command::Next))
        );
        // `j` turns the slides; the reader keeps `j` for a line down.
        assert_eq!(
            map.action_for(PRESENT, &press('j'), false),
            Some(Action::Command(Command::Next))
        );
        assert_eq!(
            map.action_for(READER, &press('j'), false),
            Some(Action::Command(Command::Down))
        );
        // A shared command acts in both, and both helps show it.
        let ctrl_q = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
        for table in [READER, PRESENT] {
            assert_eq!(
                map.action_for(table, &ctrl_q, false),
                Some(Action::Command(Command::Quit))
            );
            assert!(map.keys_for(table, Command::Quit).contains(&Key::Ctrl('q')));
        }
        let next = map.keys_for(PRESENT, Command::Next);
        assert_eq!(next.last(), Some(&Key::Char('j')));
        assert!(next.contains(&Key::Char('l')));
        assert!(!map.keys_for(READER, Command::Down).is_empty());
    }

    #[test]
    fn key_specs() {
        assert_eq!(parse_key("ctrl-d"), Some(Key::Ctrl('d')));
        assert_eq!(parse_key("G"), Some(Key::Char('G')));
        assert_eq!(parse_key("pgdn"), Some(Key::Code(KeyCode::PageDown)));
        assert_eq!(parse_key("space"), Some(Key::Char(' ')));
        assert_eq!(parse_key("ctrl-"), None);
        assert_eq!(parse_key("1"), None, "digits are the campaign keys");
        assert_eq!(parse_key("jj"), None);
    }
}
