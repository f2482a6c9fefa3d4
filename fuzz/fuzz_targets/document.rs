//! Opening a saved timeline: any bytes either load as a valid document or are refused with a
//! reason; a loaded one can be filtered, briefed and saved again identically.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sightline::core::document::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = Document::from_json(text) else {
        return;
    };
    doc.validate().expect("a loaded document is valid");
    let shown = sightline::core::view::Filter::default().apply(&doc, &Default::default());
    let _ = sightline::core::export::html_briefing(&doc, &shown);
    let _ = sightline::core::export::timeline_svg(&doc, &shown, &Default::default());
    let again = Document::from_json(&doc.to_json()).expect("a saved document opens again");
    assert_eq!(again, doc);
});
