//! The timeline: one lane per event kind's lane, a bar from earliest to latest (uncertainty at a
//! glance), a marker on the best day sized by independent sources, disputed events marked.

use super::{Command, View, date_label, lane_color, sources_label};
use crate::core::document::{Document, Event};
use chrono::{Datelike, NaiveDate};
use egui_plot::{
    GridInput, GridMark, ItemId, Line, LineStyle, MarkerShape, Plot, PlotBounds, PlotPoint, Points,
    Text,
};

/// Plot x coordinate of a day.
fn x_of(day: NaiveDate) -> f64 {
    f64::from(day.num_days_from_ce())
}

/// The day at plot x coordinate `x`, if chrono can hold it.
fn day_of(x: f64) -> Option<NaiveDate> {
    let days = x.round();
    if days.abs() > f64::from(i32::MAX) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32)
}

/// Grid steps in days: day, week, month, quarter, year, 5 years, decade, 50 years, century.
/// Months and longer are aligned to the calendar.
const STEPS: [f64; 9] = [
    1.0, 7.0, 30.4, 91.3, 365.2, 1826.2, 3652.4, 18262.0, 36524.0,
];

/// Grid labels need about this many minimal grid steps between them.
const LABEL_SPACING_STEPS: f64 = 12.0;
/// The most grid marks drawn.
const MAX_MARKS: usize = 400;

/// Approximate width of a label character on screen, for decluttering.
const LABEL_PX_PER_CHAR: f64 = 6.5;

/// Days shown either side of an event range with no start ("by 29 December").
const OPEN_START_DAYS: f64 = 14.0;

/// The x span an event occupies on the plot.
fn span(event: &Event) -> Option<(f64, f64)> {
    match (event.earliest, event.latest) {
        (Some(a), Some(b)) => Some((x_of(a), x_of(b))),
        (None, Some(b)) => Some((x_of(b) - OPEN_START_DAYS, x_of(b))),
        (Some(a), None) => Some((x_of(a), x_of(a) + OPEN_START_DAYS)),
        (None, None) => None,
    }
}

/// Events shown at once one by one; more in view are drawn as counts per screen column.
const DETAIL_LIMIT: usize = 600;
/// Width of an aggregation column on screen, in points.
const BUCKET_PX: f64 = 8.0;
/// Events longer than this (in days) are kept apart from the sorted index.
const LONG_SPAN_DAYS: f64 = 400.0;

/// What the timeline needs of the shown events, built when they change rather than every
/// frame: lanes, and spans sorted by start so the visible ones are found by binary search.
#[derive(Default)]
pub struct TimelineIndex {
    /// Lane names in first-appearance order.
    lanes: Vec<String>,
    /// (start, end, lane, event) of ordinary events, sorted by start.
    short: Vec<(f64, f64, usize, usize)>,
    /// The same for events spanning more than [`LONG_SPAN_DAYS`] (few; always checked).
    long: Vec<(f64, f64, usize, usize)>,
}

impl TimelineIndex {
    /// Indexes the events `visible` of `doc`.
    pub fn new(doc: &Document, visible: &[usize]) -> Self {
        let mut index = Self::default();
        for &e in visible {
            let event = &doc.events[e];
            let lane = index
                .lanes
                .iter()
                .position(|l| *l == event.lane)
                .unwrap_or_else(|| {
                    index.lanes.push(event.lane.clone());
                    index.lanes.len() - 1
                });
            if let Some((start, end)) = span(event) {
                let entry = (start, end, lane, e);
                if end - start > LONG_SPAN_DAYS {
                    index.long.push(entry);
                } else {
                    index.short.push(entry);
                }
            }
        }
        index.short.sort_by(|a, b| a.0.total_cmp(&b.0));
        index
    }

    /// The entries intersecting `[lo, hi]`: a binary search, not a pass over every event.
    fn in_view(&self, lo: f64, hi: f64) -> impl Iterator<Item = &(f64, f64, usize, usize)> {
        let first = self.short.partition_point(|e| e.0 < lo - LONG_SPAN_DAYS);
        let last = self.short.partition_point(|e| e.0 <= hi);
        self.short[first..last.max(first)]
            .iter()
            .chain(&self.long)
            .filter(move |e| e.1 >= lo && e.0 <= hi)
    }
}

/// Ranges longer than this are shown in the focus view by their end only.
const FOCUS_MAX_RANGE_DAYS: f64 = 45.0;

/// The view a new user sees: where the corroborated events are (long vague ranges count by
/// their end), so that a distant outlier (the 1980s) or "recent months" does not squash the
/// story into a pixel. Extra room on the right keeps labels readable.
pub fn focus_bounds(doc: &Document) -> Option<(f64, f64)> {
    let points = |min_sources: usize| -> Vec<(f64, f64)> {
        doc.events
            .iter()
            .filter(|e| e.sources >= min_sources)
            .filter_map(span)
            .map(|(a, b)| {
                if b - a > FOCUS_MAX_RANGE_DAYS {
                    (b, b)
                } else {
                    (a, b)
                }
            })
            .collect()
    };
    let mut focus = points(2);
    if focus.is_empty() {
        focus = points(0);
    }
    let start = focus.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
    let end = focus.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    (start.is_finite() && end.is_finite()).then(|| {
        let width = (end - start).max(7.0);
        (start - width * 0.08, end + width * 0.45)
    })
}

/// Grid marks on calendar boundaries suited to the zoom: the finest of days, weeks, months,
/// quarters, years, decades or centuries whose spacing leaves room for a label.
fn date_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (Some(first), Some(_)) = (day_of(lo), day_of(hi)) else {
        return Vec::new();
    };
    let wanted = input.base_step_size * LABEL_SPACING_STEPS;
    let step = STEPS
        .iter()
        .copied()
        .find(|&s| s >= wanted)
        .unwrap_or(STEPS[STEPS.len() - 1]);
    let mut marks = Vec::new();
    if step < 30.0 {
        let mut x = lo.ceil();
        while x <= hi && marks.len() < MAX_MARKS {
            marks.push(GridMark {
                value: x,
                step_size: step,
            });
            x += step;
        }
        return marks;
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
    while marks.len() < MAX_MARKS {
        let Some(day) = NaiveDate::from_ymd_opt(year, month0 as u32 + 1, 1) else {
            break;
        };
        let x = x_of(day);
        if x > hi {
            break;
        }
        if x >= lo {
            marks.push(GridMark {
                value: x,
                step_size: step,
            });
        }
        month0 += months;
        year += month0 / 12;
        month0 %= 12;
    }
    marks
}

/// Draws the timeline and pushes a selection when an event is clicked.
pub fn timeline_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let (doc, selected) = (view.doc, view.selected_event);
    let lanes = &view.timeline.lanes;
    // A newly opened timeline gets the focus view once.
    let fit_all_id = ui.make_persistent_id((
        "timeline focused",
        &doc.title,
        doc.articles.len(),
        doc.events.len(),
    ));
    let (text_color, strong_color) = (ui.visuals().text_color(), ui.visuals().strong_text_color());
    let mut fit: Option<(f64, f64)> = None;
    ui.horizontal(|ui| {
        ui.strong("Timeline");
        if ui.button("Fit all").clicked() {
            let all: Vec<(f64, f64)> = doc.events.iter().filter_map(span).collect();
            let start = all.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
            let end = all.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
            if start.is_finite() {
                fit = Some((start - 30.0, end + 30.0));
            }
        }
        if ui.button("Focus").clicked() {
            fit = focus_bounds(doc);
        }
        ui.weak("drag to pan · wheel to zoom · click an event");
    });
    let first_frame = !ui.data(|d| d.get_temp::<bool>(fit_all_id).unwrap_or(false));
    if first_frame {
        fit = focus_bounds(doc);
        ui.data_mut(|d| d.insert_temp(fit_all_id, true));
    }
    let lane_names: Vec<String> = lanes.clone();
    let response = Plot::new("timeline")
        .height(ui.available_height().max(160.0))
        .allow_scroll(false)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .show_axes([true, true])
        .x_grid_spacer(date_marks)
        .x_axis_formatter(|mark, _| {
            day_of(mark.value).map_or_else(String::new, |d| {
                if mark.step_size < 30.0 {
                    d.format("%-d %b").to_string()
                } else if mark.step_size < 365.0 {
                    d.format("%b %Y").to_string()
                } else {
                    d.format("%Y").to_string()
                }
            })
        })
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 0.01 && i >= 0.0 {
                lane_names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            (lo.ceil().max(0.0) as i64..=hi.floor().max(0.0) as i64)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .label_formatter(|_| None)
        .show(ui, |plot| {
            if let Some((lo, hi)) = fit {
                plot.set_plot_bounds(PlotBounds::from_min_max(
                    [lo, -0.8],
                    [hi, lanes.len() as f64 - 0.2],
                ));
            }
            let bounds = plot.plot_bounds();
            let (view_lo, view_hi) = (bounds.min()[0], bounds.max()[0]);
            // Declutter: a label is drawn only where its row has room for it on screen.
            let days_per_px = 1.0 / plot.transform().dpos_dvalue_x().max(1e-9);
            let mut taken: std::collections::HashMap<i64, Vec<(f64, f64)>> =
                std::collections::HashMap::new();
            let in_view: Vec<&(f64, f64, usize, usize)> =
                view.timeline.in_view(view_lo, view_hi).collect();
            if in_view.len() > DETAIL_LIMIT {
                draw_counts(plot, &in_view, lanes, view_lo, days_per_px);
            }
            for &&(start, end, lane, index) in &in_view {
                let is_selected = selected == Some(index);
                if in_view.len() > DETAIL_LIMIT && !is_selected {
                    continue;
                }
                let event = &doc.events[index];
                let lane = lane as f64;

                // Stagger events within a lane so that labels do not sit on each other.
                let y = lane + 0.22 * ((index % 3) as f64 - 1.0);
                let color = lane_color(&event.lane);
                let id = ItemId::new(("event", index));
                let mut bar = Line::new(event.title.clone(), vec![[start, y], [end, y]])
                    .color(color)
                    .width(if is_selected { 7.0 } else { 4.0 })
                    .id(id);
                if event.earliest.is_none() {
                    bar = bar.style(LineStyle::dashed_loose());
                }
                plot.line(bar);
                let best = event.best.map_or(end, x_of);
                let radius = 3.0 + 1.5 * event.sources.min(6) as f32;
                let shape = if event.disputed {
                    MarkerShape::Diamond
                } else {
                    MarkerShape::Circle
                };
                plot.points(
                    Points::new(event.title.clone(), vec![[best, y]])
                        .radius(radius)
                        .shape(shape)
                        .color(if is_selected {
                            egui::Color32::WHITE
                        } else {
                            color
                        })
                        .filled(event.best.is_some())
                        .id(id),
                );
                let label = if event.disputed {
                    format!("{} [disputed]", event.title)
                } else {
                    event.title.clone()
                };
                let width = (label.chars().count() as f64 * LABEL_PX_PER_CHAR) * days_per_px;
                let row = taken.entry((y * 100.0).round() as i64).or_default();
                let free = row.iter().all(|&(a, b)| best + width < a || best > b);
                if !free && !is_selected {
                    continue;
                }
                row.push((best, best + width));
                plot.text(
                    Text::new(event.title.clone(), PlotPoint::new(best, y + 0.09), label)
                        .color(if is_selected {
                            strong_color
                        } else {
                            text_color
                        })
                        .anchor(egui::Align2::LEFT_BOTTOM),
                );
            }
        });
    if let Some(hovered) = response.hovered_plot_item {
        let index = (0..doc.events.len()).find(|&i| ItemId::new(("event", i)) == hovered);
        if let Some(index) = index {
            let event = &doc.events[index];
            response.response.clone().on_hover_text(format!(
                "{}\n{} · {}",
                event.title,
                date_label(event),
                sources_label(event.sources)
            ));
            if response.response.clicked() {
                commands.push(Command::SelectEvent(index));
            }
        }
    }
}

/// Many events in view: one marker per lane and screen column, sized by how many events it
/// holds, with the count written beside the larger ones. Zooming in expands them.
fn draw_counts(
    plot: &mut egui_plot::PlotUi<'_>,
    in_view: &[&(f64, f64, usize, usize)],
    lanes: &[String],
    view_lo: f64,
    days_per_px: f64,
) {
    let bucket_days = (BUCKET_PX * days_per_px).max(1.0);
    let mut counts: std::collections::HashMap<(usize, i64), usize> =
        std::collections::HashMap::new();
    for &&(start, end, lane, _) in in_view {
        let at = (start.max(view_lo).midpoint(end) - view_lo) / bucket_days;
        *counts.entry((lane, at.floor() as i64)).or_default() += 1;
    }
    let mut sorted: Vec<((usize, i64), usize)> = counts.into_iter().collect();
    sorted.sort_unstable();
    for (lane, name) in lanes.iter().enumerate() {
        for (class, (low, high)) in [(1usize, 9usize), (10, 99), (100, usize::MAX)]
            .into_iter()
            .enumerate()
        {
            let points: Vec<[f64; 2]> = sorted
                .iter()
                .filter(|((l, _), n)| *l == lane && (low..=high).contains(n))
                .map(|((_, b), _)| [view_lo + (*b as f64 + 0.5) * bucket_days, lane as f64])
                .collect();
            if !points.is_empty() {
                plot.points(
                    Points::new(format!("{name} ({low}+)"), points)
                        .radius(3.0 + 3.0 * class as f32)
                        .color(lane_color(name))
                        .allow_hover(false),
                );
            }
        }
    }
    // Counts for the largest columns only, so that text stays readable.
    let mut largest: Vec<&((usize, i64), usize)> =
        sorted.iter().filter(|(_, n)| *n >= 10).collect();
    largest.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    for ((lane, bucket), n) in largest.into_iter().take(40) {
        let x = view_lo + (*bucket as f64 + 0.5) * bucket_days;
        plot.text(
            Text::new(
                "count",
                PlotPoint::new(x, *lane as f64 + 0.25),
                n.to_string(),
            )
            .anchor(egui::Align2::CENTER_BOTTOM),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(from: &str, to: &str, base_step_size: f64) -> Vec<NaiveDate> {
        let (a, b) = (from.parse().expect("date"), to.parse().expect("date"));
        date_marks(GridInput {
            bounds: (x_of(a), x_of(b)),
            base_step_size,
        })
        .into_iter()
        .filter_map(|m| day_of(m.value))
        .collect()
    }

    #[test]
    fn grid_follows_the_calendar_at_every_zoom() {
        // A fortnight with room for daily labels.
        let days = marks("2025-12-20", "2026-01-03", 0.05);
        assert_eq!(days.first(), NaiveDate::from_ymd_opt(2025, 12, 20).as_ref());
        assert_eq!(days.len(), 15);
        // Two years: month or quarter starts.
        let months = marks("2024-01-15", "2026-01-15", 2.0);
        assert!(months.iter().all(|d| d.day() == 1), "{months:?}");
        assert!(months.len() >= 8 && months.len() <= 25, "{}", months.len());
        // Three centuries: decade or coarser, on 1 January.
        let years = marks("1700-01-01", "2000-01-01", 300.0);
        assert!(
            years
                .iter()
                .all(|d| d.month() == 1 && d.day() == 1 && d.year() % 10 == 0),
            "{years:?}"
        );
        assert!(years.len() <= 40);
    }

    #[test]
    fn focus_skips_distant_outliers_and_long_vague_ranges() {
        let doc =
            crate::core::cluster::build(crate::core::ingest::seed_articles().articles, "seeds");
        let (lo, hi) = focus_bounds(&doc).expect("dated events");
        let (lo, hi) = (day_of(lo).expect("day"), day_of(hi).expect("day"));
        assert!(lo.year() == 2025 && lo.month() >= 11, "{lo}");
        assert!(
            hi <= NaiveDate::from_ymd_opt(2026, 1, 31).expect("date"),
            "{hi}"
        );
    }
}
