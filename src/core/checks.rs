//! What every entry point must survive, as functions of raw bytes: the fuzz targets (fuzz/) run
//! them under libFuzzer, and `tests/fuzz_regressions.rs` replays every input that ever broke one.
//! Each returns normally for any input, or panics on a broken promise.

use crate::core::document::Document;
use crate::core::ingest::{Format, parse_file};
use crate::core::segment::{paragraphs, sentences};

/// Article ingest in every format (the first byte picks it), then the whole engine on whatever
/// came out: the resulting document must be consistent.
pub fn ingest(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (name, format) = match selector % 7 {
        0 => ("fuzz.txt", Format::Text),
        1 => ("fuzz.md", Format::Markdown),
        2 => ("fuzz.html", Format::Html),
        3 => ("fuzz.json", Format::Json),
        4 => ("fuzz.mhtml", Format::Mhtml),
        5 => ("fuzz.pdf", Format::Pdf),
        _ => ("fuzz.jsonl", Format::JsonLines),
    };
    if let Ok(articles) = parse_file(name, format, bytes) {
        let doc = crate::core::pipeline::read(articles, "fuzz").document;
        assert_eq!(
            doc.validate(),
            Ok(()),
            "the engine's document is consistent"
        );
    }
}

/// The temporal normaliser on arbitrary text with an arbitrary anchor (the first four bytes, as
/// a day number; any day chrono can hold): offsets on character boundaries, ranges in order.
pub fn timex(data: &[u8]) {
    if data.len() < 4 {
        return;
    }
    let day = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let anchor = chrono::NaiveDate::from_num_days_from_ce_opt(day);
    let text = String::from_utf8_lossy(&data[4..]);
    let paras = paragraphs(&text, 0);
    let sents = sentences(&text, &paras);
    for t in crate::core::timex::tag(&text, &paras, &sents, anchor) {
        assert!(
            text.get(t.start..t.end).is_some(),
            "offsets on char boundaries"
        );
        if let (Some(a), Some(b)) = (t.earliest, t.latest) {
            assert!(a <= b, "{} gives {a} after {b}", t.text);
        }
    }
}

/// Opening a saved timeline: it loads valid or is refused; a loaded one can be filtered,
/// briefed, drawn and saved, and the saved text opens to the same document.
pub fn document(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = Document::from_json(text) else {
        return;
    };
    assert_eq!(doc.validate(), Ok(()), "a loaded document is valid");
    let shown = crate::core::view::Filter::default().apply(&doc, &std::collections::HashSet::new());
    let _ = crate::core::export::html_briefing(&doc, &shown);
    let _ = crate::core::export::timeline_svg(
        &doc,
        &shown,
        &crate::core::export::ImageOptions::default(),
    );
    let again = Document::from_json(&doc.to_json()).expect("a saved document opens again");
    assert_eq!(again, doc, "save then open gives the same document");
}

/// TimelineJS import: any text imports as a valid timeline (which exports again) or is refused.
pub fn timelinejs(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok((doc, _notes)) = crate::core::export::import_timelinejs(&text) {
        assert_eq!(doc.validate(), Ok(()), "an imported timeline is valid");
        let all: Vec<usize> = (0..doc.events.len()).collect();
        let _ = crate::core::export::timelinejs(&doc, &all);
    }
}

/// The check a fuzz target named `target` runs.
pub fn by_name(target: &str) -> Option<fn(&[u8])> {
    match target {
        "ingest" => Some(ingest),
        "timex" => Some(timex),
        "document" => Some(document),
        "timelinejs" => Some(timelinejs),
        "nlp" => Some(nlp),
        _ => None,
    }
}

/// Words, tags and parse of arbitrary text with the embedded model: spans on character
/// boundaries inside their sentence, in order, and every head inside the sentence.
pub fn nlp(data: &[u8]) {
    let Ok(model) = crate::core::nlp::model() else {
        return;
    };
    let text = String::from_utf8_lossy(data);
    let paragraphs = paragraphs(&text, 0);
    let sentences = crate::core::nlp::sentences::sentences(&text, &paragraphs);
    let events = crate::core::nlp::events::recognizer().ok();
    for parsed in model.parse(&text, &sentences) {
        if let Some(events) = events {
            for (w, _) in events.recognize(&text, &parsed) {
                assert!(w < parsed.tokens.len(), "event word inside the sentence");
            }
        }
        let mut last = parsed.start;
        for t in &parsed.tokens {
            assert!(
                t.start >= last && t.start < t.end && t.end <= parsed.end,
                "word span"
            );
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.head <= parsed.tokens.len(), "head inside the sentence");
            last = t.end;
        }
    }
}
