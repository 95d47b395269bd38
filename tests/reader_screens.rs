//! Whole screens of the reader on TestBackend at several sizes after scripted
//! keys, on the 2023 briefing and on a second one, as insta snapshots.

mod common;

use common::{HARBOUR, Y2023, screen};

macro_rules! shot {
    ($name:ident, $path:expr, $w:expr, $h:expr, $keys:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(screen($path, $w, $h, $keys));
        }
    };
}

shot!(y2023_120x40_start, Y2023, 120, 40, "");
shot!(y2023_120x40_campaign_1, Y2023, 120, 40, "1");
shot!(
    y2023_120x40_indicator_detail,
    Y2023,
    120,
    40,
    "1<Tab>jjj<Enter>"
);
shot!(y2023_120x40_search, Y2023, 120, 40, "/枫桥<Enter>");
shot!(y2023_120x40_help, Y2023, 120, 40, "?");
shot!(y2023_120x40_outline_focus, Y2023, 120, 40, "<BackTab>jjjjj");
shot!(y2023_80x24_start, Y2023, 80, 24, "");
shot!(y2023_80x24_campaign_2, Y2023, 80, 24, "2");
shot!(y2023_80x24_next_item, Y2023, 80, 24, "3}}");
shot!(y2023_80x24_help, Y2023, 80, 24, "?");
shot!(y2023_80x24_search_prompt, Y2023, 80, 24, "/枫桥");
shot!(y2023_40x20_start, Y2023, 40, 20, "");
shot!(y2023_40x20_campaign_1, Y2023, 40, 20, "1");
shot!(y2023_40x20_indicators, Y2023, 40, 20, "1<Tab>");
shot!(y2023_40x20_outline, Y2023, 40, 20, "<BackTab>");
shot!(y2023_40x20_help, Y2023, 40, 20, "?");
shot!(y2023_too_small, Y2023, 15, 5, "");
shot!(harbour_120x40_start, HARBOUR, 120, 40, "");
shot!(
    harbour_120x40_campaign_1_detail,
    HARBOUR,
    120,
    40,
    "1<Tab><Enter>"
);
shot!(harbour_120x40_general_section, HARBOUR, 120, 40, "2]");
shot!(harbour_80x24_campaign_2, HARBOUR, 80, 24, "2");
shot!(harbour_80x24_no_third_campaign, HARBOUR, 80, 24, "3");
shot!(harbour_40x20_start, HARBOUR, 40, 20, "");
shot!(
    harbour_40x20_campaign_2_indicators,
    HARBOUR,
    40,
    20,
    "2<Tab>"
);
