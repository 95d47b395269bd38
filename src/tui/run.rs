//! The run loop, generic over the backend so tests drive it on `TestBackend`.
//! It draws once, then only after an event that maps to an action.

use std::error::Error;
use std::io;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::app::{App, Exit};
use super::keys::{READER, action_for};
use super::update::update;
use super::view;

pub type RunError = Box<dyn Error + Send + Sync>;

/// Run the reader until it exits or `next_event` runs dry (`Ok(None)`).
pub fn run<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut() -> io::Result<Option<Event>>,
) -> Result<Exit, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    terminal.draw(|f| view::draw(f, app))?;
    while let Some(event) = next_event()? {
        if let Some(exit) = step(terminal, app, &event)? {
            return Ok(exit);
        }
    }
    Ok(Exit::Quit)
}

/// Apply one event and redraw if it changed anything.
pub fn step<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    event: &Event,
) -> Result<Option<Exit>, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let Some(action) = action_for(READER, event, app.search.prompt.is_some()) else {
        return Ok(None);
    };
    update(app, action);
    if let Some(exit) = app.exit.take() {
        return Ok(Some(exit));
    }
    terminal.draw(|f| view::draw(f, app))?;
    Ok(None)
}
