//! Colours and attributes by role, as data; every style the reader and the
//! slides use comes from a `Theme`.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Verdict;
use crate::render::Role;
use crate::settings::{ColorMode, ThemeName};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Theme {
    pub name: &'static str,
    pub text: Style,
    pub title: Style,
    pub subtitle: Style,
    pub item_title: Style,
    pub figure: Style,
    pub better: Style,
    pub worse: Style,
    pub neutral: Style,
    pub derived: Style,
    pub dim: Style,
    pub matched: Style,
    pub current_match: Style,
    pub cite: Style,
    pub selected: Style,
    pub header: Style,
    pub header_focused: Style,
    pub status: Style,
    pub classification: Style,
    pub tab: Style,
    pub tab_current: Style,
    pub separator: Style,
    pub overlay: Style,
}

const fn fg(i: u8) -> Style {
    Style::new().fg(Color::Indexed(i))
}

impl Theme {
    /// The default, on a dark background. Its colours are the 16 basic ones:
    /// they read well in any palette, and their SGR codes are the shortest,
    /// which counts over a slow link.
    pub(crate) fn dark() -> Theme {
        Theme {
            name: "dark",
            text: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            subtitle: fg(7),
            item_title: fg(11).add_modifier(Modifier::BOLD),
            figure: fg(14).add_modifier(Modifier::BOLD),
            better: fg(2).add_modifier(Modifier::BOLD),
            worse: fg(9).add_modifier(Modifier::BOLD),
            neutral: fg(3),
            derived: fg(6),
            dim: fg(6),
            matched: Style::new().bg(Color::Indexed(3)).fg(Color::Indexed(0)),
            current_match: Style::new().fg(Color::Indexed(0)).bg(Color::Indexed(11)),
            cite: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            header: fg(7).add_modifier(Modifier::BOLD),
            header_focused: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            classification: Style::new()
                .fg(Color::Indexed(15))
                .bg(Color::Indexed(1))
                .add_modifier(Modifier::BOLD),
            tab: fg(7),
            tab_current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            separator: fg(7),
            overlay: Style::new(),
        }
    }

    /// High contrast for washed-out projectors: black on white, strong
    /// colours, all from the 16 basic ones.
    pub(crate) fn projector() -> Theme {
        let base = Style::new().fg(Color::Indexed(0)).bg(Color::Indexed(15));
        Theme {
            name: "projector",
            text: base,
            title: base.add_modifier(Modifier::BOLD),
            subtitle: base,
            item_title: base.fg(Color::Indexed(4)).add_modifier(Modifier::BOLD),
            figure: base.add_modifier(Modifier::BOLD),
            better: base.fg(Color::Indexed(4)).add_modifier(Modifier::BOLD),
            worse: base.fg(Color::Indexed(1)).add_modifier(Modifier::BOLD),
            neutral: base.fg(Color::Indexed(5)).add_modifier(Modifier::BOLD),
            derived: base.fg(Color::Indexed(5)),
            dim: base.fg(Color::Indexed(5)),
            matched: base.bg(Color::Indexed(11)),
            current_match: base.bg(Color::Indexed(3)),
            cite: base.add_modifier(Modifier::UNDERLINED),
            selected: base.add_modifier(Modifier::REVERSED),
            header: base.add_modifier(Modifier::BOLD),
            header_focused: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status: Style::new().fg(Color::Indexed(15)).bg(Color::Indexed(0)),
            classification: Style::new()
                .fg(Color::Indexed(15))
                .bg(Color::Indexed(1))
                .add_modifier(Modifier::BOLD),
            tab: base,
            tab_current: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            separator: base,
            overlay: base,
        }
    }

    /// No colour at all: every role told apart by attributes alone (NO_COLOR, `--color never`).
    pub(crate) fn plain() -> Theme {
        let none = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        Theme {
            name: "plain",
            text: none,
            title: bold,
            subtitle: none,
            item_title: bold,
            figure: bold,
            better: bold,
            worse: bold.add_modifier(Modifier::UNDERLINED),
            neutral: none,
            derived: Style::new().add_modifier(Modifier::DIM),
            dim: Style::new().add_modifier(Modifier::DIM),
            matched: underlined.add_modifier(Modifier::BOLD),
            current_match: reversed,
            cite: underlined,
            selected: reversed,
            header: bold,
            header_focused: reversed.add_modifier(Modifier::BOLD),
            status: reversed,
            classification: bold,
            tab: none,
            tab_current: reversed.add_modifier(Modifier::BOLD),
            separator: none,
            overlay: none,
        }
    }

    /// The theme to draw with: `name`, or `plain` when colour is off.
    pub(crate) fn choose(name: ThemeName, color: ColorMode) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var("TERM").is_ok_and(|t| t == "dumb");
        match color {
            ColorMode::Never => Theme::plain(),
            ColorMode::Auto if no_color => Theme::plain(),
            _ => Theme::of(name),
        }
    }

    /// For terminals with a light background: the 16 basic colours, darker ones.
    pub(crate) fn light() -> Theme {
        Theme {
            name: "light",
            subtitle: Style::new(),
            item_title: fg(4).add_modifier(Modifier::BOLD),
            figure: Style::new().add_modifier(Modifier::BOLD),
            better: fg(4).add_modifier(Modifier::BOLD),
            worse: fg(1).add_modifier(Modifier::BOLD),
            neutral: fg(5).add_modifier(Modifier::BOLD),
            derived: fg(5),
            dim: fg(5),
            header: Style::new().add_modifier(Modifier::BOLD),
            tab: Style::new(),
            separator: Style::new(),
            matched: Style::new().bg(Color::Indexed(11)).fg(Color::Indexed(0)),
            ..Theme::dark()
        }
    }

    pub(crate) fn of(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Projector => Theme::projector(),
        }
    }

    /// The style of a verdict: better, worse, neither. The one place it is decided.
    pub(crate) fn verdict(&self, v: Verdict) -> Style {
        match v {
            Verdict::Better => self.better,
            Verdict::Worse => self.worse,
            Verdict::Neutral => self.neutral,
        }
    }

    /// The style of a piece of rendered text.
    pub(crate) fn role(&self, role: Role) -> Style {
        match role {
            Role::Title => self.title,
            Role::Subtitle => self.subtitle,
            Role::ItemTitle => self.item_title,
            Role::Body | Role::Blank => self.text,
            Role::Figure(v) => self.verdict(v),
            Role::Detail => self.dim,
            Role::Cite => self.cite,
        }
    }

    /// Every theme with what it is for (an id in `i18n`), for `briefing themes`.
    pub(crate) const ABOUT: &'static [(ThemeName, &'static str)] = &[
        (ThemeName::Dark, "theme.dark"),
        (ThemeName::Light, "theme.light"),
        (ThemeName::Projector, "theme.projector"),
    ];
}

#[cfg(test)]
mod tests;
