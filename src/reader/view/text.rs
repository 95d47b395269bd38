//! The text pane: the visible lines of the cached document, with figures,
//! search matches and the selected indicator's cite marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::reader::state::App;
use crate::render::Role;
use crate::screen::paint::{figures, marked, put_line};

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let cite = app.cite_range();
    let doc = &app.doc;
    for (row, line) in doc
        .lines
        .iter()
        .skip(app.scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let para = &doc.paras[line.para];
        let text = doc.text(line);
        let base = match para.role {
            Role::ItemTitle if para.item == app.item => t.item_title.patch(t.selected),
            role => t.role(role),
        };
        let shift = |r: &std::ops::Range<usize>| {
            r.start.saturating_sub(line.range.start)
                ..r.end.min(line.range.end).saturating_sub(line.range.start)
        };
        let overlaps =
            |r: &std::ops::Range<usize>| r.start < line.range.end && r.end > line.range.start;
        let mut marks = Vec::new();
        if para.role == Role::Body {
            marks.extend(figures(text).into_iter().map(|r| (r, t.figure)));
        }
        if let Some((p, r)) = &cite
            && *p == line.para
            && overlaps(r)
        {
            marks.push((shift(r), t.cite));
        }
        for (i, m) in app.search.matches.iter().enumerate() {
            if m.section == app.section && m.para == line.para && overlaps(&m.range) {
                let style = if app.search.current == Some(i) {
                    t.current_match
                } else {
                    t.matched
                };
                marks.push((shift(&m.range), style));
            }
        }
        let styled = marked(text, base, &marks);
        put_line(buf, area.x, area.y + row as u16, area.width, &styled);
    }
}
