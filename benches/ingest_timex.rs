//! Ingest and tag 10,000 articles (the seeds and, where present, the TempEval-3 articles, with
//! publication dates shifted so every copy differs), with 1 and 2 threads.
//!
//! `cargo bench --bench ingest_timex`

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use sightline::core::ingest::{Format, SEEDS, parse_file};
use std::hint::black_box;

const ARTICLES: usize = 10_000;

/// Article bodies to copy: the seeds' text after any header, plus `TempEval` articles if found.
fn bodies() -> Vec<String> {
    let mut out: Vec<String> = SEEDS
        .iter()
        .map(|(_, bytes)| {
            let text = String::from_utf8_lossy(bytes).to_string();
            text.trim_start()
                .strip_prefix("date ")
                .map_or(text.clone(), |rest| rest[10..].to_string())
        })
        .collect();
    let data = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tempeval3-train"
    );
    for name in ["timebank", "aquaint"] {
        if let Ok(lines) = std::fs::read_to_string(format!("{data}/{name}.articles.jsonl")) {
            for line in lines.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                    && let Some(text) = v["text"].as_str()
                {
                    out.push(text.to_string());
                }
            }
        }
    }
    out
}

/// 10,000 plain-text files in memory, each with its own shifted header date.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let bodies = bodies();
    let start = NaiveDate::from_ymd_opt(1990, 1, 1).expect("date");
    (0..ARTICLES)
        .map(|i| {
            let date = start
                .checked_add_days(Days::new((i * 3) as u64))
                .expect("date");
            let text = format!("date {date}\n{}", bodies[i % bodies.len()]);
            (format!("bench/{i:05}.txt"), text.into_bytes())
        })
        .collect()
}

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
    let corpus = corpus();
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
