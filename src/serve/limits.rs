//! What one peer, and all of them, may take: connections per source address
//! per minute, connections at once. A slot is given back when dropped.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const MINUTE: Duration = Duration::from_secs(60);
/// The most source addresses remembered; past it, the oldest are forgotten.
const ADDRESSES_MAX: usize = 10_000;

#[derive(Debug)]
pub(super) struct Limits {
    per_minute: usize,
    max_connections: usize,
    recent: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
    open: Arc<AtomicUsize>,
}

/// Why a connection was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    TooOften,
    TooMany,
}

impl Refusal {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Refusal::TooOften => "rate",
            Refusal::TooMany => "full",
        }
    }
}

/// A connection's place; dropped when the connection ends.
#[derive(Debug)]
pub(super) struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Limits {
    pub(super) fn new(per_minute: usize, max_connections: usize) -> Limits {
        Limits {
            per_minute,
            max_connections,
            recent: Mutex::new(HashMap::new()),
            open: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Let a connection from `peer` in at `now`, or say why not.
    pub(super) fn admit(&self, peer: IpAddr, now: Instant) -> Result<Slot, Refusal> {
        {
            let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
            if recent.len() >= ADDRESSES_MAX {
                recent.retain(|_, times| times.back().is_some_and(|t| now - *t < MINUTE));
            }
            if recent.len() >= ADDRESSES_MAX {
                recent.clear();
            }
            let times = recent.entry(peer).or_default();
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) >= MINUTE)
            {
                times.pop_front();
            }
            if times.len() >= self.per_minute {
                return Err(Refusal::TooOften);
            }
            times.push_back(now);
        }
        let taken = self.open.fetch_add(1, Ordering::SeqCst);
        let slot = Slot(Arc::clone(&self.open));
        if taken >= self.max_connections {
            return Err(Refusal::TooMany);
        }
        Ok(slot)
    }

    pub(super) fn open(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_address_per_minute() {
        let limits = Limits::new(3, 100);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        let slots: Vec<Slot> = (0..3).map(|_| limits.admit(a, t0).unwrap()).collect();
        assert_eq!(limits.admit(a, t0).unwrap_err(), Refusal::TooOften);
        assert!(limits.admit(b, t0).is_ok());
        assert!(limits.admit(a, t0 + MINUTE).is_ok());
        drop(slots);
    }

    #[test]
    fn at_most_so_many_at_once_and_slots_come_back() {
        let limits = Limits::new(100, 2);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let now = Instant::now();
        let one = limits.admit(a, now).unwrap();
        let _two = limits.admit(a, now).unwrap();
        assert_eq!(limits.admit(a, now).unwrap_err(), Refusal::TooMany);
        assert_eq!(limits.open(), 2);
        drop(one);
        assert!(limits.admit(a, now).is_ok());
        assert_eq!(limits.open(), 1);
    }
}
