//! `briefing import FILE --review`: a full-screen walk through a draft's
//! candidate indicators (keep, drop, edit the label, flip `good`), whose
//! decisions are then applied to the draft. A mode on the screen toolkit,
//! beside the reader and the slides; `import` itself knows no terminal.

mod keys;
mod state;
mod view;

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::Rect;

pub use state::Outcome;
pub(crate) use state::{Effect, State};

use crate::import::Draft;
use crate::import::emit::to_toml;
use crate::screen::run::{Mode, Step, run as run_mode};
use crate::screen::terminal::{Session, enter};
pub(crate) use crate::screen::theme::Theme;

/// The review as a full-screen mode.
pub(crate) struct Review {
    pub state: State,
    pub theme: Theme,
}

impl Review {
    /// What a terminal event does to the state (a new size draws again).
    pub(crate) fn event(&mut self, event: &Event) -> Effect {
        keys::action(&self.state.overlay, event).map_or(Effect::Unchanged, |a| self.state.update(a))
    }
}

impl Mode for Review {
    type Exit = Outcome;

    fn handle(&mut self, event: &Event) -> Step<Outcome> {
        match self.event(event) {
            Effect::Unchanged => Step::Ignored,
            Effect::Changed => Step::Changed,
            Effect::Done(outcome) => Step::Exit(outcome),
        }
    }

    /// The view lays itself out in the frame it is given: a new size only
    /// draws again.
    fn resize(&mut self, _area: Rect) -> Step<Outcome> {
        Step::Changed
    }

    fn draw(&self, frame: &mut Frame) {
        view::draw(&self.state, &self.theme, frame);
    }

    /// The input ran dry (the terminal went away): nothing is written.
    fn end(&self) -> Outcome {
        Outcome::Discard
    }
}

/// Run the review on the terminal; the state as the author left it and how
/// it ended, or why the terminal could not be used.
pub(crate) fn run(state: State, theme: Theme) -> Result<(State, Outcome), String> {
    let mut session = enter().map_err(|e| e.to_string())?;
    let mut review = Review { state, theme };
    let Session { terminal, input } = &mut session;
    let outcome = run_mode(terminal, &mut review, |deadline| {
        Session::next_event(input, deadline)
    })
    .map_err(|e| e.to_string());
    drop(session);
    outcome.map(|o| (review.state, o))
}

/// Walk `draft`'s candidates on the terminal and apply the author's
/// decisions to it; `target` names where it will be written. `Ok(false)`:
/// the author discarded the draft.
pub(crate) fn walk(draft: &mut Draft, target: String, theme: Theme) -> Result<bool, String> {
    let (state, outcome) = run(State::new(&draft.file, target), theme)?;
    if outcome == Outcome::Discard {
        return Ok(false);
    }
    state.apply(&mut draft.file);
    state.settle(&mut draft.review);
    draft.indicators = state.kept();
    draft.toml = to_toml(&draft.file);
    Ok(true)
}
