//! Pathological but valid briefings open in the reader and the slides, under
//! 64 MiB of memory: thousands of sections, a 1 MiB paragraph without a break,
//! a character with thousands of combining marks. (Their timing is measured by
//! the benchmark, `bench/run`, not here.)

mod common;

use std::time::Duration;

use common::pty::Session;

const T: Duration = Duration::from_secs(20);
const HEAD: &str =
    "schema = 1\n[briefing]\ntitle = \"T\"\norganization = \"O\"\nperiod = \"2023\"\n";

fn peak_kib(pid: i32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn opens_small(name: &str, text: &str, expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    for mode in ["open", "present"] {
        let mut s = Session::spawn(&[mode, path.to_str().unwrap()], 80, 24, &[]);
        // The reader shows the text; the slides start on the title slide, 1/N.
        s.wait_for(if mode == "open" { expect } else { "1/" }, T);
        s.send(b"G");
        s.send(b"j");
        s.settle(Duration::from_millis(100));
        let peak = peak_kib(s.pid());
        assert!(peak > 0 && peak < 64 * 1024, "{name} {mode}: {peak} KiB");
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
}

#[test]
fn thousands_of_sections() {
    let mut text = HEAD.to_string();
    for i in 0..5000 {
        text.push_str(&format!("[[section]]\nid = \"s{i}\"\nkind = \"campaign\"\ntitle = \"第{i}节\"\nbody = \"正文{i}。\"\n"));
        // Each with a value and a history, whose lines the model keeps.
        text.push_str(&format!("[[section.indicator]]\nid = \"v{i}\"\nlabel = \"值\"\nvalue = {i}\ncite = \"正文{i}\"\nhistory = [{{ period = \"2022\", value = 1 }}]\n"));
    }
    opens_small("many.toml", &text, "T");
}

#[test]
fn a_mebibyte_paragraph_without_a_break() {
    let text = format!(
        "{HEAD}[[section]]\nid = \"a\"\ntitle = \"A\"\nbody = \"{}\"\n",
        "x".repeat(1 << 20)
    );
    opens_small("long.toml", &text, "xxxxxxxx");
}

#[test]
fn a_character_with_thousands_of_combining_marks() {
    let marks = "\u{301}".repeat(20_000);
    let text =
        format!("{HEAD}[[section]]\nid = \"a\"\ntitle = \"A{marks}\"\nbody = \"e{marks}x\"\n");
    opens_small("marks.toml", &text, "T");
}

#[test]
fn a_huge_window_is_drawn_as_at_the_cap_and_the_terminal_comes_back() {
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], 80, 24, &[]);
    s.wait_for("综述", T);
    // 65535×65535 reported: drawn at 500×250, the documented cap.
    s.resize_reported(65535, 65535, (600, 300));
    s.settle(Duration::from_millis(300));
    s.send(b"2");
    s.wait_for("2/3 “四大创新”", T);
    s.settle(Duration::from_millis(200));
    let screen = s.screen();
    let status = screen
        .lines()
        .position(|l| l.contains("2/3 “四大创新”"))
        .expect("a status line");
    assert_eq!(status, 249, "the status line is the cap's bottom row");
    assert!(
        screen.lines().all(|l| l.chars().count() <= 500),
        "nothing drawn beyond 500 columns"
    );
    let peak = peak_kib(s.pid());
    eprintln!("65535×65535: peak {peak} KiB");
    assert!(peak > 0 && peak < 64 * 1024, "65535×65535: {peak} KiB");
    // Back to a normal size, then out with the terminal restored.
    s.resize(80, 24);
    s.send(b"3");
    s.wait_for("3/3", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert!(s.termios_sane());
}
