//! The engine, free of any GUI: reading articles, segmenting them, and dating what they say.

pub mod article;
pub mod checks;
pub mod cluster;
pub mod dates;
pub mod document;
pub mod edit;
pub mod eval;
pub mod event_mentions;
pub mod export;
pub mod extract;
pub mod history;
pub mod id;
pub mod ingest;
pub mod layout;
pub mod nlp;
pub mod persist;
pub mod pipeline;
pub mod reextract;
pub mod segment;
pub mod taxonomy;
pub mod theme;
pub mod timex;
pub mod view;
