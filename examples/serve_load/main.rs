//! The load bench of `briefing serve` (run by `bench/serve_load`): a server
//! on 127.0.0.1, N concurrent sessions of russh's client, each a pty of
//! 80×24 running `open 2023`, then the same keys one at a time, each timed
//! from the key to the end of the frame it draws. Prints a Markdown table:
//! memory a session, key-to-frame latency, bytes a key (beside the local
//! figures of `bench/bandwidth.py` when given), the server's CPU while every
//! session is idle, and its memory after they all went.
//!
//!   serve_load --bin target/release/briefing --key KEYFILE --keys j,k,space,...
//!              [--sessions 200] [--think-ms 500] [--local local.json]

#[path = "../../tests/common/client.rs"]
mod client;
mod server;
mod table;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, watch};

use client::Term;
use server::Server;
use table::{Figures, print_table};

/// The phases the sessions go through together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    Open,
    Keys,
    Close,
}

/// What a session tells the bench.
enum Report {
    Ready,
    Keys(Vec<(Duration, usize)>),
    Closed { idle_bytes: usize },
    Failed(String),
}

struct Args {
    bin: PathBuf,
    key: PathBuf,
    sessions: usize,
    keys: Vec<String>,
    think_ms: u64,
    local: Option<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        bin: PathBuf::from("target/release/briefing"),
        key: PathBuf::new(),
        sessions: 200,
        keys: Vec::new(),
        think_ms: 500,
        local: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--bin" => a.bin = value.into(),
            "--key" => a.key = value.into(),
            "--sessions" => a.sessions = value.parse().expect("--sessions N"),
            "--keys" => a.keys = value.split(',').map(String::from).collect(),
            "--think-ms" => a.think_ms = value.parse().expect("--think-ms N"),
            "--local" => a.local = Some(value.into()),
            _ => panic!("unknown flag {flag}"),
        }
    }
    assert!(!a.keys.is_empty(), "--keys K,K,... is needed");
    a
}

/// The bytes a key name sends (the names of `bench/bandwidth.py`).
fn key_bytes(name: &str) -> Vec<u8> {
    match name {
        "space" => b" ".to_vec(),
        "enter" => b"\r".to_vec(),
        "esc" => b"\x1b".to_vec(),
        "up" => b"\x1b[A".to_vec(),
        "down" => b"\x1b[B".to_vec(),
        "right" => b"\x1b[C".to_vec(),
        "left" => b"\x1b[D".to_vec(),
        "pgdn" => b"\x1b[6~".to_vec(),
        "pgup" => b"\x1b[5~".to_vec(),
        "home" => b"\x1b[H".to_vec(),
        "end" => b"\x1b[F".to_vec(),
        "tab" => b"\t".to_vec(),
        other => other.as_bytes().to_vec(),
    }
}

/// A pause before key `k` of session `s`: spread over 0..2×think, the
/// same at every run.
fn think(think_ms: u64, s: usize, k: usize) -> Duration {
    if think_ms == 0 {
        return Duration::ZERO;
    }
    let spread = (s as u64 * 7919 + k as u64 * 104_729) % (2 * think_ms);
    Duration::from_millis(spread)
}

/// One reader: open, wait for the others, the keys, wait, leave.
async fn session(
    i: usize,
    port: u16,
    key: Arc<russh::keys::PrivateKey>,
    (keys, think_ms): (Arc<Vec<Vec<u8>>>, u64),
    mut phase: watch::Receiver<Phase>,
    tx: mpsc::UnboundedSender<Report>,
) {
    let run = async {
        let long = Duration::from_secs(60);
        let chacha = russh::cipher::CHACHA20_POLY1305;
        let mut term = Term::open(port, (key, chacha), (80, 24), Some("open 2023")).await?;
        term.frame(long).await?;
        term.drain(Duration::from_millis(300)).await;
        let _ = tx.send(Report::Ready);
        let _ = phase.wait_for(|p| *p >= Phase::Keys).await;
        let mut got = Vec::with_capacity(keys.len());
        for (k, bytes) in keys.iter().enumerate() {
            tokio::time::sleep(think(think_ms, i, k)).await;
            got.push(term.key(bytes, long).await?);
        }
        let _ = tx.send(Report::Keys(got));
        let _ = phase.wait_for(|p| *p >= Phase::Close).await;
        let idle_bytes = term.drain(Duration::from_millis(20)).await;
        term.close().await;
        let _ = tx.send(Report::Closed { idle_bytes });
        Ok::<(), String>(())
    };
    if let Err(e) = run.await {
        let _ = tx.send(Report::Failed(format!("session {i}: {e}")));
    }
}

/// Wait for `n` reports; the failures are counted and the first shown.
async fn gather(
    rx: &mut mpsc::UnboundedReceiver<Report>,
    n: usize,
    what: &str,
    failed: &mut usize,
) -> Vec<Report> {
    let mut got = Vec::new();
    let until = tokio::time::Instant::now() + Duration::from_secs(120);
    while got.len() + *failed < n {
        match tokio::time::timeout_at(until, rx.recv()).await {
            Ok(Some(Report::Failed(e))) => {
                if *failed == 0 {
                    eprintln!("{e}");
                }
                *failed += 1;
            }
            Ok(Some(r)) => got.push(r),
            Ok(None) | Err(_) => {
                eprintln!("{what}: {} of {n} in time", got.len());
                break;
            }
        }
    }
    got
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn mib(kib: i64) -> String {
    format!("{:.2} MiB", kib as f64 / 1024.0)
}

/// The local figures: bytes of each key in `bandwidth.py`'s JSON.
fn local_bytes(path: &std::path::Path) -> Vec<usize> {
    let text = std::fs::read_to_string(path).expect("the local figures");
    let json: serde_json::Value = serde_json::from_str(&text).expect("bandwidth.py's JSON");
    json["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| k["bytes"].as_u64().unwrap_or(0) as usize)
        .collect()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let a = args();
    let server = Server::start(&a.bin, &a.key);
    let key = client::key(&a.key);
    let keys: Arc<Vec<Vec<u8>>> = Arc::new(a.keys.iter().map(|k| key_bytes(k)).collect());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let base = server.rss_kib();
    let (phase_tx, phase) = watch::channel(Phase::Open);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let started = Instant::now();
    for i in 0..a.sessions {
        let k = (Arc::clone(&keys), a.think_ms);
        let job = session(
            i,
            server.port,
            Arc::clone(&key),
            k,
            phase.clone(),
            tx.clone(),
        );
        tokio::spawn(job);
    }
    drop(tx);
    let mut failed = 0;
    let ready = gather(&mut rx, a.sessions, "open", &mut failed).await.len();
    let opened_in = started.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let open_rss = server.rss_kib();
    let _ = phase_tx.send(Phase::Keys);
    let keyed = Instant::now();
    let results: Vec<Vec<(Duration, usize)>> = gather(&mut rx, ready, "keys", &mut failed)
        .await
        .into_iter()
        .filter_map(|r| match r {
            Report::Keys(k) => Some(k),
            _ => None,
        })
        .collect();
    let keys_in = keyed.elapsed();
    let keyed_rss = server.rss_kib();
    let cpu0 = server.cpu_ticks();
    tokio::time::sleep(Duration::from_secs(5)).await;
    let idle_ticks = server.cpu_ticks() - cpu0;
    let _ = phase_tx.send(Phase::Close);
    let closed = gather(&mut rx, results.len(), "close", &mut failed).await;
    let idle_bytes: usize = closed
        .iter()
        .map(|r| match r {
            Report::Closed { idle_bytes } => *idle_bytes,
            _ => 0,
        })
        .sum();
    let after = server.settled_rss(closed.len(), Duration::from_secs(10));
    let figures = Figures {
        sessions: a.sessions,
        ready,
        failed,
        base,
        open_rss,
        keyed_rss,
        after,
        hwm: server.hwm_kib(),
        idle_ticks,
        idle_bytes,
        opened_in,
        keys_in,
        think_ms: a.think_ms,
    };
    server.stop();
    let local = a.local.as_deref().map(local_bytes);
    print_table(&figures, &results, &a.keys, local.as_deref());
}
