//! The reader (`briefing open`): its state, the one update function that
//! changes it, the text pane's document, where the panes go, and the views
//! that draw it. Built on the `screen` toolkit.

pub(crate) mod doc;
mod numbers;
pub(crate) mod panes;
pub(crate) mod state;
pub(crate) mod update;
pub(crate) mod view;
mod wheel;

use crate::screen::run::{Mode, Step};
use crate::screen::tables::READER;
use state::{App, Exit};

impl Mode for App {
    type Exit = Exit;

    fn handle(&mut self, event: &crossterm::event::Event) -> Step<Exit> {
        use crossterm::event::{Event, MouseEventKind};
        if let Event::Mouse(m) = event {
            let down = match m.kind {
                MouseEventKind::ScrollDown => true,
                MouseEventKind::ScrollUp => false,
                _ => return Step::Ignored,
            };
            wheel::wheel(self, m.column, m.row, down);
            return Step::Changed;
        }
        let Some(action) = self
            .keymap
            .action_for(READER, event, self.search.prompt.is_some())
        else {
            return Step::Ignored;
        };
        update::update(self, action);
        match self.exit.take() {
            Some(exit) => Step::Exit(exit),
            None => Step::Changed,
        }
    }

    fn resize(&mut self, area: ratatui::layout::Rect) -> Step<Exit> {
        self.resize(area);
        Step::Changed
    }

    fn draw(&self, frame: &mut ratatui::Frame) {
        view::draw(frame, self);
    }

    fn end(&self) -> Exit {
        Exit::Quit
    }

    fn deadline(&self) -> Option<std::time::Instant> {
        self.reload.as_ref()?.deadline()
    }

    fn tick(&mut self) -> Step<Exit> {
        let now = std::time::Instant::now();
        match self.reload.as_mut().and_then(|r| r.poll(now)) {
            Some(read) => {
                self.reloaded(read);
                Step::Changed
            }
            None => Step::Ignored,
        }
    }
}

#[cfg(test)]
mod tests;
