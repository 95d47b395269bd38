//! `briefing present` and the reader's `p` on the real binary under a pseudo-terminal.

mod common;

use std::time::Duration;

use common::pty::Session;

const T: Duration = Duration::from_secs(10);

fn slide_count() -> usize {
    briefing::testing::Slides::open(std::path::Path::new("briefings/2023.toml"), 80, 24).len()
}

#[test]
fn present_moves_jumps_blanks_and_quits() {
    let n = slide_count();
    let mut s = Session::spawn(&["present", "briefings/2023.toml"], 80, 24, &[]);
    s.wait_for(&format!("1/{n}"), T);
    s.send(b"\x1b[C");
    s.wait_for(&format!("2/{n}"), T);
    s.send(b"\x1b[F");
    s.wait_for(&format!("{n}/{n}"), T);
    s.send(b"2");
    s.wait_for("2  “四大创新”", T);
    s.send(b"b");
    s.settle(Duration::from_millis(200));
    assert_eq!(s.screen().trim(), "", "blank screen:\n{}", s.screen());
    // Black, not the counter row, not the terminal's own background.
    for (row, col) in [(0, 0), (12, 40), (23, 0), (23, 79)] {
        let bg = s.parser.screen().cell(row, col).map(|c| c.bgcolor());
        assert_eq!(bg, Some(vt100::Color::Idx(0)), "black at {row},{col}");
    }
    s.send(b"b");
    s.wait_for("2  “四大创新”", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn p_in_the_reader_presents_and_esc_comes_back_at_the_slide_section() {
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], 80, 24, &[]);
    s.wait_for("综述", T);
    s.send(b"2p");
    s.wait_for("2  “四大创新”", T);
    // Past the overview and the section's text to its first item, then further into section 3.
    s.send(b"\x1b[C");
    s.settle(Duration::from_millis(100));
    s.send(b"3");
    s.wait_for("3  “四大工程”", T);
    s.send(b"\x1b");
    s.wait_for("3/3 “四大工程”", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}
