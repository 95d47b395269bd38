//! The screen toolkit: what every full-screen mode shares. The terminal's
//! lifecycle and signals, input and key parsing, the wire backend, the run
//! loop and its `Mode` trait, the theme, the key tables and the user's
//! overrides, live reload, and the overlays (help, error panel, too small).
//! It knows no mode: the reader and the slides are built on it.

pub(crate) mod action;
pub(crate) mod input;
pub(crate) mod keymap;
pub(crate) mod keyparse;
pub(crate) mod keys;
pub(crate) mod overlay;
pub(crate) mod paint;
pub(crate) mod reload;
pub(crate) mod run;
pub(crate) mod tables;
pub(crate) mod terminal;
pub(crate) mod theme;
pub(crate) mod watch;
pub(crate) mod wire;

#[cfg(test)]
mod tests;
