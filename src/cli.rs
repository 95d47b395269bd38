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
    #[arg(long, global = true, value_enum)]
    pub color: Option<ColorMode>,
    /// Width of East Asian ambiguous characters (“ ” … ─): narrow, wide, or auto (ask the terminal).
    #[arg(long, global = true, value_enum)]
    pub ambiguous_width: Option<AmbiguousWidth>,
    /// Language of the interface: zh (default) or en.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
    /// The config file (default: $XDG_CONFIG_HOME/briefing/config.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
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
    /// The reader's key overrides from the config.
    pub keys: crate::tui::keys::Keymap,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open briefings in the full-screen reader (the newest period first).
    Open {
        /// Briefing files or directories of them; relative names are also looked up in BRIEFING_PATH.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Read the files again when they change; show their errors until they are fixed.
        #[arg(long)]
        watch: bool,
        /// Colour theme: dark (default), light or projector (high contrast).
        #[arg(long, value_parser = ["dark", "light", "projector"])]
        theme: Option<String>,
    },
    /// Present a briefing as slides (the newest period of those given).
    Present {
        /// Briefing files or directories of them; relative names are also looked up in BRIEFING_PATH.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Colour theme: dark (default), light, or projector (high contrast, for washed-out projectors).
        #[arg(long, value_parser = ["dark", "light", "projector"])]
        theme: Option<String>,
        /// The presenter's view: the slide, the next one, the speaker notes and a clock.
        #[arg(long)]
        presenter: bool,
        /// With --presenter: minutes for the whole talk, shared over the slides by their text.
        #[arg(long, requires = "presenter", value_parser = parse_minutes)]
        minutes: Option<f64>,
        /// Follow a presenter's slides (`--follow=CHANNEL`: a name or a socket path; default: the briefing's own).
        #[arg(long, value_name = "CHANNEL", num_args = 0..=1, require_equals = true, default_missing_value = "", conflicts_with = "presenter")]
        follow: Option<String>,
        /// With --presenter: let other users on this host follow (the channel is open to all).
        #[arg(long)]
        share: bool,
        /// Read the files again when they change (at the same slide); show their errors until they are fixed.
        #[arg(long)]
        watch: bool,
    },
    /// Check briefing files (and, together, their agreement) with file:line:col.
    Check {
        /// Briefing files or directories of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write a commented template briefing to start from (never overwrites).
    New {
        /// Where to write it.
        path: PathBuf,
    },
    /// List the colour themes.
    Themes,
    /// Print a shell completion script.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
    /// Print a JSON Schema of the briefing format, for editors that check TOML as it is typed.
    Schema,
    /// List the briefings found in directories (default: here and BRIEFING_PATH).
    List {
        /// Directories to look in.
        dirs: Vec<PathBuf>,
    },
    /// Print briefings as plain text, with each indicator's series across them.
    Print {
        /// Briefing files or directories of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Wrap to this many columns (default: the terminal's width, else 80).
        #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// Include the speaker notes (left out by default).
        #[arg(long)]
        notes: bool,
    },
}

fn parse_minutes(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(m) if m.is_finite() && m > 0.0 && m <= 24.0 * 60.0 => Ok(m),
        _ => Err(format!(
            "`{s}` is not a number of minutes (more than 0, at most a day)"
        )),
    }
}
