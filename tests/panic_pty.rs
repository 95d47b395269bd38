//! A bug that panics inside a full-screen session: the terminal is put back
//! (cooked mode, main screen) before the message is printed, so the user
//! reads the message on a working terminal.

mod common;

use std::time::Duration;

use common::pty::Session;

const MESSAGE: &str = "模拟的程序错误";

/// Only ever run as the child of the test below, on its pseudo-terminal.
#[test]
#[ignore = "the child process of a_panic_restores_the_terminal_before_its_message"]
fn panicking_session() {
    let _session = briefing::testing::full_screen().expect("a terminal");
    panic!("{MESSAGE}");
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let me = std::env::current_exe().unwrap();
    let mut s = Session::spawn_program(
        me.to_str().unwrap(),
        &[
            "--exact",
            "panicking_session",
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ],
        80,
        24,
        &[("RUST_BACKTRACE", "0")],
    );
    assert_ne!(
        s.wait_exit(Duration::from_secs(10)),
        0,
        "the child panicked"
    );
    assert!(s.termios_sane(), "the terminal is back in cooked mode");
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    let entered = raw
        .find("\x1b[?1049h")
        .expect("the child entered the alternate screen");
    let left = raw[entered..]
        .find("\x1b[?1049l")
        .map(|i| entered + i)
        .expect("the alternate screen was left");
    let message = raw.find(MESSAGE).expect("the message was printed");
    assert!(left < message, "left the alternate screen first:\n{raw:?}");
    assert!(s.screen().contains(MESSAGE), "{}", s.screen());
}
