//! The workbench driven as a person would, through `egui_kittest`: select an event in the list,
//! see its evidence in the inspector, follow a passage to the reader. No GPU needed.
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sightline::app::SightlineApp;

fn harness() -> Harness<'static, SightlineApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_eframe(|_cc| SightlineApp::new(&[]));
    harness.run();
    harness
}

#[test]
fn selecting_an_event_in_the_list_fills_the_inspector() {
    let mut harness = harness();
    assert!(harness.query_by_label_contains("Why this date").is_none());
    harness
        .get_all_by_label_contains("CNN report on the strike")
        .next()
        .expect("the CNN report is listed")
        .click();
    harness.run();
    let selected = harness
        .state()
        .selected_event
        .expect("an event is selected");
    assert_eq!(harness.state().document.events[selected].kind, "report");
    harness.get_by_label("Why this date");
    assert!(
        harness
            .query_by_label_contains("29 December 2025 · report")
            .is_some()
    );
}

#[test]
fn a_passage_in_the_inspector_opens_its_article_in_the_reader() {
    let mut harness = harness();
    harness
        .get_all_by_label_contains("Blockade on oil tankers")
        .next()
        .expect("the blockade is listed")
        .click();
    harness.run();
    let event = harness.state().selected_event.expect("selected");
    let evidence = harness.state().document.events[event].evidence.clone();
    let last = evidence.last().expect("evidence").clone();
    let expected = harness
        .state()
        .document
        .articles
        .iter()
        .position(|a| a.id == last.article);
    harness.get_by_label(&format!("“{}”", last.quote)).click();
    harness.run();
    assert_eq!(Some(harness.state().selected_article), expected);
}

#[test]
fn choosing_a_source_shows_it_in_the_reader() {
    let mut harness = harness();
    harness
        .get_all_by_label_contains("CIA Conducts Drone Strike on Venezuelan Port Facility")
        .next()
        .expect("article 001 is listed")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_article, 1);
    harness
        .get_by_role_and_label(Role::Button, "Fit all")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Focus").click();
    harness.run();
    assert_eq!(
        harness.state().selected_article,
        1,
        "timeline buttons leave the reader alone"
    );
}
