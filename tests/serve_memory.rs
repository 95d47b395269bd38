//! `briefing serve`'s memory under a storm, as the fault tests' last
//! promise has it: twenty sessions of russh's client at once, one pasting
//! 10 MB and the others sending a thousand window changes each, while a
//! quiet reader keeps reading;
//! the reader's keys stay answered, and once the storm's sessions are gone
//! the server's memory comes back near where it was.

#[path = "common/client.rs"]
mod client;
mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use client::Term;
use common::ssh::{Server, available};

const T: Duration = Duration::from_secs(60);
const STORM: usize = 20;
/// Of them, those that paste (each paste is 10 MB of input to read
/// through, slow in an unoptimised build).
const PASTES: usize = 1;
/// A key of the quiet reader slower than this is a hang. In a debug build
/// on 2 cores shared with other builds (load average 20), keys took up to
/// 3.4 s while two sessions pasted 10 MB each.
const HANG: Duration = Duration::from_secs(10);
/// Fast in an unoptimised build (ring's), unlike chacha20.
const GCM: russh::cipher::Name = russh::cipher::AES_256_GCM;

/// A 10 MB bracketed paste, 64 KiB a packet.
async fn paste(term: &Term) -> Result<(), String> {
    term.send(b"\x1b[200~").await?;
    let chunk = vec![b'x'; 64 * 1024];
    for _ in 0..(10 << 20) / chunk.len() {
        term.send(&chunk).await?;
    }
    term.send(b"\x1b[201~").await
}

/// A thousand window changes, as fast as they go.
async fn resizes(term: &Term) -> Result<(), String> {
    for i in 0..1000u16 {
        term.resize(40 + i % 80, 10 + i % 30).await?;
    }
    term.resize(80, 24).await
}

/// One storm session: open, its storm, read what it drew, leave.
async fn storm(port: u16, key: Arc<russh::keys::PrivateKey>, i: usize) -> Result<(), String> {
    let mut term = Term::open(port, (key, GCM), (80, 24), Some("open 2023")).await?;
    term.frame(T).await?;
    if i < PASTES {
        paste(&term).await?;
    } else {
        resizes(&term).await?;
    }
    term.drain(Duration::from_millis(500)).await;
    term.close().await;
    Ok(())
}

/// The quiet reader's worst key-to-frame time while `busy` runs.
async fn worst_key_while(
    reader: &mut Term,
    busy: tokio::task::JoinHandle<Vec<Result<(), String>>>,
) -> (Duration, Vec<Result<(), String>>) {
    let mut worst = Duration::ZERO;
    let mut keys = 0;
    while !busy.is_finished() || keys < 10 {
        let key: &[u8] = if keys % 2 == 0 { b"2" } else { b"1" };
        let (took, _) = reader.key(key, T).await.expect("the reader is answered");
        worst = worst.max(took);
        keys += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (worst, busy.await.expect("the storm ran"))
}

/// The server's most resident memory so far, KiB.
fn peak_kib(server: &Server) -> u64 {
    std::fs::read_to_string(format!("/proc/{}/status", server.child.id()))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[test]
fn memory_returns_to_the_baseline_after_a_storm() {
    if !available() {
        return;
    }
    let server = Server::start(&["--per-minute", "100"]);
    let key = client::key(&server.key("listed"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let port = server.port;
    runtime.block_on(async {
        let mut reader = Term::open(port, (Arc::clone(&key), GCM), (80, 24), Some("open 2023"))
            .await
            .unwrap();
        reader.frame(T).await.unwrap();
        tokio::time::sleep(Duration::from_secs(1)).await;
        let base = server.rss_kib();
        let jobs: Vec<_> = (0..STORM)
            .map(|i| tokio::spawn(storm(port, Arc::clone(&key), i)))
            .collect();
        let busy = tokio::spawn(async move {
            let mut done = Vec::new();
            for job in jobs {
                done.push(job.await.unwrap_or_else(|e| Err(e.to_string())));
            }
            done
        });
        let (worst, storms) = worst_key_while(&mut reader, busy).await;
        let failed: Vec<_> = storms.iter().filter_map(|r| r.as_ref().err()).collect();
        assert!(failed.is_empty(), "storm sessions failed: {failed:?}");
        assert!(
            worst < HANG,
            "a key of the quiet reader took {worst:?} during the storm"
        );
        let bound = base + (16 * 1024).max(base / 2);
        let start = Instant::now();
        let mut now = server.rss_kib();
        while now >= bound && start.elapsed() < Duration::from_secs(10) {
            tokio::time::sleep(Duration::from_millis(250)).await;
            now = server.rss_kib();
        }
        assert!(
            now < bound,
            "the server's memory was {base} KiB, at most {} KiB in the storm, {now} KiB after",
            peak_kib(&server)
        );
        let (took, _) = reader.key(b"3", T).await.expect("the reader still reads");
        assert!(took < HANG, "{took:?}");
        eprintln!(
            "server memory: {base} KiB before, at most {} KiB, {now} KiB after; \
             the quiet reader's slowest key {worst:?}",
            peak_kib(&server)
        );
        reader.close().await;
    });
    server.answers();
}
