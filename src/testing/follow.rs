//! The follow channel as a peer on this machine sees it, for the tests that
//! attack the real binary (another user squatting a channel, a flood of
//! followers): a channel's name, the lines a presenter sends, the users.
//! Opaque types and functions; the protocol itself is unit-tested in
//! `src/follow/`.

use std::path::Path;

use crate::follow::{Place, PlaceKind, Publisher, Trouble};

/// How many followers a presenter serves at once.
pub const MAX_PEERS: usize = crate::follow::MAX_PEERS;

/// The uid this process runs as.
pub fn uid() -> u32 {
    crate::follow::users::me()
}

/// The name the program shows for the user `uid`.
pub fn user_name(uid: u32) -> String {
    crate::follow::users::name_of(uid)
}

/// The channel of the fixture at `path`: its content hash, which names the
/// socket (`<hash>.sock`).
pub fn channel(path: &Path) -> String {
    crate::follow::content_hash(&super::fixture(path))
}

fn overview(section: usize) -> Place {
    Place {
        section: Some(section),
        item: None,
        kind: PlaceKind::Overview,
        page: 0,
    }
}

/// The line a presenter on channel `hash` sends to show section
/// `section`'s overview, counting `followers`.
pub fn place_line(hash: &str, section: usize, followers: usize) -> String {
    crate::follow::protocol::encode(hash, overview(section), followers)
}

/// A place a presenter sent: compare them with `==`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heard(Place);

/// What a line a presenter sent says: `None` for the line naming its
/// briefing (the first a follower hears), else its place.
///
/// # Panics
/// On a line that is neither: the presenter sent garbage.
pub fn heard(line: &str) -> Option<Heard> {
    let line = line.trim_end_matches('\n');
    if crate::follow::protocol::decode_about(line).is_some() {
        return None;
    }
    let message = crate::follow::protocol::decode_message(line);
    Some(Heard(message.expect("a well-formed line").place))
}

/// How starting a presenter's channel went.
#[derive(Debug)]
pub enum Start {
    /// Started (and stopped again).
    Started,
    /// Another user, this uid, holds the channel's name.
    Taken(u32),
    /// Any other trouble, as it reads.
    Failed(String),
}

/// Start the channel `hash` at `socket` as `briefing present --presenter`
/// does (`shared`: in a directory other users reach), and stop it at once.
pub fn start_channel(socket: &Path, hash: &str, shared: bool) -> Start {
    match Publisher::start(socket, hash, shared, overview(0)) {
        Ok(publisher) => {
            drop(publisher);
            Start::Started
        }
        Err(Trouble::Taken(uid)) => Start::Taken(uid),
        Err(other) => Start::Failed(format!("{other:?}")),
    }
}
