//! The command line, as clap derives it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    about = "Read and present structured work briefings in the terminal"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
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
