//! The bench's report: a Markdown table of what was measured, each figure
//! beside its goal.

use std::time::Duration;

use super::{mib, percentile};

/// What the run measured (memory in KiB, CPU in clock ticks).
pub struct Figures {
    pub sessions: usize,
    pub ready: usize,
    pub failed: usize,
    pub base: i64,
    pub open_rss: i64,
    pub keyed_rss: i64,
    pub after: i64,
    pub hwm: i64,
    pub idle_ticks: i64,
    pub idle_bytes: usize,
    pub opened_in: Duration,
    pub keys_in: Duration,
    pub think_ms: u64,
}

fn row(what: &str, value: String, goal: &str) {
    println!("| {what} | {value} | {goal} |");
}

fn mark(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

fn memory(f: &Figures) {
    let n = f.ready.max(1) as i64;
    let per = (f.open_rss - f.base) / n;
    let per_keyed = (f.keyed_rss - f.base) / n;
    row("server RSS before any session", mib(f.base), "");
    row(
        &format!("server RSS with {} sessions open", f.ready),
        mib(f.open_rss),
        "",
    );
    row(
        "memory a session (first frame drawn)",
        mib(per),
        &format!("≤ 2 MiB: {}", mark(per <= 2048)),
    );
    row(
        "memory a session (after the keys)",
        mib(per_keyed),
        &format!("≤ 2 MiB: {}", mark(per_keyed <= 2048)),
    );
    row("server peak RSS (VmHWM)", mib(f.hwm), "");
    let grew = f.after - f.base;
    row(
        "server RSS after all closed",
        format!(
            "{} ({:+.2} MiB on the baseline)",
            mib(f.after),
            grew as f64 / 1024.0
        ),
        "back near the baseline",
    );
}

fn latency(f: &Figures, results: &[Vec<(Duration, usize)>]) {
    let mut ms: Vec<f64> = results
        .iter()
        .flatten()
        .map(|(d, _)| d.as_secs_f64() * 1000.0)
        .collect();
    ms.sort_by(f64::total_cmp);
    let keys = ms.len();
    let rate = keys as f64 / f.keys_in.as_secs_f64().max(1e-9);
    row(
        "keys sent (pause between keys)",
        format!(
            "{keys} in {:.1} s, {rate:.0} keys/s (0–{} ms, mean {} ms)",
            f.keys_in.as_secs_f64(),
            2 * f.think_ms,
            f.think_ms
        ),
        "",
    );
    let p99 = percentile(&ms, 0.99);
    row(
        "key to frame, p50",
        format!("{:.1} ms", percentile(&ms, 0.5)),
        "",
    );
    row(
        "key to frame, p90",
        format!("{:.1} ms", percentile(&ms, 0.9)),
        "",
    );
    row(
        "key to frame, p99",
        format!("{p99:.1} ms"),
        &format!("≤ 20 ms: {}", mark(p99 <= 20.0)),
    );
    row(
        "key to frame, worst",
        format!("{:.1} ms", ms.last().copied().unwrap_or(f64::NAN)),
        "",
    );
}

fn bandwidth(results: &[Vec<(Duration, usize)>], names: &[String], local: Option<&[usize]>) {
    let n = results.len().max(1);
    let per_key: Vec<f64> = (0..names.len())
        .map(|k| {
            results
                .iter()
                .filter_map(|r| r.get(k))
                .map(|(_, b)| *b as f64)
                .sum::<f64>()
                / n as f64
        })
        .collect();
    let remote: f64 = per_key.iter().sum::<f64>() / names.len().max(1) as f64;
    row(
        "bytes a key over SSH (mean of the keys)",
        format!("{remote:.0} B"),
        "",
    );
    let Some(local) = local else {
        return;
    };
    let local_mean =
        local.iter().take(names.len()).sum::<usize>() as f64 / names.len().max(1) as f64;
    let ratio = remote / local_mean;
    row(
        "bytes a key locally (bench/bandwidth.py, same keys)",
        format!("{local_mean:.0} B"),
        "",
    );
    row(
        "over SSH / locally",
        format!("{ratio:.3}×"),
        &format!("±10 %: {}", mark((ratio - 1.0).abs() <= 0.10)),
    );
    let differ: Vec<String> = per_key
        .iter()
        .zip(local)
        .zip(names)
        .filter(|((r, l), _)| (**r - **l as f64).abs() > 0.5)
        .map(|((r, l), name)| format!("{name}: {r:.0}/{l}"))
        .collect();
    row(
        "keys whose bytes differ (SSH/local)",
        if differ.is_empty() {
            "none".into()
        } else {
            differ.join(", ")
        },
        "",
    );
}

pub fn print_table(
    f: &Figures,
    results: &[Vec<(Duration, usize)>],
    names: &[String],
    local: Option<&[usize]>,
) {
    println!("| measure | value | goal |");
    println!("|---|---|---|");
    row(
        "sessions (pty 80×24, open 2023)",
        format!(
            "{} of {} open in {:.1} s, {} failed",
            f.ready,
            f.sessions,
            f.opened_in.as_secs_f64(),
            f.failed
        ),
        "",
    );
    memory(f);
    latency(f, results);
    bandwidth(results, names, local);
    row(
        "server CPU, all sessions idle 5 s",
        format!("{} clock ticks", f.idle_ticks),
        &format!("0: {}", mark(f.idle_ticks == 0)),
    );
    row("bytes sent while idle", format!("{} B", f.idle_bytes), "");
}
