//! Where each pane goes for a terminal size: three panes side by side from
//! 120 columns, a tab bar with text and indicators from 80, one pane at a
//! time below 80, and a plain message below the smallest usable size.

use ratatui::layout::Rect;

/// The smallest terminal the reader draws into.
pub(crate) const MIN_WIDTH: u16 = 20;
pub(crate) const MIN_HEIGHT: u16 = 6;

const OUTLINE_WIDTH: u16 = 26;
const INDICATORS_WIDE: u16 = 40;
const INDICATORS_MID: u16 = 36;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Focus {
    Outline,
    Text,
    Indicators,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arrangement {
    /// ≥ 120 columns: outline | text | indicators.
    Wide,
    /// 80–119: tab bar; text with indicators beside (≥ 100) or below.
    Medium {
        beside: bool,
    },
    /// < 80: tab bar; one pane at a time.
    Narrow,
    TooSmall,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Panes {
    pub tabs: Option<Rect>,
    pub outline: Option<Rect>,
    pub text: Option<Rect>,
    pub indicators: Option<Rect>,
    /// Separator lines between panes (vertical when `w == 1`).
    pub separators: [Option<Rect>; 2],
    pub status: Option<Rect>,
    /// Everything between the tab bar and the status line (where boxes go).
    pub body: Option<Rect>,
}

pub(crate) fn arrangement(area: Rect) -> Arrangement {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        Arrangement::TooSmall
    } else if area.width >= 120 {
        Arrangement::Wide
    } else if area.width >= 80 {
        Arrangement::Medium {
            beside: area.width >= 100,
        }
    } else {
        Arrangement::Narrow
    }
}

/// The panes a focus can move between in this arrangement, in Tab order.
pub(crate) fn focusable(arr: Arrangement) -> &'static [Focus] {
    match arr {
        Arrangement::Wide | Arrangement::Narrow => {
            &[Focus::Outline, Focus::Text, Focus::Indicators]
        }
        Arrangement::Medium { .. } => &[Focus::Text, Focus::Indicators],
        Arrangement::TooSmall => &[Focus::Text],
    }
}

/// What the text and indicator panes hold, for the split between them
/// when one is above the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Fill {
    /// Lines of the section's text at the pane's width.
    pub text_lines: usize,
    /// The section's indicators.
    pub indicators: usize,
}

/// Rows of the text pane above the indicators in `body` rows (one is the
/// separator): the text gets the rows it needs first, the indicators keep
/// their header and one indicator; no indicators fold to a one-line pane.
fn text_rows(body: u16, fill: Fill) -> u16 {
    let body = usize::from(body);
    let ind = if fill.indicators == 0 {
        1
    } else {
        3.min(1 + 2 * fill.indicators)
    };
    let room = body.saturating_sub(ind + 1);
    let wanted_by_ind = 1 + 2 * fill.indicators;
    let text = if fill.indicators == 0 {
        room
    } else {
        // What the indicators cannot use goes to the text, whatever it needs.
        fill.text_lines
            .max(body.saturating_sub(wanted_by_ind + 1))
            .min(room)
    };
    text.max(1) as u16
}

pub(crate) fn panes(area: Rect, focus: Focus, fill: Fill) -> Panes {
    let arr = arrangement(area);
    if arr == Arrangement::TooSmall {
        return Panes::default();
    }
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let mut p = Panes {
        status: Some(status),
        ..Panes::default()
    };
    let body_top = if arr == Arrangement::Wide {
        area.y
    } else {
        area.y + 1
    };
    if arr != Arrangement::Wide {
        p.tabs = Some(Rect::new(area.x, area.y, area.width, 1));
    }
    let body = Rect::new(area.x, body_top, area.width, status.y - body_top);
    p.body = Some(body);
    match arr {
        Arrangement::Wide => {
            let outline = Rect::new(body.x, body.y, OUTLINE_WIDTH, body.height);
            let ind_x = body.right() - INDICATORS_WIDE;
            let text_x = outline.right() + 1;
            p.outline = Some(outline);
            p.separators[0] = Some(Rect::new(outline.right(), body.y, 1, body.height));
            p.text = Some(Rect::new(text_x, body.y, ind_x - 1 - text_x, body.height));
            p.separators[1] = Some(Rect::new(ind_x - 1, body.y, 1, body.height));
            p.indicators = Some(Rect::new(ind_x, body.y, INDICATORS_WIDE, body.height));
        }
        Arrangement::Medium { beside: true } => {
            let ind_x = body.right() - INDICATORS_MID;
            p.text = Some(Rect::new(body.x, body.y, ind_x - 1 - body.x, body.height));
            p.separators[0] = Some(Rect::new(ind_x - 1, body.y, 1, body.height));
            p.indicators = Some(Rect::new(ind_x, body.y, INDICATORS_MID, body.height));
        }
        Arrangement::Medium { beside: false } => {
            let text_h = text_rows(body.height, fill).min(body.height);
            p.text = Some(Rect::new(body.x, body.y, body.width, text_h));
            let rest = body.height.saturating_sub(text_h + 1);
            if rest > 0 {
                p.separators[0] = Some(Rect::new(body.x, body.y + text_h, body.width, 1));
                p.indicators = Some(Rect::new(body.x, body.y + text_h + 1, body.width, rest));
            }
        }
        Arrangement::Narrow => {
            let slot = Some(body);
            match focus {
                Focus::Outline => p.outline = slot,
                Focus::Text => p.text = slot,
                Focus::Indicators => p.indicators = slot,
            }
        }
        Arrangement::TooSmall => {}
    }
    p
}

/// The text area inside the text pane (one column of padding each side when there is room).
pub(crate) fn text_inner(text: Rect) -> Rect {
    if text.width >= 30 {
        Rect::new(text.x + 1, text.y, text.width - 2, text.height)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_within(area: Rect, p: &Panes) {
        for r in [
            p.tabs,
            p.outline,
            p.text,
            p.indicators,
            p.status,
            p.separators[0],
            p.separators[1],
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                area.contains(r.as_position())
                    && r.right() <= area.right()
                    && r.bottom() <= area.bottom(),
                "{r:?} outside {area:?}"
            );
        }
    }

    const FILLS: [Fill; 4] = [
        Fill {
            text_lines: 0,
            indicators: 0,
        },
        Fill {
            text_lines: 100,
            indicators: 0,
        },
        Fill {
            text_lines: 5,
            indicators: 9,
        },
        Fill {
            text_lines: 100,
            indicators: 9,
        },
    ];

    fn split(fill: Fill) -> (u16, u16) {
        let p = panes(Rect::new(0, 0, 80, 24), Focus::Text, fill);
        (p.text.unwrap().height, p.indicators.unwrap().height)
    }

    #[test]
    fn at_80x24_the_text_gets_its_rows_first() {
        let no_indicators = Fill {
            text_lines: 100,
            indicators: 0,
        };
        assert_eq!(
            split(no_indicators),
            (20, 1),
            "an empty pane folds to a line"
        );
        let long_text = Fill {
            indicators: 4,
            ..no_indicators
        };
        assert_eq!(split(long_text), (18, 3), "header and one indicator stay");
        let short_text = Fill {
            text_lines: 6,
            ..long_text
        };
        assert_eq!(
            split(short_text),
            (12, 9),
            "the indicators take what the text leaves"
        );
    }

    #[test]
    fn arrangements_by_width() {
        assert_eq!(arrangement(Rect::new(0, 0, 120, 40)), Arrangement::Wide);
        assert_eq!(
            arrangement(Rect::new(0, 0, 100, 30)),
            Arrangement::Medium { beside: true }
        );
        assert_eq!(
            arrangement(Rect::new(0, 0, 80, 24)),
            Arrangement::Medium { beside: false }
        );
        assert_eq!(arrangement(Rect::new(0, 0, 50, 20)), Arrangement::Narrow);
        assert_eq!(arrangement(Rect::new(0, 0, 19, 20)), Arrangement::TooSmall);
    }

    #[test]
    fn panes_stay_inside_the_screen_at_every_size() {
        for w in 0..=300 {
            for h in [0, 1, 5, 6, 7, 10, 24, 100] {
                let area = Rect::new(0, 0, w, h);
                for focus in [Focus::Outline, Focus::Text, Focus::Indicators] {
                    for fill in FILLS {
                        all_within(area, &panes(area, focus, fill));
                    }
                }
            }
        }
    }
}
