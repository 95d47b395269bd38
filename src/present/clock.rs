//! The presenter's clock: time since the start, the wall clock, time spent on
//! each slide, and with `--minutes` a budget per slide in proportion to its text.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::slides::{Body, Slide};

/// The talk's clock. It runs from the first move (or `t`) and can be paused
/// (`t`) and reset (`T`); the time it shows is run time, pauses left out.
#[derive(Debug, Clone)]
pub(crate) struct Clock {
    /// The time the screen shows (updated on each event and tick).
    pub now: Instant,
    /// The wall clock at an instant, to tell the wall clock at `now`.
    wall_base: (Instant, SystemTime),
    /// Run time before the current run.
    before: Duration,
    /// When the current run began; none while stopped.
    since: Option<Instant>,
    /// Whether the presenter started (or paused) the clock since the last reset.
    touched: bool,
    /// The run time at which the current slide was entered.
    entered: Duration,
    /// Run time spent on each slide before the current visit.
    pub spent: Vec<Duration>,
    /// The talk's whole budget (`--minutes`), exact.
    total: Option<Duration>,
    pub budgets: Option<Vec<Duration>>,
}

/// How a slide's share of the time is weighed: its text, with a floor.
fn weight(slide: &Slide) -> f64 {
    match &slide.body {
        Body::Text(lines) => lines
            .iter()
            .map(|l| l.text.chars().count())
            .sum::<usize>()
            .max(40) as f64,
        Body::Overview(_) => 200.0,
        Body::Title | Body::End => 60.0,
    }
}

/// How far into a budget: within it, past 80 %, or over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pace {
    Fine,
    Warning,
    Over,
}

impl Clock {
    pub(crate) fn new(slides: &[Slide], minutes: Option<f64>) -> Clock {
        let now = Instant::now();
        let mut clock = Clock {
            now,
            wall_base: (now, SystemTime::now()),
            before: Duration::ZERO,
            since: None,
            touched: false,
            entered: Duration::ZERO,
            spent: Vec::new(),
            total: None,
            budgets: None,
        };
        clock.plan(slides, minutes.map(|m| Duration::from_secs_f64(m * 60.0)));
        clock
    }

    /// Share `total` over `slides` by their text (again after the deck changed).
    pub(crate) fn plan(&mut self, slides: &[Slide], total: Option<Duration>) {
        self.spent = vec![Duration::ZERO; slides.len()];
        // Whole seconds: `--minutes 10` is 10:00, not 09:59.999.
        self.total = total.map(|t| Duration::from_secs(t.as_secs_f64().round() as u64));
        self.budgets = self.total.map(|total| {
            let weights: Vec<f64> = slides.iter().map(weight).collect();
            let sum: f64 = weights.iter().sum::<f64>().max(1.0);
            weights.iter().map(|w| total.mul_f64(w / sum)).collect()
        });
    }

    pub(crate) fn total_budget(&self) -> Option<Duration> {
        self.total
    }

    /// Run time so far, pauses left out.
    pub(crate) fn elapsed(&self) -> Duration {
        self.before
            + self
                .since
                .map_or(Duration::ZERO, |s| self.now.saturating_duration_since(s))
    }

    pub(crate) fn running(&self) -> bool {
        self.since.is_some()
    }

    /// Start the clock, unless the presenter already started or paused it:
    /// the first move of the talk starts it.
    pub(crate) fn start(&mut self) {
        if !self.touched {
            self.toggle();
        }
    }

    /// `t`: start, or pause, or go on.
    pub(crate) fn toggle(&mut self) {
        self.touched = true;
        match self.since.take() {
            Some(s) => self.before += self.now.saturating_duration_since(s),
            None => self.since = Some(self.now),
        }
    }

    /// `T`: back to zero, stopped, each slide's time forgotten.
    pub(crate) fn reset(&mut self) {
        self.before = Duration::ZERO;
        self.since = None;
        self.touched = false;
        self.entered = Duration::ZERO;
        self.spent.iter_mut().for_each(|s| *s = Duration::ZERO);
    }

    /// Time on slide `i` so far, this visit included.
    pub(crate) fn on_slide(&self, i: usize) -> Duration {
        self.spent.get(i).copied().unwrap_or_default() + self.elapsed().saturating_sub(self.entered)
    }

    /// Leave slide `i` for another.
    pub(crate) fn leave(&mut self, i: usize) {
        let now = self.elapsed();
        if let Some(s) = self.spent.get_mut(i) {
            *s += now.saturating_sub(self.entered);
        }
        self.entered = now;
    }

    pub(crate) fn pace(used: Duration, budget: Duration) -> Pace {
        let share = used.as_secs_f64() / budget.as_secs_f64().max(0.001);
        if share > 1.0 {
            Pace::Over
        } else if share >= 0.8 {
            Pace::Warning
        } else {
            Pace::Fine
        }
    }

    /// The next whole second of the clock shown: when the clock must redraw.
    pub(crate) fn next_tick(&self) -> Instant {
        let into = if self.running() {
            self.elapsed().subsec_nanos()
        } else {
            self.wall_at()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos())
        };
        self.now + Duration::from_nanos(u64::from(1_000_000_000 - into))
    }

    fn wall_at(&self) -> SystemTime {
        self.wall_base.1 + self.now.saturating_duration_since(self.wall_base.0)
    }

    /// The wall clock at `now`, local time, `HH:MM:SS`.
    pub(crate) fn wall(&self) -> String {
        match crate::os::local_time(self.wall_at()) {
            Some((h, m, s)) => format!("{h:02}:{m:02}:{s:02}"),
            None => "--:--:--".into(),
        }
    }
}

/// `12:34`, or `1:02:03` past an hour.
pub(crate) fn format_duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_clocks() {
        assert_eq!(format_duration(Duration::from_secs(75)), "01:15");
        assert_eq!(format_duration(Duration::from_secs(3723)), "1:02:03");
    }

    #[test]
    fn pace_turns_at_80_percent_and_past_the_budget() {
        let b = Duration::from_secs(100);
        assert_eq!(Clock::pace(Duration::from_secs(79), b), Pace::Fine);
        assert_eq!(Clock::pace(Duration::from_secs(80), b), Pace::Warning);
        assert_eq!(Clock::pace(Duration::from_secs(101), b), Pace::Over);
    }

    #[test]
    fn the_budget_is_exact_and_the_clock_waits_for_the_first_move() {
        let mut c = Clock::new(&[], Some(10.0));
        assert_eq!(format_duration(c.total_budget().unwrap()), "10:00");
        c.now += Duration::from_secs(30);
        assert_eq!(c.elapsed(), Duration::ZERO, "not started at launch");
        c.start();
        c.now += Duration::from_secs(5);
        assert_eq!(c.elapsed(), Duration::from_secs(5));
        c.toggle();
        c.now += Duration::from_secs(100);
        assert_eq!(c.elapsed(), Duration::from_secs(5), "paused");
        c.start();
        assert!(!c.running(), "a move does not undo a pause");
        c.toggle();
        c.now += Duration::from_secs(2);
        assert_eq!(c.elapsed(), Duration::from_secs(7));
        c.reset();
        assert_eq!((c.elapsed(), c.running()), (Duration::ZERO, false));
        c.start();
        assert!(c.running(), "after a reset the next move starts it again");
    }
}
