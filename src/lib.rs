//! Sightline: turns news articles about one story into an evidence-linked, honestly dated
//! timeline.
//!
//! `core` is the engine (no GUI dependency, built with `--no-default-features`); `cli` holds the
//! headless subcommands; `app` (feature `gui`) is the desktop workbench.

pub mod cli;
pub mod core;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod ui;
