//! TimelineJS JSON: export (uncertainty in `display_date`, sources and stances in the slide text,
//! lanes as `group`, and the exact dates under a `sightline` key that TimelineJS ignores) and
//! import (date parts as numbers or strings, eras, groups; unknown fields ignored with a note).

use super::{ExportError, article_of, citation, escape, key_quotes};
use crate::core::document::{Change, Document, Event, FORMAT, Origin, VERSION};
use crate::core::edit::OTHER_LANE;
use crate::core::extract::EventKind;
use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

/// A day as TimelineJS date parts.
fn date_parts(day: NaiveDate) -> Value {
    json!({"year": day.year(), "month": day.month(), "day": day.day()})
}

/// The timeline as TimelineJS JSON. Undated events cannot be slides and are left out.
pub fn timelinejs(doc: &Document, events: &[usize]) -> String {
    let mut slides = Vec::new();
    for &i in &super::dated(doc, events) {
        let e = &doc.events[i];
        let (Some(start), end) = (e.earliest.or(e.latest), e.latest) else {
            continue;
        };
        let mut text = format!("<p>{}", escape(&e.corroboration()));
        if e.disputed {
            text.push_str(" <strong>Disputed.</strong>");
        }
        text.push_str("</p>");
        for x in key_quotes(e, 3) {
            let article = article_of(doc, x);
            let cite = article.map(citation).unwrap_or_default();
            let _ = write!(
                text,
                "<blockquote>[{}] “{}” <cite>{}</cite></blockquote>",
                x.stance.as_str(),
                escape(article.map_or(x.quote.as_str(), |a| x.context_in(&a.text))),
                escape(&cite)
            );
        }
        let mut slide = json!({
            "unique_id": e.id,
            "start_date": date_parts(start),
            "display_date": e.date_in_words(),
            "text": {"headline": e.title, "text": text},
            "group": e.lane,
            "sightline": {
                "earliest": e.earliest, "latest": e.latest, "best": e.best, "kind": e.kind,
            },
        });
        if let Some(end) = end.filter(|&end| end != start) {
            slide["end_date"] = date_parts(end);
        }
        slides.push(slide);
    }
    let timeline = json!({
        "title": {"text": {
            "headline": doc.title,
            "text": format!("{} events from {} articles", slides.len(), doc.articles.len()),
        }},
        "events": slides,
    });
    serde_json::to_string_pretty(&timeline).unwrap_or_default()
}

/// A date part given as a number or a string ("2025", 12, " 7 ").
fn part(date: &Map<String, Value>, key: &str) -> Option<i64> {
    match date.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The range a TimelineJS date covers: a day, a month or a year, as precise as its parts.
fn date_range(value: Option<&Value>) -> Option<(NaiveDate, NaiveDate)> {
    let date = value?.as_object()?;
    let year = i32::try_from(part(date, "year")?).ok()?;
    let month = part(date, "month").and_then(|m| u32::try_from(m).ok());
    let day = part(date, "day").and_then(|d| u32::try_from(d).ok());
    let range = match (month, day) {
        (Some(m), Some(d)) => {
            crate::core::dates::DateRange::day(NaiveDate::from_ymd_opt(year, m, d)?)
        }
        (Some(m), None) => crate::core::dates::DateRange::month(year, m)?,
        _ => crate::core::dates::DateRange::year(year)?,
    };
    Some((range.earliest, range.latest))
}

/// The text of an HTML fragment (tags gone, entities decoded, blanks collapsed), for notes.
fn plain(html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(html);
    let text: Vec<&str> = fragment.root_element().text().collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads TimelineJS JSON into a timeline of analyst events (no articles: their evidence is the
/// slide text, kept as the note). Returns the document and notes on what was ignored.
pub fn import_timelinejs(text: &str) -> Result<(Document, Vec<String>), ExportError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ExportError::NotTimelineJs(e.to_string()))?;
    let root = value
        .as_object()
        .ok_or_else(|| ExportError::NotTimelineJs("the top level is not an object".into()))?;
    let slides = root
        .get("events")
        .and_then(Value::as_array)
        .ok_or_else(|| ExportError::NotTimelineJs("no \"events\" list".into()))?;
    let mut notes = Vec::new();
    for key in root.keys() {
        if !matches!(key.as_str(), "title" | "events" | "eras" | "scale") {
            notes.push(format!("ignored the top-level field {key:?}"));
        }
    }
    let headline = |v: Option<&Value>| {
        v.and_then(|t| t.get("text"))
            .and_then(|t| t.get("headline"))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let title = headline(root.get("title")).unwrap_or_else(|| "Imported timeline".into());
    let mut events = Vec::new();
    let eras = root.get("eras").and_then(Value::as_array);
    let all = slides
        .iter()
        .map(|s| (s, false))
        .chain(eras.into_iter().flatten().map(|s| (s, true)));
    for (n, (slide, era)) in all.enumerate() {
        let Some(object) = slide.as_object() else {
            notes.push(format!("skipped entry {}: not an object", n + 1));
            continue;
        };
        for key in object.keys() {
            if !matches!(
                key.as_str(),
                "start_date"
                    | "end_date"
                    | "display_date"
                    | "text"
                    | "group"
                    | "unique_id"
                    | "media"
                    | "background"
                    | "autolink"
                    | "sightline"
            ) {
                notes.push(format!("entry {}: ignored the field {key:?}", n + 1));
            }
        }
        let Some((start_first, start_last)) = date_range(object.get("start_date")) else {
            notes.push(format!("skipped entry {}: no readable start_date", n + 1));
            continue;
        };
        let end = date_range(object.get("end_date")).map_or(start_last, |(_, last)| last);
        let exact = object.get("sightline");
        let exact_day = |key: &str| {
            exact
                .and_then(|s| s.get(key))
                .and_then(Value::as_str)
                .and_then(|d| d.parse::<NaiveDate>().ok())
        };
        let (earliest, latest, best) = if exact.is_some() {
            (
                exact_day("earliest"),
                exact_day("latest"),
                exact_day("best"),
            )
        } else {
            let best = (start_first == end).then_some(start_first);
            (Some(start_first), Some(end), best)
        };
        let group = object
            .get("group")
            .and_then(Value::as_str)
            .map(str::to_string);
        let kind = exact
            .and_then(|s| s.get("kind"))
            .and_then(Value::as_str)
            .map_or_else(
                || {
                    if era {
                        "era".to_string()
                    } else {
                        "other".to_string()
                    }
                },
                str::to_string,
            );
        let lane = group.unwrap_or_else(|| {
            if era {
                "Eras".to_string()
            } else {
                EventKind::from_name(&kind)
                    .map_or(OTHER_LANE, EventKind::lane)
                    .to_string()
            }
        });
        let body = object
            .get("text")
            .and_then(|t| t.get("text"))
            .and_then(Value::as_str)
            .map(plain)
            .unwrap_or_default();
        let id = object
            .get("unique_id")
            .and_then(Value::as_str)
            .map_or_else(|| format!("t{}", n + 1), str::to_string)
            .into();
        events.push(Event {
            id,
            title: headline(Some(slide)).unwrap_or_else(|| format!("Entry {}", n + 1)),
            kind,
            lane,
            earliest,
            latest,
            best,
            origin: Origin::Analyst,
            note: body,
            history: vec![Change {
                at: String::new(),
                what: "imported from TimelineJS".into(),
            }],
            sources: 0,
            ..Event::default()
        });
    }
    let mut seen = std::collections::HashSet::new();
    for event in &mut events {
        while !seen.insert(event.id.clone()) {
            event.id = format!("{}+", event.id).into();
        }
    }
    Ok((
        Document {
            format: FORMAT.into(),
            version: VERSION,
            title,
            articles: Vec::new(),
            events,
            dismissed: Vec::new(),
            story: Vec::new(),
        },
        notes,
    ))
}
