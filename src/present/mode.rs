//! The slides as a full-screen mode: events in, through the slides' key
//! table, and the screen drawn: the slide, the presenter's view, or what is
//! shown instead (blank, a file's errors, too small) with the help on top.

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::metrics::{MIN_HEIGHT, MIN_WIDTH, Metrics};
use super::state::{PresentExit, Presenter};
use super::{presenter_view, view};
use crate::screen::overlay::{error_panel, help, too_small_for};
use crate::screen::paint::fill;
use crate::screen::reload::Reload;
use crate::screen::run::{Mode, Step};
use crate::screen::tables::PRESENT;

impl Mode for Presenter {
    type Exit = PresentExit;

    fn handle(&mut self, event: &Event) -> Step<PresentExit> {
        self.clock.now = std::time::Instant::now();
        let before = self.place();
        let step = match self.keymap.action_for(PRESENT, event, false) {
            Some(action) => self.update(action),
            None => Step::Ignored,
        };
        if self.place() != before {
            self.announce();
        }
        step
    }

    fn resize(&mut self, area: Rect) -> Step<PresentExit> {
        self.clock.now = std::time::Instant::now();
        let before = self.place();
        Presenter::resize(self, area);
        if self.place() != before {
            self.announce();
        }
        Step::Changed
    }

    fn draw(&self, frame: &mut Frame) {
        draw(frame, self);
    }

    fn end(&self) -> PresentExit {
        PresentExit::Quit
    }

    fn deadline(&self) -> Option<std::time::Instant> {
        let clock = (self.presenter_view && !self.blank).then(|| self.clock.next_tick());
        let reload = self.reload.as_ref().and_then(Reload::deadline);
        clock.into_iter().chain(reload).min()
    }

    fn tick(&mut self) -> Step<PresentExit> {
        let now = std::time::Instant::now();
        self.clock.now = now;
        let reloaded = match self.reload.as_mut().and_then(|r| r.poll(now)) {
            Some(read) => {
                let before = self.place();
                self.reloaded(read);
                if self.place() != before {
                    self.announce();
                }
                true
            }
            None => false,
        };
        // A follower is woken when the presenter sends; the presenter's view each second.
        if self.follow_remote() || reloaded || self.presenter_view {
            Step::Changed
        } else {
            Step::Ignored
        }
    }
}

fn draw(frame: &mut Frame, p: &Presenter) {
    if p.blank {
        // Blank means blank: an empty frame, and nothing after it until unblanked.
        return;
    }
    // The area the state was laid out for (the frame is the same size).
    let area = p.area;
    if let Some(report) = &p.errors {
        // A watched file with errors: the report, on the whole screen, until it is fixed.
        fill(frame.buffer_mut(), area, p.theme.text);
        let inner = Rect::new(
            area.x + 1.min(area.width),
            area.y + 1.min(area.height),
            area.width.saturating_sub(2),
            area.height.saturating_sub(1),
        );
        error_panel(&p.theme, report, inner, frame.buffer_mut());
        return;
    }
    if p.presenter_view {
        presenter_view::draw(frame, p);
        return;
    }
    if Metrics::new(area.width, area.height).too_small() {
        too_small_for(frame, area, MIN_WIDTH, MIN_HEIGHT);
        return;
    }
    view::slide_into(frame.buffer_mut(), area, p);
    if let Some(scroll) = p.help {
        help(
            &p.theme,
            &p.keymap,
            PRESENT,
            scroll,
            area,
            frame.buffer_mut(),
        );
    }
}
