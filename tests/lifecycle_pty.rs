//! The terminal's lifecycle on the real binary: signals restore the terminal
//! and exit 128 + n; Ctrl-Z suspends and `fg` redraws; a dropped connection
//! ends the process quickly without spinning.

mod common;

use std::time::{Duration, Instant};

use common::pty::Session;

const T: Duration = Duration::from_secs(10);

fn started(cols: u16, rows: u16) -> Session {
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], cols, rows, &[]);
    s.wait_for("综述", T);
    s
}

fn signal_exits(sig: i32, code: u32) {
    let mut s = started(80, 24);
    assert!(!s.termios_sane(), "raw mode while running");
    let start = Instant::now();
    // SAFETY: signalling our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), sig) }, 0);
    assert_eq!(s.wait_exit(T), code);
    // Ends at once; the bound is wide for a busy machine (measured: a few ms).
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "took {:?}",
        start.elapsed()
    );
    assert!(s.termios_sane(), "terminal restored after signal {sig}");
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn sigterm_restores_and_exits_143() {
    signal_exits(libc::SIGTERM, 143);
}

#[test]
fn sigint_restores_and_exits_130() {
    signal_exits(libc::SIGINT, 130);
}

#[test]
fn sighup_restores_and_exits_129() {
    signal_exits(libc::SIGHUP, 129);
}

#[test]
fn q_leaves_the_terminal_sane() {
    let mut s = started(80, 24);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert!(s.termios_sane());
}

fn state_of(pid: i32) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    let state = fields[0].chars().next()?;
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks = fields[11].parse::<u64>().ok()? + fields[12].parse::<u64>().ok()?;
    Some((state, ticks))
}

#[test]
fn ctrl_z_suspends_with_the_terminal_normal_and_fg_redraws() {
    let mut s = started(80, 24);
    s.send(b"2");
    s.wait_for("2/3 “四大创新”", T);
    s.send(&[0x1a]);
    let start = Instant::now();
    while state_of(s.pid()).map(|(st, _)| st) != Some('T') {
        assert!(start.elapsed() < T, "not stopped");
        std::thread::sleep(Duration::from_millis(10));
    }
    s.settle(Duration::from_millis(50));
    assert!(s.termios_sane(), "terminal normal while suspended");
    assert!(!s.parser.screen().alternate_screen());
    // `fg`: the shell continues the process.
    // SAFETY: signalling our own child.
    unsafe { libc::kill(s.pid(), libc::SIGCONT) };
    s.wait_for("2/3 “四大创新”", T);
    assert!(s.parser.screen().alternate_screen());
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}

/// How long a hung-up reader may take to end: far more than teardown needs
/// (0.01–0.2 s measured), so that a busy machine does not fail the test.
const HANG_UP_EXIT: Duration = Duration::from_secs(5);
/// The CPU time a hung-up reader may use from the hang-up to its end. A spin
/// that lasted as long as a user would notice (a second or more) uses more,
/// even sharing a core; teardown uses a few clock ticks (10 ms each).
const HANG_UP_CPU: f64 = 0.3;

#[test]
fn a_dropped_connection_ends_the_process_without_spinning() {
    // SAFETY: sysconf reads a constant of the system.
    let clock = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    for run in 0..20 {
        // As under nohup: SIGHUP ignored, so only the dead terminal can end it.
        let mut s = Session::spawn_shell(
            "trap '' HUP; exec \"$BRIEFING\" open briefings/2023.toml",
            80,
            24,
        );
        s.wait_for("综述", T);
        let pid = s.pid();
        let (_, before) = state_of(pid).expect("running");
        let start = Instant::now();
        let mut child = s.hang_up();
        let (ticks, elapsed) = loop {
            match state_of(pid) {
                Some(('Z', t)) | Some(('X', t)) => break (t, start.elapsed()),
                None => break (before, start.elapsed()),
                Some((_, t)) => {
                    let cpu = (t - before) as f64 / clock;
                    assert!(
                        cpu < HANG_UP_CPU,
                        "run {run}: spinning, {cpu:.2}s of CPU in {:?} after the hang-up",
                        start.elapsed()
                    );
                }
            }
            assert!(
                start.elapsed() < HANG_UP_EXIT,
                "run {run}: still running {HANG_UP_EXIT:?} after the hang-up"
            );
            std::thread::sleep(Duration::from_millis(5));
        };
        let _ = child.wait();
        let cpu = (ticks - before) as f64 / clock;
        assert!(
            cpu < HANG_UP_CPU,
            "run {run}: {cpu:.3}s of CPU in {elapsed:?} from the hang-up to the end"
        );
    }
}

#[test]
fn ambiguous_width_auto_asks_the_terminal() {
    // A terminal that draws ambiguous characters wide answers the probe with column 3.
    let mut s = Session::spawn(
        &["open", "--ambiguous-width", "auto", "briefings/2023.toml"],
        120,
        40,
        &[],
    );
    let start = Instant::now();
    while !s.raw.windows(4).any(|w| w == b"\x1b[6n") {
        assert!(start.elapsed() < T, "no cursor query");
        s.settle(Duration::from_millis(10));
    }
    s.send(b"\x1b[1;3R");
    s.wait_for("目录", T);
    assert!(
        s.screen().contains('|') && !s.screen().contains('│'),
        "narrow-everywhere separators:\n{}",
        s.screen()
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);

    // No answer: narrow, after a short wait.
    let mut s = Session::spawn(
        &["open", "--ambiguous-width", "auto", "briefings/2023.toml"],
        120,
        40,
        &[],
    );
    s.wait_for("目录", Duration::from_secs(2));
    assert!(s.screen().contains('│'));
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}
