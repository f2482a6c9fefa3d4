//! The app's state and commands, without drawing: selecting an event selects its article; a
//! background job reports an unreadable path.
#![cfg(feature = "gui")]

use sightline::app::SightlineApp;
use sightline::command::Command;

#[test]
fn selecting_an_event_shows_its_first_passage_article() {
    let mut app = SightlineApp::new(&[]);
    let (index, event) = app
        .session
        .document()
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| {
            e.evidence
                .first()
                .is_some_and(|x| !x.article.starts_with("000"))
        })
        .expect("an event first reported outside article 000");
    let expected = app
        .session
        .document()
        .articles
        .iter()
        .position(|a| a.id == event.evidence[0].article);
    let id = event.id.clone();
    app.apply(Command::SelectEvent(id));
    assert_eq!(app.selected_event(), Some(index));
    assert_eq!(Some(app.selected_article()), expected);
    app.apply(Command::SelectEvent("no such event".into()));
    assert_eq!(
        app.selected_event(),
        Some(index),
        "an unknown event leaves the selection alone"
    );
}

#[test]
fn a_background_job_reports_an_unreadable_path() {
    let job = sightline::app::Job::start(vec!["/no/such/folder".into()], None);
    let start = std::time::Instant::now();
    let outcome = loop {
        if let Some(o) = job.poll() {
            break o;
        }
        assert!(start.elapsed().as_secs() < 10, "no outcome");
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    match outcome {
        sightline::app::Outcome::Failed(why) => assert!(why.contains("no such file"), "{why}"),
        _ => panic!("expected a failure"),
    }
}

#[test]
fn the_selection_follows_its_event_by_id_when_an_earlier_event_is_deleted() {
    let mut app = SightlineApp::new(&[]);
    let shown = app.views.visible.clone();
    assert!(shown.len() >= 3, "the seeds show several events");
    let (first, third) = (shown[0], shown[2]);
    let selected = app.session.document().events[third].id.clone();
    app.apply(Command::SelectEvent(selected.clone()));
    let doomed = app.session.document().events[first].id.clone();
    app.apply(Command::Edit(sightline::core::edit::Edit::Delete {
        event: doomed,
    }));
    let now = app.selected_event().expect("still selected");
    assert_eq!(app.session.document().events[now].id, selected);
    assert!(app.views.visible.contains(&now), "the views were rebuilt");
    // Undo brings the deleted event back; the selection stays on the same event.
    app.apply(Command::Undo);
    let back = app.selected_event().expect("still selected");
    assert_eq!(app.session.document().events[back].id, selected);
    assert_eq!(app.views.visible.len(), shown.len());
}

#[test]
fn a_filter_that_hides_the_selected_event_unselects_it_and_clearing_it_shows_all_again() {
    let mut app = SightlineApp::new(&[]);
    let all = app.views.visible.len();
    let event = app.views.visible[0];
    let id = app.session.document().events[event].id.clone();
    app.apply(Command::SelectEvent(id));
    let hiding = sightline::core::view::Filter {
        text: "no event says this zqxj".into(),
        ..Default::default()
    };
    app.apply(Command::SetFilter(hiding));
    assert!(app.views.visible.is_empty() && app.views.table_rows.is_empty());
    assert_eq!(app.selected_event(), None);
    app.apply(Command::SetFilter(sightline::core::view::Filter::default()));
    assert_eq!(app.views.visible.len(), all);
    assert_eq!(app.views.table_rows.len(), all);
}
