//! The real binary on a pseudo-terminal, its screen read through a vt100 emulator.

use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Session {
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub raw: Vec<u8>,
    bytes: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    stop: Arc<AtomicBool>,
}

impl Session {
    pub fn spawn(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        Session::spawn_command(cmd, cols, rows, env)
    }

    /// Any program on the pseudo-terminal.
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        Session::spawn_command(cmd, cols, rows, env)
    }

    /// Run `script` with `sh -c`; `$BRIEFING` names the binary.
    pub fn spawn_shell(script: &str, cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        Session::spawn_command(
            cmd,
            cols,
            rows,
            &[("BRIEFING", env!("CARGO_BIN_EXE_briefing"))],
        )
    }

    fn spawn_command(
        mut cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // The defaults, not the config or the library of whoever runs the tests.
        cmd.env("XDG_CONFIG_HOME", super::NO_CONFIG);
        cmd.env_remove("BRIEFING_PATH");
        cmd.env_remove("NO_COLOR");
        // A state directory of each session's own (where a presenter keeps
        // its slide), unless a test shares one between sessions.
        static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let state = format!(
            "{}/state-{}-{n}",
            env!("CARGO_TARGET_TMPDIR"),
            std::process::id()
        );
        cmd.env("XDG_STATE_HOME", state);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        // The reader thread owns a duplicate of the master fd and stops on a
        // flag, so that dropping the session closes every master fd (a hang-up).
        let fd = unsafe {
            libc::fcntl(
                pair.master.as_raw_fd().expect("a master fd"),
                libc::F_DUPFD_CLOEXEC,
                0,
            )
        };
        assert!(fd >= 0);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // SAFETY: `fd` is ours alone from here on; the File closes it.
            let mut reader = unsafe { std::fs::File::from_raw_fd(fd) };
            let mut buf = [0u8; 8192];
            while !stopped.load(Ordering::SeqCst) {
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut p, 1, 20) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        });
        Session {
            parser: vt100::Parser::new(
                std::num::NonZero::new(rows).expect("rows"),
                std::num::NonZero::new(cols).expect("cols"),
                0,
            ),
            raw: Vec::new(),
            bytes: rx,
            writer,
            child,
            master: pair.master,
            stop,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(chunk) = self.bytes.recv_timeout(wait) {
            self.parser.process(&chunk);
            self.raw.extend_from_slice(&chunk);
            while let Ok(more) = self.bytes.try_recv() {
                self.parser.process(&more);
                self.raw.extend_from_slice(&more);
            }
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Wait until the screen contains `text`; panics with the screen after `timeout`.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) {
        let start = Instant::now();
        while !self.screen().contains(text) {
            assert!(
                start.elapsed() < timeout,
                "no {text:?} on screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(20));
        }
    }

    /// Wait until `pred` holds of the screen (`what` names it in the
    /// panic); panics with the screen after `timeout`.
    pub fn wait_until(&mut self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.settle(Duration::from_millis(20));
            if pred(&self.screen()) {
                return;
            }
            assert!(
                start.elapsed() < timeout,
                "no {what}:
{}",
                self.screen()
            );
        }
    }

    /// Press Esc and wait until `text` has left the screen. A lone ESC is
    /// the Esc key only once nothing follows it for a moment; a key sent
    /// before the program took it would make an Alt key on a busy machine.
    pub fn esc_closes(&mut self, text: &str, timeout: Duration) {
        self.send(b"\x1b");
        let start = Instant::now();
        while self.screen().contains(text) {
            assert!(
                start.elapsed() < timeout,
                "{text:?} still on screen after Esc:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(20));
        }
    }

    /// Read whatever arrives within `quiet` of silence.
    pub fn settle(&mut self, quiet: Duration) {
        let before = self.raw.len();
        self.pump(quiet);
        while self.raw.len() != before && {
            let n = self.raw.len();
            self.pump(quiet);
            self.raw.len() != n
        } {}
    }

    /// Resize the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.screen_mut().set_size(
            std::num::NonZero::new(rows).expect("rows"),
            std::num::NonZero::new(cols).expect("cols"),
        );
    }

    /// Report `cols`×`rows` to the program (SIGWINCH) while the emulator
    /// stays at `seen` (a huge reported size need not be emulated).
    pub fn resize_reported(&mut self, cols: u16, rows: u16, seen: (u16, u16)) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.screen_mut().set_size(
            std::num::NonZero::new(seen.1).expect("rows"),
            std::num::NonZero::new(seen.0).expect("cols"),
        );
    }

    /// Whether the terminal is back in cooked mode: canonical input, echo, output processing.
    pub fn termios_sane(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("a master fd");
        // SAFETY: tcgetattr fills a zeroed termios for a valid fd.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
            return false;
        }
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0 && t.c_oflag & libc::OPOST != 0
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a pid") as i32
    }

    /// Close the terminal as a dropped SSH connection does.
    pub fn hang_up(self) -> Box<dyn Child + Send + Sync> {
        self.stop.store(true, Ordering::SeqCst);
        drop(self.writer);
        drop(self.master);
        drop(self.bytes);
        self.child
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the process to end; its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> u32 {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(10));
            if let Some(status) = self.child.try_wait().unwrap() {
                self.settle(Duration::from_millis(50));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < timeout,
                "still running:\n{}",
                self.screen()
            );
        }
    }
}
