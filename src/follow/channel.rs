//! The socket: where it lives, and the presenter's publisher (the
//! follower's side is `subscriber`). Neither side ever blocks on the other:
//! the publisher writes without waiting and drops a peer it cannot write to.
//! Its thread sleeps in poll(2) until something happens: a place to
//! publish, a peer, or the end.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::os::{PollFd, PollFlags};

use super::protocol::{About, Deck, Place, encode, encode_about, encode_deck};
use super::room::{self, Trouble, channel_dir};

/// The socket of `channel` (a path when it has a `/`, else a name), by
/// default named after the briefing's content hash.
pub(crate) fn socket_path(
    channel: Option<&str>,
    hash: &str,
    share: bool,
) -> Result<PathBuf, Trouble> {
    match channel {
        Some(c) if c.contains('/') => Ok(PathBuf::from(c)),
        Some(c) => Ok(channel_dir(share)?.join(format!("{c}.sock"))),
        None => Ok(channel_dir(share)?.join(format!("{hash}.sock"))),
    }
}

/// Wait until one of `fds` is ready or `timeout` passes (None: no limit);
/// which of them are ready (through the one poll wrapper, `os::poll`).
pub(super) fn wait(fds: &[BorrowedFd<'_>], timeout: Option<Duration>) -> io::Result<Vec<bool>> {
    let mut polled: Vec<PollFd<'_>> = fds
        .iter()
        .map(|fd| PollFd::from_borrowed_fd(*fd, PollFlags::IN))
        .collect();
    crate::os::poll(&mut polled, timeout)?;
    Ok(polled.iter().map(|p| !p.revents().is_empty()).collect())
}

/// Read and forget whatever is waiting on a nonblocking stream; false at its end.
pub(super) fn drain(mut stream: &UnixStream) -> bool {
    let mut scratch = [0u8; 4096];
    loop {
        match stream.read(&mut scratch) {
            Ok(0) => return false,
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return true,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        }
    }
}

/// A pipe that wakes a thread out of poll: one end writes a byte, the other is polled.
pub(super) fn waker() -> io::Result<(UnixStream, UnixStream)> {
    let (a, b) = UnixStream::pair()?;
    a.set_nonblocking(true)?;
    b.set_nonblocking(true)?;
    Ok((a, b))
}

/// What the presenter publishes: its place, and (version 2) its deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Published {
    pub place: Place,
    pub deck: Option<Deck>,
}

impl Published {
    /// The lines that say it: version 1 for older followers, then version 2.
    fn lines(&self, hash: &str, followers: usize) -> String {
        let mut out = encode(hash, self.place, followers);
        if let Some(deck) = self.deck {
            out.push_str(&encode_deck(hash, self.place, followers, deck));
        }
        out
    }
}

/// The presenter's side.
#[derive(Debug)]
pub(crate) struct Publisher {
    places: Sender<Published>,
    followers: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    /// Wakes the serving thread (a place to publish, or the end).
    wake: UnixStream,
    pub path: PathBuf,
    /// The socket's device and inode: removed at the end only if still there.
    inode: (u64, u64),
}

impl Publisher {
    /// Listen on `path`; `share` lets other users connect.
    pub(crate) fn start(
        path: &Path,
        hash: &str,
        share: bool,
        first: Place,
    ) -> Result<Publisher, Trouble> {
        let about = About {
            hash: hash.to_string(),
            ..About::default()
        };
        let first = Published {
            place: first,
            deck: None,
        };
        Publisher::open(path, about, share, first)
    }

    /// Listen on `path` for the briefing `about` says; `share` lets other users connect.
    pub(crate) fn open(
        path: &Path,
        about: About,
        share: bool,
        first: Published,
    ) -> Result<Publisher, Trouble> {
        let (dir, name) = match (path.parent(), path.file_name().and_then(|n| n.to_str())) {
            (Some(dir), Some(name)) => (
                if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                },
                name,
            ),
            _ => return Err(Trouble::Io(io::ErrorKind::InvalidInput.into())),
        };
        let (listener, path) = room::bind(dir, name, if share { 0o666 } else { 0o600 })?;
        let meta = std::fs::symlink_metadata(&path)?;
        listener.set_nonblocking(true)?;
        let (places, rx) = channel();
        let followers = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (wake, woken) = waker()?;
        let server = Server {
            listener,
            inbox: Inbox { rx, woken },
            count: Arc::clone(&followers),
            stop: Arc::clone(&stop),
            hash: about.hash.clone(),
            about: encode_about(&about),
            now: first,
            peers: Vec::new(),
            changed: false,
            paused: None,
        };
        std::thread::spawn(move || server.serve());
        let publisher = Publisher {
            places,
            followers,
            stop,
            wake,
            path,
            inode: (meta.dev(), meta.ino()),
        };
        publisher.publish_deck(first.place, first.deck);
        Ok(publisher)
    }

    /// Publish `place` with no deck (as a version 1 presenter; tests).
    #[cfg(test)]
    pub(crate) fn publish(&self, place: Place) {
        self.publish_deck(place, None);
    }

    /// Publish `place` in `deck` (followers of version 2 show this very slide).
    pub(crate) fn publish_deck(&self, place: Place, deck: Option<Deck>) {
        let _ = self.places.send(Published { place, deck });
        // A byte already waiting wakes the thread as well (WouldBlock is fine).
        let _ = (&self.wake).write(&[1]);
    }

    pub(crate) fn followers(&self) -> usize {
        self.followers.load(Ordering::Relaxed)
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = (&self.wake).write(&[1]);
        if std::fs::symlink_metadata(&self.path).is_ok_and(|m| (m.dev(), m.ino()) == self.inode) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The serving thread's end of the places: the queue, and the fd that says it has news.
struct Inbox {
    rx: Receiver<Published>,
    woken: UnixStream,
}

/// The most followers at once; more are closed as soon as they connect.
pub(crate) const MAX_PEERS: usize = 256;

/// How long the listener rests when the process is out of file descriptors
/// (or the kernel of memory): polled meanwhile, it would be ready at once and spin.
const ACCEPT_PAUSE: Duration = Duration::from_millis(250);

/// A follower's unread messages the kernel keeps (it doubles this); a
/// follower that falls this far behind is dropped, and comes back when it reads.
const PEER_BUFFER: usize = 16 * 1024;

/// The serving thread's state.
struct Server {
    listener: UnixListener,
    inbox: Inbox,
    count: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    hash: String,
    /// The about line, sent to each follower as it comes.
    about: String,
    now: Published,
    peers: Vec<UnixStream>,
    /// Whether the followers have not yet been told of `now` (or of their number).
    changed: bool,
    /// Until when the listener rests.
    paused: Option<Instant>,
}

/// All of `line` at once or not at all: a peer that stopped reading is dropped.
fn send(mut peer: &UnixStream, line: &str) -> bool {
    matches!(peer.write(line.as_bytes()), Ok(n) if n == line.len())
}

impl Server {
    fn serve(mut self) {
        // Places that come faster than MIN_GAP are sent as one, the last.
        let mut sent = Instant::now()
            .checked_sub(MIN_GAP)
            .unwrap_or_else(Instant::now);
        loop {
            self.paused = self.paused.filter(|until| Instant::now() < *until);
            let Some(ready) = self.wait(sent) else {
                return;
            };
            if self.stop.load(Ordering::Relaxed) || !self.take_in(&ready) {
                return;
            }
            if self.changed && sent.elapsed() >= MIN_GAP {
                let lines = self.now.lines(&self.hash, self.peers.len());
                self.peers.retain(|peer| send(peer, &lines));
                self.count.store(self.peers.len(), Ordering::Relaxed);
                sent = Instant::now();
                self.changed = false;
            }
        }
    }

    /// Sleep until something happens; which fds are ready (the inbox, the
    /// listener unless it rests, then each peer).
    fn wait(&self, sent: Instant) -> Option<Vec<bool>> {
        let listening = self.paused.is_none();
        let fds: Vec<BorrowedFd<'_>> = [self.inbox.woken.as_fd()]
            .into_iter()
            .chain(listening.then(|| self.listener.as_fd()))
            .chain(self.peers.iter().map(AsFd::as_fd))
            .collect();
        // Rounded up: poll must not wake early and spin.
        let gap = self
            .changed
            .then(|| MIN_GAP.saturating_sub(sent.elapsed()) + Duration::from_micros(999));
        let rest = self
            .paused
            .map(|until| until.saturating_duration_since(Instant::now()));
        let timeout = match (gap, rest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let mut ready = wait(&fds, timeout).ok()?;
        if !listening {
            // The same positions whether or not the listener was polled.
            ready.insert(1, false);
        }
        Some(ready)
    }

    /// Take in the new places, the peers that left or came; false at the end.
    fn take_in(&mut self, ready: &[bool]) -> bool {
        if ready[0] {
            drain(&self.inbox.woken);
            loop {
                match self.inbox.rx.try_recv() {
                    Ok(p) => {
                        self.now = p;
                        self.changed = true;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => return false,
                }
            }
        }
        // Whatever a follower sends is read and thrown away; end of file means it left.
        let before = self.peers.len();
        let mut i = 2;
        self.peers.retain(|peer| {
            let ready = ready.get(i).copied().unwrap_or(false);
            i += 1;
            !ready || drain(peer)
        });
        self.changed |= self.peers.len() != before;
        if ready[1] {
            let old = self.peers.len();
            self.changed |= accept(&self.listener, &mut self.peers, &mut self.paused);
            // Each newcomer hears first which briefing this is.
            let about = &self.about;
            let mut k = 0;
            self.peers.retain(|peer| {
                k += 1;
                k <= old || send(peer, about)
            });
        }
        true
    }
}

/// Take the followers waiting on `listener`, up to MAX_PEERS; true when one came.
fn accept(
    listener: &UnixListener,
    peers: &mut Vec<UnixStream>,
    paused: &mut Option<Instant>,
) -> bool {
    let mut came = false;
    loop {
        match listener.accept() {
            Ok((peer, _)) if peers.len() >= MAX_PEERS => drop(peer),
            Ok((peer, _)) => {
                let _ = rustix::net::sockopt::set_socket_send_buffer_size(&peer, PEER_BUFFER);
                if peer.set_nonblocking(true).is_ok() {
                    peers.push(peer);
                    came = true;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return came,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::Interrupted | io::ErrorKind::ConnectionAborted
                ) => {}
            Err(_) => {
                // EMFILE, ENFILE, ENOBUFS, ENOMEM: the peer stays queued; try again later.
                *paused = Some(Instant::now() + ACCEPT_PAUSE);
                return came;
            }
        }
    }
}

/// The least time between two messages to the followers.
const MIN_GAP: Duration = Duration::from_millis(20);
