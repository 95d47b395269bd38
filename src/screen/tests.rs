//! The toolkit under the modes it carries: the wire backend against a
//! terminal emulator, every size, and `--ambiguous-width wide`, with the
//! reader and the slides as the modes on it.

mod margins;
mod sizes;
mod wide;
mod wire;
