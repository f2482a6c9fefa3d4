//! TimelineJS import: any bytes either import as a valid timeline or are refused with a reason.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok((doc, _notes)) = sightline::core::export::import_timelinejs(&text) {
        doc.validate().expect("an imported timeline is valid");
        let all: Vec<usize> = (0..doc.events.len()).collect();
        let _ = sightline::core::export::timelinejs(&doc, &all);
    }
});
