//! The test-support surface: with `main`'s two entry points, the only public
//! door into the crate. Integration tests (`tests/*.rs`, `examples/`) reach
//! the app through it and nothing else.
//!
//! Its rule: only what integration tests need, as functions and harness
//! types that act as a user would — a file or a text in, keys pressed, a
//! screen, a report or an output out. No raw access to the app's fields, and
//! no module re-exported whole. A test of an internal is a unit test in
//! `src/` (`#[cfg(test)] mod tests`), not a reason to widen this file.

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
pub use crate::settings::Lang;

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

pub use crate::review::Outcome;

/// `briefing import --review`: the walk through a draft's indicators,
/// driven by keys with no terminal.
pub struct ImportReview {
    draft: crate::import::Draft,
    review: crate::review::Review,
}

impl ImportReview {
    /// The review of the draft imported from the fixture at `path`, to be
    /// written to `target`.
    pub fn of_file(path: &Path, target: &str) -> ImportReview {
        let draft = crate::import::import_file(path)
            .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()));
        ImportReview::of_draft(draft, target)
    }

    /// The review of the draft imported from `text` (plain text, as the file `name`).
    pub fn of_text(name: &str, text: &str, target: &str) -> ImportReview {
        let draft = crate::import::import_text(name, text, false)
            .unwrap_or_else(|e| panic!("{name} does not import: {e}"));
        ImportReview::of_draft(draft, target)
    }

    fn of_draft(draft: crate::import::Draft, target: &str) -> ImportReview {
        let review = crate::review::Review {
            state: crate::review::State::new(&draft.file, target.to_string()),
            theme: Theme::dark(),
        };
        ImportReview { draft, review }
    }

    /// Press the keys of `script`; how the review ended, if a key ended it.
    pub fn press(&mut self, script: &str) -> Option<Outcome> {
        let mut done = None;
        for event in keys(script) {
            if let crate::review::Effect::Done(outcome) = self.review.event(&event) {
                done = Some(outcome);
            }
        }
        done
    }

    /// How many indicators the draft offers for review.
    pub fn candidates(&self) -> usize {
        self.review.state.candidates.len()
    }

    /// The cite of the indicator under review: the source's words for it.
    pub fn current_cite(&self) -> String {
        let s = &self.review.state;
        s.candidates[s.cursor].indicator.cite.clone()
    }

    /// The draft as it would be written now (the author's decisions applied).
    pub fn written(&self) -> String {
        let mut file = self.draft.file.clone();
        self.review.state.apply(&mut file);
        crate::import::emit::to_toml(&file)
    }

    /// The screen at `width`×`height`, as text.
    pub fn screen(&self, width: u16, height: u16) -> String {
        text(&self.buffer(width, height))
    }

    /// The screen at `width`×`height`.
    fn buffer(&self, width: u16, height: u16) -> Buffer {
        draw(&self.review, width, height)
    }

    /// The text on the screen at `width`×`height` drawn as the current
    /// search match is (the highlighted cite), blanks dropped.
    pub fn highlighted(&self, width: u16, height: u16) -> String {
        let marked = self.review.theme.current_match.bg;
        let buffer = self.buffer(width, height);
        let mut out = String::new();
        for cell in buffer.content() {
            if marked.is_some_and(|bg| cell.bg == bg) {
                out.push_str(cell.symbol());
            }
        }
        out.replace(' ', "")
    }
}
