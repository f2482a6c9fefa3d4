//! Prints the event mentions the engine finds in articles (the embedded seeds when no PATH):
//! kind, stance, agent, time link, grouping terms and the phrase, for tuning the extractor.
//!
//! `cargo run --example mentions -- [PATH...]`

use sightline::core::article::Article;
use sightline::core::extract;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let loaded = sightline::cli::load(&paths);
    for (i, article) in loaded.articles.iter().enumerate() {
        let analysis = Article::analyze(article);
        for m in extract::mentions(i, article, &analysis) {
            let time = m.time.as_ref().map_or(String::from("-"), |t| {
                format!(
                    "{}{} {}..{}",
                    t.timex.text,
                    if t.from_paragraph { " (para)" } else { "" },
                    t.range.earliest,
                    t.range.latest
                )
            });
            println!(
                "{} {:<10} {:<9} {:<22} {:<40} anaphoric={} {:?} | {}",
                article.id.chars().take(3).collect::<String>(),
                m.kind.as_str(),
                m.stance.as_str(),
                m.agent.as_deref().unwrap_or("-"),
                time,
                m.anaphoric,
                m.terms.iter().take(6).collect::<Vec<_>>(),
                m.phrase
            );
        }
    }
}
