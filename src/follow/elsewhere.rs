//! A follower waiting on its default channel looks at the other live
//! presenters it could follow — the sockets of its private directory and,
//! with `--share`, of the shared one — and reads each one's hello (which
//! briefing it shows), so that a presenter of another briefing is named at
//! once instead of a bare wait. Only a socket the trusted user owns and
//! serves is read (SO_PEERCRED), never through a symlink, without blocking
//! (connect and read are nonblocking), at most one bounded line each, and
//! the whole look within a time budget.

use std::io::{self, Read};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustix::fs::{AtFlags, Mode, OFlags};
use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};

use super::channel::wait;
use super::protocol::{About, MAX_LINE, decode_about};

/// A live presenter of another briefing, and the name of its channel when
/// it has one (`--follow=NAME` joins it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Elsewhere {
    pub about: About,
    pub name: Option<String>,
}

/// The most names of a directory looked at.
const MAX_NAMES: usize = 4096;
/// The most live sockets read in one look (all at once).
const MAX_READS: usize = 32;
/// The most time one look takes, however the peers behave.
pub(crate) const BUDGET: Duration = Duration::from_secs(1);
/// The longest name shown as a channel to follow.
const MAX_NAME: usize = 40;

/// The first live presenter of user `trusted` in `dirs`, other than at
/// `skip`, that shows a briefing other than `hash`. All are read at once, so
/// a silent peer holds back no other; `halted` readable ends the look.
pub(crate) fn look(
    dirs: &[PathBuf],
    skip: &[PathBuf],
    hash: &str,
    trusted: u32,
    halted: BorrowedFd<'_>,
) -> Option<Elsewhere> {
    let deadline = Instant::now() + BUDGET;
    let mut peers: Vec<Peer> = dirs
        .iter()
        .flat_map(|dir| sockets(dir, trusted).into_iter().map(move |n| (dir, n)))
        .filter(|(dir, name)| !skip.contains(&dir.join(name)))
        .filter_map(|(dir, name)| Peer::open(&dir.join(&name), name, trusted))
        .take(MAX_READS)
        .collect();
    while peers.iter().any(|p| p.reading) {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            break;
        };
        let reading: Vec<&mut Peer> = peers.iter_mut().filter(|p| p.reading).collect();
        let fds: Vec<BorrowedFd<'_>> = std::iter::once(halted)
            .chain(reading.iter().map(|p| p.stream.as_fd()))
            .collect();
        let Ok(ready) = wait(&fds, Some(left)) else {
            break;
        };
        if ready[0] {
            return None;
        }
        for (peer, ready) in reading.into_iter().zip(&ready[1..]) {
            if *ready {
                peer.read();
            }
        }
    }
    peers.into_iter().find_map(|p| {
        let about = p.hello()?;
        (about.hash != hash).then(|| Elsewhere {
            about,
            name: channel_name(&p.name),
        })
    })
}

/// One presenter looked at: its socket, and what it said so far.
struct Peer {
    stream: UnixStream,
    name: String,
    line: Vec<u8>,
    reading: bool,
}

impl Peer {
    /// A connection to `path`, if user `trusted` serves it.
    fn open(path: &Path, name: String, trusted: u32) -> Option<Peer> {
        let stream = connect(path).ok()?;
        let cred = rustix::net::sockopt::socket_peercred(&stream).ok()?;
        (cred.uid.as_raw() == trusted).then(|| Peer {
            stream,
            name,
            line: Vec::new(),
            reading: true,
        })
    }

    /// Take what it sent; done at a newline, its end, an error, or more than a line.
    fn read(&mut self) {
        let mut chunk = [0u8; 256];
        match self.stream.read(&mut chunk) {
            Ok(0) => self.reading = false,
            Ok(n) => self.line.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted
                ) => {}
            Err(_) => self.reading = false,
        }
        if self.line.contains(&b'\n') || self.line.len() > MAX_LINE {
            self.reading = false;
        }
    }

    /// Its hello, if its first line is one.
    fn hello(&self) -> Option<About> {
        let end = self.line.iter().position(|&b| b == b'\n')?;
        decode_about(std::str::from_utf8(&self.line[..end]).ok()?)
    }
}

/// The names of the sockets user `trusted` owns in `dir`, sorted; none when
/// `dir` is a symlink or not a directory.
fn sockets(dir: &Path, trusted: u32) -> Vec<String> {
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let Ok(dir_fd) = rustix::fs::open(dir, flags, Mode::empty()) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .take(MAX_NAMES)
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".sock"))
        .filter(|n| is_socket_of(&dir_fd, n, trusted))
        .collect();
    names.sort();
    names
}

fn is_socket_of(dir_fd: &OwnedFd, name: &str, trusted: u32) -> bool {
    rustix::fs::statat(dir_fd, name, AtFlags::SYMLINK_NOFOLLOW).is_ok_and(|st| {
        rustix::fs::FileType::from_raw_mode(st.st_mode).is_socket() && st.st_uid == trusted
    })
}

/// The channel's name a user types, when the socket has one: not the
/// default (a content hash), and shown as it is.
fn channel_name(file: &str) -> Option<String> {
    let name = file.strip_suffix(".sock")?;
    let default = name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit());
    let plain = !name.is_empty()
        && name.chars().count() <= MAX_NAME
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    (plain && !default).then(|| name.to_string())
}

/// A nonblocking connection to `path`: a listener whose queue is full
/// answers at once (EAGAIN) instead of holding the look.
fn connect(path: &Path) -> io::Result<UnixStream> {
    let fd = rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::STREAM,
        SocketFlags::NONBLOCK | SocketFlags::CLOEXEC,
        None,
    )?;
    rustix::net::connect(&fd, &SocketAddrUnix::new(path)?)?;
    Ok(UnixStream::from(fd))
}

#[cfg(test)]
mod tests;
