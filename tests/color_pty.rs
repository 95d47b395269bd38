//! Colour: with NO_COLOR or `--color never` no colour is ever set; the screen
//! stays usable through bold, reverse and underline.

mod common;

use std::time::Duration;

use common::pty::Session;

const T: Duration = Duration::from_secs(10);

/// The SGR parameters of every `ESC [ … m` in `raw` that set a colour.
fn colours_set(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for part in text.split("\u{1b}[").skip(1) {
        let end = part
            .find(|c: char| ('@'..='~').contains(&c))
            .unwrap_or(part.len());
        if part[end..].starts_with('m') {
            let params: Vec<u32> = part[..end]
                .split(';')
                .filter_map(|p| p.parse().ok())
                .collect();
            let sets_colour = params
                .iter()
                .any(|&p| matches!(p, 30..=38 | 40..=48 | 58 | 90..=97 | 100..=107));
            if sets_colour {
                found.push(part[..end].to_string());
            }
        }
    }
    found
}

fn session_colours(args: &[&str], env: &[(&str, &str)]) -> (Vec<String>, Vec<u8>) {
    let mut s = Session::spawn(args, 100, 30, env);
    s.wait_for("坚持守正", T);
    s.send(b"2\t\r");
    s.wait_for("指标详情", T);
    s.send("/枫桥\r".as_bytes());
    s.wait_for("1/6 枫桥", T);
    s.send(b"?");
    s.wait_for("帮助", T);
    s.esc_closes("帮助 · 按键", T);
    s.send(b"p");
    s.wait_for("2  “四大创新”", T);
    s.send(b"q");
    assert_eq!(s.wait_exit(T), 0);
    (colours_set(&s.raw), s.raw)
}

#[test]
fn no_color_writes_no_colour() {
    let (colours, raw) = session_colours(&["open", "briefings/2023.toml"], &[("NO_COLOR", "1")]);
    assert!(colours.is_empty(), "colours set: {colours:?}");
    // Still usable: the focused pane, the current match and the status line are reversed.
    assert!(String::from_utf8_lossy(&raw).contains("\u{1b}[7m"));
}

#[test]
fn color_never_writes_no_colour() {
    let (colours, _) = session_colours(&["open", "--color", "never", "briefings/2023.toml"], &[]);
    assert!(colours.is_empty(), "colours set: {colours:?}");
}

#[test]
fn colour_is_256_not_truecolour_by_default() {
    let (colours, _) = session_colours(&["open", "briefings/2023.toml"], &[("COLORTERM", "")]);
    assert!(!colours.is_empty());
    assert!(
        colours
            .iter()
            .all(|c| !c.contains("38;2;") && !c.contains("48;2;")),
        "{colours:?}"
    );
}

#[test]
fn color_always_beats_no_color() {
    let (colours, _) = session_colours(
        &["open", "--color", "always", "briefings/2023.toml"],
        &[("NO_COLOR", "1")],
    );
    assert!(!colours.is_empty());
}

#[test]
fn the_config_sets_colour_and_a_flag_beats_it() {
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("briefing")).unwrap();
    std::fs::write(
        xdg.path().join("briefing/config.toml"),
        "color = \"never\"\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", xdg.path().to_str().unwrap())];
    let (colours, _) = session_colours(&["open", "briefings/2023.toml"], &env);
    assert!(colours.is_empty(), "the config's `never`: {colours:?}");
    let (colours, _) = session_colours(&["open", "--color", "always", "briefings/2023.toml"], &env);
    assert!(!colours.is_empty(), "the flag beats the config");
}
