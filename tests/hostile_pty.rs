//! Hostile text: a briefing with terminal control sequences in every field.
//! The program's output must contain no control sequence it did not make
//! itself, and the placeholders must be visible on screen.

mod common;

use std::time::Duration;

use common::pty::Session;

const T: Duration = Duration::from_secs(10);

/// ESC/CSI, OSC 0, OSC 52, DCS, BEL, backspace, CR, C1 CSI, and a bidi override, as TOML escapes.
const PAYLOAD: &str = r"\u001b[31mRED\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u001bPq#0\u001b\\\u0007\b\r\u009b2J\u202eevil";

fn hostile() -> String {
    let p = PAYLOAD;
    format!(
        r#"schema = 1
[briefing]
title = "T{p}"
subtitle = "S{p}"
organization = "O{p}"
period = "2023"
classification = "C{p}"
source = "src{p}"

[[section]]
id = "a"
kind = "campaign"
title = "A{p}"
subtitle = "sub{p}"
body = "body{p}end"
notes = "notes{p}"

  [[section.indicator]]
  id = "x"
  label = "L{p}"
  value = 1.5
  unit = "u{p}"
  change = -2
  change_unit = "%"
  basis = "yoy"
  good = "down"
  compare = [{{ label = "cmp{p}", value = 3 }}]
  note = "note{p}"
  cite = "body{p}end"

  [[section.item]]
  id = "i"
  title = "I{p}"
  body = "item{p}"
"#
    )
}

/// Every escape in `raw` starts a CSI sequence (ESC [ … final byte); no OSC,
/// DCS, BEL, backspace, carriage return, C1 control or bidi control at all.
fn only_our_own_sequences(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    for (i, c) in text.char_indices() {
        match c {
            '\u{1b}' => {
                let next = text[i + 1..].chars().next();
                assert!(
                    matches!(next, Some('[')),
                    "an escape that is not CSI at byte {i}: {:?}",
                    &text[i..(i + 12).min(text.len())]
                );
            }
            '\u{7}' | '\u{8}' | '\r' => panic!("control {c:?} at byte {i}"),
            '\u{80}'..='\u{9f}' => panic!("C1 control at byte {i}"),
            '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => {
                panic!("bidi control at byte {i}")
            }
            _ => {}
        }
    }
    // CSI sequences end in a final byte; none may carry a private OSC-like payload.
    assert!(!text.contains("pwned\u{7}"));
}

#[test]
fn no_field_talks_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    std::fs::write(&path, hostile()).unwrap();
    let path = path.to_str().unwrap();

    // check: the report quotes the values with placeholders.
    let out = common::briefing().args(["check", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings only");
    only_our_own_sequences(&out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains("含控制字符 U+001B"));

    // print: plain text with placeholders.
    let out = common::briefing().args(["print", path]).output().unwrap();
    only_our_own_sequences(&out.stdout);
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("T␛[31mRED␛]0;pwned␇"), "{printed}");
    assert!(printed.contains("<U+009B>2J<U+202E>evil"));

    // open: the reader, the indicator's detail, search, help; then the slides.
    let mut s = Session::spawn(&["open", path], 120, 40, &[]);
    s.wait_for("␛[31mRED", T);
    s.send(b"1\t\r");
    s.wait_for("note␛[31mRED", T);
    s.send("/␛\r".as_bytes());
    s.settle(Duration::from_millis(100));
    s.send(b"\x1b");
    s.settle(Duration::from_millis(100));
    s.send(b"p");
    s.wait_for("A␛[31mRED", T);
    s.send(b"\x1b[F");
    s.settle(Duration::from_millis(100));
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    only_our_own_sequences(&s.raw);
    let screen_text = String::from_utf8_lossy(&s.raw).into_owned();
    for visible in [
        "␛]0;pwned␇",
        "␛]52;c;cHduZWQ=␇",
        "␛Pq#0␛\\",
        "␈␍",
        "<U+009B>2J<U+202E>evil",
    ] {
        assert!(
            screen_text.contains(visible),
            "placeholder {visible:?} not drawn"
        );
    }
}

#[test]
fn an_unfinished_paste_ends_and_q_and_ctrl_c_still_quit() {
    // The start of a paste and nothing more: `q` 300 ms later quits.
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], 80, 24, &[]);
    s.wait_for("综述", T);
    s.send(b"\x1b[200~");
    std::thread::sleep(Duration::from_millis(300));
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    assert!(s.termios_sane());

    // Ctrl-C in the middle of a paste quits at once.
    let mut s = Session::spawn(&["open", "briefings/2023.toml"], 80, 24, &[]);
    s.wait_for("综述", T);
    s.send(b"\x1b[200~abc\x03");
    assert_eq!(s.wait_exit(T), 0);
    assert!(s.termios_sane());
}

#[test]
fn a_paste_over_64_kib_is_cut_with_a_message() {
    for (lang, message) in [("zh", "粘贴内容过长"), ("en", "The paste was too long")] {
        let mut s = Session::spawn(
            &["open", "--lang", lang, "briefings/2023.toml"],
            120,
            40,
            &[],
        );
        s.wait_for(if lang == "zh" { "目录" } else { "Contents" }, T);
        s.send(b"/");
        s.settle(Duration::from_millis(100));
        s.send(b"\x1b[200~");
        for _ in 0..100 {
            s.send(&[b'x'; 1024]);
        }
        s.send(b"\x1b[201~");
        s.wait_for(message, T);
        s.esc_closes(message, T);
        s.send(b"q");
        assert_eq!(s.wait_exit(T), 0);
    }
}
