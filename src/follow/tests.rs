//! The channel's two ends in this process, against hostile peers.

mod follow;
