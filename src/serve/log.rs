//! The server's log: one line per connection and per refusal, on stderr
//! and appended to the `--log` file when there is one, `key=value` after a
//! UTC time. Never key material: keys appear by fingerprint only.

use std::fs::File;
use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

/// The `--log` file, opened (and checked, see `private`) at start.
static FILE: OnceLock<Mutex<File>> = OnceLock::new();

/// From now on, every line is appended to `file` too.
pub(super) fn also_to(file: File) {
    let _ = FILE.set(Mutex::new(file));
}

/// Write one line: the time, then `fields`.
pub(super) fn line(fields: &str) {
    let text = format!("{} {}\n", now(), clean(fields));
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
    if let Some(file) = FILE.get() {
        // One write of the whole line: O_APPEND keeps lines whole.
        let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
        let _ = file.write_all(text.as_bytes());
    }
}

/// A value as the log shows it: no control characters (a client names
/// its own commands and terminal), at most 200 characters.
pub(super) fn value(s: &str) -> String {
    let v: String = s.chars().filter(|c| !c.is_control()).take(200).collect();
    format!("{v:?}")
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc(secs)
}

/// `secs` since the epoch as `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days).
fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc(1_796_000_000), "2026-11-30T00:53:20Z");
    }

    #[test]
    fn values_carry_no_controls() {
        assert_eq!(value("a\x1b[2Jb"), "\"a[2Jb\"");
        assert_eq!(value(&"x".repeat(500)).len(), 202);
    }
}
