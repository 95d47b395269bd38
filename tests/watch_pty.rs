//! `open --watch`: editing the briefing into an error shows the error panel
//! within a second; fixing it brings the briefing back at the same place.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::Session;

/// `command --watch` on a copy of the harbour briefing: the directory, the
/// copy's path, its good text, and the session.
fn watching(command: &str, cols: u16, rows: u16) -> (tempfile::TempDir, PathBuf, String, Session) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.toml");
    let good = std::fs::read_to_string(common::HARBOUR).unwrap();
    std::fs::write(&path, &good).unwrap();
    let s = Session::spawn(
        &[command, "--watch", path.to_str().unwrap()],
        cols,
        rows,
        &[],
    );
    (dir, path, good, s)
}

/// Save `text`, which has an error, and see the error panel within a second.
fn save_with_an_error(s: &mut Session, path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    let start = Instant::now();
    s.wait_for("文件有错误", Duration::from_secs(5));
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn an_error_shows_within_a_second_and_the_fix_comes_back_in_place() {
    let (dir, path, good, mut s) = watching("open", 100, 30);
    s.wait_for("概述", Duration::from_secs(10));
    s.send(b"2");
    s.wait_for("2/2 “绿波通行”工程", Duration::from_secs(10));

    save_with_an_error(
        &mut s,
        &path,
        &good.replace("period = \"2024-H1\"", "period = \"2024-H3\""),
    );
    s.wait_for("不是期间", Duration::from_secs(5));

    // An editor that writes a new file and renames it over the old one.
    let fixed = dir.path().join(".h.toml.new");
    std::fs::write(
        &fixed,
        good.replace("新增绿波带6条", "新增绿波带8条")
            .replace("value = 6\n", "value = 8\n"),
    )
    .unwrap();
    std::fs::rename(&fixed, &path).unwrap();
    s.wait_for("新增绿波带8条", Duration::from_secs(5));
    assert!(!s.screen().contains("文件有错误"));
    assert!(
        s.screen().contains("2/2 “绿波通行”工程"),
        "the same section:\n{}",
        s.screen()
    );
    s.send(b"q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), 0);
}

#[test]
fn present_watch_shows_errors_within_a_second_and_the_fix_at_the_same_slide() {
    let (_dir, path, good, mut s) = watching("present", 80, 24);
    s.wait_for("1/", Duration::from_secs(10));
    s.send(b"2");
    s.wait_for("“绿波通行”工程", Duration::from_secs(10));
    s.settle(Duration::from_millis(100));
    let counter = |screen: &str| {
        screen
            .split_whitespace()
            .rfind(|w| w.contains('/') && w.split('/').all(|n| n.parse::<u32>().is_ok()))
            .map(str::to_string)
    };
    let at = counter(&s.screen()).expect("a slide counter");

    save_with_an_error(
        &mut s,
        &path,
        &good.replace("kind = \"lead\"", "kind = \"leader\""),
    );
    s.wait_for("h.toml:", Duration::from_secs(5));

    std::fs::write(&path, good.replace("新增绿波带6条", "新增绿波带8条")).unwrap();
    s.wait_for("“绿波通行”工程", Duration::from_secs(5));
    s.settle(Duration::from_millis(100));
    assert!(!s.screen().contains("文件有错误"), "{}", s.screen());
    assert_eq!(counter(&s.screen()), Some(at), "{}", s.screen());
    s.send(b"q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), 0);
}
