//! For the benchmark `examples/big_section.rs`: the reader on several
//! periods of one organisation, one section of each grown to many
//! indicators, a key handled and drawn at a time on one TestBackend.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::model::{Briefing, Indicator};
use crate::reader::state::App;
use crate::screen::run::Mode;
use crate::screen::theme::Theme;

/// The reader on a big section, kept on one terminal as the real loop is.
pub struct BigSection {
    app: App,
    terminal: Terminal<TestBackend>,
    grown: usize,
}

/// `b`'s first section with indicators grown to `n`, copies of its first
/// (history kept), the values `i + salt`.
fn grow(b: &mut Briefing, n: usize, salt: f64) {
    let section = b
        .sections
        .iter_mut()
        .find(|s| !s.indicators.is_empty())
        .expect("a section with indicators");
    let model = section.indicators[0].clone();
    section.indicators = (0..n)
        .map(|i| Indicator {
            id: format!("x-{i}"),
            label: format!("指标{i}"),
            value: Some(i as f64 + salt),
            ..model.clone()
        })
        .collect();
}

impl BigSection {
    /// The reader on the periods at `paths` (fixtures that must load), the
    /// k-th grown to `n` indicators with values `i + k/2`, at
    /// `width`×`height`.
    pub fn open(paths: &[&Path], n: usize, width: u16, height: u16) -> BigSection {
        let mut group: Vec<Briefing> = paths.iter().map(|p| super::fixture(p)).collect();
        for (k, b) in group.iter_mut().enumerate() {
            grow(b, n, k as f64 * 0.5);
        }
        let app =
            App::with_periods(group, super::area(width, height), Theme::dark()).expect("a group");
        let grown = app
            .briefing()
            .sections
            .iter()
            .position(|s| s.indicators.len() == n)
            .expect("the grown section");
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        BigSection {
            app,
            terminal,
            grown,
        }
    }

    /// How many sections come before the grown one.
    pub fn grown_section(&self) -> usize {
        self.grown
    }

    /// Draw the screen as it is now.
    pub fn draw(&mut self) {
        let app = &self.app;
        self.terminal.draw(|f| app.draw(f)).expect("a test draw");
    }

    /// Each key of `script` handled, then the screen drawn.
    pub fn press(&mut self, script: &str) {
        for event in super::keys(script) {
            let _ = self.app.handle(&event);
            self.draw();
        }
    }
}
