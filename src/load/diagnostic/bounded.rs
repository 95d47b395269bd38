//! The diagnostics of one file as they are found, at most [`MAX_SHOWN`]
//! of them kept: those that come first in the file (by where they start,
//! then in the order found), the rest only counted. A file with 40 000
//! problems holds 200 of them, not 40 000 messages.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::{Diagnostic, MAX_SHOWN};

/// A diagnostic with its place in the order they are shown.
#[derive(Debug)]
struct Ranked {
    start: usize,
    seq: usize,
    diagnostic: Diagnostic,
}

impl Ranked {
    fn key(&self) -> (usize, usize) {
        (self.start, self.seq)
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// The first [`MAX_SHOWN`] diagnostics in file order, and how many errors
/// and warnings came after them.
#[derive(Debug, Default)]
pub(crate) struct Bounded {
    /// The kept ones; the last in file order on top, to be let go first.
    kept: BinaryHeap<Ranked>,
    seq: usize,
    /// Errors and warnings not kept.
    pub hidden: (usize, usize),
}

impl Bounded {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        let start = diagnostic.span.as_ref().map_or(0, |s| s.start);
        let ranked = Ranked {
            start,
            seq: self.seq,
            diagnostic,
        };
        self.seq += 1;
        let dropped = if self.kept.len() < MAX_SHOWN {
            self.kept.push(ranked);
            None
        } else if self.kept.peek().is_some_and(|last| ranked < *last) {
            let last = self.kept.pop();
            self.kept.push(ranked);
            last
        } else {
            Some(ranked)
        };
        if let Some(d) = dropped {
            self.count(&d.diagnostic);
        }
    }

    fn count(&mut self, d: &Diagnostic) {
        if d.is_error() {
            self.hidden.0 += 1;
        } else {
            self.hidden.1 += 1;
        }
    }

    /// Take in every diagnostic of `other` after this one's (a stable sort
    /// by start of both, one after the other, keeps the same first ones).
    pub(crate) fn append(&mut self, other: Bounded) {
        self.hidden.0 += other.hidden.0;
        self.hidden.1 += other.hidden.1;
        for d in other.into_vec() {
            self.push(d);
        }
    }

    /// Whether any error was found, kept or not.
    pub(crate) fn has_errors(&self) -> bool {
        self.hidden.0 > 0 || self.kept.iter().any(|r| r.diagnostic.is_error())
    }

    /// The kept diagnostics in file order.
    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        let mut kept = self.kept.into_vec();
        kept.sort_unstable();
        kept.into_iter().map(|r| r.diagnostic).collect()
    }
}

impl Extend<Diagnostic> for Bounded {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        for d in iter {
            self.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: Option<usize>, n: usize, error: bool) -> Diagnostic {
        let make = if error {
            Diagnostic::error
        } else {
            Diagnostic::warning
        };
        make(start.map(|s| s..s + 1), None, n.to_string())
    }

    #[test]
    fn the_first_in_file_order_are_kept_and_the_rest_counted() {
        // Diagnostics in a scrambled order, some at the same place.
        let all: Vec<Diagnostic> = (0..1000)
            .map(|n| at((n % 7 != 0).then_some((n * 7919) % 500), n, n % 3 == 0))
            .collect();
        let mut bounded = Bounded::default();
        bounded.extend(all.iter().cloned());
        let mut sorted = all.clone();
        sorted.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        let hidden = &sorted[MAX_SHOWN..];
        let errors = hidden.iter().filter(|d| d.is_error()).count();
        assert_eq!(bounded.hidden, (errors, hidden.len() - errors));
        assert!(bounded.has_errors());
        assert_eq!(bounded.into_vec(), sorted[..MAX_SHOWN]);
    }

    #[test]
    fn joined_collections_keep_what_one_collection_of_all_would() {
        let first: Vec<Diagnostic> = (0..300).map(|n| at(Some(n % 50), n, false)).collect();
        let second: Vec<Diagnostic> = (0..300).map(|n| at(Some(n % 40), n, n == 5)).collect();
        let (mut a, mut b, mut whole) =
            (Bounded::default(), Bounded::default(), Bounded::default());
        a.extend(first.iter().cloned());
        b.extend(second.iter().cloned());
        whole.extend(first.into_iter().chain(second));
        a.append(b);
        assert_eq!(a.hidden, whole.hidden);
        assert_eq!(a.into_vec(), whole.into_vec());
    }
}
