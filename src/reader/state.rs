//! The reader's state. Only `update` changes it; the view draws from `&App`.

use std::ops::Range;

use ratatui::layout::Rect;

use super::doc::Doc;

mod place;
use super::panes::{Fill, Focus, panes, text_inner};
use crate::model::{Briefing, Indicator};
use crate::screen::keymap::Keymap;
use crate::screen::overlay::help_max_scroll;
use crate::screen::reload::Reload;
use crate::screen::tables::READER;
use crate::screen::theme::Theme;
use place::Here;

/// One search hit: a byte range of a paragraph of a section's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Match {
    pub section: usize,
    pub para: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Search {
    /// The prompt's text while the prompt is open.
    pub prompt: Option<String>,
    /// The last query searched for.
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
}

/// Why the run loop stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    Quit,
    /// Present from this section (the reader's `p`).
    Present(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct App {
    pub area: Rect,
    pub theme: Theme,
    pub section: usize,
    /// First line of the document shown in the text pane (derived from `anchor`).
    pub scroll: usize,
    /// The reading place: paragraph and byte offset of the text at the top of
    /// the pane. It survives relayouts (a resize, even through tiny sizes).
    pub anchor: (usize, usize),
    /// The current item of the section (`None`: the section's own text).
    pub item: Option<usize>,
    pub focus: Focus,
    /// The outline entry under the cursor while the outline has the focus.
    pub outline_cursor: usize,
    /// The selected indicator of the current section.
    pub indicator: usize,
    /// Whether the selected indicator's detail is open.
    pub detail: bool,
    /// The help overlay and its scroll, when open.
    pub help: Option<usize>,
    pub search: Search,
    pub message: Option<String>,
    pub doc: Doc,
    pub exit: Option<Exit>,
    /// The organisation's briefings, one a period, in period order (never
    /// empty); `period` is the one shown.
    pub periods: Vec<Briefing>,
    pub period: usize,
    /// Whether the comparison table is shown (in a box over the panes).
    pub compare: bool,
    /// With `--watch`: the files to read again when they change.
    pub reload: Option<Reload>,
    /// The report of a watched file that has errors, shown instead of the text.
    pub errors: Option<String>,
    /// The user's key overrides.
    pub keymap: Keymap,
    /// How many campaign sections there are (the `n/N` of the status line).
    pub campaign_count: usize,
    /// The outline's entries, fixed for the briefing.
    entries: Vec<Entry>,
    /// The last switch of period: the period and section left, and the
    /// section it led to (switching back from there returns to it).
    came_from: Option<(usize, usize, usize)>,
    /// The detail's chart cursor and scroll, the comparison table's scroll.
    pub numbers: Numbers,
}

/// Where the number views are (changed by `reader::numbers`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Numbers {
    /// The point of the detail's chart under the cursor (`None`: the latest).
    pub point: Option<usize>,
    /// The first row of the detail shown.
    pub detail_scroll: usize,
    /// The first indicator of the comparison table shown.
    pub compare_scroll: usize,
}

/// An entry of the outline: a section, or an item of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub section: usize,
    pub item: Option<usize>,
}

impl App {
    pub(crate) fn new(briefing: Briefing, area: Rect, theme: Theme) -> App {
        let mut app = App {
            area,
            theme,
            section: 0,
            scroll: 0,
            anchor: (0, 0),
            item: None,
            focus: Focus::Text,
            outline_cursor: 0,
            indicator: 0,
            detail: false,
            help: None,
            search: Search::default(),
            message: None,
            doc: Doc::default(),
            exit: None,
            campaign_count: 0,
            entries: Vec::new(),
            came_from: None,
            periods: vec![briefing],
            period: 0,
            compare: false,
            reload: None,
            errors: None,
            keymap: Keymap::default(),
            numbers: Numbers::default(),
        };
        app.campaign_count = app.briefing().campaigns().count();
        app.entries = outline_entries(app.briefing());
        app.sync();
        app
    }

    /// A reader on the briefings of one organisation (`group`, in period
    /// order), opening the newest; `None` when the group is empty.
    pub(crate) fn with_periods(mut group: Vec<Briefing>, area: Rect, theme: Theme) -> Option<App> {
        let newest = group.pop()?;
        let mut app = App::new(newest, area, theme);
        group.append(&mut app.periods);
        app.period = group.len() - 1;
        app.periods = group;
        app.sync();
        Some(app)
    }

    /// The briefing shown.
    pub(crate) fn briefing(&self) -> &Briefing {
        &self.periods[self.period]
    }

    /// Every period's briefing, in order, the current one included.
    pub(crate) fn all_periods(&self) -> impl Iterator<Item = &Briefing> {
        self.periods.iter()
    }

    /// The values of indicator `id` in the other periods.
    #[cfg(test)]
    pub(crate) fn others(&self, id: &str) -> Vec<(crate::model::Period, f64)> {
        crate::model::values_elsewhere(&self.periods, self.briefing().period, id)
    }

    /// Take in the watched files as read again: the briefings, at the same
    /// place, or the report of their errors (the last good briefing stays
    /// underneath).
    pub(crate) fn reloaded(&mut self, read: Result<Vec<Briefing>, String>) {
        let Some((group, at)) =
            crate::screen::reload::take_in(read, self.briefing().period, &mut self.errors)
        else {
            return;
        };
        let same = self.adopt(Some(group), at);
        if let Some(i) = same {
            self.section = i;
        }
        // The anchor keeps the reading place in the document laid out anew.
        self.sync();
    }

    /// Show period `at` (of `periods` when given, read anew), with everything
    /// derived from it; the index in it of the current section's id, when it has one.
    fn adopt(&mut self, periods: Option<Vec<Briefing>>, at: usize) -> Option<usize> {
        let here = self.briefing().sections.get(self.section).map(|s| Here {
            id: s.id.to_string(),
            title: s.title.to_string(),
            number: s.number,
            kind: s.kind,
        });
        if let Some(periods) = periods.filter(|p| !p.is_empty()) {
            self.periods = periods;
        }
        self.period = at.min(self.periods.len().saturating_sub(1));
        self.campaign_count = self.briefing().campaigns().count();
        self.entries = outline_entries(self.briefing());
        self.search.matches.clear();
        self.search.current = None;
        self.doc = Doc::default();
        here.and_then(|h| h.find(self.briefing()))
    }

    /// Show period `to`, keeping the section when it has one with the same id.
    pub(crate) fn switch_period(&mut self, to: usize) {
        if to == self.period || to >= self.periods.len() {
            return;
        }
        let from = (self.period, self.section);
        let same = self.adopt(None, to);
        self.section = match self.came_from {
            // Back to the period just left, from where it led: where we were.
            Some((period, section, landed)) if period == to && landed == from.1 => section,
            _ => same.unwrap_or(0),
        };
        self.came_from = Some((from.0, from.1, self.section));
        self.set_scroll(0);
        self.item = None;
        self.indicator = 0;
        self.detail = false;
        self.sync();
    }

    /// Lay out for a screen of `area` (the reading place stays; a message
    /// stays while the size does, as at the start).
    pub(crate) fn resize(&mut self, area: Rect) {
        if area != self.area {
            self.message = None;
        }
        self.area = area;
        self.sync();
    }

    /// Scroll the text pane to `line`, and remember the place it shows.
    pub(crate) fn set_scroll(&mut self, line: usize) {
        self.scroll = line;
        self.anchor = self
            .doc
            .lines
            .get(line)
            .map_or((0, 0), |l| (l.para, l.range.start));
    }

    /// Show `section` from its top (coming back from the slides).
    pub(crate) fn show_section(&mut self, section: usize) {
        if self.section != section {
            self.section = section;
            self.set_scroll(0);
            self.item = None;
            self.indicator = 0;
            self.detail = false;
        }
        self.sync();
    }

    /// The text area of the text pane at the current size (also when another pane is shown).
    pub(crate) fn text_area(&self) -> Rect {
        panes(self.area, Focus::Text, self.fill())
            .text
            .map(text_inner)
            .unwrap_or_default()
    }

    /// What the panes hold, for how they share the screen.
    pub(crate) fn fill(&self) -> Fill {
        Fill {
            text_lines: self.doc.lines.len(),
            indicators: self
                .briefing()
                .sections
                .get(self.section)
                .map_or(0, |s| s.all_indicators().count()),
        }
    }

    pub(crate) fn page(&self) -> usize {
        usize::from(self.text_area().height).max(1)
    }

    pub(crate) fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.page())
    }

    /// Rebuild what depends on the section and the size, and keep positions in range.
    pub(crate) fn sync(&mut self) {
        self.section = self
            .section
            .min(self.briefing().sections.len().saturating_sub(1));
        let width = usize::from(self.text_area().width);
        if self.doc.section != self.section || self.doc.width != width || self.doc.paras.is_empty()
        {
            self.doc = Doc::build(self.briefing(), self.section, width);
        }
        // The place is kept by the anchor; the line follows from it and the size.
        let (para, offset) = self.anchor;
        self.scroll = self
            .doc
            .line_of(para, offset)
            .unwrap_or(0)
            .min(self.max_scroll());
        let count = self.indicators().len();
        self.indicator = self.indicator.min(count.saturating_sub(1));
        if count == 0 {
            self.detail = false;
        }
        self.outline_cursor = self
            .outline_cursor
            .min(self.outline().len().saturating_sub(1));
        self.help = self
            .help
            .map(|at| at.min(help_max_scroll(&self.keymap, READER, self.area)));
        let items = self
            .briefing()
            .sections
            .get(self.section)
            .map_or(0, |s| s.items.len());
        self.item = self.item.filter(|&j| j < items);
    }

    /// The indicators of the current section with the item that holds each.
    pub(crate) fn indicators(&self) -> Vec<(Option<usize>, &Indicator)> {
        let Some(s) = self.briefing().sections.get(self.section) else {
            return Vec::new();
        };
        s.indicators
            .iter()
            .map(|i| (None, i))
            .chain(
                s.items
                    .iter()
                    .enumerate()
                    .flat_map(|(j, item)| item.indicators.iter().map(move |i| (Some(j), i))),
            )
            .collect()
    }

    pub(crate) fn outline(&self) -> &[Entry] {
        &self.entries
    }

    /// The current item, if any.
    pub(crate) fn current_item(&self) -> Option<usize> {
        self.item
    }

    /// The outline entry of the current place.
    pub(crate) fn current_entry(&self) -> usize {
        let here = Entry {
            section: self.section,
            item: self.current_item(),
        };
        self.outline().iter().position(|e| *e == here).unwrap_or(0)
    }

    /// Where the selected indicator's cite is in the document, when its detail is open.
    pub(crate) fn cite_range(&self) -> Option<(usize, Range<usize>)> {
        if !self.detail {
            return None;
        }
        let list = self.indicators();
        let (item, ind) = list.get(self.indicator)?;
        let cite = ind.cite.as_deref()?;
        self.doc.paras.iter().enumerate().find_map(|(p, para)| {
            (para.item == *item && para.role == crate::render::Role::Body)
                .then(|| crate::model::find::find_ignoring_space(&para.text, cite))
                .flatten()
                .map(|r| (p, r))
        })
    }
}

fn outline_entries(b: &Briefing) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, s) in b.sections.iter().enumerate() {
        out.push(Entry {
            section: i,
            item: None,
        });
        out.extend((0..s.items.len()).map(|j| Entry {
            section: i,
            item: Some(j),
        }));
    }
    out
}
