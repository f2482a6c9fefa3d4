//! Undo and redo: a snapshot of what edits change, taken before each step. A typing burst (the
//! same text field of the same event, edit after edit) is one step.

use crate::core::article::Article;
use crate::core::document::{Document, Event, EventId, PassageRef};
use crate::core::edit::{self, Edit, EditError};

/// Steps kept for undo; the oldest go first.
const MAX_STEPS: usize = 200;

/// What an undo step restores. Articles are kept only by steps that change them (a re-dated
/// article, articles added), so that an ordinary edit does not copy every article text.
#[derive(Clone, Debug)]
struct Snapshot {
    title: String,
    events: Vec<Event>,
    dismissed: Vec<PassageRef>,
    story: Vec<EventId>,
    articles: Option<Vec<Article>>,
}

impl Snapshot {
    fn take(doc: &Document, with_articles: bool) -> Self {
        Self {
            title: doc.title.clone(),
            events: doc.events.clone(),
            dismissed: doc.dismissed.clone(),
            story: doc.story.clone(),
            articles: with_articles.then(|| doc.articles.clone()),
        }
    }

    /// Puts the snapshot into `doc` and returns what it replaced, for the opposite stack.
    fn swap_into(self, doc: &mut Document) -> Self {
        let with_articles = self.articles.is_some();
        let current = Self::take(doc, with_articles);
        doc.title = self.title;
        doc.events = self.events;
        doc.dismissed = self.dismissed;
        doc.story = self.story;
        if let Some(articles) = self.articles {
            doc.articles = articles;
        }
        current
    }
}

/// The undo and redo stacks of one document.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The last edit, while a typing burst may still continue it.
    burst: Option<Edit>,
}

impl History {
    /// Applies an edit as one undoable step (or as part of the typing burst it continues). A
    /// burst is also one change in the event's history: each keystroke is applied to the event
    /// as it was before the burst, so the history says "title: old -> final" once.
    pub fn apply(&mut self, doc: &mut Document, edit: Edit, at: &str) -> Result<(), EditError> {
        let continues = self.burst.as_ref().is_some_and(|last| edit.continues(last));
        if !continues {
            let before = Snapshot::take(doc, false);
            edit::apply(doc, edit.clone(), at)?;
            self.push(before);
        } else if let Some(target) = edit.target().and_then(|id| doc.event_position(id))
            && let Some(start) = self
                .undo
                .last()
                .and_then(|s| s.events.iter().find(|e| e.id == doc.events[target].id))
            && let Some(event) = doc.events.get_mut(target)
        {
            let typed = std::mem::replace(event, start.clone());
            if let Err(why) = edit::apply(doc, edit.clone(), at) {
                doc.events[target] = typed;
                return Err(why);
            }
        } else {
            edit::apply(doc, edit.clone(), at)?;
        }
        self.burst = Some(edit);
        Ok(())
    }

    /// Records the state before a change made outside [`edit::apply`] (re-dating an article,
    /// adding articles), articles included; call it just before making the change.
    pub fn record_full(&mut self, doc: &Document) {
        self.push(Snapshot::take(doc, true));
        self.burst = None;
    }

    fn push(&mut self, snapshot: Snapshot) {
        self.undo.push(snapshot);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Ends a typing burst: the next edit is a step of its own.
    pub fn end_burst(&mut self) {
        self.burst = None;
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self, doc: &mut Document) -> bool {
        self.burst = None;
        let Some(snapshot) = self.undo.pop() else {
            return false;
        };
        self.redo.push(snapshot.swap_into(doc));
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self, doc: &mut Document) -> bool {
        self.burst = None;
        let Some(snapshot) = self.redo.pop() else {
            return false;
        };
        self.undo.push(snapshot.swap_into(doc));
        true
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id the engine gives its `i`th event (in date order): "e001", "e002", …
    fn nth(i: usize) -> crate::core::document::EventId {
        format!("e{:03}", i + 1).into()
    }

    #[test]
    fn a_typing_burst_is_one_step_and_redo_replays_it() {
        let mut doc =
            crate::core::pipeline::read(crate::core::ingest::seed_articles().articles, "seeds")
                .document;
        let original = doc.clone();
        let mut history = History::default();
        for title in ["N", "Ne", "New"] {
            history
                .apply(
                    &mut doc,
                    Edit::SetTitle {
                        event: nth(0),
                        title: title.into(),
                    },
                    "t",
                )
                .expect("applies");
        }
        let edited = doc.clone();
        // One change in the event's history, from the title before the burst to the last.
        let added = &doc.events[0].history[original.events[0].history.len()..];
        assert_eq!(added.len(), 1, "{added:?}");
        assert!(
            added[0]
                .what
                .contains(&format!("{:?}", original.events[0].title))
                && added[0].what.ends_with("\"New\""),
            "{}",
            added[0].what
        );
        assert!(history.undo(&mut doc));
        assert_eq!(doc, original, "one undo takes the whole burst back");
        assert!(!history.undo(&mut doc));
        assert!(history.redo(&mut doc));
        assert_eq!(doc, edited);
        // A burst ends when another field is edited.
        history
            .apply(
                &mut doc,
                Edit::SetStarred {
                    event: nth(0),
                    starred: true,
                },
                "t",
            )
            .expect("star");
        history
            .apply(
                &mut doc,
                Edit::SetTitle {
                    event: nth(0),
                    title: "Newer".into(),
                },
                "t",
            )
            .expect("title");
        assert!(history.undo(&mut doc));
        assert_eq!(doc.events[0].title, "New");
        assert!(doc.events[0].starred);
    }
}
