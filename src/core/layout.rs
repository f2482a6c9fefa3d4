//! The timeline's geometry, shared by the screen and the exported images: calendar ticks, the
//! rows events take within a lane, marker sizes, how long a label may be, and where labels go
//! ([`place_labels`]: no label over another label or over another event's marker).

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

/// An event's label on a timeline: its title, shortened to [`LABEL_MAX_CHARS`] (the full
/// title is in the tooltip and the briefing), marked when disputed.
#[must_use]
pub fn event_label(event: &crate::core::document::Event) -> String {
    let title = crate::core::article::shorten(&event.title, LABEL_MAX_CHARS);
    if event.disputed {
        format!("{title} [disputed]")
    } else {
        title
    }
}

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
    // Steps of a year or more are whole years: a century is 1,200 months, not 1,201.
    let months = if step >= STEPS[4] {
        (step / STEPS[4]).round().max(1.0) as i32 * 12
    } else {
        (step / 30.4).round().max(1.0) as i32
    };
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

/// A rectangle on a drawing, in its own units, y growing downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Area {
    /// The area of `width` × `height` whose top-left corner is at (`left`, `top`).
    #[must_use]
    pub fn at(left: f64, top: f64, width: f64, height: f64) -> Self {
        Self {
            left,
            top,
            right: left + width,
            bottom: top + height,
        }
    }

    /// Whether the two overlap (touching edges do not).
    #[must_use]
    pub fn intersects(&self, other: &Area) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// The area with `margin` more on every side.
    #[must_use]
    pub fn grown(&self, margin: f64) -> Self {
        Self {
            left: self.left - margin,
            top: self.top - margin,
            right: self.right + margin,
            bottom: self.bottom + margin,
        }
    }

    /// Its width.
    #[must_use]
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    /// Its centre.
    #[must_use]
    pub fn center(&self) -> (f64, f64) {
        (
            f64::midpoint(self.left, self.right),
            f64::midpoint(self.top, self.bottom),
        )
    }
}

/// How far apart labels and markers stay beyond not overlapping, in drawing units.
const CLEARANCE: f64 = 0.01;

/// One event as drawn, for placing its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// The event (its place in the document).
    pub event: usize,
    /// Its marker.
    pub marker: Area,
    /// Its date-range bar (from its first to its last possible day).
    pub bar: Area,
    /// Its label's width and height.
    pub label: (f64, f64),
    /// Its salience: a label hides only the markers of less salient events.
    pub salience: f64,
    /// The selected event's label is always drawn and never gives way.
    pub selected: bool,
}

/// Where the labels go.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    /// Each label's area and event.
    pub labels: Vec<(Area, usize)>,
    /// Events whose markers a more salient event's label covers: they are left undrawn (to the
    /// density), and unnamed.
    pub hidden: std::collections::HashSet<usize>,
}

/// Places the labels of `drawn` (in priority order: the selected event first, then the most
/// salient), like a map: a label goes beside its marker, above or below, before or after it,
/// or at its bar's first day (clamped to `x_range`), where it covers no other label and no
/// marker of an event as salient as its own, and crosses no other event's bar if it can
/// (else only the bars of less salient events). With `hide_markers` (the screen, where the
/// hidden are drawn as density and come back on zooming in), a label may cover the markers of
/// less salient events, which are then hidden; without (an exported image), it covers no
/// other marker. A label that fits nowhere is left out, except the selected event's.
#[must_use]
pub fn place_labels(drawn: &[Drawn], x_range: (f64, f64), hide_markers: bool) -> Placement {
    let salience: std::collections::HashMap<usize, (f64, bool)> = drawn
        .iter()
        .map(|d| (d.event, (d.salience, d.selected)))
        .collect();
    let mut markers: Vec<(Area, usize)> = drawn.iter().map(|d| (d.marker, d.event)).collect();
    markers.sort_by(|a, b| a.0.left.total_cmp(&b.0.left));
    let widest_marker = markers.iter().map(|m| m.0.width()).fold(0.0, f64::max);
    // Only bars wider than a marker can be crossed without covering the marker.
    let mut bars: Vec<(Area, usize)> = drawn
        .iter()
        .filter(|d| d.bar.width() > widest_marker)
        .map(|d| (d.bar, d.event))
        .collect();
    bars.sort_by(|a, b| {
        a.0.top
            .total_cmp(&b.0.top)
            .then(a.0.left.total_cmp(&b.0.left))
    });
    let tallest_bar = bars
        .iter()
        .map(|b| b.0.bottom - b.0.top)
        .fold(0.0, f64::max);
    let mut placement = Placement::default();
    for d in drawn {
        if placement.hidden.contains(&d.event) {
            continue;
        }
        let own = d.salience;
        let gives_way = |other: usize| {
            salience
                .get(&other)
                .is_some_and(|&(s, selected)| !selected && s < own)
        };
        let out_of_the_way = |other: usize| gives_way(other) || placement.hidden.contains(&other);
        let may_cover = |other: usize| hide_markers && out_of_the_way(other);
        let candidates = label_candidates(d, x_range.0);
        let free = |area: &Area| {
            // Touching is kept apart too, so that rounding on the way to the screen never
            // turns it into an overlap.
            let near = area.grown(CLEARANCE);
            x_range.0 <= area.left
                && area.right <= x_range.1
                && !placement.labels.iter().any(|(t, _)| t.intersects(&near))
                && !under(&markers, &near, widest_marker)
                    .any(|&(_, e)| e != d.event && !may_cover(e))
        };
        let crosses = |area: &Area, may_cross: &dyn Fn(usize) -> bool| {
            let first = bars.partition_point(|(b, _)| b.top < area.top - tallest_bar);
            let last = bars.partition_point(|(b, _)| b.top <= area.bottom);
            bars[first..last.max(first)]
                .iter()
                .any(|(b, e)| *e != d.event && !may_cross(*e) && b.intersects(area))
        };
        let Some(area) = candidates
            .iter()
            .find(|a| free(a) && !crosses(a, &|_| false))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|a| free(a) && !crosses(a, &out_of_the_way))
            })
            .or(d.selected.then_some(&candidates[0]))
            .copied()
        else {
            continue;
        };
        if hide_markers {
            let covered: Vec<usize> = under(&markers, &area, widest_marker)
                .map(|&(_, e)| e)
                .filter(|&e| e != d.event && gives_way(e))
                .collect();
            placement.hidden.extend(covered);
        }
        placement.labels.push((area, d.event));
    }
    placement
}

/// Where a label may go, in order of preference: above its marker to the right, below it,
/// ending at it above or below, level with it after it, at its bar's first day in view above
/// or below, or a row further out.
fn label_candidates(d: &Drawn, first_x: f64) -> [Area; 9] {
    let (cx, cy) = d.marker.center();
    let radius = d.marker.width() / 2.0;
    let (w, h) = d.label;
    let (above, below) = (cy - radius - 1.0, cy + radius + 1.0);
    let (right, left) = (cx - radius, cx + radius - w);
    let bar_start = d.bar.left.max(first_x);
    let (bar_above, bar_below) = (cy - 4.0, cy + 4.0);
    [
        Area::at(right, above - h, w, h),
        Area::at(right, below, w, h),
        Area::at(left, above - h, w, h),
        Area::at(left, below, w, h),
        Area::at(cx + radius + 2.0, cy - h / 2.0, w, h),
        Area::at(bar_start, bar_above - h, w, h),
        Area::at(bar_start, bar_below, w, h),
        Area::at(right, above - 2.0 * h, w, h),
        Area::at(right, below + h, w, h),
    ]
}

/// The markers (sorted by left edge, none wider than `widest`) that `area` covers: a binary
/// search, then a test of the few near it.
fn under<'m>(
    markers: &'m [(Area, usize)],
    area: &Area,
    widest: f64,
) -> impl Iterator<Item = &'m (Area, usize)> {
    let first = markers.partition_point(|(m, _)| m.left < area.left - widest);
    let last = markers.partition_point(|(m, _)| m.left <= area.right);
    let area = *area;
    markers[first..last.max(first)]
        .iter()
        .filter(move |(m, _)| m.intersects(&area))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(event: usize, x: f64, y: f64, salience: f64) -> Drawn {
        Drawn {
            event,
            marker: Area::at(x - 4.0, y - 4.0, 8.0, 8.0),
            bar: Area::at(x - 4.0, y - 2.0, 8.0, 4.0),
            label: (120.0, 11.0),
            salience,
            selected: false,
        }
    }

    /// A crowded row: 40 events 10 apart, the most salient first.
    fn crowded_row() -> Vec<Drawn> {
        (0..40)
            .map(|i| drawn(i, 20.0 + 10.0 * i as f64, 100.0, 1.0 - i as f64 / 40.0))
            .collect()
    }

    #[test]
    fn labels_never_overlap_and_never_cover_a_marker_of_an_event_as_salient() {
        let crowd = crowded_row();
        let placed = place_labels(&crowd, (0.0, 600.0), true);
        assert!(!placed.labels.is_empty());
        for (i, (a, ea)) in placed.labels.iter().enumerate() {
            for (b, _) in &placed.labels[i + 1..] {
                assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
            }
            for d in &crowd {
                if d.event != *ea && a.intersects(&d.marker) {
                    assert!(
                        placed.hidden.contains(&d.event),
                        "label of {ea} on {}",
                        d.event
                    );
                    assert!(d.salience < crowd[*ea].salience);
                }
            }
            assert!(
                !placed.hidden.contains(ea),
                "a named event's marker is drawn"
            );
        }
    }

    #[test]
    fn a_label_boxed_in_above_and_below_goes_level_after_its_marker() {
        // Markers of less salient events just above and below the spots above and below the
        // first marker's right side; its label cannot end at it (no room on the left).
        let events = [
            drawn(0, 100.0, 100.0, 1.0),
            drawn(1, 150.0, 86.0, 0.5),
            drawn(2, 150.0, 114.0, 0.5),
        ];
        let placed = place_labels(&events, (0.0, 1000.0), false);
        let (area, _) = placed
            .labels
            .iter()
            .find(|(_, e)| *e == 0)
            .expect("the most salient event is named");
        assert!(area.left > 104.0, "after the marker: {area:?}");
        assert!(
            area.top < 100.0 && 100.0 < area.bottom,
            "level with it: {area:?}"
        );
    }

    #[test]
    fn without_hiding_no_label_covers_another_marker_and_every_marker_stays() {
        let crowd = crowded_row();
        let placed = place_labels(&crowd, (0.0, 600.0), false);
        assert!(placed.hidden.is_empty() && !placed.labels.is_empty());
        for (area, event) in &placed.labels {
            assert!(
                crowd
                    .iter()
                    .all(|d| d.event == *event || !area.intersects(&d.marker)),
                "{area:?}"
            );
        }
    }

    #[test]
    fn the_selected_label_is_always_drawn_and_labels_stay_in_the_plot() {
        let mut crowd: Vec<Drawn> = (0..10)
            .map(|i| drawn(i, 590.0, 100.0 + i as f64, 0.5))
            .collect();
        crowd[0].selected = true;
        let placed = place_labels(&crowd, (0.0, 600.0), true);
        assert!(placed.labels.iter().any(|(_, e)| *e == 0));
        for (area, e) in &placed.labels {
            assert!(
                *e == 0 || (area.left >= 0.0 && area.right <= 600.0),
                "{area:?}"
            );
        }
    }

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
        // Half-centuries and centuries stay on the first of January of their years.
        let centuries = labelled("0600-01-01", "2008-12-31", 14);
        assert_eq!(centuries.first().map(String::as_str), Some("0600"));
        assert!(centuries.iter().all(|l| l.ends_with("00")), "{centuries:?}");
        let halves = labelled("1400-01-01", "2008-12-31", 13);
        assert!(
            halves
                .iter()
                .all(|l| l.ends_with("00") || l.ends_with("50")),
            "{halves:?}"
        );
        assert!(marker_radius(40) <= MARKER_MAX_RADIUS && marker_radius(0) > 0.0);
    }
}
