//! Fuzz target: `sightline::core::checks::document` on every input libFuzzer makes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sightline::core::checks::document(data));
