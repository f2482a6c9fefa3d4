//! Article ingest in every format, then segmentation, the temporal tagger and event extraction
//! on whatever came out: none may panic. The first byte picks the format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sightline::core::ingest::{Format, parse_file};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (name, format) = match selector % 5 {
        0 => ("fuzz.txt", Format::Text),
        1 => ("fuzz.md", Format::Markdown),
        2 => ("fuzz.html", Format::Html),
        3 => ("fuzz.json", Format::Json),
        _ => ("fuzz.jsonl", Format::JsonLines),
    };
    if let Ok(articles) = parse_file(name, format, bytes) {
        let doc = sightline::core::cluster::build(articles, "fuzz");
        doc.validate().expect("the engine's own document is consistent");
    }
});
