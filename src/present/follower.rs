//! The presentation's link to the room: the presenter tells its followers
//! (and its resume file) where it is; a follower takes in the presenter's
//! deck — its size, its slide, whether the room's screen is blank.

use super::state::Presenter;
use crate::follow::{Place, RemoteState, Screen};

impl Presenter {
    /// What the followers are told: the place, and the deck.
    pub(crate) fn published(&self) -> (Place, crate::follow::Deck) {
        (self.place(), self.deck())
    }

    /// After a change of slide or of the room's screen: tell the followers,
    /// and keep the place for a restart.
    pub(super) fn announce(&self) {
        let (place, deck) = self.published();
        if let Some(p) = &self.publisher {
            p.publish_deck(place, Some(deck));
        }
        if let Some(path) = &self.resume {
            crate::follow::resume::save(path, place);
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
        let attached = f.attached;
        let deck = f.subscriber.deck();
        let RemoteState::Following(place) = state else {
            // No presenter (any more): the room's screen is no longer blank.
            self.remote_screen = Screen::Slide;
            return true;
        };
        self.remote_screen = deck.map_or(Screen::Slide, |d| d.screen);
        if !attached {
            return true;
        }
        match deck {
            Some(d) => {
                if self.reference != Some((d.width, d.height)) {
                    // The presenter's deck, laid out for its size: the same slides here.
                    self.reference = Some((d.width, d.height));
                    self.relayout(place, 0);
                }
                if self.slides.len() == d.count {
                    self.go(d.index);
                } else {
                    self.seek(place);
                }
            }
            None => {
                // A presenter of version 1: this screen's own deck, at its place.
                if self.reference.take().is_some() {
                    self.relayout(place, 0);
                }
                self.seek(place);
            }
        }
        true
    }
}
