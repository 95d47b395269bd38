//! Terminal input bytes to events: keys (UTF-8 text, control keys, CSI and
//! SS3 sequences), bracketed paste; a lone ESC is the Esc key once no more
//! bytes follow. The answer to the query for synchronized output (DEC 2026)
//! is kept for the caller; other replies (cursor reports) and unknown
//! sequences are dropped.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Default)]
pub struct Parser {
    buf: Vec<u8>,
    /// Inside a bracketed paste: what has arrived of it.
    paste: Option<Vec<u8>>,
    /// What the terminal answered to DECRQM 2026: whether it does
    /// synchronized output on request; taken by the caller.
    pub synchronized: Option<bool>,
}

const PASTE_END: &[u8] = b"\x1b[201~";

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Modifiers from the xterm parameter (`1;5A` → Ctrl).
fn modifiers(param: Option<u16>) -> KeyModifiers {
    let bits = param.unwrap_or(1).saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

enum Parsed {
    /// An event (or nothing, for a dropped sequence) and the bytes it took.
    Done(Option<Event>, usize),
    NeedMore,
}

impl Parser {
    pub fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Whether bytes are waiting that may complete with more input.
    pub fn pending(&self) -> bool {
        !self.buf.is_empty()
    }

    /// The next event. With `flush` (no more bytes came), an incomplete
    /// sequence is taken as far as it goes: a lone ESC is the Esc key.
    pub fn next(&mut self, flush: bool) -> Option<Event> {
        loop {
            if let Some(paste) = &mut self.paste {
                let Some(end) = self
                    .buf
                    .windows(PASTE_END.len())
                    .position(|w| w == PASTE_END)
                else {
                    // Keep a possible start of the end marker for the next read.
                    let keep = self.buf.len().min(PASTE_END.len() - 1);
                    let take = self.buf.len() - keep;
                    paste.extend(self.buf.drain(..take));
                    return None;
                };
                paste.extend(self.buf.drain(..end));
                self.buf.drain(..PASTE_END.len());
                let text =
                    String::from_utf8_lossy(&self.paste.take().unwrap_or_default()).into_owned();
                return Some(Event::Paste(text));
            }
            if self.buf.is_empty() {
                return None;
            }
            match self.parse(flush) {
                Parsed::NeedMore => return None,
                Parsed::Done(event, used) => {
                    self.buf.drain(..used.max(1));
                    if event.is_some() {
                        return event;
                    }
                }
            }
        }
    }

    fn parse(&mut self, flush: bool) -> Parsed {
        let b = &self.buf;
        let none = KeyModifiers::NONE;
        match b[0] {
            0x1b => self.escape(flush),
            b'\r' | b'\n' => Parsed::Done(Some(key(KeyCode::Enter, none)), 1),
            b'\t' => Parsed::Done(Some(key(KeyCode::Tab, none)), 1),
            0x7f | 0x08 => Parsed::Done(Some(key(KeyCode::Backspace, none)), 1),
            c @ 0x01..=0x1a => Parsed::Done(
                Some(key(
                    KeyCode::Char((c - 1 + b'a') as char),
                    KeyModifiers::CONTROL,
                )),
                1,
            ),
            0x00 | 0x1c..=0x1f => Parsed::Done(None, 1),
            _ => match utf8_char(b) {
                Some(Ok((c, n))) => Parsed::Done(Some(key(KeyCode::Char(c), none)), n),
                Some(Err(n)) => Parsed::Done(None, n),
                None if flush => Parsed::Done(None, b.len()),
                None => Parsed::NeedMore,
            },
        }
    }

    fn escape(&mut self, flush: bool) -> Parsed {
        let b = &self.buf;
        let none = KeyModifiers::NONE;
        if b.len() == 1 {
            return if flush {
                Parsed::Done(Some(key(KeyCode::Esc, none)), 1)
            } else {
                Parsed::NeedMore
            };
        }
        match b[1] {
            b'[' => {
                let Some(end) = b[2..]
                    .iter()
                    .position(|c| (0x40..=0x7e).contains(c))
                    .map(|p| p + 2)
                else {
                    return if flush {
                        Parsed::Done(Some(key(KeyCode::Esc, none)), 1)
                    } else {
                        Parsed::NeedMore
                    };
                };
                if b[2] == b'?' && b[end] == b'y' && b[end - 1] == b'$' {
                    // DECRPM: `CSI ? mode ; state $ y`; state 1 or 2 is a
                    // mode the terminal switches (0: unknown, 3/4: fixed).
                    let reply = std::str::from_utf8(&b[3..end - 1]).unwrap_or("");
                    if let Some(("2026", state)) = reply.split_once(';') {
                        self.synchronized = Some(matches!(state, "1" | "2"));
                    }
                    return Parsed::Done(None, end + 1);
                }
                let params: Vec<Option<u16>> = std::str::from_utf8(&b[2..end])
                    .unwrap_or("")
                    .split(';')
                    .map(|p| p.parse().ok())
                    .collect();
                let first = params.first().copied().flatten();
                let mods = modifiers(params.get(1).copied().flatten());
                let code = match (b[end], first) {
                    (b'A', _) => Some(KeyCode::Up),
                    (b'B', _) => Some(KeyCode::Down),
                    (b'C', _) => Some(KeyCode::Right),
                    (b'D', _) => Some(KeyCode::Left),
                    (b'H', _) => Some(KeyCode::Home),
                    (b'F', _) => Some(KeyCode::End),
                    (b'Z', _) => Some(KeyCode::BackTab),
                    (b'~', Some(1 | 7)) => Some(KeyCode::Home),
                    (b'~', Some(4 | 8)) => Some(KeyCode::End),
                    (b'~', Some(5)) => Some(KeyCode::PageUp),
                    (b'~', Some(6)) => Some(KeyCode::PageDown),
                    (b'~', Some(3)) => Some(KeyCode::Delete),
                    (b'~', Some(2)) => Some(KeyCode::Insert),
                    (b'~', Some(200)) => {
                        self.paste = Some(Vec::new());
                        None
                    }
                    _ => None,
                };
                let mods = if code == Some(KeyCode::BackTab) {
                    mods | KeyModifiers::SHIFT
                } else {
                    mods
                };
                Parsed::Done(code.map(|c| key(c, mods)), end + 1)
            }
            b'O' => {
                if b.len() < 3 {
                    return if flush {
                        Parsed::Done(Some(key(KeyCode::Esc, none)), 1)
                    } else {
                        Parsed::NeedMore
                    };
                }
                let code = match b[2] {
                    b'A' => Some(KeyCode::Up),
                    b'B' => Some(KeyCode::Down),
                    b'C' => Some(KeyCode::Right),
                    b'D' => Some(KeyCode::Left),
                    b'H' => Some(KeyCode::Home),
                    b'F' => Some(KeyCode::End),
                    b'P'..=b'S' => Some(KeyCode::F(b[2] - b'P' + 1)),
                    _ => None,
                };
                Parsed::Done(code.map(|c| key(c, none)), 3)
            }
            0x1b => Parsed::Done(Some(key(KeyCode::Esc, none)), 1),
            _ => match utf8_char(&b[1..]) {
                // ESC and a character: the character with Alt.
                Some(Ok((c, n))) => {
                    Parsed::Done(Some(key(KeyCode::Char(c), KeyModifiers::ALT)), n + 1)
                }
                Some(Err(_)) => Parsed::Done(Some(key(KeyCode::Esc, none)), 1),
                None if flush => Parsed::Done(Some(key(KeyCode::Esc, none)), 1),
                None => Parsed::NeedMore,
            },
        }
    }
}

/// The first character of `b`: `Ok((char, len))`, `Err(len)` for bytes that
/// are not UTF-8, `None` when more bytes are needed.
fn utf8_char(b: &[u8]) -> Option<Result<(char, usize), usize>> {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(1)),
    };
    if b.len() < len {
        return None;
    }
    match std::str::from_utf8(&b[..len]) {
        Ok(s) => s.chars().next().map(|c| Ok((c, len))),
        Err(_) => Some(Err(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(input: &[u8]) -> Vec<Event> {
        let mut p = Parser::default();
        p.feed(input);
        let mut out = Vec::new();
        while let Some(e) = p.next(true) {
            out.push(e);
        }
        out
    }

    fn k(code: KeyCode) -> Event {
        key(code, KeyModifiers::NONE)
    }

    #[test]
    fn text_and_control_keys() {
        assert_eq!(
            events("j枫\r\t\x7f".as_bytes()),
            [
                k(KeyCode::Char('j')),
                k(KeyCode::Char('枫')),
                k(KeyCode::Enter),
                k(KeyCode::Tab),
                k(KeyCode::Backspace)
            ]
        );
        assert_eq!(
            events(b"\x03"),
            [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        assert_eq!(
            events(b"\x1a"),
            [key(KeyCode::Char('z'), KeyModifiers::CONTROL)]
        );
    }

    #[test]
    fn sequences() {
        assert_eq!(
            events(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[Z\x1b[1;5C"),
            [
                k(KeyCode::Up),
                k(KeyCode::Down),
                k(KeyCode::PageUp),
                k(KeyCode::PageDown),
                k(KeyCode::Home),
                k(KeyCode::End),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                key(KeyCode::Right, KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn a_lone_escape_waits_for_more_then_is_esc() {
        let mut p = Parser::default();
        p.feed(b"\x1b");
        assert_eq!(p.next(false), None);
        assert!(p.pending());
        assert_eq!(p.next(true), Some(k(KeyCode::Esc)));
        p.feed(b"\x1b[");
        assert_eq!(p.next(false), None);
        p.feed(b"C");
        assert_eq!(p.next(false), Some(k(KeyCode::Right)));
    }

    #[test]
    fn bracketed_paste_in_pieces() {
        let mut p = Parser::default();
        p.feed("\x1b[200~枫\n".as_bytes());
        assert_eq!(p.next(false), None);
        p.feed("桥\x1b[20".as_bytes());
        assert_eq!(p.next(false), None);
        p.feed(b"1~q");
        assert_eq!(p.next(false), Some(Event::Paste("枫\n桥".into())));
        assert_eq!(p.next(false), Some(k(KeyCode::Char('q'))));
    }

    #[test]
    fn replies_and_garbage_are_dropped() {
        assert_eq!(
            events(b"\x1b[12;40R\xff\x1b[?1;2cq"),
            [k(KeyCode::Char('q'))]
        );
    }

    #[test]
    fn the_answer_about_synchronized_output_is_kept() {
        for (reply, expected) in [
            (&b"\x1b[?2026;2$y"[..], Some(true)),
            (b"\x1b[?2026;1$y", Some(true)),
            (b"\x1b[?2026;0$y", Some(false)),
            (b"\x1b[?2026;4$y", Some(false)),
            (b"\x1b[?25;1$y", None),
        ] {
            let mut p = Parser::default();
            p.feed(reply);
            p.feed(b"q");
            assert_eq!(
                p.next(true),
                Some(key(KeyCode::Char('q'), KeyModifiers::NONE))
            );
            assert_eq!(p.synchronized, expected, "{reply:?}");
        }
    }

    #[test]
    fn split_utf8_waits() {
        let mut p = Parser::default();
        p.feed(&"枫".as_bytes()[..2]);
        assert_eq!(p.next(false), None);
        p.feed(&"枫".as_bytes()[2..]);
        assert_eq!(p.next(false), Some(k(KeyCode::Char('枫'))));
    }
}
