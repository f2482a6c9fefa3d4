//! The open timeline as the app holds it: the document, its articles' analyses, the undo
//! history and the file. Every change to the document goes through a method here and advances
//! [`Session::generation`], so whatever is derived from the document (the shown events, the
//! timeline's index, the reader's highlights) knows when to rebuild: no cache is kept in step
//! by hand. Plain data: no egui.

use crate::core::article::Analysis;
use crate::core::document::Document;
use crate::core::edit::{Edit, EditError};
use crate::core::history::History;
use crate::core::pipeline::{self, Reading};
use std::path::PathBuf;

/// The document, its analyses, its undo history and its file.
#[derive(Debug)]
pub struct Session {
    /// The timeline.
    document: Document,
    /// `document.articles[i]`'s analysis at `i`.
    analyses: Vec<Analysis>,
    /// Undo and redo.
    history: History,
    /// Advances with every change of the document.
    generation: u64,
    /// The file the timeline was opened from or saved to.
    pub file: Option<PathBuf>,
    /// Changes since the last save.
    pub dirty: bool,
}

impl Session {
    /// A session on a timeline read afresh: no file, nothing to undo, nothing unsaved.
    #[must_use]
    pub fn new(reading: Reading) -> Self {
        Self {
            document: reading.document,
            analyses: reading.analyses,
            history: History::default(),
            generation: 0,
            file: None,
            dirty: false,
        }
    }

    /// The timeline.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The articles' analyses, in the document's order.
    #[must_use]
    pub fn analyses(&self) -> &[Analysis] {
        &self.analyses
    }

    /// A number that changes whenever the document does.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether there is a step to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is a step to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Replaces the timeline (a new one, an opened file, new articles): nothing to undo and
    /// nothing unsaved; the file stays for the caller to set.
    pub fn replace(&mut self, reading: Reading) {
        self.document = reading.document;
        self.analyses = reading.analyses;
        self.history = History::default();
        self.dirty = false;
        self.generation += 1;
    }

    /// Applies an analyst edit as one undoable step (or as part of the typing burst it
    /// continues); a refused edit changes nothing.
    pub fn edit(&mut self, edit: Edit, at: &str) -> Result<(), EditError> {
        self.history.apply(&mut self.document, edit, at)?;
        self.dirty = true;
        self.generation += 1;
        Ok(())
    }

    /// Ends a typing burst: the next edit is a step of its own.
    pub fn end_burst(&mut self) {
        self.history.end_burst();
    }

    /// Takes a re-read timeline (articles added or re-dated) as one undoable step.
    pub fn reread(&mut self, reading: Reading) {
        self.history.record_full(&self.document);
        self.document = reading.document;
        self.analyses = reading.analyses;
        self.dirty = true;
        self.generation += 1;
    }

    /// Undoes (or redoes) one step; false when there is none. An article whose date the step
    /// changes is analysed again, so its relative dates follow.
    pub fn step(&mut self, redo: bool) -> bool {
        // What an article's analysis depends on besides its text: its id and its date.
        let read_as = |doc: &Document| -> Vec<_> {
            doc.articles
                .iter()
                .map(|a| (a.id.clone(), a.published))
                .collect()
        };
        let before = read_as(&self.document);
        let done = if redo {
            self.history.redo(&mut self.document)
        } else {
            self.history.undo(&mut self.document)
        };
        if !done {
            return false;
        }
        let after = read_as(&self.document);
        if self.analyses.len() != after.len() || before.len() != after.len() {
            self.analyses = pipeline::analyse(&self.document.articles);
        } else {
            for (i, _) in before
                .iter()
                .zip(&after)
                .enumerate()
                .filter(|(_, (b, a))| b != a)
            {
                self.analyses[i] = self.document.articles[i].analyze();
            }
        }
        self.dirty = true;
        self.generation += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::article::{Article, DateBasis};
    use crate::core::ingest::{Format, parse_file};

    fn article(id: &str, text: &str, published: chrono::NaiveDate) -> Article {
        let mut a = parse_file(&format!("{id}.txt"), Format::Text, text.as_bytes())
            .expect("reads")
            .remove(0);
        a.published = Some(published);
        a.published_basis = DateBasis::User;
        a
    }

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    /// A session on one article about an attack "on Tuesday", published 10 April 2031.
    fn attack_session() -> Session {
        let text = "Rebels attacked the northern garrison on Tuesday, officials said.";
        Session::new(pipeline::read(
            vec![article("a", text, day(2031, 4, 10))],
            "t",
        ))
    }

    #[test]
    fn every_change_advances_the_generation_and_a_refused_edit_does_not() {
        let mut session = attack_session();
        let start = session.generation();
        let event = session.document().events[0].id.clone();
        session
            .edit(
                Edit::SetTitle {
                    event,
                    title: "Garrison attacked".into(),
                },
                "t",
            )
            .expect("applies");
        assert!(session.generation() > start && session.dirty);
        let after_edit = session.generation();
        let refused = session.edit(
            Edit::SetNote {
                event: "no such event".into(),
                note: String::new(),
            },
            "t",
        );
        assert!(refused.is_err());
        assert_eq!(session.generation(), after_edit);
        assert!(session.step(false));
        assert!(session.generation() > after_edit);
        assert!(!session.step(false), "nothing more to undo");
    }

    #[test]
    fn undoing_a_redating_reads_the_articles_relative_dates_again() {
        let mut session = attack_session();
        let resolved = |s: &Session| {
            s.analyses()[0]
                .timexes
                .iter()
                .map(|t| t.value.clone())
                .collect::<Vec<_>>()
        };
        let before = resolved(&session);
        let mut articles = session.document().articles.clone();
        articles[0].published = Some(day(2032, 9, 1));
        let reading = pipeline::reread(session.document(), articles);
        session.reread(reading);
        assert_ne!(resolved(&session), before, "re-dated");
        assert!(session.step(false));
        assert_eq!(
            resolved(&session),
            before,
            "undone: the old reading is back"
        );
    }
}
