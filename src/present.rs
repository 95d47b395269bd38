//! Presentation mode (`briefing present`): the briefing as slides, and the
//! presenter's view; built on the `screen` toolkit, as the reader is.

pub mod bignum;
pub mod clock;
pub mod metrics;
pub mod mode;
pub mod presenter_view;
pub mod slides;
pub mod state;
pub mod view;
