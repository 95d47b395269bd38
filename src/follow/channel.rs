//! The socket: where it lives, the presenter's publisher and the follower's
//! subscriber. Neither side ever blocks on the other: the publisher writes
//! without waiting and drops a peer it cannot write to; the subscriber reads
//! in its own thread, takes only well-formed lines, and reconnects when the
//! presenter comes back. Both threads sleep in poll(2) until something
//! happens: a place to publish, a peer, a line, or the end.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::os::{PollFd, PollFlags};

use super::protocol::{MAX_LINE, Place, decode, encode};
use super::room::{self, Trouble, channel_dir};
use super::users::me;

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
fn wait(fds: &[BorrowedFd<'_>], timeout: Option<Duration>) -> io::Result<Vec<bool>> {
    let mut polled: Vec<PollFd<'_>> = fds
        .iter()
        .map(|fd| PollFd::from_borrowed_fd(*fd, PollFlags::IN))
        .collect();
    crate::os::poll(&mut polled, timeout)?;
    Ok(polled.iter().map(|p| !p.revents().is_empty()).collect())
}

/// Read and forget whatever is waiting on a nonblocking stream; false at its end.
fn drain(mut stream: &UnixStream) -> bool {
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
fn waker() -> io::Result<(UnixStream, UnixStream)> {
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
                            set(&shared, &notify, |r| r.state = RemoteState::Waiting);
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
            let Some((their, place, followers)) =
                std::str::from_utf8(&line[..nl]).ok().and_then(decode)
            else {
                continue;
            };
            set(shared, notify, |r| {
                r.followers = followers;
                r.state = if their == hash {
                    RemoteState::Following(place)
                } else {
                    RemoteState::Mismatch
                };
            });
        }
        if buf.len() > MAX_LINE {
            // Too long to be a message: drop it, and the rest of it up to its newline.
            buf.clear();
            skipping = true;
        }
    }
}
