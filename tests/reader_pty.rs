//! The real binary under a pseudo-terminal: keys in, screen out.

mod common;

use std::time::Duration;

use common::pty::Session;

const T: Duration = Duration::from_secs(10);

#[test]
fn open_jump_search_and_quit_leave_the_terminal_as_it_was() {
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], 80, 24, &[]);
    s.wait_for("综述", T);
    assert!(s.parser.screen().alternate_screen());
    s.send(b"2");
    s.wait_for("2/3 “四大创新”", T);
    s.send(b"3");
    s.wait_for("3/3 “四大工程”", T);
    s.send("/枫桥\r".as_bytes());
    s.wait_for("1/6 枫桥", T);
    s.send(b"?");
    s.wait_for("帮助 · 按键", T);
    s.esc_closes("帮助 · 按键", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
    assert!(!s.parser.screen().hide_cursor(), "cursor shown again");
}

#[test]
fn a_resize_redraws_for_the_new_size() {
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], 120, 40, &[]);
    s.wait_for("目录", T);
    s.resize(60, 20);
    // At 60 columns the outline pane gives way to a tab bar.
    s.wait_for("综述  1 “三大", T);
    assert!(!s.screen().contains("目录"), "{}", s.screen());
    s.resize(130, 30);
    s.wait_for("目录", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}

#[test]
fn open_without_a_terminal_says_so_and_exits_2() {
    let out = common::briefing()
        .args(["open", "briefings/2023.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("briefing print"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing written to a non-terminal");
}

#[test]
fn a_bad_file_is_reported_before_the_screen_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "schema = 2\n").unwrap();
    let mut s = Session::spawn(&["open", path.to_str().unwrap()], 80, 24, &[]);
    assert_eq!(s.wait_exit(T), 1);
    assert!(
        !s.raw.windows(6).any(|w| w == b"\x1b[?104"),
        "alternate screen never entered"
    );
    assert!(s.screen().contains("本程序读 schema 1"), "{}", s.screen());
}

#[test]
fn frames_are_synchronized_only_where_the_terminal_does_it() {
    let count = |bytes: &[u8]| bytes.windows(8).filter(|w| w == b"\x1b[?2026h").count();
    let mut s = Session::spawn(&["open", common::Y2023], 80, 24, &[]);
    s.wait_for("综述", T);
    s.settle(std::time::Duration::from_millis(100));
    assert!(
        s.raw.windows(9).any(|w| w == b"\x1b[?2026$p"),
        "the program asks"
    );
    // A terminal that answers nothing: frames stay wrapped.
    let before = s.raw.len();
    s.send(b"2");
    s.settle(std::time::Duration::from_millis(100));
    assert_eq!(count(&s.raw[before..]), 1);
    // A terminal that says it does not know the mode: no more wrapping.
    s.send(b"\x1b[?2026;0$y");
    s.settle(std::time::Duration::from_millis(100));
    let before = s.raw.len();
    s.send(b"3");
    s.settle(std::time::Duration::from_millis(100));
    assert!(s.raw.len() > before, "the keys drew");
    assert_eq!(count(&s.raw[before..]), 0);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}
