//! `briefing print`: the whole briefing as plain text wrapped to a width.
//! Paragraph lines hold only text (and an indent), so the text reads back.
//! It is written a section at a time: the laid-out text of the whole
//! briefing never exists at once (a 7 MB body is not held twice over).

use std::io::Write;

use crate::i18n::{subst, t as tr};
use crate::layout::{pad_right, width::str_width, wrap_lines};
use crate::model::{Briefing, Indicator, Item, Section};
use crate::render::{Figure, Numbering, details, item_heading, section_heading, title_block};

struct Out<'a> {
    /// Where the text goes, and the first error in writing it (nothing is
    /// written after one).
    sink: &'a mut dyn Write,
    error: Option<std::io::Error>,
    /// The text laid out and not yet written (at most about [`CHUNK`]).
    text: String,
    /// Whether any text was written before `text`.
    written: bool,
    width: usize,
    /// The briefings of the same organisation, for series across periods.
    group: &'a [Briefing],
    /// Whether the speaker notes are printed.
    notes: bool,
}

/// How much laid-out text is gathered before it is written.
const CHUNK: usize = 64 * 1024;

impl Out<'_> {
    /// Wrap `text` at `indent` columns in, and write it.
    fn para(&mut self, text: &str, indent: usize) {
        let indent = if self.width > indent + 8 { indent } else { 0 };
        let pad = " ".repeat(indent);
        for line in wrap_lines(text, self.width - indent) {
            self.text.push_str(&pad);
            self.text.push_str(line);
            self.text.push('\n');
            if self.text.len() >= CHUNK {
                self.flush();
            }
        }
    }

    /// Speaker notes, marked as such, when they are asked for.
    fn notes(&mut self, notes: &[String], indent: usize) {
        if !self.notes {
            return;
        }
        for (i, p) in notes.iter().enumerate() {
            self.blank();
            let marked = if i == 0 {
                subst(tr("notes_mark"), &[p])
            } else {
                p.clone()
            };
            self.para(&marked, indent);
        }
    }

    fn blank(&mut self) {
        let at_start = self.text.is_empty() && !self.written;
        if !at_start && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// Write what was laid out, keeping its line breaks at the end (up to
    /// two) for `blank` to see.
    fn flush(&mut self) {
        let keep = self.text.len() - self.text.trim_end_matches('\n').len();
        let cut = self.text.len() - keep.min(2);
        if cut > 0 && self.error.is_none() {
            if let Err(e) = self.sink.write_all(&self.text.as_bytes()[..cut]) {
                self.error = Some(e);
            }
            self.written = true;
        }
        self.text.replace_range(..cut, "");
    }
}

/// The briefing as text at `width` columns (at least 1); `group` holds the
/// other loaded briefings of its organisation (their values join the series).
/// Speaker notes are printed only with `notes`.
pub(crate) fn render(b: &Briefing, group: &[Briefing], width: usize, notes: bool) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(&mut bytes, b, group, width, notes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`render`], written to `w` a section at a time.
pub(crate) fn write(
    w: &mut impl Write,
    b: &Briefing,
    group: &[Briefing],
    width: usize,
    notes: bool,
) -> std::io::Result<()> {
    let mut out = Out {
        sink: w,
        error: None,
        text: String::new(),
        written: false,
        width: width.max(1),
        group,
        notes,
    };
    for line in title_block(b) {
        out.para(&line.text, 0);
    }
    for (i, section) in b.sections.iter().enumerate() {
        out.blank();
        out.blank();
        section_text(&mut out, b, i, section);
        out.flush();
        if let Some(e) = out.error.take() {
            return Err(e);
        }
    }
    // The last line breaks, kept back for `blank`, go out too.
    out.sink.write_all(out.text.as_bytes())
}

fn section_text(out: &mut Out<'_>, b: &Briefing, index: usize, s: &Section) {
    let heading = section_heading(b, index, Numbering::Dotted);
    out.para(&heading, 0);
    out.para(&"=".repeat(str_width(&heading).min(out.width)), 0);
    if let Some(sub) = &s.subtitle {
        out.para(sub, 0);
    }
    for p in &s.body {
        out.blank();
        out.para(p, 0);
    }
    out.notes(&s.notes, 0);
    indicators(out, b, &s.indicators, 0);
    for (j, item) in s.items.iter().enumerate() {
        out.blank();
        item_text(out, b, j, item);
    }
}

fn item_text(out: &mut Out<'_>, b: &Briefing, j: usize, item: &Item) {
    out.para(&item_heading(j, item), 0);
    for p in &item.body {
        out.blank();
        out.para(p, 2);
    }
    out.notes(&item.notes, 2);
    indicators(out, b, &item.indicators, 2);
}

/// The cells of one indicator row: label, value, change.
fn cells(ind: &Indicator) -> [String; 3] {
    let f = Figure::of(ind);
    [
        ind.label.clone(),
        f.value.clone().unwrap_or_default(),
        f.change_text().unwrap_or_default(),
    ]
}

fn indicators(out: &mut Out<'_>, b: &Briefing, list: &[Indicator], indent: usize) {
    if list.is_empty() {
        return;
    }
    out.blank();
    out.para(tr("indicators"), indent);
    let rows: Vec<[String; 3]> = list.iter().map(cells).collect();
    let col = |k: usize| rows.iter().map(|r| str_width(&r[k])).max().unwrap_or(0);
    let widths = [col(0), col(1), col(2)];
    let table = indent + 2 + widths[0] + 2 + widths[1] + 2 + widths[2];
    for (ind, row) in list.iter().zip(&rows) {
        if table <= out.width {
            let line = format!(
                "{}  {}  {}",
                pad_right(&row[0], widths[0]),
                pad_right(&row[1], widths[1]),
                row[2]
            );
            out.para(line.trim_end(), indent + 2);
        } else {
            out.para(&row[0], indent + 2);
            let figures = format!("{}  {}", row[1], row[2]);
            out.para(figures.trim(), indent + 4);
        }
        for d in details(b, out.group, ind) {
            out.para(&d.text, indent + 4);
        }
    }
}

#[cfg(test)]
mod props;
