//! A story of 300 articles, generated (`tests/common/story.rs`: a fictional flood and its
//! aftermath, free to ship), worked through the workbench as an analyst would: open it, find
//! the story on the first screen, zoom in, follow one participant, edit, save, reopen.
#![cfg(feature = "gui")]

mod common;
#[path = "common/story.rs"]
mod story;
use common::finish_job;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sightline::app::SightlineApp;
use sightline::command::Command;
use sightline::core::edit::Edit;
use sightline::core::view::span;
use std::path::Path;

/// The plot's visible day range.
fn window(harness: &Harness<'static, SightlineApp>) -> (f64, f64) {
    let bounds = egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id())
        .expect("the plot drew")
        .transform()
        .bounds()
        .to_owned();
    (bounds.min()[0], bounds.max()[0])
}

fn labels(harness: &Harness<'static, SightlineApp>) -> usize {
    harness
        .ctx
        .data(|d| {
            d.get_temp::<std::sync::Arc<sightline::ui::DrawnLabels>>(
                sightline::ui::drawn_labels_id(),
            )
        })
        .expect("the timeline drew")
        .labels
        .len()
}

#[test]
fn an_analyst_works_through_a_300_article_story() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..story::ARTICLES {
        let (name, text) = story::article(i);
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_eframe(|_cc| SightlineApp::new(&[]));
    harness.run();
    harness
        .state_mut()
        .apply(Command::OpenPaths(vec![dir.path().to_path_buf()]));
    finish_job(&mut harness);
    for _ in 0..3 {
        harness.run();
    }
    let doc = harness.state().session.document().clone();
    assert_eq!(doc.articles.len(), 300);
    // Every happening of the story is an event dated to its day.
    for day in story::happening_days() {
        assert!(
            doc.events
                .iter()
                .any(|e| e.earliest == Some(day) && e.latest == Some(day)),
            "nothing on {day}: {:?}",
            doc.events
                .iter()
                .map(|e| (&e.title, e.earliest, e.latest))
                .collect::<Vec<_>>()
        );
    }
    // The first screen holds most of the story's evidence.
    let (lo, hi) = window(&harness);
    let (mut inside, mut all) = (0, 0);
    for e in &doc.events {
        if let Some((a, b)) = span(e) {
            all += e.evidence.len();
            if b >= lo && a <= hi {
                inside += e.evidence.len();
            }
        }
    }
    assert!(
        inside * 10 >= all * 7,
        "{inside} of {all} passages on the first screen"
    );
    assert!(labels(&harness) >= 3, "the story's top events are named");
    // Zooming in names a larger share of what is in view.
    let in_view = |harness: &Harness<'static, SightlineApp>| {
        let (lo, hi) = window(harness);
        let doc = &harness.state().session.document();
        harness
            .state()
            .views
            .visible
            .iter()
            .filter(|&&e| span(&doc.events[e]).is_some_and(|(a, b)| b >= lo && a <= hi))
            .count()
    };
    let before = (labels(&harness), in_view(&harness));
    for _ in 0..2 {
        harness.get_by_label("Zoom in").click();
        harness.run();
    }
    let after = (labels(&harness), in_view(&harness));
    assert!(
        after.0 * before.1 >= before.0 * after.1 && after.0 > 0,
        "{before:?} labels of events in view, then {after:?}"
    );
    // One participant's events.
    harness
        .get_by_role_and_label(Role::Button, "Participants")
        .click();
    harness.run();
    harness
        .get_all_by_label_contains("Elena Varga\n")
        .next()
        .expect("the mayor is a participant")
        .click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        state.choices.filter.participant.as_deref(),
        Some("Elena Varga")
    );
    assert!(
        !state.views.visible.is_empty()
            && state.views.visible.len() < state.session.document().events.len()
    );
    let event = state.views.visible[0];
    assert!(
        state.session.document().events[event]
            .participants
            .iter()
            .any(|p| p.name == "Elena Varga")
    );
    // Edit, save, reopen: the edit is there.
    let id = state.session.document().events[event].id.clone();
    harness.state_mut().apply(Command::Edit(Edit::SetTitle {
        event: id,
        title: "The mayor's crisis".into(),
    }));
    harness.run();
    let file = dir.path().join("velmora.sightline.json");
    harness.state_mut().apply(Command::SaveAs(file.clone()));
    harness.run();
    assert!(!harness.state().session.dirty, "saved");
    harness.state_mut().apply(Command::NewTimeline);
    harness.run();
    harness
        .state_mut()
        .apply(Command::OpenTimeline(file.clone()));
    finish_job(&mut harness);
    let reopened = &harness.state().session.document();
    assert_eq!(reopened.articles.len(), 300);
    assert!(
        reopened
            .events
            .iter()
            .any(|e| e.title == "The mayor's crisis" && !e.history.is_empty())
    );
    assert!(Path::new(&file).exists());
}
