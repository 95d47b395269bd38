//! A file that says who comes in, read again when it changes (its inode,
//! length or modification time), or on SIGHUP: the `authorized_keys` file
//! and the trusted CA keys. Each read first checks that no other user can
//! change it (`private::check_trusted`); a file that cannot be read, or
//! could have been changed by another user, keeps what it said.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::private;
use crate::i18n::{subst, t};

/// What a file's text says, its problems going to the log line by line.
pub(super) type Parse<T> = fn(text: &str, file: &str, log: &mut dyn FnMut(String)) -> T;

/// How a file was when it was last read.
type Stamp = (u64, u64, i64, i64);

#[derive(Debug)]
pub(super) struct Watched<T> {
    path: PathBuf,
    stamp: Option<Stamp>,
    parse: Parse<T>,
    /// What the file said when last read.
    pub(super) value: T,
}

impl<T> Watched<T> {
    /// Read `path` with `parse`; the problems go to `log`. `Err` is the
    /// message to print.
    pub(super) fn load(
        path: &Path,
        parse: Parse<T>,
        log: &mut dyn FnMut(String),
    ) -> Result<Watched<T>, String> {
        let stamp = stamp(path);
        let text = text(path)?;
        let value = parse(&text, &path.display().to_string(), log);
        Ok(Watched {
            path: path.to_path_buf(),
            stamp,
            parse,
            value,
        })
    }

    fn read(&mut self, log: &mut dyn FnMut(String)) -> Result<(), String> {
        let stamp = stamp(&self.path);
        let text = text(&self.path)?;
        self.value = (self.parse)(&text, &self.path.display().to_string(), log);
        self.stamp = stamp;
        Ok(())
    }

    /// Read the file again if it changed (or always, with `force`); a file
    /// that cannot be read keeps the value as it was, with a log line.
    pub(super) fn refresh(&mut self, force: bool, log: &mut dyn FnMut(String)) {
        if (force || stamp(&self.path) != self.stamp)
            && let Err(e) = self.read(log)
        {
            log(format!(
                "event=file-refused file={} reason={e:?}",
                self.path.display()
            ));
        }
    }
}

/// The file's text, once it is known that only this user or root could
/// have written it.
fn text(path: &Path) -> Result<String, String> {
    private::check_trusted(path)?;
    std::fs::read_to_string(path).map_err(|e| {
        subst(
            t("serve.keys_bad"),
            &[&path.display().to_string(), &e.to_string()],
        )
    })
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.ino(), meta.len(), meta.mtime(), meta.mtime_nsec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, _file: &str, log: &mut dyn FnMut(String)) -> Vec<String> {
        log(format!("read {}", text.lines().count()));
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn read_again_only_when_changed_or_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "a\n").unwrap();
        let mut reads = Vec::new();
        let mut w = Watched::load(&path, lines, &mut |l| reads.push(l)).unwrap();
        w.refresh(false, &mut |l| reads.push(l));
        assert_eq!(reads.len(), 1, "unchanged: not read again");
        std::fs::write(&path, "a\nb\n").unwrap();
        w.refresh(false, &mut |l| reads.push(l));
        assert_eq!(w.value, ["a", "b"]);
        w.refresh(true, &mut |l| reads.push(l));
        assert_eq!(reads.len(), 3);
        std::fs::remove_file(&path).unwrap();
        w.refresh(false, &mut |l| reads.push(l));
        assert_eq!(w.value, ["a", "b"], "an unreadable file keeps the value");
        assert!(reads[3].contains("file-refused"), "{reads:?}");
    }

    #[test]
    fn a_file_others_can_change_is_not_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "a\n").unwrap();
        let mut w = Watched::load(&path, lines, &mut |_| {}).unwrap();
        std::fs::write(&path, "a\nintruder\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
        let mut said = Vec::new();
        w.refresh(false, &mut |l| said.push(l));
        assert_eq!(w.value, ["a"], "{said:?}");
        assert!(said[0].contains("file-refused"), "{said:?}");
        let err = crate::i18n::with_lang(crate::i18n::Lang::En, || {
            Watched::load(&path, lines, &mut |_| {}).unwrap_err()
        });
        assert!(err.contains("other users can change it"), "{err}");
    }
}
