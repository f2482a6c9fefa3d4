//! Tagging and parsing speed on one core, and the time to read the embedded model.
//!
//! `cargo bench --bench nlp` — prints words per second of tag + parse (the seeds' sentences,
//! repeated to about 20,000 words), and the model load time.

use criterion::{Criterion, criterion_group, criterion_main};
use sightline::core::nlp::{self, Model};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let model = nlp::model().expect("the embedded model");
    let articles = sightline::core::ingest::seed_articles().articles;
    let mut text = String::new();
    while text.split_whitespace().count() < 20_000 {
        for a in &articles {
            text.push_str(&a.text);
            text.push_str("\n\n");
        }
    }
    let paragraphs = sightline::core::segment::paragraphs(&text, 0);
    let sentences = nlp::sentences::sentences(&text, &paragraphs);
    let words: usize = model
        .parse(&text, &sentences)
        .iter()
        .map(|s| s.tokens.len())
        .sum();
    let started = std::time::Instant::now();
    let runs = 5;
    for _ in 0..runs {
        black_box(model.parse(&text, &sentences));
    }
    let per_second = (words * runs) as f64 / started.elapsed().as_secs_f64();
    println!("tag + parse: {words} words a run, {per_second:.0} words/s on one core");
    let mut group = c.benchmark_group("nlp");
    group.sample_size(10);
    group.bench_function(format!("tag and parse {words} words"), |b| {
        b.iter(|| black_box(model.parse(&text, &sentences)));
    });
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/nlp/en_ewt.model.gz"
    ))
    .expect("model file");
    group.bench_function("read the model", |b| {
        b.iter(|| black_box(Model::from_bytes(&bytes).expect("reads")));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
