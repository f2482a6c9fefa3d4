//! Analyst edits to a timeline. Each edit is checked before it changes anything (an edit that
//! does not fit the document is refused with the reason and leaves it untouched), marks what it
//! changed as the analyst's (`origin`, a dated history entry, the engine's version kept), and
//! keeps the derived fields (sources, disputed) true to the evidence.

use crate::core::document::{
    ArticleId, Change, Document, EngineVersion, Event, EventId, Evidence, Origin, PassageRef,
    Stance,
};
use crate::core::extract::EventKind;
use chrono::NaiveDate;

/// The lane of kinds the engine does not know.
pub const OTHER_LANE: &str = crate::core::taxonomy::Family::Other.label();

/// One change an analyst makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Rename the timeline.
    SetDocumentTitle(String),
    /// Retitle an event.
    SetTitle {
        /// The event.
        event: EventId,
        /// New title.
        title: String,
    },
    /// Change an event's kind (its lane follows).
    SetKind {
        /// The event.
        event: EventId,
        /// New kind.
        kind: String,
    },
    /// Date an event by hand.
    SetDates {
        /// The event.
        event: EventId,
        /// First possible day.
        earliest: Option<NaiveDate>,
        /// Last possible day.
        latest: Option<NaiveDate>,
        /// Best single day.
        best: Option<NaiveDate>,
    },
    /// Replace an event's note.
    SetNote {
        /// The event.
        event: EventId,
        /// The note.
        note: String,
    },
    /// Replace an event's tags.
    SetTags {
        /// The event.
        event: EventId,
        /// The tags.
        tags: Vec<String>,
    },
    /// Star or unstar an event.
    SetStarred {
        /// The event.
        event: EventId,
        /// Starred.
        starred: bool,
    },
    /// Change how a passage bears on its event.
    SetStance {
        /// The event.
        event: EventId,
        /// Passage index within the event.
        passage: usize,
        /// New stance.
        stance: Stance,
    },
    /// Take a passage off an event.
    RemovePassage {
        /// The event.
        event: EventId,
        /// Passage index within the event.
        passage: usize,
    },
    /// Add a passage to an event.
    AddPassage {
        /// The event.
        event: EventId,
        /// The passage (its quote must match the article).
        evidence: Evidence,
    },
    /// Make a new event from passages.
    NewEvent {
        /// Its title.
        title: String,
        /// Its kind.
        kind: String,
        /// Its passages.
        evidence: Vec<Evidence>,
        /// First possible day.
        earliest: Option<NaiveDate>,
        /// Last possible day.
        latest: Option<NaiveDate>,
    },
    /// Join `other` into `keep`: the passages join, `other` goes.
    Merge {
        /// The event that stays.
        keep: EventId,
        /// The event that joins it.
        other: EventId,
    },
    /// Move some passages of an event into a new event.
    Split {
        /// The event.
        event: EventId,
        /// Passage indices to move (not all of them).
        passages: Vec<usize>,
        /// The new event's title.
        title: String,
    },
    /// Set the story order for presenting (event ids, first slide first).
    SetStory(Vec<EventId>),
    /// Delete an event; its passages are not brought back by a re-extraction.
    Delete {
        /// The event.
        event: EventId,
    },
}

/// Why an edit was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No event with that id.
    #[error("there is no event {0}")]
    NoEvent(EventId),
    /// No passage at that index.
    #[error("event {event} has no passage {passage}")]
    NoPassage {
        /// The event.
        event: EventId,
        /// Passage index.
        passage: usize,
    },
    /// A passage that does not quote its article.
    #[error("the passage does not quote article {0} at that place")]
    BadPassage(ArticleId),
    /// Dates out of order.
    #[error("the earliest day is after the latest")]
    DatesOutOfOrder,
    /// An edit that would leave an event without evidence, or merge an event with itself.
    #[error("{0}")]
    Refused(&'static str),
}

impl Edit {
    /// The event this edit changes, when it changes one (for grouping a typing burst).
    pub fn target(&self) -> Option<&EventId> {
        match self {
            Edit::SetTitle { event, .. }
            | Edit::SetKind { event, .. }
            | Edit::SetDates { event, .. }
            | Edit::SetNote { event, .. }
            | Edit::SetTags { event, .. }
            | Edit::SetStarred { event, .. }
            | Edit::SetStance { event, .. }
            | Edit::RemovePassage { event, .. }
            | Edit::AddPassage { event, .. }
            | Edit::Split { event, .. }
            | Edit::Delete { event } => Some(event),
            Edit::Merge { keep, .. } => Some(keep),
            Edit::SetDocumentTitle(_) | Edit::NewEvent { .. } | Edit::SetStory(_) => None,
        }
    }

    /// Whether two edits in a row are one step for undo (typing in one field of one event).
    pub fn continues(&self, previous: &Edit) -> bool {
        use std::mem::discriminant;
        matches!(
            self,
            Edit::SetDocumentTitle(_) | Edit::SetTitle { .. } | Edit::SetNote { .. }
        ) && discriminant(self) == discriminant(previous)
            && self.target() == previous.target()
    }
}

/// Applies `edit` to `doc` at time `at` (RFC 3339), or refuses it and changes nothing.
pub fn apply(doc: &mut Document, edit: Edit, at: &str) -> Result<(), EditError> {
    check(doc, &edit)?;
    let note = |what: String| Change {
        at: at.to_string(),
        what,
    };
    match edit {
        Edit::SetDocumentTitle(title) => doc.title = title,
        Edit::SetStory(story) => doc.story = story,
        Edit::SetTitle { event, title } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, true);
            let change = format!("title: {:?} -> {title:?}", e.title);
            e.title = title;
            e.history.push(note(change));
        }
        Edit::SetKind { event, kind } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, true);
            let change = format!("kind: {} -> {kind}", e.kind);
            e.lane = EventKind::from_name(&kind)
                .map_or(OTHER_LANE, EventKind::lane)
                .to_string();
            e.kind = kind;
            e.history.push(note(change));
        }
        Edit::SetDates {
            event,
            earliest,
            latest,
            best,
        } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, true);
            let change = format!(
                "dates: {} -> {}",
                crate::core::document::range_label(e.earliest, e.latest),
                crate::core::document::range_label(earliest, latest)
            );
            (e.earliest, e.latest, e.best) = (earliest, latest, best);
            e.history.push(note(change));
        }
        Edit::SetNote { event, note: text } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, false);
            e.note = text;
            e.history.push(note("note".to_string()));
        }
        Edit::SetTags { event, tags } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, false);
            let change = format!("tags: {}", tags.join(", "));
            e.tags = tags;
            e.history.push(note(change));
        }
        Edit::SetStarred { event, starred } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, false);
            e.starred = starred;
            e.history
                .push(note(if starred { "starred" } else { "unstarred" }.into()));
        }
        Edit::SetStance {
            event,
            passage,
            stance,
        } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, false);
            let change = format!(
                "passage {}: {} -> {}",
                passage + 1,
                e.evidence[passage].stance.as_str(),
                stance.as_str()
            );
            e.evidence[passage].stance = stance;
            e.history.push(note(change));
            refresh(doc, event);
        }
        Edit::RemovePassage { event, passage } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, false);
            let removed = e.evidence.remove(passage);
            e.history
                .push(note(format!("removed passage {:?}", removed.quote)));
            refresh(doc, event);
        }
        Edit::AddPassage { event, evidence } => {
            let event = position(doc, &event)?;
            let e = touch(doc, event, false);
            e.history
                .push(note(format!("added passage {:?}", evidence.quote)));
            e.evidence.push(evidence);
            refresh(doc, event);
        }
        Edit::NewEvent {
            title,
            kind,
            evidence,
            earliest,
            latest,
        } => {
            let lane = EventKind::from_name(&kind).map_or(OTHER_LANE, EventKind::lane);
            doc.events.push(Event {
                id: fresh_id(doc),
                title,
                lane: lane.to_string(),
                kind,
                earliest,
                latest,
                best: earliest.filter(|&a| Some(a) == latest),
                evidence,
                origin: Origin::Analyst,
                history: vec![note("made from a selection".into())],
                ..Event::default()
            });
            refresh(doc, doc.events.len() - 1);
        }
        Edit::Merge { keep, other } => {
            let (keep, other) = (position(doc, &keep)?, position(doc, &other)?);
            let joining = doc.events[other].clone();
            let e = touch(doc, keep, false);
            for x in joining.evidence {
                e.add_evidence(x);
            }
            e.date_basis.extend(joining.date_basis);
            for tag in joining.tags {
                if !e.tags.contains(&tag) {
                    e.tags.push(tag);
                }
            }
            if !joining.note.is_empty() {
                e.note = [e.note.as_str(), joining.note.as_str()]
                    .iter()
                    .filter(|n| !n.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            e.starred |= joining.starred;
            e.history
                .push(note(format!("merged with {:?}", joining.title)));
            refresh(doc, keep);
            doc.story.retain(|id| *id != joining.id);
            doc.events.remove(other);
        }
        Edit::Split {
            event,
            mut passages,
            title,
        } => {
            let event = position(doc, &event)?;
            passages.sort_unstable();
            passages.dedup();
            let e = touch(doc, event, false);
            let mut moved = Vec::new();
            for &p in passages.iter().rev() {
                moved.push(e.evidence.remove(p));
            }
            moved.reverse();
            let from = e.title.clone();
            e.history
                .push(note(format!("split {} passage(s) off", moved.len())));
            let (earliest, latest) = (e.earliest, e.latest);
            let kind = e.kind.clone();
            let lane = e.lane.clone();
            refresh(doc, event);
            doc.events.push(Event {
                id: fresh_id(doc),
                title,
                kind,
                lane,
                earliest,
                latest,
                evidence: moved,
                origin: Origin::Analyst,
                history: vec![note(format!("split off {from:?}"))],
                ..Event::default()
            });
            refresh(doc, doc.events.len() - 1);
        }
        Edit::Delete { event } => {
            let event = position(doc, &event)?;
            let gone = doc.events.remove(event);
            doc.story.retain(|id| *id != gone.id);
            for x in gone.evidence {
                let passage = PassageRef {
                    article: x.article,
                    start: x.start,
                    end: x.end,
                };
                if !doc.dismissed.contains(&passage) {
                    doc.dismissed.push(passage);
                }
            }
        }
    }
    Ok(())
}

/// Refuses an edit that does not fit the document.
fn check(doc: &Document, edit: &Edit) -> Result<(), EditError> {
    let event = |id: &EventId| {
        doc.event_position(id)
            .map(|i| &doc.events[i])
            .ok_or_else(|| EditError::NoEvent(id.clone()))
    };
    let passage = |e: &EventId, p: usize| {
        event(e)?
            .evidence
            .get(p)
            .ok_or_else(|| EditError::NoPassage {
                event: e.clone(),
                passage: p,
            })
            .map(|_| ())
    };
    let quotes = |x: &Evidence| {
        let fits = doc
            .articles
            .iter()
            .find(|a| a.id == x.article)
            .and_then(|a| a.text.get(x.start..x.end))
            .is_some_and(|q| q == x.quote && !q.trim().is_empty());
        if fits {
            Ok(())
        } else {
            Err(EditError::BadPassage(x.article.clone()))
        }
    };
    if let Some(target) = edit.target() {
        event(target)?;
    }
    match edit {
        Edit::SetDates {
            earliest, latest, ..
        } if earliest.zip(*latest).is_some_and(|(a, b)| a > b) => Err(EditError::DatesOutOfOrder),
        Edit::NewEvent {
            earliest, latest, ..
        } if earliest.zip(*latest).is_some_and(|(a, b)| a > b) => Err(EditError::DatesOutOfOrder),
        Edit::SetStance {
            event, passage: p, ..
        } => passage(event, *p),
        Edit::RemovePassage {
            event: e,
            passage: p,
        } => {
            passage(e, *p)?;
            if event(e)?.evidence.len() == 1 {
                return Err(EditError::Refused(
                    "an event keeps at least one passage (delete the event instead)",
                ));
            }
            Ok(())
        }
        Edit::AddPassage { evidence, .. } => quotes(evidence),
        Edit::NewEvent { evidence, .. } => {
            if evidence.is_empty() {
                return Err(EditError::Refused("a new event needs a passage"));
            }
            evidence.iter().try_for_each(quotes)
        }
        Edit::SetStory(story) => {
            if let Some(unknown) = story
                .iter()
                .find(|id| doc.events.iter().all(|e| &e.id != *id))
            {
                return Err(EditError::Refused(if unknown.is_empty() {
                    "the story names an event without an id"
                } else {
                    "the story names an event that is not in the timeline"
                }));
            }
            Ok(())
        }
        Edit::Merge { keep, other } => {
            event(other)?;
            if keep == other {
                return Err(EditError::Refused("an event cannot merge with itself"));
            }
            Ok(())
        }
        Edit::Split {
            event: e, passages, ..
        } => {
            for &p in passages {
                passage(e, p)?;
            }
            let mut distinct = passages.clone();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.is_empty() || distinct.len() >= event(e)?.evidence.len() {
                return Err(EditError::Refused(
                    "a split moves some of the passages, not none or all",
                ));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The event, marked as the analyst's; the engine's title, kind and dates are kept the first
/// time they change.
fn touch(doc: &mut Document, event: usize, keeps_engine_version: bool) -> &mut Event {
    let e = &mut doc.events[event];
    if keeps_engine_version && e.engine.is_none() && e.origin == Origin::Extracted {
        e.engine = Some(EngineVersion {
            title: e.title.clone(),
            kind: e.kind.clone(),
            lane: e.lane.clone(),
            earliest: e.earliest,
            latest: e.latest,
            best: e.best,
        });
    }
    e.origin = Origin::Analyst;
    // Any edit means the analyst has looked at it.
    e.new = false;
    e
}

/// Recomputes what follows from an event's evidence: independent sources (near-duplicate
/// articles once) and whether it is disputed.
fn refresh(doc: &mut Document, event: usize) {
    let e = &doc.events[event];
    let mut cited: Vec<&str> = e
        .evidence
        .iter()
        .filter(|x| x.stance != Stance::Denies)
        .map(|x| x.article.as_str())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let articles: Vec<&crate::core::article::Article> = cited
        .iter()
        .filter_map(|id| doc.articles.iter().find(|a| a.id == *id))
        .collect();
    let sources = crate::core::cluster::independent_sources(&articles);
    let disputed = e.evidence.iter().any(|x| x.stance == Stance::Denies)
        && e.evidence.iter().any(|x| x.stance != Stance::Denies);
    let e = &mut doc.events[event];
    e.sources = sources;
    e.disputed = disputed;
}

/// The place of the event with this id, or why the edit cannot apply.
fn position(doc: &Document, id: &EventId) -> Result<usize, EditError> {
    doc.event_position(id)
        .ok_or_else(|| EditError::NoEvent(id.clone()))
}

/// An event id not yet in the document ("a1", "a2", …): one more than the highest in use.
fn fresh_id(doc: &Document) -> EventId {
    let highest = doc
        .events
        .iter()
        .filter_map(|e| e.id.as_str().strip_prefix('a')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    EventId::from(format!("a{}", highest + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id the engine gives its `i`th event (in date order): "e001", "e002", …
    fn nth(i: usize) -> crate::core::document::EventId {
        format!("e{:03}", i + 1).into()
    }

    fn seeds() -> Document {
        crate::core::pipeline::read(crate::core::ingest::seed_articles().articles, "seeds").document
    }

    const AT: &str = "2026-11-22T10:00:00Z";

    #[test]
    fn an_edit_is_marked_as_the_analysts_with_the_engine_version_kept() {
        let mut doc = seeds();
        let before = doc.events[0].clone();
        apply(
            &mut doc,
            Edit::SetTitle {
                event: nth(0),
                title: "Renamed".into(),
            },
            AT,
        )
        .expect("applies");
        let e = &doc.events[0];
        assert_eq!(e.title, "Renamed");
        assert_eq!(e.origin, Origin::Analyst);
        assert_eq!(
            e.engine.as_ref().map(|v| v.title.as_str()),
            Some(before.title.as_str())
        );
        assert_eq!(e.history.len(), 1);
        assert_eq!(e.history[0].at, AT);
        assert!(
            e.history[0].what.contains("Renamed"),
            "{}",
            e.history[0].what
        );
    }

    #[test]
    fn refused_edits_leave_the_document_as_it_was() {
        let mut doc = seeds();
        let before = doc.clone();
        let n = doc.events.len();
        let refused = [
            Edit::SetTitle {
                event: nth(n),
                title: "x".into(),
            },
            Edit::Merge {
                keep: nth(0),
                other: nth(0),
            },
            Edit::SetDates {
                event: nth(0),
                earliest: NaiveDate::from_ymd_opt(2025, 12, 2),
                latest: NaiveDate::from_ymd_opt(2025, 12, 1),
                best: None,
            },
            Edit::AddPassage {
                event: nth(0),
                evidence: Evidence {
                    article: doc.articles[0].id.clone(),
                    start: 0,
                    end: 4,
                    quote: "nope".into(),
                    stance: Stance::Supports,
                    hedged: false,
                    context: None,
                },
            },
            Edit::Split {
                event: nth(0),
                passages: (0..doc.events[0].evidence.len()).collect(),
                title: "all".into(),
            },
        ];
        for edit in refused {
            assert!(apply(&mut doc, edit.clone(), AT).is_err(), "{edit:?}");
            assert_eq!(doc, before, "{edit:?} changed the document");
        }
    }

    #[test]
    fn merge_joins_passages_and_split_moves_them_back_out() {
        let mut doc = seeds();
        let (a, b) = (0, 1);
        let total = doc.events[a].evidence.len() + doc.events[b].evidence.len();
        let moved = doc.events[b].evidence.len();
        apply(
            &mut doc,
            Edit::Merge {
                keep: nth(a),
                other: nth(b),
            },
            AT,
        )
        .expect("merge");
        assert!(doc.events[a].evidence.len() <= total);
        let n = doc.events[a].evidence.len();
        let last: Vec<usize> = (n - moved.min(n - 1)..n).collect();
        apply(
            &mut doc,
            Edit::Split {
                event: nth(a),
                passages: last.clone(),
                title: "Split off".into(),
            },
            AT,
        )
        .expect("split");
        let new = doc.events.last().expect("new event");
        assert_eq!(new.title, "Split off");
        assert_eq!(new.evidence.len(), last.len());
        assert_eq!(new.origin, Origin::Analyst);
        assert!(new.sources >= 1);
    }

    #[test]
    fn a_denial_marks_the_event_disputed_and_delete_dismisses_its_passages() {
        let mut doc = seeds();
        let i = doc
            .events
            .iter()
            .position(|e| !e.disputed && e.evidence.len() >= 2)
            .expect("an undisputed event");
        apply(
            &mut doc,
            Edit::SetStance {
                event: nth(i),
                passage: 1,
                stance: Stance::Denies,
            },
            AT,
        )
        .expect("stance");
        assert!(doc.events[i].disputed);
        let passages = doc.events[i].evidence.len();
        apply(&mut doc, Edit::Delete { event: nth(i) }, AT).expect("delete");
        assert_eq!(doc.dismissed.len(), passages);
    }
}
