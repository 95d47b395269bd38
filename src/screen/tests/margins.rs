//! A terminal emulator for tests that has left/right margins: the vt100
//! crate, which lacks DECLRMM (mode 69) and DECSLRM, with those two and
//! SU/SD inside margins modelled here on top of it, as xterm does them:
//!
//! - `CSI ? 69 h` / `l` switch the mode; while it is on, `CSI l ; r s` sets
//!   the left and right margins (`CSI s`: the whole width) and homes the
//!   cursor; while it is off `CSI s` is vt100's own (save cursor);
//! - `CSI t ; b r` (DECSTBM) goes to vt100, and is remembered here;
//! - `CSI n S` / `CSI n T` inside margins narrower than the screen move the
//!   block of rows `t..=b`, columns `l..=r` by n rows and blank the rows
//!   uncovered (default colours); the cursor stays. The block is moved by
//!   reading vt100's cells and writing them back at their new places.
//!
//! Everything else goes to vt100 unchanged. (Was tests/common/margins.rs.)

use std::num::NonZero;

pub(super) struct Emulator {
    pub(super) vt: vt100::Parser,
    mode: bool,
    /// Left and right margins, 0-based, inclusive.
    lr: Option<(u16, u16)>,
    /// Top and bottom margins, 0-based, inclusive.
    tb: Option<(u16, u16)>,
}

fn color(c: vt100::Color, base: u8) -> String {
    match c {
        vt100::Color::Default => String::new(),
        vt100::Color::Idx(i) if i < 8 => format!(";{}", base + i),
        vt100::Color::Idx(i) if i < 16 => format!(";{}", base + 60 + i - 8),
        vt100::Color::Idx(i) => format!(";{};5;{i}", base + 8),
        vt100::Color::Rgb(r, g, b) => format!(";{};2;{r};{g};{b}", base + 8),
    }
}

/// The SGR sequence and text that draw `cell` as it is.
fn draw(cell: &vt100::Cell) -> String {
    let mut sgr = String::from("\x1b[0");
    for (on, code) in [
        (cell.bold(), ";1"),
        (cell.dim(), ";2"),
        (cell.italic(), ";3"),
        (cell.underline(), ";4"),
        (cell.inverse(), ";7"),
    ] {
        if on {
            sgr.push_str(code);
        }
    }
    sgr.push_str(&color(cell.fgcolor(), 30));
    sgr.push_str(&color(cell.bgcolor(), 40));
    let text = if cell.has_contents() {
        cell.contents()
    } else {
        " "
    };
    format!("{sgr}m{text}")
}

impl Emulator {
    pub(super) fn new(rows: u16, cols: u16) -> Emulator {
        Emulator {
            vt: vt100::Parser::new(NonZero::new(rows).unwrap(), NonZero::new(cols).unwrap(), 0),
            mode: false,
            lr: None,
            tb: None,
        }
    }

    pub(super) fn screen(&self) -> &vt100::Screen {
        self.vt.screen()
    }

    pub(super) fn set_size(&mut self, rows: u16, cols: u16) {
        self.vt
            .screen_mut()
            .set_size(NonZero::new(rows).unwrap(), NonZero::new(cols).unwrap());
        (self.lr, self.tb) = (None, None);
    }

    /// Play `bytes` (whole escape sequences).
    pub(super) fn process(&mut self, bytes: &[u8]) {
        let mut plain = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i..].starts_with(b"\x1b[") {
                i += 1;
                continue;
            }
            let end = i
                + 2
                + bytes[i + 2..]
                    .iter()
                    .position(|b| (0x40..=0x7e).contains(b))
                    .expect("a whole CSI sequence");
            let params = std::str::from_utf8(&bytes[i + 2..end]).unwrap();
            // Parameters, 0 where left out (their default).
            let numbers: Vec<u16> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
            let (rows, cols) = self.vt.screen().size();
            // A pair of margins, 0-based: a left-out first is 1, a left-out last the edge.
            let pair = |edge: u16| match numbers[..] {
                [a, b] if a.max(1) < if b == 0 { edge } else { b } && b <= edge => {
                    Some((a.max(1) - 1, if b == 0 { edge } else { b } - 1))
                }
                _ => None,
            };
            let ours = match (bytes[end], params) {
                (b'h', "?69") => {
                    self.mode = true;
                    true
                }
                (b'l', "?69") => {
                    (self.mode, self.lr) = (false, None);
                    true
                }
                (b's', _) if self.mode => {
                    self.lr = pair(cols.get());
                    // DECSLRM homes the cursor.
                    self.vt.process(&bytes[plain..i]);
                    self.vt.process(b"\x1b[H");
                    plain = end + 1;
                    false
                }
                (b'r', _) => {
                    self.tb = pair(rows.get());
                    false
                }
                (b'S' | b'T', _) if self.narrow() => {
                    self.vt.process(&bytes[plain..i]);
                    let n = numbers[0].max(1);
                    self.scroll_block(n, bytes[end] == b'S');
                    plain = end + 1;
                    false
                }
                _ => false,
            };
            if ours {
                self.vt.process(&bytes[plain..i]);
                plain = end + 1;
            }
            i = end + 1;
        }
        self.vt.process(&bytes[plain..]);
    }

    /// Whether margins narrower than the screen are set.
    fn narrow(&self) -> bool {
        let (_, cols) = self.vt.screen().size();
        self.lr.is_some_and(|(l, r)| l > 0 || r + 1 < cols.get())
    }

    fn scroll_block(&mut self, n: u16, up: bool) {
        let (rows, _) = self.vt.screen().size();
        let (left, right) = self.lr.unwrap();
        let (top, bottom) = self.tb.unwrap_or((0, rows.get() - 1));
        let screen = self.vt.screen();
        // What each row of the block shows after the move: a row's cells, or blanks.
        let mut out = String::from("\x1b7");
        for r in top..=bottom {
            let from = if up {
                r.checked_add(n).filter(|&f| f <= bottom)
            } else {
                r.checked_sub(n).filter(|&f| f >= top)
            };
            out.push_str(&format!("\x1b[{};{}H", r + 1, left + 1));
            match from {
                Some(f) => {
                    let cut = |c: u16| screen.cell(f, c).unwrap();
                    assert!(
                        !cut(left).is_wide_continuation() && !cut(right).is_wide(),
                        "row {f}: a wide character across the margins"
                    );
                    for c in left..=right {
                        let cell = screen.cell(f, c).unwrap();
                        if cell.is_wide_continuation() {
                            continue;
                        }
                        out.push_str(&draw(cell));
                    }
                }
                None => {
                    out.push_str("\x1b[0m");
                    out.push_str(&" ".repeat(usize::from(right - left + 1)));
                }
            }
        }
        out.push_str("\x1b8");
        self.vt.process(out.as_bytes());
    }
}
