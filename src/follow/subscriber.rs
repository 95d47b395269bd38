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
use std::time::Duration;

use super::channel::{wait, waker};
use super::protocol::{About, Deck, MAX_LINE, Place, decode_about, decode_message};
use super::users::me;

/// What a follower knows of the presenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteState {
    /// No presenter on the channel (yet, or any more).
    Waiting,
    Following(Place),
    /// The presenter shows a different briefing.
    Mismatch,
    /// The presenter on the channel is another user (this uid), not the one to follow.
    Stranger(u32),
}

#[derive(Debug)]
pub struct Remote {
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
}

/// The follower's side.
#[derive(Debug)]
pub struct Subscriber {
    pub remote: Arc<Mutex<Remote>>,
    wake: UnixStream,
    stop: Arc<AtomicBool>,
    /// Wakes the listening thread to end it.
    halt: UnixStream,
}

impl Subscriber {
    /// Follow the first of `paths` that has a presenter of user `from` (by
    /// default this user); keep trying.
    pub fn start(paths: Vec<PathBuf>, hash: &str, from: Option<u32>) -> io::Result<Subscriber> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let remote = Arc::new(Mutex::new(Remote {
            state: RemoteState::Waiting,
            followers: 0,
            seq: 0,
            presenter: None,
            deck: None,
            about: None,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (halt, halted) = waker()?;
        let (shared, stopped, hash) = (Arc::clone(&remote), Arc::clone(&stop), hash.to_string());
        let trusted = from.unwrap_or_else(me);
        std::thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                let mut stranger = None;
                for path in &paths {
                    let Ok(stream) = UnixStream::connect(path) else {
                        continue;
                    };
                    match rustix::net::sockopt::socket_peercred(&stream) {
                        Ok(cred) if cred.uid.as_raw() == trusted => {
                            set(&shared, &notify, |r| r.presenter = Some(trusted));
                            listen(stream, &shared, &notify, &halted, &hash);
                            set(&shared, &notify, |r| {
                                r.state = RemoteState::Waiting;
                                r.deck = None;
                            });
                        }
                        Ok(cred) => stranger = stranger.or(Some(cred.uid.as_raw())),
                        Err(_) => {}
                    }
                }
                let state = stranger.map_or(RemoteState::Waiting, RemoteState::Stranger);
                if current(&shared) != state {
                    set(&shared, &notify, |r| r.state = state);
                }
                // No presenter yet: look again in a while (or stop at once).
                let _ = wait(&[halted.as_fd()], Some(RETRY));
            }
        });
        Ok(Subscriber {
            remote,
            wake,
            stop,
            halt,
        })
    }

    /// The fd that becomes readable when something arrived.
    pub fn wake_fd(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }

    pub fn snapshot(&self) -> (RemoteState, usize, u64) {
        let r = self.remote.lock().unwrap_or_else(|e| e.into_inner());
        (r.state, r.followers, r.seq)
    }

    /// The presenter's deck (version 2 presenters send it).
    pub fn deck(&self) -> Option<Deck> {
        self.remote.lock().unwrap_or_else(|e| e.into_inner()).deck
    }

    /// Which briefing the presenter shows, once it said.
    pub fn about(&self) -> Option<About> {
        self.remote
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .about
            .clone()
    }

    /// The uid of the presenter followed, once one was found.
    pub fn presenter(&self) -> Option<u32> {
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
