//! Live reload (`--watch`): the briefing's files are watched (their
//! directories, since editors often replace a file by renaming a new one
//! over it), and a change wakes the input loop through a pipe.

use std::io::{self, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

pub struct Watch {
    _watcher: RecommendedWatcher,
    wake: UnixStream,
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
    pub fn start(paths: &[PathBuf]) -> io::Result<Watch> {
        let (wake, notify) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        notify.set_nonblocking(true)?;
        let targets: Vec<(PathBuf, std::ffi::OsString)> =
            paths.iter().filter_map(|p| key(p)).collect();
        let wanted = targets.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event
                    && event
                        .paths
                        .iter()
                        .filter_map(|p| key(p))
                        .any(|k| wanted.contains(&k))
                {
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
        })
    }

    pub fn wake_fd(&self) -> RawFd {
        self.wake.as_raw_fd()
    }
}
