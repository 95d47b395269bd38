//! Names a remote reader gives (`open 2023`, `print 2023.toml`) resolved
//! inside the served directories only: a plain relative name, no `..`, no
//! absolute path, and no symlink that leads out of its directory.

use std::path::{Component, Path, PathBuf};

/// The file `name` stands for in `dirs`, if it is one of theirs.
pub(super) fn resolve(dirs: &[PathBuf], name: &str) -> Option<PathBuf> {
    let path = Path::new(name);
    let plain = !name.is_empty()
        && !name.contains('\0')
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        return None;
    }
    let with_ext = (path.extension().is_none()).then(|| path.with_extension("toml"));
    for dir in dirs {
        let Ok(root) = dir.canonicalize() else {
            continue;
        };
        for candidate in std::iter::once(path).chain(with_ext.as_deref()) {
            if let Ok(real) = root.join(candidate).canonicalize()
                && real.starts_with(&root)
                && real.is_file()
            {
                return Some(real);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_inside() {
        let top = tempfile::tempdir().unwrap();
        let served = top.path().join("served");
        std::fs::create_dir(&served).unwrap();
        std::fs::create_dir(served.join("sub")).unwrap();
        std::fs::write(served.join("2023.toml"), "x").unwrap();
        std::fs::write(served.join("sub/a.toml"), "x").unwrap();
        std::fs::write(top.path().join("secret.toml"), "x").unwrap();
        std::os::unix::fs::symlink(top.path().join("secret.toml"), served.join("out.toml"))
            .unwrap();
        std::os::unix::fs::symlink(served.join("2023.toml"), served.join("in.toml")).unwrap();
        let dirs = vec![served.clone()];
        let real = served.canonicalize().unwrap();
        assert_eq!(resolve(&dirs, "2023"), Some(real.join("2023.toml")));
        assert_eq!(resolve(&dirs, "2023.toml"), Some(real.join("2023.toml")));
        assert_eq!(resolve(&dirs, "sub/a"), Some(real.join("sub/a.toml")));
        assert_eq!(resolve(&dirs, "in"), Some(real.join("2023.toml")));
        for bad in [
            "../secret",
            "../secret.toml",
            "sub/../../secret",
            "out",
            "out.toml",
            "/etc/passwd",
            "",
            ".",
            "sub",
            "./2023",
            "nothere",
        ] {
            assert_eq!(resolve(&dirs, bad), None, "{bad}");
        }
    }
}
