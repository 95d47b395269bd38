//! What each subcommand does, returning the process exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::cli::Command;
use crate::{library, load};

/// Exit codes.
pub const OK: u8 = 0;
pub const INVALID: u8 = 1;
pub const USAGE: u8 = 2;

pub fn run(cli: crate::cli::Cli) -> u8 {
    let config = match crate::config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(report) => {
            let _ = std::io::stderr().write_all(report.render().as_bytes());
            return USAGE;
        }
    };
    library::set_config_dirs(config.library.clone());
    crate::i18n::set_lang(cli.lang.or(config.lang).unwrap_or(crate::i18n::Lang::Zh));
    // Flags beat the config, the config beats the defaults.
    let color = cli
        .color
        .or(config.color)
        .unwrap_or(crate::cli::ColorMode::Auto);
    let ambiguous_width = cli
        .ambiguous_width
        .or(config.ambiguous_width)
        .unwrap_or(crate::cli::AmbiguousWidth::Narrow);
    let look = |theme: Option<String>| crate::cli::Look {
        theme: theme
            .or(config.theme.clone())
            .unwrap_or_else(|| "dark".into()),
        color,
        ambiguous_width,
        keys: config.keys.clone(),
    };
    // `auto` asks the terminal, which only the full-screen modes do.
    crate::layout::width::set_ambiguous_wide(ambiguous_width == crate::cli::AmbiguousWidth::Wide);
    match cli.command {
        Command::Check { paths } => check(&paths),
        Command::Print {
            paths,
            width,
            notes,
        } => print(&paths, width.map(usize::from), notes),
        Command::List { dirs } => list(&dirs),
        Command::New { path } => new(&path),
        Command::Themes => themes(),
        Command::Completions { shell } => {
            let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "briefing", &mut std::io::stdout());
            OK
        }
        Command::Schema => {
            print!("{SCHEMA}");
            OK
        }
        Command::Man => {
            let cmd = <crate::cli::Cli as clap::CommandFactory>::command();
            match clap_mangen::Man::new(cmd).render(&mut std::io::stdout()) {
                Ok(()) => OK,
                Err(e) => {
                    eprintln!("briefing: cannot write: {e}");
                    INVALID
                }
            }
        }
        Command::Open {
            paths,
            theme,
            watch,
        } => crate::tui::open(&paths, &look(theme), watch),
        Command::Present {
            paths,
            theme,
            presenter,
            minutes,
            follow,
            share,
            watch,
        } => crate::tui::present(
            &paths,
            &look(theme),
            crate::tui::SlidesOptions {
                presenter: presenter.then_some(minutes),
                follow: follow.map(|c| Some(c).filter(|c| !c.is_empty())),
                share,
            },
            watch,
        ),
    }
}

/// Report every problem of every file, and where files disagree; 1 when any has an error.
fn check(names: &[PathBuf]) -> u8 {
    let mut stderr = std::io::stderr().lock();
    let mut failed = false;
    let mut paths = Vec::new();
    for name in names {
        match library::resolve(name) {
            Ok(found) => paths.extend(found),
            Err(e) => {
                let _ = writeln!(stderr, "{e}");
                failed = true;
            }
        }
    }
    let (lib, reports) = library::load_all(&paths);
    for report in &reports {
        failed |= report.has_errors();
        let _ = stderr.write_all(report.render().as_bytes());
    }
    for conflict in lib.conflicts() {
        let mut d = load::Diagnostic::warning(None, Some(conflict.id.clone()), conflict.message());
        d.at = Some((conflict.other.1, 1));
        let report = load::Report {
            path: conflict.other.0.display().to_string(),
            source: None,
            diagnostics: vec![d],
        };
        let _ = stderr.write_all(report.render().as_bytes());
    }
    if failed { INVALID } else { OK }
}

/// Resolve and load `names` for a command that shows them: the library, or
/// the exit code after the reports of the files that have errors.
pub fn load_library(names: &[PathBuf]) -> Result<(library::Library, Vec<PathBuf>), u8> {
    let paths = library::resolve_all(names).map_err(|e| {
        eprintln!("{e}");
        INVALID
    })?;
    let (lib, reports) = library::load_all(&paths);
    let bad: Vec<&load::Report> = reports.iter().filter(|r| r.has_errors()).collect();
    if !bad.is_empty() {
        let mut stderr = std::io::stderr().lock();
        for r in bad {
            let _ = stderr.write_all(r.render().as_bytes());
        }
        return Err(INVALID);
    }
    Ok((lib, paths))
}

/// `briefing list`: organisation, period, title and path of each briefing found.
fn list(dirs: &[PathBuf]) -> u8 {
    let dirs: Vec<PathBuf> = if dirs.is_empty() {
        library::search_dirs()
    } else {
        dirs.to_vec()
    };
    let mut paths = Vec::new();
    let mut stderr = std::io::stderr().lock();
    for dir in &dirs {
        match library::toml_files(dir) {
            Ok(found) => paths.extend(found),
            Err(e) => {
                let _ = writeln!(stderr, "briefing: {}: {e}", dir.display());
            }
        }
    }
    let (lib, reports) = library::load_all(&paths);
    let rows: Vec<[String; 4]> = lib
        .entries
        .iter()
        .map(|e| {
            let b = &e.briefing;
            [
                b.organization.clone(),
                b.period.to_string(),
                b.title.clone(),
                e.path.display().to_string(),
            ]
        })
        .collect();
    let width = |k: usize| {
        rows.iter()
            .map(|r| crate::layout::width::str_width(&r[k]))
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2) = (width(0), width(1), width(2));
    let mut out = std::io::stdout().lock();
    for r in &rows {
        let line = format!(
            "{}  {}  {}  {}",
            crate::layout::pad_right(&r[0], w0),
            crate::layout::pad_right(&r[1], w1),
            crate::layout::pad_right(&r[2], w2),
            crate::sanitize::visible(&r[3])
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for r in reports.iter().filter(|r| r.has_errors()) {
        let _ = writeln!(
            stderr,
            "briefing: {}: not a valid briefing (briefing check {} tells why)",
            crate::sanitize::visible(&r.path),
            crate::sanitize::visible(&r.path)
        );
    }
    if rows.is_empty() {
        let looked: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        let _ = writeln!(
            stderr,
            "briefing: no briefings found in {}",
            looked.join(", ")
        );
        return INVALID;
    }
    OK
}

fn print(names: &[PathBuf], width: Option<usize>, notes: bool) -> u8 {
    let (lib, _) = match load_library(names) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let width = width.unwrap_or_else(|| {
        let stdout = std::io::stdout();
        if stdout.is_terminal() {
            crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w))
        } else {
            80
        }
    });
    let mut text = String::new();
    for entry in &lib.entries {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let group: Vec<crate::model::Briefing> = lib
            .group(&entry.briefing.organization)
            .into_iter()
            .map(|e| e.briefing.clone())
            .collect();
        text.push_str(&crate::print::render(&entry.briefing, &group, width, notes));
    }
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

/// The JSON Schema of the format (`briefing schema`), kept in step with docs/format.md.
pub const SCHEMA: &str = include_str!("schema.json");

/// The template `briefing new` writes: a valid briefing that explains itself.
pub const TEMPLATE: &str = include_str!("template.toml");

/// `briefing new PATH`: write the template, never over an existing file.
fn new(path: &std::path::Path) -> u8 {
    use std::fs::OpenOptions;
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(mut f) => match f.write_all(TEMPLATE.as_bytes()) {
            Ok(()) => {
                println!(
                    "{}: written; edit it, then `briefing check {}`",
                    path.display(),
                    path.display()
                );
                OK
            }
            Err(e) => {
                eprintln!("{}: error: cannot write: {e}", path.display());
                INVALID
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "{}: error: the file exists; briefing new never overwrites",
                path.display()
            );
            INVALID
        }
        Err(e) => {
            eprintln!("{}: error: cannot create: {e}", path.display());
            INVALID
        }
    }
}

/// `briefing themes`: each theme and what it is for.
fn themes() -> u8 {
    for (name, about) in crate::tui::theme::Theme::ABOUT {
        println!("{name:<10} {about}");
    }
    OK
}
