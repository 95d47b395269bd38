//! Audience follow: the presenter publishes its place on a Unix socket;
//! followers show the same slide. What passes is the place only, as one
//! short line; each side opens the briefing itself and the presenter's
//! content hash must match the follower's.

pub(crate) mod channel;
pub(crate) mod elsewhere;
pub mod protocol;
pub(crate) mod resume;
pub(crate) mod room;
pub(crate) mod subscriber;
pub mod users;

pub use channel::{MAX_PEERS, Published, Publisher, socket_path};
pub use elsewhere::Elsewhere;
pub use protocol::{About, Deck, Place, PlaceKind, Screen, content_hash};
pub use room::Trouble;
pub use subscriber::{Remote, RemoteState, Subscriber};
