//! The reader driven by scripted keys, its state and its screens on a
//! TestBackend.

mod keys;
mod library;
mod overlay_screens;
