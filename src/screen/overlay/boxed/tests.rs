use super::*;
use ratatui::style::Style;

/// A screen of CJK text (every cell half of a wide character).
fn cjk(w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    for y in 0..h {
        // Odd rows start one column in, so both parities of edge are cut.
        let x0 = y % 2;
        buf.set_stringn(
            x0,
            y,
            "综述面对复杂严峻的疫后社会治安形势".repeat(20),
            usize::from(w - x0),
            Style::new(),
        );
    }
    buf
}

/// Every cell of the frame of `rect` holds a border symbol, and no wide
/// character runs under any of them.
fn assert_whole_frame(buf: &Buffer, rect: Rect) {
    let [tl, tr_, bl, br] = corners();
    let (r, b) = (rect.right() - 1, rect.bottom() - 1);
    assert_eq!(buf[(rect.x, rect.y)].symbol(), tl);
    assert_eq!(buf[(r, rect.y)].symbol(), tr_);
    assert_eq!(buf[(rect.x, b)].symbol(), bl);
    assert_eq!(buf[(r, b)].symbol(), br);
    for y in rect.y + 1..b {
        assert_eq!(buf[(rect.x, y)].symbol(), vline(), "left edge at row {y}");
        assert_eq!(buf[(r, y)].symbol(), vline(), "right edge at row {y}");
        if rect.x > 0 {
            assert_eq!(
                buf[(rect.x - 1, y)].symbol().width(),
                1,
                "wide char under the left edge at row {y}"
            );
        }
    }
}

#[test]
fn the_frame_is_whole_over_wide_text_at_every_size() {
    let t = Theme::dark();
    for (w, h) in [(80, 24), (60, 20), (40, 15), (21, 7)] {
        for (bw, bh) in [(30, 10), (33, 11), (200, 5), (7, 3)] {
            let mut buf = cjk(w, h);
            let area = buf.area;
            let rect = place(area, bw, bh).unwrap();
            frame(&t, rect, "帮助 · 按键", 0, 100, &mut buf);
            assert_whole_frame(&buf, rect);
        }
    }
}

#[test]
fn a_box_that_scrolls_says_so() {
    let t = Theme::dark();
    let rect = Rect::new(0, 0, 30, 6);
    let text = |buf: &Buffer, y: u16| -> String {
        let mut out = String::new();
        let mut x = 0;
        while x < 30 {
            let s = buf[(x, y)].symbol();
            out.push_str(s);
            x += s.width().max(1) as u16;
        }
        out
    };
    let mut buf = Buffer::empty(rect);
    frame(&t, rect, "标题", 0, 10, &mut buf);
    assert!(
        text(&buf, 5).contains(tr("more_below")),
        "{}",
        text(&buf, 5)
    );
    assert!(!text(&buf, 0).contains(more_above()));
    let mut buf = Buffer::empty(rect);
    frame(&t, rect, "标题", 6, 10, &mut buf);
    assert!(!text(&buf, 5).contains(tr("more_below")), "at the end");
    assert!(text(&buf, 0).contains(more_above()), "{}", text(&buf, 0));
    assert_eq!(max_scroll(rect, 10), 6);
}

#[test]
fn content_cut_by_the_right_edge_is_blanked() {
    let t = Theme::dark();
    let rect = Rect::new(0, 0, 9, 3);
    // Inner is 5 wide: 综述 fits (4), 面 would need columns 4–5.
    let mut content = Buffer::empty(Rect::new(0, 0, 6, 1));
    content.set_string(0, 0, "综述面", Style::new());
    let mut buf = Buffer::empty(rect);
    frame(&t, rect, "", 0, 1, &mut buf);
    blit(&t, &content, 0, rect, &mut buf);
    let row: Vec<&str> = (0..9).map(|x| buf[(x, 1)].symbol()).collect();
    assert_eq!(row[2], "综");
    assert_eq!(row[6], " ", "the cut wide character is blanked");
    assert_eq!(row[8], vline());
}
