//! The app's state and commands, without drawing: selecting an event selects its article; a
//! background job reports an unreadable path.
#![cfg(feature = "gui")]

use sightline::app::SightlineApp;
use sightline::command::Command;

#[test]
fn selecting_an_event_shows_its_first_passage_article() {
    let mut app = SightlineApp::new(&[]);
    let (index, event) = app
        .document
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
        .document
        .articles
        .iter()
        .position(|a| a.id == event.evidence[0].article);
    app.apply(Command::SelectEvent(index));
    assert_eq!(app.selected_event, Some(index));
    assert_eq!(Some(app.selected_article), expected);
    app.apply(Command::SelectEvent(10_000));
    assert_eq!(
        app.selected_event,
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
