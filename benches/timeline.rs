//! CPU time of one timeline frame with 100,000 and with 1,000,000 synthetic events (50 years,
//! dense clusters inside single days), while panning, measured headless through egui's
//! `Context` (layout and tessellation, no GPU). Prints p50 and p95 over 300 frames for each,
//! then a criterion estimate at 100,000.
//!
//! `cargo bench --bench timeline`

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, PointerButton, Pos2, RawInput, Rect, vec2};
use sightline::core::document::{Document, Event as TimelineEvent};
use sightline::core::view::LaneMode;
use sightline::ui::{TimelineIndex, View, timeline_ui};
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// The document sizes measured.
const SIZES: [usize; 2] = [100_000, 1_000_000];

fn synthetic(count: usize) -> Document {
    let start = NaiveDate::from_ymd_opt(1975, 1, 1).expect("date");
    let kinds = [
        "strike",
        "report",
        "statement",
        "blockade",
        "meeting",
        "support",
    ];
    let events = (0..count)
        .map(|i| {
            // Nine in ten spread over 50 years; one in ten packed into 20 single days.
            let day = if i % 10 == 0 {
                9_000 + (i % 20) * 400
            } else {
                (i * 7_919) % 18_262
            };
            let earliest = start.checked_add_days(Days::new(day as u64)).expect("date");
            let latest = earliest
                .checked_add_days(Days::new((i % 30) as u64))
                .expect("date");
            let kind = kinds[i % kinds.len()];
            TimelineEvent {
                id: format!("e{i}").into(),
                title: format!("Synthetic {kind} number {i}"),
                kind: kind.into(),
                lane: kind.into(),
                earliest: Some(earliest),
                latest: Some(latest),
                best: (i % 3 == 0).then_some(earliest),
                sources: 1 + i % 5,
                salience: (i % 1_000) as f64 / 1_000.0,
                disputed: i % 17 == 0,
                ..TimelineEvent::default()
            }
        })
        .collect();
    Document {
        format: "sightline-timeline".into(),
        version: 2,
        title: "synthetic".into(),
        articles: Vec::new(),
        events,
        dismissed: Vec::new(),
        story: Vec::new(),
    }
}

/// One frame: the timeline in a 1400×500 window, the pointer dragging it `dx` points.
fn frame(ctx: &egui::Context, view: &View<'_>, step: usize) -> Duration {
    let x = 400.0 + (step % 40) as f32 * 15.0;
    let mut input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 500.0))),
        ..Default::default()
    };
    input.events.push(Event::PointerMoved(Pos2::new(x, 250.0)));
    if step.is_multiple_of(40) {
        input.events.push(Event::PointerButton {
            pos: Pos2::new(x, 250.0),
            button: PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        });
    }
    let begin = Instant::now();
    let output = ctx.run_ui(input, |ui| {
        let mut commands = Vec::new();
        timeline_ui(ui, view, &mut commands);
    });
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    begin.elapsed()
}

fn bench(c: &mut Criterion) {
    for count in SIZES {
        let doc = synthetic(count);
        let visible: Vec<usize> = (0..doc.events.len()).collect();
        let excluded = HashSet::new();
        let timeline = TimelineIndex::new(&doc, &visible, LaneMode::Kind, &excluded);
        let view = View {
            selected_event: Some(5),
            ..View::of_timeline(&doc, &visible, &timeline)
        };
        let ctx = egui::Context::default();
        for step in 0..5 {
            frame(&ctx, &view, step);
        }
        let mut times: Vec<Duration> = (0..300).map(|step| frame(&ctx, &view, step)).collect();
        times.sort();
        let percentile = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
        eprintln!(
            "timeline frame with {count} events while panning: p50 {:.2} ms, p95 {:.2} ms",
            percentile(50).as_secs_f64() * 1e3,
            percentile(95).as_secs_f64() * 1e3
        );
        if count == SIZES[0] {
            let mut step = 0;
            c.bench_function("timeline_frame_100k_events", |b| {
                b.iter(|| {
                    step += 1;
                    frame(&ctx, &view, step)
                });
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
