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

use super::protocol::{Place, encode};
use super::room::{self, Trouble, channel_dir};

/// The socket of `channel` (a path when it has a `/`, else a name), by
/// default named after the briefing's content hash.
pub fn socket_path(channel: Option<&str>, hash: &str, share: bool) -> Result<PathBuf, Trouble> {
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

/// The presenter's side.
#[derive(Debug)]
pub struct Publisher {
    places: Sender<Place>,
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
    pub fn start(path: &Path, hash: &str, share: bool, first: Place) -> Result<Publisher, Trouble> {
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
        let (count, stopped, hash) = (Arc::clone(&followers), Arc::clone(&stop), hash.to_string());
        std::thread::spawn(move || {
            serve(listener, Inbox { rx, woken }, count, stopped, hash, first)
        });
        let publisher = Publisher {
            places,
            followers,
            stop,
            wake,
            path,
            inode: (meta.dev(), meta.ino()),
        };
        publisher.publish(first);
        Ok(publisher)
    }

    pub fn publish(&self, place: Place) {
        let _ = self.places.send(place);
        // A byte already waiting wakes the thread as well (WouldBlock is fine).
        let _ = (&self.wake).write(&[1]);
    }

    pub fn followers(&self) -> usize {
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
    rx: Receiver<Place>,
    woken: UnixStream,
}

/// The most followers at once; more are closed as soon as they connect.
pub const MAX_PEERS: usize = 256;

/// How long the listener rests when the process is out of file descriptors
/// (or the kernel of memory): polled meanwhile, it would be ready at once and spin.
const ACCEPT_PAUSE: Duration = Duration::from_millis(250);

/// A follower's unread messages the kernel keeps (it doubles this); a
/// follower that falls this far behind is dropped, and comes back when it reads.
const PEER_BUFFER: usize = 16 * 1024;

fn serve(
    listener: UnixListener,
    inbox: Inbox,
    count: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    hash: String,
    mut place: Place,
) {
    let mut peers: Vec<UnixStream> = Vec::new();
    let send = |peer: &mut UnixStream, line: &str| -> bool {
        // All of it at once or not at all: a peer that stopped reading is dropped.
        matches!(peer.write(line.as_bytes()), Ok(n) if n == line.len())
    };
    // Places that come faster than MIN_GAP are sent as one, the last.
    let mut sent = Instant::now()
        .checked_sub(MIN_GAP)
        .unwrap_or_else(Instant::now);
    let mut changed = false;
    let mut paused: Option<Instant> = None;
    loop {
        paused = paused.filter(|until| Instant::now() < *until);
        let listening = paused.is_none();
        let fds: Vec<BorrowedFd<'_>> = [inbox.woken.as_fd()]
            .into_iter()
            .chain(listening.then(|| listener.as_fd()))
            .chain(peers.iter().map(AsFd::as_fd))
            .collect();
        // Rounded up: poll must not wake early and spin.
        let gap =
            changed.then(|| MIN_GAP.saturating_sub(sent.elapsed()) + Duration::from_micros(999));
        let rest = paused.map(|until| until.saturating_duration_since(Instant::now()));
        let timeout = match (gap, rest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let Ok(ready) = wait(&fds, timeout) else {
            return;
        };
        drop(fds);
        if stop.load(Ordering::Relaxed) {
            return;
        }
        if ready[0] {
            drain(&inbox.woken);
            loop {
                match inbox.rx.try_recv() {
                    Ok(p) => {
                        place = p;
                        changed = true;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => return,
                }
            }
        }
        let first_peer = if listening { 2 } else { 1 };
        // Whatever a follower sends is read and thrown away; end of file means it left.
        let before = peers.len();
        let mut i = first_peer;
        peers.retain(|peer| {
            let ready = ready.get(i).copied().unwrap_or(false);
            i += 1;
            !ready || drain(peer)
        });
        changed |= peers.len() != before;
        if listening && ready[1] {
            changed |= accept(&listener, &mut peers, &mut paused);
        }
        if changed && sent.elapsed() >= MIN_GAP {
            let line = encode(&hash, place, peers.len());
            peers.retain_mut(|peer| send(peer, &line));
            count.store(peers.len(), Ordering::Relaxed);
            sent = Instant::now();
            changed = false;
        }
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
