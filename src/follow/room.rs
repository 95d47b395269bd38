//! Where a channel lives, and how its socket is put there without giving
//! another local user a path to swap: the directory is checked (private to
//! the user, or shared but owned by root or the user and sticky), the socket
//! is bound and given its mode inside a private room of the presenter's, and
//! renamed into place. Nothing here follows a symlink or changes the mode of
//! a path another user can write.

use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

use rustix::fs::{AtFlags, Mode, OFlags};

use super::users::me;

/// Why there is no channel.
#[derive(Debug)]
pub(crate) enum Trouble {
    /// The directory of the channels can be changed by another user.
    Unsafe(PathBuf),
    /// Another user holds the channel's name.
    Taken(u32),
    /// Another presenter of this user is on the channel.
    Busy,
    /// Any other failure (the presenter says there is no channel; its
    /// error shows only in `Debug`).
    Io(#[allow(dead_code)] io::Error),
}

impl From<io::Error> for Trouble {
    fn from(e: io::Error) -> Trouble {
        Trouble::Io(e)
    }
}

impl From<rustix::io::Errno> for Trouble {
    fn from(e: rustix::io::Errno) -> Trouble {
        Trouble::Io(e.into())
    }
}

/// The shared directory: `/tmp/briefing-shared`, or `BRIEFING_SHARED_DIR`
/// (for tests, which must not race on the real one).
pub(crate) fn shared_dir() -> PathBuf {
    std::env::var_os("BRIEFING_SHARED_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(|| PathBuf::from("/tmp/briefing-shared"), PathBuf::from)
}

/// The directory of the channels: private to the user (0700), or shared.
pub(crate) fn channel_dir(share: bool) -> Result<PathBuf, Trouble> {
    let uid = me();
    let dir = if share {
        shared_dir()
    } else if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        PathBuf::from(run).join("briefing")
    } else {
        PathBuf::from(format!("/tmp/briefing-{uid}"))
    };
    let mode = if share { 0o1777 } else { 0o700 };
    let created = match std::fs::DirBuilder::new().mode(mode).create(&dir) {
        Ok(()) => true,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => false,
        Err(e) => return Err(e.into()),
    };
    let fd = open_dir(&dir).map_err(|_| Trouble::Unsafe(dir.clone()))?;
    if created && rustix::fs::fstat(&fd)?.st_uid == uid {
        // The umask took bits away; given back on the directory opened, not on its name.
        rustix::fs::fchmod(&fd, Mode::from_raw_mode(mode))?;
    }
    let st = rustix::fs::fstat(&fd)?;
    let (owner, bits) = (st.st_uid, st.st_mode & 0o7777);
    let safe = if share {
        // Like /tmp: others may add names but not take this user's (sticky),
        // or may add nothing at all.
        (owner == 0 || owner == uid) && (bits & 0o1000 != 0 || bits & 0o022 == 0)
    } else {
        owner == uid && bits & 0o077 == 0
    };
    if !safe {
        return Err(Trouble::Unsafe(dir));
    }
    Ok(dir)
}

/// A directory, never through a symlink.
fn open_dir(dir: &Path) -> rustix::io::Result<OwnedFd> {
    rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
}

/// Who holds `path` when it exists: nobody (a stale socket of this user's),
/// this user's live presenter (Busy) or another user (Taken).
fn holder(path: &Path) -> Result<(), Trouble> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    // A live socket is named by whoever serves it; anything else by its owner.
    let live = if meta.file_type().is_socket() {
        UnixStream::connect(path).ok()
    } else {
        None
    };
    let uid = live
        .as_ref()
        .and_then(|s| rustix::net::sockopt::socket_peercred(s).ok())
        .map_or(meta.uid(), |cred| cred.uid.as_raw());
    match (uid == me(), live.is_some()) {
        (false, _) => Err(Trouble::Taken(uid)),
        (true, true) => Err(Trouble::Busy),
        (true, false) => Ok(()),
    }
}

/// Listen on `dir/name` with `mode`: bound and chmod'ed in a room of this
/// user's (0700, inside `dir`), then renamed over the name — which never
/// follows a symlink, and in a sticky directory cannot take another user's.
pub(crate) fn bind(dir: &Path, name: &str, mode: u32) -> Result<(UnixListener, PathBuf), Trouble> {
    let path = dir.join(name);
    holder(&path)?;
    let dir_fd = open_dir(dir).map_err(|_| Trouble::Unsafe(dir.to_path_buf()))?;
    let room = make_room(&dir_fd, name)?;
    let result = (|| {
        let room_fd = rustix::fs::openat(
            &dir_fd,
            &room,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        let st = rustix::fs::fstat(&room_fd)?;
        if st.st_uid != me() || st.st_mode & 0o077 != 0 {
            return Err(Trouble::Unsafe(dir.join(&room)));
        }
        let listener = UnixListener::bind(dir.join(&room).join("s"))?;
        // Only this user can reach "s" here: its mode is set before anyone can see it.
        rustix::fs::chmodat(&room_fd, "s", Mode::from_raw_mode(mode), AtFlags::empty())?;
        match rustix::fs::renameat(&room_fd, "s", &dir_fd, name) {
            Ok(()) => Ok(listener),
            Err(e) => {
                let _ = rustix::fs::unlinkat(&room_fd, "s", AtFlags::empty());
                // Taken between the look and the rename.
                holder(&path)?;
                Err(e.into())
            }
        }
    })();
    let _ = rustix::fs::unlinkat(&dir_fd, &room, AtFlags::REMOVEDIR);
    result.map(|listener| (listener, path))
}

/// The most names `sweep` looks at.
const SWEEP_LIMIT: usize = 4096;

/// Remove this user's stale sockets — no presenter behind them any more —
/// from `dir`, which must be this user's private directory of channels
/// (0700): nothing is removed anywhere else. How many went.
pub(crate) fn sweep(dir: &Path) -> usize {
    let Ok(dir_fd) = open_dir(dir) else {
        return 0;
    };
    match rustix::fs::fstat(&dir_fd) {
        Ok(st) if st.st_uid == me() && st.st_mode & 0o077 == 0 => {}
        _ => return 0,
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.take(SWEEP_LIMIT).flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str().filter(|n| n.ends_with(".sock")) else {
            continue;
        };
        let Ok(st) = rustix::fs::statat(&dir_fd, name, AtFlags::SYMLINK_NOFOLLOW) else {
            continue;
        };
        let socket = rustix::fs::FileType::from_raw_mode(st.st_mode).is_socket();
        if !socket || st.st_uid != me() {
            continue;
        }
        // Refused: bound by no one. A live presenter answers, and stays.
        let refused = matches!(
            UnixStream::connect(dir.join(name)),
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused
        );
        if refused && rustix::fs::unlinkat(&dir_fd, name, AtFlags::empty()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A new directory of this user's in `dir`, 0700, under a name no one took.
fn make_room(dir_fd: &OwnedFd, name: &str) -> Result<String, Trouble> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut last = None;
    for attempt in 0..64u32 {
        let room = format!(".{name}.{}.{nanos:x}{attempt}", std::process::id());
        match rustix::fs::mkdirat(dir_fd, &room, Mode::from_raw_mode(0o700)) {
            Ok(()) => return Ok(room),
            Err(e) => last = Some(e),
        }
    }
    Err(last.map_or(Trouble::Busy, Trouble::from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_socket_gets_its_mode_and_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let (_listener, path) = bind(dir.path(), "x.sock", 0o666).unwrap();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o666);
        // No room is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A second presenter of the same user is told the channel is busy.
        assert!(matches!(
            bind(dir.path(), "x.sock", 0o600),
            Err(Trouble::Busy)
        ));
    }

    #[test]
    fn a_sweep_takes_only_dead_sockets_of_a_private_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        let (live, _) = bind(dir.path(), "live.sock", 0o600).unwrap();
        let (dead, _) = bind(dir.path(), "dead.sock", 0o600).unwrap();
        drop(dead);
        std::fs::write(dir.path().join("file.sock"), "not a socket").unwrap();
        assert_eq!(sweep(dir.path()), 1);
        assert!(dir.path().join("live.sock").exists());
        assert!(!dir.path().join("dead.sock").exists());
        assert!(dir.path().join("file.sock").exists());
        drop(live);
        // A directory others can enter is never swept.
        let (_gone, _) = bind(dir.path(), "gone.sock", 0o600).unwrap();
        drop(_gone);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(sweep(dir.path()), 0);
    }

    #[test]
    fn a_symlink_at_the_name_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "secret").unwrap();
        std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join("x.sock")).unwrap();
        let (_listener, path) = bind(dir.path(), "x.sock", 0o666).unwrap();
        assert!(
            std::fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_socket()
        );
        let mode = std::fs::metadata(&victim).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
