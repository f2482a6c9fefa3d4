//! The engine, free of any GUI: reading articles, segmenting them, and dating what they say.

pub mod article;
pub mod dates;
pub mod eval;
pub mod ingest;
pub mod segment;
pub mod timex;
