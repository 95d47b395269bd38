//! The one place keys change the presentation: turning, jumping, going to a
//! slide, the slide index, blanking the room, the clock, the overlays.

use super::state::{PresentExit, Presenter};
use crate::i18n::{subst, t as tr};
use crate::screen::action::{Action, Command};
use crate::screen::run::Step;

/// The most digits `g` takes (no deck has a million slides).
const MAX_DIGITS: usize = 6;

/// Whether `c` turns the deck (and, while blank, only brings the slide back).
fn turns(c: Command) -> bool {
    matches!(
        c,
        Command::Next
            | Command::Prev
            | Command::Down
            | Command::Up
            | Command::First
            | Command::Last
    )
}

/// Whether `c` moves this screen on its own (a follower detaches).
fn moves(c: Command) -> bool {
    turns(c) || matches!(c, Command::Campaign(_) | Command::GoTo | Command::Index)
}

impl Presenter {
    pub(crate) fn update(&mut self, action: Action) -> Step<PresentExit> {
        let had_message = self.message.take().is_some();
        let step = if self.prompt.is_some() {
            self.prompt_action(action)
        } else {
            match action {
                Action::Command(c) => self.command(c),
                _ => Step::Ignored,
            }
        };
        match step {
            Step::Ignored if had_message => Step::Changed,
            step => step,
        }
    }

    fn command(&mut self, c: Command) -> Step<PresentExit> {
        if let Some(scroll) = self.help {
            match c {
                Command::Down => self.help = Some(scroll + 1),
                Command::Up => self.help = Some(scroll.saturating_sub(1)),
                Command::Close | Command::Help => self.help = None,
                // Any other key closes the help and does what it does.
                _ => {
                    self.help = None;
                    return match self.command(c) {
                        Step::Ignored => Step::Changed,
                        step => step,
                    };
                }
            }
            return Step::Changed;
        }
        if let Some(selected) = self.index {
            return self.index_command(selected, c);
        }
        if self.blank && turns(c) {
            // As PowerPoint does: the first turn brings the slide back, on the same slide.
            self.blank = false;
            return Step::Changed;
        }
        if moves(c) && self.errors.is_some() {
            self.message = Some(tr("errors_kept").into());
            return Step::Changed;
        }
        if let Some(step) = self.follower_command(c) {
            return step;
        }
        let before = self.current;
        match c {
            Command::Next | Command::Down => self.go(self.current + 1),
            Command::Prev | Command::Up => self.go(self.current.saturating_sub(1)),
            Command::First => self.go(0),
            Command::Last => self.go(self.slides.len() - 1),
            Command::Campaign(n) => self.go_to_campaign(n),
            other => return self.other_command(other),
        }
        if self.current == before {
            if self.message.is_some() {
                Step::Changed
            } else {
                Step::Ignored
            }
        } else {
            self.clock.start();
            Step::Changed
        }
    }

    /// The keys that do not turn: blanking, overlays, the clock, quitting.
    fn other_command(&mut self, c: Command) -> Step<PresentExit> {
        match c {
            Command::Blank | Command::White => {
                let white = c == Command::White;
                // The same key brings the slide back; the other switches colour.
                self.blank = !(self.blank && self.white == white);
                self.white = white;
            }
            Command::Help => self.help = Some(0),
            Command::Index => self.index = Some(self.current),
            Command::GoTo => self.prompt = Some(String::new()),
            Command::Clock => self.clock.toggle(),
            Command::ClockReset => self.clock.reset(),
            Command::Close if self.from_reader => {
                return Step::Exit(PresentExit::Back(self.section()));
            }
            Command::Quit => return Step::Exit(PresentExit::Quit),
            _ => return Step::Ignored,
        }
        Step::Changed
    }

    /// A follower: `f` follows again; ↓/↑ scroll a slide taller than the
    /// screen; any other move detaches it.
    fn follower_command(&mut self, c: Command) -> Option<Step<PresentExit>> {
        if c == Command::Follow {
            let f = self.follow.as_mut()?;
            f.attached = true;
            f.seen = u64::MAX;
            self.follow_remote();
            return Some(Step::Changed);
        }
        self.follow.as_ref()?;
        let room = super::follower_view::overflow(self);
        match c {
            Command::Down if self.scroll < room => {
                self.scroll += 1;
                return Some(Step::Changed);
            }
            Command::Up if self.scroll > 0 && room > 0 => {
                self.scroll -= 1;
                return Some(Step::Changed);
            }
            _ => {}
        }
        if moves(c)
            && let Some(f) = &mut self.follow
        {
            // Browsing on one's own: the presenter no longer moves this screen.
            f.attached = false;
        }
        None
    }

    /// The slide index: ↓/↑ select, a turning key goes there, Esc closes.
    fn index_command(&mut self, selected: usize, c: Command) -> Step<PresentExit> {
        let last = self.slides.len() - 1;
        self.index = match c {
            Command::Down => Some((selected + 1).min(last)),
            Command::Up => Some(selected.saturating_sub(1)),
            Command::First => Some(0),
            Command::Last => Some(last),
            Command::Next | Command::Prev => {
                self.index = None;
                return self.jump(selected);
            }
            Command::Quit => return Step::Exit(PresentExit::Quit),
            Command::Close | Command::Index => None,
            _ => return Step::Ignored,
        };
        Step::Changed
    }

    /// Go to slide `to` as a key asked (a follower detaches; the clock starts).
    fn jump(&mut self, to: usize) -> Step<PresentExit> {
        if let Some(f) = &mut self.follow {
            f.attached = false;
        }
        if self.errors.is_some() {
            self.message = Some(tr("errors_kept").into());
            return Step::Changed;
        }
        if to != self.current {
            self.go(to);
            self.clock.start();
        }
        Step::Changed
    }

    /// Typing the number of the slide to go to.
    fn prompt_action(&mut self, action: Action) -> Step<PresentExit> {
        let typed = self.prompt.get_or_insert_with(String::new);
        match action {
            Action::Input(c) if c.is_ascii_digit() && typed.len() < MAX_DIGITS => typed.push(c),
            Action::Backspace => {
                typed.pop();
            }
            Action::Cancel => self.prompt = None,
            Action::Submit => {
                let typed = self.prompt.take().unwrap_or_default();
                let Ok(n) = typed.parse::<usize>() else {
                    return Step::Changed;
                };
                if (1..=self.slides.len()).contains(&n) {
                    return self.jump(n - 1);
                }
                let total = self.slides.len().to_string();
                self.message = Some(subst(tr("no_slide"), &[&typed, &total]));
            }
            _ => return Step::Ignored,
        }
        Step::Changed
    }

    /// The first slide of campaign `n` (its overview, when it has figures),
    /// or a message that there is none.
    fn go_to_campaign(&mut self, n: u8) {
        let section = self.briefing.campaign_index(usize::from(n));
        match self
            .slides
            .iter()
            .position(|s| s.section == section && section.is_some())
        {
            Some(i) => self.go(i),
            None => self.message = Some(subst(tr("no_campaign_slide"), &[&n.to_string()])),
        }
    }
}
