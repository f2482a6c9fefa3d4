//! Sightline: turns news articles about one story into an evidence-linked, honestly dated
//! timeline.
//!
//! `core` is the engine (no GUI dependency, built with `--no-default-features`); `cli` holds the
//! headless subcommands; `app` (feature `gui`) is the desktop workbench: `ui` draws the panels
//! from the document and emits [`command::Command`]s, `app` applies them; `command` and
//! `settings` are plain data both use.

pub mod cli;
pub mod core;
pub mod session;

#[cfg(feature = "gui")]
pub mod app;
#[cfg(feature = "gui")]
pub mod command;
#[cfg(feature = "gui")]
pub mod settings;
#[cfg(feature = "gui")]
pub mod ui;
