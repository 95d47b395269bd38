//! The line protocol. Version 1, which every presenter still sends:
//! `briefing-follow 1 HASH SECTION ITEM KIND PAGE FOLLOWERS`. Version 2 adds
//! the presenter's deck after it, on a line of its own:
//! `briefing-follow 2 HASH SECTION ITEM KIND PAGE FOLLOWERS INDEX COUNT WIDTH HEIGHT SCREEN`
//! (a follower of version 1 drops it), and once per connection
//! `briefing-about 2 HASH<TAB>PERIOD<TAB>TITLE`, so a follower of another
//! briefing can say which. Anything else — malformed, too long, out of range — is dropped.

use crate::model::Briefing;

/// The longest line either side accepts.
pub(crate) const MAX_LINE: usize = 200;

/// A place in a deck that does not depend on the screen's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub section: Option<usize>,
    pub item: Option<usize>,
    pub kind: PlaceKind,
    pub page: usize,
}

/// Which kind of slide a place is on; on the wire, its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Title = 0,
    Overview = 1,
    Text = 2,
    End = 3,
}

impl PlaceKind {
    /// The kind a number on the wire stands for.
    pub(crate) fn from_wire(n: u8) -> Option<PlaceKind> {
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
pub(crate) fn content_hash(b: &Briefing) -> String {
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

/// The presenter's deck: which slide of how many, laid out for which size,
/// and what the room's screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Deck {
    pub index: usize,
    pub count: usize,
    pub width: u16,
    pub height: u16,
    pub screen: Screen,
}

/// What the room's screens show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Screen {
    #[default]
    Slide = 0,
    Black = 1,
    White = 2,
}

/// The most slides a deck on the wire may have.
pub(crate) const MAX_SLIDES: usize = 100_000;
/// The sizes a deck on the wire may be laid out for (those a screen may have).
pub(crate) const DECK_WIDTH: std::ops::RangeInclusive<u16> = 20..=500;
pub(crate) const DECK_HEIGHT: std::ops::RangeInclusive<u16> = 8..=250;
/// The most characters of a title or a period a follower keeps.
pub(crate) const MAX_ABOUT: usize = 40;

/// What a line said: the presenter's place, and its deck (version 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    pub hash: String,
    pub place: Place,
    pub followers: usize,
    pub deck: Option<Deck>,
}

/// Which briefing a presenter shows: its title and period, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct About {
    pub hash: String,
    pub title: String,
    pub period: String,
}

pub(crate) fn encode(hash: &str, place: Place, followers: usize) -> String {
    format!(
        "briefing-follow 1 {hash} {} {} {} {} {followers}\n",
        opt(place.section),
        opt(place.item),
        place.kind as u8,
        place.page
    )
}

/// The version 2 line of `place` in `deck`.
pub(crate) fn encode_deck(hash: &str, place: Place, followers: usize, deck: Deck) -> String {
    format!(
        "briefing-follow 2 {hash} {} {} {} {} {followers} {} {} {} {} {}\n",
        opt(place.section),
        opt(place.item),
        place.kind as u8,
        place.page,
        deck.index,
        deck.count,
        deck.width,
        deck.height,
        deck.screen as u8
    )
}

/// At most `n` characters of `s`, every hazard made visible, on one line.
fn bounded(s: &str, n: usize) -> String {
    let shown = crate::sanitize::visible(s);
    let mut out: String = shown.chars().take(n).collect();
    if shown.chars().count() > n {
        out.push('…');
    }
    out
}

/// The line that says which briefing a presenter shows, within MAX_LINE.
pub(crate) fn encode_about(about: &About) -> String {
    let period = bounded(&about.period, MAX_ABOUT / 2);
    let mut n = MAX_ABOUT;
    loop {
        let line = format!(
            "briefing-about 2 {}\t{period}\t{}\n",
            about.hash,
            bounded(&about.title, n)
        );
        if line.len() <= MAX_LINE || n == 0 {
            return line;
        }
        n -= 1;
    }
}

/// An about line (without its newline), its text bounded and made safe to show.
pub(crate) fn decode_about(line: &str) -> Option<About> {
    if line.len() > MAX_LINE {
        return None;
    }
    let rest = line.strip_prefix("briefing-about 2 ")?;
    let fields: Vec<&str> = rest.split('\t').collect();
    let [hash, period, title] = fields[..] else {
        return None;
    };
    if !is_hash(hash) {
        return None;
    }
    Some(About {
        hash: hash.to_string(),
        title: bounded(title, MAX_ABOUT),
        period: bounded(period, MAX_ABOUT),
    })
}

fn is_hash(hash: &str) -> bool {
    hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A line (without its newline), if it is a well-formed message of either version.
pub(crate) fn decode_message(line: &str) -> Option<Message> {
    if line.len() > MAX_LINE {
        return None;
    }
    let fields: Vec<&str> = line.split(' ').collect();
    match fields.get(1) {
        Some(&"1") => decode(line).map(|(hash, place, followers)| Message {
            hash,
            place,
            followers,
            deck: None,
        }),
        Some(&"2") if fields.len() == 13 => {
            let v1 = format!("briefing-follow 1 {}", fields[2..8].join(" "));
            let (hash, place, followers) = decode(&v1)?;
            let deck = decode_deck(&fields[8..])?;
            Some(Message {
                hash,
                place,
                followers,
                deck: Some(deck),
            })
        }
        _ => None,
    }
}

/// `INDEX COUNT WIDTH HEIGHT SCREEN`, each within its bound.
fn decode_deck(fields: &[&str]) -> Option<Deck> {
    let [index, count, width, height, screen] = fields[..] else {
        return None;
    };
    let (index, count): (usize, usize) = (index.parse().ok()?, count.parse().ok()?);
    let (width, height): (u16, u16) = (width.parse().ok()?, height.parse().ok()?);
    let screen = match screen {
        "0" => Screen::Slide,
        "1" => Screen::Black,
        "2" => Screen::White,
        _ => return None,
    };
    let fits = index < count
        && count <= MAX_SLIDES
        && DECK_WIDTH.contains(&width)
        && DECK_HEIGHT.contains(&height);
    fits.then_some(Deck {
        index,
        count,
        width,
        height,
        screen,
    })
}

/// A version 1 line (without its newline), if it is a well-formed message.
pub(crate) fn decode(line: &str) -> Option<(String, Place, usize)> {
    if line.len() > MAX_LINE {
        return None;
    }
    let fields: Vec<&str> = line.split(' ').collect();
    let [magic, version, hash, section, item, kind, page, followers] = fields[..] else {
        return None;
    };
    if magic != "briefing-follow" || version != "1" || !is_hash(hash) {
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

    fn deck() -> Deck {
        Deck {
            index: 5,
            count: 25,
            width: 48,
            height: 23,
            screen: Screen::Black,
        }
    }

    #[test]
    fn version_2_carries_the_deck_and_version_1_still_reads() {
        let place = Place {
            section: Some(1),
            item: Some(0),
            kind: PlaceKind::Text,
            page: 1,
        };
        let line = encode_deck("0123456789abcdef", place, 2, deck());
        assert!(line.len() <= MAX_LINE);
        let m = decode_message(line.trim_end()).unwrap();
        assert_eq!((m.place, m.followers, m.deck), (place, 2, Some(deck())));
        // A follower of version 1 drops the new line, and reads the old one.
        assert_eq!(decode(line.trim_end()), None);
        let old = encode("0123456789abcdef", place, 2);
        assert_eq!(decode_message(old.trim_end()).unwrap().deck, None);
    }

    #[test]
    fn a_deck_out_of_its_bounds_is_dropped() {
        let good = "briefing-follow 2 0123456789abcdef 1 - 1 0 0";
        for bad in [
            "25 25 48 23 0",
            "0 100001 48 23 0",
            "0 25 19 23 0",
            "0 25 501 23 0",
            "0 25 48 7 0",
            "0 25 48 251 0",
            "0 25 48 23 3",
            "0 25 48 23",
            "0 25 48 23 0 0",
            "-1 25 48 23 0",
            "0 25 65536 23 0",
        ] {
            assert_eq!(decode_message(&format!("{good} {bad}")), None, "{bad}");
        }
        assert!(decode_message(&format!("{good} 0 25 48 23 2")).is_some());
    }

    #[test]
    fn an_about_line_is_bounded_and_shown_safely() {
        let about = About {
            hash: "0123456789abcdef".into(),
            title: "交警支队".repeat(30),
            period: "2023年".into(),
        };
        let line = encode_about(&about);
        assert!(line.len() <= MAX_LINE, "{}", line.len());
        let back = decode_about(line.trim_end()).unwrap();
        assert_eq!(back.period, "2023年");
        assert!(back.title.starts_with("交警支队") && back.title.ends_with('…'));
        let hostile = "briefing-about 2 0123456789abcdef\t\u{1b}[2J\tx\u{202e}y";
        let back = decode_about(hostile).unwrap();
        assert!(!back.period.contains('\u{1b}') && !back.title.contains('\u{202e}'));
        assert_eq!(decode_about("briefing-about 2 0123\ta\tb"), None);
        assert_eq!(decode_about(&"briefing-about 2 ".repeat(50)), None);
    }
}
