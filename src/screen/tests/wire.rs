//! The wire backend: after every scripted key, the screen a terminal shows
//! from its output (played into the vt100 emulator, with left/right margins
//! modelled on top of it: `margins`) is the same, cell for cell, as
//! a plain full repaint of the same state; with margins and without.
//! Was tests/wire.rs.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier};

use super::margins::Emulator;
use crate::screen::run::Mode;
use crate::screen::wire::{SizeSource, WireBackend};
use crate::testing::unit::{self as fixtures, keys};

fn vt_color(c: vt100::Color) -> Color {
    match c {
        vt100::Color::Default => Color::Reset,
        vt100::Color::Idx(i) => Color::Indexed(i),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

fn norm(c: Color) -> Color {
    match c {
        Color::Black => Color::Indexed(0),
        Color::Red => Color::Indexed(1),
        Color::Green => Color::Indexed(2),
        Color::Yellow => Color::Indexed(3),
        Color::Blue => Color::Indexed(4),
        Color::Magenta => Color::Indexed(5),
        Color::Cyan => Color::Indexed(6),
        Color::Gray => Color::Indexed(7),
        other => other,
    }
}

/// Compare the emulator's screen with the buffer of a full repaint.
fn same_screen(vt: &vt100::Screen, want: &Buffer, what: &str) {
    let area = want.area;
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &want[(x, y)];
            let got = vt.cell(y, x).expect("cell");
            let symbol = if cell.symbol().is_empty() {
                " "
            } else {
                cell.symbol()
            };
            let contents = if got.contents().is_empty() {
                " "
            } else {
                got.contents()
            };
            let m = cell.modifier;
            assert!(
                contents == symbol
                    && vt_color(got.fgcolor()) == norm(cell.fg)
                    && vt_color(got.bgcolor()) == norm(cell.bg)
                    && got.bold() == m.contains(Modifier::BOLD)
                    && got.italic() == m.contains(Modifier::ITALIC)
                    && got.underline() == m.contains(Modifier::UNDERLINED)
                    && got.inverse() == m.contains(Modifier::REVERSED),
                "{what}: cell ({x},{y}) is {contents:?} {:?}/{:?} b{} i{} u{} r{}, want {symbol:?} {:?}\nscreen:\n{}",
                got.fgcolor(),
                got.bgcolor(),
                got.bold(),
                got.italic(),
                got.underline(),
                got.inverse(),
                cell,
                vt.contents()
            );
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
    }
}

fn repaint<M: Mode>(mode: &M, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| mode.draw(f)).unwrap();
    t.backend().buffer().clone()
}

/// What a run sent: bytes in all, and how many scrolls inside margins.
#[derive(Debug, Default)]
struct Sent {
    bytes: usize,
    margin_scrolls: usize,
}

/// How many times `bytes` set left/right margins (`CSI l ; r s`).
fn margin_sets(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes)
        .split("\x1b[")
        .filter(|p| {
            p.split_once('s').is_some_and(|(lr, _)| {
                lr.split_once(';').is_some_and(|(l, r)| {
                    !l.is_empty()
                        && !r.is_empty()
                        && (l.chars().chain(r.chars())).all(|c| c.is_ascii_digit())
                })
            })
        })
        .count()
}

/// Drive `mode` through `script` on the wire backend (with left/right
/// margins or not); after each key compare.
fn check<M: Mode>(
    mut mode: M,
    (w, h): (u16, u16),
    margins: bool,
    script: &str,
    resize_to: Option<(u16, u16)>,
) -> Sent {
    let mut terminal = Terminal::new(WireBackend::new(
        Vec::new(),
        SizeSource::Fixed(Size::new(w, h)),
    ))
    .unwrap();
    terminal.backend_mut().margins = Some(margins);
    let mut vt = Emulator::new(h, w);
    let mut sent = Sent::default();
    terminal.draw(|f| mode.draw(f)).unwrap();
    let mut feed = |t: &mut Terminal<WireBackend<Vec<u8>>>, vt: &mut Emulator| {
        let bytes = std::mem::take(t.backend_mut().writer_mut());
        vt.process(&bytes);
        sent.bytes += bytes.len();
        sent.margin_scrolls += margin_sets(&bytes);
    };
    feed(&mut terminal, &mut vt);
    same_screen(
        vt.screen(),
        &repaint(&mode, w, h),
        &format!("{w}×{h} first frame"),
    );
    let (mut cw, mut ch) = (w, h);
    for (n, event) in keys(script).into_iter().enumerate() {
        mode.handle(&event);
        terminal.draw(|f| mode.draw(f)).unwrap();
        feed(&mut terminal, &mut vt);
        same_screen(
            vt.screen(),
            &repaint(&mode, cw, ch),
            &format!("{cw}×{ch} after key {n} of {script:?}"),
        );
    }
    if let Some((nw, nh)) = resize_to {
        mode.resize(Rect::new(0, 0, nw, nh));
        terminal.backend_mut().set_fixed_size(Size::new(nw, nh));
        terminal.resize(Rect::new(0, 0, nw, nh)).unwrap();
        vt.set_size(nh, nw);
        terminal.draw(|f| mode.draw(f)).unwrap();
        feed(&mut terminal, &mut vt);
        (cw, ch) = (nw, nh);
        same_screen(
            vt.screen(),
            &repaint(&mode, cw, ch),
            &format!("after resize to {cw}×{ch}"),
        );
    }
    sent
}

const SCRIPT: &str = "jjjjkkk<Space><Space><PgUp>G<End>gjj2jjj}}}{{3<Space>jjk/枫桥<Enter>nnnN<Esc><Tab>jjj<Enter>jjk<Esc><Tab>?jj<Esc>]][[1jjjj";

#[test]
fn the_reader_at_every_layout() {
    for (w, h) in [(80, 24), (120, 40), (100, 30), (50, 20), (40, 20)] {
        for margins in [false, true] {
            check(
                fixtures::app(fixtures::Y2023, w, h),
                (w, h),
                margins,
                SCRIPT,
                Some((w + 7, h - 3)),
            );
            check(
                fixtures::app(fixtures::HARBOUR, w, h),
                (w, h),
                margins,
                SCRIPT,
                None,
            );
        }
    }
}

/// At 120×40 the text pane is between side panes: with margins its scrolls
/// happen inside them, and the session costs less than without.
#[test]
fn margins_are_used_where_the_text_pane_does_not_span_the_screen() {
    let script = "2jjjjjkkk<Space>jj<PgUp>jjjjjjj";
    let size = (120, 40);
    let with = check(
        fixtures::app(fixtures::Y2023, 120, 40),
        size,
        true,
        script,
        None,
    );
    let without = check(
        fixtures::app(fixtures::Y2023, 120, 40),
        size,
        false,
        script,
        None,
    );
    assert!(with.margin_scrolls >= 10, "{with:?}");
    assert_eq!(without.margin_scrolls, 0);
    assert!(
        with.bytes * 2 < without.bytes,
        "with margins {with:?}, without {without:?}"
    );
}

/// The model of margins itself: a block scrolls inside them, nothing else
/// moves, and `CSI s` is DECSLRM only while mode 69 is on.
#[test]
fn the_margin_model_moves_only_the_block() {
    let rows = [
        "ab|1111|xy",
        "cd|2222|zw",
        "ef|3333|uv",
        "gh|4444|st",
        "==status==",
    ];
    let draw = |e: &mut Emulator| {
        e.process(b"\x1b[H\x1b[2J");
        for (y, r) in rows.iter().enumerate() {
            e.process(format!("\x1b[{};1H{r}", y + 1).as_bytes());
        }
    };
    let text = |e: &Emulator| -> Vec<String> { e.screen().rows(0, 10).collect() };
    let mut e = Emulator::new(5, 10);
    draw(&mut e);
    e.process(b"\x1b[?69h\x1b[4;7s\x1b[1;4r\x1b[1S\x1b[r\x1b[sX");
    assert_eq!(
        text(&e),
        [
            "Xb|2222|xy",
            "cd|3333|zw",
            "ef|4444|uv",
            "gh|    |st",
            "==status=="
        ]
    );
    // Left-out parameters are the defaults: the first row, one line.
    draw(&mut e);
    e.process(b"\x1b[4;7s\x1b[;4r\x1b[S\x1b[r\x1b[s");
    assert_eq!(
        text(&e),
        [
            "ab|2222|xy",
            "cd|3333|zw",
            "ef|4444|uv",
            "gh|    |st",
            "==status=="
        ]
    );
    draw(&mut e);
    e.process("\x1b[3;8s\x1b[2;4r\x1b[2T\x1b[r\x1b[s\x1b[31m枫".as_bytes());
    assert_eq!(
        text(&e),
        [
            "枫|1111|xy",
            "cd      zw",
            "ef      uv",
            "gh|2222|st",
            "==status=="
        ]
    );
    assert_eq!(
        e.screen().cell(0, 0).unwrap().fgcolor(),
        vt100::Color::Idx(1)
    );
    // Mode 69 off: `CSI s` saves the cursor, and SU moves whole rows.
    draw(&mut e);
    e.process(b"\x1b[?69l\x1b[4;7s\x1b[1;4r\x1b[1S\x1b[r");
    assert_eq!(
        text(&e),
        ["cd|2222|zw", "ef|3333|uv", "gh|4444|st", "", "==status=="]
    );
}

#[test]
fn the_slides() {
    let script = "<Right><Right><Right>2<Right><Left>3<End><Home>b<Right>b?<Esc><Right><Right><Right><Right>";
    for (w, h) in [(80, 24), (160, 45), (40, 20)] {
        for margins in [false, true] {
            check(
                fixtures::presenter(fixtures::Y2023, w, h),
                (w, h),
                margins,
                script,
                Some((w - 5, h + 2)),
            );
        }
    }
}
