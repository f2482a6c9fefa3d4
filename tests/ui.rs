//! The workbench driven as a person would, through `egui_kittest`: select an event in the list,
//! see its evidence in the inspector, follow a passage to the reader. No GPU needed.
#![cfg(feature = "gui")]

mod common;
use common::finish_job;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sightline::app::SightlineApp;
use sightline::command::Command;
use sightline::core::edit::Edit;
use sightline::core::view::SlideOrder;

fn harness() -> Harness<'static, SightlineApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_eframe(|_cc| SightlineApp::new(&[]));
    harness.run();
    harness
}

/// Opens a menu of the menu bar.
fn open_menu(harness: &mut Harness<'static, SightlineApp>, name: &str) {
    harness.get_by_role_and_label(Role::Button, name).click();
    harness.run();
}

/// Clicks article 001 (undated) in the sources list.
fn open_article_001(harness: &mut Harness<'static, SightlineApp>) {
    harness
        .get_all_by_label_contains("CIA Conducts Drone Strike")
        .next()
        .expect("article 001 is listed")
        .click();
    harness.run();
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
        .selected_event()
        .expect("an event is selected");
    assert_eq!(
        harness.state().session.document().events[selected].kind,
        "report"
    );
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
    let event = harness.state().selected_event().expect("selected");
    let evidence = harness.state().session.document().events[event]
        .evidence
        .clone();
    let last = evidence.last().expect("evidence").clone();
    let expected = harness
        .state()
        .session
        .document()
        .articles
        .iter()
        .position(|a| a.id == last.article);
    let text = &harness.state().session.document().articles[expected.expect("article")].text;
    let label = format!("“{}”", last.context_in(text));
    harness.get_by_label(&label).scroll_to_me();
    harness.run();
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(Some(harness.state().selected_article()), expected);
}

#[test]
fn choosing_a_source_shows_it_in_the_reader() {
    let mut harness = harness();
    open_article_001(&mut harness);
    assert_eq!(harness.state().selected_article(), 1);
    harness
        .get_by_role_and_label(Role::Button, "Fit all")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Focus").click();
    harness.run();
    assert_eq!(
        harness.state().selected_article(),
        1,
        "timeline buttons leave the reader alone"
    );
}

#[test]
fn typing_in_search_narrows_the_event_list() {
    let mut harness = harness();
    let all = harness.state().views.visible.len();
    let field = harness.get_by_role_and_label(Role::TextInput, "Search");
    field.focus();
    field.type_text("blockade");
    harness.run();
    let state = harness.state();
    assert!(
        state.views.visible.len() < all,
        "{} of {all}",
        state.views.visible.len()
    );
    assert!(!state.views.visible.is_empty());
    for &e in &state.views.visible {
        let event = &state.session.document().events[e];
        // The title or the sentence of a passage holds the word.
        let sentence = |x: &sightline::core::document::Evidence| {
            let article = state
                .session
                .document()
                .articles
                .iter()
                .find(|a| a.id == x.article);
            x.context_in(&article.expect("article").text).to_string()
        };
        let text = format!(
            "{} {}",
            event.title,
            event.evidence.iter().map(sentence).collect::<String>()
        );
        assert!(text.to_lowercase().contains("blockade"), "{}", event.title);
    }
    assert!(
        harness
            .query_by_label_contains(&format!("{} of {all} events", state.views.visible.len()))
            .is_some()
    );
}

#[test]
fn leaving_out_an_article_removes_its_evidence() {
    let mut harness = harness();
    let only_in_last: Vec<usize> = {
        let doc = harness.state().session.document();
        let last = doc.articles.last().expect("articles").id.clone();
        (0..doc.events.len())
            .filter(|&e| doc.events[e].evidence.iter().all(|x| x.article == last))
            .collect()
    };
    assert!(
        !only_in_last.is_empty(),
        "some event rests on the last article alone"
    );
    harness
        .get_all_by_role(Role::CheckBox)
        .last()
        .expect("include boxes")
        .click();
    harness.run();
    let state = harness.state();
    let last = state
        .session
        .document()
        .articles
        .last()
        .expect("articles")
        .id
        .clone();
    assert!(state.choices.excluded.contains(&last));
    for e in only_in_last {
        assert!(!state.views.visible.contains(&e), "event {e} still shown");
    }
}

#[test]
fn arrow_keys_step_through_events_in_date_order() {
    let mut harness = harness();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let first = harness.state().views.visible[0];
    assert_eq!(harness.state().selected_event(), Some(first));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let second = harness.state().views.visible[1];
    assert_eq!(harness.state().selected_event(), Some(second));
    let doc = harness.state().session.document();
    assert!(
        doc.events[first].earliest.or(doc.events[first].latest)
            <= doc.events[second].earliest.or(doc.events[second].latest)
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selected_event(), Some(first));
}

#[test]
fn theme_and_text_size_change_and_apply() {
    let mut harness = harness();
    assert!(harness.state().settings.dark);
    open_menu(&mut harness, "View");
    harness
        .get_by_role_and_label(Role::Button, "Light theme")
        .click();
    harness.run();
    assert!(!harness.state().settings.dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    open_menu(&mut harness, "View");
    harness
        .get_by_role_and_label(Role::Button, "Larger text")
        .click();
    harness.run();
    assert!((harness.state().settings.zoom - 1.1).abs() < 1e-4);
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 1e-4);
}

#[test]
fn opening_a_folder_by_path_replaces_the_timeline_in_the_background() {
    let dir = std::env::temp_dir().join(format!("sightline-ui-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("a.txt"),
        "date 2024-03-11\nRebels attacked a fuel depot on Friday, officials said.",
    )
    .expect("write");
    std::fs::write(
        dir.join("b.txt"),
        "date 2024-03-12\nThe attack on the fuel depot last Friday was claimed by the rebels.",
    )
    .expect("write");
    let mut harness = harness();
    let field = harness.get_by_role_and_label(Role::TextInput, "Open path");
    field.focus();
    field.type_text(dir.to_str().expect("path"));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.step();
    finish_job(&mut harness);
    let ids: Vec<sightline::core::document::ArticleId> = harness
        .state()
        .session
        .document()
        .articles
        .iter()
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(
        harness
            .state()
            .session
            .document()
            .events
            .iter()
            .any(|e| e.kind == "strike" && e.sources == 2)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_path_that_cannot_be_read_leaves_the_timeline_and_says_why() {
    let mut harness = harness();
    let before = harness.state().session.document().clone();
    harness
        .state_mut()
        .apply(sightline::command::Command::OpenPaths(vec![
            "/no/such/folder".into(),
        ]));
    finish_job(&mut harness);
    assert_eq!(*harness.state().session.document(), before);
    let notice = harness.state().notice.clone().expect("a notice");
    assert!(
        notice.contains("/no/such/folder") && notice.contains("no such file"),
        "{notice}"
    );
    assert!(harness.query_by_label_contains("Could not open").is_some());
}

#[test]
fn setting_an_undated_articles_date_re_anchors_its_relative_dates() {
    let mut harness = harness();
    open_article_001(&mut harness);
    let before = harness.state().session.analyses()[1]
        .timexes
        .iter()
        .find(|t| t.text == "earlier this month")
        .cloned()
        .expect("tagged");
    assert_eq!(before.earliest, None);
    let field = harness.get_by_role_and_label(Role::TextInput, "Set date…");
    field.focus();
    field.type_text("2025-12-30");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Set").click();
    harness.run();
    let state = harness.state();
    let article = &state.session.document().articles[1];
    assert_eq!(
        article.published,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 30)
    );
    assert_eq!(
        article.published_basis,
        sightline::core::article::DateBasis::User
    );
    let after = state.session.analyses()[1]
        .timexes
        .iter()
        .find(|t| t.text == "earlier this month")
        .expect("tagged");
    assert_eq!(after.earliest, chrono::NaiveDate::from_ymd_opt(2025, 12, 1));
    // The events it reports are re-dated with it: its passages now carry date steps.
    assert!(
        state
            .session
            .document()
            .events
            .iter()
            .any(|e| e.date_basis.iter().any(|s| s.article == article.id))
    );
    // Undone, the article is undated again, and so are its relative dates in the reader.
    harness.state_mut().apply(Command::Undo);
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.document().articles[1].published, None);
    let undone = state.session.analyses()[1]
        .timexes
        .iter()
        .find(|t| t.text == "earlier this month")
        .expect("tagged");
    assert_eq!(undone.earliest, None, "the reader kept the undone date");
    // Redone, dated again.
    harness.state_mut().apply(Command::Redo);
    harness.run();
    let redone = harness.state().session.analyses()[1]
        .timexes
        .iter()
        .find(|t| t.text == "earlier this month")
        .map(|t| t.earliest);
    assert_eq!(redone, Some(chrono::NaiveDate::from_ymd_opt(2025, 12, 1)));
}

#[test]
fn disputed_only_shows_the_disputed_events() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::CheckBox, "Disputed only")
        .click();
    harness.run();
    let state = harness.state();
    assert!(state.choices.filter.disputed_only);
    assert!(!state.views.visible.is_empty());
    assert!(state.views.visible.len() < state.session.document().events.len());
    assert!(
        state
            .views
            .visible
            .iter()
            .all(|&e| state.session.document().events[e].disputed)
    );
}

#[test]
fn the_event_table_opens_on_the_most_important_events() {
    let mut harness = harness();
    let state = harness.state();
    let doc = state.session.document();
    let salience: Vec<f64> = state
        .views
        .table_rows
        .iter()
        .map(|&e| doc.events[e].salience)
        .collect();
    assert!(salience.len() > 2);
    assert!(salience.windows(2).all(|w| w[0] >= w[1]), "{salience:?}");
    assert!(salience.first() > salience.last());
    // Sorting by date and back to importance puts the most important first again.
    harness.get_by_role_and_label(Role::Button, "Date").click();
    harness.run();
    let state = harness.state();
    let doc = state.session.document();
    let first = &doc.events[state.views.table_rows[0]];
    assert!(
        state
            .views
            .table_rows
            .iter()
            .all(|&e| doc.events[e].earliest.is_none() || doc.events[e].earliest >= first.earliest)
    );
    harness.get_by_role_and_label(Role::Button, "Imp.").click();
    harness.run();
    let state = harness.state();
    let top = state.session.document().events[state.views.table_rows[0]].salience;
    assert_eq!(Some(top), salience.first().copied());
}

#[test]
fn the_event_table_sorts_by_a_column_and_back() {
    let mut harness = harness();
    harness.get_by_role_and_label(Role::Button, "Src").click();
    harness.run();
    let state = harness.state();
    let sources: Vec<usize> = state
        .views
        .table_rows
        .iter()
        .map(|&e| state.session.document().events[e].sources)
        .collect();
    assert!(sources.windows(2).all(|w| w[0] <= w[1]), "{sources:?}");
    assert!(sources.first() < sources.last());
    harness.get_by_role_and_label(Role::Button, "Src ^").click();
    harness.run();
    let state = harness.state();
    let first = state.session.document().events[state.views.table_rows[0]].sources;
    assert_eq!(Some(&first), sources.iter().max());
    // Clicking a row selects its event everywhere.
    let row = state.views.table_rows[0];
    let title = state.session.document().events[row].title.clone();
    harness
        .get_all_by_label(&title)
        .next()
        .expect("row title")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_event(), Some(row));
}

#[test]
fn the_stance_filter_keeps_only_events_with_a_denial() {
    let mut harness = harness();
    harness.get_by_label("Stance").click();
    harness.run();
    harness.get_by_label("denies").click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        state.choices.filter.stance,
        Some(sightline::core::document::Stance::Denies)
    );
    assert!(
        !state.views.visible.is_empty()
            && state.views.visible.len() < state.session.document().events.len()
    );
    for &e in &state.views.visible {
        assert!(
            state.session.document().events[e]
                .evidence
                .iter()
                .any(|x| x.stance == sightline::core::document::Stance::Denies)
        );
    }
    harness
        .get_by_role_and_label(Role::Button, "Clear filters")
        .click();
    harness.run();
    assert_eq!(
        harness.state().views.visible.len(),
        harness.state().session.document().events.len()
    );
}

#[test]
fn lanes_switch_to_one_per_source() {
    let mut harness = harness();
    open_menu(&mut harness, "View");
    harness.get_by_label("Lanes by source").click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        state.choices.lane_mode,
        sightline::core::view::LaneMode::Source
    );
    assert_eq!(
        state.views.timeline.lanes().len(),
        state.session.document().articles.len()
    );
    let kinds: Vec<&str> = state
        .session
        .document()
        .events
        .iter()
        .map(|e| e.lane.as_str())
        .collect();
    assert!(
        state
            .views
            .timeline
            .lanes()
            .iter()
            .all(|l| !kinds.contains(&l.as_str())),
        "{:?}",
        state.views.timeline.lanes()
    );
}

/// The timeline plot's x bounds (first and last day shown, as plot x).
fn plot_x_bounds(harness: &Harness<'static, SightlineApp>) -> (f64, f64) {
    let memory = egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id())
        .expect("the plot has drawn");
    let bounds = memory.bounds();
    (bounds.min()[0], bounds.max()[0])
}

#[test]
fn plus_minus_and_home_zoom_the_timeline() {
    let mut harness = harness();
    let (lo, hi) = plot_x_bounds(&harness);
    harness.key_press(egui::Key::Plus);
    harness.run();
    let (a, b) = plot_x_bounds(&harness);
    assert!(
        ((b - a) * 1.5 - (hi - lo)).abs() < 0.01,
        "{a}..{b} from {lo}..{hi}"
    );
    assert!(
        (a.midpoint(b) - lo.midpoint(hi)).abs() < 0.01,
        "zooms about the centre"
    );
    harness.key_press(egui::Key::Minus);
    harness.key_press(egui::Key::Minus);
    harness.run();
    let (a, b) = plot_x_bounds(&harness);
    assert!((b - a) > (hi - lo) * 1.4);
    harness.key_press(egui::Key::Home);
    harness.run();
    let (a, b) = plot_x_bounds(&harness);
    assert!((a - lo).abs() < 0.01 && (b - hi).abs() < 0.01);
}

#[test]
fn hovering_an_event_marks_it_and_clicking_selects_it() {
    let mut harness = harness();
    let memory =
        egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id()).expect("plot");
    let transform = memory.transform();
    // The most corroborated event has the largest marker: aim at its best day in its lane row.
    let state = harness.state();
    let (target, _) = state
        .views
        .visible
        .iter()
        .map(|&i| (i, &state.session.document().events[i]))
        .filter(|(_, e)| e.best.is_some())
        .max_by_key(|(_, e)| e.sources)
        .expect("a dated event");
    let marker = state
        .views
        .timeline
        .marker(state.session.document(), target)
        .expect("drawn");
    let pos = transform.position_from_point(&marker);
    harness.hover_at(pos);
    harness.run();
    assert_eq!(harness.state().views.hovered_event, Some(target));
    click_at(&harness, pos, egui::PointerButton::Primary);
    harness.run();
    assert_eq!(harness.state().selected_event(), Some(target));
}

#[test]
fn clicking_the_overview_strip_moves_the_timeline_there() {
    let mut harness = harness();
    let (lo, hi) = plot_x_bounds(&harness);
    let strip = harness.get_by_label("Overview").rect();
    // The far left of the strip is the earliest event: the window moves left, same width.
    let pos = egui::pos2(strip.left() + 3.0, strip.center().y);
    click_at(&harness, pos, egui::PointerButton::Primary);
    harness.run();
    let (a, b) = plot_x_bounds(&harness);
    assert!(a < lo - 1.0, "{a} not left of {lo}");
    assert!(((b - a) - (hi - lo)).abs() < 0.01);
}

#[test]
fn clicking_a_highlighted_passage_in_the_reader_selects_its_event() {
    let mut harness = harness();
    let reader = reader_rect(&harness);
    // Walk down the text line by line until a click lands on a highlight.
    let line = 18.0;
    let mut y = reader.top() + line / 2.0;
    while harness.state().selected_event().is_none() && y < reader.bottom() {
        let pos = egui::pos2(reader.left() + 40.0, y);
        click_at(&harness, pos, egui::PointerButton::Primary);
        harness.run();
        y += line;
    }
    let state = harness.state();
    let event = state
        .selected_event()
        .expect("a click on a passage selected its event");
    let id = &state.session.document().articles[state.selected_article()].id;
    assert!(
        state.session.document().events[event]
            .evidence
            .iter()
            .any(|x| &x.article == id)
    );
}

/// Presses and releases a mouse button at `pos` (the pointer moves there first).
fn click_at(
    harness: &Harness<'static, SightlineApp>,
    pos: egui::Pos2,
    button: egui::PointerButton,
) {
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
}

/// Where the reader's article text is on screen (the text is named by the article's title).
fn reader_rect(harness: &Harness<'static, SightlineApp>) -> egui::Rect {
    let state = harness.state();
    let title = &state.session.document().articles[state.selected_article()].title;
    harness
        .get_by_role_and_label(Role::MultilineTextInput, title)
        .rect()
}

/// An app on the seeds that keeps unsaved work aside in `file`.
fn harness_keeping_work_in(file: &std::path::Path) -> Harness<'static, SightlineApp> {
    let file = file.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_eframe(move |_cc| SightlineApp::new(&[]).with_recovery_file(file));
    harness.run();
    harness
}

/// An unsaved change: selects the CNN report and stars it in the inspector.
fn star_the_cnn_report(harness: &mut Harness<'static, SightlineApp>) {
    select_event(harness, "CNN report on the strike");
    harness
        .get_by_role_and_label(Role::CheckBox, "Starred")
        .click();
    harness.run();
    assert!(harness.state().session.dirty);
}

/// Selects the event with this title through the event table.
fn select_event(harness: &mut Harness<'static, SightlineApp>, title: &str) -> usize {
    harness
        .get_all_by_label_contains(title)
        .next()
        .unwrap_or_else(|| panic!("{title} is listed"))
        .click();
    harness.run();
    harness.state().selected_event().expect("selected")
}

#[test]
fn an_edited_title_is_saved_and_opens_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("annotated.json");
    let mut harness = harness();
    let event = select_event(&mut harness, "CNN report on the strike");
    let title = harness.get_by_role_and_label(Role::TextInput, "Title");
    title.focus();
    title.type_text(" (checked)");
    harness.run();
    let edited = harness.state().session.document().events[event]
        .title
        .clone();
    assert!(edited.ends_with("(checked)"), "{edited}");
    assert!(harness.state().session.dirty);
    assert!(harness.state().window_title().contains('*'));
    // The timeline has a file: File > Save writes it.
    harness.state_mut().session.file = Some(path.clone());
    open_menu(&mut harness, "File");
    // A menu entry's name carries its shortcut.
    harness.get_by_label_contains("Ctrl+S").click();
    harness.run();
    assert!(
        !harness.state().session.dirty,
        "{:?}",
        harness.state().notice
    );
    let mut reopened = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_eframe(|_cc| SightlineApp::new(std::slice::from_ref(&path)));
    reopened.run();
    let doc = &reopened.state().session.document();
    let event = doc
        .events
        .iter()
        .find(|e| e.title == edited)
        .expect("the edited title is in the reopened file");
    assert_eq!(event.origin, sightline::core::document::Origin::Analyst);
    assert!(!event.history.is_empty());
    assert!(
        reopened
            .state()
            .window_title()
            .starts_with("annotated.json")
    );
}

#[test]
fn merging_two_events_then_undo_brings_both_back() {
    let mut harness = harness();
    let before = harness.state().session.document().clone();
    select_event(&mut harness, "Blockade on oil tankers");
    harness.get_by_label("Merge with…").scroll_to_me();
    harness.run();
    harness.get_by_label("Merge with…").click();
    harness.run();
    // The list of candidates scrolls: bring the seizure into view before clicking it.
    harness
        .get_all_by_role_and_label(Role::Button, "U.S. military seizes oil tanker")
        .next()
        .expect("the seizure is offered")
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_role_and_label(Role::Button, "U.S. military seizes oil tanker")
        .next()
        .expect("the seizure is offered")
        .click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        state.session.document().events.len(),
        before.events.len() - 1
    );
    assert!(
        state
            .session
            .document()
            .events
            .iter()
            .all(|e| e.title != "U.S. military seizes oil tanker")
    );
    open_menu(&mut harness, "Edit");
    harness.get_by_label_contains("Ctrl+Z").click();
    harness.run();
    assert_eq!(*harness.state().session.document(), before);
    // Redo with the keyboard.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(
        harness.state().session.document().events.len(),
        before.events.len() - 1
    );
}

#[test]
fn unsaved_changes_are_asked_about_before_they_would_be_lost() {
    let mut harness = harness();
    star_the_cnn_report(&mut harness);
    let edited = harness.state().session.document().clone();
    open_menu(&mut harness, "File");
    harness.get_by_role_and_label(Role::Button, "New").click();
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert_eq!(
        *harness.state().session.document(),
        edited,
        "cancel keeps everything"
    );
    open_menu(&mut harness, "File");
    harness.get_by_role_and_label(Role::Button, "New").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Don't save")
        .click();
    harness.run();
    assert!(harness.state().session.document().events.is_empty());
    assert!(!harness.state().session.dirty);
}

#[test]
fn unsaved_work_kept_aside_is_offered_back_at_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("recovery.json");
    let mut harness = harness_keeping_work_in(&file);
    star_the_cnn_report(&mut harness);
    // Half a minute with no input: the timer keeps the work aside.
    idle_for(&mut harness, 31.0);
    let edited = harness.state().session.document().clone();
    drop(harness);
    // As after a crash: the next start finds the work and offers it.
    let mut next = harness_keeping_work_in(&file);
    next.get_by_label("Restore unsaved work?");
    next.get_by_role_and_label(Role::Button, "Restore").click();
    next.run();
    assert_eq!(*next.state().session.document(), edited);
    assert!(next.state().session.dirty, "restored work is still unsaved");
}

#[test]
fn a_right_clicked_sentence_becomes_a_new_event() {
    let mut harness = harness();
    let before = harness.state().session.document().events.len();
    let state = harness.state();
    let article = state.session.document().articles[state.selected_article()].clone();
    let text = reader_rect(&harness);
    // The second line of the article: inside its first sentence (the first line opens with the
    // header "date …", which is not a sentence).
    let pos = egui::pos2(text.left() + 60.0, text.top() + 26.0);
    click_at(&harness, pos, egui::PointerButton::Secondary);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "New event from selection")
        .click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.document().events.len(), before + 1);
    let new = state.session.document().events.last().expect("new event");
    assert_eq!(state.selected_event(), Some(before));
    assert_eq!(new.origin, sightline::core::document::Origin::Analyst);
    assert_eq!(new.evidence.len(), 1);
    let x = &new.evidence[0];
    assert_eq!(x.article, article.id);
    assert_eq!(&article.text[x.start..x.end], x.quote);
}

#[test]
fn selected_text_becomes_evidence_of_the_selected_event() {
    let mut harness = harness();
    let event = select_event(&mut harness, "CNN report on the strike");
    let before = harness.state().session.document().events[event]
        .evidence
        .len();
    let text = reader_rect(&harness);
    // Drag across part of the first line: what the selection can become is offered.
    let (from, to) = (
        egui::pos2(text.left() + 120.0, text.top() + 8.0),
        egui::pos2(text.left() + 320.0, text.top() + 8.0),
    );
    drag(&mut harness, from, to);
    harness
        .get_by_role_and_label(Role::Button, "Add as denies")
        .click();
    harness.run();
    let state = harness.state();
    let evidence = &state.session.document().events[event].evidence;
    assert_eq!(evidence.len(), before + 1);
    let added = evidence.last().expect("added");
    assert_eq!(added.stance, sightline::core::document::Stance::Denies);
    let article = &state.session.document().articles[state.selected_article()];
    let sentence_end = article.text[added.start..]
        .find(". ")
        .map_or(article.text.len(), |i| added.start + i);
    assert!(
        added.end < sentence_end,
        "a part of the sentence: {:?}",
        added.quote
    );
    assert!(added.quote.len() >= 10, "{:?}", added.quote);
    assert!(state.session.document().events[event].disputed);
}

#[test]
fn presenting_steps_through_the_slides_and_leaves() {
    let mut harness = harness();
    harness.key_press(egui::Key::F5);
    harness.run();
    let state = harness.state();
    assert!(state.presentation.is_some());
    assert_eq!(
        state.views.slides, state.views.visible,
        "every shown event, in date order"
    );
    let title = |h: &Harness<'static, SightlineApp>, n: usize| {
        h.state().session.document().events[h.state().views.slides[n]]
            .title
            .clone()
    };
    let first = title(&harness, 0);
    harness.get_by_label(&first);
    assert!(
        harness.query_by_label("Inspector").is_none(),
        "full screen slides only"
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let second = title(&harness, 1);
    harness.get_by_label(&second);
    assert_eq!(
        harness.state().selected_event(),
        Some(harness.state().views.slides[1])
    );
    harness.key_press(egui::Key::Space);
    harness.key_press(egui::Key::PageUp);
    harness.run();
    harness.get_by_label(&second);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.get_by_label(&first);
    harness.key_press(egui::Key::End);
    harness.run();
    let last = harness.state().views.slides.len() - 1;
    harness.get_by_label(&title(&harness, last));
    harness.key_press(egui::Key::N);
    harness.run();
    harness.get_by_label("Speaker notes");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().presentation.is_none());
    harness.get_by_label("Inspector");
}

#[test]
fn starred_and_story_orders_pick_and_order_the_slides() {
    let mut harness = harness();
    let (a, b) = {
        let state = harness.state();
        (state.views.visible[1], state.views.visible[4])
    };
    let apply = |h: &mut Harness<'static, SightlineApp>, c: sightline::command::Command| {
        h.state_mut().apply(c);
        h.run();
    };
    let starred = harness.state().session.document().events[b].id.clone();
    apply(
        &mut harness,
        Command::Edit(Edit::SetStarred {
            event: starred,
            starred: true,
        }),
    );
    apply(&mut harness, Command::Present(Some(SlideOrder::Starred)));
    assert_eq!(harness.state().views.slides, vec![b]);
    apply(&mut harness, Command::Present(None));
    let ids = |h: &Harness<'static, SightlineApp>, i: usize| {
        h.state().session.document().events[i].id.clone()
    };
    let story = vec![ids(&harness, b), ids(&harness, a)];
    apply(&mut harness, Command::Edit(Edit::SetStory(story)));
    // The presenter switches order from the slide bar.
    harness.key_press(egui::Key::F5);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Story order")
        .click();
    harness.run();
    assert_eq!(harness.state().views.slides, vec![b, a]);
    harness.get_by_label(&harness.state().session.document().events[b].title.clone());
}

#[test]
fn exporting_from_the_app_writes_the_shown_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::CheckBox, "Disputed only")
        .click();
    harness.run();
    let shown = harness.state().views.visible.clone();
    let csv_path = dir.path().join("events.csv");
    let png_path = dir.path().join("timeline.png");
    let apply = |h: &mut Harness<'static, SightlineApp>, c: Command| {
        h.state_mut().apply(c);
        h.run();
    };
    apply(
        &mut harness,
        Command::Export(sightline::core::export::Format::Csv, csv_path.clone()),
    );
    let csv = std::fs::read_to_string(&csv_path).expect("written");
    assert_eq!(csv.lines().count(), shown.len() + 1, "{csv}");
    assert!(harness.query_by_label_contains("Exported").is_some());
    let mut image = harness.state().export_image;
    image.width = 640.0;
    image.scale = 1.0;
    apply(&mut harness, Command::SetExportImage(image));
    apply(
        &mut harness,
        Command::Export(sightline::core::export::Format::Png, png_path.clone()),
    );
    let png = resvg::tiny_skia::Pixmap::decode_png(&std::fs::read(&png_path).expect("png"))
        .expect("decodes");
    assert_eq!(png.width(), 640);
    // A file that cannot be written is reported; nothing else changes.
    let before = harness.state().session.document().clone();
    apply(
        &mut harness,
        Command::Export(
            sightline::core::export::Format::Html,
            dir.path().join("no/such/folder/b.html"),
        ),
    );
    let notice = harness.state().notice.clone().unwrap_or_default();
    assert!(notice.starts_with("Not exported"), "{notice}");
    assert_eq!(*harness.state().session.document(), before);
}

#[test]
fn adding_articles_keeps_the_analysts_edits_and_marks_new_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("extra.txt"),
        "date 2025-12-31\nRebels attacked a fuel depot in the northern province on Tuesday, officials said.",
    )
    .expect("write");
    let mut harness = harness();
    let event = select_event(&mut harness, "CNN report on the strike");
    let id = harness.state().session.document().events[event].id.clone();
    harness.state_mut().apply(Command::Edit(Edit::SetNote {
        event: id,
        note: "Checked with the wire copy.".into(),
    }));
    harness.run();
    let edited_id = harness.state().session.document().events[event].id.clone();
    let before = harness.state().session.document().events.len();
    harness
        .state_mut()
        .apply(Command::AddArticles(vec![dir.path().to_path_buf()]));
    finish_job(&mut harness);
    let state = harness.state();
    assert_eq!(state.session.document().articles.len(), 6);
    let kept = state
        .session
        .document()
        .events
        .iter()
        .find(|e| e.id == edited_id)
        .expect("the edited event is still there");
    assert_eq!(kept.note, "Checked with the wire copy.");
    eprintln!(
        "{:?}",
        state
            .session
            .document()
            .articles
            .iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    );
    for e in &state.session.document().events {
        eprintln!(
            "{} new={} {:?}",
            e.title,
            e.new,
            e.evidence
                .iter()
                .map(|x| x.article.clone())
                .collect::<Vec<_>>()
        );
    }
    assert!(state.session.document().events.len() > before);
    assert!(
        state
            .session
            .document()
            .events
            .iter()
            .any(|e| e.new && e.evidence.iter().any(|x| x.article == "extra"))
    );
    assert!(state.session.dirty, "added articles are unsaved changes");
    // One undo takes the whole addition back.
    harness.state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(harness.state().session.document().articles.len(), 5);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    star_the_cnn_report(&mut harness);
    let edited = harness.state().session.document().clone();
    // The window's close button.
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert_eq!(
        harness.state().pending,
        Some(sightline::app::Pending::Close)
    );
    harness.get_by_label("Save your changes before closing?");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert_eq!(harness.state().pending, None);
    assert_eq!(*harness.state().session.document(), edited, "nothing lost");
}

// ---- The workbench keeps its space and the user's work (issue 11) ----

/// Lets `seconds` pass on the app's clock with no input at all, then draws one frame.
fn idle_for(harness: &mut Harness<'static, SightlineApp>, seconds: f64) {
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + seconds);
    harness.step();
}

/// What a user sees of the layout: the plot's frame, the overview strip, the inspector's
/// heading and the reader's text.
fn layout_rects(harness: &Harness<'static, SightlineApp>) -> [egui::Rect; 4] {
    let plot = egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id())
        .expect("the plot has drawn")
        .transform()
        .frame()
        .to_owned();
    [
        plot,
        harness.get_by_label("Overview").rect(),
        harness.get_by_label("Inspector").rect(),
        reader_rect(harness),
    ]
}

/// Runs `frames` frames and checks that no panel moved by more than a point meanwhile.
fn assert_stable(harness: &mut Harness<'static, SightlineApp>, frames: usize) -> [egui::Rect; 4] {
    let first = layout_rects(harness);
    for frame in 0..frames {
        harness.step();
        let now = layout_rects(harness);
        for (a, b) in first.iter().zip(&now) {
            let moved = (a.min - b.min).length().max((a.max - b.max).length());
            assert!(moved <= 1.0, "frame {frame}: {a:?} became {b:?}");
        }
    }
    first
}

#[test]
fn panels_keep_their_size_over_300_frames_and_across_a_resize() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(|_cc| SightlineApp::new(&[]));
    harness.run();
    let at_start = assert_stable(&mut harness, 300);
    let plot = at_start[0];
    assert!(plot.height() > 300.0, "the timeline has room: {plot:?}");
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(1920.0, 1080.0)] {
        harness.set_size(size);
        harness.run();
        let [plot, overview, inspector, reader] = assert_stable(&mut harness, 300);
        // Nothing overlaps: the timeline ends before the inspector, the strip sits under the
        // plot, the reader under the strip.
        assert!(plot.right() < inspector.left(), "{plot:?} {inspector:?}");
        assert!(overview.top() >= plot.bottom() && reader.top() >= overview.bottom());
        assert!(inspector.right() <= size.x);
    }
    // Back to the first size: the same layout as at the start.
    harness.set_size(egui::vec2(1600.0, 1000.0));
    harness.run();
    let back = layout_rects(&harness);
    for (a, b) in at_start.iter().zip(&back) {
        assert!((a.min - b.min).length() <= 1.0 && (a.max - b.max).length() <= 1.0);
    }
}

/// Storage in memory, standing in for eframe's file between runs.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// Drags with the primary button from `from` to `to`, in a few moves.
fn drag(harness: &mut Harness<'static, SightlineApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(from));
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    for t in [0.25, 0.5, 0.75, 1.0] {
        harness.event(egui::Event::PointerMoved(from.lerp(to, t)));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
}

#[test]
fn a_dragged_divider_is_the_layout_saved_and_restored() {
    let mut harness = harness();
    let [plot, overview, ..] = layout_rects(&harness);
    let divider = harness.get_by_label("Resize timeline").rect();
    assert!(divider.center().y > overview.bottom() - 8.0);
    drag(
        &mut harness,
        divider.center(),
        divider.center() + egui::vec2(0.0, 120.0),
    );
    let [dragged, ..] = assert_stable(&mut harness, 300);
    assert!(
        (dragged.height() - plot.height() - 120.0).abs() <= 2.0,
        "{plot:?} -> {dragged:?}"
    );
    // Quit (eframe keeps the app's values), start again: the layout the user set.
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let mut next = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_eframe(|_cc| {
            let mut app = SightlineApp::new(&[]);
            app.restore(&storage);
            app
        });
    next.run();
    let [restored, ..] = layout_rects(&next);
    assert!((restored.height() - dragged.height()).abs() <= 1.0);
}

#[test]
fn clearing_filters_never_slides_the_timeline_under_the_inspector() {
    // A laptop-sized window, where the old layout let the timeline reach under the inspector.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|_cc| SightlineApp::new(&[]));
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text("strike");
    harness.run();
    harness.get_by_label("Clear filters").click();
    harness.run();
    let [plot, _, inspector, _] = assert_stable(&mut harness, 300);
    assert!(plot.right() < inspector.left(), "{plot:?} {inspector:?}");
    // The inspector's date fields stay inside it.
    select_event(&mut harness, "CNN report on the strike");
    for name in ["Earliest", "Latest", "Best"] {
        let field = harness.get_by_role_and_label(Role::TextInput, name).rect();
        assert!(
            field.left() >= inspector.left() && field.right() <= 1280.0,
            "{name}: {field:?}"
        );
    }
}

#[test]
fn the_wheel_zooms_about_the_pointer_and_shift_wheel_pans() {
    let mut harness = harness();
    let (lo, hi) = plot_x_bounds(&harness);
    let memory =
        egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id()).expect("plot");
    let frame = *memory.transform().frame();
    // A third of the way along the plot.
    let pointer = egui::pos2(frame.left() + frame.width() / 3.0, frame.center().y);
    let day = memory.transform().value_from_position(pointer).x;
    let wheel = |modifiers| egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 1.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers,
    };
    harness.hover_at(pointer);
    harness.run_ok();
    harness.event(wheel(egui::Modifiers::NONE));
    harness.run_ok();
    let (a, b) = plot_x_bounds(&harness);
    assert!(
        b - a < (hi - lo) * 0.95,
        "zoomed in: {a}..{b} from {lo}..{hi}"
    );
    let memory =
        egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id()).expect("plot");
    let still = memory.transform().value_from_position(pointer).x;
    assert!(
        (still - day).abs() < 0.5,
        "the day under the pointer stays: {day} {still}"
    );
    harness.event(wheel(egui::Modifiers::SHIFT));
    harness.run_ok();
    let (c, d) = plot_x_bounds(&harness);
    assert!(((d - c) - (b - a)).abs() < 0.01, "panning keeps the zoom");
    assert!(
        c < a - 0.5,
        "wheel up with Shift moves to earlier days: {c} {a}"
    );
    harness.event(wheel(egui::Modifiers::CTRL));
    harness.run_ok();
    let (e, _) = plot_x_bounds(&harness);
    assert!(e < c - 0.5, "and with Ctrl too");
    harness.get_by_label_contains("wheel or +/- to zoom");
}

#[test]
fn tags_are_chips_and_one_finished_edit_is_one_history_entry() {
    let mut harness = harness();
    let event = select_event(&mut harness, "CNN report on the strike");
    let history = harness.state().session.document().events[event]
        .history
        .len();
    let tags = harness.get_by_role_and_label(Role::TextInput, "Tags");
    tags.focus();
    harness.run();
    for c in "alpha, beta".chars() {
        harness
            .get_by_role_and_label(Role::TextInput, "Tags")
            .type_text(&c.to_string());
        harness.run();
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    let doc = harness.state().session.document();
    assert_eq!(doc.events[event].tags, ["alpha", "beta"]);
    assert_eq!(
        doc.events[event].history.len(),
        history + 2,
        "one entry a tag"
    );
    harness
        .get_by_role_and_label(Role::Button, "alpha ×")
        .click();
    harness.run();
    assert_eq!(
        harness.state().session.document().events[event].tags,
        ["beta"]
    );
    harness.state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(
        harness.state().session.document().events[event].tags,
        ["alpha", "beta"]
    );
    // Typing a title key by key: one change in the event's history, one undo step.
    let title = harness.state().session.document().events[event]
        .title
        .clone();
    let history = harness.state().session.document().events[event]
        .history
        .len();
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .focus();
    harness.run();
    for c in " (checked)".chars() {
        harness
            .get_by_role_and_label(Role::TextInput, "Title")
            .type_text(&c.to_string());
        harness.run();
    }
    let e = &harness.state().session.document().events[event];
    assert_eq!(e.title, format!("{title} (checked)"));
    assert_eq!(e.history.len(), history + 1, "{:?}", e.history);
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(
        harness.state().session.document().events[event].title,
        title
    );
}

#[test]
fn autosave_runs_on_a_timer_with_no_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("recovery.json");
    let mut harness = harness_keeping_work_in(&file);
    star_the_cnn_report(&mut harness);
    // The app asked to be woken for the autosave, whatever the user does.
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(delay <= std::time::Duration::from_secs(30), "{delay:?}");
    idle_for(&mut harness, 10.0);
    assert!(!file.exists(), "not due yet");
    idle_for(&mut harness, 21.0);
    let kept = sightline::core::persist::read_recovery(&file).expect("kept aside");
    assert_eq!(&kept.document, harness.state().session.document());
}

/// A background event centuries before the story ("the fortress built in 1650") does not squash
/// the story into a sliver of the overview strip: the strip spans the story and counts that
/// event at its left end; Fit all still shows it.
#[test]
fn the_overview_strip_spans_the_story_and_counts_background_before_it() {
    let mut doc =
        sightline::core::pipeline::read(sightline::core::ingest::seed_articles().articles, "seeds")
            .document;
    let background = doc.events.len() - 1;
    let year = |y: i32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y, m, d);
    doc.events[background].earliest = year(1650, 1, 1);
    doc.events[background].latest = year(1650, 12, 31);
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("background.timeline.json");
    sightline::core::persist::save(&doc, &path).expect("saved");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .build_eframe(move |_cc| SightlineApp::new(std::slice::from_ref(&path)));
    harness.run();
    let labels = overview_labels(&harness);
    assert!(
        labels.iter().all(|l| !l.starts_with("16")),
        "the strip's dates are the story's years: {labels:?}"
    );
    // The seeds have background of their own (a failed operation of 2020): one more now.
    let earlier = |labels: &[String]| -> usize {
        labels
            .iter()
            .find_map(|l| l.strip_suffix(" earlier")?.parse().ok())
            .unwrap_or(0)
    };
    assert_eq!(
        earlier(&labels),
        earlier(&overview_labels(&self::harness())) + 1,
        "{labels:?}"
    );
    harness
        .get_by_role_and_label(Role::Button, "Fit all")
        .click();
    harness.run();
    let (lo, _) = plot_x_bounds(&harness);
    assert!(lo < sightline::core::view::x_of(year(1650, 1, 1).expect("a day")));
}

/// The labels drawn on the overview strip: its dates, and how many events lie before or after
/// it.
fn overview_labels(harness: &Harness<'static, SightlineApp>) -> Vec<String> {
    let strip = harness.get_by_label("Overview").rect();
    harness
        .get_all_by_role(Role::Label)
        .filter(|n| strip.contains(n.rect().center()))
        .filter_map(|n| n.value())
        .collect()
}

#[test]
fn the_overview_strip_has_dates_and_no_label_hides_a_marker() {
    let harness = harness();
    let dates: Vec<String> = overview_labels(&harness)
        .into_iter()
        .filter(|l| !l.ends_with(" earlier") && !l.ends_with(" later"))
        .collect();
    assert!(dates.len() >= 2, "{dates:?}");
    assert!(
        dates.iter().all(|d| d.contains("20") || d.contains("19")),
        "years or months: {dates:?}"
    );
    let drawn: std::sync::Arc<sightline::ui::DrawnLabels> = harness
        .ctx
        .data(|d| d.get_temp(sightline::ui::drawn_labels_id()))
        .expect("the timeline drew");
    assert!(drawn.labels.len() >= 5, "{}", drawn.labels.len());
    // The best-corroborated events on screen are all named.
    let doc = harness.state().session.document();
    for (_, event) in &drawn.markers {
        if doc.events[*event].sources >= 4 {
            assert!(
                drawn.labels.iter().any(|(_, e)| e == event),
                "{} has no label",
                doc.events[*event].title
            );
        }
    }
    let plot = egui_plot::PlotMemory::load(&harness.ctx, sightline::ui::timeline_plot_id())
        .expect("the plot has drawn")
        .transform()
        .frame()
        .to_owned();
    for (label, event) in &drawn.labels {
        assert!(
            plot.x_range().contains(label.left()) && plot.x_range().contains(label.right()),
            "label of {event} is cut at the plot's edge: {label:?} in {plot:?}"
        );
        for (marker, other) in &drawn.markers {
            assert!(
                other == event || !label.intersects(*marker),
                "label of {event} covers the marker of {other}"
            );
        }
        assert!(
            !drawn.bars.is_empty(),
            "the seeds have date ranges on screen"
        );
        // A label crosses no date range of an event as salient as its own.
        for (bar, other) in &drawn.bars {
            assert!(
                other == event
                    || !label.intersects(*bar)
                    || doc.events[*other].salience < doc.events[*event].salience,
                "label of {event} crosses the date range of {other}"
            );
        }
    }
}

/// Clicks the button `name` inside Sightline's own file dialog.
fn dialog_button(harness: &mut Harness<'static, SightlineApp>, name: &str) {
    harness
        .get_all_by_role_and_label(Role::Button, name)
        .last()
        .unwrap_or_else(|| panic!("{name} in the dialog"))
        .click();
    harness.run();
}

/// Opens File ▸ Save as….
fn choose_save_as(harness: &mut Harness<'static, SightlineApp>) {
    open_menu(harness, "File");
    harness
        .get_by_role_and_label(Role::Button, "Save as…")
        .click();
    harness.run();
}

/// A harness for driving Sightline's own file dialog: its path and file-name fields (`egui_file`'s)
/// carry no accessible names, which kittest's accessibility check would refuse.
fn dialog_harness() -> Harness<'static, SightlineApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .with_accessibility_check(false)
        .build_eframe(|_cc| SightlineApp::new(&[]));
    harness.run();
    harness
}

#[test]
fn saving_and_opening_work_through_the_in_app_file_dialog() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = dialog_harness();
    assert!(
        !harness.state().native_dialogs,
        "tests use Sightline's own dialog"
    );
    harness.state_mut().last_folder = Some(dir.path().to_path_buf());
    star_the_cnn_report(&mut harness);
    let edited = harness.state().session.document().clone();
    choose_save_as(&mut harness);
    harness.get_by_label_contains("Save timeline as");
    dialog_button(&mut harness, "Save");
    let saved = dir.path().join("timeline.json");
    assert!(saved.is_file(), "{:?}", harness.state().notice);
    assert!(!harness.state().session.dirty);
    // Saving as the same name again asks before replacing.
    choose_save_as(&mut harness);
    dialog_button(&mut harness, "Save");
    harness.get_by_label("Replace the file?");
    harness
        .get_by_role_and_label(Role::Button, "Replace")
        .click();
    harness.run();
    assert!(harness.state().replacing.is_none() && harness.state().dialog.is_none());
    // Quit and start again: the dialog opens in the folder last used; the file opens.
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let mut next = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .with_accessibility_check(false)
        .build_eframe(|_cc| {
            let mut app = SightlineApp::new(&[]);
            app.restore(&storage);
            app
        });
    next.run();
    open_menu(&mut next, "File");
    next.get_by_role_and_label(Role::Button, "Open timeline…")
        .click();
    next.run();
    next.get_by_label_contains("timeline.json").click();
    next.run();
    dialog_button(&mut next, "Open");
    assert_eq!(next.state().session.file.as_deref(), Some(saved.as_path()));
    assert_eq!(
        next.state().session.document().events,
        edited.events,
        "the edit is back"
    );
}

#[test]
fn the_in_app_dialog_refuses_a_place_that_cannot_be_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("gone");
    std::fs::create_dir(&gone).expect("folder");
    let mut harness = dialog_harness();
    harness.state_mut().last_folder = Some(gone.clone());
    star_the_cnn_report(&mut harness);
    choose_save_as(&mut harness);
    // The folder disappears while the dialog is open.
    std::fs::remove_dir(&gone).expect("removed");
    dialog_button(&mut harness, "Save");
    let notice = harness.state().notice.clone().unwrap_or_default();
    assert!(
        notice.contains("does not exist") && notice.contains("gone"),
        "{notice}"
    );
    assert!(harness.state().session.dirty, "nothing was lost");
    assert!(harness.state().dialog.is_some(), "the user chooses again");
}

#[test]
fn save_as_offers_the_timelines_own_file_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = dialog_harness();
    harness.state_mut().last_folder = Some(dir.path().to_path_buf());
    harness.state_mut().session.file = Some(dir.path().join("story.json"));
    star_the_cnn_report(&mut harness);
    choose_save_as(&mut harness);
    dialog_button(&mut harness, "Save");
    assert!(
        dir.path().join("story.json").is_file(),
        "{:?}",
        harness.state().notice
    );
    assert!(!dir.path().join("timeline.json").exists());
}

/// The participants tab lists the story's people, organisations and places; choosing one shows
/// only their events, the inspector says who played which part, and choosing again shows all.
#[test]
fn choosing_a_participant_shows_only_their_events() {
    let mut harness = harness();
    let all = harness.state().views.visible.len();
    harness
        .get_by_role_and_label(Role::Button, "Participants")
        .click();
    harness.run();
    let doc = harness.state().session.document().clone();
    let every: Vec<usize> = (0..doc.events.len()).collect();
    let most = sightline::core::view::participants(&doc, &every)
        .into_iter()
        .next()
        .expect("the seeds name participants");
    let entry = format!("{}\n", most.name);
    harness
        .get_all_by_label_contains(&entry)
        .next()
        .unwrap_or_else(|| panic!("{} is listed", most.name))
        .click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        state.choices.filter.participant.as_deref(),
        Some(most.name.as_str())
    );
    assert_eq!(state.views.visible.len(), most.events);
    assert!(state.views.visible.len() < all);
    for &e in &state.views.visible {
        assert!(
            state.session.document().events[e]
                .participants
                .iter()
                .any(|p| p.name == most.name)
        );
    }
    // The inspector names each participant's part.
    let first = state.views.visible[0];
    let title = state.session.document().events[first].title.clone();
    select_event(&mut harness, &title);
    let role = harness.state().session.document().events[first].participants[0].role;
    assert!(
        harness
            .query_all_by_label_contains(&format!("{}:", role.as_str()))
            .next()
            .is_some()
    );
    harness
        .get_all_by_label_contains(&entry)
        .next()
        .expect("still listed")
        .click();
    harness.run();
    assert_eq!(harness.state().choices.filter.participant, None);
    assert_eq!(harness.state().views.visible.len(), all);
}

#[test]
fn a_long_source_list_lays_out_only_the_rows_in_sight() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("wire.jsonl");
    let lines: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                r#"{{"id": "w{i:04}", "title": "Wire item {i:04}", "date": "2030-05-01", "text": "Item {i:04}: the council met on Tuesday."}}"#
            )
        })
        .collect();
    std::fs::write(&path, lines.join("\n")).expect("write");
    let mut harness = harness();
    harness.state_mut().apply(Command::OpenPaths(vec![path]));
    common::finish_job(&mut harness);
    assert_eq!(harness.state().session.document().articles.len(), 2000);
    let listed = harness.query_all_by_label_contains("Wire item").count();
    assert!(
        (1..200).contains(&listed),
        "{listed} of 2,000 sources laid out"
    );
    let in_sight = |h: &Harness<'static, SightlineApp>, label: &str| {
        h.query_all_by_label_contains(label).next().is_some()
    };
    assert!(
        in_sight(&harness, "Wire item 0000"),
        "the first is in sight"
    );
    assert!(
        !in_sight(&harness, "Wire item 1999"),
        "the last is not laid out"
    );
}
