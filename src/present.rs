//! Presentation mode (`briefing present`): the briefing as slides, sharing
//! the reader's text layout, themes, key tables and run loop.

pub mod bignum;
pub mod clock;
pub mod keys;
pub mod metrics;
pub mod presenter_view;
pub mod slides;
pub mod state;
pub mod view;
