//! Shared test helpers: scripted keys, and the reader driven on TestBackend.
#![allow(dead_code)]

pub mod seed;

use std::path::Path;

use briefing::reader::state::App;
use briefing::screen::run::{Incoming, run};
use briefing::screen::theme::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub const Y2023: &str = "briefings/2023.toml";
pub const HARBOUR: &str = "tests/fixtures/harbour-2024.toml";

/// A key script: `<Tab>`, `<Enter>`, `<Esc>`, `<Space>`, `<Down>`, `<BackTab>`,
/// `<PgDn>`, `<PgUp>`, `<Home>`, `<End>`, `<C-c>`; any other character is itself.
pub fn keys(script: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let (code, mods) = match name {
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                "Down" => (KeyCode::Down, KeyModifiers::NONE),
                "Up" => (KeyCode::Up, KeyModifiers::NONE),
                "Left" => (KeyCode::Left, KeyModifiers::NONE),
                "Right" => (KeyCode::Right, KeyModifiers::NONE),
                "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
                "Home" => (KeyCode::Home, KeyModifiers::NONE),
                "End" => (KeyCode::End, KeyModifiers::NONE),
                "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                "C-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
                other => panic!("unknown key <{other}>"),
            };
            out.push(Event::Key(KeyEvent::new(code, mods)));
            rest = &rest[end + 1..];
        } else {
            out.push(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

pub fn app(path: &str, width: u16, height: u16) -> App {
    let loaded = briefing::load::load(Path::new(path)).expect("fixture loads");
    App::new(
        loaded.briefing,
        Rect::new(0, 0, width, height),
        Theme::dark(),
    )
}

/// The screen's text, one line a row, wide characters once.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += (symbol.width() as u16).max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Run the reader on `path` at `width`×`height` through `script`; the final screen.
pub fn screen(path: &str, width: u16, height: u16, script: &str) -> String {
    let mut app = app(path, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut events = keys(script).into_iter();
    run(&mut terminal, &mut app, |_| {
        Ok(events.next().map(Incoming::Event))
    })
    .unwrap();
    text(terminal.backend().buffer())
}
pub mod margins;
pub mod pty;
pub mod ssh;

/// The presentation of `path` at `width`×`height`, after `script`.
pub fn presenter(path: &str, width: u16, height: u16) -> briefing::present::state::Presenter {
    let loaded = briefing::load::load(Path::new(path)).expect("fixture loads");
    briefing::present::state::Presenter::new(
        loaded.briefing,
        Rect::new(0, 0, width, height),
        Theme::dark(),
    )
}

/// Draw any mode once on a TestBackend; the screen's text.
pub fn draw<M: briefing::screen::run::Mode>(mode: &M, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| mode.draw(f)).unwrap();
    text(terminal.backend().buffer())
}

/// Feed `script` to a mode (ignoring whether it exits).
pub fn press<M: briefing::screen::run::Mode>(mode: &mut M, script: &str) {
    for event in keys(script) {
        mode.handle(&event);
    }
}

/// A config directory that holds nothing: tests see the defaults, not the
/// config of whoever runs them.
pub const NO_CONFIG: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config");

/// The real binary, in an environment of its own: no user config, no
/// `BRIEFING_PATH`, no `NO_COLOR`.
pub fn briefing() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("briefing").unwrap();
    cmd.env("XDG_CONFIG_HOME", NO_CONFIG)
        .env_remove("BRIEFING_PATH")
        .env_remove("NO_COLOR");
    cmd
}
