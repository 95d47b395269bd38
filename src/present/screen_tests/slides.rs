//! Presentation mode: every slide of the 2023 briefing as a snapshot at 80×24
//! and 160×45, no slide losing text, and the keys. Was tests/slides.rs.

use std::path::Path;

use crate::present::slides::Body;
use crate::present::state::{PresentExit, Presenter};
use crate::screen::run::{Mode, Step};
use crate::testing::Slides;
use crate::testing::unit::{self as fixtures, HARBOUR, Y2023, draw, keys, presenter, press};

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn every_slide(width: u16, height: u16) -> String {
    let mut s = Slides::open(Path::new(Y2023), width, height);
    let mut out = String::new();
    for i in 0..s.len() {
        s.go_to(i);
        out.push_str(&format!("──── slide {} ────\n", i + 1));
        out.push_str(&s.screen());
    }
    out
}

#[test]
fn every_slide_at_80x24() {
    insta::assert_snapshot!(every_slide(80, 24));
}

#[test]
fn every_slide_at_160x45() {
    insta::assert_snapshot!(every_slide(160, 45));
}

/// Every paragraph of every section and item is on the screens of its slides.
fn no_text_lost(path: &str, width: u16, height: u16) {
    let b = presenter(path, width, height).briefing;
    let mut s = Slides::open(Path::new(path), width, height);
    // The text lines of the slides in order, each checked to be on its slide's screen.
    let mut text = String::new();
    let mut screens = String::new();
    for i in 0..s.len() {
        s.go_to(i);
        let screen = s.screen();
        for line in s.paragraph_lines() {
            assert!(
                screen.contains(line.as_str()),
                "slide {} at {width}×{height} cut {line:?}",
                i + 1,
            );
            text.push_str(&line);
        }
        screens.push_str(&squeeze(&screen));
    }
    let text = squeeze(&text);
    for s in &b.sections {
        assert!(
            screens.contains(&squeeze(&s.title)),
            "{width}×{height} lost the title {:?}",
            s.title
        );
        for para in s
            .body
            .iter()
            .chain(s.items.iter().flat_map(|i| i.body.iter()))
        {
            assert!(
                text.contains(&squeeze(para)),
                "{width}×{height} lost {para:?}"
            );
        }
        for item in &s.items {
            assert!(
                screens.contains(&squeeze(&item.title)),
                "{width}×{height} lost {:?}",
                item.title
            );
        }
    }
}

#[test]
fn no_slide_loses_text_at_any_reasonable_size() {
    for (w, h) in [(80, 24), (160, 45), (40, 20), (60, 10), (20, 8), (100, 30)] {
        no_text_lost(Y2023, w, h);
        no_text_lost(HARBOUR, w, h);
    }
}

#[test]
fn text_that_does_not_fit_continues_marked() {
    let p = presenter(Y2023, 40, 12);
    let cont: Vec<_> = p.slides.iter().filter(|s| s.page > 0).collect();
    assert!(!cont.is_empty());
    assert!(cont.iter().all(|s| s.shown_heading().ends_with("（续）")));
}

#[test]
fn the_deck_reads_in_order() {
    let p = presenter(Y2023, 80, 24);
    assert!(matches!(p.slides[0].body, Body::Title));
    assert!(matches!(p.slides.last().unwrap().body, Body::End));
    let mut overviews: Vec<usize> = p
        .slides
        .iter()
        .filter(|s| matches!(s.body, Body::Overview(_)) && s.page == 0)
        .filter_map(|s| s.section)
        .collect();
    assert_eq!(overviews, [1, 2, 3]);
    // Figures that do not fit on one overview continue on the next, in a row.
    overviews = p
        .slides
        .iter()
        .filter(|s| matches!(s.body, Body::Overview(_)))
        .filter_map(|s| s.section)
        .collect();
    overviews.dedup();
    assert_eq!(overviews, [1, 2, 3]);
    // Each campaign item has its own slide.
    let items = p
        .slides
        .iter()
        .filter(|s| s.item.is_some() && s.page == 0)
        .count();
    assert_eq!(items, 11);
}

#[test]
fn keys_move_jump_and_blank() {
    let mut p = presenter(Y2023, 80, 24);
    let n = p.slides.len();
    assert!(draw(&p, 80, 24).contains(&format!("1/{n}")));
    press(&mut p, "<Right>");
    assert!(draw(&p, 80, 24).contains(&format!("2/{n}")));
    press(&mut p, "l<Space><PgDn><Enter>h<PgUp><BS><Left>");
    assert_eq!(p.current, 1);
    press(&mut p, "<End>");
    assert!(draw(&p, 80, 24).contains(&format!("{n}/{n}")));
    press(&mut p, "<Right>");
    assert_eq!(p.current, n - 1, "stays on the last slide");
    press(&mut p, "2");
    assert!(draw(&p, 80, 24).contains("2  “四大创新”"));
    press(&mut p, "<Home>");
    assert_eq!(p.current, 0);
    press(&mut p, "G<Home>");
    assert_eq!(p.current, 0);
    press(&mut p, "jjnk<Down>p");
    assert_eq!(p.current, 2, "↓ ↑ j k n p turn too");
    press(&mut p, "g12<Enter>");
    assert_eq!(p.current, 11, "g N Enter goes to slide N");
    press(&mut p, ":3<Enter>");
    assert_eq!(p.current, 2, ": N Enter as well");
    press(&mut p, "g999<Enter>");
    assert_eq!(p.current, 2);
    assert!(draw(&p, 80, 24).contains(&format!("没有第 999 页（共 {n} 页）")));
    press(&mut p, "9");
    assert!(
        draw(&p, 80, 24).contains("没有第 9 个战役章节"),
        "a jump with nowhere to go says so"
    );
    press(&mut p, "<Home>b");
    assert_eq!(draw(&p, 80, 24).trim(), "", "a blank screen");
    press(&mut p, "<Space>");
    assert_eq!(p.current, 0, "the first turn only brings the slide back");
    assert!(!p.blank);
    press(&mut p, "b");
    press(&mut p, "b");
    assert!(draw(&p, 80, 24).contains(&format!("1/{n}")));
    press(&mut p, ".");
    assert!(p.blank);
    press(&mut p, ".");
    assert!(!p.blank);
}

#[test]
fn help_lists_every_key_and_q_quits() {
    let mut p = presenter(Y2023, 80, 24);
    press(&mut p, "?");
    let screen = draw(&p, 80, 24);
    for b in crate::screen::tables::PRESENT {
        let help = crate::testing::interface_string(b.help).unwrap();
        assert!(screen.contains(help), "{help} missing");
    }
    press(&mut p, "<Esc>");
    assert_eq!(p.help, None);
    let q = keys("q");
    assert_eq!(p.handle(&q[0]), Step::Exit(PresentExit::Quit));
}

#[test]
fn esc_returns_to_the_reader_at_the_slide_section_only_when_started_there() {
    let mut p: Presenter = presenter(Y2023, 80, 24).at_section(2);
    let esc = keys("<Esc>");
    assert_eq!(p.handle(&esc[0]), Step::Ignored);
    p.from_reader = true;
    press(&mut p, "<Right><Right>");
    assert_eq!(p.handle(&esc[0]), Step::Exit(PresentExit::Back(2)));
}

#[test]
fn a_resize_keeps_the_place() {
    let mut p = presenter(Y2023, 160, 45);
    press(&mut p, "3<Right><Right>");
    let before = p.slide().clone();
    p.resize(ratatui::layout::Rect::new(0, 0, 80, 24));
    assert_eq!(
        (p.slide().section, p.slide().item),
        (before.section, before.item)
    );
}

#[test]
fn notes_never_reach_the_audience() {
    let notes = "这里强调夜查成效";
    for (w, h) in [(80, 24), (160, 45), (40, 20)] {
        let mut p = presenter(HARBOUR, w, h);
        for i in 0..p.slides.len() {
            p.current = i;
            assert!(
                !squeeze(&draw(&p, w, h)).contains(notes),
                "slide {} at {w}×{h}",
                i + 1
            );
        }
    }
    for script in ["", "1", "1}", "1<Tab><Enter>", "1p"] {
        assert!(!squeeze(&fixtures::screen(HARBOUR, 120, 40, script)).contains(notes));
    }
}

#[test]
fn a_reload_keeps_the_slide_by_section_id_and_shows_errors_until_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h2.toml");
    let good = std::fs::read_to_string(HARBOUR).unwrap();
    // A general section written in before the campaigns: every index after it moves.
    let grown = good.replacen(
        "[[section]]\nid = \"safety\"",
        "[[section]]\nid = \"added\"\nkind = \"general\"\ntitle = \"新增一节\"\nbody = \"新写的一段。\"\n\n[[section]]\nid = \"safety\"",
        1,
    );
    std::fs::write(&path, &grown).unwrap();
    let read = || {
        crate::load::load(&path)
            .map(|l| vec![l.briefing])
            .map_err(|r| r.render())
    };
    let mut p = presenter(HARBOUR, 80, 24);
    press(&mut p, "2<Right>");
    let (section, item) = (p.slide().section, p.slide().item);
    let id = |p: &Presenter| p.briefing.sections[p.slide().section.unwrap()].id.clone();
    let before = id(&p);
    let heading = p.slide().heading.clone();

    p.reloaded(read());
    assert_eq!(id(&p), before, "the same section, by id");
    assert_eq!(p.slide().section, section.map(|s| s + 1));
    assert_eq!((p.slide().item, &p.slide().heading), (item, &heading));

    std::fs::write(
        &path,
        grown.replace("kind = \"general\"", "kind = \"generic\""),
    )
    .unwrap();
    p.reloaded(read());
    let screen = draw(&p, 80, 24);
    assert!(screen.contains("文件有错误"), "{screen}");
    assert!(screen.contains("h2.toml:"), "{screen}");
    assert!(!screen.contains(&heading), "{screen}");

    std::fs::write(&path, &good).unwrap();
    p.reloaded(read());
    assert_eq!((p.slide().section, p.slide().item), (section, item));
    let screen = draw(&p, 80, 24);
    assert!(
        !screen.contains("文件有错误") && screen.contains(&heading),
        "{screen}"
    );
}
