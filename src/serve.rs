//! `briefing serve`: an SSH server that is the application. A reader's
//! key lets them in to the start screen or one served command, drawn by the
//! same modes, run loop and wire backend as a local terminal; there is no
//! shell, no forwarding, nothing else. The rooms: `hostkey`, `authorized`,
//! `certs` and `auth` (who is who; `watched`: a file read again when it
//! changes), `private` (files no other user controls), `limits` and `log`, `handler` (a connection),
//! `channel` (what a channel runs) and `live` (a running session, its output task), `remote` (a session's thread),
//! `output` (its bounded output), `start` (the start screen), `exec` and
//! `names` (the served commands and the names they take).

mod auth;
mod authorized;
mod certs;
mod channel;
mod exec;
mod handler;
mod hostkey;
mod limits;
mod live;
mod log;
mod names;
mod output;
mod private;
mod remote;
mod run;
mod start;
mod watched;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::i18n::Lang;
use crate::screen::input::Remote;
use crate::screen::keymap::Keymap;
use crate::settings::{AmbiguousWidth, ColorMode, ThemeName};

pub(crate) use run::run;

/// How the server is started: `briefing serve`'s arguments (their help
/// lines are `cli.serve.*` in `i18n`).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Options {
    pub dirs: Vec<PathBuf>,
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: String,
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub trusted_user_ca_keys: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    #[arg(long)]
    pub allow_anyone: bool,
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    #[arg(long, value_name = "MINUTES", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..=10_080))]
    pub idle_timeout: u64,
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub auth_timeout: u64,
    #[arg(long, value_name = "N", default_value_t = 200,
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_sessions: u32,
    #[arg(long, value_name = "N", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub per_minute: u32,
}

impl Options {
    /// The served directories: those named, else the config's library and
    /// `BRIEFING_PATH`; each as its real path, the ones that exist.
    fn served(&self) -> Vec<PathBuf> {
        let named = if self.dirs.is_empty() {
            crate::library::search_dirs()
                .into_iter()
                .filter(|d| d.as_os_str() != ".")
                .collect()
        } else {
            self.dirs.clone()
        };
        named.iter().filter_map(|d| d.canonicalize().ok()).collect()
    }
}

/// What every session starts from: the server's defaults.
#[derive(Debug, Clone)]
pub(crate) struct Base {
    pub dirs: Vec<PathBuf>,
    pub lang: Lang,
    pub ambiguous: AmbiguousWidth,
    pub theme: ThemeName,
    pub color: ColorMode,
    pub keys: Keymap,
}

/// What the connections share.
pub(crate) struct Shared {
    pub base: Base,
    /// Who is let in.
    trust: auth::Trust,
    limits: limits::Limits,
    /// The running sessions, to end them all on SIGTERM.
    sessions: Mutex<HashMap<u64, Remote>>,
    next_id: AtomicU64,
}

impl Shared {
    fn setup(&self, opening: remote::Opening, lang: Lang, term: Option<String>) -> remote::Setup {
        remote::Setup {
            opening,
            dirs: self.base.dirs.clone(),
            lang,
            ambiguous: self.base.ambiguous,
            theme: self.base.theme,
            color: self.base.color,
            term,
            keys: self.base.keys.clone(),
        }
    }

    fn remember(&self, remote: Remote) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.lock_sessions().insert(id, remote);
        id
    }

    fn forget(&self, id: u64) {
        self.lock_sessions().remove(&id);
    }

    fn lock_sessions(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Remote>> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }
}
