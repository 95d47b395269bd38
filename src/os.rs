//! The operating system, in one place: waiting on several fds at once, the
//! terminal's size, reading a ready fd, stopping the process, the user id,
//! whether a signal is ignored, the local time, free memory given back. Through rustix and
//! signal-hook where they have it; the calls they lack are the only
//! `unsafe` in the program, each with its SAFETY line.

use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::time::{Duration, SystemTime};

pub(crate) use rustix::event::{PollFd, PollFlags};

/// The largest drawing area, in cells: a terminal reported larger is drawn
/// as at this size, in its top-left corner. Every buffer of a frame is
/// bounded by it (a 65535×65535 report would need gigabytes).
pub(crate) const MAX_COLUMNS: u16 = 500;
pub(crate) const MAX_ROWS: u16 = 250;

/// `columns`×`rows` within the largest drawing area.
pub(crate) fn clamp_size(columns: u16, rows: u16) -> (u16, u16) {
    (columns.min(MAX_COLUMNS), rows.min(MAX_ROWS))
}

/// The terminal's size (columns, rows), from standard output, within the
/// largest drawing area: the one place the program asks it (start,
/// SIGWINCH, SIGCONT, print's width).
pub(crate) fn terminal_size() -> io::Result<(u16, u16)> {
    let ws = rustix::termios::tcgetwinsize(io::stdout().as_fd())?;
    Ok(clamp_size(ws.ws_col, ws.ws_row))
}

/// Wait until one of `fds` is ready or `timeout` passes (`None`: no limit);
/// a signal's interruption waits again. Returns how many are ready.
pub(crate) fn poll(fds: &mut [PollFd<'_>], timeout: Option<Duration>) -> io::Result<usize> {
    let timeout = match timeout {
        Some(d) => Some(rustix::event::Timespec::try_from(d).map_err(io::Error::other)?),
        None => None,
    };
    loop {
        match rustix::event::poll(fds, timeout.as_ref()) {
            Ok(n) => return Ok(n),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

/// A readable entry for `poll`.
pub(crate) fn readable<'a, Fd: AsFd>(fd: &'a Fd) -> PollFd<'a> {
    PollFd::new(fd, PollFlags::IN)
}

/// Whether `poll` found `fd` ready to read.
pub(crate) fn is_readable(fd: &PollFd<'_>) -> bool {
    fd.revents().contains(PollFlags::IN)
}

/// Whether `poll` found `fd` hung up or broken.
pub(crate) fn is_gone(fd: &PollFd<'_>) -> bool {
    fd.revents()
        .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

/// One read(2) of `fd` into `buf`: what it gives, 0 at its end.
pub(crate) fn read(fd: BorrowedFd<'_>, buf: &mut [u8]) -> io::Result<usize> {
    Ok(rustix::io::read(fd, buf)?)
}

/// Stop the process (as SIGTSTP would, but SIGSTOP cannot be handled).
pub(crate) fn stop() -> io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
}

/// The real user id.
pub(crate) fn uid() -> u32 {
    rustix::process::getuid().as_raw()
}

/// Whether `sig` is ignored (SIG_IGN inherited from the parent, as under nohup).
pub(crate) fn signal_ignored(sig: i32) -> bool {
    // SAFETY: sigaction with a null new action only reads the current one
    // into `old`, a zeroed sigaction that lives for the call.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

/// Give memory the allocator holds free back to the system. glibc keeps
/// what a thread freed in that thread's arena: a server whose sessions
/// (each a thread) come and go would otherwise stay at its peak.
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer; it only walks the allocator's
    // own free lists, under its own locks, and may be called from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The local time of day at `at`: hours, minutes, seconds.
pub(crate) fn local_time(at: SystemTime) -> Option<(u8, u8, u8)> {
    let secs = at
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let secs = libc::time_t::try_from(secs).ok()?;
    // SAFETY: localtime_r reads a valid time_t and fills `tm`, a zeroed tm
    // that lives for the call; it is reentrant (no shared buffer).
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&secs, &mut tm).is_null() {
            return None;
        }
        tm
    };
    let part = |v: libc::c_int| u8::try_from(v).ok();
    Some((part(tm.tm_hour)?, part(tm.tm_min)?, part(tm.tm_sec)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::net::UnixStream;

    #[test]
    fn poll_sees_a_readable_fd_and_times_out_on_a_quiet_one() {
        let (a, b) = UnixStream::pair().unwrap();
        let mut fds = [readable(&b)];
        assert_eq!(poll(&mut fds, Some(Duration::ZERO)).unwrap(), 0);
        std::io::Write::write_all(&mut &a, b"x").unwrap();
        let mut fds = [readable(&b)];
        assert_eq!(poll(&mut fds, Some(Duration::from_secs(5))).unwrap(), 1);
        assert!(is_readable(&fds[0]));
        let mut buf = [0u8; 4];
        assert_eq!(read(b.as_fd(), &mut buf).unwrap(), 1);
    }

    #[test]
    fn the_local_time_is_a_time_of_day() {
        let (h, m, s) = local_time(SystemTime::now()).unwrap();
        assert!(h < 24 && m < 60 && s < 61);
    }
}
