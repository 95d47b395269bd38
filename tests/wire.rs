//! The wire backend: after every scripted key, the screen a terminal shows
//! from its output (played into the vt100 emulator) is the same, cell for
//! cell, as a plain full repaint of the same state.

mod common;

use briefing::screen::run::Mode;
use briefing::screen::wire::{SizeSource, WireBackend};
use common::keys;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier};

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

/// Drive `mode` through `script` on the wire backend; after each key compare.
fn check<M: Mode>(mut mode: M, w: u16, h: u16, script: &str, resize_to: Option<(u16, u16)>) {
    let mut terminal = Terminal::new(WireBackend::new(
        Vec::new(),
        SizeSource::Fixed(Size::new(w, h)),
    ))
    .unwrap();
    let mut vt = vt100::Parser::new(
        std::num::NonZero::new(h).unwrap(),
        std::num::NonZero::new(w).unwrap(),
        0,
    );
    terminal.draw(|f| mode.draw(f)).unwrap();
    let feed = |t: &mut Terminal<WireBackend<Vec<u8>>>, vt: &mut vt100::Parser| {
        let bytes = std::mem::take(t.backend_mut().writer_mut());
        vt.process(&bytes);
        bytes.len()
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
        vt.screen_mut().set_size(
            std::num::NonZero::new(nh).unwrap(),
            std::num::NonZero::new(nw).unwrap(),
        );
        terminal.draw(|f| mode.draw(f)).unwrap();
        feed(&mut terminal, &mut vt);
        (cw, ch) = (nw, nh);
        same_screen(
            vt.screen(),
            &repaint(&mode, cw, ch),
            &format!("after resize to {cw}×{ch}"),
        );
    }
}

const SCRIPT: &str = "jjjjkkk<Space><Space><PgUp>G<End>gjj2jjj}}}{{3<Space>jjk/枫桥<Enter>nnnN<Esc><Tab>jjj<Enter>jjk<Esc><Tab>?jj<Esc>]][[1jjjj";

#[test]
fn the_reader_at_every_layout() {
    for (w, h) in [(80, 24), (120, 40), (100, 30), (50, 20), (40, 20)] {
        check(
            common::app(common::Y2023, w, h),
            w,
            h,
            SCRIPT,
            Some((w + 7, h - 3)),
        );
        check(common::app(common::HARBOUR, w, h), w, h, SCRIPT, None);
    }
}

#[test]
fn the_slides() {
    let script = "<Right><Right><Right>2<Right><Left>3<End><Home>b<Right>b?<Esc><Right><Right><Right><Right>";
    for (w, h) in [(80, 24), (160, 45), (40, 20)] {
        check(
            common::presenter(common::Y2023, w, h),
            w,
            h,
            script,
            Some((w - 5, h + 2)),
        );
    }
}
