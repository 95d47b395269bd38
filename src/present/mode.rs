//! The slides as a full-screen mode: events in, through the slides' key
//! table, and the screen drawn: the slide (a follower's: the presenter's
//! deck), the presenter's view, or what is shown instead (the room's screen
//! blanked, a file's errors, too small) with the overlays on top.

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::metrics::{MIN_HEIGHT, MIN_WIDTH, Metrics};
use super::state::{PresentExit, Presenter};
use super::{follower_view, index_view, presenter_view, view};
use crate::follow::Screen;
use crate::screen::overlay::{error_panel, help, too_small_for};
use crate::screen::paint::fill;
use crate::screen::reload::Reload;
use crate::screen::run::{Mode, Step};
use crate::screen::tables::PRESENT;

impl Mode for Presenter {
    type Exit = PresentExit;

    fn handle(&mut self, event: &Event) -> Step<PresentExit> {
        self.clock.now = std::time::Instant::now();
        let before = self.published();
        let step = match self
            .keymap
            .action_for(PRESENT, event, self.prompt.is_some())
        {
            Some(action) => self.update(action),
            None => Step::Ignored,
        };
        if self.published() != before {
            self.announce();
        }
        step
    }

    fn resize(&mut self, area: Rect) -> Step<PresentExit> {
        self.clock.now = std::time::Instant::now();
        let before = self.published();
        Presenter::resize(self, area);
        if self.published() != before {
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
        let clock = self.presenter_view.then(|| self.clock.next_tick());
        let reload = self.reload.as_ref().and_then(Reload::deadline);
        clock.into_iter().chain(reload).min()
    }

    fn tick(&mut self) -> Step<PresentExit> {
        let now = std::time::Instant::now();
        self.clock.now = now;
        let reloaded = match self.reload.as_mut().and_then(|r| r.poll(now)) {
            Some(read) => {
                let before = self.published();
                self.reloaded(read);
                if self.published() != before {
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

/// What this screen shows of the room's: the slide, or black, or white.
fn room_screen(p: &Presenter) -> Screen {
    match (p.blank, p.white) {
        (true, false) => Screen::Black,
        (true, true) => Screen::White,
        (false, _) => p.remote_screen,
    }
}

fn draw(frame: &mut Frame, p: &Presenter) {
    // The area the state was laid out for (the frame is the same size).
    let area = p.area;
    if p.presenter_view {
        presenter_view::draw(frame, p);
        overlays(frame.buffer_mut(), area, p);
        return;
    }
    match room_screen(p) {
        // Blank means blank, as PowerPoint's `b`: black (whatever the theme's or the
        // terminal's background; without colours the terminal's own), no counter, no
        // mark, nothing after it until unblanked.
        Screen::Black => {
            if p.theme.name != "plain" {
                fill(frame.buffer_mut(), area, Style::default().bg(Color::Black));
            }
            return;
        }
        Screen::White => {
            fill(frame.buffer_mut(), area, Style::default().bg(Color::White));
            return;
        }
        Screen::Slide => {}
    }
    if Metrics::new(area.width, area.height).too_small() {
        too_small_for(frame, area, MIN_WIDTH, MIN_HEIGHT);
        return;
    }
    let buf = frame.buffer_mut();
    if p.reference.is_some() {
        follower_view::draw(buf, p);
    } else {
        view::slide_into(buf, area, p);
    }
    if let (Some(report), None) = (&p.errors, &p.follow) {
        // A watched file with errors, over the last good slide: its bottom
        // row (the classification mark) stays. Followers keep the slide only.
        let inner = Rect::new(
            area.x + 1.min(area.width),
            area.y + 1.min(area.height),
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        );
        fill(buf, inner, p.theme.text);
        error_panel(&p.theme, report, inner, buf);
    }
    index_view::mismatch(buf, area, p);
    overlays(buf, area, p);
}

/// What goes over any view: the help, the slide index, the go-to prompt, a message.
fn overlays(buf: &mut Buffer, area: Rect, p: &Presenter) {
    if let Some(scroll) = p.help {
        help(&p.theme, &p.keymap, PRESENT, scroll, area, buf);
    }
    if let Some(selected) = p.index {
        index_view::draw(buf, area, p, selected);
    }
    index_view::prompt_line(buf, area, p);
}
