//! Several briefings of one organisation at once, on the real binary:
//! conflicts, check/print/list of a set, BRIEFING_PATH. (The reader on a set
//! — series, switching periods, the comparison table — is unit-tested in
//! `src/reader/tests/library.rs`.)

mod common;

use std::time::Duration;

const DIR: &str = "tests/fixtures/harbour";

#[test]
fn a_conflict_between_files_is_a_warning_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["2023-H1.toml", "2024-H1.toml"] {
        std::fs::copy(format!("{DIR}/{f}"), dir.path().join(f)).unwrap();
    }
    let h2 = std::fs::read_to_string(format!("{DIR}/2023-H2.toml"))
        .unwrap()
        .replace("value = 276", "value = 280");
    std::fs::write(dir.path().join("2023-H2.toml"), h2).unwrap();
    let out = common::briefing()
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let own_line = std::fs::read_to_string(dir.path().join("2023-H2.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("value = 280"))
        .unwrap()
        + 1;
    let history_line = std::fs::read_to_string(dir.path().join("2024-H1.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("period = \"2023-H2\", value = 276"))
        .unwrap()
        + 1;
    let expected = format!(
        "{}:{history_line}:1: warning: drunk-driving: 指标 `drunk-driving` 在 2023-H2 的值：此处为 276，而该期间的简报 {}:{own_line} 中为 280",
        dir.path().join("2024-H1.toml").display(),
        dir.path().join("2023-H2.toml").display()
    );
    assert!(stderr.contains(&expected), "{stderr}\nwanted {expected}");
}

#[test]
fn check_print_and_list_take_a_set() {
    let out = common::briefing().args(["check", DIR]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = common::briefing()
        .args(["print", DIR, "--width", "80"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("序列：2023-H1 25 → 2023-H2 26.3 → 2024-H1 28.4"),
        "{text}"
    );
    assert_eq!(
        text.matches("港湾区交通管理局").count(),
        3,
        "all three briefings printed"
    );
    let out = common::briefing()
        .args(["list", DIR, "briefings"])
        .output()
        .unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 4, "{listing}");
    assert!(
        lines[0].starts_with("港湾区交通管理局  2023-H1")
            && lines[0].ends_with("tests/fixtures/harbour/2023-H1.toml")
    );
    assert!(
        lines[3].starts_with("西宁市公安局")
            && lines[3].contains("2023")
            && lines[3].ends_with("briefings/2023.toml")
    );
}

#[test]
fn relative_names_are_looked_up_in_briefing_path() {
    let briefings = std::fs::canonicalize("briefings").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    // print from another directory, the name found along BRIEFING_PATH.
    let out = common::briefing()
        .current_dir(elsewhere.path())
        .env(
            "BRIEFING_PATH",
            format!("/nonexistent:{}", briefings.display()),
        )
        .args(["print", "2023.toml", "--width", "60"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("坚持守正创新焕发平安建设新动能")
    );
    // Not found: it says where it looked.
    let out = common::briefing()
        .current_dir(elsewhere.path())
        .env("BRIEFING_PATH", "/nonexistent")
        .args(["print", "2023.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("找过 2023.toml, /nonexistent/2023.toml"),
        "{stderr}"
    );
}

#[test]
fn open_finds_the_name_along_briefing_path() {
    let briefings = std::fs::canonicalize("briefings").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let script = format!(
        "cd {} && BRIEFING_PATH={} exec \"$BRIEFING\" open 2023.toml",
        elsewhere.path().display(),
        briefings.display()
    );
    let mut s = common::pty::Session::spawn_shell(&script, 80, 24);
    s.wait_for("坚持守正", Duration::from_secs(10));
    s.send(b"q");
    assert_eq!(s.wait_exit(Duration::from_secs(10)), 0);
}
