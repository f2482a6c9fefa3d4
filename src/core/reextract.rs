//! Re-extraction of an annotated timeline (articles added, an article re-dated): the engine's
//! new events are merged into the analyst's without losing or overwriting any analyst edit.
//!
//! Each new event is matched to the previous event sharing most of its passages. An edited
//! previous event stays as the analyst left it and gains the new passages; an unedited one takes
//! the engine's new version under its old id. New events matching nothing are marked `new`;
//! passages of events the analyst deleted stay deleted; previous events matching nothing stay.

use crate::core::article::Article;
use crate::core::document::{Document, Event, Evidence, PassageRef};
use std::collections::{HashMap, HashSet};

/// Where a passage is, as a key.
fn key(article: &str, start: usize, end: usize) -> PassageRef {
    PassageRef {
        article: article.into(),
        start,
        end,
    }
}

/// Merges `fresh` (the engine's result on all the articles) into `previous`.
pub fn merge(previous: &Document, fresh: Document) -> Document {
    let dismissed: HashSet<&PassageRef> = previous.dismissed.iter().collect();
    // Every previous event citing each passage.
    let mut owners: HashMap<PassageRef, Vec<usize>> = HashMap::new();
    for (i, e) in previous.events.iter().enumerate() {
        for x in &e.evidence {
            owners
                .entry(key(&x.article, x.start, x.end))
                .or_default()
                .push(i);
        }
    }
    let mut events: Vec<Event> = previous.events.clone();
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut added: Vec<Event> = Vec::new();
    for mut event in fresh.events {
        // A passage is known by its own words or, in files written before passages were the
        // words, by its sentence.
        let known_as = |x: &Evidence| {
            let sentence = x.context_span();
            [
                key(&x.article, x.start, x.end),
                key(&x.article, sentence.start, sentence.end),
            ]
        };
        event
            .evidence
            .retain(|x| !known_as(x).iter().any(|k| dismissed.contains(k)));
        if event.evidence.is_empty() {
            continue;
        }
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for x in &event.evidence {
            let mut owned: Vec<usize> = known_as(x)
                .iter()
                .filter_map(|k| owners.get(k))
                .flatten()
                .copied()
                .collect();
            owned.sort_unstable();
            owned.dedup();
            for i in owned {
                *votes.entry(i).or_default() += 1;
            }
        }
        // The previous events sharing most passages first (the lowest index on a tie); the
        // first that is edited (it keeps its edits and gains the passages) or not yet taken.
        let mut candidates: Vec<(usize, usize)> = votes.into_iter().collect();
        candidates.sort_unstable_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        let matched = candidates
            .into_iter()
            .map(|(i, _)| i)
            .find(|&i| events[i].edited() || !claimed.contains(&i));
        match matched {
            Some(i) if events[i].edited() => {
                claimed.insert(i);
                for x in event.evidence {
                    events[i].add_evidence(x);
                }
            }
            Some(i) => {
                claimed.insert(i);
                let id = events[i].id.clone();
                events[i] = Event { id, ..event };
            }
            None => {
                event.new = true;
                event.id = format!("n{}-{}", fresh.articles.len(), added.len() + 1).into();
                added.push(event);
            }
        }
    }
    events.extend(added);
    Document {
        title: previous.title.clone(),
        events,
        dismissed: previous.dismissed.clone(),
        story: previous.story.clone(),
        ..fresh
    }
}

/// The articles of `previous` followed by those of `added` not already there (same id and
/// text); an added article whose id is taken by a different text gets a new id.
pub fn combine_articles(previous: &[Article], added: Vec<Article>) -> Vec<Article> {
    let mut all: Vec<Article> = previous.to_vec();
    for mut article in added {
        if all
            .iter()
            .any(|a| a.id == article.id && a.text == article.text)
        {
            continue;
        }
        let base = article.id.clone();
        let mut n = 2;
        while all.iter().any(|a| a.id == article.id) {
            article.id = format!("{base}-{n}").into();
            n += 1;
        }
        all.push(article);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id the engine gives its `i`th event (in date order): "e001", "e002", …
    fn nth(i: usize) -> crate::core::document::EventId {
        format!("e{:03}", i + 1).into()
    }
    use crate::core::edit::{Edit, apply};

    #[test]
    fn re_extracting_the_same_articles_changes_nothing() {
        let doc =
            crate::core::pipeline::read(crate::core::ingest::seed_articles().articles, "seeds")
                .document;
        let again = crate::core::pipeline::read(doc.articles.clone(), "seeds").document;
        let merged = merge(&doc, again);
        assert!(merged.events.iter().all(|e| !e.new), "nothing is new");
        assert_eq!(merged, doc);
    }

    #[test]
    fn re_extracting_keeps_every_analyst_edit_and_marks_new_events() {
        let seeds = crate::core::ingest::seed_articles().articles;
        let first_four = crate::core::pipeline::read(seeds[..4].to_vec(), "four").document;
        let mut annotated = first_four.clone();
        apply(
            &mut annotated,
            Edit::SetTitle {
                event: nth(0),
                title: "Analyst title".into(),
            },
            "t",
        )
        .expect("title");
        apply(
            &mut annotated,
            Edit::SetNote {
                event: nth(0),
                note: "keep me".into(),
            },
            "t",
        )
        .expect("note");
        let deleted = annotated.events.len() - 1;
        let deleted_title = annotated.events[deleted].title.clone();
        apply(
            &mut annotated,
            Edit::Delete {
                event: nth(deleted),
            },
            "t",
        )
        .expect("delete");
        let all = combine_articles(&annotated.articles, seeds.clone());
        assert_eq!(all.len(), 5, "the four known articles are not added twice");
        let fresh = crate::core::pipeline::read(all, "all").document;
        let merged = merge(&annotated, fresh);
        let kept = merged
            .events
            .iter()
            .find(|e| e.title == "Analyst title")
            .expect("the edited event is kept");
        assert_eq!(kept.note, "keep me");
        assert_eq!(kept.history.len(), 2);
        assert!(
            kept.evidence.len() >= annotated.events[0].evidence.len(),
            "it only gains passages"
        );
        assert!(!annotated.dismissed.is_empty());
        for e in &merged.events {
            for x in &e.evidence {
                assert!(
                    !annotated
                        .dismissed
                        .contains(&key(&x.article, x.start, x.end)),
                    "a passage of the deleted {deleted_title:?} came back in {:?}",
                    e.title
                );
            }
        }
        assert_eq!(merged.title, annotated.title);
        assert_eq!(merged.articles.len(), 5);
        merged.validate().expect("consistent");
        let ids: HashSet<&str> = merged.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), merged.events.len(), "ids stay unique");
    }

    /// A timeline from before passages were the words of their event (each passage a whole
    /// sentence, as versions 1 and 2 wrote them) re-reads without losing its edits, bringing
    /// back a deleted event's passages or doubling passages.
    #[test]
    fn a_timeline_of_whole_sentence_passages_re_reads_without_loss() {
        let seeds = crate::core::ingest::seed_articles().articles;
        let mut old = crate::core::pipeline::read(seeds.clone(), "seeds").document;
        for x in old.events.iter_mut().flat_map(|e| e.evidence.iter_mut()) {
            let sentence = x
                .context
                .take()
                .expect("the engine reads passages in sentences");
            let text = &old
                .articles
                .iter()
                .find(|a| a.id == x.article)
                .unwrap()
                .text;
            (x.start, x.end) = (sentence.start, sentence.end);
            x.quote = text[x.start..x.end].to_string();
        }
        apply(
            &mut old,
            Edit::SetNote {
                event: nth(0),
                note: "keep me".into(),
            },
            "t",
        )
        .expect("note");
        let deleted = old.events.len() - 1;
        apply(
            &mut old,
            Edit::Delete {
                event: nth(deleted),
            },
            "t",
        )
        .expect("delete");
        let merged = merge(&old, crate::core::pipeline::read(seeds, "seeds").document);
        let noted = merged
            .events
            .iter()
            .find(|e| e.note == "keep me")
            .expect("kept");
        assert_eq!(
            noted.evidence.len(),
            old.events[0].evidence.len(),
            "no passage twice"
        );
        assert!(
            merged.events.iter().all(|e| !e.new),
            "every event was known"
        );
        for x in merged.events.iter().flat_map(|e| &e.evidence) {
            let sentence = x.context_span();
            assert!(
                !old.dismissed
                    .contains(&key(&x.article, sentence.start, sentence.end)),
                "a deleted passage came back: {:?}",
                x.quote
            );
        }
        merged.validate().expect("consistent");
    }
}
