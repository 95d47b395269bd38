//! The composed deck, end to end on a buffer: no headline figure dropped at
//! any size, the magnitude beside the big number, the block centred, the
//! measure, and snapshots of an overview and a short slide.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::kpi::{Glyphs, Kpi};
use super::metrics::Metrics;
use super::slides::{Body, headline_of, overview_grid};
use super::state::Presenter;
use super::view::slide_into;
use crate::layout::width::str_width;
use crate::model::{Briefing, SectionKind};
use crate::render::Role;
use crate::screen::theme::Theme;

const Y2023: &str = "briefings/2023.toml";
const DENSE: &str = "tests/fixtures/dense-2024.toml";
const HARBOUR: &str = "tests/fixtures/harbour-2024.toml";
const SIZES: [(u16, u16); 7] = [
    (40, 12),
    (60, 16),
    (80, 24),
    (100, 30),
    (120, 40),
    (160, 45),
    (200, 50),
];

fn briefing(path: &str) -> Briefing {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    crate::load::load(&path).expect("fixture loads").briefing
}

fn presenter(path: &str, w: u16, h: u16) -> Presenter {
    Presenter::new(briefing(path), Rect::new(0, 0, w, h), Theme::dark())
}

fn buffer(p: &Presenter) -> Buffer {
    let mut buf = Buffer::empty(p.area);
    slide_into(&mut buf, p.area, p);
    buf
}

/// The buffer's text, one line a row, wide characters once.
fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            x += (symbol.width() as u16).max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(p: &Presenter) -> String {
    text(&buffer(p))
}

/// Whether `screen` shows `kpi` whole: its number in some glyphs with the
/// unit at their baseline, and the start of its label.
fn shows(screen: &str, kpi: &Kpi) -> bool {
    let glyphs = [Glyphs::Plain]
        .into_iter()
        .chain(super::bignum::Scale::ALL.map(Glyphs::Big));
    let number = glyphs.into_iter().any(|g| {
        let rows = kpi.rows(g);
        let (last, above) = rows.split_last().expect("a row");
        let baseline = if kpi.unit.is_empty() {
            last.clone()
        } else {
            format!("{last} {}", kpi.unit)
        };
        screen.contains(&baseline)
            && above
                .iter()
                .all(|r| r.is_empty() || screen.contains(r.as_str()))
    });
    let label: String = kpi
        .label
        .chars()
        .filter(|&c| !crate::layout::width::is_ambiguous(c))
        .take(3)
        .collect();
    number && screen.contains(&label)
}

/// Every headline figure of every campaign on an overview slide of its own
/// campaign, shown whole, in order; the counter counts every slide.
fn no_figure_dropped(path: &str, w: u16, h: u16) {
    let mut p = presenter(path, w, h);
    let b = p.briefing.clone();
    let n = p.slides.len();
    for (i, s) in b.sections.iter().enumerate() {
        if s.kind != SectionKind::Campaign {
            continue;
        }
        let want = headline_of(&b, i);
        let mut seen = Vec::new();
        for k in 0..n {
            p.current = k;
            let Body::Overview(figs) = &p.slides[k].body else {
                continue;
            };
            if p.slides[k].section != Some(i) {
                continue;
            }
            let screen = screen(&p);
            assert!(screen.contains(&format!("{}/{n}", k + 1)), "{screen}");
            if p.slides[k].page > 0 {
                assert!(
                    screen.contains("（续）"),
                    "{w}×{h} slide {}\n{screen}",
                    k + 1
                );
            }
            for f in figs {
                let kpi = Kpi::of(f.get(&b));
                assert!(shows(&screen, &kpi), "{path} {w}×{h}: {kpi:?}\n{screen}");
                seen.push(*f);
            }
        }
        assert_eq!(seen, want, "{path} {w}×{h}: section {i}");
    }
}

#[test]
fn every_headline_figure_is_on_a_slide_at_every_size() {
    for (w, h) in SIZES {
        for path in [Y2023, DENSE, HARBOUR] {
            no_figure_dropped(path, w, h);
        }
    }
}

#[test]
fn every_headline_figure_is_shown_when_ambiguous_characters_are_wide() {
    crate::layout::width::with_ambiguous_wide(true, || {
        for (w, h) in [(40, 12), (80, 24), (200, 50)] {
            no_figure_dropped(Y2023, w, h);
        }
    });
}

/// The rows the glyphs of section `i`'s overview take at a size.
fn glyph_rows(path: &str, i: usize, w: u16, h: u16) -> u16 {
    let p = presenter(path, w, h);
    let s = p
        .slides
        .iter()
        .find(|s| matches!(s.body, Body::Overview(_)) && s.section == Some(i))
        .expect("an overview");
    let m = Metrics::new(w, h);
    overview_grid(&p.briefing, &m, i, &s.heading, s.subheading.as_deref())
        .glyphs
        .rows()
}

#[test]
fn big_numbers_grow_with_the_screen() {
    assert_eq!(glyph_rows(Y2023, 1, 80, 24), 3);
    assert!(glyph_rows(Y2023, 1, 120, 40) > 3);
    assert!(glyph_rows(Y2023, 1, 200, 50) >= 5);
    assert!(glyph_rows(HARBOUR, 2, 200, 50) > 5);
}

#[test]
fn figures_that_do_not_fit_continue_on_a_continued_overview() {
    let p = presenter(DENSE, 80, 24);
    let pages: Vec<_> = p
        .slides
        .iter()
        .filter(|s| matches!(s.body, Body::Overview(_)) && s.section == Some(1))
        .collect();
    assert!(
        pages.len() > 1,
        "twenty figures do not fit on one slide at 80×24"
    );
    assert!(pages.iter().skip(1).all(|s| s.page > 0));
}

#[test]
fn no_slide_for_a_campaign_without_figures_nor_for_a_title_alone() {
    let b = briefing(DENSE);
    for (w, h) in SIZES {
        let mut p = presenter(DENSE, w, h);
        for section in [2, 3] {
            assert!(headline_of(&b, section).is_empty());
            let first = p
                .slides
                .iter()
                .position(|s| s.section == Some(section))
                .expect("its slides");
            assert!(matches!(p.slides[first].body, Body::Text(_)));
            p.current = first;
            let screen: String = screen(&p).split_whitespace().collect();
            assert!(screen.contains(&*b.sections[section].title), "{screen}");
        }
        let items = |s: usize| p.slides.iter().filter(move |x| x.section == Some(s));
        assert!(items(2).all(|s| s.item != Some(1) && s.item != Some(3)));
        assert!(items(3).all(|s| s.item != Some(0)));
        let everything: String = (0..p.slides.len())
            .map(|k| {
                p.current = k;
                screen(&p).split_whitespace().collect::<String>()
            })
            .collect();
        for (s, j) in [(2, 1), (2, 3), (3, 0)] {
            let title = &b.sections[s].items[j].title;
            assert!(everything.contains(title.as_str()), "{w}×{h} lost {title}");
        }
    }
}

/// The columns of the first and the last non-blank cell of row `y`.
fn extent(buf: &Buffer, y: u16) -> Option<(u16, u16)> {
    let xs: Vec<u16> = (0..buf.area.width)
        .filter(|&x| !buf[(x, y)].symbol().trim().is_empty())
        .collect();
    Some((*xs.first()?, *xs.last()?))
}

#[test]
fn text_keeps_a_measure_of_about_forty_hanzi_centred() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let mut p = presenter(Y2023, w, h);
        let m = Metrics::new(w, h);
        let measure = m.text_width();
        assert!((60..=100).contains(&measure), "{w}: {measure}");
        let left = (w - measure as u16) / 2;
        let mut widest = 0;
        for k in 0..p.slides.len() {
            p.current = k;
            let Body::Text(lines) = &p.slides[k].body else {
                continue;
            };
            widest = widest.max(lines.iter().map(|l| str_width(&l.text)).max().unwrap_or(0));
            let buf = buffer(&p);
            for y in 0..h - Metrics::FOOT_ROWS {
                if let Some((x, _)) = extent(&buf, y) {
                    assert_eq!(x, left, "{w}×{h} slide {} row {y}", k + 1);
                }
            }
        }
        assert!(
            widest <= measure && widest + 8 >= measure,
            "{w}: {widest}/{measure}"
        );
    }
}

#[test]
fn a_short_slide_is_centred_down_the_screen() {
    let mut p = presenter(Y2023, 120, 40);
    p.current = p
        .slides
        .iter()
        .position(|s| matches!(&s.body, Body::Text(l) if l.len() == 2) && s.section == Some(1))
        .expect("a two-line slide");
    let buf = buffer(&p);
    let rows: Vec<u16> = (0..40 - Metrics::FOOT_ROWS)
        .filter(|&y| extent(&buf, y).is_some())
        .collect();
    let (top, bottom) = (rows[0], *rows.last().unwrap());
    let below = 40 - Metrics::FOOT_ROWS - 1 - bottom;
    assert!(top.abs_diff(below) <= 2, "{top} above, {below} below");
    insta::assert_snapshot!("short_slide_120x40", text(&buf));
}

#[test]
fn a_kpi_slide_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let mut p = presenter(Y2023, w, h);
        p.current = 2;
        assert!(matches!(p.slide().body, Body::Overview(_)));
        insta::assert_snapshot!(format!("kpi_{w}x{h}"), screen(&p));
    }
}

/// Each paragraph's lines on the text slides (body lines between blanks).
fn paragraphs(p: &Presenter) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for s in &p.slides {
        if let Body::Text(lines) = &s.body {
            for l in lines {
                match l.role {
                    Role::Body => out.last_mut().expect("one").push(l.text.clone()),
                    _ => out.push(Vec::new()),
                }
            }
        }
        out.push(Vec::new());
    }
    out.retain(|p| p.len() > 1);
    out
}

#[test]
fn no_paragraph_ends_on_one_or_two_characters() {
    for (w, h) in SIZES {
        for path in [Y2023, DENSE] {
            let p = presenter(path, w, h);
            for para in paragraphs(&p) {
                let last = para.last().expect("a line");
                let n = last
                    .chars()
                    .filter(|c| !crate::layout::NO_START.contains(c))
                    .count();
                assert!(n > 2, "{path} {w}×{h}: {para:?}");
            }
        }
    }
}

#[test]
fn only_cited_figures_are_emphasised_in_body_text() {
    let mut p = presenter(Y2023, 120, 40);
    p.current = p
        .slides
        .iter()
        .position(|s| s.section == Some(1) && s.item == Some(0))
        .expect("the anti-fraud slide");
    let buf = buffer(&p);
    let figure = p.theme.figure;
    // Whether the first cell of `needle` on the screen has the figure style.
    let styled_as = |needle: &str| -> Option<bool> {
        (0..buf.area.height).find_map(|y| {
            let mut row = String::new();
            let mut at = Vec::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                at.extend(std::iter::repeat_n(x, symbol.len()));
                row.push_str(symbol);
                x += (symbol.width() as u16).max(1);
            }
            let x = at[row.find(needle)?];
            Some(figure.fg.is_some_and(|fg| buf[(x, y)].fg == fg))
        })
    };
    assert_eq!(styled_as("466.2%"), Some(true), "a cited figure");
    assert_eq!(styled_as("0.25%"), Some(true), "a cited comparison");
    assert_eq!(styled_as("2023年3月"), Some(false), "a date");
    assert_eq!(styled_as("2023年全市"), Some(false), "a date inside a cite");
}

#[test]
fn no_slide_has_slanted_chinese() {
    for theme in [Theme::dark(), Theme::light(), Theme::projector()] {
        let mut p = presenter(Y2023, 80, 24);
        p.theme = theme;
        for k in 0..p.slides.len() {
            p.current = k;
            let buf = buffer(&p);
            let slanted = buf
                .content
                .iter()
                .any(|c| c.modifier.contains(ratatui::style::Modifier::ITALIC));
            assert!(!slanted, "{} slide {}", p.theme.name, k + 1);
        }
    }
}

#[test]
fn a_campaign_key_finds_a_campaign_without_figures() {
    use crate::screen::action::{Action, Command};
    let mut p = presenter(DENSE, 80, 24);
    p.update(Action::Command(Command::Campaign(2)));
    assert_eq!(p.slide().section, Some(2));
    assert!(matches!(p.slide().body, Body::Text(_)));
    p.update(Action::Command(Command::Campaign(1)));
    assert!(matches!(p.slide().body, Body::Overview(_)));
}

#[test]
fn the_subtitle_gives_way_before_figures_take_more_slides() {
    let p = presenter(Y2023, 60, 16);
    let pages: Vec<_> = p
        .slides
        .iter()
        .filter(|s| matches!(s.body, Body::Overview(_)) && s.section == Some(1))
        .collect();
    assert!(pages.iter().all(|s| s.subheading.is_none()));
    assert!(matches!(&pages[0].body, Body::Overview(f) if f.len() >= 2));
    // Where every figure fits, the subtitle stays.
    let p = presenter(Y2023, 120, 40);
    assert!(p.slides[2].subheading.is_some());
}
