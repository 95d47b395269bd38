//! The reader's boxes (help, indicator detail, comparison) over Chinese text at 80×24, 60×20
//! and 40×15: snapshots, and a check that every border cell is on screen
//! (a wide character cut by an edge would hide the border cell after it).
//! Was tests/overlay_screens.rs.

use crate::testing::unit::{Y2023, app, draw, press};
use unicode_width::UnicodeWidthStr;

/// The screen of the reader on the 2023 briefing after `keys`.
fn shown(w: u16, h: u16, keys: &str) -> String {
    let mut app = app(Y2023, w, h);
    press(&mut app, keys);
    draw(&app, w, h)
}

/// The display column of each character of `row`.
fn columns(row: &str) -> Vec<(usize, char)> {
    let mut col = 0;
    row.chars()
        .map(|c| {
            let at = col;
            col += c.to_string().width();
            (at, c)
        })
        .collect()
}

fn at(row: &str, col: usize) -> Option<char> {
    columns(row)
        .into_iter()
        .find(|(c, _)| *c == col)
        .map(|(_, c)| c)
}

/// The box's four borders are whole: its corners line up and every row
/// between has `│` at both edges.
fn assert_whole_box(screen: &str) {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows.iter().position(|r| r.contains('┌')).expect(screen);
    let left = columns(rows[top])
        .into_iter()
        .find(|(_, c)| *c == '┌')
        .unwrap()
        .0;
    let right = columns(rows[top])
        .into_iter()
        .find(|(_, c)| *c == '┐')
        .expect(screen)
        .0;
    let bottom = rows.iter().position(|r| r.contains('└')).expect(screen);
    assert_eq!(at(rows[bottom], left), Some('└'), "{screen}");
    assert_eq!(at(rows[bottom], right), Some('┘'), "{screen}");
    for (y, row) in rows.iter().enumerate().take(bottom).skip(top + 1) {
        assert_eq!(at(row, left), Some('│'), "left edge, row {y}:\n{screen}");
        assert_eq!(at(row, right), Some('│'), "right edge, row {y}:\n{screen}");
    }
}

macro_rules! boxed {
    ($name:ident, $w:expr, $h:expr, $keys:expr) => {
        #[test]
        fn $name() {
            let screen = shown($w, $h, $keys);
            assert_whole_box(&screen);
            insta::assert_snapshot!(screen);
        }
    };
}

boxed!(help_80x24, 80, 24, "1?");
boxed!(help_80x24_scrolled_to_the_end, 80, 24, "1?G");
boxed!(help_60x20, 60, 20, "1?");
boxed!(help_40x15, 40, 15, "1?");
boxed!(help_40x15_scrolled, 40, 15, "1?jjj");
boxed!(detail_80x24, 80, 24, "1<Tab><Enter>");
boxed!(detail_60x20, 60, 20, "1<Tab><Enter>");
boxed!(detail_40x15, 40, 15, "1<Tab><Enter>");
boxed!(compare_80x24, 80, 24, "1c");
boxed!(compare_60x20, 60, 20, "1c");
boxed!(compare_40x15, 40, 15, "1c");
boxed!(compare_40x15_scrolled, 40, 15, "1cjjj");

#[test]
fn a_box_that_does_not_fit_says_there_is_more() {
    let screen = shown(80, 24, "1?");
    assert!(screen.contains("↓ 更多"), "{screen}");
    let end = shown(80, 24, "1?G");
    assert!(!end.contains("↓ 更多") && end.contains('↑'), "{end}");
}

#[test]
fn below_80_columns_the_comparison_shows_over_any_pane() {
    // From the indicators pane (the text pane hidden), `c` shows the table.
    let screen = shown(40, 15, "1<Tab>c");
    assert!(screen.contains("各期对比"), "{screen}");
}

#[test]
fn below_80_columns_the_detail_shows_over_any_pane() {
    // From the indicators pane, Enter shows the detail in its box, with
    // the cited sentence; Esc closes it.
    for (w, h) in [(60, 20), (40, 15)] {
        let list = shown(w, h, "1<Tab>");
        let screen = shown(w, h, "1<Tab><Enter>");
        assert!(screen.contains('┌') && screen != list, "{screen}");
        assert!(
            screen.contains("原文：3月、8月两轮次部署反电诈攻坚战"),
            "{screen}"
        );
        let closed = shown(w, h, "1<Tab><Enter><Esc>");
        assert!(!closed.contains('┌'), "{closed}");
    }
}
