//! Fuzz target: `sightline::core::checks::ingest` on every input libFuzzer makes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sightline::core::checks::ingest(data));
