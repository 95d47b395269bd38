//! Where a presenter was, kept per channel under `$XDG_STATE_HOME/briefing/`
//! (else `~/.local/state/briefing/`), so that a restarted presenter — and
//! with it the room — resumes at its last slide. One short line a channel,
//! in the follow protocol's own format, written whole (a new file renamed
//! over the old one).

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::protocol::{MAX_LINE, Place, decode, encode};

/// The file of the channel whose socket is `socket` (named after its file name).
pub(crate) fn path_for(socket: &Path) -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|d| !d.is_empty())
                .map(|h| PathBuf::from(h).join(".local/state"))
        })?;
    let name = socket.file_name()?.to_str()?;
    let name = name.strip_suffix(".sock").unwrap_or(name);
    Some(
        base.join("briefing")
            .join("places")
            .join(format!("{name}.place")),
    )
}

/// Keep `place` at `path`; a failure only loses the resume.
pub(crate) fn save(path: &Path, place: Place) {
    let Some(dir) = path.parent() else {
        return;
    };
    let _ = std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir);
    let tmp = path.with_extension(format!("place.{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut f| f.write_all(encode(&"0".repeat(16), place, 0).as_bytes()));
    if written.is_ok() {
        let _ = std::fs::rename(&tmp, path);
    } else {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The place kept at `path`, if there is a well-formed one.
pub(crate) fn load(path: &Path) -> Option<Place> {
    let text = std::fs::read(path).ok()?;
    if text.len() > MAX_LINE + 1 {
        return None;
    }
    let line = std::str::from_utf8(&text).ok()?;
    decode(line.trim_end()).map(|(_, place, _)| place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow::PlaceKind;

    #[test]
    fn a_place_comes_back_and_junk_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/room.place");
        let place = Place {
            section: Some(3),
            item: Some(1),
            kind: PlaceKind::Text,
            page: 2,
        };
        save(&path, place);
        assert_eq!(load(&path), Some(place));
        std::fs::write(&path, "x".repeat(10_000)).unwrap();
        assert_eq!(load(&path), None);
        assert_eq!(load(&dir.path().join("none")), None);
    }
}
