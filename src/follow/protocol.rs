//! The line protocol: `briefing-follow 1 HASH SECTION ITEM KIND PAGE FOLLOWERS`.
//! Anything else — malformed, too long, out of range — is dropped.

use crate::model::Briefing;

/// The longest line either side accepts.
pub const MAX_LINE: usize = 200;

/// A place in a deck that does not depend on the screen's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub section: Option<usize>,
    pub item: Option<usize>,
    pub kind: PlaceKind,
    pub page: usize,
}

/// Which kind of slide a place is on; on the wire, its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Title = 0,
    Overview = 1,
    Text = 2,
    End = 3,
}

impl PlaceKind {
    /// The kind a number on the wire stands for.
    pub fn from_wire(n: u8) -> Option<PlaceKind> {
        [
            PlaceKind::Title,
            PlaceKind::Overview,
            PlaceKind::Text,
            PlaceKind::End,
        ]
        .into_iter()
        .find(|k| *k as u8 == n)
    }
}

/// A stable hash of what a briefing says (FNV-1a over its model).
pub fn content_hash(b: &Briefing) -> String {
    let text = format!("{b:?}");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn opt(n: Option<usize>) -> String {
    n.map_or("-".into(), |n| n.to_string())
}

pub fn encode(hash: &str, place: Place, followers: usize) -> String {
    format!(
        "briefing-follow 1 {hash} {} {} {} {} {followers}\n",
        opt(place.section),
        opt(place.item),
        place.kind as u8,
        place.page
    )
}

/// A line (without its newline), if it is a well-formed message.
pub fn decode(line: &str) -> Option<(String, Place, usize)> {
    if line.len() > MAX_LINE {
        return None;
    }
    let fields: Vec<&str> = line.split(' ').collect();
    let [magic, version, hash, section, item, kind, page, followers] = fields[..] else {
        return None;
    };
    if magic != "briefing-follow"
        || version != "1"
        || hash.len() != 16
        || !hash.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    let opt = |s: &str| -> Option<Option<usize>> {
        if s == "-" {
            Some(None)
        } else {
            s.parse::<u32>().ok().map(|n| Some(n as usize))
        }
    };
    let kind = PlaceKind::from_wire(kind.parse().ok()?)?;
    Some((
        hash.to_string(),
        Place {
            section: opt(section)?,
            item: opt(item)?,
            kind,
            page: page.parse::<u32>().ok()? as usize,
        },
        followers.parse::<u32>().ok()? as usize,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let place = Place {
            section: Some(2),
            item: None,
            kind: PlaceKind::Overview,
            page: 0,
        };
        let line = encode("0123456789abcdef", place, 3);
        assert_eq!(
            decode(line.trim_end()),
            Some(("0123456789abcdef".into(), place, 3))
        );
    }

    #[test]
    fn everything_else_is_dropped() {
        for bad in [
            "",
            "garbage",
            "briefing-follow 2 0123456789abcdef 1 - 1 0 0",
            "briefing-follow 1 0123 1 - 1 0 0",
            "briefing-follow 1 0123456789abcdef x - 1 0 0",
            "briefing-follow 1 0123456789abcdef 1 - 9 0 0",
            "briefing-follow 1 0123456789abcdef 1 - 1 0 0 extra",
            "briefing-follow 1 0123456789abcdef 99999999999 - 1 0 0",
        ] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
        assert_eq!(decode(&"x".repeat(10_000)), None);
    }
}
