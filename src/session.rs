//! A full-screen session (`briefing open`, `briefing present`): the
//! terminal taken, the briefings loaded, and the reader and the slides run
//! in turn on it until one of them quits.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;

use crate::exit::{INVALID, OK, USAGE};
use crate::i18n::{subst, t};
use crate::library::{Warned, load_library_warned};
use crate::present::state::{PresentExit, Presenter};
use crate::reader::state::{App, Exit};
use crate::screen::keymap::Keymap;
use crate::screen::theme::Theme;
use crate::screen::{input, reload, run, terminal, watch, wire};
use crate::settings::{AmbiguousWidth, ColorMode, ThemeName};

/// How the full-screen modes look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Look {
    pub theme: ThemeName,
    pub color: ColorMode,
    pub ambiguous_width: AmbiguousWidth,
    /// The user's key overrides from the config.
    pub keys: Keymap,
    /// Whether the mouse wheel is reported (the reader; `--no-mouse`).
    pub mouse: bool,
}

/// Refuse to start a full-screen mode without a terminal on both ends.
pub(crate) fn require_terminal(command: &str) -> Result<(), u8> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    eprintln!("{}", subst(t("m.needs_terminal"), &[command]));
    Err(USAGE)
}

/// How `present` runs: the presenter's view, following a presenter.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SlidesOptions {
    /// The presenter's view, with the talk's minutes.
    pub presenter: Option<Option<f64>>,
    /// The presenter's deck laid out for this size, not its preview's.
    pub deck_size: Option<(u16, u16)>,
    /// Follow a presenter, on a named channel or the briefing's own.
    pub follow: Option<Option<String>>,
    /// The presenter's channel, when named (else the briefing's own).
    pub channel: Option<String>,
    /// Start at this slide (1-based) instead of where the channel was left.
    pub slide: Option<usize>,
    /// Let other users follow; a follower looks in the shared directory too.
    pub share: bool,
    /// Follow this user's presenter (by default only one's own).
    pub from: Option<u32>,
}

/// What the session shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Showing {
    Reader,
    /// Slides from this section; Esc returns to the reader when it came from there.
    Slides {
        section: Option<usize>,
        from_reader: bool,
        options: SlidesOptions,
    },
}

pub(crate) fn open(paths: &[PathBuf], look: &Look, watch: bool) -> u8 {
    session(paths, look, "open", Showing::Reader, watch)
}

pub(crate) fn present(paths: &[PathBuf], look: &Look, options: SlidesOptions, watch: bool) -> u8 {
    let start = Showing::Slides {
        section: None,
        from_reader: false,
        options,
    };
    session(paths, look, "present", start, watch)
}

/// What the status line says of the first file that loaded with warnings:
/// how many, and the `briefing check` that lists them (the file's name
/// only: the status line drops a message that does not fit).
fn warnings_message(warned: &Warned) -> Option<String> {
    let (path, n) = warned.first()?;
    let name = Path::new(path).file_name().map(|n| n.to_string_lossy());
    let name = crate::sanitize::visible(name.as_deref().unwrap_or(path)).into_owned();
    Some(subst(t("m.open_warnings"), &[&n.to_string(), &name]))
}

fn session(paths: &[PathBuf], look: &Look, command: &str, start: Showing, watch: bool) -> u8 {
    if let Err(code) = require_terminal(command) {
        return code;
    }
    let (library, files, warned) = match load_library_warned(paths) {
        Ok(found) => found,
        Err(code) => return code,
    };
    // The organisation of the first file named, all its periods; the newest opens.
    let group = library.group_of(files.first().map(PathBuf::as_path));
    let theme = Theme::choose(look.theme, look.color);
    let mut session = match open_terminal(look) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // Laid out once, at the terminal's size.
    let area = screen_area(&session.terminal);
    let Some(mut reader) = App::with_periods(group, area, theme) else {
        drop(session);
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("{}", subst(t("m.list_none"), &[&names.join(", ")]));
        return INVALID;
    };
    reader.keymap = look.keys.clone();
    // The reader says at once that a file has warnings (the slides do not:
    // the room would see it).
    if matches!(start, Showing::Reader) {
        reader.message = warnings_message(&warned);
    }
    // With --watch, the files named are read again when they change.
    let watching = match watch.then(|| watch_files(&mut session.input, paths, &files)) {
        Some(Ok(w)) => Some(w),
        None => None,
        Some(Err(e)) => {
            drop(session);
            eprintln!("{}", subst(t("m.cannot_watch"), &[&e.to_string()]));
            return INVALID;
        }
    };
    reader.reload = watching.as_ref().map(|(_, r)| r.clone());
    let terminal::Session { terminal, input } = &mut session;
    let result = switch(
        terminal,
        input,
        &mut terminal::Session::next_event,
        reader,
        start,
    );
    drop(session);
    match result {
        Ok(()) => OK,
        Err(e) => {
            eprintln!("briefing: {e}");
            INVALID
        }
    }
}

/// The terminal taken over with `look`'s colour, mouse and width settings,
/// and the questions asked whose answers come in with the keys.
fn open_terminal(look: &Look) -> Result<terminal::Session, u8> {
    // crossterm drops colours by itself under NO_COLOR; `always` means always.
    if look.color == ColorMode::Always {
        crossterm::style::force_color_output(true);
    }
    terminal::set_mouse(look.mouse);
    let session = terminal::enter().map_err(|e| {
        eprintln!("{}", subst(t("m.terminal_setup"), &[&e.to_string()]));
        INVALID
    })?;
    if look.ambiguous_width == AmbiguousWidth::Auto {
        crate::layout::width::set_ambiguous_wide(terminal::ambiguous_is_wide());
    }
    // Asked after the probe, which reads its own answer; this one comes in
    // with the keys, whenever it comes.
    terminal::ask(wire::ASK_SYNCHRONIZED);
    terminal::ask(wire::margins::ASK_MARGINS);
    Ok(session)
}

/// Watch `files` (the names on the command line resolved) and wake `input`
/// when they change; the reload that reads `names` again.
fn watch_files(
    input: &mut input::Source,
    names: &[PathBuf],
    files: &[PathBuf],
) -> std::io::Result<(watch::Watch, reload::Reload)> {
    let w = watch::Watch::start(files)?;
    input.watch(w.wake_fd())?;
    let reload = reload::Reload::new(names.to_vec(), w.changes());
    Ok((w, reload))
}

/// Where a session's events come from: the local terminal's
/// (`terminal::Session::next_event`) or a remote one's (`serve`).
pub(crate) type NextEvent<'a> =
    &'a mut dyn FnMut(&mut input::Source, Option<Instant>) -> io::Result<Option<run::Incoming>>;

/// The terminal's whole screen.
fn screen_area<B: Backend>(t: &Terminal<B>) -> Rect {
    t.size()
        .map(|s| Rect::new(0, 0, s.width, s.height))
        .unwrap_or_default()
}

/// Run the reader and the slides in turn until one of them quits. No clear
/// between them: ratatui draws the difference from what is on the screen,
/// and `Terminal::clear` would ask the terminal for the cursor position.
pub(crate) fn switch<B>(
    terminal: &mut Terminal<B>,
    input: &mut input::Source,
    next: NextEvent<'_>,
    mut reader: App,
    start: Showing,
) -> Result<(), run::RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let mut showing = start;
    loop {
        showing = match showing {
            Showing::Reader => {
                reader.resize(screen_area(terminal));
                match run::run(terminal, &mut reader, |d| next(input, d))? {
                    Exit::Quit => return Ok(()),
                    Exit::Present(section) => Showing::Slides {
                        section: Some(section),
                        from_reader: true,
                        options: SlidesOptions::default(),
                    },
                }
            }
            Showing::Slides {
                section,
                from_reader,
                options,
            } => match slides(
                terminal,
                (input, &mut *next),
                &mut reader,
                section,
                from_reader,
                &options,
            )? {
                PresentExit::Quit => return Ok(()),
                PresentExit::Back(section) => {
                    reader.show_section(section);
                    Showing::Reader
                }
            },
        };
    }
}

/// Show the reader's briefing as slides (from `section`, when given) until
/// they end; the watch goes with the screen shown, and comes back with what
/// it read meanwhile.
fn slides<B>(
    terminal: &mut Terminal<B>,
    (input, next): (&mut input::Source, NextEvent<'_>),
    reader: &mut App,
    section: Option<usize>,
    from_reader: bool,
    options: &SlidesOptions,
) -> Result<PresentExit, run::RunError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let area = screen_area(terminal);
    let mut slides = Presenter::new(reader.briefing().clone(), area, reader.theme.clone());
    if let Some(minutes) = options.presenter {
        slides = slides
            .with_deck_size(options.deck_size)
            .with_presenter_view(minutes);
    }
    if let Some(section) = section {
        slides = slides.at_section(section);
    }
    if let Some(n) = options.slide {
        slides = slides.at_slide(n);
    }
    slides.keymap = reader.keymap.clone();
    slides.errors = reader.errors.clone();
    slides.reload = reader.reload.take();
    link(&mut slides, input, options)?;
    slides.from_reader = from_reader;
    let exit = run::run(terminal, &mut slides, |d| next(input, d))?;
    reader.reload = slides.reload.take();
    if exit != PresentExit::Quit
        && slides.reloaded
        && let Some(r) = &reader.reload
    {
        // The files changed while the slides were shown.
        reader.reloaded(r.read());
    }
    Ok(exit)
}

/// Join the follow channel: publish as the presenter, or subscribe as a follower.
fn link(
    slides: &mut Presenter,
    input: &mut input::Source,
    options: &SlidesOptions,
) -> std::io::Result<()> {
    use crate::follow::{Subscriber, content_hash, socket_path};
    let hash = content_hash(&slides.briefing);
    if options.presenter.is_some() {
        publish(slides, options, &hash);
    }
    if let Some(channel) = &options.follow {
        // The user's own channels first, then (with --share only) the shared ones.
        let mut paths: Vec<PathBuf> = Vec::new();
        for share in [false, options.share] {
            if let Ok(path) = socket_path(channel.as_deref(), &hash, share)
                && !paths.contains(&path)
            {
                paths.push(path);
            }
        }
        // On the default channel, the other presenters around are looked at
        // too: one of another briefing is named at once.
        let around: Vec<PathBuf> = match channel {
            Some(_) => Vec::new(),
            None => [false, options.share]
                .into_iter()
                .filter_map(|share| crate::follow::room::channel_dir(share).ok())
                .fold(Vec::new(), |mut dirs, dir| {
                    if !dirs.contains(&dir) {
                        dirs.push(dir);
                    }
                    dirs
                }),
        };
        let subscriber = Subscriber::start_looking(paths, around, &hash, options.from)?;
        input.watch(subscriber.wake_fd())?;
        slides.follow = Some(crate::present::state::Follow::new(subscriber));
    }
    Ok(())
}

/// Publish the presenter's place on its channel, first resuming where the
/// channel was left (unless `--slide` says where); old sockets of this
/// user's dead presenters are swept from the private directory.
fn publish(slides: &mut Presenter, options: &SlidesOptions, hash: &str) {
    use crate::follow::{About, Published, Publisher, resume, room, socket_path};
    if let Ok(dir) = crate::follow::room::channel_dir(false) {
        room::sweep(&dir);
    }
    let path = match socket_path(options.channel.as_deref(), hash, options.share) {
        Ok(path) => path,
        Err(trouble) => {
            // Without a channel the talk goes on; the view says that no one can follow.
            slides.no_channel = Some(std::sync::Arc::new(trouble));
            return;
        }
    };
    slides.resume = resume::path_for(&path);
    if let (None, Some(kept)) = (options.slide, &slides.resume)
        && let Some(place) = resume::load(kept)
    {
        slides.seek(place);
    }
    let about = About {
        hash: hash.to_string(),
        title: slides.briefing.title.clone(),
        period: slides.briefing.period.to_string(),
    };
    let (place, deck) = slides.published();
    let first = Published {
        place,
        deck: Some(deck),
    };
    match Publisher::open(&path, about, options.share, first) {
        Ok(publisher) => slides.publisher = Some(std::sync::Arc::new(publisher)),
        Err(trouble) => slides.no_channel = Some(std::sync::Arc::new(trouble)),
    }
}
