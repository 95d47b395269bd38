use super::*;

use std::os::unix::fs::PermissionsExt;

use crate::i18n::{Lang, with_lang};

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn said(path: &Path, options: &mut OpenOptions) -> String {
    match with_lang(Lang::En, || open(path, options)) {
        Ok(_) => "opened".into(),
        Err(Problem::Missing) => "missing".into(),
        Err(Problem::Refused(m)) => m,
    }
}

fn read() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.read(true);
    o
}

#[test]
fn a_private_file_opens_and_others_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f");
    assert_eq!(said(&path, &mut read()), "missing");
    let made = said(
        &path,
        OpenOptions::new().append(true).create(true).mode(0o600),
    );
    assert_eq!(made, "opened");
    assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
    assert_eq!(said(&path, &mut read()), "opened");
    for mode in [0o640, 0o604, 0o620, 0o602] {
        chmod(&path, mode);
        let m = said(&path, &mut read());
        assert!(
            m.contains("other users can read or write it"),
            "{mode:o}: {m}"
        );
    }
    chmod(&path, 0o600);
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    assert!(said(&link, &mut read()).contains("symbolic link"));
    // A dangling link is not followed to make a file either.
    let dangling = dir.path().join("dangling");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    let m = said(
        &dangling,
        OpenOptions::new().append(true).create(true).mode(0o600),
    );
    assert!(m.contains("symbolic link"), "{m}");
    assert!(!dir.path().join("nowhere").exists());
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    assert!(said(&sub, &mut read()).contains("not a regular file"));
}

#[test]
fn a_directory_others_can_write_is_refused_unless_sticky() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f");
    std::fs::write(&path, "").unwrap();
    chmod(&path, 0o600);
    chmod(dir.path(), 0o777);
    assert!(said(&path, &mut read()).contains("other users can write in the directory"));
    chmod(dir.path(), 0o775);
    assert!(said(&path, &mut read()).contains("other users can write in the directory"));
    chmod(dir.path(), 0o1777);
    assert_eq!(said(&path, &mut read()), "opened");
    chmod(dir.path(), 0o700);
}
