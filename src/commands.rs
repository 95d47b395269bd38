//! What each subcommand does, returning the process exit code.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::Command;
use crate::load;

/// Exit codes.
pub const OK: u8 = 0;
pub const INVALID: u8 = 1;
pub const USAGE: u8 = 2;

pub fn run(cli: crate::cli::Cli) -> u8 {
    let look = |theme: String| crate::cli::Look {
        theme,
        color: cli.color,
        ambiguous_width: cli.ambiguous_width,
    };
    // `auto` asks the terminal, which only the full-screen modes do.
    crate::layout::width::set_ambiguous_wide(
        cli.ambiguous_width == crate::cli::AmbiguousWidth::Wide,
    );
    match cli.command {
        Command::Check { paths } => check(&paths),
        Command::Print { path, width } => print(&path, width.map(usize::from)),
        Command::Open { path, theme } => crate::tui::open(&path, &look(theme)),
        Command::Present { path, theme } => crate::tui::present(&path, &look(theme)),
    }
}

/// Report every problem of every file; 1 when any file has an error.
fn check(paths: &[std::path::PathBuf]) -> u8 {
    let mut failed = false;
    let mut stderr = std::io::stderr().lock();
    for path in paths {
        let (_, report) = load::check_file(path);
        failed |= report.has_errors();
        let _ = stderr.write_all(report.render().as_bytes());
    }
    if failed { INVALID } else { OK }
}

/// Load `path` for a command that shows it; on errors, print the report.
pub fn load_or_report(path: &Path) -> Option<load::Loaded> {
    match load::load(path) {
        Ok(loaded) => Some(loaded),
        Err(report) => {
            let _ = std::io::stderr().write_all(report.render().as_bytes());
            None
        }
    }
}

fn print(path: &Path, width: Option<usize>) -> u8 {
    let Some(loaded) = load_or_report(path) else {
        return INVALID;
    };
    let width = width.unwrap_or_else(|| {
        let stdout = std::io::stdout();
        if stdout.is_terminal() {
            crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w))
        } else {
            80
        }
    });
    let text = crate::print::render(&loaded.briefing, width);
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => OK,
        // A closed pipe (`briefing print | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("briefing: cannot write: {e}");
            INVALID
        }
    }
}
