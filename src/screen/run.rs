//! The run loop, generic over the backend (tests drive it on `TestBackend`)
//! and over the mode (the reader, the slides). It draws once, then only
//! after an event that changed something.

use std::error::Error;
use std::io;
use std::time::Instant;

use crossterm::event::Event;
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal};

pub(crate) type RunError = Box<dyn Error + Send + Sync>;

/// What handling an event came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<E> {
    /// Nothing changed: nothing is drawn.
    Ignored,
    Changed,
    Exit(E),
}

/// A full-screen mode: state that events change and that draws itself.
pub(crate) trait Mode {
    type Exit;
    fn handle(&mut self, event: &Event) -> Step<Self::Exit>;
    /// The screen is now `area` (a resize, or a return from suspension): lay
    /// out again for it; the next draw is into it.
    fn resize(&mut self, area: Rect) -> Step<Self::Exit>;
    fn draw(&self, frame: &mut Frame);
    /// What ends the mode when the input runs dry.
    fn end(&self) -> Self::Exit;
    /// When the mode wants to run without input (a clock), if ever.
    fn deadline(&self) -> Option<Instant> {
        None
    }
    /// The deadline has come.
    fn tick(&mut self) -> Step<Self::Exit> {
        Step::Ignored
    }
}

/// What the run loop is woken by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Incoming {
    Event(Event),
    /// The screen's size, new or not: everything is laid out and drawn again.
    Resize(Rect),
    /// The mode's deadline passed.
    Tick,
}

/// Run `mode` until it exits or `next_event` runs dry (`Ok(None)`).
pub(crate) fn run<B, M>(
    terminal: &mut Terminal<B>,
    mode: &mut M,
    mut next_event: impl FnMut(Option<Instant>) -> io::Result<Option<Incoming>>,
) -> Result<M::Exit, RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    M: Mode,
{
    terminal.draw(|f| mode.draw(f))?;
    while let Some(incoming) = next_event(mode.deadline())? {
        let step = match incoming {
            Incoming::Tick => mode.tick(),
            Incoming::Resize(area) => {
                // Forget what is on the screen and draw all of it.
                terminal.resize(area)?;
                mode.resize(area)
            }
            Incoming::Event(event) => mode.handle(&event),
        };
        match step {
            Step::Ignored => {}
            Step::Changed => {
                terminal.draw(|f| mode.draw(f))?;
            }
            Step::Exit(e) => return Ok(e),
        }
    }
    Ok(mode.end())
}
