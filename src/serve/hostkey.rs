//! The server's host key: an ed25519 key made at first start in
//! `$XDG_STATE_HOME/briefing/` with mode 0600; refused when others can reach
//! it, own it, or control its directory, or when it is a symbolic link.

use std::fs::{self, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

use super::private::{self, Problem};
use crate::i18n::{subst, t};

/// Where the host key lives when `--host-key` is not given.
pub(super) fn default_path() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/state"))
        })?;
    Some(state.join("briefing").join("host_ed25519"))
}

/// The key at `path`, made there first if there is none; `Err` is the
/// message to print (a key others can reach is never used, see `private`).
pub(super) fn load_or_create(path: &Path) -> Result<PrivateKey, String> {
    let shown = path.display().to_string();
    let bad = |e: &dyn std::fmt::Display| subst(t("serve.key_bad"), &[&shown, &e.to_string()]);
    match private::open(path, OpenOptions::new().read(true)) {
        Ok(mut file) => {
            let mut text = String::new();
            file.read_to_string(&mut text).map_err(|e| bad(&e))?;
            PrivateKey::from_openssh(text).map_err(|e| bad(&e))
        }
        Err(Problem::Missing) => create(path).map_err(|e| match e {
            Made::Refused(m) => m,
            Made::Failed(e) => bad(&e),
        }),
        Err(Problem::Refused(m)) => Err(m),
    }
}

enum Made {
    Refused(String),
    Failed(Box<dyn std::error::Error>),
}

impl<E: std::error::Error + 'static> From<E> for Made {
    fn from(e: E) -> Made {
        Made::Failed(Box::new(e))
    }
}

fn create(path: &Path) -> Result<PrivateKey, Made> {
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    match private::check_dir(path) {
        Ok(()) => {}
        Err(Problem::Refused(m)) => return Err(Made::Refused(m)),
        Err(Problem::Missing) => {
            return Err(std::io::Error::from(std::io::ErrorKind::NotFound).into());
        }
    }
    let text = key.to_openssh(LineEnding::LF)?;
    // create_new: never over a file (or a link) that appeared meanwhile;
    // 0600 from the start.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(libc::O_NOFOLLOW)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    eprintln!(
        "{}",
        subst(t("serve.key_made"), &[&path.display().to_string()])
    );
    Ok(key)
}

/// The SHA-256 fingerprint, as `ssh-keygen -l` shows it.
pub(super) fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn made_once_with_mode_0600_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/briefing/host_ed25519");
        let made = load_or_create(&path).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let again = load_or_create(&path).unwrap();
        assert_eq!(fingerprint(&made), fingerprint(&again));
        assert!(fingerprint(&made).starts_with("SHA256:"));
    }

    #[test]
    fn a_key_others_can_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("host");
        load_or_create(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let err =
            crate::i18n::with_lang(crate::i18n::Lang::En, || load_or_create(&path)).unwrap_err();
        assert!(err.contains("other users can read or write it"), "{err}");
    }
}
