//! `briefing check` on the real binary: each malformed file is refused quickly,
//! with a non-zero exit, the file and the right line named, and no panic.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

const HEAD: &str =
    "schema = 1\n[briefing]\ntitle = \"T\"\norganization = \"O\"\nperiod = \"2023\"\n";
const SECTION: &str = "[[section]]\nid = \"a\"\ntitle = \"A\"\nbody = \"下降6.32%。\"\n";

struct Outcome {
    code: i32,
    stderr: String,
}

fn check(path: &Path) -> Outcome {
    let start = Instant::now();
    let out = common::briefing()
        .arg("check")
        .arg(path)
        .timeout(Duration::from_secs(5))
        .output()
        .unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "took {:?}",
        start.elapsed()
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stderr,
    }
}

fn check_text(text: &[u8]) -> (tempfile::TempDir, Outcome) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, text).unwrap();
    let outcome = check(&path);
    (dir, outcome)
}

/// The file is refused, and the first diagnostic names `line` and contains `needle`.
fn refused_at(text: &str, line: usize, needle: &str) {
    let (_dir, out) = check_text(text.as_bytes());
    assert_eq!(out.code, 1, "{}", out.stderr);
    let first = out
        .stderr
        .lines()
        .find(|l| l.contains(": error: "))
        .unwrap_or_default();
    assert!(
        first.contains(&format!("bad.toml:{line}:")),
        "expected line {line} in {first:?}\n{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(needle),
        "expected {needle:?} in\n{}",
        out.stderr
    );
}

#[test]
fn the_bundled_briefing_is_clean() {
    let out = check(Path::new("briefings/2023.toml"));
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "", "no warnings expected");
}

#[test]
fn syntax_error() {
    refused_at(
        &format!("{HEAD}[[section]]\nid = \"a\ntitle = \"A\"\n"),
        7,
        "TOML 语法错误",
    );
}

#[test]
fn wrong_type() {
    refused_at(
        &format!("{HEAD}[[section]]\nid = 3\ntitle = \"A\"\n"),
        7,
        "section[0].id",
    );
}

#[test]
fn unknown_key() {
    refused_at(
        &format!("{HEAD}[[section]]\nid = \"a\"\ntitel = \"A\"\n"),
        8,
        "titel",
    );
}

#[test]
fn duplicate_id() {
    refused_at(
        &format!("{HEAD}{SECTION}[[section]]\nid = \"a\"\ntitle = \"B\"\n"),
        11,
        "id \"a\" 重复",
    );
}

#[test]
fn bad_period() {
    refused_at(
        &format!("{}{SECTION}", HEAD.replace("\"2023\"", "\"2023-Q5\"")),
        5,
        "briefing.period",
    );
}

#[test]
fn bad_id() {
    refused_at(
        &format!("{HEAD}[[section]]\nid = \"Lead_1\"\ntitle = \"A\"\n"),
        7,
        "不是有效的 id",
    );
}

#[test]
fn missing_required_key_points_at_the_header() {
    refused_at(
        &format!("{HEAD}[[section]]\nid = \"a\"\n"),
        6,
        "缺少必需的键 `title`",
    );
}

#[test]
fn change_without_basis() {
    let text = format!(
        "{HEAD}{SECTION}[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nchange = -6.32\nchange_unit = \"%\"\ncite = \"下降6.32%\"\n"
    );
    refused_at(&text, 10, "section[0].indicator[0].basis");
}

#[test]
fn cite_not_in_body() {
    let text = format!(
        "{HEAD}{SECTION}[[section.indicator]]\nid = \"x\"\nlabel = \"L\"\nvalue = 1\ncite = \"上升\"\n"
    );
    refused_at(&text, 14, "不在 section[0] 的正文中");
}

#[test]
fn schema_two() {
    refused_at(
        &format!("{}{SECTION}", HEAD.replace("schema = 1", "schema = 2")),
        1,
        "本程序读 schema 1",
    );
}

#[test]
fn empty_file() {
    refused_at("", 1, "文件是空的");
}

#[test]
fn not_utf8() {
    let (_dir, out) = check_text(b"schema = 1\ntitle = \"\xff\"\n");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("bad.toml:2:10: error: "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("不是 UTF-8 文本"));
}

#[test]
fn deep_nesting() {
    let text = format!("{HEAD}x = {}1{}\n", "[".repeat(50_000), "]".repeat(50_000));
    refused_at(&text, 6, "嵌套太深");
}

#[test]
fn over_eight_mib() {
    let mut text = format!("{HEAD}{SECTION}").into_bytes();
    text.resize(8 * 1024 * 1024 + 1, b'\n');
    let (_dir, out) = check_text(&text);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("bad.toml:1:1: error: ") && out.stderr.contains("8 MiB"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = check(dir.path());
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("目录中没有 .toml 简报"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.starts_with(&dir.path().display().to_string()));
}

#[test]
fn dev_zero() {
    let out = check(Path::new("/dev/zero"));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("/dev/zero: error: 不是普通文件"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_fifo_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pipe.toml");
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let out = check(&path);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("（管道）"), "{}", out.stderr);
}

#[test]
fn missing_file() {
    let out = check(Path::new("no/such/file.toml"));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("no/such/file.toml: error: 找不到这份简报"),
        "{}",
        out.stderr
    );
}

#[test]
fn every_problem_of_every_file_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, format!("{HEAD}[[section]]\nid = \"A\"\ntitle = \"\"\n")).unwrap();
    std::fs::write(
        &b,
        format!("{HEAD}[[section]]\nidd = 1\n[[section]]\ntitle = 3\nkind = 4\n"),
    )
    .unwrap();
    let out = common::briefing()
        .arg("check")
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.matches(": error: ").count(), 5, "{stderr}");
    // Two bad keys in one section: both are reported.
    assert!(
        stderr.contains("a.toml:7:")
            && stderr.contains("b.toml:7:")
            && stderr.contains("b.toml:9:")
            && stderr.contains("b.toml:10:"),
        "{stderr}"
    );
}

#[test]
fn warnings_alone_exit_zero() {
    let (_dir, out) = check_text(
        format!("{HEAD}[[section]]\nid = \"a\"\nkind = \"campaign\"\ntitle = \"A\"\n").as_bytes(),
    );
    assert_eq!(out.code, 0);
    assert!(
        out.stderr
            .contains("warning: section[0]: 专项章节既没有 `body`"),
        "{}",
        out.stderr
    );
}

#[test]
fn control_characters_never_reach_stderr() {
    let text = format!(
        "{HEAD}[[section]]\nid = \"a\"\ntitle = \"A\\u001b]0;pwned\\u0007\u{202e}\"\nkind = \"\u{1b}[2J\"\n"
    );
    let (_dir, out) = check_text(text.as_bytes());
    assert_eq!(out.code, 1);
    assert!(
        !out.stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        out.stderr
    );
    assert!(!out.stderr.contains('\u{202e}'));
    assert!(out.stderr.contains("␛[2J"), "{}", out.stderr);
}

#[test]
fn usage_errors_exit_two() {
    let out = common::briefing().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = common::briefing().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_carriage_return_at_the_end_is_an_error_at_line_one_not_a_panic() {
    // Issue 13: the parser points at the `\r` the snippet trimmed.
    for name in ["lone-cr.toml", "cr-cr-lf.toml"] {
        let path = Path::new("tests/fixtures/regressions").join(name);
        let out = check(&path);
        assert_eq!(out.code, 1, "{name}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("{name}:1:")) && out.stderr.contains("error"),
            "{name}: {}",
            out.stderr
        );
    }
}

#[test]
fn thousands_of_problems_are_capped_per_section_and_in_all() {
    // 30 sections of 30 indicators without a value: 20 shown a section, one
    // line for the rest of each, 200 in all and a line counting the rest.
    let mut text = String::from(HEAD);
    for s in 0..30 {
        text.push_str(&format!(
            "[[section]]\nid = \"s{s}\"\ntitle = \"A\"\nbody = \"b\"\n"
        ));
        for i in 0..30 {
            text.push_str(&format!(
                "[[section.indicator]]\nid = \"x{s}-{i}\"\nlabel = \"L\"\ncite = \"b\"\n"
            ));
        }
    }
    let (_dir, out) = check_text(text.as_bytes());
    assert_eq!(out.code, 1);
    let shown = out.stderr.matches(": error: ").count();
    assert_eq!(shown, 200, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("本节另有 10 个问题未列出（10 个错误，0 个警告）"),
        "{}",
        out.stderr
    );
    // 30 × (20 + 1) found, 200 shown.
    assert!(
        out.stderr
            .contains("另有 430 个问题未列出（430 个错误，0 个警告）"),
        "{}",
        out.stderr
    );
}
