//! A session's output: what the wire backend writes goes, a frame at a
//! time, to the task that sends it over the SSH channel as the client's
//! window allows. What waits is bounded: past `OUTPUT_MAX` bytes the
//! client is not reading, and the connection is closed.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use tokio::sync::{Notify, mpsc};

/// The most bytes a session may have waiting to be sent.
pub(super) const OUTPUT_MAX: usize = 1 << 20;

/// What the session thread hands to the sending task.
#[derive(Debug)]
pub(super) enum Out {
    Data(Vec<u8>),
    /// Text for the client's stderr (a refusal, a usage line).
    Err(Vec<u8>),
    /// The session is over, with this exit status.
    End(u32),
}

/// The counters the sending task and the log share with the writer.
#[derive(Debug, Default)]
pub(super) struct Meter {
    /// Bytes handed over and not yet sent.
    pub queued: AtomicUsize,
    /// Bytes sent in all.
    pub sent: AtomicU64,
    /// Set when the client stopped reading: the connection is to be closed.
    pub kill: Notify,
}

pub(super) struct Output {
    tx: mpsc::UnboundedSender<Out>,
    meter: Arc<Meter>,
    frame: Vec<u8>,
}

impl Output {
    pub(super) fn new(tx: mpsc::UnboundedSender<Out>, meter: Arc<Meter>) -> Output {
        Output {
            tx,
            meter,
            frame: Vec::new(),
        }
    }

    /// Hand `out` over, if the bound allows.
    pub(super) fn send(&mut self, out: Out) -> io::Result<()> {
        let n = match &out {
            Out::Data(b) | Out::Err(b) => b.len(),
            Out::End(_) => 0,
        };
        let before = self.meter.queued.fetch_add(n, Ordering::SeqCst);
        if before + n > OUTPUT_MAX {
            self.meter.kill.notify_one();
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the client is not reading",
            ));
        }
        self.tx
            .send(out)
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the connection is gone"))
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.frame.is_empty() {
            return Ok(());
        }
        let frame = std::mem::take(&mut self.frame);
        self.send(Out::Data(frame))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_that_does_not_read_is_cut_off_at_the_bound() {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let meter = Arc::new(Meter::default());
        let mut out = Output::new(tx, Arc::clone(&meter));
        let frame = vec![b'x'; 64 * 1024];
        let mut sent = 0;
        let err = loop {
            out.write_all(&frame).unwrap();
            match out.flush() {
                Ok(()) => sent += frame.len(),
                Err(e) => break e,
            }
            assert!(sent <= OUTPUT_MAX, "never more than the bound waits");
        };
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(sent, OUTPUT_MAX);
        let mut got = 0;
        while let Ok(Out::Data(b)) = rx.try_recv() {
            got += b.len();
        }
        assert_eq!(got, OUTPUT_MAX);
    }
}
