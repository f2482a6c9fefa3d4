//! Fuzz target: `sightline::core::checks::timelinejs` on every input libFuzzer makes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sightline::core::checks::timelinejs(data));
