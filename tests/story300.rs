//! A story of 300 articles, generated here (a fictional flood and its aftermath, free to ship),
//! worked through the workbench as an analyst would: open it, find the story on the first
//! screen, zoom in, follow one participant, edit, save, reopen.
#![cfg(feature = "gui")]

mod common;
use common::finish_job;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sightline::app::SightlineApp;
use sightline::command::Command;
use sightline::core::edit::Edit;
use sightline::core::view::span;
use std::fmt::Write as _;
use std::path::Path;

/// What happened, on which day of 2031, told three ways.
const HAPPENINGS: [(u32, u32, [&str; 3]); 8] = [
    (
        3,
        2,
        [
            "The Northgate Dam burst on 2 March 2031, flooding the lower districts of Velmora.",
            "When the Northgate Dam burst on 2 March 2031, water flooded the lower districts of Velmora.",
            "Velmora was flooded after the Northgate Dam burst on 2 March 2031.",
        ],
    ),
    (
        3,
        3,
        [
            "Rescuers evacuated 12,000 residents from Velmora on 3 March 2031.",
            "About 12,000 residents were evacuated from Velmora on 3 March 2031.",
            "On 3 March 2031 rescuers evacuated thousands of residents from Velmora.",
        ],
    ),
    (
        3,
        10,
        [
            "Mayor Elena Varga declared a state of emergency in Velmora on 10 March 2031.",
            "Elena Varga declared a state of emergency on 10 March 2031.",
            "A state of emergency was declared by Mayor Elena Varga on 10 March 2031.",
        ],
    ),
    (
        4,
        15,
        [
            "Police arrested the dam's chief engineer, Marco Lind, on 15 April 2031.",
            "Marco Lind, the dam's chief engineer, was arrested on 15 April 2031.",
            "On 15 April 2031 police arrested Marco Lind, who ran the dam.",
        ],
    ),
    (
        5,
        20,
        [
            "Corvane Energy agreed to pay 40 million euros in compensation on 20 May 2031.",
            "On 20 May 2031 Corvane Energy agreed to pay compensation to the flood victims.",
            "Corvane Energy, which owns the dam, agreed on 20 May 2031 to pay compensation.",
        ],
    ),
    (
        6,
        30,
        [
            "Parliament approved a reconstruction fund for Velmora on 30 June 2031.",
            "A reconstruction fund for Velmora was approved by Parliament on 30 June 2031.",
            "On 30 June 2031 Parliament approved the reconstruction fund.",
        ],
    ),
    (
        8,
        12,
        [
            "Marco Lind was charged with negligence on 12 August 2031.",
            "Prosecutors charged Marco Lind with negligence on 12 August 2031.",
            "On 12 August 2031 prosecutors charged the engineer Marco Lind with negligence.",
        ],
    ),
    (
        9,
        1,
        [
            "Elena Varga resigned as mayor of Velmora on 1 September 2031.",
            "Mayor Elena Varga resigned on 1 September 2031.",
            "On 1 September 2031 Elena Varga resigned, citing the flood.",
        ],
    ),
];

/// Sentences of colour that report nothing.
const FILLER: [&str; 4] = [
    "Residents gathered in the town square to share news.",
    "The weather stayed grey along the coast.",
    "Volunteers handed out blankets and bread.",
    "Local shops opened late in the afternoon.",
];

/// Article `i` of 300: published a day or more after the latest happening it reports, telling
/// that one and two earlier ones.
fn article(i: usize) -> (String, String) {
    let (known, published) = {
        let day = chrono::NaiveDate::from_ymd_opt(2031, 3, 3).expect("date")
            + chrono::Days::new((i * 190 / 300) as u64);
        let known = HAPPENINGS
            .iter()
            .rposition(|&(m, d, _)| {
                chrono::NaiveDate::from_ymd_opt(2031, m, d).expect("date") < day
            })
            .unwrap_or(0);
        (known, day)
    };
    let mut text = format!("Velmora report {i}\n\ndate {published}\n\n");
    for k in [known, known.saturating_sub(1 + i % 3), i % (known + 1)] {
        let _ = write!(text, "{} ", HAPPENINGS[k].2[i % 3]);
    }
    let _ = writeln!(text, "{}", FILLER[i % FILLER.len()]);
    (format!("{i:03}.txt"), text)
}

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
    for i in 0..300 {
        let (name, text) = article(i);
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
    let doc = harness.state().document.clone();
    assert_eq!(doc.articles.len(), 300);
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
        let doc = &harness.state().document;
        harness
            .state()
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
    assert_eq!(state.filter.participant.as_deref(), Some("Elena Varga"));
    assert!(!state.visible.is_empty() && state.visible.len() < state.document.events.len());
    let event = state.visible[0];
    assert!(
        state.document.events[event]
            .participants
            .iter()
            .any(|p| p.name == "Elena Varga")
    );
    // Edit, save, reopen: the edit is there.
    harness.state_mut().apply(Command::Edit(Edit::SetTitle {
        event,
        title: "The mayor's crisis".into(),
    }));
    harness.run();
    let file = dir.path().join("velmora.sightline.json");
    harness.state_mut().apply(Command::SaveAs(file.clone()));
    harness.run();
    assert!(!harness.state().dirty, "saved");
    harness.state_mut().apply(Command::NewTimeline);
    harness.run();
    harness
        .state_mut()
        .apply(Command::OpenTimeline(file.clone()));
    finish_job(&mut harness);
    let reopened = &harness.state().document;
    assert_eq!(reopened.articles.len(), 300);
    assert!(
        reopened
            .events
            .iter()
            .any(|e| e.title == "The mayor's crisis" && !e.history.is_empty())
    );
    assert!(Path::new(&file).exists());
}
