//! The `period` of a briefing: `YYYY`, `YYYY-Qn`, `YYYY-Hn` or `YYYY-MM`.

use std::cmp::Ordering;
use std::fmt;

/// A reporting period. Periods order by their start, then the longer first
/// (2023 before 2023-H1 before 2023-Q1 before 2023-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Period {
    Year(u16),
    Half(u16, u8),
    Quarter(u16, u8),
    Month(u16, u8),
}

impl Period {
    /// Parse the spec's syntax; `None` when it is not one of the four forms.
    pub(crate) fn parse(s: &str) -> Option<Period> {
        let bytes = s.as_bytes();
        if bytes.len() < 4 || !bytes[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let year: u16 = s[..4].parse().ok()?;
        let rest = &s[4..];
        if rest.is_empty() {
            return Some(Period::Year(year));
        }
        let rest = rest.strip_prefix('-')?;
        let number = |digits: &str, max: u8| -> Option<u8> {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: u8 = digits.parse().ok()?;
            (1..=max).contains(&n).then_some(n)
        };
        if let Some(q) = rest.strip_prefix('Q') {
            (q.len() == 1).then_some(())?;
            return Some(Period::Quarter(year, number(q, 4)?));
        }
        if let Some(h) = rest.strip_prefix('H') {
            (h.len() == 1).then_some(())?;
            return Some(Period::Half(year, number(h, 2)?));
        }
        (rest.len() == 2).then_some(())?;
        Some(Period::Month(year, number(rest, 12)?))
    }

    /// First month (1–12) of the period and its length in months.
    fn span(self) -> (u16, u8, u8) {
        match self {
            Period::Year(y) => (y, 1, 12),
            Period::Half(y, h) => (y, (h - 1) * 6 + 1, 6),
            Period::Quarter(y, q) => (y, (q - 1) * 3 + 1, 3),
            Period::Month(y, m) => (y, m, 1),
        }
    }

    /// Whether this period ends before `other` begins (or is otherwise earlier).
    pub(crate) fn is_before(self, other: Period) -> bool {
        self < other
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        let (ya, ma, la) = self.span();
        let (yb, mb, lb) = other.span();
        (ya, ma, std::cmp::Reverse(la)).cmp(&(yb, mb, std::cmp::Reverse(lb)))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_four_forms() {
        assert_eq!(Period::parse("2023"), Some(Period::Year(2023)));
        assert_eq!(Period::parse("2023-Q4"), Some(Period::Quarter(2023, 4)));
        assert_eq!(Period::parse("2023-H2"), Some(Period::Half(2023, 2)));
        assert_eq!(Period::parse("2023-07"), Some(Period::Month(2023, 7)));
    }

    #[test]
    fn rejects_the_rest() {
        for bad in [
            "",
            "23",
            "2023-",
            "2023-Q5",
            "2023-Q0",
            "2023-H3",
            "2023-13",
            "2023-00",
            "2023-7",
            "2023-Q12",
            "２０２３",
            "2023 ",
            "2023-q1",
            "+202",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn orders_by_start_then_longest() {
        let mut ps: Vec<Period> = ["2023-01", "2022", "2023-Q1", "2023", "2023-H1", "2023-Q2"]
            .iter()
            .map(|s| Period::parse(s).unwrap())
            .collect();
        ps.sort();
        let shown: Vec<String> = ps.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["2022", "2023", "2023-H1", "2023-Q1", "2023-01", "2023-Q2"]
        );
    }
}
