//! Presentation mode (`briefing present`): the briefing as slides, and the
//! presenter's view; built on the `screen` toolkit, as the reader is.

pub(crate) mod balance;
pub(crate) mod bignum;
pub(crate) mod clock;
pub(crate) mod follower;
pub(crate) mod follower_view;
pub(crate) mod grid;
pub(crate) mod heading;
pub(crate) mod index_view;
pub(crate) mod kpi;
pub(crate) mod metrics;
pub(crate) mod mode;
pub(crate) mod overview;
pub(crate) mod presenter_view;
pub(crate) mod reflow;
pub(crate) mod slides;
pub(crate) mod state;
pub(crate) mod text;
pub(crate) mod update;
pub(crate) mod view;

#[cfg(test)]
mod screen_tests;
#[cfg(test)]
mod tests;
