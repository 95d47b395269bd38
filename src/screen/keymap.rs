//! The user's key overrides (`[keys]` in the config) over the tables of
//! `keys`: config names of keys and commands, and the help and hints as
//! the overrides leave them.

use crossterm::event::{Event, KeyCode, KeyEventKind};

use std::ops::Range;

use super::action::{Action, Command};
use super::keys::{Binding, Key, action_for, binds};
use super::tables::{PRESENT, READER};
use crate::i18n::{subst, t};

/// Commands by the names the config file uses for them. An override acts
/// where its command does: the reader's in the reader, the slides' in the
/// slides, `quit`, `help` and `close` in both.
pub(crate) const COMMAND_NAMES: &[(&str, Command)] = &[
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
    ("next_point", Command::NextPoint),
    ("prev_point", Command::PrevPoint),
    ("next_slide", Command::Next),
    ("prev_slide", Command::Prev),
    ("first_slide", Command::First),
    ("last_slide", Command::Last),
    ("blank", Command::Blank),
    ("white", Command::White),
    ("go_to_slide", Command::GoTo),
    ("slide_index", Command::Index),
    ("clock", Command::Clock),
    ("clock_reset", Command::ClockReset),
    ("follow", Command::Follow),
];

/// A key as the config file writes it: `j`, `G`, `ctrl-d`, `pgdn`, `space` …
pub(crate) fn parse_key(spec: &str) -> Option<Key> {
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
pub(crate) struct Keymap {
    pub overrides: Vec<(Key, Command)>,
}

/// One `[keys]` entry as the config file writes it, with where each side is.
#[derive(Debug, Clone)]
pub(crate) struct KeySpec<'a> {
    pub key: &'a str,
    pub key_span: Range<usize>,
    pub command: &'a str,
    pub command_span: Range<usize>,
}

/// Why the overrides cannot be used: the message, where, and the key path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyError {
    pub span: Range<usize>,
    pub path: String,
    pub message: String,
}

impl Keymap {
    /// The overrides of the config's `[keys]`, in file order, checked: each
    /// key and command known, no key bound twice, and `quit` left a key in
    /// every mode's table. `line_of` turns a byte offset into its line.
    pub(crate) fn from_config(
        specs: &[KeySpec<'_>],
        line_of: impl Fn(usize) -> usize,
    ) -> Result<Keymap, KeyError> {
        let mut keys = Keymap::default();
        let mut spans: Vec<(Key, Range<usize>)> = Vec::new();
        for spec in specs {
            let path = format!("keys.{}", spec.key);
            let fail = |span: &Range<usize>, message: String| KeyError {
                span: span.clone(),
                path: path.clone(),
                message,
            };
            let Some(key) = parse_key(spec.key) else {
                let message = subst(t("d.not_a_key"), &[&format!("{:?}", spec.key)]);
                return Err(fail(&spec.key_span, message));
            };
            let Some(&(_, command)) = COMMAND_NAMES.iter().find(|(n, _)| *n == spec.command) else {
                let names: Vec<&str> = COMMAND_NAMES.iter().map(|(n, _)| *n).collect();
                let shown = format!("{:?}", spec.command);
                let message = subst(t("d.not_a_command"), &[&shown, &names.join(", ")]);
                return Err(fail(&spec.command_span, message));
            };
            if let Some((_, first)) = spans.iter().find(|(k, _)| *k == key) {
                let line = line_of(first.start).to_string();
                let message = subst(t("d.bound_twice"), &[&key.name(), &line]);
                return Err(fail(&spec.key_span, message));
            }
            spans.push((key, spec.key_span.clone()));
            keys.overrides.push((key, command));
        }
        keys.check_quit(specs, &spans)?;
        Ok(keys)
    }

    /// A key taken from `quit` must leave it another, in every mode.
    fn check_quit(
        &self,
        specs: &[KeySpec<'_>],
        spans: &[(Key, Range<usize>)],
    ) -> Result<(), KeyError> {
        for table in [READER, PRESENT] {
            if !self.keys_for(table, Command::Quit).is_empty() {
                continue;
            }
            let quits = |k: &Key| {
                table
                    .iter()
                    .any(|b| b.command == Command::Quit && b.keys.contains(k))
            };
            if let Some((_, span)) = spans.iter().rev().find(|(k, _)| quits(k)) {
                let spec = specs.iter().find(|s| s.key_span == *span);
                return Err(KeyError {
                    span: span.clone(),
                    path: format!("keys.{}", spec.map_or("", |s| s.key)),
                    message: t("d.quit_keyless").to_string(),
                });
            }
        }
        Ok(())
    }

    /// The overrides that act in `table`: those whose command it has.
    fn active<'a>(&'a self, table: &'a [Binding]) -> impl Iterator<Item = &'a (Key, Command)> {
        self.overrides.iter().filter(|(_, c)| binds(table, *c))
    }

    /// The keys that give `command` in `table`, the overrides included.
    pub(crate) fn keys_for(&self, table: &[Binding], command: Command) -> Vec<Key> {
        table
            .iter()
            .filter(|b| b.command == command)
            .flat_map(|b| self.keys_of(table, b))
            .collect()
    }

    pub(crate) fn action_for(
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
    pub(crate) fn help_rows(&self, table: &[Binding]) -> Vec<(String, &'static str)> {
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
    pub(crate) fn hints(&self, table: &[Binding]) -> Vec<(String, &'static str)> {
        table
            .iter()
            .filter_map(|b| Some((self.keys_of(table, b).first()?.name(), t(b.hint?))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, KeyModifiers};

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
            .find(|(_, h)| *h == "下移一行 / 下一项（详情中滚动）")
            .unwrap();
        assert_eq!(down.0, "Down", "j moved away from Down");
        let page = rows.iter().find(|(_, h)| *h == "下一页").unwrap();
        assert_eq!(page.0, "Space PgDn Ctrl-D j");
    }

    #[test]
    fn overrides_act_where_their_command_does() {
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
