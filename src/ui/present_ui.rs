//! Presentation mode: full screen, one event per slide in large type — the date in words with
//! its uncertainty, the title, the key quotes with outlet and stance, the corroboration line,
//! and a strip of the whole timeline showing where the event sits. Speaker notes (the analyst's
//! note) in a panel toggled with N. Also the story-order editor.

use super::{View, color, lane_color};
use crate::command::{Command, SlideMove};
use crate::core::document::EventId;
use crate::core::edit::Edit;
use crate::core::theme;
use crate::core::view::{SlideOrder, marker_x, span};
use egui::RichText;

/// A running presentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Presentation {
    /// Which events, in which order.
    pub order: SlideOrder,
    /// The slide shown (index into the slides).
    pub slide: usize,
    /// The speaker notes panel is open.
    pub notes: bool,
}

/// The slide, the strip and the speaker notes, filling the window.
pub fn present_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    presentation: &Presentation,
    slides: &[usize],
    commands: &mut Vec<Command>,
) {
    egui::Panel::top("present bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(format!(
                "Slide {} of {}",
                (presentation.slide + 1).min(slides.len()),
                slides.len()
            ));
            ui.separator();
            for order in SlideOrder::ALL {
                if ui
                    .selectable_label(presentation.order == order, order.label())
                    .clicked()
                {
                    commands.push(Command::Present(Some(order)));
                }
            }
            ui.separator();
            if ui.button("Previous").clicked() {
                commands.push(Command::Slide(SlideMove::Previous));
            }
            if ui.button("Next").clicked() {
                commands.push(Command::Slide(SlideMove::Next));
            }
            if ui.button("Speaker notes (N)").clicked() {
                commands.push(Command::ToggleNotes);
            }
            if ui.button("Exit (Esc)").clicked() {
                commands.push(Command::Present(None));
            }
        });
    });
    let event = slides
        .get(presentation.slide)
        .and_then(|&i| view.doc.events.get(i));
    if presentation.notes {
        egui::Panel::bottom("speaker notes")
            .default_size(140.0)
            .show(ui, |ui| {
                ui.strong("Speaker notes");
                let note = event.map_or("", |e| e.note.as_str());
                if note.is_empty() {
                    ui.weak("No note for this event (write one in the inspector).");
                } else {
                    ui.label(RichText::new(note).size(18.0));
                }
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(event) = event else {
            ui.add_space(80.0);
            ui.vertical_centered(|ui| {
                ui.label(RichText::new("No slides").size(32.0));
                ui.label(match presentation.order {
                    SlideOrder::Starred => "Star events in the inspector to present them here.",
                    SlideOrder::Story => "Set a story order: View > Story order…",
                    SlideOrder::Date | SlideOrder::Importance => {
                        "No event is shown: clear the filters."
                    }
                });
            });
            return;
        };
        egui::Panel::bottom("slide strip")
            .show_separator_line(false)
            .show(ui, |ui| strip_ui(ui, view, slides, presentation.slide));
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add_space(ui.available_height() * 0.12);
            ui.label(RichText::new(event.date_in_words()).size(26.0).weak());
            ui.label(
                RichText::new(&event.title)
                    .size(40.0)
                    .strong()
                    .color(ui.visuals().strong_text_color()),
            );
            ui.label(
                RichText::new(format!("{} · {}", event.kind, event.corroboration())).size(20.0),
            );
            if event.disputed {
                ui.label(
                    RichText::new("Disputed: a source denies it")
                        .size(20.0)
                        .color(color(theme::DENIED)),
                );
            }
            ui.add_space(16.0);
            for x in crate::core::export::key_quotes(event, 3) {
                let article = view
                    .article_at
                    .get(&x.article)
                    .map(|&a| &view.doc.articles[a]);
                let source = article.map_or_else(String::new, |a| {
                    a.outlet.clone().unwrap_or_else(|| a.title.clone())
                });
                let color = color(theme::stance(x.stance));
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("[{}]", x.stance.as_str()))
                            .size(18.0)
                            .color(color),
                    );
                    let sentence = article.map_or(x.quote.as_str(), |a| x.context_in(&a.text));
                    ui.label(RichText::new(format!("“{sentence}”")).size(22.0));
                });
                ui.label(RichText::new(format!("— {source}")).size(16.0).weak());
                ui.add_space(10.0);
            }
        });
    });
}

/// Height of the timeline strip under a slide, in points.
const STRIP_HEIGHT: f32 = 70.0;

/// The timeline as a strip over the focus range (where the corroborated events are): every
/// slide's event as a tick, the current one marked; events outside the range sit at its ends.
fn strip_ui(ui: &mut egui::Ui, view: &View<'_>, slides: &[usize], current: usize) {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), STRIP_HEIGHT),
        egui::Sense::hover(),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, "Where this event sits")
    });
    let Some((lo, hi)) = crate::core::view::focus_bounds(view.doc) else {
        return;
    };
    let painter = ui.painter_at(rect);
    let y = rect.center().y;
    let inner = rect.shrink2(egui::vec2(24.0, 0.0));
    let to_x = |x: f64| {
        inner.left() + (((x - lo) / (hi - lo).max(1.0)).clamp(0.0, 1.0)) as f32 * inner.width()
    };
    let stroke = ui.visuals().widgets.inactive.fg_stroke;
    painter.line_segment(
        [egui::pos2(inner.left(), y), egui::pos2(inner.right(), y)],
        stroke,
    );
    for (n, &i) in slides.iter().enumerate() {
        let event = &view.doc.events[i];
        let Some((_, end)) = span(event) else {
            continue;
        };
        let at = egui::pos2(to_x(marker_x(event, end)), y);
        let color = lane_color(&event.lane);
        if n == current {
            painter.circle_filled(at, 9.0, color);
        } else {
            painter.circle_filled(at, 3.5, color.gamma_multiply(0.6));
        }
    }
    let label = |x: f64| {
        crate::core::view::day_of(x).map_or_else(String::new, |d| d.format("%-d %b %Y").to_string())
    };
    let font = egui::FontId::proportional(13.0);
    let color = ui.visuals().weak_text_color();
    painter.text(
        egui::pos2(inner.left(), rect.bottom() - 4.0),
        egui::Align2::LEFT_BOTTOM,
        label(lo),
        font.clone(),
        color,
    );
    painter.text(
        egui::pos2(inner.right(), rect.bottom() - 4.0),
        egui::Align2::RIGHT_BOTTOM,
        label(hi),
        font,
        color,
    );
}

/// The story order: the events to present, in the analyst's order; move them up or down,
/// take them out, add the selected event, or start from the shown events in date order.
pub fn story_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let doc = view.doc;
    let mut open = true;
    egui::Window::new("Story order")
        .open(&mut open)
        .default_width(420.0)
        .show(ui.ctx(), |ui| {
            let story = &doc.story;
            let set = |story: Vec<EventId>| Command::Edit(Edit::SetStory(story));
            if story.is_empty() {
                ui.label("No story order yet.");
            }
            if ui
                .button("Start from the shown events in date order")
                .clicked()
            {
                commands.push(set(view
                    .visible
                    .iter()
                    .map(|&i| doc.events[i].id.clone())
                    .collect()));
            }
            if let Some(selected) = view.event()
                && !story.contains(&selected.id)
                && ui.button("Add the selected event").clicked()
            {
                let mut next = story.clone();
                next.push(selected.id.clone());
                commands.push(set(next));
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    for (n, id) in story.iter().enumerate() {
                        let Some(event) = doc.events.iter().find(|e| &e.id == id) else {
                            continue;
                        };
                        ui.horizontal(|ui| {
                            ui.label(format!("{}.", n + 1));
                            if ui.add_enabled(n > 0, egui::Button::new("Up")).clicked() {
                                let mut next = story.clone();
                                next.swap(n, n - 1);
                                commands.push(set(next));
                            }
                            if ui
                                .add_enabled(n + 1 < story.len(), egui::Button::new("Down"))
                                .clicked()
                            {
                                let mut next = story.clone();
                                next.swap(n, n + 1);
                                commands.push(set(next));
                            }
                            if ui.button("Remove").clicked() {
                                let mut next = story.clone();
                                next.remove(n);
                                commands.push(set(next));
                            }
                            ui.label(crate::core::article::shorten(&event.title, 48));
                        });
                    }
                });
        });
    if !open {
        commands.push(Command::ShowStory(false));
    }
}
