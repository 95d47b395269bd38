//! briefing: read and present structured work briefings in the terminal.
//!
//! One line a module. Their layer order (who may import whom) is in
//! `ARCHITECTURE.md`, and `tests/architecture.rs` keeps it.
//!
//! Everything is `pub(crate)`. The public surface is [`main`] (for the
//! binary) and [`testing`] (for the integration tests and the examples);
//! `tests/architecture.rs` keeps it so. A test of an internal is a unit test
//! in `src/`, beside the code.
#![warn(unreachable_pub)]

/// The command line.
pub(crate) mod cli;
/// What each subcommand does.
pub(crate) mod commands;
/// The config file.
pub(crate) mod config;
/// The process's exit codes.
pub(crate) mod exit;
/// `briefing export`: CSV, JSON and one HTML page.
pub(crate) mod export;
/// Audience follow: the presenter's place over a Unix socket.
pub(crate) mod follow;
/// Every interface string, in Chinese and English; ordinals.
pub(crate) mod i18n;
/// `briefing import`: a draft briefing from a work summary (.txt, .md, .docx).
pub(crate) mod import;
/// Measuring and wrapping text by display width, with Chinese line-breaking rules.
pub(crate) mod layout;
/// Several briefings: finding, loading and grouping them by organisation.
pub(crate) mod library;
/// Reading a file into the model, with diagnostics at file:line:col.
pub(crate) mod load;
/// The pure data of a briefing: no I/O, no terminal.
pub(crate) mod model;
/// The operating system: poll, the terminal size, signals; the only `unsafe`.
pub(crate) mod os;
/// The slides and the presenter's view (`briefing present`).
pub(crate) mod present;
/// `briefing print`: the whole briefing as plain text.
pub(crate) mod print;
/// The reader (`briefing open`).
pub(crate) mod reader;
/// One rendering of a briefing into display text with roles.
pub(crate) mod render;
/// `import --review`: the full-screen walk through a draft's indicators.
pub(crate) mod review;
/// The one sanitiser: briefing text never reaches the terminal as control sequences.
pub(crate) mod sanitize;
/// The screen toolkit every full-screen mode is built on.
pub(crate) mod screen;
/// `briefing serve`: an SSH server that is the application.
pub(crate) mod serve;
/// A full-screen session: opens a mode and switches between reader and slides.
pub(crate) mod session;
/// Settings enums shared by the command line, the config and the theme.
pub(crate) mod settings;
/// The test-support surface: the integration tests' one door into the crate.
pub mod testing;

/// The program: parse the command line (and the config), run the command;
/// the process's exit code. All `main.rs` does.
pub fn main() -> u8 {
    let (cli, config) = cli::parse();
    commands::run(cli, config)
}
