//! The inspector: the selected event's title, date and *why this date*, kind, evidence by article
//! with stance badges — and the analyst's edits to all of them: title, kind, dates at day, month
//! or year precision, note, tags, star, each passage's stance, removing, splitting off, merging
//! and deleting. Edited events say so, with the engine's version and the history beside.

use super::{View, color, labelled_field, sources_label};
use crate::command::Command;
use crate::core::dates::DateRange;
use crate::core::document::{Event, Stance, range_label};
use crate::core::edit::Edit;
use crate::core::extract::EventKind;
use crate::core::theme;
use egui::RichText;

/// The selected event, editable.
pub fn inspector_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    ui.heading("Inspector");
    let (Some(index), Some(event)) = (view.selected_event, view.event()) else {
        ui.label("Select an event on the timeline or in the list (the left and right arrow keys step through them).");
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("inspector")
        .show(ui, |ui| {
            summary_ui(ui, event, commands);
            participants_ui(ui, view, event, commands);
            ui.separator();
            fields_ui(ui, event, commands);
            ui.separator();
            why_ui(ui, event);
            ui.separator();
            evidence_ui(ui, view, event, commands);
            ui.separator();
            actions_ui(ui, view, event, index, commands);
        });
}

/// The event's title (editable), date in words, kind, sources, badges.
fn summary_ui(ui: &mut egui::Ui, event: &Event, commands: &mut Vec<Command>) {
    let mut title = event.title.clone();
    let field = labelled_field(
        ui,
        "Title",
        egui::TextEdit::singleline(&mut title)
            .desired_width(f32::INFINITY)
            .font(egui::TextStyle::Heading),
    );
    if field.changed() {
        commands.push(Command::Edit(Edit::SetTitle {
            event: event.id.clone(),
            title,
        }));
    }
    if field.lost_focus() {
        commands.push(Command::EndEditBurst);
    }
    ui.label(format!(
        "{} · {} · {} (independent)",
        event.date_in_words(),
        event.kind,
        sources_label(event.sources)
    ));
    ui.horizontal_wrapped(|ui| {
        if event.disputed {
            ui.colored_label(color(theme::DENIED), "Disputed: some sources deny it");
        }
        if event.new {
            ui.colored_label(color(theme::NEW), "[new]")
                .on_hover_text("Found when articles were added; any edit marks it reviewed");
        }
        if event.edited() {
            let engine = event.engine.as_ref().map_or_else(
                || "Made by the analyst.".to_string(),
                |v| {
                    format!(
                        "The engine's version: {} · {} · {}",
                        v.title,
                        v.kind,
                        range_label(v.earliest, v.latest)
                    )
                },
            );
            let history: Vec<String> = event
                .history
                .iter()
                .map(|c| format!("{}  {}", c.at, c.what))
                .collect();
            ui.colored_label(color(theme::EDITED), "[edited]")
                .on_hover_text(format!("{engine}\n\n{}", history.join("\n")));
        }
    });
}

/// Who took part, in what role; a name filters everything to its events (again: all events).
fn participants_ui(ui: &mut egui::Ui, view: &View<'_>, event: &Event, commands: &mut Vec<Command>) {
    if event.participants.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for p in &event.participants {
            ui.weak(format!("{}:", p.role.as_str()));
            if ui
                .link(&p.name)
                .on_hover_text("Show only the events they take part in")
                .clicked()
            {
                commands.push(Command::SetFilter(view.filter.with_participant(&p.name)));
            }
        }
    });
}

/// Kind, dates, star, tags and note.
fn fields_ui(ui: &mut egui::Ui, event: &Event, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label("Kind");
        egui::ComboBox::from_id_salt("event kind")
            .selected_text(&event.kind)
            .show_ui(ui, |ui| {
                for kind in EventKind::ALL {
                    if ui
                        .selectable_label(event.kind == kind.as_str(), kind.as_str())
                        .clicked()
                        && event.kind != kind.as_str()
                    {
                        commands.push(Command::Edit(Edit::SetKind {
                            event: event.id.clone(),
                            kind: kind.as_str().to_string(),
                        }));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let mut starred = event.starred;
        if ui.checkbox(&mut starred, "Starred").changed() {
            commands.push(Command::Edit(Edit::SetStarred {
                event: event.id.clone(),
                starred,
            }));
        }
    });
    dates_ui(ui, event, commands);
    tags_ui(ui, event, commands);
    let mut note = event.note.clone();
    let field = labelled_field(
        ui,
        "Note",
        egui::TextEdit::multiline(&mut note)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text("your note (shown as speaker notes when presenting)"),
    );
    if field.changed() {
        commands.push(Command::Edit(Edit::SetNote {
            event: event.id.clone(),
            note,
        }));
    }
    if field.lost_focus() {
        commands.push(Command::EndEditBurst);
    }
}

/// Tags as chips: a click on one removes it; the field adds what is typed when Enter or a
/// comma ends it (the text after a comma starts the next tag). Each added or removed tag is one
/// edit, one undo step.
fn tags_ui(ui: &mut egui::Ui, event: &Event, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Tags");
        for (i, tag) in event.tags.iter().enumerate() {
            if ui
                .button(format!("{tag} ×"))
                .on_hover_text("Remove this tag")
                .clicked()
            {
                let mut tags = event.tags.clone();
                tags.remove(i);
                commands.push(Command::Edit(Edit::SetTags {
                    event: event.id.clone(),
                    tags,
                }));
            }
        }
        let id = egui::Id::unique(("new tag", &event.id));
        let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    // Its own id: the chips before it come and go, the field keeps its focus.
                    .id(id.with("field"))
                    .hint_text("add a tag")
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let (done, rest) = match text.rsplit_once(',') {
            _ if enter => (text.as_str(), ""),
            Some((done, rest)) => (done, rest.trim_start()),
            None => ("", text.as_str()),
        };
        let mut tags = event.tags.clone();
        for tag in done.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                tags.push(tag.to_string());
            }
        }
        if tags != event.tags {
            commands.push(Command::Edit(Edit::SetTags {
                event: event.id.clone(),
                tags,
            }));
        }
        if enter {
            // Ready for the next tag.
            field.request_focus();
        }
        let rest = rest.to_string();
        ui.data_mut(|d| d.insert_temp(id, rest));
    });
}

/// Wide enough for "2025-12-26" and the hint.
const DATE_FIELD_WIDTH: f32 = 104.0;

/// Dates as typed in the fields, with the event's dates they were typed against (an undo or
/// another edit of the dates resets the fields).
type TypedDates = (
    (
        Option<chrono::NaiveDate>,
        Option<chrono::NaiveDate>,
        Option<chrono::NaiveDate>,
    ),
    [String; 3],
);

/// Earliest, latest and best day, typed at day ("2025-12-26"), month ("2025-12") or year
/// ("2025") precision; "Set dates" applies them.
fn dates_ui(ui: &mut egui::Ui, event: &Event, commands: &mut Vec<Command>) {
    let id = egui::Id::unique(("event dates", &event.id));
    let shown = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let current = (event.earliest, event.latest, event.best);
    let mut texts: [String; 3] = ui
        .data(|d| d.get_temp::<TypedDates>(id))
        .filter(|(against, _)| *against == current)
        .map_or_else(
            || {
                [
                    shown(event.earliest),
                    shown(event.latest),
                    shown(event.best),
                ]
            },
            |(_, texts)| texts,
        );
    // One row per date, name then field, so that the fields never run past the panel's edge.
    egui::Grid::new(("date fields", &event.id))
        .num_columns(2)
        .show(ui, |ui| {
            for (text, name) in texts.iter_mut().zip(["Earliest", "Latest", "Best"]) {
                labelled_field(
                    ui,
                    name,
                    egui::TextEdit::singleline(text)
                        .hint_text("YYYY[-MM[-DD]]")
                        .desired_width(DATE_FIELD_WIDTH),
                );
                ui.end_row();
            }
        });
    let parse = |text: &str| -> Result<Option<DateRange>, ()> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            DateRange::parse(text).map(Some).ok_or(())
        }
    };
    let parsed = (parse(&texts[0]), parse(&texts[1]), parse(&texts[2]));
    ui.horizontal(|ui| match parsed {
        (Ok(earliest), Ok(latest), Ok(best)) => {
            let earliest = earliest.map(|r| r.earliest);
            let latest = latest.map(|r| r.latest);
            let best = best.filter(DateRange::is_day).map(|r| r.earliest);
            let changed = (earliest, latest, best) != (event.earliest, event.latest, event.best);
            if ui
                .add_enabled(changed, egui::Button::new("Set dates"))
                .clicked()
            {
                commands.push(Command::Edit(Edit::SetDates {
                    event: event.id.clone(),
                    earliest,
                    latest,
                    best,
                }));
                ui.data_mut(|d| d.remove::<TypedDates>(id));
                return;
            }
            if changed {
                ui.weak(format!("will be {}", range_label(earliest, latest)));
            }
        }
        _ => {
            ui.colored_label(
                color(theme::DENIED),
                "a date is YYYY, YYYY-MM or YYYY-MM-DD",
            );
        }
    });
    ui.data_mut(|d| d.insert_temp::<TypedDates>(id, (current, texts)));
}

/// Why this date: each expression, its anchor, each narrowing step.
fn why_ui(ui: &mut egui::Ui, event: &Event) {
    ui.label(RichText::new("Why this date").strong());
    if event.date_basis.is_empty() {
        ui.label("No passage dates it.");
    }
    for step in &event.date_basis {
        let range = range_label(step.earliest, step.latest);
        ui.label(format!(
            "“{}”: {range}  ({}; {})",
            step.text,
            step.anchor,
            &step.article[..step.article.len().min(3)]
        ));
    }
    if let Some(engine) = &event.engine
        && (engine.earliest, engine.latest) != (event.earliest, event.latest)
    {
        ui.weak(format!(
            "Dated by the analyst; the engine said {}.",
            range_label(engine.earliest, engine.latest)
        ));
    }
}

/// The passages by article: stance (changeable), the quote (opens the article), remove, and a
/// box to choose passages to split off.
fn evidence_ui(ui: &mut egui::Ui, view: &View<'_>, event: &Event, commands: &mut Vec<Command>) {
    let doc = view.doc;
    ui.label(RichText::new("Evidence").strong());
    let split_id = egui::Id::unique(("split passages", &event.id));
    let mut chosen: Vec<usize> = ui.data(|d| d.get_temp(split_id)).unwrap_or_default();
    for (passage, e) in event.evidence.iter().enumerate() {
        if view.excluded.contains(&e.article) {
            continue;
        }
        let Some(&article) = view.article_at.get(&e.article) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            let mut split = chosen.contains(&passage);
            if ui
                .checkbox(&mut split, "")
                .on_hover_text("Choose for splitting off")
                .changed()
            {
                if split {
                    chosen.push(passage);
                } else {
                    chosen.retain(|&p| p != passage);
                }
            }
            for stance in [Stance::Supports, Stance::Denies, Stance::Mentions] {
                let color = color(theme::stance(stance));
                let text = if e.stance == stance {
                    RichText::new(stance.as_str()).color(color).strong()
                } else {
                    RichText::new(stance.as_str()).weak()
                };
                if ui.selectable_label(e.stance == stance, text).clicked() && e.stance != stance {
                    commands.push(Command::Edit(Edit::SetStance {
                        event: event.id.clone(),
                        passage,
                        stance,
                    }));
                }
            }
            if e.hedged {
                ui.weak("hedged");
            }
            if ui
                .small_button("Remove")
                .on_hover_text("Take this passage off the event")
                .clicked()
            {
                commands.push(Command::Edit(Edit::RemovePassage {
                    event: event.id.clone(),
                    passage,
                }));
            }
            ui.label(RichText::new(&doc.articles[article].title).weak());
        });
        let sentence = e.context_in(&doc.articles[article].text);
        if ui.link(format!("“{sentence}”")).clicked() {
            commands.push(Command::SelectArticle(e.article.clone()));
        }
    }
    chosen.retain(|&p| p < event.evidence.len());
    if !chosen.is_empty()
        && ui
            .add_enabled(
                chosen.len() < event.evidence.len(),
                egui::Button::new(format!("Split {} passage(s) off", chosen.len())),
            )
            .clicked()
    {
        commands.push(Command::Edit(Edit::Split {
            event: event.id.clone(),
            passages: chosen.clone(),
            title: format!("{} (split)", event.title),
        }));
        chosen.clear();
    }
    ui.data_mut(|d| d.insert_temp(split_id, chosen));
}

/// Merge another shown event into this one, or delete this one.
fn actions_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    event: &Event,
    index: usize,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.menu_button("Merge with…", |ui| {
            ui.weak("The chosen event joins this one; this title and date stay.");
            let others: Vec<usize> = view
                .table_rows
                .iter()
                .copied()
                .filter(|&o| o != index)
                .collect();
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical().max_height(300.0).show_rows(
                ui,
                row_height,
                others.len(),
                |ui, rows| {
                    for &other in &others[rows] {
                        let title = &view.doc.events[other].title;
                        if ui
                            .button(crate::core::article::shorten(title, 60))
                            .clicked()
                        {
                            commands.push(Command::Edit(Edit::Merge {
                                keep: event.id.clone(),
                                other: view.doc.events[other].id.clone(),
                            }));
                        }
                    }
                },
            );
        });
        if ui
            .button("Delete event")
            .on_hover_text(format!("Delete {:?} (undo with Ctrl+Z)", event.title))
            .clicked()
        {
            commands.push(Command::Edit(Edit::Delete {
                event: event.id.clone(),
            }));
        }
    });
}
