//! The user's settings that several rooms read (the command line, the
//! config file, the theme): plain enums; clap's `ValueEnum` parses them on
//! the command line and in the config file alike, by the same names.

/// Whether to draw in colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorMode {
    Auto,
    Always,
    Never,
}

/// How wide the terminal draws East Asian ambiguous-width characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum AmbiguousWidth {
    Narrow,
    Wide,
    Auto,
}

/// The interface's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

/// A colour theme, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ThemeName {
    Dark,
    Light,
    Projector,
}
