//! The timeline: one lane per event kind's lane, a bar from earliest to latest (uncertainty at a
//! glance), a marker on the best day sized by independent sources, disputed events marked.

use super::{View, lane_color, sources_label};
use crate::command::Command;
use crate::core::document::{ArticleId, Document};
use crate::core::layout;
use crate::core::view::{LaneMode, lanes_of, main_participants, marker_x, span};
use crate::core::view::{focus_bounds, story_span};
use egui_plot::{
    GridInput, GridMark, Line, LineStyle, MarkerShape, Plot, PlotBounds, PlotPoint, Points, Text,
};
use std::collections::HashSet;
use std::sync::Arc;

/// Grid labels need about this many minimal grid steps between them.
const LABEL_SPACING_STEPS: f64 = 8.0;
/// The most grid marks drawn.
const MAX_MARKS: usize = 400;

/// Approximate width of a label character on screen, for decluttering.
const LABEL_PX_PER_CHAR: f64 = 6.5;
/// Height of a label on screen, for decluttering.
const LABEL_HEIGHT_PX: f32 = 11.0;

/// Room on screen for one event drawn one by one, in points: with more in view than the plot
/// has room for, the most salient are drawn one by one over the density of all of them per
/// screen column.
const MARKER_SLOT_PX: f32 = 6.0;
/// The fewest and the most events in view drawn one by one whatever the plot's width.
const DETAIL_LIMIT: (usize, usize) = (60, 600);
/// Room on screen for one label of a salient event when many are in view, in points: a wide
/// plot names more of them.
const LABEL_SLOT_PX: f32 = 45.0;
/// The fewest and the most events drawn one by one when many are in view.
const SALIENT_IN_VIEW: (usize, usize) = (8, 60);
/// How many entries, from the most salient down, are looked at to find those in view.
const SALIENCE_SCAN: usize = 200_000;
/// Width of an aggregation column on screen, in points.
const BUCKET_PX: f64 = 8.0;
/// Events longer than this (in days) are kept apart from the sorted index.
const LONG_SPAN_DAYS: f64 = 400.0;

/// Columns of the overview strip's histogram.
const OVERVIEW_BINS: usize = 480;

/// One event in one lane, as drawn.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// First plot x of its span.
    start: f64,
    /// Last plot x of its span.
    end: f64,
    /// Lane index.
    lane: usize,
    /// Event index in the document.
    event: usize,
    /// Plot y: the lane, staggered into rows so that neighbours' labels do not collide.
    y: f64,
}

/// What the timeline needs of the shown events, built when they change rather than every
/// frame: lanes, spans sorted by start so the visible ones are found by binary search, and
/// the overview strip's histogram.
#[derive(Default)]
pub struct TimelineIndex {
    /// Lane names in first-appearance order.
    lanes: Vec<String>,
    /// (start, end, lane, event) of ordinary events, sorted by start. An event in several
    /// lanes (by source, by tag) has an entry in each.
    short: Vec<Entry>,
    /// The same for events spanning more than [`LONG_SPAN_DAYS`] (few; always checked).
    long: Vec<Entry>,
    /// The first and last day any shown event may fall on.
    extent: Option<(f64, f64)>,
    /// The stretch the overview strip shows: where the story is told ([`story_span`]), not
    /// the background centuries before it.
    span: Option<(f64, f64)>,
    /// Events per column of the overview strip across `span`.
    overview: Vec<u32>,
    /// How many entries lie before and after `span`.
    outside: (usize, usize),
    /// Every entry (by position in `short`, then `long`), from the most salient event down.
    by_salience: Vec<u32>,
    /// Per lane, the middles of its entries' spans (plot x), sorted: the density of a lane in
    /// any window by binary search.
    lane_marks: Vec<Vec<f64>>,
}

impl TimelineIndex {
    /// Indexes the events `visible` of `doc`, in lanes grouped by `mode`.
    pub fn new(
        doc: &Document,
        visible: &[usize],
        mode: LaneMode,
        excluded: &HashSet<ArticleId>,
    ) -> Self {
        let mut index = Self::default();
        let mut entries = Vec::new();
        let positions = doc.article_positions();
        let main = if mode == LaneMode::Participant {
            main_participants(doc, visible)
        } else {
            HashSet::new()
        };
        for &e in visible {
            let event = &doc.events[e];
            let Some((start, end)) = span(event) else {
                continue;
            };
            for name in lanes_of(doc, &positions, event, mode, excluded, &main) {
                let lane = index
                    .lanes
                    .iter()
                    .position(|l| *l == name)
                    .unwrap_or_else(|| {
                        index.lanes.push(name);
                        index.lanes.len() - 1
                    });
                entries.push(Entry {
                    start,
                    end,
                    lane,
                    event: e,
                    y: lane as f64,
                });
            }
        }
        // Within each lane the best-corroborated events take different rows, so that the
        // labels a reader needs first never hide each other.
        entries.sort_by(|a, b| {
            (a.lane, std::cmp::Reverse(doc.events[a.event].sources))
                .cmp(&(b.lane, std::cmp::Reverse(doc.events[b.event].sources)))
                .then(a.start.total_cmp(&b.start))
        });
        let mut rank = 0;
        for i in 0..entries.len() {
            rank = if i > 0 && entries[i - 1].lane == entries[i].lane {
                rank + 1
            } else {
                0
            };
            entries[i].y += layout::ROW_OFFSETS[rank % layout::ROW_OFFSETS.len()];
        }
        for entry in entries {
            if entry.end - entry.start > LONG_SPAN_DAYS {
                index.long.push(entry);
            } else {
                index.short.push(entry);
            }
        }
        index.short.sort_by(|a, b| a.start.total_cmp(&b.start));
        let all = || index.short.iter().chain(&index.long);
        let lo = all().map(|e| e.start).fold(f64::INFINITY, f64::min);
        let hi = all().map(|e| e.end).fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() && hi.is_finite() {
            index.extent = Some((lo - 1.0, hi + 1.0));
        }
        let mut middles: Vec<f64> = all().map(|e| e.start.midpoint(e.end)).collect();
        if let Some((lo, hi)) = story_span(&mut middles) {
            let (lo, hi) = (lo - 1.0, hi + 1.0);
            let mut bins = vec![0u32; OVERVIEW_BINS];
            for &middle in &middles {
                if middle < lo {
                    index.outside.0 += 1;
                } else if middle > hi {
                    index.outside.1 += 1;
                } else {
                    let at = ((middle - lo) / (hi - lo) * OVERVIEW_BINS as f64) as usize;
                    bins[at.min(OVERVIEW_BINS - 1)] += 1;
                }
            }
            index.span = Some((lo, hi));
            index.overview = bins;
        }
        index.lane_marks = vec![Vec::new(); index.lanes.len()];
        for e in all() {
            index.lane_marks[e.lane].push(e.start.midpoint(e.end));
        }
        for marks in &mut index.lane_marks {
            marks.sort_by(f64::total_cmp);
        }
        let count = index.short.len() + index.long.len();
        let mut by_salience: Vec<u32> = (0..count as u32).collect();
        let rank = |p: &u32| {
            let event = &doc.events[index.entry(*p).event];
            (event.salience, event.sources)
        };
        by_salience.sort_by(|a, b| {
            let (a, b) = (rank(a), rank(b));
            b.0.total_cmp(&a.0).then(b.1.cmp(&a.1))
        });
        index.by_salience = by_salience;
        index
    }

    /// The entry at `position` of `short` followed by `long`.
    fn entry(&self, position: u32) -> &Entry {
        let p = position as usize;
        self.short
            .get(p)
            .unwrap_or_else(|| &self.long[p - self.short.len()])
    }

    /// Up to `most` entries intersecting `[lo, hi]`, the most salient first (looking at no more
    /// than [`SALIENCE_SCAN`] entries, so a frame never walks a huge document).
    fn most_salient_in_view(&self, lo: f64, hi: f64, most: usize) -> Vec<&Entry> {
        self.by_salience
            .iter()
            .take(SALIENCE_SCAN)
            .map(|&p| self.entry(p))
            .filter(|e| e.end >= lo && e.start <= hi)
            .take(most)
            .collect()
    }

    /// The entries of one event (one per lane it is in), found by its start.
    fn entries_of<'s>(&'s self, doc: &Document, event: usize) -> impl Iterator<Item = &'s Entry> {
        let start = doc.events.get(event).and_then(span).map(|(start, _)| start);
        let first = start.map_or(self.short.len(), |s| {
            self.short.partition_point(|e| e.start < s)
        });
        self.short[first..]
            .iter()
            .take_while(move |e| Some(e.start) == start)
            .chain(&self.long)
            .filter(move |e| e.event == event)
    }

    /// The entries intersecting `[lo, hi]`: a binary search, not a pass over every event.
    fn in_view(&self, lo: f64, hi: f64) -> impl Iterator<Item = &Entry> {
        let first = self
            .short
            .partition_point(|e| e.start < lo - LONG_SPAN_DAYS);
        let last = self.short.partition_point(|e| e.start <= hi);
        self.short[first..last.max(first)]
            .iter()
            .chain(&self.long)
            .filter(move |e| e.end >= lo && e.start <= hi)
    }

    /// The lane names, top to bottom of the plot's y axis (lane `i` at y = `i`).
    pub fn lanes(&self) -> &[String] {
        &self.lanes
    }

    /// Where an event's marker is drawn (in its first lane), in plot coordinates.
    pub fn marker(&self, doc: &Document, event: usize) -> Option<PlotPoint> {
        let entry = self.entries_of(doc, event).next()?;
        Some(PlotPoint::new(
            marker_x(&doc.events[event], entry.end),
            entry.y,
        ))
    }

    /// Plot x bounds showing every indexed event.
    fn fit_all(&self) -> Option<(f64, f64)> {
        self.extent.map(|(lo, hi)| {
            let margin = ((hi - lo) * 0.03).max(3.0);
            (lo - margin, hi + margin)
        })
    }
}

/// Grid marks on calendar boundaries suited to the zoom: the finest of days, weeks, months,
/// quarters, years, decades or centuries whose spacing leaves room for a label.
fn date_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    layout::calendar_ticks(
        lo,
        hi,
        input.base_step_size * LABEL_SPACING_STEPS,
        MAX_MARKS,
    )
    .into_iter()
    .map(|(value, step_size)| GridMark { value, step_size })
    .collect()
}

/// A grid mark's label ([`layout::tick_label`]).
fn mark_label(mark: &GridMark) -> String {
    layout::tick_label(mark.value, mark.step_size)
}

/// The timeline plot's id: its memory (bounds, transform) is read back by tests.
pub fn timeline_plot_id() -> egui::Id {
    egui::Id::unique("sightline timeline plot")
}

/// Where the last frame put the event labels and markers on screen, with their events: what a
/// reader sees, kept for checking that no label hides a marker.
#[derive(Clone, Debug, Default)]
pub struct DrawnLabels {
    /// Each drawn label's rectangle and event.
    pub labels: Vec<(egui::Rect, usize)>,
    /// Each marker drawn one by one, its rectangle and event.
    pub markers: Vec<(egui::Rect, usize)>,
    /// Each date-range bar wider than a marker, its rectangle and event.
    pub bars: Vec<(egui::Rect, usize)>,
}

/// Where [`DrawnLabels`] of the last frame are kept in egui's memory.
pub fn drawn_labels_id() -> egui::Id {
    egui::Id::unique("sightline timeline drawn labels")
}

/// Bounds asked for by the overview strip, applied on the next frame.
fn pending_bounds_id() -> egui::Id {
    egui::Id::unique("sightline timeline pending bounds")
}

/// Height of the overview strip, in points (its histogram and, under it, its dates).
const OVERVIEW_HEIGHT: f32 = 48.0;
/// Height of the overview strip's row of dates, in points.
const OVERVIEW_DATES_HEIGHT: f32 = 13.0;
/// Width of one overview date label, for spacing them.
const OVERVIEW_LABEL_PX: f32 = 70.0;
/// How much one wheel notch (or 50 points of trackpad travel) zooms.
const WHEEL_ZOOM_PER_POINT: f64 = 0.004;
/// Points per wheel line, for wheels that report lines.
const POINTS_PER_LINE: f32 = 40.0;
/// How far from a bar or marker the pointer still hovers it, in points.
const HOVER_REACH_PX: f32 = 5.0;
/// How much one +/− press zooms.
const KEY_ZOOM: f64 = 1.5;

/// Draws the timeline and its overview strip; pushes a selection when an event is clicked.
/// Keys (when no text field has focus): + and − zoom, Home shows the focus view.
pub fn timeline_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let (doc, selected) = (view.doc, view.selected_event);
    let lanes = &view.timeline.lanes;
    // A newly opened timeline gets the focus view once.
    let focused_id = ui.make_persistent_id((
        "timeline focused",
        &doc.title,
        doc.articles.len(),
        doc.events.len(),
    ));
    let (text_color, strong_color) = (ui.visuals().text_color(), ui.visuals().strong_text_color());
    let mut fit: Option<(f64, f64)> = ui.data_mut(|d| d.remove_temp(pending_bounds_id()));
    let mut zoom: Option<f64> = None;
    let typing = ui.ctx().egui_wants_keyboard_input();
    ui.input(|i| {
        if typing {
            return;
        }
        if i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals) {
            zoom = Some(1.0 / KEY_ZOOM);
        }
        if i.key_pressed(egui::Key::Minus) {
            zoom = Some(KEY_ZOOM);
        }
        if i.key_pressed(egui::Key::Home) {
            fit = focus_bounds(doc);
        }
    });
    ui.horizontal(|ui| {
        ui.strong("Timeline");
        if ui.button("Fit all").clicked() {
            fit = view.timeline.fit_all();
        }
        if ui.button("Focus").on_hover_text("Home").clicked() {
            fit = focus_bounds(doc);
        }
        if ui.button("Zoom in").on_hover_text("+").clicked() {
            zoom = Some(1.0 / KEY_ZOOM);
        }
        if ui.button("Zoom out").on_hover_text("-").clicked() {
            zoom = Some(KEY_ZOOM);
        }
        // Cut to the room left, so the row never widens the panel.
        ui.add(
            egui::Label::new(
                egui::RichText::new(
                    "drag or Shift/Ctrl+wheel to pan · wheel or +/- to zoom · click an event · Home to focus",
                )
                .weak(),
            )
            .truncate(),
        );
    });
    let wheel = ui.input(wheel_motion);
    let first_frame = !ui.data(|d| d.get_temp::<bool>(focused_id).unwrap_or(false));
    if first_frame {
        fit = focus_bounds(doc);
        ui.data_mut(|d| d.insert_temp(focused_id, true));
    }
    let lane_names: Vec<String> = lanes.clone();
    let response = Plot::new("timeline")
        .id(timeline_plot_id())
        // Exactly the room left above the overview strip: the panel has a fixed size, so the
        // plot neither shrinks nor grows from one frame to the next.
        .height((ui.available_height() - OVERVIEW_HEIGHT - ui.spacing().item_spacing.y).max(120.0))
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag([true, false])
        .show_axes([true, true])
        .x_grid_spacer(date_marks)
        .x_axis_formatter(|mark, _| mark_label(&mark))
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
            let lanes_y = [-0.8, lanes.len() as f64 - 0.2];
            if let Some((lo, hi)) = fit {
                plot.set_plot_bounds(PlotBounds::from_min_max([lo, lanes_y[0]], [hi, lanes_y[1]]));
            } else if let Some(factor) = zoom {
                let b = plot.plot_bounds();
                let (center, half) = (b.center().x, b.width() / 2.0 * factor);
                plot.set_plot_bounds(PlotBounds::from_min_max(
                    [center - half, b.min()[1]],
                    [center + half, b.max()[1]],
                ));
            } else if let Some(pointer) = plot.response().hover_pos()
                && wheel != WheelMotion::default()
            {
                // The wheel zooms the time axis about the pointer; with Shift or Ctrl (or
                // sideways on a trackpad) it pans.
                let b = plot.plot_bounds();
                let transform = plot.transform();
                let at = transform.value_from_position(pointer).x;
                let factor = (-f64::from(wheel.zoom) * WHEEL_ZOOM_PER_POINT).exp();
                let shift = -f64::from(wheel.pan) / transform.dpos_dvalue_x().max(1e-9);
                plot.set_plot_bounds(PlotBounds::from_min_max(
                    [at - (at - b.min()[0]) * factor + shift, b.min()[1]],
                    [at + (b.max()[0] - at) * factor + shift, b.max()[1]],
                ));
            }
            let bounds = plot.plot_bounds();
            let (view_lo, view_hi) = (bounds.min()[0], bounds.max()[0]);
            let transform = *plot.transform();
            let days_per_px = 1.0 / transform.dpos_dvalue_x().max(1e-9);
            // Drawn one by one: every event in view when they are few; else the density of
            // all of them and, over it, the most salient (more as the plot widens) and the
            // selected one, like a map that names more places as one zooms in.
            let width = transform.frame().width();
            let detail_limit =
                ((width / MARKER_SLOT_PX) as usize).clamp(DETAIL_LIMIT.0, DETAIL_LIMIT.1);
            let mut ordered: Vec<&Entry> = view
                .timeline
                .in_view(view_lo, view_hi)
                .take(detail_limit + 1)
                .collect();
            let dense = ordered.len() > detail_limit;
            if dense {
                draw_density(plot, view.timeline, view_lo, view_hi, days_per_px);
                let (fewest, most) = SALIENT_IN_VIEW;
                let room = (width / LABEL_SLOT_PX) as usize;
                ordered =
                    view.timeline
                        .most_salient_in_view(view_lo, view_hi, room.clamp(fewest, most));
                if let Some(chosen) = selected {
                    ordered.extend(
                        view.timeline
                            .entries_of(doc, chosen)
                            .filter(|e| e.end >= view_lo && e.start <= view_hi),
                    );
                }
            }
            let mut labels: Vec<Text> = Vec::new();
            // The selected event's label first, then the most salient events'.
            ordered.sort_by(|a, b| {
                let key = |e: &Entry| {
                    let event = &doc.events[e.event];
                    (selected == Some(e.event), event.salience, event.sources)
                };
                let (ka, kb) = (key(a), key(b));
                kb.0.cmp(&ka.0)
                    .then(kb.1.total_cmp(&ka.1))
                    .then(kb.2.cmp(&ka.2))
            });
            // Where every event drawn one by one sits on screen, and where its label goes
            // (the same placement as the exported images'): the selected and the most salient
            // events' labels first, like a map; the markers of less salient events a label
            // covers are left to the density.
            let area = |r: egui::Rect| {
                layout::Area::at(
                    f64::from(r.left()),
                    f64::from(r.top()),
                    f64::from(r.width()),
                    f64::from(r.height()),
                )
            };
            let rect = |a: &layout::Area| {
                egui::Rect::from_min_max(
                    egui::pos2(a.left as f32, a.top as f32),
                    egui::pos2(a.right as f32, a.bottom as f32),
                )
            };
            let drawn: Vec<layout::Drawn> = ordered
                .iter()
                .map(|e| {
                    let event = &doc.events[e.event];
                    let center =
                        transform.position_from_point(&PlotPoint::new(marker_x(event, e.end), e.y));
                    let marker = egui::Rect::from_center_size(
                        center,
                        egui::Vec2::splat(2.0 * marker_radius(event)),
                    );
                    let from = transform.position_from_point(&PlotPoint::new(e.start, e.y));
                    let to = transform.position_from_point(&PlotPoint::new(e.end, e.y));
                    let bar = egui::Rect::from_two_pos(
                        egui::pos2(from.x, from.y - BAR_HALF_HEIGHT_PX),
                        egui::pos2(to.x, to.y + BAR_HALF_HEIGHT_PX),
                    );
                    let chars = layout::event_label(event).chars().count() as f64;
                    layout::Drawn {
                        event: e.event,
                        marker: area(marker),
                        bar: area(bar),
                        label: (chars * LABEL_PX_PER_CHAR, f64::from(LABEL_HEIGHT_PX)),
                        salience: event.salience,
                        selected: selected == Some(e.event),
                    }
                })
                .collect();
            let frame = transform.frame().x_range();
            let placement =
                layout::place_labels(&drawn, (f64::from(frame.min), f64::from(frame.max)), true);
            let hidden = placement.hidden;
            let taken: Vec<(egui::Rect, usize)> = placement
                .labels
                .iter()
                .map(|(a, e)| (rect(a), *e))
                .collect();
            for &(area, index) in &taken {
                let event = &doc.events[index];
                labels.push(
                    Text::new(
                        event.title.clone(),
                        transform.value_from_position(area.left_bottom()),
                        layout::event_label(event),
                    )
                    .color(if selected == Some(index) {
                        strong_color
                    } else {
                        text_color
                    })
                    .anchor(egui::Align2::LEFT_BOTTOM)
                    .allow_hover(false),
                );
            }
            let mut markers: Vec<(egui::Rect, usize)> =
                drawn.iter().map(|d| (rect(&d.marker), d.event)).collect();
            let mut bars: Vec<(egui::Rect, usize)> = drawn
                .iter()
                .filter(|d| d.bar.width() > f64::from(MARKER_MAX_PX))
                .map(|d| (rect(&d.bar), d.event))
                .collect();
            if !hidden.is_empty() && !dense {
                draw_density(plot, view.timeline, view_lo, view_hi, days_per_px);
            }
            markers.retain(|(_, e)| !hidden.contains(e));
            bars.retain(|(_, e)| !hidden.contains(e));
            // Then the bars and markers of the events drawn one by one, and which is hovered:
            // the nearest bar or marker within reach on screen.
            let pointer = plot.response().hover_pos();
            let mut hovered: Option<(f32, usize)> = None;
            for &&Entry {
                start,
                end,
                event: index,
                y,
                ..
            } in ordered.iter().filter(|e| !hidden.contains(&e.event))
            {
                let is_selected = selected == Some(index);
                let event = &doc.events[index];
                let color = lane_color(&event.lane);
                let mut bar = Line::new(event.title.clone(), vec![[start, y], [end, y]])
                    .color(color)
                    .width(if is_selected || view.hovered_event == Some(index) {
                        7.0
                    } else {
                        4.0
                    })
                    .allow_hover(false);
                if event.earliest.is_none() {
                    bar = bar.style(LineStyle::dashed_loose());
                }
                plot.line(bar);
                let best = marker_x(event, end);
                let radius = marker_radius(event);
                if let Some(pointer) = pointer {
                    let a = transform.position_from_point(&PlotPoint::new(start, y));
                    let b = transform.position_from_point(&PlotPoint::new(end, y));
                    let marker = transform.position_from_point(&PlotPoint::new(best, y));
                    let to_bar = pointer.distance(egui::pos2(pointer.x.clamp(a.x, b.x), a.y));
                    let distance = to_bar.min(pointer.distance(marker) - radius).max(0.0);
                    if distance <= HOVER_REACH_PX && hovered.is_none_or(|(d, _)| distance < d) {
                        hovered = Some((distance, index));
                    }
                }
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
                        .allow_hover(false),
                );
            }
            // Labels last, so that no bar or marker is ever drawn over one.
            for text in labels {
                plot.text(text);
            }
            let drawn = DrawnLabels {
                labels: taken,
                markers,
                bars,
            };
            (hovered.map(|(_, index)| index), drawn)
        });
    let (hovered, drawn) = response.inner;
    ui.data_mut(|d| d.insert_temp(drawn_labels_id(), Arc::new(drawn)));
    if hovered != view.hovered_event {
        commands.push(Command::HoverEvent(hovered.map(|e| view.event_id(e))));
    }
    if let Some(index) = hovered {
        let event = &doc.events[index];
        response.response.clone().on_hover_text(format!(
            "{}\n{} · {}",
            event.title,
            event.date_in_words(),
            sources_label(event.sources)
        ));
        if response.response.clicked() {
            commands.push(Command::SelectEvent(view.event_id(index)));
        }
    }
    let shown = response.transform.bounds();
    overview_ui(ui, view, (shown.min()[0], shown.max()[0]));
}

/// A marker's radius on screen ([`layout::marker_radius`]).
fn marker_radius(event: &crate::core::document::Event) -> f32 {
    layout::marker_radius(event.sources) as f32
}

/// The largest marker's width on screen.
const MARKER_MAX_PX: f32 = 2.0 * layout::MARKER_MAX_RADIUS as f32;

/// Half the height of a drawn date-range bar (a selected one is 7 points thick).
const BAR_HALF_HEIGHT_PX: f32 = 3.5;

/// What the wheel asked of the timeline this frame, in points of travel.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct WheelMotion {
    /// Up (positive) zooms in, down zooms out.
    zoom: f32,
    /// Positive moves the view to earlier days.
    pan: f32,
}

/// The wheel events of this frame: a plain wheel zooms, with Shift, Ctrl or Cmd it pans, and a
/// trackpad's sideways travel pans.
fn wheel_motion(input: &egui::InputState) -> WheelMotion {
    let mut motion = WheelMotion::default();
    for event in &input.events {
        if let egui::Event::MouseWheel {
            unit,
            delta,
            modifiers,
            ..
        } = event
        {
            let delta = *delta
                * match unit {
                    egui::MouseWheelUnit::Point => 1.0,
                    egui::MouseWheelUnit::Line => POINTS_PER_LINE,
                    egui::MouseWheelUnit::Page => 10.0 * POINTS_PER_LINE,
                };
            if modifiers.shift || modifiers.ctrl || modifiers.command {
                motion.pan += delta.x + delta.y;
            } else {
                motion.zoom += delta.y;
                motion.pan += delta.x;
            }
        }
    }
    motion
}

/// The overview strip: the shown events across the stretch the story is told in as a
/// histogram, with the window the timeline shows outlined, and at its ends how many events lie
/// before or after that stretch ("Fit all" shows them). Clicking or dragging on it moves the
/// window there.
fn overview_ui(ui: &mut egui::Ui, view: &View<'_>, window: (f64, f64)) {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), OVERVIEW_HEIGHT),
        egui::Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Overview"));
    let response = response.on_hover_text("Overview: click or drag to move the timeline");
    let Some((lo, hi)) = view.timeline.span else {
        return;
    };
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let bars = rect.with_max_y(rect.bottom() - OVERVIEW_DATES_HEIGHT);
    painter.rect_filled(bars, 2.0, visuals.extreme_bg_color);
    let to_x = |day: f64| rect.left() + ((day - lo) / (hi - lo)) as f32 * rect.width();
    let bins = &view.timeline.overview;
    let most = bins.iter().copied().max().unwrap_or(1).max(1) as f32;
    let bin_width = rect.width() / bins.len() as f32;
    for (i, &n) in bins.iter().enumerate() {
        if n == 0 {
            continue;
        }
        // A square root keeps a lone event visible beside a dense cluster.
        let height = (bars.height() - 4.0) * ((n as f32 / most).sqrt()).max(0.15);
        let x = rect.left() + i as f32 * bin_width;
        painter.rect_filled(
            egui::Rect::from_min_max(
                egui::pos2(x, bars.bottom() - 2.0 - height),
                egui::pos2(x + bin_width.max(1.0), bars.bottom() - 2.0),
            ),
            0.0,
            visuals.widgets.inactive.fg_stroke.color,
        );
    }
    // Dates along the strip, on calendar boundaries with room for each label.
    let marks = date_marks(GridInput {
        bounds: (lo, hi),
        base_step_size: (hi - lo) * f64::from(OVERVIEW_LABEL_PX)
            / f64::from(rect.width().max(1.0))
            / LABEL_SPACING_STEPS,
    });
    let tick = visuals.widgets.noninteractive.bg_stroke;
    let font = egui::TextStyle::Small.resolve(ui.style());
    for mark in &marks {
        let x = to_x(mark.value);
        painter.line_segment(
            [
                egui::pos2(x, bars.bottom() - 4.0),
                egui::pos2(x, bars.bottom() + 2.0),
            ],
            tick,
        );
        // A label widget (not only paint), so that assistive tools read the dates too; it
        // senses nothing, so clicks and drags still reach the strip.
        let text = mark_label(mark);
        let width = painter
            .layout_no_wrap(text.clone(), font.clone(), egui::Color32::PLACEHOLDER)
            .size()
            .x;
        let place = egui::Rect::from_min_size(
            egui::pos2(x + 2.0, rect.bottom() - OVERVIEW_DATES_HEIGHT),
            egui::vec2(width + 1.0, OVERVIEW_DATES_HEIGHT),
        );
        if place.right() <= rect.right() {
            ui.put(
                place,
                egui::Label::new(egui::RichText::new(text).small().weak())
                    .selectable(false)
                    .sense(egui::Sense::hover()),
            );
        }
    }
    // Background before the story and forecasts after it, counted at the strip's ends.
    let (before, after) = view.timeline.outside;
    for (count, text, left) in [
        (before, format!("{before} earlier"), true),
        (after, format!("{after} later"), false),
    ] {
        if count == 0 {
            continue;
        }
        let size = painter
            .layout_no_wrap(text.clone(), font.clone(), egui::Color32::PLACEHOLDER)
            .size();
        let x = if left {
            bars.left() + 3.0
        } else {
            bars.right() - size.x - 4.0
        };
        ui.put(
            egui::Rect::from_min_size(egui::pos2(x, bars.top() + 1.0), size + egui::vec2(1.0, 0.0)),
            egui::Label::new(egui::RichText::new(text).small())
                .selectable(false)
                .sense(egui::Sense::hover()),
        )
        .on_hover_text("Outside the stretch the story is told in: Fit all shows them");
    }
    let (a, b) = (
        to_x(window.0).max(rect.left()),
        to_x(window.1).min(rect.right()),
    );
    let outline = egui::Rect::from_x_y_ranges(a.min(b - 2.0)..=b.max(a + 2.0), bars.y_range());
    painter.rect_stroke(
        outline,
        2.0,
        egui::Stroke::new(2.0, visuals.selection.stroke.color),
        egui::StrokeKind::Inside,
    );
    if (response.clicked() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let day = lo + f64::from((pointer.x - rect.left()) / rect.width()) * (hi - lo);
        let half = (window.1 - window.0) / 2.0;
        ui.data_mut(|d| d.insert_temp(pending_bounds_id(), (day - half, day + half)));
        ui.ctx().request_repaint();
    }
}

/// Many events in view: one mark per lane and screen column, sized by how many events it holds
/// (the index's sorted marks, counted by binary search: the cost follows the screen, not the
/// document). Zooming in expands them.
fn draw_density(
    plot: &mut egui_plot::PlotUi<'_>,
    index: &TimelineIndex,
    view_lo: f64,
    view_hi: f64,
    days_per_px: f64,
) {
    let bucket_days = (BUCKET_PX * days_per_px).max(1.0);
    let columns = ((view_hi - view_lo) / bucket_days).ceil().max(0.0) as usize;
    for (lane, (name, marks)) in index.lanes.iter().zip(&index.lane_marks).enumerate() {
        let mut classes: [Vec<[f64; 2]>; 3] = Default::default();
        let mut below = marks.partition_point(|&x| x < view_lo);
        for column in 0..columns {
            let edge = view_lo + (column + 1) as f64 * bucket_days;
            let upto = below + marks[below..].partition_point(|&x| x < edge);
            let n = upto - below;
            below = upto;
            if n > 0 {
                let class = match n {
                    1..=9 => 0,
                    10..=99 => 1,
                    _ => 2,
                };
                classes[class].push([edge - 0.5 * bucket_days, lane as f64]);
            }
        }
        for (class, points) in classes.into_iter().enumerate() {
            if !points.is_empty() {
                plot.points(
                    Points::new(format!("{name} (density {class})"), points)
                        .radius(2.0 + 2.5 * class as f32)
                        .color(lane_color(name).gamma_multiply(0.55))
                        .allow_hover(false),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::view::{day_of, x_of};
    use chrono::{Datelike, NaiveDate};

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
            crate::core::pipeline::read(crate::core::ingest::seed_articles().articles, "seeds")
                .document;
        let (lo, hi) = focus_bounds(&doc).expect("dated events");
        let (lo, hi) = (day_of(lo).expect("day"), day_of(hi).expect("day"));
        assert!(lo.year() == 2025 && lo.month() >= 11, "{lo}");
        assert!(
            hi <= NaiveDate::from_ymd_opt(2026, 1, 31).expect("date"),
            "{hi}"
        );
    }
}
