//! Tests of `keyparse`.

use super::*;

fn events(input: &[u8]) -> Vec<Event> {
    let mut p = Parser::default();
    p.feed(input);
    let mut out = Vec::new();
    while let Some(e) = p.next(true) {
        out.push(e);
    }
    out
}

fn k(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

#[test]
fn text_and_control_keys() {
    assert_eq!(
        events("j枫\r\t\x7f".as_bytes()),
        [
            k(KeyCode::Char('j')),
            k(KeyCode::Char('枫')),
            k(KeyCode::Enter),
            k(KeyCode::Tab),
            k(KeyCode::Backspace)
        ]
    );
    assert_eq!(
        events(b"\x03"),
        [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
    );
    assert_eq!(
        events(b"\x1a"),
        [key(KeyCode::Char('z'), KeyModifiers::CONTROL)]
    );
}

#[test]
fn sequences() {
    assert_eq!(
        events(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[Z\x1b[1;5C"),
        [
            k(KeyCode::Up),
            k(KeyCode::Down),
            k(KeyCode::PageUp),
            k(KeyCode::PageDown),
            k(KeyCode::Home),
            k(KeyCode::End),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            key(KeyCode::Right, KeyModifiers::CONTROL),
        ]
    );
}

#[test]
fn a_lone_escape_waits_for_more_then_is_esc() {
    let mut p = Parser::default();
    p.feed(b"\x1b");
    assert_eq!(p.next(false), None);
    assert!(p.pending());
    assert_eq!(p.next(true), Some(k(KeyCode::Esc)));
    p.feed(b"\x1b[");
    assert_eq!(p.next(false), None);
    p.feed(b"C");
    assert_eq!(p.next(false), Some(k(KeyCode::Right)));
}

#[test]
fn bracketed_paste_in_pieces() {
    let mut p = Parser::default();
    p.feed("\x1b[200~枫\n".as_bytes());
    assert_eq!(p.next(false), None);
    p.feed("桥\x1b[20".as_bytes());
    assert_eq!(p.next(false), None);
    p.feed(b"1~q");
    assert_eq!(p.next(false), Some(Event::Paste("枫\n桥".into())));
    assert_eq!(p.next(false), Some(k(KeyCode::Char('q'))));
}

#[test]
fn a_paste_over_the_limit_is_cut_and_says_so() {
    let mut p = Parser::default();
    p.feed(b"\x1b[200~");
    for _ in 0..100 {
        p.feed(&[b'x'; 1024]);
        assert_eq!(p.next(false), None);
    }
    assert!(p.paste.as_ref().is_some_and(|b| b.len() <= PASTE_MAX));
    p.feed(b"\x1b[201~j");
    assert_eq!(p.next(false), Some(Event::Paste("x".repeat(PASTE_MAX))));
    assert!(std::mem::take(&mut p.cut));
    assert_eq!(p.next(false), Some(k(KeyCode::Char('j'))));
    p.feed(b"\x1b[200~short\x1b[201~");
    assert_eq!(p.next(false), Some(Event::Paste("short".into())));
    assert!(!p.cut);
}

#[test]
fn ctrl_c_inside_a_paste_is_ctrl_c() {
    let mut p = Parser::default();
    p.feed(b"\x1b[200~abc\x03q");
    assert_eq!(
        p.next(false),
        Some(key(KeyCode::Char('c'), KeyModifiers::CONTROL))
    );
    assert_eq!(p.next(false), Some(k(KeyCode::Char('q'))));
}

#[test]
fn a_paste_without_its_end_ends_after_a_quiet_while() {
    let mut p = Parser::default();
    p.feed(b"\x1b[200~ab");
    assert_eq!(p.next(false), None);
    assert!(
        p.wait_ms(30)
            .is_some_and(|w| w > 30 && w <= PASTE_WAIT_MS + 1)
    );
    // Flushed before the quiet time: still a paste.
    assert_eq!(p.next(true), None);
    std::thread::sleep(Duration::from_millis(PASTE_WAIT_MS as u64 + 50));
    assert_eq!(p.next(true), Some(Event::Paste("ab".into())));
    p.feed(b"q");
    assert_eq!(p.next(false), Some(k(KeyCode::Char('q'))));
    assert_eq!(p.wait_ms(30), None);
}

#[test]
fn replies_and_garbage_are_dropped() {
    assert_eq!(
        events(b"\x1b[12;40R\xff\x1b[?1;2cq"),
        [k(KeyCode::Char('q'))]
    );
}

#[test]
fn the_answer_about_synchronized_output_is_kept() {
    for (reply, expected) in [
        (&b"\x1b[?2026;2$y"[..], Some(true)),
        (b"\x1b[?2026;1$y", Some(true)),
        (b"\x1b[?2026;0$y", Some(false)),
        (b"\x1b[?2026;4$y", Some(false)),
        (b"\x1b[?25;1$y", None),
    ] {
        let mut p = Parser::default();
        p.feed(reply);
        p.feed(b"q");
        assert_eq!(
            p.next(true),
            Some(key(KeyCode::Char('q'), KeyModifiers::NONE))
        );
        assert_eq!(p.synchronized, expected, "{reply:?}");
    }
}

#[test]
fn the_answer_about_margins_is_kept() {
    for (reply, expected) in [
        (&b"\x1b[?69;2$y"[..], Some(true)),
        (b"\x1b[?69;1$y", Some(true)),
        (b"\x1b[?69;3$y", Some(true)),
        (b"\x1b[?69;0$y", Some(false)),
        (b"\x1b[?69;4$y", Some(false)),
        (b"\x1b[?2026;2$y", None),
    ] {
        let mut p = Parser::default();
        p.feed(reply);
        p.feed(b"j");
        assert_eq!(p.next(true), Some(k(KeyCode::Char('j'))));
        assert_eq!(p.margins, expected, "{reply:?}");
    }
}

#[test]
fn split_utf8_waits() {
    let mut p = Parser::default();
    p.feed(&"枫".as_bytes()[..2]);
    assert_eq!(p.next(false), None);
    p.feed(&"枫".as_bytes()[2..]);
    assert_eq!(p.next(false), Some(k(KeyCode::Char('枫'))));
}

#[test]
fn the_mouse_wheel_and_nothing_else_of_the_mouse() {
    let wheel = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        events(b"\x1b[<65;10;5M\x1b[<64;1;1M\x1b[<80;3;4M"),
        [
            wheel(MouseEventKind::ScrollDown, 9, 4),
            wheel(MouseEventKind::ScrollUp, 0, 0),
            // With Ctrl held: still the wheel.
            wheel(MouseEventKind::ScrollUp, 2, 3),
        ]
    );
    // A click, its release, a drag, a broken report: dropped, keys after them kept.
    assert_eq!(
        events(b"\x1b[<0;5;5M\x1b[<0;5;5m\x1b[<32;6;5M\x1b[<65;5Mj"),
        [k(KeyCode::Char('j'))]
    );
}
