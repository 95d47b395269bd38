//! What each subcommand does, returning the process exit code.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use crate::cli::Command;
use crate::i18n::{subst, t};
use crate::{library, load};

use crate::exit::{INVALID, OK, USAGE};
use crate::library::load_library;
use crate::settings::{AmbiguousWidth, ColorMode, Lang, ThemeName};

mod list;
use list::list;

/// Run the command `cli` gives, with the config `cli::parse` read.
pub(crate) fn run(cli: crate::cli::Cli, config: Result<crate::config::Config, load::Report>) -> u8 {
    let config = match config {
        Ok(c) => c,
        Err(report) => {
            let _ = std::io::stderr().write_all(report.render().as_bytes());
            return USAGE;
        }
    };
    let settings = Settings::settle(&cli, config);
    dispatch(cli.command, &settings)
}

/// The flags and the config, settled: flags beat the config, the config
/// beats the defaults.
struct Settings {
    config: crate::config::Config,
    color: ColorMode,
    /// `--ambiguous-width` or the config's, if either says.
    ambiguous_given: Option<AmbiguousWidth>,
}

impl Settings {
    /// Settle the settings and apply those that hold for every command.
    fn settle(cli: &crate::cli::Cli, config: crate::config::Config) -> Settings {
        library::set_config_dirs(config.library.clone());
        crate::i18n::set_lang(cli.lang.or(config.lang).unwrap_or(Lang::Zh));
        let settings = Settings {
            color: cli.color.or(config.color).unwrap_or(ColorMode::Auto),
            ambiguous_given: cli.ambiguous_width.or(config.ambiguous_width),
            config,
        };
        // `auto` asks the terminal, which only the full-screen modes do.
        crate::layout::width::set_ambiguous_wide(settings.ambiguous() == AmbiguousWidth::Wide);
        settings
    }

    fn ambiguous(&self) -> AmbiguousWidth {
        self.ambiguous_given.unwrap_or(AmbiguousWidth::Narrow)
    }

    /// How a full-screen mode looks, with `theme` if one was asked for.
    fn look(&self, theme: Option<ThemeName>) -> crate::session::Look {
        crate::session::Look {
            theme: theme.or(self.config.theme).unwrap_or(ThemeName::Dark),
            color: self.color,
            ambiguous_width: self.ambiguous(),
            keys: self.config.keys.clone(),
            mouse: false,
        }
    }

    /// What every `serve` session starts from.
    fn serve_base(&self) -> crate::serve::Base {
        crate::serve::Base {
            dirs: Vec::new(),
            lang: crate::i18n::lang(),
            ambiguous: self.ambiguous_given.unwrap_or(AmbiguousWidth::Auto),
            theme: self.config.theme.unwrap_or(ThemeName::Dark),
            color: self.color,
            keys: self.config.keys.clone(),
        }
    }
}

/// Run `command`, one arm a subcommand.
fn dispatch(command: Command, settings: &Settings) -> u8 {
    let look = |theme: Option<ThemeName>| settings.look(theme);
    match command {
        Command::Check { paths } => check(&paths),
        Command::Print {
            paths,
            width,
            notes,
        } => print(&paths, width.map(usize::from), notes),
        Command::List { dirs } => list(&dirs),
        Command::Import {
            file,
            output,
            force,
            review,
        } => import(&file, output.as_deref(), force, review.then(|| look(None))),
        Command::New { path } => new(&path),
        Command::Themes => themes(),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut crate::cli::command(), "briefing", &mut script);
            emit(&script)
        }
        Command::Schema { export } => emit(if export {
            crate::export::json::SCHEMA.as_bytes()
        } else {
            SCHEMA.as_bytes()
        }),
        Command::Export {
            paths,
            format,
            output,
            no_bom,
        } => export(&paths, format, output, no_bom),
        Command::Man => man(),
        Command::Serve(options) => crate::serve::run(options, settings.serve_base()),
        Command::Open {
            paths,
            theme,
            watch,
            no_mouse,
        } => {
            let look = crate::session::Look {
                mouse: !no_mouse && settings.config.mouse.unwrap_or(true),
                ..look(theme)
            };
            crate::session::open(&paths, &look, watch)
        }
        command @ Command::Present { .. } => present(command, look),
    }
}

/// `briefing import`; with `--review` (a look given), the walk on the terminal first.
fn import(
    file: &std::path::Path,
    output: Option<&std::path::Path>,
    force: bool,
    review: Option<crate::session::Look>,
) -> u8 {
    let Some(look) = review else {
        return crate::import::run(file, output, force, None);
    };
    if let Err(code) = crate::session::require_terminal("import --review") {
        return code;
    }
    let theme = crate::screen::theme::Theme::choose(look.theme, look.color);
    let target = output.map_or_else(
        || t("rev.to_stdout").to_string(),
        |o| o.display().to_string(),
    );
    let mut walk = |draft: &mut crate::import::Draft| match crate::review::walk(
        draft,
        target.clone(),
        theme.clone(),
    ) {
        Ok(true) => crate::import::Reviewed::Write,
        Ok(false) => {
            eprintln!("{}", t("rev.discarded"));
            crate::import::Reviewed::Stop(INVALID)
        }
        Err(e) => {
            eprintln!("{}", subst(t("m.terminal_setup"), &[&e]));
            crate::import::Reviewed::Stop(INVALID)
        }
    };
    crate::import::run(file, output, force, Some(&mut walk))
}

/// `briefing present`: the slides, as the presenter, a follower, or alone.
fn present(command: Command, look: impl Fn(Option<ThemeName>) -> crate::session::Look) -> u8 {
    let Command::Present {
        paths,
        theme,
        presenter,
        minutes,
        deck_size,
        follow,
        channel,
        slide,
        share,
        from,
        watch,
    } = command
    else {
        return USAGE;
    };
    // The user to follow, when not this one: a name or a uid.
    let from = match from.map(|user| (crate::follow::users::uid_of(&user), user)) {
        None => None,
        Some((Some(uid), _)) => Some(uid),
        Some((None, user)) => {
            eprintln!("{}", subst(t("m.unknown_user"), &[&user]));
            return USAGE;
        }
    };
    let options = crate::session::SlidesOptions {
        presenter: presenter.then_some(minutes),
        deck_size,
        follow: follow.map(|c| Some(c).filter(|c| !c.is_empty())),
        channel,
        slide: slide.map(|n| n as usize),
        share,
        from,
    };
    crate::session::present(&paths, &look(theme), options, watch)
}

/// `briefing export`: the files named in `format`, to standard output or `output`.
fn export(
    paths: &[PathBuf],
    format: crate::export::Format,
    output: Option<PathBuf>,
    no_bom: bool,
) -> u8 {
    let (lib, paths) = match load_library(paths) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let options = crate::export::Options { bom: !no_bom };
    let bytes = crate::export::render(format, &lib, paths.first().map(|p| p.as_path()), options);
    match output {
        None => emit(&bytes),
        Some(out) => crate::export::save(&out, &bytes).map_or_else(
            |e| {
                eprintln!("{e}");
                INVALID
            },
            |()| OK,
        ),
    }
}

/// `briefing man`: the manual page.
fn man() -> u8 {
    let mut page = Vec::new();
    match clap_mangen::Man::new(crate::cli::command()).render(&mut page) {
        Ok(()) => emit(&page),
        Err(e) => {
            eprintln!("{}", subst(t("m.cannot_write"), &[&e.to_string()]));
            INVALID
        }
    }
}

/// Write `bytes` to standard output. A reader that stops early (`| head`)
/// is not an error; any other failure is reported.
fn emit(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("{}", subst(t("m.cannot_write"), &[&e.to_string()]));
            INVALID
        }
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
    // Each file's problems are printed as soon as it is checked.
    let lib = library::load_each(&paths, |report| {
        failed |= report.has_errors();
        let _ = report.write_to(&mut stderr);
    });
    for conflict in lib.conflicts() {
        let mut d = load::Diagnostic::warning(None, Some(conflict.id.clone()), conflict.message());
        d.at = Some((conflict.other.1, 1));
        let report = load::Report::new(conflict.other.0.display().to_string(), None, vec![d]);
        let _ = stderr.write_all(report.render().as_bytes());
    }
    if failed { INVALID } else { OK }
}

fn print(names: &[PathBuf], width: Option<usize>, notes: bool) -> u8 {
    let (lib, _) = match load_library(names) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let width = width.or_else(list::output_width).unwrap_or(80);
    // The briefings moved out of the library into their organisations'
    // groups (the library is in organisation order), not copied.
    let mut groups: Vec<Vec<crate::model::Briefing>> = Vec::new();
    for entry in lib.entries {
        match groups.last_mut() {
            Some(g) if g[0].organization == entry.briefing.organization => g.push(entry.briefing),
            _ => groups.push(vec![entry.briefing]),
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut written = Ok(());
    for (i, b) in groups.iter().flatten().enumerate() {
        let group = groups.iter().find(|g| g[0].organization == b.organization);
        let group = group.map_or(&[][..], Vec::as_slice);
        written = (if i > 0 {
            out.write_all(b"\n\n")
        } else {
            Ok(())
        })
        .and_then(|()| crate::print::write(&mut out, b, group, width, notes));
        if written.is_err() {
            break;
        }
    }
    match written.and_then(|()| out.flush()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("{}", subst(t("m.cannot_write"), &[&e.to_string()]));
            INVALID
        }
    }
}

/// The JSON Schema of the format (`briefing schema`), kept in step with docs/format.md.
pub(crate) const SCHEMA: &str = include_str!("schema.json");

/// The template `briefing new` writes: a valid briefing that explains itself.
pub(crate) const TEMPLATE: &str = include_str!("template.toml");

/// `briefing new PATH`: write the template, never over an existing file.
fn new(path: &std::path::Path) -> u8 {
    use std::fs::OpenOptions;
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(mut f) => match f.write_all(TEMPLATE.as_bytes()) {
            Ok(()) => {
                let shown = path.display().to_string();
                emit(format!("{}\n", subst(t("m.new_written"), &[&shown, &shown])).as_bytes())
            }
            Err(e) => {
                eprintln!(
                    "{}",
                    subst(
                        t("m.new_cannot_write"),
                        &[&path.display().to_string(), &e.to_string()]
                    )
                );
                INVALID
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "{}",
                subst(t("m.new_exists"), &[&path.display().to_string()])
            );
            INVALID
        }
        Err(e) => {
            eprintln!(
                "{}",
                subst(
                    t("m.new_cannot_create"),
                    &[&path.display().to_string(), &e.to_string()]
                )
            );
            INVALID
        }
    }
}

/// `briefing themes`: each theme and what it is for.
fn themes() -> u8 {
    let mut text = String::new();
    for (name, about) in crate::screen::theme::Theme::ABOUT {
        let name = name.to_possible_value().map(|v| v.get_name().to_string());
        let name = name.unwrap_or_default();
        text.push_str(&format!("{name:<10} {}\n", t(about)));
    }
    emit(text.as_bytes())
}
