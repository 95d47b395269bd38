//! Audience follow: the presenter publishes its place on a Unix socket;
//! followers show the same slide. What passes is the place only, as one
//! short line; each side opens the briefing itself and the presenter's
//! content hash must match the follower's.

pub(crate) mod channel;
pub(crate) mod elsewhere;
pub(crate) mod protocol;
pub(crate) mod resume;
pub(crate) mod room;
pub(crate) mod subscriber;
pub(crate) mod users;

pub(crate) use channel::{MAX_PEERS, Published, Publisher, socket_path};
pub(crate) use protocol::{About, Deck, Place, PlaceKind, Screen, content_hash};
pub(crate) use room::Trouble;
pub(crate) use subscriber::{RemoteState, Subscriber};

#[cfg(test)]
mod tests;
