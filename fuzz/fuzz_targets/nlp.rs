//! Fuzz target: `sightline::core::checks::nlp` (words, tags, parse, event words) on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sightline::core::checks::nlp(data));
