//! The presentation's state and its update: which slide, blanked or not,
//! the help overlay; the deck rebuilt for each screen size.

use ratatui::layout::Rect;

use std::sync::Arc;

use super::clock::Clock;
use super::slides::{Body, Slide, build};
use crate::follow::{Place, PlaceKind, Publisher, RemoteState, Subscriber, Trouble};
use crate::model::Briefing;
use crate::screen::action::{Action, Command};
use crate::screen::keymap::Keymap;
use crate::screen::reload::Reload;
use crate::screen::run::Step;
use crate::screen::theme::Theme;

/// How the presentation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentExit {
    Quit,
    /// Back to the reader at this section (Esc, when started from the reader).
    Back(usize),
}

#[derive(Debug, Clone)]
pub struct Presenter {
    pub briefing: Briefing,
    pub theme: Theme,
    pub area: Rect,
    pub slides: Vec<Slide>,
    pub current: usize,
    pub blank: bool,
    pub help: Option<usize>,
    /// Whether Esc returns to the reader.
    pub from_reader: bool,
    /// The presenter's view (preview, next slide, notes, clock) instead of the slide.
    pub presenter_view: bool,
    pub clock: Clock,
    /// The time budget of the whole presentation (`--minutes`).
    pub minutes: Option<f64>,
    /// The presenter's channel, when it publishes its place.
    pub publisher: Option<Arc<Publisher>>,
    /// Why the presenter has no channel.
    pub no_channel: Option<Arc<Trouble>>,
    /// Following a presenter.
    pub follow: Option<Follow>,
    /// The user's key overrides.
    pub keymap: Keymap,
    /// With `--watch`: the files to read again when they change.
    pub reload: Option<Reload>,
    /// The report of a watched file that has errors, shown instead of the slide.
    pub errors: Option<String>,
    /// Whether a reload was taken in (the reader reads the files again after).
    pub reloaded: bool,
}

/// A follower's link to the presenter.
#[derive(Debug, Clone)]
pub struct Follow {
    pub subscriber: Arc<Subscriber>,
    /// Whether the follower shows the presenter's slide (any navigation key detaches it).
    pub attached: bool,
    seen: u64,
}

impl Follow {
    pub fn new(subscriber: Subscriber) -> Follow {
        Follow {
            subscriber: Arc::new(subscriber),
            attached: true,
            seen: u64::MAX,
        }
    }
}

fn kind_of(body: &Body) -> PlaceKind {
    match body {
        Body::Title => PlaceKind::Title,
        Body::Overview(_) => PlaceKind::Overview,
        Body::Text(_) => PlaceKind::Text,
        Body::End => PlaceKind::End,
    }
}

impl Presenter {
    pub fn new(briefing: Briefing, area: Rect, theme: Theme) -> Presenter {
        let slides = build(&briefing, area.width, area.height);
        let clock = Clock::new(&slides, None);
        Presenter {
            briefing,
            theme,
            area,
            slides,
            current: 0,
            blank: false,
            help: None,
            from_reader: false,
            presenter_view: false,
            clock,
            minutes: None,
            publisher: None,
            no_channel: None,
            follow: None,
            keymap: Keymap::default(),
            reload: None,
            errors: None,
            reloaded: false,
        }
    }

    /// The current place, independent of the screen's size.
    pub fn place(&self) -> Place {
        let s = self.slide();
        Place {
            section: s.section,
            item: s.item,
            kind: kind_of(&s.body),
            page: s.page,
        }
    }

    /// The slide of `place` in this deck (its nearest page), if it has one.
    fn index_of(&self, place: Place) -> Option<usize> {
        let same: Vec<usize> = (0..self.slides.len())
            .filter(|&i| {
                let s = &self.slides[i];
                s.section == place.section && s.item == place.item && kind_of(&s.body) == place.kind
            })
            .collect();
        same.iter()
            .copied()
            .find(|&i| self.slides[i].page == place.page)
            .or_else(|| same.last().copied())
    }

    /// Go to `place` in this deck (its nearest page); false when the deck has no such place.
    pub fn seek(&mut self, place: Place) -> bool {
        let Some(to) = self.index_of(place) else {
            return false;
        };
        if to != self.current {
            self.clock.leave(self.current);
            self.current = to;
        }
        true
    }

    /// After a change of slide: tell the followers.
    pub(super) fn announce(&self) {
        if let Some(p) = &self.publisher {
            p.publish(self.place());
        }
    }

    /// Take in what the presenter sent, if anything.
    pub(super) fn follow_remote(&mut self) -> bool {
        let Some(f) = &mut self.follow else {
            return false;
        };
        let (state, _, seq) = f.subscriber.snapshot();
        if seq == f.seen {
            return false;
        }
        f.seen = seq;
        if let (true, RemoteState::Following(place)) = (f.attached, state) {
            self.seek(place);
        }
        true
    }

    /// The presenter's own view, with a time budget of `minutes` for the whole.
    pub fn with_presenter_view(mut self, minutes: Option<f64>) -> Presenter {
        self.presenter_view = true;
        self.minutes = minutes;
        self.resize(self.area);
        self
    }

    /// The speaker notes of the current slide's section or item.
    pub fn notes(&self) -> &[String] {
        let slide = self.slide();
        match (slide.section, slide.item) {
            (Some(s), Some(j)) => &self.briefing.sections[s].items[j].notes,
            (Some(s), None) => &self.briefing.sections[s].notes,
            _ => &[],
        }
    }

    /// The deck's size: the screen, or the preview of the presenter's view.
    fn deck_size(&self, w: u16, h: u16) -> (u16, u16) {
        if self.presenter_view {
            super::metrics::preview_size(w, h)
        } else {
            (w, h)
        }
    }

    /// Start at the first slide of `section`.
    pub fn at_section(mut self, section: usize) -> Presenter {
        if let Some(i) = self.slides.iter().position(|s| s.section == Some(section)) {
            self.current = i;
        }
        self
    }

    pub fn slide(&self) -> &Slide {
        &self.slides[self.current.min(self.slides.len() - 1)]
    }

    /// The section the current slide belongs to (the nearest before it for the title and end).
    pub fn section(&self) -> usize {
        self.slides[..=self.current]
            .iter()
            .rev()
            .find_map(|s| s.section)
            .unwrap_or(0)
    }

    /// Lay the deck out again for a screen of `area`, at the same place.
    pub fn resize(&mut self, area: Rect) {
        let here = self.place();
        self.area = area;
        self.relayout(here, 0);
    }

    /// Build the deck again for the screen and go to `place` (its page that
    /// holds the same place), else to slide `otherwise`.
    fn relayout(&mut self, place: Place, otherwise: usize) {
        let (dw, dh) = self.deck_size(self.area.width, self.area.height);
        self.slides = build(&self.briefing, dw, dh);
        self.current = self
            .index_of(place)
            .unwrap_or(otherwise.min(self.slides.len() - 1));
        let total = self
            .minutes
            .map(|m| std::time::Duration::from_secs_f64(m * 60.0));
        self.clock.plan(&self.slides, total);
    }

    /// Take in the watched files as read again: the briefing of the same
    /// period (else the newest) at the same place — its section found by id —
    /// or the report of their errors over the last good slides.
    pub fn reloaded(&mut self, read: Result<Vec<Briefing>, String>) {
        self.reloaded = true;
        let Some((mut group, at)) =
            crate::screen::reload::take_in(read, self.briefing.period, &mut self.errors)
        else {
            return;
        };
        let mut place = self.place();
        let id = place
            .section
            .and_then(|s| self.briefing.sections.get(s))
            .map(|s| s.id.clone());
        self.briefing = group.swap_remove(at);
        place.section = id.and_then(|id| self.briefing.sections.iter().position(|s| s.id == id));
        let otherwise = self.current;
        self.relayout(place, otherwise);
    }

    pub fn update(&mut self, action: Action) -> Step<PresentExit> {
        match action {
            Action::Command(c) => self.command(c),
            _ => Step::Ignored,
        }
    }

    fn command(&mut self, c: Command) -> Step<PresentExit> {
        if self.blank {
            return self.blank_command(c);
        }
        if let Some(scroll) = self.help {
            return self.help_command(scroll, c);
        }
        let navigates = matches!(
            c,
            Command::Next | Command::Prev | Command::First | Command::Last | Command::Campaign(_)
        );
        if let Some(f) = &mut self.follow {
            if navigates {
                // Browsing on one's own: the presenter no longer moves this screen.
                f.attached = false;
            }
            if c == Command::Follow {
                f.attached = true;
                f.seen = u64::MAX;
                self.follow_remote();
                return Step::Changed;
            }
        }
        let before = self.current;
        match c {
            Command::Next | Command::Prev | Command::First | Command::Last => self.turn(c),
            Command::Campaign(n) => self.go_to_campaign(n),
            Command::Blank => {
                self.blank = true;
                return Step::Changed;
            }
            Command::Help => {
                self.help = Some(0);
                return Step::Changed;
            }
            Command::Close if self.from_reader => {
                return Step::Exit(PresentExit::Back(self.section()));
            }
            Command::Quit => return Step::Exit(PresentExit::Quit),
            _ => {}
        }
        if self.current == before {
            Step::Ignored
        } else {
            self.clock.leave(before);
            Step::Changed
        }
    }

    /// While blank only the blanking keys and quitting do anything.
    fn blank_command(&mut self, c: Command) -> Step<PresentExit> {
        match c {
            Command::Blank => {
                self.blank = false;
                Step::Changed
            }
            Command::Quit => Step::Exit(PresentExit::Quit),
            _ => Step::Ignored,
        }
    }

    /// The help overlay takes the turning keys to scroll while it is open.
    fn help_command(&mut self, scroll: usize, c: Command) -> Step<PresentExit> {
        match c {
            Command::Next => self.help = Some(scroll + 1),
            Command::Prev => self.help = Some(scroll.saturating_sub(1)),
            Command::Close | Command::Help => self.help = None,
            Command::Quit => return Step::Exit(PresentExit::Quit),
            _ => return Step::Ignored,
        }
        Step::Changed
    }

    /// The next, previous, first or last slide.
    fn turn(&mut self, c: Command) {
        let last = self.slides.len() - 1;
        self.current = match c {
            Command::Next => (self.current + 1).min(last),
            Command::Prev => self.current.saturating_sub(1),
            Command::First => 0,
            Command::Last => last,
            _ => self.current,
        };
    }

    /// The first slide of campaign `n` (its overview, when it has figures), if there is one.
    fn go_to_campaign(&mut self, n: u8) {
        let section = self.briefing.campaign_index(usize::from(n));
        if let Some(i) = self
            .slides
            .iter()
            .position(|s| s.section == section && section.is_some())
        {
            self.current = i;
        }
    }
}
