//! Live reload (`--watch`): the briefing's files are watched (their
//! directories, since editors often replace a file by renaming a new one
//! over it), and a change wakes the input loop through a pipe.

use std::io::{self, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

pub(crate) struct Watch {
    _watcher: RecommendedWatcher,
    wake: UnixStream,
    changes: Changes,
}

/// Whether a watched file changed since it was last asked; the wake-up
/// itself is shared with other sources (a follower's link).
#[derive(Debug, Clone, Default)]
pub(crate) struct Changes(Arc<AtomicBool>);

impl Changes {
    pub(crate) fn mark(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether something changed, and forget it.
    pub(crate) fn take(&self) -> bool {
        self.0.swap(false, Ordering::SeqCst)
    }
}

/// A file as (its directory, canonical; its name), comparable with events.
fn key(path: &Path) -> Option<(PathBuf, std::ffi::OsString)> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some((
        std::fs::canonicalize(parent).ok()?,
        path.file_name()?.to_os_string(),
    ))
}

impl Watch {
    pub(crate) fn start(paths: &[PathBuf]) -> io::Result<Watch> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let targets: Vec<(PathBuf, std::ffi::OsString)> =
            paths.iter().filter_map(|p| key(p)).collect();
        let wanted = targets.clone();
        let changes = Changes::default();
        let changed = changes.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event
                    && event
                        .paths
                        .iter()
                        .filter_map(|p| key(p))
                        .any(|k| wanted.contains(&k))
                {
                    changed.mark();
                    let _ = (&notify).write(&[1]);
                }
            })
            .map_err(io::Error::other)?;
        let mut dirs: Vec<&PathBuf> = targets.iter().map(|(d, _)| d).collect();
        dirs.dedup();
        for dir in dirs {
            watcher
                .watch(dir, RecursiveMode::NonRecursive)
                .map_err(io::Error::other)?;
        }
        Ok(Watch {
            _watcher: watcher,
            wake,
            changes,
        })
    }

    pub(crate) fn changes(&self) -> Changes {
        self.changes.clone()
    }

    /// The fd that becomes readable when a watched file changed.
    pub(crate) fn wake_fd(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }
}
