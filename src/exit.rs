//! The process's exit codes.

/// Success.
pub(crate) const OK: u8 = 0;
/// A file (or the terminal) could not be used: errors were reported.
pub(crate) const INVALID: u8 = 1;
/// The command line or the config was wrong, or a full-screen mode has no terminal.
pub(crate) const USAGE: u8 = 2;
