//! The presentation's state: which slide of which deck, what the room's
//! screen shows, the overlays; the deck rebuilt for each screen size (or,
//! for a follower, for the presenter's). Its update is `update`, the
//! follower's side `follower`.

use ratatui::layout::Rect;

use std::sync::Arc;

use super::clock::Clock;
use super::slides::{Body, Slide, build};
use crate::follow::{Deck, Place, PlaceKind, Publisher, Screen, Subscriber, Trouble};
use crate::model::Briefing;
use crate::screen::keymap::Keymap;
use crate::screen::reload::Reload;
use crate::screen::theme::Theme;

/// How the presentation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PresentExit {
    Quit,
    /// Back to the reader at this section (Esc, when started from the reader).
    Back(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct Presenter {
    pub briefing: Briefing,
    pub theme: Theme,
    pub area: Rect,
    pub slides: Vec<Slide>,
    pub current: usize,
    /// The room's screen is blanked (black, or white with `white`); the
    /// presenter's view stays, with a mark.
    pub blank: bool,
    pub white: bool,
    pub help: Option<usize>,
    /// The slide index overlay, at the slide selected.
    pub index: Option<usize>,
    /// Go to slide N: the digits typed so far.
    pub prompt: Option<String>,
    /// A message shown until the next key (a jump with nowhere to go).
    pub message: Option<String>,
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
    /// A follower: the size of the presenter's deck, which it shows.
    pub reference: Option<(u16, u16)>,
    /// The presenter: the size its deck is laid out for (`--deck-size`,
    /// e.g. the projector's) instead of its preview's.
    pub fixed_deck: Option<(u16, u16)>,
    /// A follower: what the presenter's room shows.
    pub remote_screen: Screen,
    /// A follower smaller than the deck: rows scrolled down within the slide.
    pub scroll: u16,
    /// The presenter: where its place is kept for a restart.
    pub resume: Option<std::path::PathBuf>,
}

/// A follower's link to the presenter.
#[derive(Debug, Clone)]
pub(crate) struct Follow {
    pub subscriber: Arc<Subscriber>,
    /// Whether the follower shows the presenter's slide (any navigation key detaches it).
    pub attached: bool,
    pub(super) seen: u64,
}

impl Follow {
    pub(crate) fn new(subscriber: Subscriber) -> Follow {
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
    pub(crate) fn new(briefing: Briefing, area: Rect, theme: Theme) -> Presenter {
        let slides = build(&briefing, area.width, area.height);
        let clock = Clock::new(&slides, None);
        Presenter {
            briefing,
            theme,
            area,
            slides,
            current: 0,
            blank: false,
            white: false,
            help: None,
            index: None,
            prompt: None,
            message: None,
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
            reference: None,
            fixed_deck: None,
            remote_screen: Screen::Slide,
            scroll: 0,
            resume: None,
        }
    }

    /// The current place, independent of the screen's size.
    pub(crate) fn place(&self) -> Place {
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
    pub(crate) fn seek(&mut self, place: Place) -> bool {
        let Some(to) = self.index_of(place) else {
            return false;
        };
        self.go(to);
        true
    }

    /// The presenter's deck as followers are told of it.
    pub(crate) fn deck(&self) -> Deck {
        let (width, height) = self.deck_size(self.area.width, self.area.height);
        let screen = match (self.blank, self.white) {
            (false, _) => Screen::Slide,
            (true, false) => Screen::Black,
            (true, true) => Screen::White,
        };
        Deck {
            index: self.current,
            count: self.slides.len(),
            width,
            height,
            screen,
        }
    }

    /// Go to slide `to` of this deck (the clock told).
    pub(super) fn go(&mut self, to: usize) {
        let to = to.min(self.slides.len() - 1);
        if to != self.current {
            self.clock.leave(self.current);
            self.current = to;
            self.scroll = 0;
        }
    }

    /// Start at slide `n` (1-based) of the deck.
    pub(crate) fn at_slide(mut self, n: usize) -> Presenter {
        self.go(n.saturating_sub(1));
        self
    }

    /// The presenter's own view, with a time budget of `minutes` for the whole.
    pub(crate) fn with_presenter_view(mut self, minutes: Option<f64>) -> Presenter {
        self.presenter_view = true;
        self.minutes = minutes;
        self.resize(self.area);
        self
    }

    /// The presenter's deck laid out for `size` (the projector's, say)
    /// rather than for its preview; its preview shows it as a follower of
    /// the preview's size would.
    pub(crate) fn with_deck_size(mut self, size: Option<(u16, u16)>) -> Presenter {
        self.fixed_deck = size;
        self.resize(self.area);
        self
    }

    /// The speaker notes of the current slide's section or item.
    pub(crate) fn notes(&self) -> &[String] {
        let slide = self.slide();
        match (slide.section, slide.item) {
            (Some(s), Some(j)) => &self.briefing.sections[s].items[j].notes,
            (Some(s), None) => &self.briefing.sections[s].notes,
            _ => &[],
        }
    }

    /// The deck's size: the presenter's (a follower's), else the screen, or
    /// in the presenter's view the size given (`--deck-size`), else its preview.
    pub(super) fn deck_size(&self, w: u16, h: u16) -> (u16, u16) {
        if let Some(size) = self.reference {
            size
        } else if let (true, Some(size)) = (self.presenter_view, self.fixed_deck) {
            size
        } else if self.presenter_view {
            super::metrics::preview_size(w, h)
        } else {
            (w, h)
        }
    }

    /// Start at the first slide of `section`.
    pub(crate) fn at_section(mut self, section: usize) -> Presenter {
        if let Some(i) = self.slides.iter().position(|s| s.section == Some(section)) {
            self.current = i;
        }
        self
    }

    pub(crate) fn slide(&self) -> &Slide {
        &self.slides[self.current.min(self.slides.len() - 1)]
    }

    /// The section the current slide belongs to (the nearest before it for the title and end).
    pub(crate) fn section(&self) -> usize {
        self.slides[..=self.current]
            .iter()
            .rev()
            .find_map(|s| s.section)
            .unwrap_or(0)
    }

    /// Lay the deck out again for a screen of `area`, at the same place.
    pub(crate) fn resize(&mut self, area: Rect) {
        let here = self.place();
        self.area = area;
        self.relayout(here, 0);
    }

    /// Build the deck again for the screen and go to `place` (its page that
    /// holds the same place), else to slide `otherwise`.
    pub(super) fn relayout(&mut self, place: Place, otherwise: usize) {
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
    pub(crate) fn reloaded(&mut self, read: Result<Vec<Briefing>, String>) {
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
}
