//! The review's state and its update: the candidate indicators of a draft,
//! a decision for each (keep or drop, the label, `good`), a cursor, and what
//! an action does to them. No terminal here.

use crate::import::emit::{File, Indicator};

/// The direction that is an improvement, as the author decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Good {
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

    pub(crate) fn as_toml(self) -> Option<&'static str> {
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
pub(crate) struct Candidate {
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
pub(crate) enum Overlay {
    None,
    Help,
    /// Finishing: the author is asked to write or go back.
    Confirm,
    /// The label being edited (the text so far).
    Edit(String),
}

/// What the author can do.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
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
pub(crate) enum Effect {
    Unchanged,
    Changed,
    Done(Outcome),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct State {
    pub candidates: Vec<Candidate>,
    pub cursor: usize,
    pub overlay: Overlay,
    /// Where the draft will be written (shown when finishing).
    pub target: String,
}

/// The longest label the editor takes, in characters.
pub(super) const MAX_LABEL: usize = 200;

impl State {
    /// The candidates of `file`, in the order of the draft, all kept.
    pub(crate) fn new(file: &File, target: String) -> State {
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

    pub(crate) fn current(&self) -> Option<&Candidate> {
        self.candidates.get(self.cursor)
    }

    pub(crate) fn kept(&self) -> usize {
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
    pub(crate) fn update(&mut self, action: Action) -> Effect {
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
    pub(crate) fn apply(&self, file: &mut File) {
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
    pub(crate) fn settle(&self, review: &mut Vec<crate::import::Review>) {
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
mod tests;
