//! The review's state and its update: the candidate indicators of a draft,
//! a decision for each (keep or drop, the label, `good`), a cursor, and what
//! an action does to them. No terminal here.

use super::super::emit::{File, Indicator};

/// The direction that is an improvement, as the author decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Good {
    Up,
    Down,
    Unset,
}

impl Good {
    fn of(good: Option<&'static str>) -> Good {
        match good {
            Some("up") => Good::Up,
            Some("down") => Good::Down,
            _ => Good::Unset,
        }
    }

    pub fn as_toml(self) -> Option<&'static str> {
        match self {
            Good::Up => Some("up"),
            Good::Down => Some("down"),
            Good::Unset => None,
        }
    }

    /// up → down → none → up.
    fn flipped(self) -> Good {
        match self {
            Good::Up => Good::Down,
            Good::Down => Good::Unset,
            Good::Unset => Good::Up,
        }
    }
}

/// One candidate indicator and the author's decision on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Where it is in the draft: section, item (if any), index.
    pub section: usize,
    pub item: Option<usize>,
    pub index: usize,
    /// The section's title, and the item's.
    pub place: Vec<String>,
    /// The paragraph the cite is in (the cite itself when none holds it).
    pub paragraph: String,
    pub indicator: Indicator,
    pub keep: bool,
    pub label: String,
    pub good: Good,
}

/// What is over the list, if anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    Help,
    /// Finishing: the author is asked to write or go back.
    Confirm,
    /// The label being edited (the text so far).
    Edit(String),
}

/// What the author can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Keep,
    Drop,
    Edit,
    FlipGood,
    Next,
    Previous,
    Help,
    Finish,
    /// In the editor: text typed or pasted.
    Type(String),
    Backspace,
    /// Enter: accept the edit, or write when finishing.
    Accept,
    /// Esc: leave the editor, the help, or the question.
    Cancel,
    /// Finishing: leave without writing.
    Discard,
}

/// How the review ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Write,
    Discard,
}

/// What an action came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Unchanged,
    Changed,
    Done(Outcome),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub candidates: Vec<Candidate>,
    pub cursor: usize,
    pub overlay: Overlay,
    /// Where the draft will be written (shown when finishing).
    pub target: String,
}

/// The longest label the editor takes, in characters.
pub const MAX_LABEL: usize = 200;

impl State {
    /// The candidates of `file`, in the order of the draft, all kept.
    pub fn new(file: &File, target: String) -> State {
        let mut candidates = Vec::new();
        for (s, section) in file.section.iter().enumerate() {
            let mut push =
                |item: Option<usize>, index: usize, ind: &Indicator, place, body: &[String]| {
                    candidates.push(Candidate {
                        section: s,
                        item,
                        index,
                        place,
                        paragraph: paragraph_of(&ind.cite, body),
                        indicator: ind.clone(),
                        keep: true,
                        label: ind.label.clone(),
                        good: Good::of(ind.good),
                    });
                };
            for (i, ind) in section.indicator.iter().enumerate() {
                push(None, i, ind, vec![section.title.clone()], &section.body);
            }
            for (n, item) in section.item.iter().enumerate() {
                for (i, ind) in item.indicator.iter().enumerate() {
                    let place = vec![section.title.clone(), item.title.clone()];
                    let body: Vec<String> =
                        item.body.iter().chain(&section.body).cloned().collect();
                    push(Some(n), i, ind, place, &body);
                }
            }
        }
        State {
            candidates,
            cursor: 0,
            overlay: Overlay::None,
            target,
        }
    }

    pub fn current(&self) -> Option<&Candidate> {
        self.candidates.get(self.cursor)
    }

    pub fn kept(&self) -> usize {
        self.candidates.iter().filter(|c| c.keep).count()
    }

    fn step(&mut self, forward: bool) -> Effect {
        let last = self.candidates.len().saturating_sub(1);
        let to = if forward {
            (self.cursor + 1).min(last)
        } else {
            self.cursor.saturating_sub(1)
        };
        if to == self.cursor {
            return Effect::Unchanged;
        }
        self.cursor = to;
        Effect::Changed
    }

    /// Set the current candidate's keep, then move on.
    fn decide(&mut self, keep: bool) -> Effect {
        let Some(c) = self.candidates.get_mut(self.cursor) else {
            return Effect::Unchanged;
        };
        let changed = c.keep != keep;
        c.keep = keep;
        if self.step(true) == Effect::Changed || changed {
            Effect::Changed
        } else {
            Effect::Unchanged
        }
    }

    /// Apply `action`.
    pub fn update(&mut self, action: Action) -> Effect {
        match (&mut self.overlay, action) {
            (Overlay::Edit(text), Action::Type(s)) => {
                let room = MAX_LABEL.saturating_sub(text.chars().count());
                let clean: String = s
                    .chars()
                    .filter(|&c| !crate::sanitize::is_hazard(c))
                    .take(room)
                    .collect();
                if clean.is_empty() {
                    return Effect::Unchanged;
                }
                text.push_str(&clean);
                Effect::Changed
            }
            (Overlay::Edit(text), Action::Backspace) => {
                if text.pop().is_some() {
                    Effect::Changed
                } else {
                    Effect::Unchanged
                }
            }
            (Overlay::Edit(text), Action::Accept) => {
                let label = text.trim().to_string();
                if let (false, Some(c)) = (label.is_empty(), self.candidates.get_mut(self.cursor)) {
                    c.label = label;
                }
                self.overlay = Overlay::None;
                Effect::Changed
            }
            (Overlay::Edit(_), Action::Cancel) => {
                self.overlay = Overlay::None;
                Effect::Changed
            }
            (Overlay::Edit(_), _) => Effect::Unchanged,
            (Overlay::Confirm, Action::Accept) => Effect::Done(Outcome::Write),
            (Overlay::Confirm, Action::Discard) => Effect::Done(Outcome::Discard),
            (Overlay::Confirm, Action::Cancel) => {
                self.overlay = Overlay::None;
                Effect::Changed
            }
            (Overlay::Confirm, _) => Effect::Unchanged,
            (Overlay::Help, Action::Cancel | Action::Help) => {
                self.overlay = Overlay::None;
                Effect::Changed
            }
            (Overlay::Help, Action::Finish) => {
                self.overlay = Overlay::Confirm;
                Effect::Changed
            }
            (Overlay::Help, _) => Effect::Unchanged,
            (Overlay::None, action) => self.list(action),
        }
    }

    fn list(&mut self, action: Action) -> Effect {
        match action {
            Action::Keep => self.decide(true),
            Action::Drop => self.decide(false),
            Action::Next => self.step(true),
            Action::Previous => self.step(false),
            Action::Edit => match self.current() {
                Some(c) => {
                    self.overlay = Overlay::Edit(c.label.clone());
                    Effect::Changed
                }
                None => Effect::Unchanged,
            },
            Action::FlipGood => match self.candidates.get_mut(self.cursor) {
                Some(c) => {
                    c.good = c.good.flipped();
                    Effect::Changed
                }
                None => Effect::Unchanged,
            },
            Action::Help => {
                self.overlay = Overlay::Help;
                Effect::Changed
            }
            Action::Finish => {
                self.overlay = Overlay::Confirm;
                Effect::Changed
            }
            _ => Effect::Unchanged,
        }
    }

    /// `file` with the decisions applied: dropped indicators removed, labels
    /// and `good` as decided.
    pub fn apply(&self, file: &mut File) {
        // From the last so that removing one leaves the earlier indices true.
        for c in self.candidates.iter().rev() {
            let Some(section) = file.section.get_mut(c.section) else {
                continue;
            };
            let list = match c.item {
                Some(n) => match section.item.get_mut(n) {
                    Some(item) => &mut item.indicator,
                    None => continue,
                },
                None => &mut section.indicator,
            };
            if c.index >= list.len() {
                continue;
            }
            if c.keep {
                list[c.index].label = c.label.clone();
                list[c.index].good = c.good.as_toml();
            } else {
                list.remove(c.index);
            }
        }
    }
}

impl State {
    /// Take out of `review` what the author has settled: the unknown `good`
    /// of an indicator dropped or given a direction.
    pub fn settle(&self, review: &mut Vec<super::super::Review>) {
        let settled: Vec<String> = self
            .candidates
            .iter()
            .filter(|c| !c.keep || c.good != Good::Unset)
            .map(|c| {
                crate::i18n::subst(
                    crate::i18n::t("imp.good_unknown"),
                    &[&c.indicator.id, &c.indicator.label],
                )
            })
            .collect();
        review.retain(|r| !settled.contains(&r.message));
    }
}

/// The paragraph of `body` that holds `cite`, else the cite.
fn paragraph_of(cite: &str, body: &[String]) -> String {
    body.iter()
        .find(|p| p.contains(cite))
        .cloned()
        .unwrap_or_else(|| cite.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::super::emit::{File, Head, Indicator, Item, Section};
    use super::*;

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
        let unknown = |id: &str| super::super::super::Review {
            line: 1,
            message: crate::i18n::subst(
                crate::i18n::t("imp.good_unknown"),
                &[id, &format!("label {id}")],
            ),
        };
        let other = super::super::super::Review {
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
}
