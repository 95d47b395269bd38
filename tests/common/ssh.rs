//! `briefing serve` on 127.0.0.1 at a free port with temporary keys, and
//! the real OpenSSH client pointed at it. Tests skip (with a message) where
//! `ssh` or `ssh-keygen` is not installed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Server {
    pub child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
    /// Everything the server wrote on stderr (its log).
    pub log: Arc<Mutex<String>>,
}

/// Whether the OpenSSH client and ssh-keygen are here; says so when not.
pub fn available() -> bool {
    let ok = ["ssh", "ssh-keygen"].iter().all(|p| {
        Command::new(p)
            .arg("-V")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    });
    if !ok {
        eprintln!("skipped: no OpenSSH client (ssh, ssh-keygen) installed");
    }
    ok
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f"])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

impl Server {
    /// Serve `briefings/` to the key `listed` (in the temp dir), with `extra` flags.
    pub fn start(extra: &[&str]) -> Server {
        Server::start_with(extra, &[])
    }

    /// As `start`, with `env` set for the server too.
    pub fn start_with(extra: &[&str], env: &[(&str, &str)]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        keygen(&dir.path().join("listed"));
        keygen(&dir.path().join("unlisted"));
        let listed = std::fs::read_to_string(dir.path().join("listed.pub")).unwrap();
        std::fs::write(dir.path().join("authorized_keys"), listed).unwrap();
        let briefings = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["--lang", "en", "serve"])
            .arg(&briefings)
            .args(["--listen", "127.0.0.1:0", "--authorized-keys"])
            .arg(dir.path().join("authorized_keys"))
            .args(extra)
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env_remove("BRIEFING_PATH")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("Listening on ") {
                    let _ = tx.send(addr.rsplit(':').next().unwrap().parse::<u16>().unwrap());
                }
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("the server did not start:\n{}", log.lock().unwrap()));
        Server {
            child,
            port,
            dir,
            log,
        }
    }

    pub fn key(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The options that point `ssh` at this server with key `key`.
    pub fn ssh_args(&self, key: &str) -> Vec<String> {
        let known = self.dir.path().join("known_hosts");
        [
            "-F",
            "none",
            "-p",
            &self.port.to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            &format!("UserKnownHostsFile={}", known.display()),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-i",
            &self.key(key).display().to_string(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// `ssh [opts] 127.0.0.1 args…` without a terminal, within a minute.
    pub fn ssh(&self, key: &str, opts: &[&str], args: &[&str]) -> Output {
        let mut cmd = Command::new("ssh");
        cmd.args(self.ssh_args(key))
            .args(opts)
            .arg("127.0.0.1")
            .args(args)
            .stdin(Stdio::null());
        run_bounded(cmd, Duration::from_secs(60))
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Wait until the log has `text`.
    pub fn wait_log(&self, text: &str, timeout: Duration) {
        let start = Instant::now();
        while !self.log().contains(text) {
            assert!(
                start.elapsed() < timeout,
                "no {text:?} in the log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The server still answers: `list` works.
    pub fn answers(&self) {
        let out = self.ssh("listed", &[], &["list"]);
        assert!(
            out.status.success() && String::from_utf8_lossy(&out.stdout).contains("2023"),
            "list failed: {out:?}\n{}",
            self.log()
        );
    }

    /// The server process's resident memory, in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Run `cmd`, killing it after `timeout` (a test never hangs on it).
pub fn run_bounded(mut cmd: Command, timeout: Duration) -> Output {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = Arc::clone(&done);
    std::thread::spawn(move || {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if flag.load(std::sync::atomic::Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
    });
    let out = child.wait_with_output().unwrap();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    out
}
