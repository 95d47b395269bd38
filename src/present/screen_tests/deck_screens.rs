//! Snapshots of what the presenter works with: the help over every view,
//! the slide index, the presenter's view at 80×24 and 120×40; and the keys
//! that the overlays must not swallow. Was tests/deck_screens.rs.

use crate::present::state::Presenter;
use crate::testing::unit::{HARBOUR, Y2023, draw, presenter, press};

/// The screen with the wall clock (`HH:MM:SS`, the one thing that changes) masked.
fn shown(p: &Presenter, w: u16, h: u16) -> String {
    let text = draw(p, w, h);
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let wall = i + 8 <= chars.len()
            && chars[i..i + 8].iter().enumerate().all(|(k, c)| {
                if k == 2 || k == 5 {
                    *c == ':'
                } else {
                    c.is_ascii_digit()
                }
            });
        if wall {
            out.push_str("HH:MM:SS");
            i += 8;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn presenting(w: u16, h: u16) -> Presenter {
    presenter(HARBOUR, w, h).with_presenter_view(Some(20.0))
}

#[test]
fn help_over_the_slides_80x24() {
    let mut p = presenter(Y2023, 80, 24);
    press(&mut p, "3?");
    insta::assert_snapshot!(shown(&p, 80, 24));
}

#[test]
fn help_over_the_presenters_view_80x24() {
    let mut p = presenting(80, 24);
    press(&mut p, "?");
    let screen = shown(&p, 80, 24);
    assert!(
        screen.contains("下一页") && screen.contains("白屏"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn help_over_the_presenters_view_120x40() {
    let mut p = presenting(120, 40);
    press(&mut p, "?");
    insta::assert_snapshot!(shown(&p, 120, 40));
}

#[test]
fn space_after_help_closes_it_and_turns() {
    for mut p in [presenter(Y2023, 80, 24), presenting(80, 24)] {
        press(&mut p, "?<Space>");
        assert_eq!((p.help, p.current), (None, 1), "not swallowed");
        press(&mut p, "?<Down><Down><Up>");
        assert_eq!(p.help, Some(1), "↓ ↑ scroll the help");
        press(&mut p, "<Esc>");
        assert_eq!((p.help, p.current), (None, 1));
    }
}

#[test]
fn the_slide_index_80x24() {
    let mut p = presenter(Y2023, 80, 24);
    press(&mut p, "<Right><Right><Right>o");
    let screen = shown(&p, 80, 24);
    assert!(
        screen.contains("幻灯片目录") && screen.contains("> 4"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    // ↓ selects, Enter goes there; Tab opens it too, Esc closes it.
    press(&mut p, "<Down><Down><Enter>");
    assert_eq!((p.index, p.current), (None, 5));
    press(&mut p, "<Tab><Down><Esc>");
    assert_eq!((p.index, p.current), (None, 5));
}

#[test]
fn the_presenters_view_80x24() {
    let mut p = presenting(80, 24);
    press(&mut p, "<Right><Right><Right>t");
    insta::assert_snapshot!(shown(&p, 80, 24));
}

#[test]
fn the_presenters_view_120x40() {
    let mut p = presenting(120, 40);
    press(&mut p, "<Right><Right><Right>");
    insta::assert_snapshot!(shown(&p, 120, 40));
}

#[test]
fn the_clock_row_at_80_columns_keeps_elapsed_slide_time_and_counter() {
    let mut p = presenting(80, 24);
    press(&mut p, "<Right>");
    let screen = shown(&p, 80, 24);
    let row = screen.lines().last().unwrap();
    let n = p.slides.len();
    for part in ["已用 00:00", "本页 00:00 /", &format!("第 2/{n} 页")] {
        assert!(row.contains(part), "{part} in {row}");
    }
    assert!(!row.contains('…'), "nothing cut: {row}");
    assert_eq!(screen.matches(&format!("2/{n}")).count(), 1, "{screen}");
}

#[test]
fn a_watched_file_with_errors_shows_to_the_presenter_only_and_holds_the_deck() {
    let mut p = presenting(100, 30);
    press(&mut p, "<Right><Right>");
    p.reloaded(Err("h.toml:3:1: error: broken".into()));
    let screen = shown(&p, 100, 30);
    assert!(screen.contains("h.toml:3:1"), "{screen}");
    assert!(
        screen.contains("内部资料"),
        "the slide and its mark stay: {screen}"
    );
    press(&mut p, "<Right>");
    assert_eq!(p.current, 2, "the deck does not move while the error is up");
    assert!(shown(&p, 100, 30).contains("修好前不翻页"));
}
