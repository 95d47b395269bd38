//! A ratatui backend for slow links. It keeps a model of what the terminal
//! shows and, for each frame, sends the least it can:
//!
//! - rows that moved (the text scrolled) are moved by the terminal itself,
//!   with a scroll region (DECSTBM) and SU/SD, inside left/right margins
//!   (DECSLRM) where the terminal has them and the block is narrower than the
//!   screen, whichever way sends the fewest bytes (`scroll`);
//! - the cursor is moved only where the next cell is not where the last one
//!   left it, counting wide characters as two columns;
//! - colours and attributes change by the shortest SGR sequence, and the
//!   blank end of a row is erased with EL rather than written as spaces;
//! - a frame is one write, wrapped in synchronized-update mode (DEC 2026), so
//!   a slow link never shows half a frame.
//!
//! It never asks the terminal anything (no cursor-position queries).

pub(crate) mod band;
pub(crate) mod margins;
mod plan;
mod scroll;
mod sgr;
pub(crate) mod shift;

use std::cell::Cell as Flag;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

use plan::RowPlan;
use sgr::{Pen, transition};

/// Where the size comes from: the terminal, a fixed one (tests), another thread's (serve).
#[derive(Debug, Clone)]
pub(crate) enum SizeSource {
    Terminal,
    #[cfg(test)]
    Fixed(Size),
    Shared(Arc<SharedSize>),
}

/// A size one thread sets (the server, on window-change) and another reads.
#[derive(Debug, Default)]
pub(crate) struct SharedSize(AtomicU32);

impl SharedSize {
    pub(crate) fn set(&self, width: u16, height: u16) {
        self.0.store(
            u32::from(width) << 16 | u32::from(height),
            Ordering::Relaxed,
        );
    }

    pub(crate) fn get(&self) -> Size {
        let v = self.0.load(Ordering::Relaxed);
        Size::new((v >> 16) as u16, (v & 0xffff) as u16)
    }
}

thread_local! {
    /// Whether this thread's terminal may do synchronized output: yes until it answers
    /// the query that it does not (one that never answers ignores the 16 bytes a frame).
    static TERMINAL_SYNCHRONIZES: Flag<bool> = const { Flag::new(true) };
}

/// What the terminal answered about DEC 2026.
pub(crate) fn set_terminal_synchronizes(yes: bool) {
    TERMINAL_SYNCHRONIZES.with(|c| c.set(yes));
}

/// The query whose answer `set_terminal_synchronizes` takes (DECRQM 2026).
pub(crate) const ASK_SYNCHRONIZED: &str = "\x1b[?2026$p";

pub(crate) struct WireBackend<W: Write> {
    out: W,
    /// This frame's bytes, written at `flush`.
    frame: Vec<u8>,
    size_source: SizeSource,
    width: usize,
    height: usize,
    /// What the terminal shows; `None` for cells whose content is unknown.
    screen: Vec<Option<Cell>>,
    cursor: Option<(usize, usize)>,
    pen: Option<Pen>,
    cursor_shown: Option<bool>,
    /// Wrap frames in DEC 2026 synchronized updates.
    pub synchronized: bool,
    /// Scroll blocks narrower than the screen inside left/right margins:
    /// `None` where the terminal said it can (`margins`), or fixed (tests).
    pub margins: Option<bool>,
    /// The `margins::epoch` in which this backend switched DECLRMM on.
    margins_on: Option<usize>,
}

pub(crate) fn symbol_width(cell: &Cell) -> usize {
    cell.symbol().width().max(1)
}

impl<W: Write> WireBackend<W> {
    pub(crate) fn new(out: W, size_source: SizeSource) -> WireBackend<W> {
        let mut b = WireBackend {
            out,
            frame: Vec::new(),
            size_source,
            width: 0,
            height: 0,
            screen: Vec::new(),
            cursor: None,
            pen: None,
            cursor_shown: None,
            synchronized: true,
            margins: None,
            margins_on: None,
        };
        if let Ok(size) = b.size() {
            b.reset_model(size, None);
        }
        b
    }

    pub(crate) fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// A fixed size has changed (tests): the next clear starts over at it.
    #[cfg(test)]
    pub(crate) fn set_fixed_size(&mut self, size: Size) {
        self.size_source = SizeSource::Fixed(size);
    }

    fn reset_model(&mut self, size: Size, fill: Option<Cell>) {
        self.width = usize::from(size.width);
        self.height = usize::from(size.height);
        self.screen = vec![fill; self.width * self.height];
        self.cursor = None;
    }

    fn emit(&mut self, s: &str) {
        self.frame.extend_from_slice(s.as_bytes());
    }

    fn set_pen(&mut self, pen: Pen) {
        let seq = transition(self.pen, pen);
        self.emit(&seq);
        self.pen = Some(pen);
    }

    /// Move the cursor to (x, y) by the shortest sequence.
    fn move_to(&mut self, x: usize, y: usize) {
        if self.cursor == Some((x, y)) {
            return;
        }
        let absolute = if x == 0 {
            format!("\x1b[{}H", y + 1)
        } else {
            format!("\x1b[{};{}H", y + 1, x + 1)
        };
        let relative = match self.cursor {
            Some((cx, cy)) if cy == y && x > cx => Some(format!("\x1b[{}C", x - cx)),
            Some((cx, cy)) if cy == y && x < cx => Some(format!("\x1b[{}G", x + 1)),
            Some((_, cy)) if y == cy + 1 && x == 0 => Some("\x1b[E".to_string()),
            _ => None,
        };
        let seq = match relative {
            Some(r) if r.len() < absolute.len() => r,
            _ => absolute,
        };
        self.emit(&seq);
        self.cursor = Some((x, y));
    }

    fn put(&mut self, x: usize, y: usize, cell: &Cell) {
        self.move_to(x, y);
        self.set_pen(Pen::of(cell));
        let symbol = match cell.symbol() {
            "" => " ",
            s => s,
        };
        self.emit(symbol);
        let nx = x + symbol_width(cell);
        // At the right margin the cursor's place depends on the terminal's wrap state.
        self.cursor = (nx < self.width).then_some((nx, y));
    }

    /// Whether the unchanged cells `x..to` of row `y` may be rewritten instead
    /// of moving over them, and are shorter to send than a cursor move.
    fn cheaper_to_rewrite(&self, next: &[Cell], x: usize, to: usize, y: usize) -> bool {
        let gap = to - x;
        if gap == 0 || gap > 4 || self.pen.is_none() {
            return false;
        }
        let row = y * self.width;
        (x..to).all(|i| {
            let c = &next[row + i];
            c.symbol().len() == 1
                && Some(Pen::of(c)) == self.pen
                && self.screen[row + i].as_ref() == Some(c)
        })
    }

    fn draw_row(&mut self, next: &[Cell], y: usize) {
        let row = y * self.width;
        let RowPlan {
            starts,
            dirty,
            tail,
            tail_dirty,
        } = plan::plan_row(&self.screen, self.width, next, y);
        // From the row above, CNL and a few unchanged blank cells are shorter than a CUP.
        if let Some(k) = dirty.iter().position(|&d| d)
            && let Some((_, cy)) = self.cursor
            && cy + 1 == y
            && starts[k] > 0
            && starts[k] <= 3
            && (0..starts[k]).all(|g| {
                next[row + g] == Cell::default()
                    && self.screen[row + g].as_ref() == Some(&next[row + g])
            })
            && self.pen == Some(Pen::DEFAULT)
        {
            self.emit("\x1b[E");
            self.emit(&" ".repeat(starts[k]));
            self.cursor = Some((starts[k], y));
        }
        let mut pending: Option<usize> = None;
        for (k, &x) in starts.iter().enumerate() {
            if x >= tail {
                break;
            }
            if !dirty[k] {
                continue;
            }
            if let (Some(from), Some((cx, cy))) = (pending, self.cursor)
                && cy == y
                && cx == from
                && self.cheaper_to_rewrite(next, from, x, y)
            {
                for g in from..x {
                    let cell = next[row + g].clone();
                    self.put(g, y, &cell);
                }
            }
            let cell = next[row + x].clone();
            self.put(x, y, &cell);
            pending = Some(x + symbol_width(&cell));
        }
        if tail_dirty {
            self.move_to(tail, y);
            self.set_pen(Pen::DEFAULT);
            self.emit("\x1b[K");
        }
    }

    fn draw_frame(&mut self, next: &[Cell]) {
        // Let the terminal move what moved, the cheapest way.
        self.scroll_cheapest(next);
        for y in 0..self.height {
            self.draw_row(next, y);
        }
        // Cells covered by a wide character are whatever ratatui says they are.
        self.screen = next.iter().cloned().map(Some).collect();
    }
}

impl<W: Write> Backend for WireBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut next: Vec<Cell> = self
            .screen
            .iter()
            .map(|c| c.clone().unwrap_or_default())
            .collect();
        for (x, y, cell) in content {
            let (x, y) = (usize::from(x), usize::from(y));
            if x >= self.width || y >= self.height {
                continue;
            }
            let i = y * self.width + x;
            next[i] = cell.clone();
            // The cells a wide character covers are blank in the frame.
            for k in 1..symbol_width(cell) {
                if x + k < self.width {
                    next[i + k] = Cell::default();
                }
            }
        }
        self.draw_frame(&next);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            self.emit("\x1b[?25l");
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            self.emit("\x1b[?25h");
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = self.cursor.unwrap_or((0, 0));
        Ok(Position::new(x as u16, y as u16))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.move_to(usize::from(p.x), usize::from(p.y));
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        match clear_type {
            ClearType::All => {
                let size = self.size()?;
                self.set_pen(Pen::DEFAULT);
                self.emit("\x1b[2J");
                let cursor = self.cursor;
                self.reset_model(size, Some(Cell::default()));
                self.cursor = cursor.filter(|&(x, y)| x < self.width && y < self.height);
            }
            other => {
                let seq = match other {
                    ClearType::AfterCursor => "\x1b[J",
                    ClearType::BeforeCursor => "\x1b[1J",
                    ClearType::CurrentLine => "\x1b[2K",
                    ClearType::UntilNewLine => "\x1b[K",
                    ClearType::All => unreachable!(),
                };
                self.set_pen(Pen::DEFAULT);
                self.emit(seq);
                // What exactly was erased depends on the cursor: forget the screen.
                self.screen.iter_mut().for_each(|c| *c = None);
            }
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.size_source {
            #[cfg(test)]
            SizeSource::Fixed(size) => {
                let (w, h) = crate::os::clamp_size(size.width, size.height);
                Ok(Size::new(w, h))
            }
            SizeSource::Shared(ref shared) => {
                let size = shared.get();
                let (w, h) = crate::os::clamp_size(size.width, size.height);
                Ok(Size::new(w, h))
            }
            SizeSource::Terminal => crate::os::terminal_size().map(|(w, h)| Size::new(w, h)),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = self.size()?;
        Ok(WindowSize {
            columns_rows: size,
            pixels: Size::new(0, 0),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.frame.is_empty() {
            return Ok(());
        }
        let mut bytes = Vec::with_capacity(self.frame.len() + 16);
        let synchronized = self.synchronized && TERMINAL_SYNCHRONIZES.with(Flag::get);
        if synchronized {
            bytes.extend_from_slice(b"\x1b[?2026h");
        }
        bytes.append(&mut self.frame);
        if synchronized {
            bytes.extend_from_slice(b"\x1b[?2026l");
        }
        self.out.write_all(&bytes)?;
        self.out.flush()
    }
}
