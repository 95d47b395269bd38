//! The config file: `$XDG_CONFIG_HOME/briefing/config.toml`, else
//! `~/.config/briefing/config.toml`, or `--config PATH`. Unknown keys and
//! bad values are errors with file:line:col, like a briefing's. Flags on the
//! command line beat it.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;
use toml::Spanned;

use crate::i18n::{subst, t};
use crate::load::{Diagnostic, Report, file};
use crate::screen::keymap::{KeySpec, Keymap};
use crate::settings::{AmbiguousWidth, ColorMode, Lang, ThemeName};

/// What the config file says; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Config {
    pub theme: Option<ThemeName>,
    pub color: Option<ColorMode>,
    pub ambiguous_width: Option<AmbiguousWidth>,
    /// Directories searched for briefings after the current one and BRIEFING_PATH.
    pub library: Vec<PathBuf>,
    /// The reader's key overrides (`[keys]`, `"ctrl-d" = "page_down"`).
    pub keys: Keymap,
    pub lang: Option<Lang>,
    /// `mouse = false`: the reader takes no mouse wheel.
    pub mouse: Option<bool>,
}

/// The file as serde reads it: the values are checked after, with their spans.
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
    mouse: Option<bool>,
}

/// The default place of the config file.
pub(crate) fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("briefing").join("config.toml"))
}

/// Read the config: `explicit` must exist; the default place may not.
pub(crate) fn load(explicit: Option<&Path>) -> Result<Config, Report> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Config::default()),
        },
    };
    let shown = path.display().to_string();
    match file::read(&path) {
        Ok(source) => parse(&source).map_err(|e| e.report(shown, source)),
        Err(file::FileError::Empty) => Ok(Config::default()),
        Err(e) => Err(Report::new(
            shown,
            None,
            vec![Diagnostic::error(None, None, e.to_string())],
        )),
    }
}

/// A problem in the config text: where, the key path, what.
struct Problem {
    span: std::ops::Range<usize>,
    key: Option<String>,
    message: String,
}

impl Problem {
    fn report(self, path: String, source: String) -> Report {
        Report::new(
            path,
            Some(source),
            vec![Diagnostic::error(Some(self.span), self.key, self.message)],
        )
    }
}

/// The config in `source`.
fn parse(source: &str) -> Result<Config, Problem> {
    let raw: Raw = toml::from_str(source).map_err(|e| Problem {
        span: e.span().unwrap_or(0..0),
        key: None,
        message: crate::load::translate::translate(e.message().trim_end()),
    })?;
    let mut bound = raw.keys.iter().collect::<Vec<_>>();
    bound.sort_by_key(|(k, _)| k.span().start);
    let specs: Vec<KeySpec<'_>> = bound
        .iter()
        .map(|(k, c)| KeySpec {
            key: k.get_ref(),
            key_span: k.span(),
            command: c.get_ref(),
            command_span: c.span(),
        })
        .collect();
    let line_of = |at| crate::load::diagnostic::line_col(source, at).0;
    let keys = Keymap::from_config(&specs, line_of).map_err(|e| Problem {
        span: e.span,
        key: Some(e.path),
        message: e.message,
    })?;
    Ok(Config {
        theme: choose(&raw.theme, "theme")?,
        color: choose(&raw.color, "color")?,
        ambiguous_width: choose(&raw.ambiguous_width, "ambiguous_width")?,
        library: raw
            .library
            .iter()
            .map(|d| expand_home(d.get_ref()))
            .collect(),
        keys,
        lang: choose(&raw.lang, "lang")?,
        mouse: raw.mouse,
    })
}

/// A value of one of `T`'s variants, by the name clap gives it.
fn choose<T: ValueEnum>(field: &Option<Spanned<String>>, key: &str) -> Result<Option<T>, Problem> {
    let Some(v) = field else {
        return Ok(None);
    };
    if let Ok(value) = T::from_str(v.get_ref(), false) {
        return Ok(Some(value));
    }
    let names: Vec<String> = T::value_variants()
        .iter()
        .filter_map(|x| x.to_possible_value())
        .map(|p| p.get_name().to_string())
        .collect();
    let shown = format!("{:?}", v.get_ref());
    Err(Problem {
        span: v.span(),
        key: Some(key.to_string()),
        message: subst(t("d.not_one_of"), &[&shown, &names.join(t("d.list_sep"))]),
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
        assert_eq!(c.theme, Some(ThemeName::Light));
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
