//! The mouse wheel on the real binary: SGR mouse reporting is on while the
//! reader has the screen and off again whenever the terminal is given back
//! (quit, Ctrl-Z); the wheel scrolls the pane under the pointer; `--no-mouse`
//! and the config's `mouse = false` leave the terminal's selection alone.

mod common;

use std::time::{Duration, Instant};

use common::pty::Session;

const T: Duration = Duration::from_secs(10);
const ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
const OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";

fn count(raw: &[u8], what: &[u8]) -> usize {
    raw.windows(what.len()).filter(|w| *w == what).count()
}

/// The share of the section read, from the status line's `第 n/N 节 · P%`.
fn percent(s: &Session) -> u32 {
    let screen = s.screen();
    let status = screen.lines().last().unwrap_or_default();
    let after = status.split(" · ").nth(1).unwrap_or_default();
    after
        .split('%')
        .next()
        .unwrap_or_default()
        .trim()
        .parse()
        .unwrap_or(0)
}

#[test]
fn the_wheel_scrolls_the_text_and_the_mouse_is_given_back() {
    let mut s = Session::spawn(&["open", common::Y2023], 80, 24, &[]);
    s.wait_for("综述", T);
    assert_eq!(count(&s.raw, ON), 1, "mouse reporting on");
    s.send(b"2");
    s.wait_for("第 3/5 节", T);
    s.settle(Duration::from_millis(50));
    let before = percent(&s);
    // A notch down over the text pane (row 5, 1-based): the text scrolls on.
    s.send(b"\x1b[<65;10;5M");
    let start = Instant::now();
    while percent(&s) == before {
        assert!(
            start.elapsed() < T,
            "the wheel did not scroll:\n{}",
            s.screen()
        );
        s.settle(Duration::from_millis(20));
    }
    let scrolled = percent(&s);
    assert!(scrolled > before, "{before} → {scrolled}");
    // Over the indicators pane (row 23): the text stays.
    s.send(b"\x1b[<65;10;23M");
    s.settle(Duration::from_millis(100));
    assert_eq!(percent(&s), scrolled, "{}", s.screen());
    // Ctrl-Z gives the terminal back with the mouse off; `fg` takes it again.
    s.send(&[0x1a]);
    let start = Instant::now();
    while count(&s.raw, OFF) < 1 {
        assert!(start.elapsed() < T, "mouse not turned off on suspend");
        s.settle(Duration::from_millis(20));
    }
    // SAFETY: signalling our own child.
    unsafe { libc::kill(s.pid(), libc::SIGCONT) };
    while count(&s.raw, ON) < 2 {
        assert!(start.elapsed() < T * 2, "mouse not back after fg");
        s.settle(Duration::from_millis(20));
    }
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert_eq!(count(&s.raw, OFF), 2, "mouse off on quit");
    let last_on = s.raw.windows(ON.len()).rposition(|w| w == ON).unwrap();
    let last_off = s.raw.windows(OFF.len()).rposition(|w| w == OFF).unwrap();
    assert!(last_off > last_on, "the last word is off");
}

#[test]
fn no_mouse_leaves_the_terminal_selection_alone() {
    let mut s = Session::spawn(&["open", "--no-mouse", common::Y2023], 80, 24, &[]);
    s.wait_for("综述", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert_eq!(count(&s.raw, b"\x1b[?1000h"), 0);

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("briefing")).unwrap();
    std::fs::write(dir.path().join("briefing/config.toml"), "mouse = false\n").unwrap();
    let config = dir.path().to_str().unwrap();
    let mut s = Session::spawn(
        &["open", common::Y2023],
        80,
        24,
        &[("XDG_CONFIG_HOME", config)],
    );
    s.wait_for("综述", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert_eq!(count(&s.raw, b"\x1b[?1000h"), 0, "config mouse = false");
}
