//! The command line: its shape as clap derives it; its words (every about,
//! every flag's line, the headings) from `i18n`, in the interface's language.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::config::Config;
use crate::i18n::{lookup, t};
use crate::load::Report;
use crate::settings::{AmbiguousWidth, ColorMode, Lang, ThemeName};

#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(short, long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[arg(long, global = true, value_enum)]
    pub color: Option<ColorMode>,
    #[arg(long, global = true, value_enum)]
    pub ambiguous_width: Option<AmbiguousWidth>,
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Open {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        watch: bool,
        #[arg(long)]
        no_mouse: bool,
        #[arg(long, value_enum)]
        theme: Option<ThemeName>,
    },
    #[command(group = clap::ArgGroup::new("role").args(["presenter", "follow"]).multiple(false))]
    Present {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum)]
        theme: Option<ThemeName>,
        #[arg(long)]
        presenter: bool,
        #[arg(long, requires = "presenter", value_parser = parse_minutes)]
        minutes: Option<f64>,
        #[arg(long, value_name = "WxH", requires = "presenter", value_parser = parse_deck_size)]
        deck_size: Option<(u16, u16)>,
        #[arg(long, value_name = "CHANNEL", num_args = 0..=1, require_equals = true, default_missing_value = "", conflicts_with = "presenter")]
        follow: Option<String>,
        #[arg(long, value_name = "NAME", requires = "presenter", value_parser = parse_channel)]
        channel: Option<String>,
        #[arg(long, value_name = "N", conflicts_with = "follow", value_parser = clap::value_parser!(u32).range(1..))]
        slide: Option<u32>,
        #[arg(long, requires = "role")]
        share: bool,
        #[arg(long, value_name = "USER", requires = "follow")]
        from: Option<String>,
        #[arg(long)]
        watch: bool,
    },
    Check {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    New {
        path: PathBuf,
    },
    Themes,
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
    Schema {
        #[arg(long)]
        export: bool,
    },
    List {
        dirs: Vec<PathBuf>,
    },
    Import {
        file: PathBuf,
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        #[arg(long, requires = "output")]
        force: bool,
        #[arg(long)]
        review: bool,
    },
    Print {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        #[arg(long)]
        notes: bool,
    },
    Serve(crate::serve::Options),
    Export {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum)]
        format: crate::export::Format,
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        #[arg(long)]
        no_bom: bool,
    },
}

/// The command line in the current language: each about and flag line from
/// `i18n` (a missing one is a test failure, not a silent English line).
pub(crate) fn command() -> clap::Command {
    let mut cmd = localize(Cli::command(), None);
    // The `help` subcommand exists once the command is built.
    cmd.build();
    cmd.mut_subcommand("help", |h| h.about(t("cli.help_command")))
}

fn localize(mut cmd: clap::Command, sub: Option<&str>) -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        t("cli.usage")
    );
    let about = lookup(&format!("cli.{}", sub.unwrap_or("about")));
    cmd = cmd
        .about(about)
        .help_template(template)
        .subcommand_help_heading(t("cli.heading.commands"));
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = help_id(sub, &id).and_then(|h| lookup(&h));
        let heading = if positional {
            "cli.heading.args"
        } else {
            "cli.heading.options"
        };
        // The help lines name the values themselves, in the interface's language.
        cmd = cmd.mut_arg(id, |a| {
            let a = a.help(help).help_heading(t(heading));
            let takes_values = a.get_action().takes_values();
            a.hide_possible_values(takes_values)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| localize(s, Some(&name)));
    }
    cmd
}

/// The id of an argument's line: its subcommand's own, else the shared one.
fn help_id(sub: Option<&str>, arg: &str) -> Option<String> {
    sub.map(|s| format!("cli.{s}.{arg}"))
        .filter(|id| lookup(id).is_some())
        .or_else(|| Some(format!("cli.{arg}")).filter(|id| lookup(id).is_some()))
}

/// Parse the process's arguments, with the config file they name, in the
/// language that the command line (`--lang`) or the config asks for; exits
/// on `--help` or a usage error. The config is read once, before clap
/// parses (its help must already be in the language); a broken config is
/// returned for the caller to report.
pub(crate) fn parse() -> (Cli, Result<Config, Report>) {
    let args: Vec<OsString> = std::env::args_os().collect();
    let early = early_flag(&args, "config");
    let lang = early_flag(&args, "lang")
        .as_deref()
        .and_then(|l| l.to_str())
        .and_then(|l| Lang::from_str(l, false).ok());
    // Set first, so that the config's own errors are in the flag's language.
    crate::i18n::set_lang(lang.unwrap_or(Lang::Zh));
    let config = crate::config::load(early.as_deref());
    if lang.is_none()
        && let Ok(Config { lang: Some(l), .. }) = &config
    {
        crate::i18n::set_lang(*l);
    }
    let matches = command().get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // clap is the judge of what `--config` said; read again only if it differs.
    let config = if cli.config == early {
        config
    } else {
        crate::config::load(cli.config.as_deref())
    };
    (cli, config)
}

/// The value of `--name VALUE` or `--name=VALUE`, before clap has parsed.
fn early_flag(args: &[OsString], name: &str) -> Option<PathBuf> {
    let flag = format!("--{name}");
    let prefix = format!("--{name}=");
    args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        if a == flag {
            args.get(i + 1).map(PathBuf::from)
        } else {
            a.strip_prefix(&prefix).map(PathBuf::from)
        }
    })
}

/// A channel name: a path (with a `/`) or a plain name that makes a file name.
fn parse_channel(s: &str) -> Result<String, String> {
    let plain = s.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
    if s.contains('/') || (plain && !s.is_empty() && !s.starts_with('.') && s.len() <= 64) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not a channel: a name of letters, digits, `-`, `_` and `.` (at most 64), or a path"
        ))
    }
}

fn parse_minutes(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(m) if m.is_finite() && m > 0.0 && m <= 24.0 * 60.0 => Ok(m),
        _ => Err(format!(
            "`{s}` is not a number of minutes (more than 0, at most a day)"
        )),
    }
}

/// `120x40` (or `120×40`): a size a deck may be laid out for, as a follower accepts it.
fn parse_deck_size(s: &str) -> Result<(u16, u16), String> {
    use crate::follow::protocol::{DECK_HEIGHT, DECK_WIDTH};
    let (w, h) = (DECK_WIDTH, DECK_HEIGHT);
    let size = s
        .split_once(['x', 'X', '×'])
        .and_then(|(a, b)| Some((a.trim().parse::<u16>().ok()?, b.trim().parse::<u16>().ok()?)))
        .filter(|(a, b)| w.contains(a) && h.contains(b));
    size.ok_or_else(|| {
        format!(
            "`{s}` is not a deck size: WIDTHxHEIGHT, {}–{} columns by {}–{} rows",
            w.start(),
            w.end(),
            h.start(),
            h.end()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_help_is_used() {
        let cli = Cli::command();
        let mut used: Vec<String> = [
            "cli.usage",
            "cli.heading.args",
            "cli.heading.options",
            "cli.heading.commands",
            "cli.about",
            "cli.help_command",
        ]
        .map(String::from)
        .to_vec();
        let args = |cmd: &clap::Command, sub: Option<&str>, used: &mut Vec<String>| {
            for a in cmd.get_arguments() {
                used.extend(help_id(sub, a.get_id().as_str()));
            }
        };
        args(&cli, None, &mut used);
        for s in cli.get_subcommands() {
            used.push(format!("cli.{}", s.get_name()));
            args(s, Some(s.get_name()), &mut used);
        }
        for id in crate::i18n::ids().filter(|id| id.starts_with("cli.")) {
            assert!(used.iter().any(|u| u == id), "{id} is never used");
        }
    }
}
