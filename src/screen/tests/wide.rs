//! `--ambiguous-width wide`: no screen contains a character whose East Asian
//! width is Ambiguous, over every screen the snapshot tests draw. Was
//! tests/wide.rs.

use crate::layout::width::{is_ambiguous, with_ambiguous_wide};
use crate::testing::unit::{HARBOUR, Y2023, draw, presenter, press, screen};

const READER_SCRIPTS: &[(&str, u16, u16, &str)] = &[
    (Y2023, 120, 40, ""),
    (Y2023, 120, 40, "1"),
    (Y2023, 120, 40, "1<Tab>jjj<Enter>"),
    (Y2023, 120, 40, "/枫桥<Enter>"),
    (Y2023, 120, 40, "?"),
    (Y2023, 120, 40, "<BackTab>jjjjj"),
    (Y2023, 80, 24, "2"),
    (Y2023, 80, 24, "3}}"),
    (Y2023, 80, 24, "?"),
    (Y2023, 80, 24, "/枫桥"),
    (Y2023, 40, 20, "1<Tab>"),
    (Y2023, 40, 20, "<BackTab>"),
    (Y2023, 15, 5, ""),
    (HARBOUR, 120, 40, "1<Tab><Enter>"),
    (HARBOUR, 120, 40, "2]"),
    (HARBOUR, 80, 24, "3"),
    (HARBOUR, 40, 20, "2<Tab>"),
];

fn assert_unambiguous(screen: &str, what: &str) {
    if let Some(c) = screen.chars().find(|&c| is_ambiguous(c)) {
        panic!(
            "{what}: ambiguous {c:?} (U+{:04X}) on screen:\n{screen}",
            c as u32
        );
    }
}

#[test]
fn reader_screens_have_no_ambiguous_characters() {
    with_ambiguous_wide(true, || {
        for (path, w, h, keys) in READER_SCRIPTS {
            assert_unambiguous(
                &screen(path, *w, *h, keys),
                &format!("{path} {w}×{h} {keys:?}"),
            );
        }
    });
}

#[test]
fn every_slide_has_no_ambiguous_characters() {
    with_ambiguous_wide(true, || {
        for (w, h) in [(80, 24), (160, 45)] {
            let mut p = presenter(Y2023, w, h);
            for i in 0..p.slides.len() {
                p.current = i;
                assert_unambiguous(&draw(&p, w, h), &format!("slide {} at {w}×{h}", i + 1));
            }
            press(&mut p, "?");
            assert_unambiguous(&draw(&p, w, h), "slides help");
        }
    });
}

#[test]
fn the_narrow_screens_do_use_them() {
    // The check above would pass trivially if nothing ambiguous were ever drawn.
    with_ambiguous_wide(false, || {
        assert!(screen(Y2023, 120, 40, "1").chars().any(is_ambiguous));
    });
}
