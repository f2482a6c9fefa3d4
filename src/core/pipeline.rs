//! The one way from articles to a timeline, used by the command line, the app's background
//! job and every re-extraction: each article is analysed once (paragraphs, sentences,
//! temporal expressions), its events are found and grouped, and the analyses come back with
//! the document so that nothing computes them again.

use crate::core::article::{Analysis, Article};
use crate::core::document::Document;
use crate::core::{cluster, reextract};
use rayon::prelude::*;

/// A timeline and the analysis of each of its articles, in the document's order.
pub struct Reading {
    /// The timeline.
    pub document: Document,
    /// `document.articles[i]`'s analysis at `i`.
    pub analyses: Vec<Analysis>,
}

/// The analyses of `articles`, in order (in parallel): for a timeline opened from a file.
pub fn analyse(articles: &[Article]) -> Vec<Analysis> {
    articles.par_iter().map(Article::analyze).collect()
}

/// Reads `articles` into a new timeline titled `title`.
pub fn read(articles: Vec<Article>, title: &str) -> Reading {
    let analyses = analyse(&articles);
    let document = cluster::build(articles, &analyses, title);
    Reading { document, analyses }
}

/// Reads `articles` again (some added or re-dated) and merges the engine's new events into
/// `previous` without losing any analyst edit ([`reextract::merge`]).
pub fn reread(previous: &Document, articles: Vec<Article>) -> Reading {
    let fresh = read(articles, &previous.title);
    Reading {
        document: reextract::merge(previous, fresh.document),
        analyses: fresh.analyses,
    }
}

/// Adds `added` to `previous`'s articles (those not already there) and re-reads them all.
pub fn add(previous: &Document, added: Vec<Article>) -> Reading {
    reread(
        previous,
        reextract::combine_articles(&previous.articles, added),
    )
}
