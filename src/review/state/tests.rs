//! Unit tests of `state`.
use super::*;
use crate::import::emit::{File, Head, Indicator, Item, Section};

fn indicator(id: &str, good: Option<&'static str>) -> Indicator {
    Indicator {
        id: id.into(),
        label: format!("label {id}"),
        value: Some(3.0),
        good,
        cite: format!("cite {id}"),
        ..Indicator::default()
    }
}

fn file() -> File {
    File {
        schema: 1,
        briefing: Head {
            title: "t".into(),
            subtitle: None,
            organization: "o".into(),
            period: "2023".into(),
            source: "s".into(),
        },
        section: vec![Section {
            id: "s1".into(),
            kind: "campaign",
            title: "S".into(),
            body: vec!["before cite a after".into()],
            indicator: vec![indicator("a", Some("up"))],
            item: vec![Item {
                id: "s1-i1".into(),
                title: "I".into(),
                body: vec!["x cite b y".into()],
                indicator: vec![indicator("b", None), indicator("c", Some("down"))],
            }],
            ..Section::default()
        }],
    }
}

fn state() -> State {
    State::new(&file(), "out.toml".into())
}

#[test]
fn candidates_are_in_draft_order_with_their_paragraph() {
    let s = state();
    let ids: Vec<&str> = s
        .candidates
        .iter()
        .map(|c| c.indicator.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(s.candidates[0].paragraph, "before cite a after");
    assert_eq!(s.candidates[1].paragraph, "x cite b y");
    assert_eq!(s.candidates[1].place, ["S", "I"]);
    // No paragraph holds it: the cite stands alone.
    assert_eq!(s.candidates[2].paragraph, "cite c");
    assert!(s.candidates.iter().all(|c| c.keep));
}

#[test]
fn keep_and_drop_decide_and_move_on() {
    let mut s = state();
    assert_eq!(s.update(Action::Drop), Effect::Changed);
    assert!(!s.candidates[0].keep);
    assert_eq!(s.cursor, 1);
    assert_eq!(s.update(Action::Keep), Effect::Changed);
    assert_eq!(s.cursor, 2);
    // On the last one: dropping it changes it, keeping it again too, the
    // cursor stays.
    assert_eq!(s.update(Action::Drop), Effect::Changed);
    assert_eq!(s.cursor, 2);
    assert_eq!(s.update(Action::Keep), Effect::Changed);
    assert_eq!(s.update(Action::Keep), Effect::Unchanged);
    assert_eq!(s.kept(), 2);
}

#[test]
fn the_cursor_stays_in_bounds() {
    let mut s = state();
    assert_eq!(s.update(Action::Previous), Effect::Unchanged);
    assert_eq!(s.cursor, 0);
    for _ in 0..5 {
        s.update(Action::Next);
    }
    assert_eq!(s.cursor, 2);
    assert_eq!(s.update(Action::Next), Effect::Unchanged);
    let mut empty = State::new(
        &File {
            section: Vec::new(),
            ..file()
        },
        String::new(),
    );
    for a in [
        Action::Next,
        Action::Previous,
        Action::Keep,
        Action::Drop,
        Action::Edit,
        Action::FlipGood,
    ] {
        assert_eq!(empty.update(a), Effect::Unchanged);
    }
    assert!(empty.current().is_none());
}

#[test]
fn good_flips_up_down_unset() {
    let mut s = state();
    assert_eq!(s.candidates[0].good, Good::Up);
    s.update(Action::FlipGood);
    assert_eq!(s.candidates[0].good, Good::Down);
    s.update(Action::FlipGood);
    assert_eq!(s.candidates[0].good, Good::Unset);
    s.update(Action::FlipGood);
    assert_eq!(s.candidates[0].good, Good::Up);
}

#[test]
fn the_editor_types_deletes_accepts_and_cancels() {
    let mut s = state();
    s.update(Action::Edit);
    assert_eq!(s.overlay, Overlay::Edit("label a".into()));
    // Keys of the list do nothing while editing.
    assert_eq!(s.update(Action::Drop), Effect::Unchanged);
    for _ in 0.."label a".chars().count() {
        s.update(Action::Backspace);
    }
    assert_eq!(s.update(Action::Backspace), Effect::Unchanged);
    s.update(Action::Type("电诈\u{1b}[31m发案\n".into()));
    assert_eq!(s.overlay, Overlay::Edit("电诈[31m发案".into()));
    s.update(Action::Backspace);
    s.update(Action::Accept);
    assert_eq!(s.candidates[0].label, "电诈[31m发");
    assert_eq!(s.overlay, Overlay::None);
    // Esc leaves the label as it was; an empty label is not taken.
    s.update(Action::Edit);
    s.update(Action::Type("x".into()));
    s.update(Action::Cancel);
    assert_eq!(s.candidates[0].label, "电诈[31m发");
    s.update(Action::Edit);
    for _ in 0..10 {
        s.update(Action::Backspace);
    }
    s.update(Action::Accept);
    assert_eq!(s.candidates[0].label, "电诈[31m发");
    // The editor takes at most MAX_LABEL characters.
    s.update(Action::Edit);
    s.update(Action::Type("长".repeat(MAX_LABEL * 2)));
    let Overlay::Edit(text) = &s.overlay else {
        panic!("editing")
    };
    assert_eq!(text.chars().count(), MAX_LABEL);
}

#[test]
fn finishing_asks_and_esc_goes_back() {
    let mut s = state();
    s.update(Action::Finish);
    assert_eq!(s.overlay, Overlay::Confirm);
    assert_eq!(s.update(Action::Drop), Effect::Unchanged);
    s.update(Action::Cancel);
    assert_eq!(s.overlay, Overlay::None);
    s.update(Action::Finish);
    assert_eq!(s.update(Action::Accept), Effect::Done(Outcome::Write));
    assert_eq!(s.update(Action::Discard), Effect::Done(Outcome::Discard));
    s.overlay = Overlay::None;
    s.update(Action::Help);
    assert_eq!(s.overlay, Overlay::Help);
    assert_eq!(s.update(Action::Help), Effect::Changed);
    assert_eq!(s.overlay, Overlay::None);
}

#[test]
fn what_the_author_settled_leaves_the_review_list() {
    let unknown = |id: &str| crate::import::Review {
        line: 1,
        message: crate::i18n::subst(
            crate::i18n::t("imp.good_unknown"),
            &[id, &format!("label {id}")],
        ),
    };
    let other = crate::import::Review {
        line: 0,
        message: "something else".into(),
    };
    let mut review = vec![unknown("a"), unknown("b"), unknown("c"), other.clone()];
    let mut s = state();
    // As the importer leaves them: no `good` on any.
    for c in &mut s.candidates {
        c.good = Good::Unset;
    }
    s.update(Action::Next);
    s.update(Action::FlipGood); // b: set up
    s.update(Action::Next);
    s.update(Action::Drop); // c: dropped, good unset
    s.settle(&mut review);
    // a is still without `good`: its line stays.
    assert_eq!(review, vec![unknown("a"), other]);
}

#[test]
fn apply_removes_the_dropped_and_sets_the_decided() {
    let mut s = state();
    s.update(Action::Keep); // a
    s.update(Action::Drop); // b
    s.update(Action::FlipGood); // c: down → unset
    s.update(Action::Edit);
    s.update(Action::Type("!".into()));
    s.update(Action::Accept);
    let mut f = file();
    s.apply(&mut f);
    assert_eq!(f.section[0].indicator.len(), 1);
    let item = &f.section[0].item[0].indicator;
    assert_eq!(item.len(), 1);
    assert_eq!(item[0].id, "c");
    assert_eq!(item[0].label, "label c!");
    assert_eq!(item[0].good, None);
    assert_eq!(f.section[0].indicator[0].good, Some("up"));
}
