//! Files only the server's user may control: the host key and the log
//! file. The directory is checked first (owned by this user or root, and
//! writable by no one else unless sticky, as /tmp is); the file is opened
//! without following a symbolic link (O_NOFOLLOW) and checked on the open
//! descriptor, so nothing can be swapped in between: a regular file, owned by
//! this user, that group and others can neither read nor write.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

use crate::i18n::{subst, t};

/// Why a file was not opened.
#[derive(Debug)]
pub(super) enum Problem {
    /// There is no such file (and it was not to be made).
    Missing,
    /// The message to print.
    Refused(String),
}

/// The directory a file lives in, as the file's path has it.
fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Whether another user could replace or plant files in `path`'s directory.
pub(super) fn check_dir(path: &Path) -> Result<(), Problem> {
    let dir = parent(path);
    let shown = dir.display().to_string();
    let meta = match std::fs::metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Problem::Missing),
        Err(e) => return Err(refused("serve.file_bad", &shown, &e)),
    };
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me && meta.uid() != 0 {
        return Err(Problem::Refused(subst(
            t("serve.dir_owner"),
            &[&shown, &meta.uid().to_string()],
        )));
    }
    if meta.mode() & 0o022 != 0 && meta.mode() & 0o1000 == 0 {
        return Err(Problem::Refused(subst(t("serve.dir_writable"), &[&shown])));
    }
    Ok(())
}

/// Whether a file that says who comes in (`authorized_keys`, the CA keys)
/// could be changed by another user: it, the directory it is named in and
/// the directory it really lives in must be this user's or root's, and
/// writable by no one else (a directory may be sticky, as /tmp). Others may
/// read it: it holds public keys. `Err` is the message to print.
pub(super) fn check_trusted(path: &Path) -> Result<(), String> {
    let shown = path.display().to_string();
    let message = |p: Problem| match p {
        Problem::Refused(m) => m,
        Problem::Missing => subst(t("serve.keys_bad"), &[&shown, "not found"]),
    };
    check_dir(path).map_err(message)?;
    let real = path
        .canonicalize()
        .map_err(|e| subst(t("serve.keys_bad"), &[&shown, &e.to_string()]))?;
    check_dir(&real).map_err(message)?;
    let meta = std::fs::metadata(&real)
        .map_err(|e| subst(t("serve.keys_bad"), &[&shown, &e.to_string()]))?;
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me && meta.uid() != 0 {
        return Err(subst(
            t("serve.file_owner"),
            &[&shown, &meta.uid().to_string()],
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(subst(t("serve.file_writable"), &[&shown]));
    }
    Ok(())
}

fn refused(id: &'static str, shown: &str, e: &dyn std::fmt::Display) -> Problem {
    Problem::Refused(subst(t(id), &[shown, &e.to_string()]))
}

/// Open `path` with `options` (never through a symbolic link), in a
/// directory no one else controls, and check what was opened.
pub(super) fn open(path: &Path, options: &mut OpenOptions) -> Result<File, Problem> {
    let shown = path.display().to_string();
    check_dir(path)?;
    // Said plainly here; O_NOFOLLOW is what holds if one appears meanwhile
    // (in a sticky directory the kernel may answer EACCES before ELOOP).
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Problem::Refused(subst(t("serve.file_symlink"), &[&shown])));
    }
    let file = match options.custom_flags(libc::O_NOFOLLOW).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Problem::Missing),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(Problem::Refused(subst(t("serve.file_symlink"), &[&shown])));
        }
        Err(e) => return Err(refused("serve.file_bad", &shown, &e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| refused("serve.file_bad", &shown, &e))?;
    let me = rustix::process::geteuid().as_raw();
    if !meta.is_file() {
        Err(Problem::Refused(subst(
            t("serve.file_not_regular"),
            &[&shown],
        )))
    } else if meta.uid() != me {
        Err(Problem::Refused(subst(
            t("serve.file_owner"),
            &[&shown, &meta.uid().to_string()],
        )))
    } else if meta.mode() & 0o077 != 0 {
        Err(Problem::Refused(subst(t("serve.file_open"), &[&shown])))
    } else {
        Ok(file)
    }
}

#[cfg(test)]
mod tests;
