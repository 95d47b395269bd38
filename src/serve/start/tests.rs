use super::*;
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn start(n: usize, area: Rect) -> Start {
    let mut s = Start {
        rows: Vec::new(),
        selected: 0,
        top: 0,
        area,
        theme: Theme::plain(),
    };
    s.rows = (0..n)
        .map(|i| Row {
            organization: "市局".into(),
            period: format!("{}", 2000 + i),
            title: format!("工作简报 {i}"),
            path: PathBuf::from(format!("{i}.toml")),
        })
        .collect();
    s
}

fn screen(s: &Start) -> String {
    let mut t = Terminal::new(TestBackend::new(s.area.width, s.area.height)).unwrap();
    t.draw(|f| s.draw(f)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn enter_opens_the_chosen_one_and_q_quits() {
    let mut s = start(3, Rect::new(0, 0, 40, 10));
    assert_eq!(s.handle(&key(KeyCode::Down)), Step::Changed);
    assert_eq!(
        s.handle(&key(KeyCode::Enter)),
        Step::Exit(StartExit::Open(PathBuf::from("1.toml")))
    );
    assert_eq!(
        s.handle(&key(KeyCode::Char('q'))),
        Step::Exit(StartExit::Quit)
    );
    assert_eq!(s.handle(&key(KeyCode::Up)), Step::Changed);
    assert_eq!(s.handle(&key(KeyCode::Up)), Step::Ignored);
}

#[test]
fn the_selection_stays_on_screen_at_any_size() {
    let mut s = start(50, Rect::new(0, 0, 30, 8));
    s.handle(&key(KeyCode::End));
    assert!(screen(&s).contains(" 49"), "{}", screen(&s));
    for (w, h) in [(1, 1), (5, 2), (20, 3), (80, 24)] {
        s.resize(Rect::new(0, 0, w, h));
        let shown = screen(&s);
        if h > 3 {
            assert!(shown.contains("49"), "{w}x{h}\n{shown}");
        }
    }
}

#[test]
fn an_empty_library_says_so() {
    let s = start(0, Rect::new(0, 0, 40, 6));
    let shown = crate::i18n::with_lang(crate::i18n::Lang::En, || screen(&s));
    assert!(shown.contains("No briefings"), "{shown}");
}
