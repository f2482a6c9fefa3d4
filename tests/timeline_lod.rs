//! The timeline of a story too dense to draw whole, zoomed step by step like a map: at every
//! zoom the most salient event in view is named, no label hides another label or another
//! event's marker, and zooming in shows more events one by one.
#![cfg(feature = "gui")]

use chrono::{Days, NaiveDate};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sightline::core::document::{Document, Event};
use sightline::core::taxonomy::Family;
use sightline::core::view::{LaneMode, span};
use sightline::ui::{DrawnLabels, TimelineIndex, View, drawn_labels_id, timeline_ui};
use std::collections::HashSet;
use std::sync::Arc;

/// Three thousand events over two years in five lanes, each of its own salience.
fn dense_story() -> Document {
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
    let lanes = [
        Family::Conflict,
        Family::Justice,
        Family::Politics,
        Family::Economy,
        Family::Statement,
    ];
    let events = (0..3_000)
        .map(|i| {
            let day = start
                .checked_add_days(Days::new((i * 7_919 % 730) as u64))
                .expect("date");
            let last = day
                .checked_add_days(Days::new((i % 4) as u64))
                .expect("date");
            Event {
                id: format!("e{i}").into(),
                title: format!("Happening number {i}"),
                kind: "occurrence".into(),
                lane: lanes[i % lanes.len()].label().into(),
                earliest: Some(day),
                latest: Some(last),
                best: (i % 4 == 0).then_some(day),
                sources: 1 + i % 5,
                // Every event its own salience (7,907 is prime to 3,000).
                salience: (i * 7_907 % 3_000) as f64 / 3_000.0,
                ..Event::default()
            }
        })
        .collect();
    Document {
        format: "sightline-timeline".into(),
        version: 4,
        title: "dense".into(),
        articles: Vec::new(),
        events,
        dismissed: Vec::new(),
        story: Vec::new(),
    }
}

#[test]
fn zooming_in_names_more_events_and_no_label_hides_another_or_a_marker() {
    let doc = dense_story();
    let visible: Vec<usize> = (0..doc.events.len()).collect();
    let excluded = HashSet::new();
    let timeline = TimelineIndex::new(&doc, &visible, LaneMode::Kind, &excluded);
    let view = View::of_timeline(&doc, &visible, &timeline);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 500.0))
        .build_ui(|ui| timeline_ui(ui, &view, &mut Vec::new()));
    harness.run();
    let mut drawn_per_zoom = Vec::new();
    for zoom in 0..9 {
        let drawn: Arc<DrawnLabels> = harness
            .ctx
            .data(|d| d.get_temp(drawn_labels_id()))
            .expect("the timeline drew");
        let bounds = egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id())
            .expect("the plot drew")
            .transform()
            .bounds()
            .to_owned();
        let (lo, hi) = (bounds.min()[0], bounds.max()[0]);
        for (i, (label, event)) in drawn.labels.iter().enumerate() {
            assert!(
                drawn.markers.iter().any(|(_, e)| e == event),
                "zoom {zoom}: {event} is named but its marker is not drawn"
            );
            for (other, other_event) in &drawn.labels[i + 1..] {
                assert!(
                    !label.intersects(*other),
                    "zoom {zoom}: the labels of {event} and {other_event} overlap"
                );
            }
            for (marker, other) in &drawn.markers {
                assert!(
                    other == event || !label.intersects(*marker),
                    "zoom {zoom}: the label of {event} covers the marker of {other}"
                );
            }
        }
        // The most salient event in view is always named.
        let top = visible
            .iter()
            .copied()
            .filter(|&e| span(&doc.events[e]).is_some_and(|(a, b)| b >= lo && a <= hi))
            .max_by(|&a, &b| doc.events[a].salience.total_cmp(&doc.events[b].salience))
            .expect("events in view");
        assert!(
            drawn.labels.iter().any(|(_, e)| *e == top),
            "zoom {zoom}: the most salient event in view, {top}, has no label"
        );
        drawn_per_zoom.push((drawn.markers.len(), drawn.labels.len()));
        harness.get_by_label("Zoom in").click();
        harness.run();
    }
    let (first, last) = (drawn_per_zoom[0], drawn_per_zoom[drawn_per_zoom.len() - 1]);
    assert!(
        first.0 < 100,
        "zoomed out, only the most salient are drawn one by one: {drawn_per_zoom:?}"
    );
    assert!(
        last.0 > first.0 && last.1 > first.1,
        "zoomed in, more events are drawn and named: {drawn_per_zoom:?}"
    );
}
