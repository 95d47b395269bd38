//! The follower's side of the socket: it reads in its own thread, takes
//! only well-formed lines from a presenter of the right user, and reconnects
//! when the presenter comes back; the thread sleeps in poll(2) until a line
//! or the end.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::channel::{wait, waker};
use super::elsewhere::{Elsewhere, look};
use super::protocol::{About, Deck, MAX_LINE, Place, decode_about, decode_message};
use super::users::me;

/// What a follower knows of the presenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RemoteState {
    /// No presenter on the channel (yet, or any more).
    Waiting,
    Following(Place),
    /// The presenter shows a different briefing.
    Mismatch,
    /// The presenter on the channel is another user (this uid), not the one to follow.
    Stranger(u32),
}

#[derive(Debug)]
pub(crate) struct Remote {
    pub state: RemoteState,
    pub followers: usize,
    /// Counts the presenter's messages, so a follower sees that something arrived.
    pub seq: u64,
    /// The uid of the presenter followed (checked with SO_PEERCRED).
    pub presenter: Option<u32>,
    /// The presenter's deck, when it sends it (version 2).
    pub deck: Option<Deck>,
    /// Which briefing the presenter shows, when it says.
    pub about: Option<About>,
    /// While waiting: a live presenter of another briefing it could have meant.
    pub elsewhere: Option<Elsewhere>,
}

/// The follower's side.
#[derive(Debug)]
pub(crate) struct Subscriber {
    pub remote: Arc<Mutex<Remote>>,
    wake: UnixStream,
    stop: Arc<AtomicBool>,
    /// Wakes the listening thread to end it.
    halt: UnixStream,
}

impl Subscriber {
    /// Follow the first of `paths` that has a presenter of user `from` (by
    /// default this user); keep trying. (Tests: the program looks around.)
    #[cfg(test)]
    pub(crate) fn start(
        paths: Vec<PathBuf>,
        hash: &str,
        from: Option<u32>,
    ) -> io::Result<Subscriber> {
        Subscriber::start_looking(paths, Vec::new(), hash, from)
    }

    /// As `start`, and while no presenter is there, look at the other live
    /// presenters in the directories `around` for one of another briefing.
    pub(crate) fn start_looking(
        paths: Vec<PathBuf>,
        around: Vec<PathBuf>,
        hash: &str,
        from: Option<u32>,
    ) -> io::Result<Subscriber> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let remote = Arc::new(Mutex::new(Remote {
            state: RemoteState::Waiting,
            followers: 0,
            seq: 0,
            presenter: None,
            deck: None,
            about: None,
            elsewhere: None,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (halt, halted) = waker()?;
        let seeker = Seeker {
            paths,
            around,
            hash: hash.to_string(),
            trusted: from.unwrap_or_else(me),
            shared: Arc::clone(&remote),
            notify,
            halted,
            stopped: Arc::clone(&stop),
        };
        std::thread::spawn(move || seeker.run());
        Ok(Subscriber {
            remote,
            wake,
            stop,
            halt,
        })
    }

    /// The fd that becomes readable when something arrived.
    pub(crate) fn wake_fd(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }

    pub(crate) fn snapshot(&self) -> (RemoteState, usize, u64) {
        let r = self.remote.lock().unwrap_or_else(|e| e.into_inner());
        (r.state, r.followers, r.seq)
    }

    /// The presenter's deck (version 2 presenters send it).
    pub(crate) fn deck(&self) -> Option<Deck> {
        self.remote.lock().unwrap_or_else(|e| e.into_inner()).deck
    }

    /// Which briefing the presenter shows, once it said.
    pub(crate) fn about(&self) -> Option<About> {
        self.remote
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .about
            .clone()
    }

    /// While no presenter is on the channel: a presenter of another briefing nearby.
    pub(crate) fn elsewhere(&self) -> Option<Elsewhere> {
        self.remote
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .elsewhere
            .clone()
    }

    /// The uid of the presenter followed, once one was found.
    pub(crate) fn presenter(&self) -> Option<u32> {
        self.remote
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .presenter
    }
}

impl Drop for Subscriber {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = (&self.halt).write(&[1]);
    }
}

/// How often a follower with no presenter looks for one.
const RETRY: Duration = Duration::from_millis(200);

/// How often a waiting follower looks at the other presenters around.
const LOOK_AROUND: Duration = Duration::from_secs(2);

/// The follower's thread: finds the presenter, listens, looks around while waiting.
struct Seeker {
    paths: Vec<PathBuf>,
    around: Vec<PathBuf>,
    hash: String,
    trusted: u32,
    shared: Arc<Mutex<Remote>>,
    notify: UnixStream,
    halted: UnixStream,
    stopped: Arc<AtomicBool>,
}

impl Seeker {
    fn run(self) {
        let mut looked: Option<Instant> = None;
        while !self.stopped.load(Ordering::Relaxed) {
            let stranger = self.try_paths();
            let state = stranger.map_or(RemoteState::Waiting, RemoteState::Stranger);
            if current(&self.shared) != state {
                set(&self.shared, &self.notify, |r| r.state = state);
            }
            if state == RemoteState::Waiting && looked.is_none_or(|t| t.elapsed() >= LOOK_AROUND) {
                self.look_around();
                looked = Some(Instant::now());
            }
            // No presenter yet: look again in a while (or stop at once).
            let _ = wait(&[self.halted.as_fd()], Some(RETRY));
        }
    }

    /// Follow the presenter of the first path that has one, until it goes;
    /// the uid of another user serving one of them.
    fn try_paths(&self) -> Option<u32> {
        let (shared, notify) = (&*self.shared, &self.notify);
        let mut stranger = None;
        for path in &self.paths {
            let Ok(stream) = UnixStream::connect(path) else {
                continue;
            };
            match rustix::net::sockopt::socket_peercred(&stream) {
                Ok(cred) if cred.uid.as_raw() == self.trusted => {
                    set(shared, notify, |r| {
                        r.presenter = Some(self.trusted);
                        r.elsewhere = None;
                    });
                    listen(stream, shared, notify, &self.halted, &self.hash);
                    set(shared, notify, |r| {
                        r.state = RemoteState::Waiting;
                        r.deck = None;
                    });
                }
                Ok(cred) => stranger = stranger.or(Some(cred.uid.as_raw())),
                Err(_) => {}
            }
        }
        stranger
    }

    /// Look for a live presenter of another briefing; say so when that changes.
    fn look_around(&self) {
        if self.around.is_empty() {
            return;
        }
        let found = look(
            &self.around,
            &self.paths,
            &self.hash,
            self.trusted,
            self.halted.as_fd(),
        );
        let shared = &*self.shared;
        if shared.lock().unwrap_or_else(|e| e.into_inner()).elsewhere != found {
            set(shared, &self.notify, |r| r.elsewhere = found);
        }
    }
}

fn current(shared: &Mutex<Remote>) -> RemoteState {
    shared.lock().unwrap_or_else(|e| e.into_inner()).state
}

fn set(shared: &Mutex<Remote>, notify: &UnixStream, f: impl FnOnce(&mut Remote)) {
    {
        let mut r = shared.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut r);
        r.seq += 1;
    }
    let _ = (&*notify).write(&[1]);
}

/// Read the presenter's lines until it goes away or `halted` wakes.
fn listen(
    mut stream: UnixStream,
    shared: &Mutex<Remote>,
    notify: &UnixStream,
    halted: &UnixStream,
    hash: &str,
) {
    if stream.set_nonblocking(true).is_err() {
        return;
    }
    let mut buf: Vec<u8> = Vec::new();
    let mut skipping = false;
    // Once a presenter sent its deck, its version 1 lines are only for older followers.
    let mut newer = false;
    let mut chunk = [0u8; 4096];
    loop {
        match wait(&[stream.as_fd(), halted.as_fd()], None) {
            Ok(ready) if !ready[1] => {}
            _ => return,
        }
        let n = match stream.read(&mut chunk) {
            Ok(0) => return,
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted
                ) =>
            {
                continue;
            }
            Err(_) => return,
        };
        buf.extend_from_slice(&chunk[..n]);
        while let Some(nl) = buf.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = buf.drain(..=nl).collect();
            if std::mem::take(&mut skipping) {
                continue;
            }
            if let Ok(line) = std::str::from_utf8(&line[..nl]) {
                take_line(line, shared, notify, hash, &mut newer);
            }
        }
        if buf.len() > MAX_LINE {
            // Too long to be a message: drop it, and the rest of it up to its newline.
            buf.clear();
            skipping = true;
        }
    }
}

/// Take in one line from the presenter: which briefing it shows, or its place.
fn take_line(
    line: &str,
    shared: &Mutex<Remote>,
    notify: &UnixStream,
    hash: &str,
    newer: &mut bool,
) {
    if let Some(about) = decode_about(line) {
        set(shared, notify, |r| {
            if about.hash != hash {
                r.state = RemoteState::Mismatch;
            }
            r.about = Some(about);
        });
        return;
    }
    let Some(m) = decode_message(line) else {
        return;
    };
    if m.deck.is_none() && *newer {
        return;
    }
    *newer |= m.deck.is_some();
    set(shared, notify, |r| {
        r.followers = m.followers;
        r.deck = m.deck;
        r.state = if m.hash == hash {
            RemoteState::Following(m.place)
        } else {
            RemoteState::Mismatch
        };
    });
}
