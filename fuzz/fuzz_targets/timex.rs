//! The temporal normaliser on arbitrary text with an arbitrary anchor day (any day chrono can
//! hold): it may find nothing, but it may not panic, and every range it gives is in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sightline::core::segment::{paragraphs, sentences};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let day = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let anchor = chrono::NaiveDate::from_num_days_from_ce_opt(day);
    let text = String::from_utf8_lossy(&data[4..]);
    let paras = paragraphs(&text, 0);
    let sents = sentences(&text, &paras);
    for t in sightline::core::timex::tag(&text, &paras, &sents, anchor) {
        assert!(text.get(t.start..t.end).is_some(), "offsets on char boundaries");
        if let (Some(a), Some(b)) = (t.earliest, t.latest) {
            assert!(a <= b, "{} gives {a} after {b}", t.text);
        }
    }
});
