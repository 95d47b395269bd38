//! The server under load: `briefing serve briefings` on 127.0.0.1 at a
//! free port, the bench's key allowed, its log drained; its memory and CPU
//! read from /proc.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub port: u16,
    /// Sessions the log says are over.
    pub closed: Arc<AtomicUsize>,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Serve `briefings/` (of this repository) to the public half of `key`.
    pub fn start(bin: &Path, key: &Path) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let public = std::fs::read_to_string(key.with_extension("pub")).expect("KEY.pub");
        let allowed = dir.path().join("authorized_keys");
        std::fs::write(&allowed, public).unwrap();
        std::fs::create_dir_all(dir.path().join("config")).unwrap();
        let mut child = Command::new(bin)
            .args(["--lang", "zh", "serve", "briefings"])
            .args(["--listen", "127.0.0.1:0", "--authorized-keys"])
            .arg(&allowed)
            .args(["--max-sessions", "250", "--per-minute", "1000"])
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env_remove("BRIEFING_PATH")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the briefing binary runs");
        let (tx, rx) = std::sync::mpsc::channel();
        let closed = Arc::new(AtomicUsize::new(0));
        let count = Arc::clone(&closed);
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.contains("event=closed") {
                    count.fetch_add(1, Ordering::SeqCst);
                } else if !line.contains("event=") {
                    // "正在监听 127.0.0.1:PORT"
                    let port = line.rsplit(':').next().and_then(|p| p.trim().parse().ok());
                    if let Some(port) = port {
                        let _ = tx.send(port);
                    }
                }
            }
        });
        let port: u16 = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server listens");
        Server {
            child,
            port,
            closed,
            _dir: dir,
        }
    }

    fn status(&self, field: &str) -> i64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    /// Resident memory now, KiB.
    pub fn rss_kib(&self) -> i64 {
        self.status("VmRSS:")
    }

    /// The most resident memory so far, KiB.
    pub fn hwm_kib(&self) -> i64 {
        self.status("VmHWM:")
    }

    /// CPU time used (user + system, all threads), in clock ticks.
    pub fn cpu_ticks(&self) -> i64 {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // After the command name in parentheses: state is field 3, utime 14, stime 15.
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let get = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<i64>().ok());
        get(14).unwrap_or(0) + get(15).unwrap_or(0)
    }

    /// Resident memory once `n` sessions are over and it stopped falling
    /// (polled for at most `wait`), KiB.
    pub fn settled_rss(&self, n: usize, wait: Duration) -> i64 {
        let start = Instant::now();
        let mut last = self.rss_kib();
        while start.elapsed() < wait {
            std::thread::sleep(Duration::from_millis(500));
            let now = self.rss_kib();
            if self.closed.load(Ordering::SeqCst) >= n && now >= last {
                return now;
            }
            last = now;
        }
        last
    }

    /// SIGTERM, as systemd stops it; killed if it does not go.
    pub fn stop(mut self) {
        let pid = rustix::process::Pid::from_raw(self.child.id() as i32);
        if let Some(pid) = pid {
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
