//! Shared test helpers: scripted keys, the reader driven on a TestBackend
//! (through `briefing::testing`), the real binary in an environment of its
//! own.
#![allow(dead_code)]

pub mod pty;
pub mod seed;
pub mod ssh;

use std::path::Path;

pub const Y2023: &str = "briefings/2023.toml";
pub const HARBOUR: &str = "tests/fixtures/harbour-2024.toml";

/// Run the reader on `path` at `width`×`height` through `script`; the final screen.
pub fn screen(path: &str, width: u16, height: u16, script: &str) -> String {
    briefing::testing::Reader::open(Path::new(path), width, height).run(script)
}

/// A config directory that holds nothing: tests see the defaults, not the
/// config of whoever runs them.
pub const NO_CONFIG: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config");

/// The real binary, in an environment of its own: no user config, no
/// `BRIEFING_PATH`, no `NO_COLOR`.
pub fn briefing() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("briefing").unwrap();
    cmd.env("XDG_CONFIG_HOME", NO_CONFIG)
        .env_remove("BRIEFING_PATH")
        .env_remove("NO_COLOR");
    cmd
}
