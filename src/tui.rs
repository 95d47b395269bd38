//! The interactive reader (`briefing open`): state, keys, update, views,
//! and the run loop; `open` ties them to a real terminal.

pub mod action;
pub mod app;
pub mod doc;
pub mod keys;
pub mod panes;
pub mod run;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::path::Path;

use ratatui::layout::Rect;

use crate::commands::{INVALID, OK, USAGE, load_or_report};
use app::{App, Exit};

/// Refuse to start a full-screen mode without a terminal on both ends.
pub fn require_terminal(command: &str) -> Result<(), u8> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    eprintln!(
        "briefing: `{command}` needs a terminal on standard input and output; to write a briefing as text, use `briefing print FILE`"
    );
    Err(USAGE)
}

pub fn open(path: &Path) -> u8 {
    if let Err(code) = require_terminal("open") {
        return code;
    }
    let Some(loaded) = load_or_report(path) else {
        return INVALID;
    };
    let mut session = match terminal::enter() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("briefing: cannot set up the terminal: {e}");
            return INVALID;
        }
    };
    // crossterm installs its SIGWINCH handler with the event source: start it
    // before the first frame, or a resize during start-up is lost.
    let _ = crossterm::event::poll(std::time::Duration::ZERO);
    let size = session.terminal.size().unwrap_or_default();
    let mut app = App::new(
        loaded.briefing,
        Rect::new(0, 0, size.width, size.height),
        theme::Theme::dark(),
    );
    let result = run::run(&mut session.terminal, &mut app, || {
        crossterm::event::read().map(Some)
    });
    drop(session);
    match result {
        Ok(Exit::Quit) | Ok(Exit::Present(_)) => OK,
        Err(e) => {
            eprintln!("briefing: {e}");
            INVALID
        }
    }
}
