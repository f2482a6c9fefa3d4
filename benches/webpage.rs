//! Reading saved web pages: every page of the development set (`../shared/data/web-pages`, where
//! present) one after the other, per page on average; a generated 10 MB page (an article inside
//! megabytes of menus, scripts and comments).
//!
//! `cargo bench --bench webpage`

use criterion::{Criterion, criterion_group, criterion_main};
use sightline::core::ingest::{Format, parse_file};
use std::hint::black_box;

/// The development set's saved pages, if it is there.
fn development_pages() -> Vec<(String, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/web-pages");
    let Ok(dirs) = std::fs::read_dir(&root) else {
        return Vec::new();
    };
    let mut pages: Vec<(String, Vec<u8>)> = dirs
        .filter_map(Result::ok)
        .filter_map(|d| {
            let path = d.path().join("source.html");
            let bytes = std::fs::read(&path).ok()?;
            Some((path.to_string_lossy().into_owned(), bytes))
        })
        .collect();
    pages.sort();
    pages
}

/// A 10 MB page: one article among megabytes of navigation, inline scripts and comments.
fn ten_megabyte_page() -> Vec<u8> {
    let nav = "<li><a href=\"/section\">Section</a></li>".repeat(2_000);
    let script = format!("<script>var x = \"{}\";</script>", "data ".repeat(200_000));
    let comment =
        "<div class=\"comment\"><p>Great article, thanks for sharing.</p></div>".repeat(2_000);
    let article = "<p>The harbour ferry resumed service on Tuesday after a two-week strike, \
                   the operator said, and crews returned to work.</p>"
        .repeat(200);
    let mut page = String::from("<html><head><title>Ferry resumes - The Coast Herald</title>");
    while page.len() < 10_000_000 {
        page.push_str(&script);
        page.push_str("<nav><ul>");
        page.push_str(&nav);
        page.push_str("</ul></nav>");
        page.push_str(&comment);
    }
    page.push_str("</head><body><article><h1>Ferry resumes</h1>");
    page.push_str(&article);
    page.push_str("</article></body></html>");
    page.into_bytes()
}

fn bench(c: &mut Criterion) {
    let pages = development_pages();
    let mut group = c.benchmark_group("webpage");
    group.sample_size(10);
    if pages.is_empty() {
        eprintln!("no ../shared/data/web-pages: the development set is skipped");
    } else {
        let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
        eprintln!(
            "development set: {} pages, {:.0} KB on average",
            pages.len(),
            bytes as f64 / pages.len() as f64 / 1e3
        );
        group.bench_function(format!("all_{}_development_pages", pages.len()), |b| {
            b.iter(|| {
                for (path, page) in &pages {
                    black_box(parse_file(path, Format::Html, page).ok());
                }
            });
        });
    }
    let big = ten_megabyte_page();
    group.bench_function("one_10_mb_page", |b| {
        b.iter(|| black_box(parse_file("big.html", Format::Html, &big).ok()));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
