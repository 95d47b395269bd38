//! The unit tests' fixtures: a fixture loaded, the reader and the slides on
//! it, a mode drawn once on a TestBackend and driven by scripted keys. For
//! tests inside the crate only (`#[cfg(test)]`); the integration tests use
//! the harness types of `testing`.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::model::Briefing;
use crate::present::state::Presenter;
use crate::reader::state::App;
use crate::screen::run::Mode;
use crate::screen::theme::Theme;

pub(crate) use super::{keys, text};

pub(crate) const Y2023: &str = "briefings/2023.toml";
pub(crate) const HARBOUR: &str = "tests/fixtures/harbour-2024.toml";

/// The briefing of a fixture that must load.
pub(crate) fn briefing(path: &str) -> Briefing {
    super::fixture(Path::new(path))
}

/// The reader on the fixture at `path`, at `width`×`height`.
pub(crate) fn app(path: &str, width: u16, height: u16) -> App {
    App::new(
        briefing(path),
        Rect::new(0, 0, width, height),
        Theme::dark(),
    )
}

/// The slides of the fixture at `path`, at `width`×`height`.
pub(crate) fn presenter(path: &str, width: u16, height: u16) -> Presenter {
    Presenter::new(
        briefing(path),
        Rect::new(0, 0, width, height),
        Theme::dark(),
    )
}

/// Run the reader (the run loop, as `testing::Reader` does) on `path` at
/// `width`×`height` through `script`; the final screen.
pub(crate) fn screen(path: &str, width: u16, height: u16, script: &str) -> String {
    super::Reader::open(Path::new(path), width, height).run(script)
}

/// Draw any mode once on a TestBackend; the screen's text.
pub(crate) fn draw<M: Mode>(mode: &M, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| mode.draw(f)).unwrap();
    text(terminal.backend().buffer())
}

/// Feed `script` to a mode (ignoring whether it exits).
pub(crate) fn press<M: Mode>(mode: &mut M, script: &str) {
    for event in keys(script) {
        mode.handle(&event);
    }
}
