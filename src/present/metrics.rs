//! The geometry of a slide for a screen size: margins, the text block, the
//! rows the chrome takes; the presenter's view and its slide preview. Shared
//! by the deck builder, the state and the views: the geometry lives here only.

/// The smallest screen slides are drawn on.
pub(crate) const MIN_WIDTH: u16 = 20;
pub(crate) const MIN_HEIGHT: u16 = 8;

/// The smallest screen for the presenter's view.
pub(crate) const PRESENTER_MIN_WIDTH: u16 = 40;
pub(crate) const PRESENTER_MIN_HEIGHT: u16 = 12;

/// The slide preview's size for a screen: three fifths of the width (all of
/// it on narrow screens), all rows but the clock's.
pub(crate) fn preview_size(width: u16, height: u16) -> (u16, u16) {
    let w = if width >= 80 { width * 3 / 5 } else { width };
    (w, height.saturating_sub(1))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Metrics {
    pub width: u16,
    pub height: u16,
}

impl Metrics {
    pub(crate) fn new(width: u16, height: u16) -> Metrics {
        Metrics { width, height }
    }

    pub(crate) fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Left and right margin: wide screens get room to breathe.
    pub(crate) fn margin(&self) -> u16 {
        (self.width / 12).clamp(1, 12)
    }

    /// Columns inside the margins: what a KPI grid may fill.
    pub(crate) fn inner_width(&self) -> usize {
        usize::from(self.width.saturating_sub(2 * self.margin())).max(1)
    }

    /// The measure of body text: about 40 汉字, a little more on wider screens
    /// (78 columns at 120, 88 at 200, at most 100), never wider than the inner width.
    pub(crate) fn text_width(&self) -> usize {
        let measure = (64 + usize::from(self.width) / 8).min(100) / 2 * 2;
        self.inner_width().min(measure)
    }

    /// Where a block `width` columns wide starts so that it is centred.
    pub(crate) fn block_x(&self, width: usize) -> u16 {
        let width = (width as u16).min(self.width);
        (self.width - width) / 2
    }

    /// A heading and subheading wrapped to the measure.
    pub(crate) fn head(&self, heading: &str, subheading: Option<&str>) -> Head {
        let w = self.text_width();
        let lines = |t: &str| {
            crate::layout::wrap_lines(t, w)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        Head {
            heading: lines(heading),
            subheading: subheading.map(lines).unwrap_or_default(),
        }
    }

    /// Rows at the bottom: a blank row and the chrome line.
    pub(crate) const FOOT_ROWS: u16 = 2;

    /// Rows above the footer, less the blank top row.
    fn room(&self) -> u16 {
        self.height.saturating_sub(1 + Self::FOOT_ROWS)
    }

    /// Rows left for the body under `head`.
    pub(crate) fn text_height(&self, head: &Head) -> usize {
        usize::from(self.room().saturating_sub(head.rows())).max(1)
    }

    /// The first row of a slide whose heading and body take `rows`: short
    /// slides are centred in the room above the footer, full ones start at the top.
    pub(crate) fn top(&self, rows: u16) -> u16 {
        1 + self.room().saturating_sub(rows) / 2
    }
}

/// The wrapped heading block of a slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub heading: Vec<String>,
    pub subheading: Vec<String>,
}

impl Head {
    /// The heading, the subheading, a blank row.
    pub(crate) fn rows(&self) -> u16 {
        (1 + self.heading.len() + self.subheading.len()).min(usize::from(u16::MAX)) as u16
    }

    /// Columns the widest heading line takes.
    pub(crate) fn width(&self) -> usize {
        self.heading
            .iter()
            .chain(&self.subheading)
            .map(|l| crate::layout::width::str_width(l))
            .max()
            .unwrap_or(0)
    }
}
