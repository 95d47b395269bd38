//! Choosing, frame by frame, how the terminal moves what moved: not at all,
//! by a full-width scroll region (the rows that moved span the screen, or
//! they do not and the side panes' rows are drawn again after), or inside
//! left/right margins where the terminal has them. Each way is tried on the
//! model of the screen and the one that sends the fewest bytes, the rows
//! drawn after it included, is taken.

use std::io::Write;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

use super::band::{self, Scroll};
use super::sgr::Pen;
use super::{WireBackend, margins, shift};

impl<W: Write> WireBackend<W> {
    /// The ways worth trying for going from `old` (the whole screen is
    /// known) to `next`.
    fn scroll_candidates(&self, old: &[Cell], next: &[Cell]) -> Vec<Scroll> {
        let (w, h) = (self.width, self.height);
        let mut out = Vec::new();
        if let Some(s) = shift::find(old, next, w, h) {
            out.push(Scroll::full(s, w));
        }
        if let Some(b) = band::find(old, next, w, h) {
            if !b.is_full_width(w)
                && self.margins.unwrap_or_else(margins::terminal_margins)
                && band::clean_edges(old, w, b)
            {
                out.push(b);
            }
            out.push(b.widened(w));
        }
        out.dedup();
        out
    }

    /// Send `s` and move the model as the terminal moves the screen.
    fn send_scroll(&mut self, s: Scroll, real: bool) {
        // The rows uncovered take the pen's background (BCE): the default one.
        if self
            .pen
            .is_none_or(|p| p.bg != Color::Reset || p.modifier.contains(Modifier::REVERSED))
        {
            self.set_pen(Pen::DEFAULT);
        }
        let on = self.margins_on == Some(margins::epoch());
        let seq = margins::scroll_sequence(s, self.width, on);
        if real && !on && !s.is_full_width(self.width) {
            margins::switched_on();
            self.margins_on = Some(margins::epoch());
        }
        self.emit(&seq);
        self.cursor = Some((0, 0));
        let mut moved: Vec<Cell> = self
            .screen
            .iter()
            .map(|c| c.clone().unwrap_or_default())
            .collect();
        band::apply(&mut moved, self.width, s);
        self.screen = moved.into_iter().map(Some).collect();
    }

    /// The bytes a frame costs with `s` (or no scroll) first; the backend is
    /// left as it was.
    fn frame_cost(&mut self, next: &[Cell], s: Option<Scroll>) -> usize {
        let (screen, cursor, pen, len) =
            (self.screen.clone(), self.cursor, self.pen, self.frame.len());
        if let Some(s) = s {
            self.send_scroll(s, false);
        }
        for y in 0..self.height {
            self.draw_row(next, y);
        }
        let cost = self.frame.len() - len;
        self.frame.truncate(len);
        (self.screen, self.cursor, self.pen) = (screen, cursor, pen);
        cost
    }

    /// Move what moved the cheapest way, if moving saves anything.
    pub(super) fn scroll_cheapest(&mut self, next: &[Cell]) {
        let Some(old) = self.screen.iter().cloned().collect::<Option<Vec<Cell>>>() else {
            return;
        };
        let candidates = self.scroll_candidates(&old, next);
        if candidates.is_empty() {
            return;
        }
        let mut best = (self.frame_cost(next, None), None);
        for s in candidates {
            let cost = self.frame_cost(next, Some(s));
            if cost < best.0 {
                best = (cost, Some(s));
            }
        }
        if let Some(s) = best.1 {
            self.send_scroll(s, true);
        }
    }
}
