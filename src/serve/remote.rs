//! A remote session's thread: the same run loop, modes and wire backend
//! as a local terminal, driven by the SSH channel's bytes (a socket the
//! connection writes into) and drawing into the channel. It owns the
//! session's language, ambiguous width and colours (per thread).

use std::cell::Cell;
use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, queue};
use ratatui::Terminal;
use ratatui::layout::Rect;
use signal_hook::consts::SIGHUP;

use super::output::{Out, Output};
use super::start::{Start, StartExit};
use crate::i18n::{Lang, t};
use crate::library::{self, Library};
use crate::reader::state::App;
use crate::screen::input::{Input, Remote, Source};
use crate::screen::keymap::Keymap;
use crate::screen::run::{self, Incoming, RunError};
use crate::screen::theme::Theme;
use crate::screen::wire::{self, SharedSize, SizeSource, WireBackend};
use crate::session::{NextEvent, Showing, SlidesOptions, switch};
use crate::settings::{AmbiguousWidth, ColorMode, ThemeName};

/// What a session with a terminal shows first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Opening {
    Start,
    Open(PathBuf),
    Present(PathBuf),
    /// A briefing, on its own channel or the named one.
    Follow(PathBuf, Option<String>),
}

/// Everything a session thread needs to know.
#[derive(Debug, Clone)]
pub(super) struct Setup {
    pub opening: Opening,
    pub dirs: Vec<PathBuf>,
    pub lang: Lang,
    pub ambiguous: AmbiguousWidth,
    pub theme: ThemeName,
    pub color: ColorMode,
    /// The client's TERM and COLORTERM.
    pub term: Option<String>,
    pub keys: Keymap,
}

type Term = Terminal<WireBackend<Output>>;

/// Start the thread; its `Remote` raises a new size and the end.
pub(super) fn spawn(
    setup: Setup,
    input: UnixStream,
    size: Arc<SharedSize>,
    output: Output,
) -> io::Result<Remote> {
    let probe = input.try_clone()?;
    let (source, remote) = Source::remote(input.into())?;
    let to_raise = remote.clone();
    std::thread::Builder::new()
        .name("briefing-session".into())
        .spawn(move || {
            let lang = setup.lang;
            crate::i18n::with_lang(lang, || session(setup, source, probe, size, output));
            drop(to_raise);
            // What the session held is free now: give it back.
            crate::os::release_free_memory();
        })?;
    Ok(remote)
}

fn session(
    setup: Setup,
    mut source: Source,
    probe: UnixStream,
    size: Arc<SharedSize>,
    mut out: Output,
) {
    let entered = queue!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )
    .and_then(|()| out.flush());
    if entered.is_err() {
        return;
    }
    let wide = match setup.ambiguous {
        AmbiguousWidth::Auto => ambiguous_is_wide(&mut out, &probe),
        other => other == AmbiguousWidth::Wide,
    };
    drop(probe);
    let _ = out.write_all(wire::ASK_SYNCHRONIZED.as_bytes());
    let _ = out.write_all(wire::margins::ASK_MARGINS.as_bytes());
    let ended = Cell::new(Ended::Quit);
    crate::layout::width::with_ambiguous_wide(wide, || {
        let backend = WireBackend::new(out, SizeSource::Shared(Arc::clone(&size)));
        let Ok(mut terminal) = Terminal::new(backend) else {
            return;
        };
        let outcome = show(&setup, (&mut terminal, &mut source), &size, &ended);
        let out = terminal.backend_mut().writer_mut();
        leave(out, ended.get(), outcome.is_ok());
    });
}

/// How the session ended: the reader quit, the server is stopping, the
/// client went away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    Quit,
    Shutdown,
    Gone,
}

/// Put the client's terminal back, say why if it was not the reader's
/// choice, and end the channel.
fn leave(out: &mut Output, ended: Ended, ok: bool) {
    if ended == Ended::Gone {
        let _ = out.send(Out::End(0));
        return;
    }
    let _ = out.write_all(wire::margins::reset_sequence().as_bytes());
    let _ = queue!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    if ended == Ended::Shutdown {
        let _ = write!(out, "{}\r\n", t("serve.shutdown"));
    }
    let _ = out.flush();
    let _ = out.send(Out::End(if ok { 0 } else { 1 }));
}

/// The session's events: keys, a new window size, the end.
fn next_event<'a>(
    ended: &'a Cell<Ended>,
    size: &'a SharedSize,
) -> impl FnMut(&mut Source, Option<Instant>) -> io::Result<Option<Incoming>> + 'a {
    move |source, deadline| {
        if ended.get() != Ended::Quit {
            return Ok(None);
        }
        Ok(match source.wait(deadline)? {
            Input::Event(e) => Some(Incoming::Event(e)),
            Input::Resize | Input::Resume => Some(Incoming::Resize(area(size))),
            Input::Tick | Input::Wake | Input::Suspend => Some(Incoming::Tick),
            Input::Terminate(SIGHUP) => {
                ended.set(Ended::Gone);
                None
            }
            Input::Terminate(_) => {
                ended.set(Ended::Shutdown);
                None
            }
            Input::HangUp => {
                ended.set(Ended::Gone);
                None
            }
        })
    }
}

/// The whole screen at the session's size now.
fn area(size: &SharedSize) -> Rect {
    let s = size.get();
    let (w, h) = crate::os::clamp_size(s.width, s.height);
    Rect::new(0, 0, w, h)
}

/// The session's colours: none for a terminal that says it has none.
fn theme_for(setup: &Setup) -> Theme {
    let dumb = setup
        .term
        .as_deref()
        .is_none_or(|t| t.is_empty() || t == "dumb");
    match setup.color {
        ColorMode::Never => Theme::plain(),
        ColorMode::Auto if dumb => Theme::plain(),
        _ => Theme::of(setup.theme),
    }
}

/// The briefings of the served directories, read now (so a new file, or
/// SIGHUP's re-read, shows at the next start screen).
pub(super) fn served(dirs: &[PathBuf]) -> Library {
    let paths: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| library::toml_files(d).unwrap_or_default())
        .collect();
    library::load_all(&paths).0
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || a.canonicalize()
            .is_ok_and(|a| b.canonicalize().is_ok_and(|b| a == b))
}

/// Show what the session opens with until the reader quits or the session ends.
fn show(
    setup: &Setup,
    (terminal, source): (&mut Term, &mut Source),
    size: &SharedSize,
    ended: &Cell<Ended>,
) -> Result<(), RunError> {
    let theme = theme_for(setup);
    let mut next = next_event(ended, size);
    let (path, showing) = match &setup.opening {
        Opening::Start => return start(setup, (terminal, source), &mut next, size, ended),
        Opening::Open(p) => (p, Showing::Reader),
        Opening::Present(p) => (p, slides(SlidesOptions::default())),
        Opening::Follow(p, channel) => (
            p,
            slides(SlidesOptions {
                follow: Some(channel.clone()),
                share: true,
                ..SlidesOptions::default()
            }),
        ),
    };
    let library = served(&setup.dirs);
    read(
        setup,
        (terminal, source),
        &mut next,
        (&library, path),
        showing,
        theme,
    )
}

fn slides(options: SlidesOptions) -> Showing {
    Showing::Slides {
        section: None,
        from_reader: false,
        options,
    }
}

/// The start screen, and the reader from it, until `q` there.
fn start(
    setup: &Setup,
    (terminal, source): (&mut Term, &mut Source),
    next: NextEvent<'_>,
    size: &SharedSize,
    ended: &Cell<Ended>,
) -> Result<(), RunError> {
    let theme = theme_for(setup);
    let mut selected = 0;
    loop {
        let library = served(&setup.dirs);
        let mut start = Start::new(&library, area(size), theme.clone());
        start.select_index(selected);
        let exit = run::run(terminal, &mut start, |d| next(source, d))?;
        selected = start.selected;
        match exit {
            StartExit::Quit => return Ok(()),
            StartExit::Open(path) => {
                read(
                    setup,
                    (terminal, source),
                    next,
                    (&library, &path),
                    Showing::Reader,
                    theme.clone(),
                )?;
            }
        }
        if ended.get() != Ended::Quit {
            return Ok(());
        }
    }
}

/// The reader (or the slides) on `path`'s organisation, at `path`'s period.
fn read(
    setup: &Setup,
    (terminal, source): (&mut Term, &mut Source),
    next: NextEvent<'_>,
    (library, path): (&Library, &Path),
    showing: Showing,
    theme: Theme,
) -> Result<(), RunError> {
    let Some(chosen) = library.entries.iter().find(|e| same_file(&e.path, path)) else {
        return Ok(());
    };
    let group = library.group(&chosen.briefing.organization);
    let index = group.iter().position(|e| same_file(&e.path, path));
    let briefings = group.iter().map(|e| e.briefing.clone()).collect();
    let size = terminal.size()?;
    let Some(mut app) =
        App::with_periods(briefings, Rect::new(0, 0, size.width, size.height), theme)
    else {
        return Ok(());
    };
    if let Some(i) = index {
        app.switch_period(i);
    }
    app.keymap = setup.keys.clone();
    switch(terminal, source, next, app, showing)
}

/// Ask the client's terminal how wide it draws an ambiguous character,
/// as `terminal::ambiguous_is_wide` does locally; narrow without an answer.
fn ambiguous_is_wide(out: &mut Output, probe: &UnixStream) -> bool {
    if write!(out, "\x1b[H\u{2500}\x1b[6n")
        .and_then(|()| out.flush())
        .is_err()
    {
        return false;
    }
    let deadline = Instant::now() + Duration::from_millis(400);
    let mut answer = Vec::new();
    while !answer.ends_with(b"R") && answer.len() < 32 {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut byte = [0u8; 1];
        if left.is_zero()
            || probe.set_read_timeout(Some(left)).is_err()
            || !matches!((&*probe).read(&mut byte), Ok(1))
        {
            break;
        }
        answer.push(byte[0]);
    }
    let _ = probe.set_read_timeout(None);
    let _ = write!(out, "\x1b[H\x1b[2K");
    let _ = out.flush();
    crate::screen::terminal::parse_cursor_column(&answer) == Some(3)
}
