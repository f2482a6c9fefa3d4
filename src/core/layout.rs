//! The timeline's geometry, shared by the screen and the exported images: calendar ticks, the
//! rows events take within a lane, marker sizes and how long a label may be.

use crate::core::view::{day_of, x_of};
use chrono::{Datelike, NaiveDate};

/// Tick steps in days: day, week, month, quarter, year, 5 years, decade, 50 years, century.
/// Months and longer are aligned to the calendar.
pub const STEPS: [f64; 9] = [
    1.0, 7.0, 30.4, 91.3, 365.2, 1826.2, 3652.4, 18262.0, 36524.0,
];

/// Rows an event can take within its lane, as offsets from the lane's line (in lanes).
pub const ROW_OFFSETS: [f64; 3] = [0.0, 0.3, -0.3];

/// Longest event label on a timeline, in characters.
pub const LABEL_MAX_CHARS: usize = 34;

/// The marker's radius: it grows with the independent sources, up to six.
pub const fn marker_radius(sources: usize) -> f64 {
    let sources = if sources < 6 { sources } else { 6 };
    3.0 + 1.5 * sources as f64
}

/// The largest marker's radius.
pub const MARKER_MAX_RADIUS: f64 = marker_radius(6);

/// Ticks on calendar boundaries between plot x `lo` and `hi` (days), at the finest of
/// [`STEPS`] no shorter than `min_step` days, at most `most` of them: (x, step in days).
pub fn calendar_ticks(lo: f64, hi: f64, min_step: f64, most: usize) -> Vec<(f64, f64)> {
    let (Some(first), Some(_)) = (day_of(lo), day_of(hi)) else {
        return Vec::new();
    };
    let step = STEPS
        .iter()
        .copied()
        .find(|&s| s >= min_step)
        .unwrap_or(STEPS[STEPS.len() - 1]);
    let mut ticks = Vec::new();
    if step < 30.0 {
        let mut x = lo.ceil();
        while x <= hi && ticks.len() < most {
            ticks.push((x, step));
            x += step;
        }
        return ticks;
    }
    let months = (step / 30.4).round().max(1.0) as i32;
    let mut year = first.year();
    let mut month0 = if months >= 12 {
        0
    } else {
        (first.month0() as i32 / months) * months
    };
    if months >= 12 {
        let years = months / 12;
        year -= year.rem_euclid(years);
    }
    while ticks.len() < most {
        let Some(day) = NaiveDate::from_ymd_opt(year, month0 as u32 + 1, 1) else {
            break;
        };
        let x = x_of(day);
        if x > hi {
            break;
        }
        if x >= lo {
            ticks.push((x, step));
        }
        month0 += months;
        year += month0 / 12;
        month0 %= 12;
    }
    ticks
}

/// A tick's label: the day at day and week steps, the month at month and quarter steps, the
/// year beyond.
pub fn tick_label(x: f64, step: f64) -> String {
    day_of(x).map_or_else(String::new, |d| {
        if step < 30.0 {
            d.format("%-d %b").to_string()
        } else if step < 365.0 {
            d.format("%b %Y").to_string()
        } else {
            d.format("%Y").to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_the_calendar() {
        let x = |s: &str| x_of(s.parse().expect("date"));
        let labelled = |lo: &str, hi: &str, most: usize| -> Vec<String> {
            let (lo, hi) = (x(lo), x(hi));
            calendar_ticks(lo, hi, (hi - lo) / most as f64, most)
                .into_iter()
                .map(|(x, step)| tick_label(x, step))
                .collect()
        };
        let days = labelled("2025-12-20", "2025-12-30", 20);
        assert_eq!(days.len(), 11);
        assert_eq!(days[0], "20 Dec");
        let months = labelled("2025-01-15", "2025-12-30", 20);
        assert_eq!(months[0], "Feb 2025");
        let decades = labelled("1900-01-01", "2000-01-01", 12);
        assert!(decades.iter().all(|l| l.ends_with('0')), "{decades:?}");
        assert!(marker_radius(40) <= MARKER_MAX_RADIUS && marker_radius(0) > 0.0);
    }
}
