//! The terminal's lifecycle, in one place: raw mode, the alternate screen,
//! bracketed paste, left/right margin mode (off again if the backend used it); a panic hook that restores the terminal before the
//! message is printed; SIGTERM/SIGINT/SIGHUP (restore, exit 128 + n);
//! Ctrl-Z and SIGTSTP (restore, stop, and on `fg` draw everything again);
//! a terminal that went away (exit at once, writing nothing to it).

use std::io::{self, Stdout, Write};
use std::os::fd::AsFd;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEventKind, KeyModifiers,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::layout::Rect;

use super::wire::{SizeSource, WireBackend};

pub(crate) type Term = Terminal<WireBackend<Stdout>>;

use super::input::{Input, Source};
use super::run::Incoming;

/// Restores the terminal when dropped, however the reader ends.
pub(crate) struct Session {
    pub terminal: Term,
    pub input: Source,
}

static HOOK: Once = Once::new();

/// Put the terminal in full-screen mode.
pub(crate) fn enter() -> io::Result<Session> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    let input = Source::new()?;
    if let Err(e) = full_screen() {
        restore();
        return Err(e);
    }
    let terminal = match Terminal::new(WireBackend::new(io::stdout(), SizeSource::Terminal)) {
        Ok(t) => t,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    Ok(Session { terminal, input })
}

/// Whether the mouse wheel is to be reported (SGR mouse reporting).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Button events (the wheel among them) reported in SGR form.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Report the mouse wheel from the next `enter` on (never by default).
pub(crate) fn set_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

/// Whether the terminal is in full-screen mode: restoring twice would be
/// worse than useless, since leaving the alternate screen also moves the
/// cursor back to where it was on entering (over a panic's message).
static FULL_SCREEN: AtomicBool = AtomicBool::new(false);

fn full_screen() -> io::Result<()> {
    FULL_SCREEN.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(
        stdout,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        stdout.write_all(MOUSE_ON.as_bytes())?;
        stdout.flush()?;
    }
    Ok(())
}

/// Stop the process with the terminal back to normal; on `fg`, take it again.
fn suspend() -> io::Result<()> {
    restore();
    // SIGTSTP has a handler (so that the terminal is restored first); SIGSTOP cannot.
    crate::os::stop()?;
    full_screen()
}

/// The whole screen at its size now: a resize makes the run loop lay out
/// and draw everything again.
fn redraw_all() -> Incoming {
    let (w, h) = crate::os::terminal_size().unwrap_or((0, 0));
    Incoming::Resize(Rect::new(0, 0, w, h))
}

fn is_ctrl_z(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z' | 'Z')))
}

impl Session {
    /// The next event for a mode, with the lifecycle handled on the way.
    pub(crate) fn next_event(
        input: &mut Source,
        deadline: Option<std::time::Instant>,
    ) -> io::Result<Option<Incoming>> {
        match input.wait(deadline)? {
            Input::Event(e) if is_ctrl_z(&e) => {
                suspend()?;
                Ok(Some(redraw_all()))
            }
            Input::Event(e) => Ok(Some(Incoming::Event(e))),
            Input::Suspend => {
                suspend()?;
                Ok(Some(redraw_all()))
            }
            Input::Resume | Input::Resize => Ok(Some(redraw_all())),
            Input::Tick | Input::Wake => Ok(Some(Incoming::Tick)),
            Input::Terminate(sig) => {
                restore();
                std::process::exit(128 + sig);
            }
            // Nothing may be written to a terminal that is gone.
            Input::HangUp => std::process::exit(128 + signal_hook::consts::SIGHUP),
        }
    }
}

/// Put the terminal back as it was; safe to call more than once.
pub(crate) fn restore() {
    if !FULL_SCREEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = stdout.write_all(super::wire::margins::reset_sequence().as_bytes());
    if MOUSE.load(Ordering::SeqCst) {
        let _ = stdout.write_all(MOUSE_OFF.as_bytes());
    }
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = stdout.flush();
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Send a query whose answer comes in with the input.
pub(crate) fn ask(query: &str) {
    let mut stdout = io::stdout();
    let _ = stdout
        .write_all(query.as_bytes())
        .and_then(|()| stdout.flush());
}

/// Ask the terminal how wide it draws an ambiguous character: draw one at the
/// top left, read the cursor position back, within a short timeout. Narrow
/// when the terminal does not answer. Call before the first event is read.
pub(crate) fn ambiguous_is_wide() -> bool {
    let mut stdout = io::stdout();
    if write!(stdout, "\x1b[H\u{2500}\x1b[6n")
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return false;
    }
    let answer = read_answer(std::time::Duration::from_millis(300));
    let _ = write!(stdout, "\x1b[H\x1b[2K");
    let _ = stdout.flush();
    // The answer is ESC [ row ; col R: column 3 means the character took two columns.
    parse_cursor_column(&answer) == Some(3)
}

fn read_answer(timeout: std::time::Duration) -> Vec<u8> {
    let deadline = std::time::Instant::now() + timeout;
    let mut answer = Vec::new();
    while !answer.ends_with(b"R") && answer.len() < 32 {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            break;
        }
        let stdin = io::stdin();
        if !matches!(crate::os::poll(&mut [crate::os::readable(&stdin)], Some(left)), Ok(n) if n > 0)
        {
            break;
        }
        let mut byte = [0u8; 1];
        if !matches!(crate::os::read(stdin.as_fd(), &mut byte), Ok(1)) {
            break;
        }
        answer.push(byte[0]);
    }
    answer
}

pub(crate) fn parse_cursor_column(answer: &[u8]) -> Option<u16> {
    let text = std::str::from_utf8(answer).ok()?;
    let body = text.rsplit("\x1b[").next()?.strip_suffix('R')?;
    body.split(';').nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::parse_cursor_column;

    #[test]
    fn cursor_reports_are_parsed() {
        assert_eq!(parse_cursor_column(b"\x1b[1;3R"), Some(3));
        assert_eq!(parse_cursor_column(b"\x1b[12;2R"), Some(2));
        assert_eq!(parse_cursor_column(b"garbage"), None);
        assert_eq!(parse_cursor_column(b""), None);
    }
}
