//! Shared test helpers: scripted keys, and the reader driven on TestBackend.
#![allow(dead_code)]

pub mod seed;

use std::path::Path;

use briefing::reader::state::App;
use briefing::screen::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

pub const Y2023: &str = "briefings/2023.toml";
pub const HARBOUR: &str = "tests/fixtures/harbour-2024.toml";

pub use briefing::testing::{keys, text};

pub fn app(path: &str, width: u16, height: u16) -> App {
    let loaded = briefing::load::load(Path::new(path)).expect("fixture loads");
    App::new(
        loaded.briefing,
        Rect::new(0, 0, width, height),
        Theme::dark(),
    )
}

/// Run the reader on `path` at `width`×`height` through `script`; the final screen.
pub fn screen(path: &str, width: u16, height: u16, script: &str) -> String {
    briefing::testing::Reader::open(Path::new(path), width, height).run(script)
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
