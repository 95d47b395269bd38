//! Keys → state, with no terminal: the reader's update function driven by
//! scripted keys (was tests/reader_keys.rs).

use crate::reader::panes::Focus;
use crate::reader::state::{App, Exit};
use crate::reader::update::update;
use crate::screen::action::Action;
use crate::screen::{keys::action_for, tables::READER};
use crate::testing::unit::{HARBOUR, Y2023, app, keys};

fn press(app: &mut App, script: &str) {
    for event in keys(script) {
        if let Some(action) = action_for(READER, &event, app.search.prompt.is_some()) {
            update(app, action);
        }
    }
}

fn title(app: &App) -> &str {
    &app.briefing().sections[app.section].title
}

#[test]
fn number_keys_jump_to_campaign_sections_only() {
    let mut a = app(Y2023, 120, 40);
    press(&mut a, "1");
    assert_eq!(title(&a), "“三大战役”攻坚战");
    press(&mut a, "2");
    assert_eq!(title(&a), "“四大创新”");
    press(&mut a, "3");
    assert_eq!(title(&a), "“四大工程”");
    press(&mut a, "4");
    assert_eq!(title(&a), "“四大工程”", "there is no fourth campaign");
    assert!(a.message.as_deref().unwrap_or_default().contains('4'));

    let mut h = app(HARBOUR, 80, 24);
    press(&mut h, "2");
    assert_eq!(title(&h), "“绿波通行”工程");
    press(&mut h, "3");
    assert_eq!(
        title(&h),
        "“绿波通行”工程",
        "the general section takes no number"
    );
}

#[test]
fn brackets_move_between_sections() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "]]]]]]]");
    assert_eq!(title(&a), "展望");
    press(&mut a, "[");
    assert_eq!(title(&a), "“四大工程”");
}

#[test]
fn braces_move_between_items_across_sections() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "}");
    assert_eq!(title(&a), "“三大战役”攻坚战");
    assert_eq!(a.current_item(), Some(0));
    press(&mut a, "}}");
    assert_eq!(a.current_item(), Some(2));
    press(&mut a, "}");
    assert_eq!(title(&a), "“四大创新”");
    assert_eq!(a.current_item(), Some(0));
    press(&mut a, "{");
    assert_eq!(title(&a), "“四大创新”");
    assert_eq!(a.scroll, 0);
    press(&mut a, "{");
    assert_eq!(title(&a), "“三大战役”攻坚战");
    assert_eq!(a.current_item(), Some(2));
}

#[test]
fn scrolling_stays_in_range() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "3");
    press(&mut a, "jj");
    assert_eq!(a.scroll, 2);
    press(&mut a, "k<Space>");
    assert_eq!(a.scroll, (1 + a.page()).min(a.max_scroll()));
    press(&mut a, "G");
    assert_eq!(a.scroll, a.max_scroll());
    press(&mut a, "G");
    assert_eq!(a.scroll, a.max_scroll(), "G stays in the section");
    press(&mut a, "g");
    assert_eq!(a.scroll, 0);
    press(&mut a, "g");
    assert_eq!(a.scroll, 0, "g stays in the section");
}

#[test]
fn reading_on_crosses_sections_both_ways() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "3G");
    let campaign = a.section;
    press(&mut a, "<Space>");
    assert_eq!(a.section, campaign + 1, "Space at the end reads on");
    assert_eq!(a.scroll, 0);
    press(&mut a, "k");
    assert_eq!(a.section, campaign, "k at the top goes back");
    assert_eq!(a.scroll, a.max_scroll(), "to the end of the section before");
    press(&mut a, "j");
    assert_eq!(a.section, campaign + 1);
    let last = a.briefing().sections.len() - 1;
    while a.section < last || a.scroll < a.max_scroll() {
        press(&mut a, "<PgDn>");
    }
    press(&mut a, "<Space>");
    assert_eq!((a.section, a.scroll), (last, a.max_scroll()));
    assert_eq!(a.message.as_deref(), Some("已到简报末尾"));
    press(&mut a, "g<PgUp>");
    assert_eq!(a.section, last - 1, "PgUp at the top goes back");
}

#[test]
fn tab_cycles_the_visible_panes() {
    let mut wide = app(Y2023, 120, 40);
    assert_eq!(wide.focus, Focus::Text);
    press(&mut wide, "<Tab>");
    assert_eq!(wide.focus, Focus::Indicators);
    press(&mut wide, "<Tab>");
    assert_eq!(wide.focus, Focus::Outline);
    let mut medium = app(Y2023, 80, 24);
    press(&mut medium, "<Tab><Tab>");
    assert_eq!(medium.focus, Focus::Text, "no outline pane at 80 columns");
}

#[test]
fn enter_in_the_outline_goes_there() {
    let mut a = app(Y2023, 120, 40);
    press(&mut a, "<BackTab>jjjjjj<Enter>");
    // 综述, 1, its three items, 2, and its first item.
    assert_eq!(title(&a), "“四大创新”");
    assert_eq!(a.current_item(), Some(0));
    assert_eq!(a.focus, Focus::Text);
}

#[test]
fn selecting_an_indicator_opens_its_detail_and_shows_its_cite() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "2<Tab>");
    for _ in 0..13 {
        press(&mut a, "j");
    }
    press(&mut a, "<Enter>");
    assert!(a.detail);
    let (_, ind) = a.indicators()[a.indicator];
    assert_eq!(ind.label, "市区交通整体拥堵指数");
    let (para, range) = a.cite_range().expect("cite found");
    let line = a.doc.line_of(para, range.start).unwrap();
    assert!(
        line >= a.scroll && line < a.scroll + a.page(),
        "cite scrolled into view"
    );
    press(&mut a, "<Esc>");
    assert!(!a.detail);
}

#[test]
fn search_finds_every_match_and_cycles() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "/枫桥<Enter>");
    assert_eq!(a.search.matches.len(), 6);
    assert_eq!(title(&a), "“四大创新”");
    let first = a.search.current;
    press(&mut a, "n");
    assert_ne!(a.search.current, first);
    press(&mut a, "N");
    assert_eq!(a.search.current, first);
    press(&mut a, "<Esc>");
    assert!(a.search.matches.is_empty());
    press(&mut a, "/不存在的词<Enter>");
    assert!(a.message.as_deref().unwrap().contains("未找到"));
}

#[test]
fn the_prompt_takes_pasted_text_and_keys_that_are_commands_elsewhere() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "/");
    update(&mut a, Action::Paste("枫\n桥\u{1b}".into()));
    press(&mut a, "q<BS>");
    assert_eq!(a.search.prompt.as_deref(), Some("枫 桥␛"));
    press(&mut a, "<Esc>");
    assert_eq!(a.search.prompt, None);
    assert_eq!(a.exit, None);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app(Y2023, 40, 20);
    press(&mut a, "?jj");
    assert_eq!(a.help, Some(2));
    assert_eq!(a.scroll, 0, "keys scroll the help, not the text");
    press(&mut a, "<Esc>");
    assert_eq!(a.help, None);
}

#[test]
fn q_and_ctrl_c_quit_and_p_presents_from_here() {
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "q");
    assert_eq!(a.exit, Some(Exit::Quit));
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "<C-c>");
    assert_eq!(a.exit, Some(Exit::Quit));
    let mut a = app(Y2023, 80, 24);
    press(&mut a, "2p");
    assert_eq!(a.exit, Some(Exit::Present(2)));
}

#[test]
fn a_resize_lays_out_again_at_once() {
    let mut a = app(Y2023, 120, 40);
    press(&mut a, "1");
    let wide = a.doc.width;
    a.resize(ratatui::layout::Rect::new(0, 0, 50, 20));
    assert!(a.doc.width < wide);
    assert!(
        a.doc
            .lines
            .iter()
            .all(|l| crate::layout::width::str_width(a.doc.text(l)) <= a.doc.width)
    );
}
