//! The socket: where it lives, the presenter's publisher and the follower's
//! subscriber. Neither side ever blocks on the other: the publisher writes
//! without waiting and drops a peer it cannot write to; the subscriber reads
//! in its own thread, takes only well-formed lines, and reconnects when the
//! presenter comes back.

use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::protocol::{MAX_LINE, Place, decode, encode};

/// The directory of the channels: private to the user (0700), or shared.
fn channel_dir(share: bool) -> io::Result<PathBuf> {
    // SAFETY: getuid cannot fail.
    let uid = unsafe { libc::getuid() };
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

/// The presenter's side.
#[derive(Debug)]
pub struct Publisher {
    places: Sender<Place>,
    followers: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
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
        let (count, stopped, hash) = (Arc::clone(&followers), Arc::clone(&stop), hash.to_string());
        std::thread::spawn(move || serve(listener, rx, count, stopped, hash, first));
        let _ = places.send(first);
        Ok(Publisher {
            places,
            followers,
            stop,
            path: path.to_path_buf(),
        })
    }

    pub fn publish(&self, place: Place) {
        let _ = self.places.send(place);
    }

    pub fn followers(&self) -> usize {
        self.followers.load(Ordering::Relaxed)
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = std::fs::remove_file(&self.path);
    }
}

fn serve(
    listener: UnixListener,
    rx: Receiver<Place>,
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
    while !stop.load(Ordering::Relaxed) {
        let mut changed = false;
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(p) => {
                place = p;
                while let Ok(p) = rx.try_recv() {
                    place = p;
                }
                changed = true;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while let Ok((peer, _)) = listener.accept() {
            if peer.set_nonblocking(true).is_ok() {
                peers.push(peer);
                changed = true;
            }
        }
        // Whatever a follower sends is read and thrown away; end of file means it left.
        let before = peers.len();
        peers.retain_mut(|peer| {
            let mut scratch = [0u8; 4096];
            loop {
                match peer.read(&mut scratch) {
                    Ok(0) => return false,
                    Ok(_) => continue,
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => return true,
                    Err(_) => return false,
                }
            }
        });
        changed |= peers.len() != before;
        if changed {
            let line = encode(&hash, place, peers.len());
            peers.retain_mut(|peer| send(peer, &line));
            count.store(peers.len(), Ordering::Relaxed);
        }
    }
}

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
        let (shared, stopped, hash) = (Arc::clone(&remote), Arc::clone(&stop), hash.to_string());
        std::thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                for path in &paths {
                    if let Ok(stream) = UnixStream::connect(path) {
                        listen(stream, &shared, &notify, &stopped, &hash);
                        set(&shared, &notify, |r| r.state = RemoteState::Waiting);
                    }
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        });
        Ok(Subscriber { remote, wake, stop })
    }

    /// The fd that becomes readable when something arrived.
    pub fn wake_fd(&self) -> RawFd {
        self.wake.as_raw_fd()
    }

    pub fn snapshot(&self) -> (RemoteState, usize, u64) {
        let r = self.remote.lock().unwrap_or_else(|e| e.into_inner());
        (r.state, r.followers, r.seq)
    }
}

impl Drop for Subscriber {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn set(shared: &Mutex<Remote>, notify: &UnixStream, f: impl FnOnce(&mut Remote)) {
    {
        let mut r = shared.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut r);
        r.seq += 1;
    }
    let _ = (&*notify).write(&[1]);
}

/// Read the presenter's lines until it goes away.
fn listen(
    mut stream: UnixStream,
    shared: &Mutex<Remote>,
    notify: &UnixStream,
    stop: &AtomicBool,
    hash: &str,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut buf: Vec<u8> = Vec::new();
    let mut skipping = false;
    let mut chunk = [0u8; 4096];
    while !stop.load(Ordering::Relaxed) {
        let n = match stream.read(&mut chunk) {
            Ok(0) => return,
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                        | io::ErrorKind::Interrupted
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
