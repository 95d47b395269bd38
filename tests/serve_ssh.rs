//! `briefing serve` against the real OpenSSH client: a listed key reads,
//! everything else is refused (an unlisted key, a password, forwarding, a
//! shell, any other command, a name outside the served directories).

mod common;

use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use common::pty::Session;
use common::ssh::{Server, available, run_bounded};

const T: Duration = Duration::from_secs(30);

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `ssh -t` on a pseudo-terminal of 80×24.
fn terminal(server: &Server, args: &[&str]) -> Session {
    let mut all: Vec<String> = server.ssh_args("listed");
    all.push("-t".into());
    all.push("127.0.0.1".into());
    all.extend(args.iter().map(|s| s.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    Session::spawn_program("ssh", &all, 80, 24, &[])
}

#[test]
fn a_listed_key_gets_the_start_screen_and_opens_2023() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    let mut s = terminal(&server, &[]);
    s.wait_for("Briefings", T);
    s.wait_for("2023", T);
    s.send(b"\r");
    s.wait_for("综述", T);
    // The reader's status line, at 80 columns.
    s.wait_for("1-9", T);
    s.resize(50, 20);
    s.send(b"q");
    s.wait_for("Briefings", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    server.wait_log("event=closed", T);
    let log = server.log();
    assert!(
        log.contains("event=auth") && log.contains("what=\"start\""),
        "{log}"
    );
    assert!(log.contains("key=SHA256:"), "{log}");
    // No key material in the log: the listed key's base64 never appears.
    let public = std::fs::read_to_string(server.key("listed.pub")).unwrap();
    let material = public.split_whitespace().nth(1).unwrap();
    assert!(!log.contains(&material[20..40]), "{log}");
}

#[test]
fn served_commands_print_and_list() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    let list = server.ssh("listed", &[], &["list"]);
    assert!(list.status.success(), "{list:?}");
    assert!(text(&list.stdout).contains("2023.toml"));
    let print = server.ssh("listed", &[], &["print", "2023", "--width", "40"]);
    assert!(print.status.success(), "{print:?}");
    let out = text(&print.stdout);
    assert!(out.contains("西宁市公安局"));
    let widest = out
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!(widest <= 40, "{widest}");
    let mut s = terminal(&server, &["open", "2023"]);
    s.wait_for("综述", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}

#[test]
fn an_unlisted_key_and_a_password_are_refused() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    let out = server.ssh("unlisted", &[], &["list"]);
    assert_eq!(out.status.code(), Some(255), "{out:?}");
    assert!(text(&out.stderr).contains("Permission denied"), "{out:?}");
    assert!(!text(&out.stdout).contains("2023"));
    let out = server.ssh(
        "listed",
        &[
            "-o",
            "PubkeyAuthentication=no",
            "-o",
            "PreferredAuthentications=password,keyboard-interactive",
        ],
        &["list"],
    );
    assert_eq!(out.status.code(), Some(255), "{out:?}");
    assert!(
        text(&out.stderr).contains("Permission denied (publickey)"),
        "{out:?}"
    );
    server.wait_log("event=auth-refused", T);
}

#[test]
fn no_shell_no_other_command_no_subsystem() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    for args in [
        &["cat", "/etc/passwd"][..],
        &["sh"],
        &["sh", "-c", "id"],
        &["list;", "id"],
        &["scp", "-f", "/etc/passwd"],
    ] {
        let out = server.ssh("listed", &[], args);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(!text(&out.stdout).contains("root:"), "{args:?}");
        assert!(!text(&out.stdout).contains("uid="), "{args:?}");
    }
    // A shell without a terminal, and the sftp subsystem.
    let out = server.ssh("listed", &["-T"], &[]);
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    let out = server.ssh("listed", &["-s"], &["sftp"]);
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    server.wait_log("request=subsystem", T);
    server.answers();
}

#[test]
fn names_outside_the_served_directories_are_refused() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    for name in [
        "../Cargo.toml",
        "/etc/passwd",
        "../../etc/passwd",
        "briefings/../Cargo",
    ] {
        let out = server.ssh("listed", &[], &["print", name]);
        assert_ne!(out.status.code(), Some(0), "{name}: {out:?}");
        assert!(out.stdout.is_empty(), "{name}: {out:?}");
        assert!(
            text(&out.stderr).contains("not among the served"),
            "{name}: {out:?}"
        );
        let out = server.ssh("listed", &["-t", "-t"], &["open", name]);
        assert_ne!(out.status.code(), Some(0), "{name}: {out:?}");
    }
}

#[test]
fn forwarding_is_refused() {
    if !available() {
        return;
    }
    let server = Server::start(&[]);
    // -R: the server refuses, and the client says so.
    let out = server.ssh(
        "listed",
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            "0:127.0.0.1:9",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(255), "{out:?}");
    server.wait_log("request=tcpip-forward", T);
    // -L: a connection through the tunnel gets nothing from the far side.
    let local = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let lport = local.local_addr().unwrap().port();
    drop(local);
    let mut cmd = Command::new("ssh");
    cmd.args(server.ssh_args("listed")).args([
        "-N",
        "-L",
        &format!("{lport}:127.0.0.1:{}", server.port),
        "127.0.0.1",
    ]);
    let tunnel = std::thread::spawn(move || run_bounded(cmd, Duration::from_secs(20)));
    let start = std::time::Instant::now();
    let mut stream = loop {
        if let Ok(s) = TcpStream::connect(("127.0.0.1", lport)) {
            break s;
        }
        assert!(start.elapsed() < T, "the tunnel never listened");
        std::thread::sleep(Duration::from_millis(100));
    };
    stream.set_read_timeout(Some(T)).unwrap();
    let mut got = Vec::new();
    let _ = std::io::Read::read_to_end(&mut stream, &mut got);
    // The server's own banner would come back through an open tunnel.
    assert!(!text(&got).contains("SSH-2.0"), "{}", text(&got));
    server.wait_log("request=direct-tcpip", T);
    drop(tunnel);
}

#[test]
fn a_host_key_others_can_read_is_refused() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("host");
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::write(dir.path().join("keys"), "").unwrap();
    let serve = |key: &std::path::Path| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args([
            "--lang",
            "en",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--host-key",
        ])
        .arg(key)
        .arg("--authorized-keys")
        .arg(dir.path().join("keys"));
        cmd
    };
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = run_bounded(serve(&key), T);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        text(&out.stderr).contains("other users can read or write it"),
        "{out:?}"
    );
    // Without --authorized-keys and without --allow-anyone: refused to start.
    let out = run_bounded(
        {
            let mut c = Command::new(env!("CARGO_BIN_EXE_briefing"));
            c.args(["serve", "--listen", "127.0.0.1:0"]);
            c
        },
        T,
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn sigterm_closes_each_session_with_a_message() {
    if !available() {
        return;
    }
    let mut server = Server::start(&[]);
    let mut one = terminal(&server, &[]);
    let mut two = terminal(&server, &["open", "2023"]);
    one.wait_for("Briefings", T);
    two.wait_for("综述", T);
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    one.wait_for("The server is shutting down", T);
    two.wait_for("The server is shutting down", T);
    assert_eq!(one.wait_exit(T), 0);
    let start = std::time::Instant::now();
    let code = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status.code();
        }
        assert!(start.elapsed() < T, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(code, Some(0));
}
