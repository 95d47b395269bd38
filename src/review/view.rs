//! The review screen, drawn from the state: where the candidate is, the
//! paragraph with its cite marked, the figure and the decision, a line of
//! keys (or the label editor, or the question on finishing), the help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use super::keys::KEYS;
use super::state::{Candidate, Good, Overlay, State};
use crate::i18n::{subst, t};
use crate::layout::width::str_width;
use crate::sanitize::visible;

/// Draw `state` over the whole frame.
pub(super) fn draw(state: &State, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let dropped = state.candidates.len() - state.kept();
    let title = subst(
        t("rev.title"),
        &[
            &(state.cursor + 1).min(state.candidates.len()).to_string(),
            &state.candidates.len().to_string(),
            &dropped.to_string(),
        ],
    );
    frame.render_widget(Paragraph::new(title).style(theme.status), head);
    match state.current() {
        Some(c) => candidate(c, theme, frame, body),
        None => frame.render_widget(
            Paragraph::new(t("rev.none"))
                .style(theme.text)
                .wrap(Wrap { trim: false }),
            body,
        ),
    }
    footer(state, theme, frame, foot);
    if state.overlay == Overlay::Help {
        help(theme, frame, body);
    }
}

/// The candidate: where it is, the figure and the decision (always shown),
/// the paragraph below them, scrolled so that the cite is in view.
fn candidate(c: &Candidate, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [place_area, fields_area, _, text_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let place: Vec<String> = c.place.iter().map(|p| visible(p).into_owned()).collect();
    frame.render_widget(
        Paragraph::new(Line::styled(place.join(" › "), theme.header)),
        place_area,
    );
    let field = |name: &'static str, value: String, style: Style| {
        Line::from(vec![
            Span::styled(format!("{} ", t(name)), theme.dim),
            Span::styled(value, style),
        ])
    };
    let label_style = if c.keep {
        theme.figure
    } else {
        theme.dim.add_modifier(Modifier::CROSSED_OUT)
    };
    let good = match c.good {
        Good::Up => t("rev.good_up"),
        Good::Down => t("rev.good_down"),
        Good::Unset => t("rev.good_unset"),
    };
    let (decision, style) = if c.keep {
        (t("rev.kept"), theme.better)
    } else {
        (t("rev.dropped"), theme.worse)
    };
    let fields = vec![
        field("rev.label", visible(&c.label).into_owned(), label_style),
        field("rev.figure", figure(c), theme.text),
        field("rev.good", good.to_string(), theme.text),
        field("rev.decision", decision.to_string(), style),
    ];
    frame.render_widget(Paragraph::new(fields).style(theme.text), fields_area);
    let scroll = cite_row(&c.paragraph, &c.indicator.cite, text_area);
    frame.render_widget(
        Paragraph::new(cited(&c.paragraph, &c.indicator.cite, theme))
            .style(theme.text)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text_area,
    );
}

/// The first row to show of the wrapped paragraph so that the cite is in
/// `area` (about a third of the way down when it would not be), counted as
/// if every row were filled to the width.
fn cite_row(paragraph: &str, cite: &str, area: Rect) -> u16 {
    let width = usize::from(area.width.max(1));
    let Some(at) = paragraph.find(cite).filter(|_| !cite.is_empty()) else {
        return 0;
    };
    let row = str_width(&visible(&paragraph[..at])) / width;
    let end = (str_width(&visible(&paragraph[..at + cite.len()])) / width) + 1;
    let height = usize::from(area.height);
    if end <= height {
        return 0;
    }
    u16::try_from(row.saturating_sub(height / 3)).unwrap_or(u16::MAX)
}

/// The paragraph with the cite in the cite's style (the first place it is).
fn cited<'a>(paragraph: &str, cite: &str, theme: &Theme) -> Line<'a> {
    let spans = match paragraph.find(cite).filter(|_| !cite.is_empty()) {
        Some(at) => vec![
            Span::styled(visible(&paragraph[..at]).into_owned(), theme.text),
            Span::styled(visible(cite).into_owned(), theme.current_match),
            Span::styled(
                visible(&paragraph[at + cite.len()..]).into_owned(),
                theme.text,
            ),
        ],
        None => vec![Span::styled(visible(paragraph).into_owned(), theme.text)],
    };
    Line::from(spans)
}

/// The figure as the draft has it: value and unit, change, basis.
fn figure(c: &Candidate) -> String {
    let ind = &c.indicator;
    let number = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let mut parts = Vec::new();
    if let Some(v) = ind.value {
        parts.push(format!(
            "{}{}",
            number(v),
            ind.unit.as_deref().unwrap_or("")
        ));
    }
    if let Some(ch) = ind.change {
        let unit = match ind.change_unit {
            Some("pp") => t("rev.pp"),
            _ => "%",
        };
        let basis = match ind.basis {
            Some("yoy") => t("rev.yoy"),
            Some("pop") => t("rev.pop"),
            other => other.unwrap_or(""),
        };
        parts.push(format!(
            "{basis} {}{}{unit}",
            if ch > 0.0 { "+" } else { "" },
            number(ch)
        ));
    }
    visible(parts.join(" · ").trim()).into_owned()
}

fn footer(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = match &state.overlay {
        Overlay::Edit(text) => Line::from(vec![
            Span::styled(format!("{} ", t("rev.editing")), theme.status),
            Span::styled(format!("{}▏", visible(text)), theme.text),
        ]),
        Overlay::Confirm => Line::styled(
            subst(
                t("rev.confirm"),
                &[
                    &state.kept().to_string(),
                    &(state.candidates.len() - state.kept()).to_string(),
                    &visible(&state.target),
                ],
            ),
            theme.status,
        ),
        _ => Line::styled(t("rev.hint"), theme.dim),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The help, over the body: one line per binding of the key table.
fn help(theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = KEYS
        .iter()
        .map(|b| b.shown.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = KEYS
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:width$}  ", b.shown), theme.figure),
                Span::styled(t(b.help), theme.overlay),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(t("rev.help_edit"), theme.dim));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(t("rev.help_title"))
        .style(theme.overlay);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
