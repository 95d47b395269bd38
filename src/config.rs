//! The config file: `$XDG_CONFIG_HOME/briefing/config.toml`, else
//! `~/.config/briefing/config.toml`, or `--config PATH`. Unknown keys and
//! bad values are errors with file:line:col, like a briefing's. Flags on the
//! command line beat it.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::cli::{AmbiguousWidth, ColorMode};
use crate::i18n::{subst, t};
use crate::load::{Diagnostic, Report, file};
use crate::tui::action::Command;

/// What the config file says; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub theme: Option<String>,
    pub color: Option<ColorMode>,
    pub ambiguous_width: Option<AmbiguousWidth>,
    /// Directories searched for briefings after the current one and BRIEFING_PATH.
    pub library: Vec<PathBuf>,
    /// The reader's key overrides (`[keys]`, `"ctrl-d" = "page_down"`).
    pub keys: crate::tui::keymap::Keymap,
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    theme: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    ambiguous_width: Option<Spanned<String>>,
    #[serde(default)]
    library: Vec<Spanned<String>>,
    #[serde(default)]
    keys: std::collections::BTreeMap<Spanned<String>, Spanned<String>>,
    lang: Option<Spanned<String>>,
}

/// The default place of the config file.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("briefing").join("config.toml"))
}

/// Read the config: `explicit` must exist; the default place may not.
pub fn load(explicit: Option<&Path>) -> Result<Config, Report> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Config::default()),
        },
    };
    let shown = path.display().to_string();
    let source = match file::read(&path) {
        Ok(s) => s,
        Err(file::FileError::Empty) => return Ok(Config::default()),
        Err(e) => {
            return Err(Report {
                path: shown,
                source: None,
                diagnostics: vec![Diagnostic::error(None, None, e.to_string())],
            });
        }
    };
    let fail = |span, key: Option<&str>, message: String| Report {
        path: shown.clone(),
        source: Some(source.clone()),
        diagnostics: vec![Diagnostic::error(
            Some(span),
            key.map(str::to_string),
            message,
        )],
    };
    let raw: Raw = toml::from_str(&source).map_err(|e| {
        fail(
            e.span().unwrap_or(0..0),
            None,
            crate::load::translate::translate(e.message().trim_end()),
        )
    })?;
    let choose = |field: &Option<Spanned<String>>,
                  key: &str,
                  allowed: &[&str]|
     -> Result<Option<String>, Report> {
        match field {
            None => Ok(None),
            Some(v) if allowed.contains(&v.get_ref().as_str()) => Ok(Some(v.get_ref().clone())),
            Some(v) => Err(fail(
                v.span(),
                Some(key),
                subst(
                    t("d.not_one_of"),
                    &[
                        &format!("{:?}", v.get_ref()),
                        &allowed.join(t("d.list_sep")),
                    ],
                ),
            )),
        }
    };
    let themes: Vec<&str> = crate::tui::theme::Theme::ABOUT
        .iter()
        .map(|(n, _)| *n)
        .collect();
    let theme = choose(&raw.theme, "theme", &themes)?;
    let color =
        choose(&raw.color, "color", &["auto", "always", "never"])?.map(|c| match c.as_str() {
            "always" => ColorMode::Always,
            "never" => ColorMode::Never,
            _ => ColorMode::Auto,
        });
    let ambiguous_width = choose(
        &raw.ambiguous_width,
        "ambiguous_width",
        &["narrow", "wide", "auto"],
    )?
    .map(|a| match a.as_str() {
        "wide" => AmbiguousWidth::Wide,
        "auto" => AmbiguousWidth::Auto,
        _ => AmbiguousWidth::Narrow,
    });
    let library = raw
        .library
        .iter()
        .map(|d| expand_home(d.get_ref()))
        .collect();
    let mut keys = crate::tui::keymap::Keymap::default();
    let mut spans: Vec<(crate::tui::keys::Key, std::ops::Range<usize>)> = Vec::new();
    let mut bound = raw.keys.iter().collect::<Vec<_>>();
    bound.sort_by_key(|(k, _)| k.span().start);
    for (spec, command) in bound {
        let key_path = format!("keys.{}", spec.get_ref());
        let Some(key) = crate::tui::keymap::parse_key(spec.get_ref()) else {
            return Err(fail(
                spec.span(),
                Some(&key_path),
                subst(t("d.not_a_key"), &[&format!("{:?}", spec.get_ref())]),
            ));
        };
        let Some(&(_, cmd)) = crate::tui::keymap::COMMAND_NAMES
            .iter()
            .find(|(n, _)| *n == command.get_ref())
        else {
            let names: Vec<&str> = crate::tui::keymap::COMMAND_NAMES
                .iter()
                .map(|(n, _)| *n)
                .collect();
            return Err(fail(
                command.span(),
                Some(&key_path),
                subst(
                    t("d.not_a_command"),
                    &[&format!("{:?}", command.get_ref()), &names.join(", ")],
                ),
            ));
        };
        if let Some((_, first)) = spans.iter().find(|(k, _)| *k == key) {
            let (line, _) = crate::load::diagnostic::line_col(&source, first.start);
            return Err(fail(
                spec.span(),
                Some(&key_path),
                subst(t("d.bound_twice"), &[&key.name(), &line.to_string()]),
            ));
        }
        spans.push((key, spec.span()));
        keys.overrides.push((key, cmd));
    }
    // A key taken from `quit` must leave it another, in the reader and in the slides.
    for table in [crate::tui::keys::READER, crate::present::keys::PRESENT] {
        if keys.keys_for(table, Command::Quit).is_empty()
            && let Some((_, span)) = spans.iter().rev().find(|(k, _)| {
                table
                    .iter()
                    .any(|b| b.command == Command::Quit && b.keys.contains(k))
            })
        {
            let key_path = format!("keys.{}", &source[span.clone()].trim_matches('"'));
            return Err(fail(
                span.clone(),
                Some(&key_path),
                t("d.quit_keyless").to_string(),
            ));
        }
    }
    let lang = choose(&raw.lang, "lang", &["zh", "en"])?.map(|l| {
        if l == "en" {
            crate::i18n::Lang::En
        } else {
            crate::i18n::Lang::Zh
        }
    });
    Ok(Config {
        theme,
        color,
        ambiguous_width,
        library,
        keys,
        lang,
    })
}

fn expand_home(dir: &str) -> PathBuf {
    match (dir.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(dir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(text: &str) -> Result<Config, Report> {
        let dir = tempfile_dir();
        let path = dir.join("config.toml");
        std::fs::write(&path, text).unwrap();
        load(Some(&path))
    }

    fn tempfile_dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "briefing-config-test-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn every_key() {
        let c = from("theme = \"light\"\ncolor = \"never\"\nambiguous_width = \"wide\"\nlibrary = [\"/srv/briefings\"]\n").unwrap();
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert_eq!(c.color, Some(ColorMode::Never));
        assert_eq!(c.ambiguous_width, Some(AmbiguousWidth::Wide));
        assert_eq!(c.library, [PathBuf::from("/srv/briefings")]);
    }

    #[test]
    fn keys_are_checked() {
        let c = from("[keys]\n\"ctrl-d\" = \"page_down\"\nx = \"quit\"\n").unwrap();
        assert_eq!(c.keys.overrides.len(), 2);
        let r = from("[keys]\n\"ctrl-d\" = \"page_down\"\n\"CTRL-D\" = \"quit\"\n").unwrap_err();
        assert!(
            r.render().contains(
                "config.toml:3:1: error: keys.CTRL-D: 按键 Ctrl-D 绑定了两次（另见第 2 行）"
            ),
            "{}",
            r.render()
        );
        let r = from("[keys]\nx = \"fly\"\n").unwrap_err();
        assert!(
            r.render()
                .contains("config.toml:2:5: error: keys.x: \"fly\" 不是命令"),
            "{}",
            r.render()
        );
        let r = from("[keys]\nq = \"help\"\n\"ctrl-c\" = \"close\"\n").unwrap_err();
        assert!(
            r.render()
                .contains("config.toml:3:1: error: keys.ctrl-c: 这样 `quit` 就没有按键了"),
            "{}",
            r.render()
        );
        assert!(from("[keys]\nq = \"help\"\nx = \"quit\"\n\"ctrl-c\" = \"close\"\n").is_ok());
        let c = from("[keys]\nj = \"next_slide\"\nb = \"compare\"\n").unwrap();
        assert_eq!(c.keys.overrides.len(), 2, "slide commands are bindable");
        let r = from("[keys]\n\"hyper-x\" = \"quit\"\n").unwrap_err();
        assert!(r.render().contains("不是按键"), "{}", r.render());
    }

    #[test]
    fn errors_point_at_the_line() {
        let r = from("theme = \"dark\"\ncolour = \"never\"\n").unwrap_err();
        assert!(
            r.render()
                .contains("config.toml:2:1: error: 未知的键 `colour`"),
            "{}",
            r.render()
        );
        let r = from("theme = \"neon\"\n").unwrap_err();
        assert!(
            r.render().contains(
                "config.toml:1:9: error: theme: \"neon\" 不是可选值之一：dark、light、projector"
            ),
            "{}",
            r.render()
        );
    }
}
