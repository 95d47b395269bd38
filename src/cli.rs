//! The command line, as clap derives it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    about = "Read and present structured work briefings in the terminal"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Colour: auto (none when NO_COLOR is set or TERM=dumb), always, or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorMode::Auto)]
    pub color: ColorMode,
    /// Width of East Asian ambiguous characters (“ ” … ─): narrow, wide, or auto (ask the terminal).
    #[arg(long, global = true, value_enum, default_value_t = AmbiguousWidth::Narrow)]
    pub ambiguous_width: AmbiguousWidth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmbiguousWidth {
    Narrow,
    Wide,
    Auto,
}

/// How the full-screen modes look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    pub theme: String,
    pub color: ColorMode,
    pub ambiguous_width: AmbiguousWidth,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a briefing in the full-screen reader.
    Open {
        /// The briefing file (.toml).
        path: PathBuf,
        /// Colour theme: dark (default) or projector (high contrast).
        #[arg(long, default_value = "dark", value_parser = ["dark", "projector"])]
        theme: String,
    },
    /// Present a briefing as slides.
    Present {
        /// The briefing file (.toml).
        path: PathBuf,
        /// Colour theme: dark (default) or projector (high contrast, for washed-out projectors).
        #[arg(long, default_value = "dark", value_parser = ["dark", "projector"])]
        theme: String,
    },
    /// Check briefing files and report every problem with file:line:col.
    Check {
        /// The briefing files to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print a briefing as plain text.
    Print {
        /// The briefing file (.toml).
        path: PathBuf,
        /// Wrap to this many columns (default: the terminal's width, else 80).
        #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
    },
}
