//! End to end: 1,000 and 10,000 articles read, tagged, grouped into events and written as the
//! timeline document (JSON), as `sightline extract` does. Growth should be linear.
//!
//! `cargo bench --bench extract`

mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use sightline::core::ingest::{Format, parse_file};
use std::hint::black_box;

/// The allocator the program uses (`src/main.rs`), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn extract(corpus: &[(String, Vec<u8>)]) -> usize {
    let articles = corpus
        .iter()
        .filter_map(|(path, bytes)| parse_file(path, Format::Text, bytes).ok())
        .flatten()
        .collect();
    let doc = sightline::core::pipeline::read(articles, "bench").document;
    doc.to_json().len()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract_end_to_end");
    group.sample_size(10);
    for count in [1_000, 10_000] {
        let corpus = common::corpus(count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &corpus, |b, corpus| {
            b.iter(|| black_box(extract(corpus)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
