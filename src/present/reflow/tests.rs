//! A follower narrower than the deck: the same slide re-flowed, nothing cut
//! at its sides, every word and figure there after scrolling through.

use std::collections::HashMap;
use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::present::follower_view::{draw, overflow};
use crate::present::kpi::Glyphs;
use crate::present::text::text_lines;
use crate::present::view::{counter, slide_into};
use crate::render::Role;
use crate::screen::theme::Theme;

const DECK: (u16, u16) = (80, 24);

fn briefing() -> Briefing {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/2023.toml");
    crate::load::load(&path).expect("loads").briefing
}

/// A follower of `w`×`h` showing the 80×24 deck.
fn follower(w: u16, h: u16) -> Presenter {
    let mut p = Presenter::new(briefing(), Rect::new(0, 0, w, h), Theme::dark());
    p.reference = Some(DECK);
    p.resize(p.area);
    p
}

/// The rows of a buffer, wide characters once, trailing blanks trimmed.
fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (a.top()..a.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = a.left();
            while x < a.right() {
                let symbol = buf[(x, y)].symbol();
                line.push_str(symbol);
                x += (symbol.width() as u16).max(1);
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// The follower's screen at `scroll`.
fn screen(p: &mut Presenter, scroll: u16) -> Vec<String> {
    p.scroll = scroll;
    let mut buf = Buffer::empty(p.area);
    draw(&mut buf, p);
    rows(&buf)
}

/// All the follower shows of the current slide, scrolled through from top
/// to bottom: its body rows once each, without the arrows at the edge.
fn scrolled_through(p: &mut Presenter) -> Vec<String> {
    let body = usize::from(p.area.height - 1);
    let strip = |r: &String| r.trim_end_matches(['↑', '↓']).trim_end().to_string();
    let mut all: Vec<String> = screen(p, 0)[..body].iter().map(strip).collect();
    for s in 1..=overflow(p) {
        all.push(strip(&screen(p, s)[body - 1]));
    }
    all
}

/// The characters that carry text (not blanks, braille or an ellipsis).
fn letters(rows: &[String]) -> Vec<char> {
    rows.iter()
        .flat_map(|r| r.chars())
        .filter(|&c| !c.is_whitespace() && !('\u{2800}'..='\u{28ff}').contains(&c) && c != '…')
        .collect()
}

fn count(chars: &[char]) -> HashMap<char, usize> {
    let mut n = HashMap::new();
    for &c in chars {
        *n.entry(c).or_default() += 1;
    }
    n
}

/// Whether `rows` show the number of `kpi` whole, in some glyphs, with its
/// unit (or plain, wrapped with its unit in a column of its own).
fn number_shown(rows: &[String], kpi: &Kpi) -> bool {
    let squeezed = |t: &str| t.split_whitespace().collect::<String>();
    if squeezed(&rows.join("")).contains(&squeezed(&kpi.plain())) {
        return true;
    }
    let glyphs = [Glyphs::Plain]
        .into_iter()
        .chain(crate::present::bignum::Scale::ALL.map(Glyphs::Big));
    glyphs.into_iter().any(|g| {
        let number = kpi.rows(g);
        let (last, above) = number.split_last().expect("a row");
        let baseline = if kpi.unit.is_empty() {
            last.clone()
        } else {
            format!("{last} {}", kpi.unit)
        };
        rows.iter().enumerate().any(|(y, r)| {
            let Some(x) = r.find(&baseline) else {
                return false;
            };
            let col = r[..x].width();
            above.iter().enumerate().all(|(i, a)| {
                let row = (y + i).checked_sub(above.len()).and_then(|r| rows.get(r));
                a.is_empty() || row.is_some_and(|row| at_column(row, col, a.trim_end()))
            })
        })
    })
}

/// Whether `row` has `text` starting at display column `col`.
fn at_column(row: &str, col: usize, text: &str) -> bool {
    let mut w = 0;
    for (i, c) in row.char_indices() {
        if w == col {
            return row[i..].starts_with(text);
        }
        w += c.to_string().width();
    }
    false
}

/// Every slide of `b`'s 80×24 deck followed at each of `sizes`, scrolled
/// through: nothing cut at the sides, the same counter, the same text.
fn no_text_lost(b: &Briefing, sizes: &[(u16, u16)]) {
    let area = Rect::new(0, 0, DECK.0, DECK.1);
    let mut deck = Presenter::new(b.clone(), area, Theme::dark());
    for &(w, h) in sizes {
        let mut f = Presenter::new(b.clone(), Rect::new(0, 0, w, h), Theme::dark());
        f.reference = Some(DECK);
        f.resize(f.area);
        assert_eq!(f.slides.len(), deck.slides.len(), "the presenter's deck");
        for k in 0..deck.slides.len() {
            deck.current = k;
            f.current = k;
            let mut buf = Buffer::empty(deck.area);
            slide_into(&mut buf, deck.area, &deck);
            let want = rows(&buf);
            let want = &want[..want.len() - 1];
            let shown = scrolled_through(&mut f);
            let at = format!("{w}×{h}, slide {}:\n{}", k + 1, shown.join("\n"));
            assert!(shown.iter().all(|r| r.width() <= usize::from(w)), "{at}");
            assert!(
                screen(&mut f, 0).last().unwrap().contains(&counter(&deck)),
                "{at}"
            );
            match &deck.slides[k].body {
                Body::Overview(figs) => {
                    let (want, got) = (count(&letters(want)), count(&letters(&shown)));
                    for (c, n) in want {
                        assert!(got.get(&c).copied().unwrap_or(0) >= n, "{c:?} lost, {at}");
                    }
                    for fig in figs {
                        let kpi = Kpi::of(fig.get(b));
                        assert!(number_shown(&shown, &kpi), "{kpi:?} {at}");
                    }
                }
                _ => assert_eq!(letters(&shown), letters(want), "{at}"),
            }
        }
    }
}

#[test]
fn a_narrow_follower_loses_no_word_or_figure_of_any_slide() {
    no_text_lost(&briefing(), &[(20, 10), (30, 12), (40, 20), (60, 16)]);
}

#[test]
fn a_figure_too_wide_even_plain_wraps_with_its_unit() {
    let mut b = briefing();
    for s in b.sections.iter_mut() {
        let items = s.items.iter_mut().flat_map(|i| i.indicators.iter_mut());
        for ind in s.indicators.iter_mut().chain(items) {
            if ind.change.is_none() && ind.value.is_some() {
                ind.value = Some(123456789.0);
                ind.unit = Some("万元（含追缴和冻结资金）".into());
            }
        }
    }
    no_text_lost(&b, &[(20, 10), (30, 12)]);
}

/// The first overview with the most figures, and the text slide with the most lines.
fn wide_kpi_and_long_text(p: &Presenter) -> (usize, usize) {
    let figures = |k: usize| match &p.slides[k].body {
        Body::Overview(f) => f.len(),
        _ => 0,
    };
    let lines = |k: usize| match &p.slides[k].body {
        Body::Text(l) => l.len(),
        _ => 0,
    };
    let n = p.slides.len();
    let kpi = (0..n).rev().max_by_key(|&k| figures(k)).expect("a slide");
    let text = (0..n).rev().max_by_key(|&k| lines(k)).expect("a slide");
    (kpi, text)
}

#[test]
fn snapshots_of_narrow_followers() {
    for (w, h) in [(40, 20), (60, 16)] {
        let mut f = follower(w, h);
        let (kpi, text) = wide_kpi_and_long_text(&f);
        for (name, k) in [("kpi", kpi), ("text", text)] {
            f.current = k;
            let last = overflow(&f);
            let shot = format!(
                "{}\n-- scrolled to the end ({last}) --\n{}",
                screen(&mut f, 0).join("\n"),
                screen(&mut f, last).join("\n")
            );
            insta::assert_snapshot!(format!("follow_80x24_at_{w}x{h}_{name}"), shot);
        }
    }
}

#[test]
fn big_numbers_give_way_to_smaller_glyphs_then_plain_never_cut() {
    let b = briefing();
    let f = follower(40, 20);
    let (kpi, _) = wide_kpi_and_long_text(&f);
    let Body::Overview(figs) = &f.slides[kpi].body else {
        panic!("an overview");
    };
    let kpis: Vec<Kpi> = figs.iter().map(|r| Kpi::of(r.get(&b))).collect();
    let deck = Glyphs::Big(crate::present::bignum::Scale::Huge);
    let mut last = deck.rows();
    for width in (1..=120).rev() {
        let g = grid::reflow(&kpis, deck, width);
        assert!(g.glyphs.rows() <= last, "smaller as the box narrows");
        last = g.glyphs.rows();
        if g.glyphs != Glyphs::Plain {
            assert!(
                kpis.iter()
                    .all(|k| k.number_width(g.glyphs) <= usize::from(width))
            );
        }
        let (bw, _) = g.block(kpis.len());
        assert!(bw <= width.max(g.col_w), "{width}: {g:?}");
    }
    assert!(grid::reflow(&kpis, deck, 18).glyphs.rows() < deck.rows());
}

#[test]
fn a_paragraph_cut_by_the_deck_is_wrapped_again_whole() {
    let paras = vec![
        "We met the targets of the year in full, and crime fell again.".to_string(),
        "全市电诈发案同比下降，破案数同比上升，群众安全感持续提升。".to_string(),
    ];
    let wide = text_lines(&paras, &[], 40);
    // A page of the deck that starts in the middle of the first paragraph.
    let page = &wide[1..];
    let mut b = briefing();
    b.sections[0].body = paras.clone().into();
    b.sections[0].indicators = Box::default();
    let slide = Slide {
        section: Some(0),
        item: None,
        heading: "h".into(),
        subheading: None,
        page: 1,
        body: Body::Text(page.to_vec()),
    };
    let narrow = text(&b, &slide, page, 12);
    assert!(narrow.iter().all(|l| l.text.width() <= 12));
    let words = |ls: &[SlideLine]| {
        ls.iter()
            .flat_map(|l| l.text.split_whitespace().map(str::to_string))
            .collect::<Vec<_>>()
            .concat()
    };
    assert_eq!(words(&narrow), words(page), "the same text, nothing more");
    assert_eq!(
        narrow.iter().filter(|l| l.role == Role::Blank).count(),
        1,
        "the blank line between the paragraphs stays"
    );
    let first = wide[1].text.split_whitespace().next().unwrap();
    assert!(narrow[0].text.starts_with(first), "{narrow:?}");
}
