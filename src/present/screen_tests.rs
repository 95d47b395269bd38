//! The slides and the presenter's view driven by scripted keys and drawn on
//! a TestBackend: the deck's screens, the keys, the clock, a reload.

mod deck_screens;
mod presenter;
mod slides;
