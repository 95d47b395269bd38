//! The themes' colours, checked from the theme data: the 16 basic colours
//! only, no bright black (SGR 90) and no italics, and every text/background
//! pair legible in the xterm default palette and on solarized-like ones.

use super::*;

/// The xterm default palette (`XTerm*color0` … `color15`).
const XTERM: [u32; 16] = [
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, 0x7f7f7f,
    0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
];

/// Solarized, the low-contrast palette where bright black is the dark
/// background itself.
const SOLARIZED: [u32; 16] = [
    0x073642, 0xdc322f, 0x859900, 0xb58900, 0x268bd2, 0xd33682, 0x2aa198, 0xeee8d5, 0x002b36,
    0xcb4b16, 0x586e75, 0x657b83, 0x839496, 0x6c71c4, 0x93a1a1, 0xfdf6e3,
];

/// A terminal: its palette and its default foreground and background.
struct Ground {
    palette: [u32; 16],
    fg: u32,
    bg: u32,
}

const XTERM_DARK: Ground = Ground {
    palette: XTERM,
    fg: 0xe5e5e5,
    bg: 0x000000,
};
const XTERM_LIGHT: Ground = Ground {
    palette: XTERM,
    fg: 0x000000,
    bg: 0xffffff,
};
const SOLARIZED_DARK: Ground = Ground {
    palette: SOLARIZED,
    fg: 0x839496,
    bg: 0x002b36,
};
const SOLARIZED_LIGHT: Ground = Ground {
    palette: SOLARIZED,
    fg: 0x657b83,
    bg: 0xfdf6e3,
};

/// WCAG relative luminance of a 24-bit colour.
fn luminance(rgb: u32) -> f64 {
    let channel = |shift: u32| {
        let c = f64::from((rgb >> shift) & 0xff) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
}

fn contrast(a: u32, b: u32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The contrast of `style` as a terminal with `ground` shows it.
fn shown_contrast(style: Style, ground: &Ground) -> f64 {
    let colour = |c: Option<Color>, default: u32| match c {
        Some(Color::Indexed(i)) if i < 16 => ground.palette[usize::from(i)],
        Some(Color::Reset) | None => default,
        Some(other) => panic!("not a basic colour: {other:?}"),
    };
    let mut fg = colour(style.fg, ground.fg);
    let mut bg = colour(style.bg, ground.bg);
    if style.add_modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    contrast(fg, bg)
}

/// Every style of a theme, and the combinations the views draw with.
fn roles(t: &Theme) -> Vec<(&'static str, Style)> {
    vec![
        ("text", t.text),
        ("title", t.title),
        ("subtitle", t.subtitle),
        ("item_title", t.item_title),
        ("figure", t.figure),
        ("better", t.better),
        ("worse", t.worse),
        ("neutral", t.neutral),
        ("derived", t.derived),
        ("dim", t.dim),
        ("matched", t.matched),
        ("current_match", t.current_match),
        ("cite", t.cite),
        ("selected", t.selected),
        ("header", t.header),
        ("header_focused", t.header_focused),
        ("status", t.status),
        ("classification", t.classification),
        ("tab", t.tab),
        ("tab_current", t.tab_current),
        ("separator", t.separator),
        ("overlay", t.overlay),
        ("hint", t.status.patch(t.dim)),
        ("selected title", t.title.patch(t.selected)),
        ("overlay border", t.overlay.patch(t.separator)),
        ("overlay dim", t.overlay.patch(t.dim)),
    ]
}

/// The roles that carry hints and sparklines, which must read on any palette.
const HINTS_AND_SPARKLINES: &[&str] = &[
    "hint", "dim", "derived", "figure", "better", "worse", "neutral",
];

/// Each colour theme with the terminal it is made for, in xterm's palette
/// and in solarized's.
fn grounds(t: &Theme) -> (&'static Ground, &'static Ground) {
    match t.name {
        "dark" => (&XTERM_DARK, &SOLARIZED_DARK),
        _ => (&XTERM_LIGHT, &SOLARIZED_LIGHT),
    }
}

fn colour_themes() -> impl Iterator<Item = Theme> {
    Theme::ABOUT.iter().map(|(name, _)| Theme::of(*name))
}

fn all_themes() -> impl Iterator<Item = Theme> {
    colour_themes().chain([Theme::plain()])
}

#[test]
fn the_contrast_formula_is_wcags() {
    assert!((contrast(0x000000, 0xffffff) - 21.0).abs() < 1e-9);
    assert!((contrast(0x7f7f7f, 0xffffff) - 4.0).abs() < 0.05);
    assert_eq!(contrast(0x123456, 0x123456), 1.0);
}

/// Every text/background pair of every theme reaches 4.5:1 in the xterm
/// default palette, the projector's included.
#[test]
fn every_role_pair_reaches_four_and_a_half_to_one_in_xterm() {
    for t in colour_themes() {
        let (xterm, _) = grounds(&t);
        for (role, style) in roles(&t) {
            let c = shown_contrast(style, xterm);
            assert!(c >= 4.5, "{}: {role} is {c:.2}:1", t.name);
        }
    }
}

/// Hints and sparklines stay legible (3:1, the least for text a reader
/// must pick out) on a low-contrast dark and light 16-colour palette.
#[test]
fn hints_and_sparklines_are_legible_on_dark_and_light_solarized() {
    for t in colour_themes().filter(|t| t.name != "projector") {
        let (_, solarized) = grounds(&t);
        for (role, style) in roles(&t) {
            if HINTS_AND_SPARKLINES.contains(&role) {
                let c = shown_contrast(style, solarized);
                assert!(c >= 3.0, "{} on solarized: {role} is {c:.2}:1", t.name);
            }
        }
    }
}

/// Bright black (SGR 90) is the background in some palettes: no role uses it.
#[test]
fn no_role_is_drawn_in_bright_black() {
    for t in all_themes() {
        for (role, style) in roles(&t) {
            for c in [style.fg, style.bg].into_iter().flatten() {
                assert_ne!(c, Color::Indexed(8), "{}: {role}", t.name);
                assert_ne!(c, Color::DarkGray, "{}: {role}", t.name);
            }
        }
    }
}

/// Italic 汉字 are slanted glyphs no Chinese typesetting uses.
#[test]
fn no_role_is_italic() {
    for t in all_themes() {
        for (role, style) in roles(&t) {
            assert!(
                !style.add_modifier.contains(Modifier::ITALIC),
                "{}: {role}",
                t.name
            );
        }
    }
}

/// Every colour of every theme is one of the 16 basic ones, which any
/// colour terminal shows: a 256-colour terminal and a 16-colour one alike.
#[test]
fn themes_use_the_sixteen_basic_colours() {
    for t in colour_themes() {
        for (role, s) in roles(&t) {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(
                    matches!(c, Color::Reset | Color::Indexed(0..=15)),
                    "{}: {role}: {c:?}",
                    t.name
                );
            }
        }
    }
}
