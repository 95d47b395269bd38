//! The follow channel against a second local user, as an attacker would use
//! it: run as root, the attacker is this test binary again as `nobody`
//! (uid 65534). Not root: skipped, with a message.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::UnixListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use briefing::testing::follow::{Start, channel, place_line, start_channel, uid, user_name};
use common::pty::Session;

const T: Duration = Duration::from_secs(10);
const NOBODY: u32 = 65534;

fn hash() -> String {
    channel(Path::new(common::HARBOUR))
}

fn root_or_skip(test: &str) -> bool {
    if uid() == 0 {
        return true;
    }
    eprintln!("{test}: skipped: it needs root, to act as a second user (uid {NOBODY})");
    false
}

/// A directory tree the attacker can reach: `open` is like /tmp (root's, 1777).
struct Ground {
    dir: tempfile::TempDir,
}

impl Ground {
    fn new() -> Ground {
        let dir = tempfile::tempdir().unwrap();
        chmod(dir.path(), 0o755);
        let ground = Ground { dir };
        std::fs::create_dir(ground.open()).unwrap();
        chmod(&ground.open(), 0o1777);
        std::fs::create_dir(ground.run()).unwrap();
        chmod(&ground.run(), 0o700);
        ground
    }
    fn open(&self) -> PathBuf {
        self.dir.path().join("open")
    }
    /// The presenter's private runtime directory.
    fn run(&self) -> PathBuf {
        self.dir.path().join("run")
    }
    /// A shared directory made as /tmp/briefing-shared would be: root's, sticky.
    fn good_shared(&self) -> PathBuf {
        let dir = self.open().join("shared");
        std::fs::create_dir(&dir).unwrap();
        chmod(&dir, 0o1777);
        dir
    }
    fn env<'a>(&'a self, shared: &'a Path) -> Vec<(&'static str, String)> {
        vec![
            ("BRIEFING_SHARED_DIR", shared.to_str().unwrap().to_string()),
            ("XDG_RUNTIME_DIR", self.run().to_str().unwrap().to_string()),
        ]
    }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn spawn(args: &[&str], env: &[(&'static str, String)]) -> Session {
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Session::spawn(args, 200, 30, &env)
}

/// This test binary again, as `nobody`, doing `action` (see the test `attacker`).
fn as_attacker(action: &str, path: &Path, extra: &[(&str, &str)]) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["attacker", "--exact", "--nocapture", "--test-threads=1"])
        .env("FOLLOW_ATTACK", action)
        .env("FOLLOW_ATTACK_PATH", path)
        .envs(extra.iter().copied())
        .uid(NOBODY)
        .gid(NOBODY)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// The line the attacker prints when it is ready (or done).
fn said(child: &mut Child) -> String {
    let mut lines = BufReader::new(child.stdout.as_mut().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            lines.read_line(&mut line).unwrap() > 0,
            "the attacker said nothing"
        );
        // libtest may print its own words before it on the same line.
        if let Some((_, word)) = line.trim().split_once("ATTACKER ") {
            return word.to_string();
        }
    }
}

/// The attacker's side, when run by `attacker()`; otherwise nothing.
#[test]
fn attacker() {
    let (Ok(action), Some(path)) = (
        std::env::var("FOLLOW_ATTACK"),
        std::env::var_os("FOLLOW_ATTACK_PATH").map(PathBuf::from),
    ) else {
        return;
    };
    assert_eq!(uid(), NOBODY);
    match action.as_str() {
        "mkdir" => {
            std::fs::create_dir(&path).unwrap();
            chmod(&path, 0o1777);
            println!("ATTACKER ready");
        }
        "squat" => {
            let listener = UnixListener::bind(&path).unwrap();
            chmod(&path, 0o666);
            println!("ATTACKER ready");
            let line = place_line(&std::env::var("FOLLOW_ATTACK_HASH").unwrap(), 2, 0);
            let mut peers = Vec::new();
            for peer in listener.incoming().flatten() {
                let mut peer = peer;
                let _ = peer.write_all(line.as_bytes());
                peers.push(peer);
            }
        }
        "race" => {
            // Swap a symlink to the victim in at the socket's name, as fast as it goes.
            let victim = std::env::var_os("FOLLOW_ATTACK_VICTIM").unwrap();
            let until = Instant::now() + Duration::from_secs(4);
            let mut swaps = 0u64;
            while Instant::now() < until {
                let _ = std::fs::remove_file(&path);
                if std::os::unix::fs::symlink(&victim, &path).is_ok() {
                    swaps += 1;
                }
            }
            println!("ATTACKER {swaps}");
        }
        other => panic!("no attack {other}"),
    }
}

#[test]
fn a_shared_directory_another_user_can_change_is_refused() {
    if !root_or_skip("a_shared_directory_another_user_can_change_is_refused") {
        return;
    }
    let ground = Ground::new();
    let file = common::HARBOUR;
    // The attacker made the shared directory first.
    let theirs = ground.open().join("theirs");
    let mut made = as_attacker("mkdir", &theirs, &[]);
    assert_eq!(said(&mut made), "ready");
    made.wait().unwrap();
    assert_eq!(std::fs::metadata(&theirs).unwrap().uid(), NOBODY);
    // Root's, but writable by all and not sticky: anyone may swap names in it.
    let loose = ground.open().join("loose");
    std::fs::create_dir(&loose).unwrap();
    chmod(&loose, 0o777);
    for dir in [&theirs, &loose] {
        let mut p = spawn(
            &["present", "--presenter", "--share", file],
            &ground.env(dir),
        );
        p.wait_for("其他用户可改动，不安全", T);
        assert!(p.screen().contains(dir.to_str().unwrap()), "{}", p.screen());
        p.send(b"q");
        assert_eq!(p.wait_exit(T), 0);
        assert_eq!(
            std::fs::read_dir(dir).unwrap().count(),
            0,
            "no socket in {dir:?}"
        );
    }
    // The same presenter in a sticky directory of root's shares its channel.
    let shared = ground.good_shared();
    let mut p = spawn(
        &["present", "--presenter", "--share", file],
        &ground.env(&shared),
    );
    p.wait_for("0 人跟随", T);
    let socket = shared.join(format!("{}.sock", hash()));
    assert_eq!(
        std::fs::symlink_metadata(&socket).unwrap().mode() & 0o777,
        0o666
    );
    p.send(b"q");
    assert_eq!(p.wait_exit(T), 0);
    assert!(!socket.exists());
}

#[test]
fn a_symlink_swapped_in_at_the_socket_never_changes_a_files_mode() {
    if !root_or_skip("a_symlink_swapped_in_at_the_socket_never_changes_a_files_mode") {
        return;
    }
    let ground = Ground::new();
    let shared = ground.good_shared();
    let victim = ground.dir.path().join("victim");
    std::fs::write(&victim, "secret").unwrap();
    chmod(&victim, 0o600);
    let name = format!("{}.sock", hash());
    let socket = shared.join(&name);
    let mut race = as_attacker(
        "race",
        &socket,
        &[("FOLLOW_ATTACK_VICTIM", victim.to_str().unwrap())],
    );
    // Presenters start and stop while the attacker swaps (about 4 s).
    let (mut starts, mut refused) = (0, 0);
    while race.try_wait().unwrap().is_none() {
        match start_channel(&socket, &hash(), true) {
            Start::Started => {}
            Start::Taken(uid) => {
                assert_eq!(uid, NOBODY);
                refused += 1;
            }
            Start::Failed(other) => panic!("{other}"),
        }
        starts += 1;
        let meta = std::fs::symlink_metadata(&victim).unwrap();
        assert!(meta.is_file());
        assert_eq!(meta.mode() & 0o7777, 0o600, "after {starts} starts");
    }
    let swaps: u64 = said(&mut race).parse().unwrap();
    eprintln!(
        "{starts} presenter starts ({refused} refused: the name was the attacker's), {swaps} swaps"
    );
    assert!(
        starts >= 20 && swaps >= 20,
        "{starts} starts, {swaps} swaps"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "secret");
}

#[test]
fn a_squatted_channel_is_named_and_its_presenter_not_followed() {
    if !root_or_skip("a_squatted_channel_is_named_and_its_presenter_not_followed") {
        return;
    }
    let ground = Ground::new();
    let shared = ground.good_shared();
    let env = ground.env(&shared);
    let file = common::HARBOUR;
    let hash = hash();
    let mut squat = as_attacker(
        "squat",
        &shared.join(format!("{hash}.sock")),
        &[("FOLLOW_ATTACK_HASH", hash.as_str())],
    );
    assert_eq!(said(&mut squat), "ready");
    let nobody = user_name(NOBODY);
    // The presenter says who holds its channel.
    let mut p = spawn(&["present", "--presenter", "--share", file], &env);
    p.wait_for(&format!("频道名已被用户 {nobody} 占用"), T);
    // A follower sees the attacker's presenter, names it, and stays put.
    let mut f = spawn(&["present", "--follow", "--share", file], &env);
    f.wait_for(&format!("演示者是用户 {nobody}，未跟随"), T);
    assert!(!f.screen().contains("“绿波通行”"), "{}", f.screen());
    // Told to follow that user, it does.
    let mut told = spawn(
        &["present", "--follow", "--share", "--from", &nobody, file],
        &env,
    );
    told.wait_for(&format!("跟随 {nobody} 的演示"), T);
    told.wait_for("“绿波通行”", T);
    // Without --share a follower never looks in the shared directory.
    let mut private = spawn(&["present", "--follow", file], &env);
    private.wait_for("等待演示者", T);
    private.settle(Duration::from_millis(800));
    assert!(!private.screen().contains(&nobody), "{}", private.screen());
    for mut s in [p, f, told, private] {
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
    squat.kill().unwrap();
    squat.wait().unwrap();
}

#[test]
fn an_unknown_from_user_is_a_usage_error() {
    let out = common::briefing()
        .args([
            "present",
            "--follow",
            "--from",
            "no-such-user-here",
            common::HARBOUR,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`no-such-user-here`"));
}
