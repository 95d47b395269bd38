//! Reading the whole briefing with `Space` alone, as in `less`: the real
//! binary on a pseudo-terminal at 80×24 and 40×15.

mod common;

use std::time::{Duration, Instant};

use common::pty::Session;

const T: Duration = Duration::from_secs(10);

/// The sentences of every body of `path`, in reading order, without spaces.
fn sentences(path: &str) -> Vec<String> {
    let file: toml::Value = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut bodies = Vec::new();
    for s in file["section"].as_array().unwrap() {
        bodies.extend(s.get("body").and_then(|b| b.as_str()).map(String::from));
        for item in s
            .get("item")
            .and_then(|i| i.as_array())
            .into_iter()
            .flatten()
        {
            bodies.extend(item.get("body").and_then(|b| b.as_str()).map(String::from));
        }
    }
    let text: String = bodies.concat().split_whitespace().collect();
    text.split_inclusive(['。', '；', '！', '？'])
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The rows of the text pane: under the tab bar, above the indicators'
/// separator or the status line; the "more below" mark left out.
fn text_rows(s: &Session) -> Vec<String> {
    let screen = s.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let last = rows.len().saturating_sub(1);
    rows[1..last]
        .iter()
        .take_while(|r| !r.starts_with('─'))
        .map(|r| r.trim_end().trim_end_matches('↓').trim().to_string())
        .collect()
}

fn status(s: &Session) -> String {
    s.screen().lines().last().unwrap_or_default().to_string()
}

/// Add the rows of a screen to what was seen, without the rows it shares
/// with the end of it (the last page of a section overlaps the one before).
fn merge(seen: &mut Vec<String>, rows: Vec<String>) {
    let overlap = (1..=rows.len().min(seen.len()))
        .rev()
        .find(|&k| seen[seen.len() - k..] == rows[..k])
        .unwrap_or(0);
    seen.extend(rows.into_iter().skip(overlap));
}

fn read_through(cols: u16, rows: u16) {
    let mut s = Session::spawn(&["open", common::Y2023], cols, rows, &[]);
    s.wait_for("综述", T);
    s.settle(Duration::from_millis(50));
    let mut seen = text_rows(&s);
    let start = Instant::now();
    loop {
        let before = status(&s);
        s.send(b" ");
        while status(&s) == before {
            assert!(
                start.elapsed() < T * 6,
                "Space changed nothing:\n{}",
                s.screen()
            );
            s.settle(Duration::from_millis(20));
        }
        if status(&s).contains("已到简报末尾") {
            break;
        }
        merge(&mut seen, text_rows(&s));
    }
    // Space at the end does nothing but say so.
    let end = text_rows(&s);
    assert!(status(&s).contains("第 5/5 节 · 100%"), "{}", s.screen());
    let read: String = seen.concat().split_whitespace().collect();
    let mut at = 0;
    for sentence in sentences(common::Y2023) {
        match read[at..].find(&sentence) {
            Some(i) => at += i + sentence.len(),
            None => panic!(
                "at {cols}×{rows}, {sentence:?} never passed in order; read:\n{}",
                seen.join("\n")
            ),
        }
    }
    s.send(b" ");
    s.settle(Duration::from_millis(100));
    assert_eq!(text_rows(&s), end, "Space at the end moves nothing");
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
}

#[test]
fn space_reads_the_whole_briefing_at_80x24() {
    read_through(80, 24);
}

#[test]
fn space_reads_the_whole_briefing_at_40x15() {
    read_through(40, 15);
}
