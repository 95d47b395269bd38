//! OpenSSH user certificates against `briefing serve --trusted-user-ca-keys`,
//! with the real OpenSSH client and certificates made by `ssh-keygen -s`: a
//! valid one gets the start screen; an expired one, one for another
//! principal, one signed by an unlisted CA, a host certificate and one with
//! `force-command` are refused; a hostile client (russh) presenting a host
//! certificate, or a user's certificate under another name, is refused too.
//! The certificate's key is never listed in `authorized_keys`: only the
//! certificate can let it in.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use common::pty::Session;
use common::ssh::{Server, available};

const T: Duration = Duration::from_secs(30);

fn keygen(args: &[&str], path: &Path) {
    let out = Command::new("ssh-keygen")
        .args(["-q"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "ssh-keygen {args:?}: {out:?}");
}

/// The CAs (`ca` listed, `rogue` not) and the file that lists `ca`.
struct Cas {
    dir: tempfile::TempDir,
}

impl Cas {
    fn new() -> Cas {
        let dir = tempfile::tempdir().unwrap();
        for name in ["ca", "rogue"] {
            keygen(
                &["-t", "ed25519", "-N", "", "-C", name, "-f"],
                &dir.path().join(name),
            );
        }
        let ca = std::fs::read_to_string(dir.path().join("ca.pub")).unwrap();
        std::fs::write(dir.path().join("trusted"), format!("# the CA\n{ca}")).unwrap();
        Cas { dir }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("trusted")
    }

    fn key(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn serve(cas: &Cas) -> Server {
    let file = cas.file();
    Server::start(&["--trusted-user-ca-keys", file.to_str().unwrap()])
}

/// A new key `name` in the server's directory, with a certificate signed by
/// `ca` (in `cas`) with ssh-keygen's `extra` options.
fn certified(server: &Server, cas: &Cas, name: &str, ca: &str, extra: &[&str]) {
    let key = server.key(name);
    keygen(&["-t", "ed25519", "-N", "", "-C", name, "-f"], &key);
    let mut args = vec![
        "-s",
        cas.key(ca).to_str().unwrap().to_string().leak() as &str,
    ];
    args.extend_from_slice(&["-z", "4242"]);
    args.extend_from_slice(extra);
    let mut cmd = Command::new("ssh-keygen");
    cmd.arg("-q").args(&args).arg(key.with_extension("pub"));
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "ssh-keygen {args:?}: {out:?}");
    assert!(server.key(&format!("{name}-cert.pub")).exists());
}

/// `ssh -l user` with key `name` (and its certificate, beside it) running `list`.
fn list_as(server: &Server, name: &str, user: &str) -> Output {
    server.ssh(name, &["-l", user], &["list"])
}

fn refused(out: &Output) -> bool {
    out.status.code() == Some(255)
        && String::from_utf8_lossy(&out.stderr).contains("Permission denied")
        && !String::from_utf8_lossy(&out.stdout).contains("2023")
}

#[test]
fn a_valid_certificate_gets_the_start_screen() {
    if !available() {
        return;
    }
    let cas = Cas::new();
    let server = serve(&cas);
    certified(
        &server,
        &cas,
        "officer",
        "ca",
        &["-I", "officer-7@xining", "-n", "alice,bob", "-V", "-5m:+1h"],
    );
    let mut args = server.ssh_args("officer");
    args.extend(["-l", "alice", "-t", "127.0.0.1"].map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut s = Session::spawn_program("ssh", &args, 80, 24, &[]);
    s.wait_for("Briefings", T);
    s.wait_for("2023", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    server.wait_log("event=closed", T);
    let log = server.log();
    let auth = log
        .lines()
        .find(|l| l.contains("event=auth "))
        .unwrap_or_else(|| panic!("{log}"));
    assert!(auth.contains("user=\"alice\""), "{auth}");
    assert!(
        auth.contains("cert_id=\"officer-7@xining\" serial=4242"),
        "{auth}"
    );
    let ca_fp = fingerprint(&cas.key("ca.pub"));
    assert!(auth.contains(&format!("ca={ca_fp}")), "{auth}\n{ca_fp}");
    assert!(
        auth.contains(&format!("key={}", fingerprint(&server.key("officer.pub")))),
        "{auth}"
    );
    // Never key material: neither the key's, the certificate's nor the CA's.
    for file in [
        server.key("officer.pub"),
        server.key("officer-cert.pub"),
        cas.key("ca.pub"),
    ] {
        let text = std::fs::read_to_string(&file).unwrap();
        let material = text.split_whitespace().nth(1).unwrap();
        assert!(!log.contains(&material[20..40]), "{file:?} in\n{log}");
    }
    // The key alone, without its certificate, is not let in.
    std::fs::remove_file(server.key("officer-cert.pub")).unwrap();
    assert!(refused(&list_as(&server, "officer", "alice")));
}

/// `ssh-keygen -l`'s SHA-256 fingerprint of a public key file.
fn fingerprint(path: &Path) -> String {
    let out = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split_whitespace().nth(1).unwrap().to_string()
}

#[test]
fn certificates_that_do_not_pass_are_refused() {
    if !available() {
        return;
    }
    let cas = Cas::new();
    let server = serve(&cas);
    let base = ["-I", "id", "-n", "alice"];
    let cases: &[(&str, &str, &[&str], Option<&str>)] = &[
        ("expired", "ca", &["-V", "20200101:20200102"], None),
        ("future", "ca", &["-V", "+1d:+2d"], None),
        (
            "other",
            "ca",
            &["-V", "-5m:+1h", "-n", "bob"],
            Some("reason=user-not-a-principal"),
        ),
        (
            "rogue",
            "rogue",
            &["-V", "-5m:+1h"],
            Some("reason=untrusted-ca"),
        ),
        // OpenSSH's client does not offer a host certificate as a user's
        // (a hostile client does: see the russh client below).
        ("host", "ca", &["-V", "-5m:+1h", "-h"], None),
        (
            "forced",
            "ca",
            &["-V", "-5m:+1h", "-O", "force-command=/bin/sh"],
            Some("reason=critical-option:\"force-command\""),
        ),
        (
            "elsewhere",
            "ca",
            &["-V", "-5m:+1h", "-O", "source-address=10.0.0.0/8"],
            Some("reason=source-address"),
        ),
    ];
    // Expired and not-yet-valid certificates are turned away by russh
    // before the handler sees them: refused, with no line of their own.
    for (name, ca, extra, reason) in cases {
        // -n given twice: ssh-keygen keeps the last one ("bob").
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        certified(&server, &cas, name, ca, &args);
        let out = list_as(&server, name, "alice");
        assert!(refused(&out), "{name}: {out:?}\n{}", server.log());
        if let Some(reason) = reason {
            server.wait_log(reason, T);
        }
    }
    // The same "other" certificate logging in as its principal is let in.
    let out = list_as(&server, "other", "bob");
    assert!(out.status.success(), "{out:?}\n{}", server.log());
}

#[test]
fn the_ca_file_is_read_again_when_it_changes() {
    if !available() {
        return;
    }
    let cas = Cas::new();
    let server = serve(&cas);
    certified(
        &server,
        &cas,
        "officer",
        "rogue",
        &["-I", "id", "-n", "alice", "-V", "-5m:+1h"],
    );
    assert!(refused(&list_as(&server, "officer", "alice")));
    // List the second CA too: the next connection reads the file again.
    let rogue = std::fs::read_to_string(cas.key("rogue.pub")).unwrap();
    let mut file = std::fs::read_to_string(cas.file()).unwrap();
    file.push_str(&rogue);
    std::fs::write(cas.file(), file).unwrap();
    let out = list_as(&server, "officer", "alice");
    assert!(out.status.success(), "{out:?}\n{}", server.log());
    // Taken out again, and SIGHUP: refused once more.
    std::fs::write(
        cas.file(),
        std::fs::read_to_string(cas.key("ca.pub")).unwrap(),
    )
    .unwrap();
    let hup = Command::new("kill")
        .args(["-HUP", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(hup.success());
    server.wait_log("event=reload", T);
    assert!(refused(&list_as(&server, "officer", "alice")));
}

/// A client that trusts any host key: the hostile peer, built on russh.
struct Hostile;

impl russh::client::Handler for Hostile {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// Present certificate `name` (with its key) as `user`: whether it was let in.
fn present_as(server: &Server, name: &str, user: &str) -> bool {
    let key = russh::keys::load_secret_key(server.key(name), None).unwrap();
    let cert_path = server.key(&format!("{name}-cert.pub"));
    let cert = russh::keys::Certificate::read_file(&cert_path).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let config = std::sync::Arc::new(russh::client::Config::default());
        let connect = russh::client::connect(config, ("127.0.0.1", server.port), Hostile);
        let mut session = tokio::time::timeout(T, connect).await.unwrap().unwrap();
        let tried = session.authenticate_openssh_cert(user, std::sync::Arc::new(key), cert);
        tokio::time::timeout(T, tried)
            .await
            .unwrap()
            .unwrap()
            .success()
    })
}

#[test]
fn a_hostile_client_presenting_a_host_or_another_users_certificate_is_refused() {
    if !available() {
        return;
    }
    let cas = Cas::new();
    let server = serve(&cas);
    let valid = ["-I", "id", "-n", "alice", "-V", "-5m:+1h"];
    certified(&server, &cas, "user", "ca", &valid);
    certified(&server, &cas, "host", "ca", &[&valid[..], &["-h"]].concat());
    certified(
        &server,
        &cas,
        "expired",
        "ca",
        &["-I", "id", "-n", "alice", "-V", "20200101:20200102"],
    );
    // This client gets in where it should: the refusals below are the rule's.
    assert!(present_as(&server, "user", "alice"), "{}", server.log());
    assert!(!present_as(&server, "host", "alice"));
    server.wait_log("reason=not-a-user-certificate", T);
    assert!(!present_as(&server, "user", "bob"));
    server.wait_log("user=\"bob\" cert_id=\"id\"", T);
    assert!(!present_as(&server, "expired", "alice"));
}
