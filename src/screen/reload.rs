//! Live reload's timing and reading, for the reader and the slides alike: a
//! change to a watched file waits for a burst of writes to settle, then the
//! files are read again whole — a briefing group, or the report of errors.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::watch::Changes;
use crate::model::Briefing;

/// How long writes must pause before the files are read.
const SETTLE: Duration = Duration::from_millis(150);

#[derive(Debug, Clone)]
pub(crate) struct Reload {
    /// The names as given on the command line (resolved again each time).
    names: Vec<PathBuf>,
    changes: Changes,
    at: Option<Instant>,
}

impl Reload {
    pub(crate) fn new(names: Vec<PathBuf>, changes: Changes) -> Reload {
        Reload {
            names,
            changes,
            at: None,
        }
    }

    /// When the files will be read, after a change.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        self.at
    }

    /// Woken by a change or by the deadline: the files as they are now, once
    /// the writes have settled; `None` while they have not (or nothing changed).
    pub(crate) fn poll(&mut self, now: Instant) -> Option<Result<Vec<Briefing>, String>> {
        if self.changes.take() {
            self.at = Some(now + SETTLE);
            return None;
        }
        match self.at {
            Some(at) if now >= at => {
                self.at = None;
                Some(self.read())
            }
            _ => None,
        }
    }

    /// Read the files: the group of the first one named (in period order,
    /// empty when none is found), or the report of their errors.
    pub(crate) fn read(&self) -> Result<Vec<Briefing>, String> {
        let paths = crate::library::resolve_all(&self.names)?;
        let (lib, reports) = crate::library::load_all(&paths);
        let bad: Vec<String> = reports
            .iter()
            .filter(|r| r.has_errors())
            .map(|r| r.render())
            .collect();
        if !bad.is_empty() {
            return Err(bad.concat());
        }
        Ok(lib.group_of(paths.first().map(PathBuf::as_path)))
    }
}

/// What a reading comes to for a view that shows the briefing of `period`:
/// `errors` holds the report, or is cleared; then the group and the index in
/// it of the same period, else of the newest (`None` for an error or no file).
pub(crate) fn take_in(
    read: Result<Vec<Briefing>, String>,
    period: crate::model::Period,
    errors: &mut Option<String>,
) -> Option<(Vec<Briefing>, usize)> {
    let group = match read {
        Ok(group) => group,
        Err(report) => {
            *errors = Some(report);
            return None;
        }
    };
    *errors = None;
    let newest = group.len().checked_sub(1)?;
    let at = group
        .iter()
        .position(|b| b.period == period)
        .unwrap_or(newest);
    Some((group, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_waits_for_the_writes_to_settle() {
        let changes = Changes::default();
        let mut r = Reload::new(vec![PathBuf::from("briefings/2023.toml")], changes.clone());
        let t0 = Instant::now();
        assert!(r.poll(t0).is_none(), "nothing changed");
        assert_eq!(r.deadline(), None);
        changes.mark();
        assert!(r.poll(t0).is_none());
        assert_eq!(r.deadline(), Some(t0 + SETTLE));
        // Another write restarts the wait.
        changes.mark();
        let t1 = t0 + Duration::from_millis(100);
        assert!(r.poll(t1).is_none());
        assert!(r.poll(t1 + Duration::from_millis(100)).is_none());
        let group = r.poll(t1 + SETTLE).expect("read").expect("no errors");
        assert_eq!(group.len(), 1);
        assert_eq!(r.deadline(), None);
    }

    #[test]
    fn errors_come_back_as_the_report() {
        let dir = std::env::temp_dir().join(format!("briefing-reload-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.toml");
        std::fs::write(&path, "title = 1\n").unwrap();
        let r = Reload::new(vec![path.clone()], Changes::default());
        let report = r.read().unwrap_err();
        assert!(report.contains("bad.toml:1:"), "{report}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
