//! The presenter's clock: time since the start, the wall clock, time spent on
//! each slide, and with `--minutes` a budget per slide in proportion to its text.

use std::time::{Duration, Instant, SystemTime};

use super::slides::{Body, Slide};

#[derive(Debug, Clone)]
pub struct Clock {
    pub started: Instant,
    /// The wall-clock time at `started`.
    pub wall_start: SystemTime,
    /// The time the screen shows (updated on each event and tick).
    pub now: Instant,
    /// When the current slide was entered.
    pub entered: Instant,
    /// Time spent on each slide before the current visit.
    pub spent: Vec<Duration>,
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
pub enum Pace {
    Fine,
    Warning,
    Over,
}

impl Clock {
    pub fn new(slides: &[Slide], minutes: Option<f64>) -> Clock {
        let now = Instant::now();
        let mut clock = Clock {
            started: now,
            wall_start: SystemTime::now(),
            now,
            entered: now,
            spent: Vec::new(),
            budgets: None,
        };
        clock.plan(slides, minutes.map(|m| Duration::from_secs_f64(m * 60.0)));
        clock
    }

    /// Share `total` over `slides` by their text (again after the deck changed).
    pub fn plan(&mut self, slides: &[Slide], total: Option<Duration>) {
        self.spent = vec![Duration::ZERO; slides.len()];
        self.budgets = total.map(|total| {
            let weights: Vec<f64> = slides.iter().map(weight).collect();
            let sum: f64 = weights.iter().sum::<f64>().max(1.0);
            weights.iter().map(|w| total.mul_f64(w / sum)).collect()
        });
    }

    pub fn total_budget(&self) -> Option<Duration> {
        self.budgets.as_ref().map(|b| b.iter().sum())
    }

    pub fn elapsed(&self) -> Duration {
        self.now.saturating_duration_since(self.started)
    }

    /// Time on slide `i` so far, this visit included.
    pub fn on_slide(&self, i: usize) -> Duration {
        self.spent.get(i).copied().unwrap_or_default()
            + self.now.saturating_duration_since(self.entered)
    }

    /// Leave slide `i` for another.
    pub fn leave(&mut self, i: usize) {
        if let Some(s) = self.spent.get_mut(i) {
            *s += self.now.saturating_duration_since(self.entered);
        }
        self.entered = self.now;
    }

    pub fn pace(used: Duration, budget: Duration) -> Pace {
        let share = used.as_secs_f64() / budget.as_secs_f64().max(0.001);
        if share > 1.0 {
            Pace::Over
        } else if share >= 0.8 {
            Pace::Warning
        } else {
            Pace::Fine
        }
    }

    /// The next whole second of the elapsed time: when the clock must redraw.
    pub fn next_tick(&self) -> Instant {
        let into = self.elapsed().subsec_nanos();
        self.now + Duration::from_nanos(u64::from(1_000_000_000 - into))
    }

    /// The wall clock at `now`, local time, `HH:MM:SS`.
    pub fn wall(&self) -> String {
        let at = self.wall_start + self.elapsed();
        match crate::os::local_time(at) {
            Some((h, m, s)) => format!("{h:02}:{m:02}:{s:02}"),
            None => "--:--:--".into(),
        }
    }
}

/// `12:34`, or `1:02:03` past an hour.
pub fn format_duration(d: Duration) -> String {
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
}
