//! The socket: where it lives, the presenter's publisher and the follower's
//! subscriber. Neither side ever blocks on the other: the publisher writes
//! without waiting and drops a peer it cannot write to; the subscriber reads
//! in its own thread, takes only well-formed lines, and reconnects when the
//! presenter comes back. Both threads sleep in poll(2) until something
//! happens: a place to publish, a peer, a line, or the end.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::protocol::{MAX_LINE, Place, decode, encode};
use crate::os::{PollFd, poll, readable};

/// The directory of the channels: private to the user (0700), or shared.
fn channel_dir(share: bool) -> io::Result<PathBuf> {
    let uid = crate::os::uid();
    let dir = if share {
        PathBuf::from("/tmp/briefing-shared")
    } else if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        PathBuf::from(run).join("briefing")
    } else {
        PathBuf::from(format!("/tmp/briefing-{uid}"))
    };
    let mode = if share { 0o1777 } else { 0o700 };
    match std::fs::DirBuilder::new().mode(mode).create(&dir) {
        Ok(()) => std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode))?,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(&dir)?;
    if !meta.is_dir() || (!share && (meta.uid() != uid || meta.mode() & 0o077 != 0)) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} is not a private directory of this user", dir.display()),
        ));
    }
    Ok(dir)
}

/// The socket of `channel` (a path when it has a `/`, else a name), by
/// default named after the briefing's content hash.
pub fn socket_path(channel: Option<&str>, hash: &str, share: bool) -> io::Result<PathBuf> {
    match channel {
        Some(c) if c.contains('/') => Ok(PathBuf::from(c)),
        Some(c) => Ok(channel_dir(share)?.join(format!("{c}.sock"))),
        None => Ok(channel_dir(share)?.join(format!("{hash}.sock"))),
    }
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
}

impl Publisher {
    /// Listen on `path`; `share` lets other users connect.
    pub fn start(path: &Path, hash: &str, share: bool, first: Place) -> io::Result<Publisher> {
        if path.exists() {
            if UnixStream::connect(path).is_ok() {
                return Err(io::Error::new(
                    io::ErrorKind::AddrInUse,
                    "another presenter is on this channel",
                ));
            }
            std::fs::remove_file(path)?;
        }
        let listener = UnixListener::bind(path)?;
        std::fs::set_permissions(
            path,
            std::fs::Permissions::from_mode(if share { 0o666 } else { 0o600 }),
        )?;
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
            path: path.to_path_buf(),
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
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The serving thread's end of the places: the queue, and the fd that says it has news.
struct Inbox {
    rx: Receiver<Place>,
    woken: UnixStream,
}

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
    loop {
        let mut fds: Vec<PollFd<'_>> = [readable(&inbox.woken), readable(&listener)]
            .into_iter()
            .chain(peers.iter().map(readable))
            .collect();
        // poll(2) takes the timeout in full: it never wakes early and spins.
        let timeout = changed.then(|| MIN_GAP.saturating_sub(sent.elapsed()));
        if poll(&mut fds, timeout).is_err() || stop.load(Ordering::Relaxed) {
            return;
        }
        let ready: Vec<bool> = fds.iter().map(|f| !f.revents().is_empty()).collect();
        drop(fds);
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
        while let Ok((peer, _)) = listener.accept() {
            if peer.set_nonblocking(true).is_ok() {
                peers.push(peer);
                changed = true;
            }
        }
        // Whatever a follower sends is read and thrown away; end of file means it left.
        let before = peers.len();
        let mut i = 2;
        peers.retain(|peer| {
            let has_news = ready.get(i).copied().unwrap_or(false);
            i += 1;
            !has_news || drain(peer)
        });
        changed |= peers.len() != before;
        if changed && sent.elapsed() >= MIN_GAP {
            let line = encode(&hash, place, peers.len());
            peers.retain_mut(|peer| send(peer, &line));
            count.store(peers.len(), Ordering::Relaxed);
            sent = Instant::now();
            changed = false;
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
}

#[derive(Debug)]
pub struct Remote {
    pub state: RemoteState,
    pub followers: usize,
    /// Counts the presenter's messages, so a follower sees that something arrived.
    pub seq: u64,
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
    /// Follow the first of `paths` that has a presenter; keep trying.
    pub fn start(paths: Vec<PathBuf>, hash: &str) -> io::Result<Subscriber> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let remote = Arc::new(Mutex::new(Remote {
            state: RemoteState::Waiting,
            followers: 0,
            seq: 0,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (halt, halted) = waker()?;
        let (shared, stopped, hash) = (Arc::clone(&remote), Arc::clone(&stop), hash.to_string());
        std::thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                for path in &paths {
                    if let Ok(stream) = UnixStream::connect(path) {
                        listen(stream, &shared, &notify, &halted, &hash);
                        set(&shared, &notify, |r| r.state = RemoteState::Waiting);
                    }
                }
                // No presenter yet: look again in a while (or stop at once).
                let _ = poll(&mut [readable(&halted)], Some(RETRY));
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
}

impl Drop for Subscriber {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = (&self.halt).write(&[1]);
    }
}

/// How often a follower with no presenter looks for one.
const RETRY: Duration = Duration::from_millis(200);

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
        let mut fds = [readable(&stream), readable(halted)];
        if poll(&mut fds, None).is_err() || !fds[1].revents().is_empty() {
            return;
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
