//! briefing: read and present structured work briefings in the terminal.
//!
//! `model` holds the pure data; `load` turns a file into it; `layout` measures
//! and wraps text; `print` writes plain text; `tui` is the interactive reader;
//! `import` drafts a briefing from a work summary (.txt, .md, .docx).

pub mod cli;
pub mod commands;
pub mod config;
pub mod export;
pub mod follow;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod library;
pub mod load;
pub mod model;
pub mod present;
pub mod print;
pub mod sanitize;
pub mod tui;
