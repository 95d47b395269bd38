//! Terminal input bytes to events: keys (UTF-8 text, control keys, CSI and
//! SS3 sequences), bracketed paste (bounded: at most `PASTE_MAX` bytes kept,
//! ended by `PASTE_WAIT_MS` without bytes, and Ctrl-C inside it is Ctrl-C);
//! the mouse wheel (SGR reports; other mouse events dropped); a lone ESC
//! is the Esc key once no more bytes follow. The answers to the
//! queries for synchronized output (DEC 2026) and left/right margins (mode
//! 69) are kept for the caller; other replies (cursor reports) and unknown
//! sequences are dropped.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use std::time::{Duration, Instant};

/// The most of a paste that is kept; the rest is dropped, with a message.
pub(crate) const PASTE_MAX: usize = 64 * 1024;
/// A paste without its end marker ends after this long without bytes.
pub(crate) const PASTE_WAIT_MS: i32 = 200;

#[derive(Debug, Default)]
pub(crate) struct Parser {
    buf: Vec<u8>,
    /// Inside a bracketed paste: what has arrived of it.
    paste: Option<Vec<u8>>,
    /// When bytes last came (for the end of a paste that never ends).
    fed: Option<Instant>,
    /// The paste being read went over `PASTE_MAX`: the rest is dropped.
    cutting: bool,
    /// The last paste returned was cut to `PASTE_MAX` bytes; taken by the caller.
    pub cut: bool,
    /// What the terminal answered to DECRQM 2026: whether it does
    /// synchronized output on request; taken by the caller.
    pub synchronized: Option<bool>,
    /// What the terminal answered to DECRQM 69: whether it has left/right
    /// margins; taken by the caller.
    pub margins: Option<bool>,
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
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        self.fed = Some(Instant::now());
    }

    /// Whether bytes are waiting that may complete with more input.
    pub(crate) fn pending(&self) -> bool {
        !self.buf.is_empty() || self.paste.is_some()
    }

    /// How long to wait for more input before `next(true)`, when something
    /// is pending: a paste waits longer than an escape sequence.
    pub(crate) fn wait_ms(&self, esc_wait_ms: i32) -> Option<i32> {
        if self.paste.is_some() {
            // What is left of the quiet time since the last bytes, and a
            // millisecond more, so that the wake finds it over.
            let since = self.fed.map_or(0, |t| t.elapsed().as_millis());
            let left = u128::from(PASTE_WAIT_MS.unsigned_abs()).saturating_sub(since);
            Some(i32::try_from(left).unwrap_or(PASTE_WAIT_MS) + 1)
        } else {
            self.pending().then_some(esc_wait_ms)
        }
    }

    /// Add `bytes` to the paste being read, up to `PASTE_MAX`.
    fn keep(&mut self, upto: usize) {
        let Some(paste) = &mut self.paste else {
            return;
        };
        let room = PASTE_MAX.saturating_sub(paste.len());
        if upto > room {
            self.cutting = true;
        }
        paste.extend_from_slice(&self.buf[..upto.min(room)]);
        self.buf.drain(..upto);
    }

    /// The paste ends: what was kept of it.
    fn end_paste(&mut self) -> Option<Event> {
        let bytes = self.paste.take()?;
        self.cut = std::mem::take(&mut self.cutting);
        Some(Event::Paste(String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// The next event. With `flush` (no more bytes came), an incomplete
    /// sequence is taken as far as it goes: a lone ESC is the Esc key.
    pub(crate) fn next(&mut self, flush: bool) -> Option<Event> {
        loop {
            if self.paste.is_some() {
                let end = self
                    .buf
                    .windows(PASTE_END.len())
                    .position(|w| w == PASTE_END);
                // Ctrl-C before the end marker ends the paste and quits.
                let interrupt = self.buf[..end.unwrap_or(self.buf.len())]
                    .iter()
                    .position(|&c| c == 0x03);
                if let Some(at) = interrupt {
                    self.keep(at);
                    self.end_paste();
                    self.buf.drain(..1);
                    return Some(key(KeyCode::Char('c'), KeyModifiers::CONTROL));
                }
                let Some(end) = end else {
                    let quiet = self
                        .fed
                        .is_none_or(|t| t.elapsed() >= Duration::from_millis(PASTE_WAIT_MS as u64));
                    if flush && quiet {
                        // No end marker came: the paste ends with what came.
                        self.keep(self.buf.len());
                        return self.end_paste();
                    }
                    // Keep a possible start of the end marker for the next read.
                    let keep = self.buf.len().min(PASTE_END.len() - 1);
                    self.keep(self.buf.len() - keep);
                    return None;
                };
                self.keep(end);
                self.buf.drain(..PASTE_END.len());
                return self.end_paste();
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

    /// ESC alone, or the start of a sequence: CSI, SS3, or Alt and a key.
    fn escape(&mut self, flush: bool) -> Parsed {
        let b = &self.buf;
        if b.len() == 1 {
            return esc_or_more(flush);
        }
        match b[1] {
            b'[' => self.csi(flush),
            b'O' => ss3(b, flush),
            0x1b => Parsed::Done(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
            _ => alt(b, flush),
        }
    }

    /// `CSI params final`: a reply to a query, the mouse wheel, or a key.
    fn csi(&mut self, flush: bool) -> Parsed {
        let b = &self.buf;
        let Some(end) = b[2..]
            .iter()
            .position(|c| (0x40..=0x7e).contains(c))
            .map(|p| p + 2)
        else {
            return esc_or_more(flush);
        };
        if b[2] == b'?' && b[end] == b'y' && b[end - 1] == b'$' {
            let reply = std::str::from_utf8(&b[3..end - 1])
                .unwrap_or("")
                .to_string();
            self.decrpm(&reply);
            return Parsed::Done(None, end + 1);
        }
        if b[2] == b'<' {
            return Parsed::Done(sgr_mouse(&b[3..end], b[end]), end + 1);
        }
        let params: Vec<Option<u16>> = std::str::from_utf8(&b[2..end])
            .unwrap_or("")
            .split(';')
            .map(|p| p.parse().ok())
            .collect();
        let event = self.csi_key(b[end], &params);
        Parsed::Done(event, end + 1)
    }

    /// DECRPM: `CSI ? mode ; state $ y`; state 1 or 2 is a mode the
    /// terminal switches (0: unknown, 3/4: fixed).
    fn decrpm(&mut self, reply: &str) {
        match reply.split_once(';') {
            Some(("2026", state)) => {
                self.synchronized = Some(matches!(state, "1" | "2"));
            }
            Some(("69", state)) => {
                self.margins = Some(crate::screen::wire::margins::knows_mode(state));
            }
            _ => {}
        }
    }

    /// The key of a CSI sequence ending in `fin`; the start of a paste.
    fn csi_key(&mut self, fin: u8, params: &[Option<u16>]) -> Option<Event> {
        let first = params.first().copied().flatten();
        let mods = modifiers(params.get(1).copied().flatten());
        let code = match (fin, first) {
            (b'A', _) => KeyCode::Up,
            (b'B', _) => KeyCode::Down,
            (b'C', _) => KeyCode::Right,
            (b'D', _) => KeyCode::Left,
            (b'H', _) => KeyCode::Home,
            (b'F', _) => KeyCode::End,
            (b'Z', _) => return Some(key(KeyCode::BackTab, mods | KeyModifiers::SHIFT)),
            (b'~', Some(1 | 7)) => KeyCode::Home,
            (b'~', Some(4 | 8)) => KeyCode::End,
            (b'~', Some(5)) => KeyCode::PageUp,
            (b'~', Some(6)) => KeyCode::PageDown,
            (b'~', Some(3)) => KeyCode::Delete,
            (b'~', Some(2)) => KeyCode::Insert,
            (b'~', Some(200)) => {
                self.paste = Some(Vec::new());
                return None;
            }
            _ => return None,
        };
        Some(key(code, mods))
    }
}

/// A lone ESC is the Esc key once nothing more can come; else wait.
fn esc_or_more(flush: bool) -> Parsed {
    if flush {
        Parsed::Done(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1)
    } else {
        Parsed::NeedMore
    }
}

/// `SS3 letter`: the arrows, Home and End of the application keypad, F1–F4.
fn ss3(b: &[u8], flush: bool) -> Parsed {
    if b.len() < 3 {
        return esc_or_more(flush);
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
    Parsed::Done(code.map(|c| key(c, KeyModifiers::NONE)), 3)
}

/// ESC and a character: the character with Alt.
fn alt(b: &[u8], flush: bool) -> Parsed {
    let esc = || Parsed::Done(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1);
    match utf8_char(&b[1..]) {
        Some(Ok((c, n))) => Parsed::Done(Some(key(KeyCode::Char(c), KeyModifiers::ALT)), n + 1),
        Some(Err(_)) => esc(),
        None if flush => esc(),
        None => Parsed::NeedMore,
    }
}

/// An SGR mouse report, `CSI < button ; column ; row M`: the wheel only
/// (buttons 64 and 65, with modifier bits); clicks, drags and releases are
/// dropped. Columns and rows are 1-based on the wire.
fn sgr_mouse(params: &[u8], fin: u8) -> Option<Event> {
    let text = std::str::from_utf8(params).ok()?;
    let mut it = text.split(';').map(|p| p.parse::<u16>().ok());
    let (button, column, row) = (it.next()??, it.next()??, it.next()??);
    if fin != b'M' || it.next().is_some() {
        return None;
    }
    let kind = match button & !(4 | 8 | 16) {
        64 => MouseEventKind::ScrollUp,
        65 => MouseEventKind::ScrollDown,
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
        modifiers: KeyModifiers::NONE,
    }))
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
mod tests;
