//! The start screen of a remote session: the served library, one line a
//! briefing (organisation, period, title); Enter opens the reader on the
//! chosen one's organisation, `q` leaves.

use std::path::PathBuf;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::t;
use crate::library::Library;
use crate::screen::paint::{fill, put};
use crate::screen::run::{Mode, Step};
use crate::screen::theme::Theme;

/// One briefing on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    pub organization: String,
    pub period: String,
    pub title: String,
    pub path: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StartExit {
    Quit,
    Open(PathBuf),
}

pub(super) struct Start {
    pub rows: Vec<Row>,
    pub selected: usize,
    /// The first row shown.
    top: usize,
    area: Rect,
    theme: Theme,
}

impl Start {
    pub(super) fn new(library: &Library, area: Rect, theme: Theme) -> Start {
        let rows = library
            .entries
            .iter()
            .map(|e| Row {
                organization: e.briefing.organization.clone(),
                period: e.briefing.period.to_string(),
                title: e.briefing.title.clone(),
                path: e.path.clone(),
            })
            .collect();
        Start {
            rows,
            selected: 0,
            top: 0,
            area,
            theme,
        }
    }

    /// Rows of the list on the screen: all but the title and the hint.
    fn visible(&self) -> usize {
        usize::from(self.area.height.saturating_sub(3)).max(1)
    }

    /// Select row `to` (or the last), without drawing.
    pub(super) fn select_index(&mut self, to: usize) {
        let _ = self.select(to);
    }

    fn select(&mut self, to: usize) -> Step<StartExit> {
        let to = to.min(self.rows.len().saturating_sub(1));
        if to == self.selected {
            return Step::Ignored;
        }
        self.selected = to;
        let rows = self.visible();
        if to < self.top {
            self.top = to;
        } else if to >= self.top + rows {
            self.top = to + 1 - rows;
        }
        Step::Changed
    }
}

impl Mode for Start {
    type Exit = StartExit;

    fn handle(&mut self, event: &Event) -> Step<StartExit> {
        let Event::Key(k) = event else {
            return Step::Ignored;
        };
        if k.kind == KeyEventKind::Release {
            return Step::Ignored;
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Char('q') | KeyCode::Esc => Step::Exit(StartExit::Quit),
            KeyCode::Char('c') if ctrl => Step::Exit(StartExit::Quit),
            KeyCode::Enter | KeyCode::Char('l') | KeyCode::Right => {
                match self.rows.get(self.selected) {
                    Some(row) => Step::Exit(StartExit::Open(row.path.clone())),
                    None => Step::Ignored,
                }
            }
            KeyCode::Down | KeyCode::Char('j') => self.select(self.selected + 1),
            KeyCode::Up | KeyCode::Char('k') => self.select(self.selected.saturating_sub(1)),
            KeyCode::PageDown | KeyCode::Char(' ') => self.select(self.selected + self.visible()),
            KeyCode::PageUp => self.select(self.selected.saturating_sub(self.visible())),
            KeyCode::Home | KeyCode::Char('g') => self.select(0),
            KeyCode::End | KeyCode::Char('G') => self.select(usize::MAX),
            _ => Step::Ignored,
        }
    }

    fn resize(&mut self, area: Rect) -> Step<StartExit> {
        self.area = area;
        let rows = self.visible();
        self.top = self
            .top
            .min(self.selected)
            .max((self.selected + 1).saturating_sub(rows));
        Step::Changed
    }

    fn draw(&self, frame: &mut Frame) {
        let area = self.area.intersection(frame.area());
        let buf = frame.buffer_mut();
        let w = area.width;
        if w == 0 || area.height == 0 {
            return;
        }
        put(
            buf,
            area.x + 1,
            area.y,
            w.saturating_sub(1),
            t("start.title"),
            self.theme.title,
        );
        if self.rows.is_empty() {
            put(
                buf,
                area.x + 1,
                area.y + 2,
                w.saturating_sub(1),
                t("start.empty"),
                self.theme.dim,
            );
        }
        for (i, row) in self
            .rows
            .iter()
            .enumerate()
            .skip(self.top)
            .take(self.visible())
        {
            let y = area.y + 2 + (i - self.top) as u16;
            if y >= area.bottom() {
                break;
            }
            let style = if i == self.selected {
                self.theme.selected
            } else {
                self.theme.text
            };
            let line = format!(" {}  {}  {}", row.organization, row.period, row.title);
            fill(buf, Rect::new(area.x, y, w, 1), style);
            put(buf, area.x, y, w, &line, style);
        }
        if area.height >= 3 {
            let y = area.bottom() - 1;
            put(
                buf,
                area.x + 1,
                y,
                w.saturating_sub(1),
                t("start.hint"),
                self.theme.dim,
            );
        }
    }

    fn end(&self) -> StartExit {
        StartExit::Quit
    }
}

#[cfg(test)]
mod tests;
