//! Input for the full-screen modes: terminal events, signals and hang-ups
//! from one level-triggered poll(2) on the terminal and a signal pipe.
//!
//! The terminal is read here and parsed by `keyparse`, not by crossterm's
//! event source: that one spins at full CPU on a dead terminal (crossterm
//! issue 793), and its edge-triggered source can lose a key that arrives
//! together with a resize. A hang-up, an error or end of file on the
//! terminal ends the program. Nothing wakes while idle.
//!
//! A remote terminal (`briefing serve`) is a socket instead of stdin, and
//! its "signals" (a new size, the end) are raised by the server through a
//! `Remote`, not by the OS: the same loop, per session thread.

use crossterm::event::Event;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::os;

use super::keyparse::Parser;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

/// What the terminal side asks of the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    Event(Event),
    /// SIGTERM, SIGINT or SIGHUP: restore the terminal and exit 128 + n.
    Terminate(i32),
    /// SIGTSTP from outside (Ctrl-Z arrives as a key in raw mode).
    Suspend,
    /// SIGCONT: the terminal may have been used meanwhile; draw everything again.
    Resume,
    /// SIGWINCH: the terminal has a new size.
    Resize,
    /// The deadline passed with no input.
    Tick,
    /// A watched fd (a follower's link) has news.
    Wake,
    /// The terminal went away (the SSH connection dropped): exit without writing to it.
    HangUp,
}

thread_local! {
    /// The last paste from this thread's terminal was cut to `keyparse::PASTE_MAX` bytes.
    static PASTE_CUT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the paste being handled was cut (once: the flag is cleared).
pub(crate) fn take_paste_cut() -> bool {
    PASTE_CUT.with(|c| c.replace(false))
}

const WATCHED: [i32; 6] = [SIGTERM, SIGINT, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT];

/// How long to wait for the rest of a sequence before an ESC counts as the Esc key.
const ESC_WAIT_MS: i32 = 30;

pub(crate) struct Source {
    parser: Parser,
    /// The terminal: stdin, or a remote session's socket.
    terminal: Option<OwnedFd>,
    /// Other fds to wait on (a follower's link, a file watch).
    watched: Vec<OwnedFd>,
    wake: UnixStream,
    flags: Vec<(i32, Arc<AtomicBool>)>,
    ids: Vec<signal_hook::SigId>,
}

impl Source {
    pub(crate) fn new() -> io::Result<Source> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let mut flags = Vec::new();
        let mut ids = Vec::new();
        for sig in WATCHED {
            if sig == SIGHUP && os::signal_ignored(sig) {
                // Started under nohup or a wrapper that ignores hang-ups: keep it so.
                continue;
            }
            let flag = Arc::new(AtomicBool::new(false));
            ids.push(signal_hook::flag::register(sig, Arc::clone(&flag))?);
            ids.push(signal_hook::low_level::pipe::register(
                sig,
                notify.try_clone()?,
            )?);
            flags.push((sig, flag));
        }
        Ok(Source {
            parser: Parser::default(),
            terminal: None,
            watched: Vec::new(),
            wake,
            flags,
            ids,
        })
    }

    fn take(&self, sig: i32) -> bool {
        self.flags
            .iter()
            .find(|(s, _)| *s == sig)
            .is_some_and(|(_, f)| f.swap(false, Ordering::SeqCst))
    }

    fn signal(&mut self) -> Option<Input> {
        let mut sink = [0u8; 64];
        while matches!(self.wake.read(&mut sink), Ok(n) if n > 0) {}
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            if self.take(sig) {
                return Some(Input::Terminate(sig));
            }
        }
        if self.take(SIGTSTP) {
            return Some(Input::Suspend);
        }
        if self.take(SIGCONT) {
            return Some(Input::Resume);
        }
        if self.take(SIGWINCH) {
            return Some(Input::Resize);
        }
        None
    }

    /// The parser's next event; what it learnt of the terminal goes where it is used.
    fn parsed(&mut self, flush: bool) -> Option<Event> {
        let event = self.parser.next(flush);
        if let Some(sync) = self.parser.synchronized.take() {
            super::wire::set_terminal_synchronizes(sync);
        }
        if std::mem::take(&mut self.parser.cut) {
            PASTE_CUT.with(|c| c.set(true));
        }
        if let Some(yes) = self.parser.margins.take() {
            super::wire::margins::set_terminal_margins(yes);
        }
        event
    }

    /// Wait for the next input.
    pub(crate) fn wait(&mut self, deadline: Option<Instant>) -> io::Result<Input> {
        loop {
            // Signals first: they must be answered even while keys keep coming.
            if let Some(input) = self.signal() {
                return Ok(input);
            }
            if let Some(event) = self.parsed(false) {
                return Ok(Input::Event(event));
            }
            match self.ready(deadline)? {
                Ready::Nothing => {
                    if let Some(event) = self.parsed(true) {
                        return Ok(Input::Event(event));
                    }
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        return Ok(Input::Tick);
                    }
                }
                Ready::Signal => {}
                Ready::Watched(i) => {
                    let mut sink = [0u8; 64];
                    while matches!(os::read(self.watched[i].as_fd(), &mut sink), Ok(n) if n > 0) {}
                    return Ok(Input::Wake);
                }
                Ready::Terminal => {
                    if let Some(input) = self.read_terminal() {
                        return Ok(input);
                    }
                }
                Ready::HangUp => return Ok(Input::HangUp),
            }
        }
    }

    /// Sleep in poll(2) until the terminal, the signal pipe or a watched fd
    /// is ready; an unfinished sequence waits only a moment for its rest.
    fn ready(&self, deadline: Option<Instant>) -> io::Result<Ready> {
        let stdin = io::stdin();
        let terminal = self.terminal.as_ref().map_or(stdin.as_fd(), AsFd::as_fd);
        let mut fds: Vec<os::PollFd<'_>> = [os::readable(&terminal), os::readable(&self.wake)]
            .into_iter()
            .chain(self.watched.iter().map(os::readable))
            .collect();
        let until_deadline = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let pending = self
            .parser
            .wait_ms(ESC_WAIT_MS)
            .map(|ms| Duration::from_millis(u64::from(ms.unsigned_abs())));
        let timeout = match (pending, until_deadline) {
            (Some(w), Some(d)) => Some(d.min(w)),
            (w, d) => w.or(d),
        };
        if os::poll(&mut fds, timeout)? == 0 {
            return Ok(Ready::Nothing);
        }
        if let Some(i) = fds[2..].iter().position(os::is_readable) {
            return Ok(Ready::Watched(i));
        }
        if os::is_readable(&fds[0]) {
            return Ok(Ready::Terminal);
        }
        if os::is_gone(&fds[0]) {
            return Ok(Ready::HangUp);
        }
        Ok(Ready::Signal)
    }

    /// Read what the terminal sent into the parser; `HangUp` at its end.
    fn read_terminal(&mut self) -> Option<Input> {
        let mut buf = [0u8; 4096];
        let stdin = io::stdin();
        let terminal = self.terminal.as_ref().map_or(stdin.as_fd(), AsFd::as_fd);
        match os::read(terminal, &mut buf) {
            Ok(got) if got > 0 => {
                self.parser.feed(&buf[..got]);
                None
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
                ) =>
            {
                None
            }
            // End of file, or EIO: the terminal is gone.
            _ => Some(Input::HangUp),
        }
    }
}

/// What poll(2) found.
enum Ready {
    /// The timeout passed.
    Nothing,
    /// The signal pipe (handled at the top of the loop).
    Signal,
    /// Watched fd `i` has news.
    Watched(usize),
    Terminal,
    HangUp,
}

impl Source {
    /// Also wake for `fd` (non-blocking; it is drained when readable). The
    /// source keeps its own duplicate, so it lives as long as the source.
    pub(crate) fn watch(&mut self, fd: BorrowedFd<'_>) -> io::Result<()> {
        self.watched.push(fd.try_clone_to_owned()?);
        Ok(())
    }
}

/// The server's side of a remote source: it raises the "signals" a
/// session's terminal would (SIGWINCH for a new size, SIGTERM to end).
#[derive(Clone)]
pub(crate) struct Remote {
    notify: Arc<UnixStream>,
    flags: Vec<(i32, Arc<AtomicBool>)>,
}

impl Remote {
    /// Raise `sig` (one of `SIGWINCH`, `SIGTERM`, `SIGHUP`) and wake the source.
    pub(crate) fn raise(&self, sig: i32) {
        if let Some((_, flag)) = self.flags.iter().find(|(s, _)| *s == sig) {
            flag.store(true, Ordering::SeqCst);
            // A full pipe already wakes the source.
            let _ = (&*self.notify).write(&[0]);
        }
    }
}

impl Source {
    /// A source that reads a remote terminal from `terminal` (a socket the
    /// server writes the session's bytes into) and no OS signal.
    pub(crate) fn remote(terminal: OwnedFd) -> io::Result<(Source, Remote)> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let flags: Vec<(i32, Arc<AtomicBool>)> = [SIGTERM, SIGHUP, SIGWINCH]
            .into_iter()
            .map(|sig| (sig, Arc::new(AtomicBool::new(false))))
            .collect();
        let source = Source {
            parser: Parser::default(),
            terminal: Some(terminal),
            watched: Vec::new(),
            wake,
            flags: flags.clone(),
            ids: Vec::new(),
        };
        let remote = Remote {
            notify: Arc::new(notify),
            flags,
        };
        Ok((source, remote))
    }
}

impl Drop for Source {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
