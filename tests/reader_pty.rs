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
fn a_file_with_warnings_says_so_in_the_status_line_until_a_key() {
    // 2023 with one indicator's `cite` taken out: a warning, not an error.
    let text = std::fs::read_to_string(common::Y2023).unwrap();
    let at = text.find("cite = ").unwrap();
    let end = at + text[at..].find('\n').unwrap() + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("warned.toml");
    std::fs::write(&path, format!("{}{}", &text[..at], &text[end..])).unwrap();
    for width in [80, 40] {
        let mut s = Session::spawn(&["open", path.to_str().unwrap()], width, 20, &[]);
        s.wait_for("1 条警告：briefing check warned.toml", T);
        s.send(b"1");
        s.wait_for("第 2/5 节", T);
        assert!(!s.screen().contains("条警告"), "{}", s.screen());
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
    // A file without warnings has no such message, and the slides never show it.
    let mut s = Session::spawn(&["present", path.to_str().unwrap()], 80, 20, &[]);
    s.wait_for("第 1/", T);
    assert!(!s.screen().contains("条警告"), "{}", s.screen());
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
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
    s.wait_for("2/3 “四大创新”", T);
    s.settle(std::time::Duration::from_millis(100));
    assert_eq!(count(&s.raw[before..]), 1);
    // A terminal that says it does not know the mode: no more wrapping.
    s.send(b"\x1b[?2026;0$y");
    s.settle(std::time::Duration::from_millis(100));
    let before = s.raw.len();
    s.send(b"3");
    s.wait_for("3/3 “四大工程”", T);
    s.settle(std::time::Duration::from_millis(100));
    assert!(s.raw.len() > before, "the keys drew");
    assert_eq!(count(&s.raw[before..]), 0);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}

/// Whether `bytes` hold `needle`.
fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn left_right_margins_only_where_the_terminal_has_them() {
    for (answer, has) in [(&b"\x1b[?69;2$y"[..], true), (b"\x1b[?69;0$y", false)] {
        let mut s = Session::spawn(&["open", common::Y2023], 120, 40, &[]);
        s.wait_for("综述", T);
        s.settle(Duration::from_millis(100));
        assert!(holds(&s.raw, b"\x1b[?69$p"), "the program asks");
        s.send(answer);
        s.send(b"3");
        s.wait_for("3/3 “四大工程”", T);
        s.settle(Duration::from_millis(100));
        let before = s.raw.len();
        s.send(b"j");
        let start = std::time::Instant::now();
        while s.raw.len() == before {
            assert!(start.elapsed() < T, "the key drew nothing");
            s.settle(Duration::from_millis(50));
        }
        s.settle(Duration::from_millis(200));
        let scroll = s.raw[before..].to_vec();
        assert_eq!(holds(&scroll, b"\x1b[?69h"), has, "{answer:?}");
        if has {
            // The new row and the scroll, not the pane's rows.
            assert!(scroll.len() < 400, "{} bytes", scroll.len());
        }
        let before = s.raw.len();
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
        assert_eq!(holds(&s.raw[before..], b"\x1b[?69l"), has, "{answer:?}");
    }
}

/// Ctrl-Z gives the terminal back without the mode; `fg` and the next scroll
/// switch it on again.
#[test]
fn margin_mode_is_off_while_suspended_and_on_again_after() {
    let mut s = Session::spawn(&["open", common::Y2023], 120, 40, &[]);
    s.wait_for("综述", T);
    s.send(b"\x1b[?69;2$y");
    s.send(b"3");
    s.wait_for("3/3 “四大工程”", T);
    let scroll = |s: &mut Session| {
        let before = s.raw.len();
        s.send(b"j");
        let start = std::time::Instant::now();
        while !holds(&s.raw[before..], b"s\x1b[") {
            assert!(start.elapsed() < T, "no scroll inside margins");
            s.settle(Duration::from_millis(50));
        }
        s.raw[before..].to_vec()
    };
    assert!(holds(&scroll(&mut s), b"\x1b[?69h"));
    let before = s.raw.len();
    s.send(&[0x1a]);
    let start = std::time::Instant::now();
    while !holds(&s.raw[before..], b"\x1b[?1049l") {
        assert!(start.elapsed() < T, "not suspended");
        s.settle(Duration::from_millis(50));
    }
    assert!(holds(&s.raw[before..], b"\x1b[?69l"));
    // `fg`: the shell continues the process.
    // SAFETY: signalling our own child.
    unsafe { libc::kill(s.pid(), libc::SIGCONT) };
    s.wait_for("3/3 “四大工程”", T);
    s.settle(Duration::from_millis(100));
    assert!(holds(&scroll(&mut s), b"\x1b[?69h"));
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}
