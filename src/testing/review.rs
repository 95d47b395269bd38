//! `briefing import --review` as a harness: the walk through a draft's
//! indicators, driven by keys with no terminal.

use std::path::Path;

use ratatui::buffer::Buffer;

use super::Outcome;
use super::{draw, keys, text};
use crate::screen::theme::Theme;

/// `briefing import --review`: the walk through a draft's indicators,
/// driven by keys with no terminal.
pub struct ImportReview {
    draft: crate::import::Draft,
    review: crate::review::Review,
}

impl ImportReview {
    /// The review of the draft imported from the fixture at `path`, to be
    /// written to `target`.
    pub fn of_file(path: &Path, target: &str) -> ImportReview {
        let draft = crate::import::import_file(path)
            .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()));
        ImportReview::of_draft(draft, target)
    }

    /// The review of the draft imported from `text` (plain text, as the file `name`).
    pub fn of_text(name: &str, text: &str, target: &str) -> ImportReview {
        let draft = crate::import::import_text(name, text, false)
            .unwrap_or_else(|e| panic!("{name} does not import: {e}"));
        ImportReview::of_draft(draft, target)
    }

    fn of_draft(draft: crate::import::Draft, target: &str) -> ImportReview {
        let review = crate::review::Review {
            state: crate::review::State::new(&draft.file, target.to_string()),
            theme: Theme::dark(),
        };
        ImportReview { draft, review }
    }

    /// Press the keys of `script`; how the review ended, if a key ended it.
    pub fn press(&mut self, script: &str) -> Option<Outcome> {
        let mut done = None;
        for event in keys(script) {
            if let crate::review::Effect::Done(outcome) = self.review.event(&event) {
                done = Some(outcome);
            }
        }
        done
    }

    /// How many indicators the draft offers for review.
    pub fn candidates(&self) -> usize {
        self.review.state.candidates.len()
    }

    /// The cite of the indicator under review: the source's words for it.
    pub fn current_cite(&self) -> String {
        let s = &self.review.state;
        s.candidates[s.cursor].indicator.cite.clone()
    }

    /// The draft as it would be written now (the author's decisions applied).
    pub fn written(&self) -> String {
        let mut file = self.draft.file.clone();
        self.review.state.apply(&mut file);
        crate::import::emit::to_toml(&file)
    }

    /// The screen at `width`×`height`, as text.
    pub fn screen(&self, width: u16, height: u16) -> String {
        text(&self.buffer(width, height))
    }

    /// The screen at `width`×`height`.
    fn buffer(&self, width: u16, height: u16) -> Buffer {
        draw(&self.review, width, height)
    }

    /// The text on the screen at `width`×`height` drawn as the current
    /// search match is (the highlighted cite), blanks dropped.
    pub fn highlighted(&self, width: u16, height: u16) -> String {
        let marked = self.review.theme.current_match.bg;
        let buffer = self.buffer(width, height);
        let mut out = String::new();
        for cell in buffer.content() {
            if marked.is_some_and(|bg| cell.bg == bg) {
                out.push_str(cell.symbol());
            }
        }
        out.replace(' ', "")
    }
}
