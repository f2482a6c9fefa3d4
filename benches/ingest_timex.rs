//! Ingest and tag 10,000 articles (the seeds and, where present, the TempEval-3 articles, with
//! publication dates shifted so every copy differs), with 1 and 2 threads.
//!
//! `cargo bench --bench ingest_timex`

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use sightline::core::ingest::{Format, parse_file};
use std::hint::black_box;

const ARTICLES: usize = 10_000;

fn ingest_and_tag(corpus: &[(String, Vec<u8>)]) -> usize {
    corpus
        .par_iter()
        .map(|(path, bytes)| {
            parse_file(path, Format::Text, bytes).map_or(0, |articles| {
                articles
                    .iter()
                    .map(|a| a.analyze().timexes.len())
                    .sum::<usize>()
            })
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let corpus = common::corpus(ARTICLES);
    let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
    eprintln!("corpus: {ARTICLES} articles, {:.1} MB", bytes as f64 / 1e6);
    let mut group = c.benchmark_group("ingest_and_tag_10k");
    group.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        group.bench_function(format!("{threads}_thread"), |b| {
            b.iter(|| pool.install(|| black_box(ingest_and_tag(&corpus))));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
