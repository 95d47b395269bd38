//! The files `briefing serve` keeps (the `--log` file and the host key)
//! against a second local user, as an attacker would go at them: run as
//! root, the attacker is uid 65534 (`nobody`), who plants a symbolic link or
//! a file of their own where the server will look, or tries to read what the
//! server wrote. Each makes the server refuse to start with a clear message.
//! The log file's lines are the log's, with fingerprints and no key material.
//! Not root: the second-user tests are skipped, with a message.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use common::ssh::{Server, available, run_bounded};

const T: Duration = Duration::from_secs(30);
const NOBODY: u32 = 65534;

fn root_or_skip(test: &str) -> bool {
    if uid() == 0 {
        return true;
    }
    eprintln!("{test}: skipped: it needs root, to act as a second user (uid {NOBODY})");
    false
}

/// This process's user id.
fn uid() -> u32 {
    std::fs::metadata("/proc/self").map_or(u32::MAX, |m| m.uid())
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `program args…` run as the second user; whether it succeeded.
fn as_nobody(program: &str, args: &[&Path]) -> Output {
    let mut cmd = Command::new(program);
    cmd.args(args).uid(NOBODY).gid(NOBODY);
    run_bounded(cmd, T)
}

/// A directory like /tmp: root's, everyone may write, sticky.
fn shared_dir(root: &Path) -> PathBuf {
    let dir = root.join("shared");
    std::fs::create_dir(&dir).unwrap();
    chmod(&dir, 0o1777);
    dir
}

/// `briefing serve` with `extra` flags, expected to refuse to start: its output.
fn refused_start(work: &Path, extra: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.args(["--lang", "en", "serve", "--listen", "127.0.0.1:0"]);
    if !extra.contains(&"--authorized-keys") {
        let keys = work.join("authorized_keys");
        if !keys.exists() {
            std::fs::write(&keys, "").unwrap();
        }
        cmd.arg("--authorized-keys").arg(&keys);
    }
    cmd.args(extra).env("XDG_STATE_HOME", work.join("state"));
    let out = run_bounded(cmd, T);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("Listening"),
        "{out:?}"
    );
    out
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_log_file_has_the_lines_with_fingerprints_and_no_key_material() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("serve.log");
    let server = Server::start(&["--log", path.to_str().unwrap()]);
    assert!(server.ssh("listed", &[], &["list"]).status.success());
    assert_eq!(
        server.ssh("unlisted", &[], &["list"]).status.code(),
        Some(255)
    );
    server.wait_log("event=auth-refused", T);
    server.wait_log("event=closed", T);
    std::thread::sleep(Duration::from_millis(300));
    let file = std::fs::read_to_string(&path).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
    let auth = file
        .lines()
        .find(|l| l.contains("event=auth "))
        .unwrap_or_else(|| panic!("{file}"));
    assert!(auth.contains("key=SHA256:"), "{auth}");
    assert!(file.contains("event=auth-refused"), "{file}");
    // The same lines as on stderr.
    let stderr = server.log();
    for line in file.lines() {
        assert!(stderr.contains(line), "{line:?} not on stderr:\n{stderr}");
    }
    for key in ["listed.pub", "unlisted.pub"] {
        let text = std::fs::read_to_string(server.key(key)).unwrap();
        let material = text.split_whitespace().nth(1).unwrap();
        assert!(!file.contains(&material[20..40]), "{key} in\n{file}");
    }
    // A second start appends.
    drop(server);
    let before = file.lines().count();
    let server = Server::start(&["--log", path.to_str().unwrap()]);
    assert!(server.ssh("listed", &[], &["list"]).status.success());
    server.wait_log("event=closed", T);
    std::thread::sleep(Duration::from_millis(300));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&file) && after.lines().count() > before);
}

#[test]
fn a_log_file_of_our_own_open_to_others_or_a_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("serve.log");
    std::fs::write(&log, "").unwrap();
    chmod(&log, 0o644);
    let out = refused_start(dir.path(), &["--log", log.to_str().unwrap()]);
    assert!(
        said(&out).contains("other users can read or write it"),
        "{out:?}"
    );
    chmod(&log, 0o600);
    let link = dir.path().join("link.log");
    std::os::unix::fs::symlink(&log, &link).unwrap();
    let out = refused_start(dir.path(), &["--log", link.to_str().unwrap()]);
    assert!(said(&out).contains("is a symbolic link"), "{out:?}");
    let open_dir = dir.path().join("open");
    std::fs::create_dir(&open_dir).unwrap();
    chmod(&open_dir, 0o777);
    let out = refused_start(
        dir.path(),
        &["--log", open_dir.join("x.log").to_str().unwrap()],
    );
    assert!(
        said(&out).contains("other users can write in the directory"),
        "{out:?}"
    );
    assert!(!open_dir.join("x.log").exists());
}

#[test]
fn a_second_user_cannot_redirect_or_own_the_log_file() {
    if !root_or_skip("a_second_user_cannot_redirect_or_own_the_log_file") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let shared = shared_dir(dir.path());
    // The attacker plants a link where the log will be, to a file of root's.
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "precious\n").unwrap();
    let planted = shared.join("serve.log");
    let out = as_nobody("ln", &[Path::new("-s"), &victim, &planted]);
    assert!(out.status.success(), "{out:?}");
    let out = refused_start(dir.path(), &["--log", planted.to_str().unwrap()]);
    assert!(said(&out).contains("is a symbolic link"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    // The attacker makes the file first, to read what is logged.
    let theirs = shared.join("theirs.log");
    let out = as_nobody("touch", &[&theirs]);
    assert!(out.status.success(), "{out:?}");
    let out = refused_start(dir.path(), &["--log", theirs.to_str().unwrap()]);
    assert!(
        said(&out).contains("belongs to another user (uid 65534)"),
        "{out:?}"
    );
    assert_eq!(std::fs::metadata(&theirs).unwrap().len(), 0);
    // A directory the attacker owns.
    let their_dir = dir.path().join("their-dir");
    std::fs::create_dir(&their_dir).unwrap();
    std::os::unix::fs::chown(&their_dir, Some(NOBODY), Some(NOBODY)).unwrap();
    let out = refused_start(
        dir.path(),
        &["--log", their_dir.join("x.log").to_str().unwrap()],
    );
    assert!(
        said(&out).contains("directory belongs to another user"),
        "{out:?}"
    );
}

#[test]
fn a_second_user_cannot_plant_own_or_read_the_host_key() {
    if !root_or_skip("a_second_user_cannot_plant_own_or_read_the_host_key") || !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let shared = shared_dir(dir.path());
    // A key of the attacker's making (they would know its secret half).
    let theirs = shared.join("host");
    let out = as_nobody(
        "ssh-keygen",
        &[
            Path::new("-q"),
            Path::new("-t"),
            Path::new("ed25519"),
            Path::new("-N"),
            Path::new(""),
            Path::new("-f"),
            &theirs,
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let out = refused_start(dir.path(), &["--host-key", theirs.to_str().unwrap()]);
    assert!(
        said(&out).contains("belongs to another user (uid 65534)"),
        "{out:?}"
    );
    // A link planted where the key would be made.
    let planted = shared.join("planted");
    let out = as_nobody("ln", &[Path::new("-s"), &theirs, &planted]);
    assert!(out.status.success(), "{out:?}");
    let out = refused_start(dir.path(), &["--host-key", planted.to_str().unwrap()]);
    assert!(said(&out).contains("is a symbolic link"), "{out:?}");
    // A dangling link: not followed to make a key where the attacker chose.
    let dangling = shared.join("dangling");
    let aim = shared.join("aim");
    let out = as_nobody("ln", &[Path::new("-s"), &aim, &dangling]);
    assert!(out.status.success(), "{out:?}");
    let out = refused_start(dir.path(), &["--host-key", dangling.to_str().unwrap()]);
    assert!(said(&out).contains("is a symbolic link"), "{out:?}");
    assert!(!aim.exists(), "{out:?}");
    // The key the server makes: the second user cannot read it, even with
    // every directory on the way open to them.
    let server = {
        let state = dir.path().join("state");
        std::fs::create_dir(&state).unwrap();
        chmod(&state, 0o755);
        let key = state.join("briefing-host");
        let s = Server::start(&["--host-key", key.to_str().unwrap()]);
        (s, key)
    };
    let (_server, key) = server;
    assert_eq!(std::fs::metadata(&key).unwrap().mode() & 0o777, 0o600);
    let out = as_nobody("cat", &[&key]);
    assert!(!out.status.success(), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("PRIVATE KEY"));
}

#[test]
fn key_files_another_user_could_change_are_refused() {
    if !root_or_skip("key_files_another_user_could_change_are_refused") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let shared = shared_dir(dir.path());
    // Written by the attacker: their authorized_keys, their CA file.
    for flag in ["--authorized-keys", "--trusted-user-ca-keys"] {
        let theirs = shared.join(format!("theirs{flag}"));
        let out = as_nobody("touch", &[&theirs]);
        assert!(out.status.success(), "{out:?}");
        let out = refused_start(dir.path(), &[flag, theirs.to_str().unwrap()]);
        assert!(
            said(&out).contains("belongs to another user (uid 65534)"),
            "{flag}: {out:?}"
        );
        // A link of theirs, in the sticky directory, to that file.
        let link = shared.join(format!("link{flag}"));
        let out = as_nobody("ln", &[Path::new("-s"), &theirs, &link]);
        assert!(out.status.success(), "{out:?}");
        let out = refused_start(dir.path(), &[flag, link.to_str().unwrap()]);
        assert!(
            said(&out).contains("belongs to another user (uid 65534)"),
            "{flag}: {out:?}"
        );
    }
    // Root's file, but one anyone may write to.
    let open = dir.path().join("open-keys");
    std::fs::write(&open, "").unwrap();
    chmod(&open, 0o666);
    let out = refused_start(
        dir.path(),
        &["--trusted-user-ca-keys", open.to_str().unwrap()],
    );
    assert!(said(&out).contains("other users can change it"), "{out:?}");
    // Root's file, in a directory the attacker owns.
    let their_dir = dir.path().join("their-dir");
    std::fs::create_dir(&their_dir).unwrap();
    std::fs::write(their_dir.join("keys"), "").unwrap();
    std::os::unix::fs::chown(&their_dir, Some(NOBODY), Some(NOBODY)).unwrap();
    let keys = their_dir.join("keys");
    let out = refused_start(dir.path(), &["--authorized-keys", keys.to_str().unwrap()]);
    assert!(
        said(&out).contains("directory belongs to another user"),
        "{out:?}"
    );
}
