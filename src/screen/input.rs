//! Input for the full-screen modes: terminal events, signals and hang-ups
//! from one level-triggered poll(2) on the terminal and a signal pipe.
//!
//! The terminal is read here and parsed by `keyparse`, not by crossterm's
//! event source: that one spins at full CPU on a dead terminal (crossterm
//! issue 793), and its edge-triggered source can lose a key that arrives
//! together with a resize. A hang-up, an error or end of file on the
//! terminal ends the program. Nothing wakes while idle.

use crossterm::event::Event;
use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::keyparse::Parser;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

/// What the terminal side asks of the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Event(Event),
    /// SIGTERM, SIGINT or SIGHUP: restore the terminal and exit 128 + n.
    Terminate(i32),
    /// SIGTSTP from outside (Ctrl-Z arrives as a key in raw mode).
    Suspend,
    /// SIGCONT: the terminal may have been used meanwhile; draw everything again.
    Resume,
    /// The deadline passed with no input.
    Tick,
    /// A watched fd (a follower's link) has news.
    Wake,
    /// The terminal went away (the SSH connection dropped): exit without writing to it.
    HangUp,
}

const WATCHED: [i32; 6] = [SIGTERM, SIGINT, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT];

/// How long to wait for the rest of a sequence before an ESC counts as the Esc key.
const ESC_WAIT_MS: i32 = 30;

pub struct Source {
    parser: Parser,
    /// Other fds to wait on (a follower's link, a file watch).
    watched: Vec<std::os::fd::RawFd>,
    wake: UnixStream,
    flags: Vec<(i32, Arc<AtomicBool>)>,
    ids: Vec<signal_hook::SigId>,
}

impl Source {
    pub fn new() -> io::Result<Source> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let mut flags = Vec::new();
        let mut ids = Vec::new();
        for sig in WATCHED {
            if sig == SIGHUP && ignored(sig) {
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
            let (w, h) = super::wire::terminal_size().map_or((0, 0), |s| (s.width, s.height));
            return Some(Input::Event(Event::Resize(w, h)));
        }
        None
    }

    /// The parser's next event; what it learnt of the terminal goes where it is used.
    fn parsed(&mut self, flush: bool) -> Option<Event> {
        let event = self.parser.next(flush);
        if let Some(sync) = self.parser.synchronized.take() {
            super::wire::set_terminal_synchronizes(sync);
        }
        event
    }

    /// Wait for the next input.
    pub fn wait(&mut self, deadline: Option<std::time::Instant>) -> io::Result<Input> {
        loop {
            // Signals first: they must be answered even while keys keep coming.
            if let Some(input) = self.signal() {
                return Ok(input);
            }
            if let Some(event) = self.parsed(false) {
                return Ok(Input::Event(event));
            }
            let fds = [
                libc::pollfd {
                    fd: libc::STDIN_FILENO,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.wake.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            let mut fds: Vec<libc::pollfd> = fds
                .into_iter()
                .chain(self.watched.iter().map(|&fd| libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                }))
                .collect();
            // An unfinished sequence waits a moment for its rest; otherwise wait for ever.
            let until_deadline = deadline.map(|d| {
                let left = d.saturating_duration_since(std::time::Instant::now());
                i32::try_from(left.as_millis()).unwrap_or(i32::MAX)
            });
            let timeout = match (self.parser.pending(), until_deadline) {
                (true, Some(d)) => d.min(ESC_WAIT_MS),
                (true, None) => ESC_WAIT_MS,
                (false, Some(d)) => d,
                (false, None) => -1,
            };
            // SAFETY: `fds` is a valid array of two pollfd for the duration of the call.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
            if n < 0 {
                let err = io::Error::last_os_error();
                if err.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(err);
            }
            if n == 0 {
                if let Some(event) = self.parsed(true) {
                    return Ok(Input::Event(event));
                }
                if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                    return Ok(Input::Tick);
                }
                continue;
            }
            if let Some(w) = fds[2..].iter().find(|w| w.revents & libc::POLLIN != 0) {
                let mut sink = [0u8; 64];
                // SAFETY: reading into a valid buffer from the watched fd.
                while unsafe { libc::read(w.fd, sink.as_mut_ptr().cast(), sink.len()) } > 0 {}
                return Ok(Input::Wake);
            }
            let term = fds[0].revents;
            if term & libc::POLLIN != 0 {
                let mut buf = [0u8; 4096];
                // SAFETY: reading into a valid buffer of its length.
                let got =
                    unsafe { libc::read(libc::STDIN_FILENO, buf.as_mut_ptr().cast(), buf.len()) };
                if got > 0 {
                    self.parser.feed(&buf[..got as usize]);
                    continue;
                }
                let err = io::Error::last_os_error();
                if got < 0
                    && matches!(
                        err.kind(),
                        io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
                    )
                {
                    continue;
                }
                // End of file, or EIO: the terminal is gone.
                return Ok(Input::HangUp);
            }
            if term & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return Ok(Input::HangUp);
            }
        }
    }
}

/// Whether `sig` is ignored (SIG_IGN inherited from the parent).
fn ignored(sig: i32) -> bool {
    // SAFETY: sigaction with a null new action only reads the current one.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

impl Source {
    /// Also wake for `fd` (non-blocking; it is drained when readable).
    pub fn watch(&mut self, fd: std::os::fd::RawFd) {
        self.watched.push(fd);
    }
}

impl Drop for Source {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
