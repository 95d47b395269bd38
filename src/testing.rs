//! The test-support surface: with `main`'s two entry points, the only public
//! door into the crate. Integration tests (`tests/*.rs`, `examples/`) reach
//! the app through it and nothing else.
//!
//! Its rule: only what integration tests need, as functions and harness
//! types that act as a user would — a file or a text in, keys pressed, a
//! screen, a report or an output out. No raw access to the app's fields, and
//! no module re-exported whole. A test of an internal is a unit test in
//! `src/` (`#[cfg(test)] mod tests`), not a reason to widen this file; the
//! unit tests' shared fixtures are `unit`, compiled for tests only.

use std::path::Path;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::load::Report;
use crate::model::Briefing;
use crate::present::state::Presenter;
use crate::reader::state::App;
use crate::screen::run::{Incoming, Mode, run};
use crate::screen::theme::Theme;

pub use crate::i18n::with_lang;
pub use crate::review::Outcome;
pub use crate::settings::Lang;
pub use big::BigSection;
pub use review::ImportReview;

mod big;
pub mod follow;
mod review;
#[cfg(test)]
pub(crate) mod unit;

/// The command line as clap defines it, in the current language: its
/// help, its flags and their values, as `--help` shows them.
pub fn command() -> clap::Command {
    crate::cli::command()
}

/// The file `briefing new` writes.
pub fn template() -> &'static str {
    crate::commands::TEMPLATE
}

/// The interface string `id` in the current language, if there is one.
pub fn interface_string(id: &str) -> Option<&'static str> {
    crate::i18n::lookup(id)
}

/// The terminal taken as a full-screen session takes it (raw mode, the
/// alternate screen, the panic hook), until the guard is dropped.
pub fn full_screen() -> std::io::Result<FullScreen> {
    crate::screen::terminal::enter().map(FullScreen)
}

/// A full-screen session's hold on the terminal: dropping it gives it back.
pub struct FullScreen(#[allow(dead_code)] crate::screen::terminal::Session);

/// A key script: `<Tab>`, `<Enter>`, `<Esc>`, `<Space>`, `<Down>`, `<Up>`,
/// `<Left>`, `<Right>`, `<BackTab>`, `<PgDn>`, `<PgUp>`, `<Home>`, `<End>`,
/// `<BS>`, `<C-c>`; any other character is itself.
///
/// # Panics
/// On an unknown `<name>`: a mistake in the test.
pub fn keys(script: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let (code, mods) = named_key(&rest[1..end]);
            out.push(Event::Key(KeyEvent::new(code, mods)));
            rest = &rest[end + 1..];
        } else {
            out.push(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn named_key(name: &str) -> (KeyCode, KeyModifiers) {
    let plain = |code| (code, KeyModifiers::NONE);
    match name {
        "Tab" => plain(KeyCode::Tab),
        "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Space" => plain(KeyCode::Char(' ')),
        "Down" => plain(KeyCode::Down),
        "Up" => plain(KeyCode::Up),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PgDn" => plain(KeyCode::PageDown),
        "PgUp" => plain(KeyCode::PageUp),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "BS" => plain(KeyCode::Backspace),
        "C-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
        other => panic!("unknown key <{other}>"),
    }
}

/// The text of a screen, one line a row without trailing blanks, a wide
/// character once.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += (symbol.width() as u16).max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A briefing as `briefing check` sees it: the report, and the briefing
/// when there is no error.
pub struct Loaded {
    briefing: Option<Briefing>,
    report: Report,
}

/// `text` checked as the file `name`.
pub fn load_str(name: &str, text: String) -> Loaded {
    let (briefing, report) = crate::load::check_text(name, text);
    Loaded { briefing, report }
}

/// `bytes` decoded as a briefing file is (UTF-8, a byte-order mark
/// dropped); `None` when `briefing` refuses them before reading the TOML.
pub fn decode(bytes: Vec<u8>) -> Option<String> {
    crate::load::file::decode(bytes).ok()
}

impl Loaded {
    /// The briefing loaded: no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.briefing.is_some()
    }

    pub fn has_errors(&self) -> bool {
        self.report.has_errors()
    }

    /// The diagnostics as `briefing check` writes them.
    pub fn report(&self) -> String {
        self.report.render()
    }

    /// `briefing print` of it at `width` (`None`: it did not load).
    pub fn print(&self, width: usize, notes: bool) -> Option<String> {
        let b = self.briefing.as_ref()?;
        Some(crate::print::render(
            b,
            std::slice::from_ref(b),
            width,
            notes,
        ))
    }

    /// The reader on it at `width`×`height` (`None`: it did not load).
    pub fn reader(&self, width: u16, height: u16) -> Option<Reader> {
        let b = self.briefing.clone()?;
        Some(Reader::new(App::new(b, area(width, height), Theme::dark())))
    }

    /// The slides of it at `width`×`height` (`None`: it did not load).
    pub fn slides(&self, width: u16, height: u16) -> Option<Slides> {
        let b = self.briefing.clone()?;
        Some(Slides {
            p: Presenter::new(b, area(width, height), Theme::dark()),
        })
    }
}

fn area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width, height)
}

/// A fixture that must load: a mistake in the test otherwise.
fn fixture(path: &Path) -> Briefing {
    match crate::load::load(path) {
        Ok(loaded) => loaded.briefing,
        Err(report) => panic!("{} does not load:\n{}", path.display(), report.render()),
    }
}

/// Draw `mode` once on a `width`×`height` TestBackend.
fn draw(mode: &impl Mode, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|f| mode.draw(f)).expect("a test draw");
    terminal.backend().buffer().clone()
}

/// The reader (`briefing open`), driven by keys with no terminal.
pub struct Reader {
    app: App,
}

impl Reader {
    fn new(app: App) -> Reader {
        Reader { app }
    }

    /// The reader on the fixture at `path`, at `width`×`height`.
    pub fn open(path: &Path, width: u16, height: u16) -> Reader {
        Reader::new(App::new(fixture(path), area(width, height), Theme::dark()))
    }

    /// The screen as drawn now, as text.
    pub fn screen(&self) -> String {
        text(&self.buffer())
    }

    /// The screen as drawn now.
    fn buffer(&self) -> Buffer {
        let a = self.app.area;
        draw(&self.app, a.width, a.height)
    }

    /// The run loop through `script` on a TestBackend; the last screen.
    pub fn run(mut self, script: &str) -> String {
        let a = self.app.area;
        let mut terminal =
            Terminal::new(TestBackend::new(a.width, a.height)).expect("a test terminal");
        let mut events = keys(script).into_iter();
        run(&mut terminal, &mut self.app, |_| {
            Ok(events.next().map(Incoming::Event))
        })
        .expect("the run loop on a test terminal");
        text(terminal.backend().buffer())
    }
}

/// The slides (`briefing present`), driven by keys with no terminal.
pub struct Slides {
    p: Presenter,
}

impl Slides {
    /// The slides of the fixture at `path`, at `width`×`height`.
    pub fn open(path: &Path, width: u16, height: u16) -> Slides {
        Slides {
            p: Presenter::new(fixture(path), area(width, height), Theme::dark()),
        }
    }

    /// The slides of the fixture at `path` in the presenter's view (slide,
    /// next slide, notes, clock) with `minutes` for the talk (`--minutes`),
    /// at `width`×`height`: the deck `briefing present --presenter` shows.
    pub fn presenting(path: &Path, width: u16, height: u16, minutes: Option<f64>) -> Slides {
        let p = Presenter::new(fixture(path), area(width, height), Theme::dark());
        Slides {
            p: p.with_presenter_view(minutes),
        }
    }

    /// The heading slide `i` shows (a continued slide's marked so).
    ///
    /// # Panics
    /// When there is no slide `i`.
    pub fn heading(&self, i: usize) -> String {
        self.p.slides[i].shown_heading()
    }

    /// How many slides there are.
    pub fn len(&self) -> usize {
        self.p.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.p.slides.is_empty()
    }

    /// Show slide `i` (as `briefing present --from` does); `i` is clamped.
    pub fn go_to(&mut self, i: usize) {
        self.p.current = i.min(self.p.slides.len().saturating_sub(1));
    }

    /// The lines of running text (the paragraphs' lines, not headings,
    /// figures or notes) the current slide lays out.
    pub fn paragraph_lines(&self) -> Vec<String> {
        match &self.p.slide().body {
            crate::present::slides::Body::Text(lines) => lines
                .iter()
                .filter(|l| l.role == crate::render::Role::Body)
                .map(|l| l.text.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The screen as drawn now, as text.
    pub fn screen(&self) -> String {
        text(&self.buffer())
    }

    /// The screen as drawn now.
    fn buffer(&self) -> Buffer {
        let a = self.p.area;
        draw(&self.p, a.width, a.height)
    }
}
