//! Extraction off the UI thread: a worker reads and groups the articles while the window stays
//! responsive; the UI polls for the result, shows progress, and can cancel. A panic in the
//! worker is caught and reported; the open document is never touched until a result arrives.

use crate::core::article::Analysis;
use crate::core::document::Document;
use crate::core::ingest::Problem;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A finished extraction.
pub struct Extracted {
    /// The new timeline.
    pub document: Document,
    /// Its articles' analyses.
    pub analyses: Vec<Analysis>,
    /// Files that could not be read.
    pub problems: Vec<Problem>,
}

/// How a job ended.
pub enum Outcome {
    /// The timeline is ready.
    Done(Box<Extracted>),
    /// The user cancelled it.
    Cancelled,
    /// It failed (nothing readable, or a panic), with the reason.
    Failed(String),
}

/// A running extraction.
pub struct Job {
    receiver: Receiver<Outcome>,
    cancel: Arc<AtomicBool>,
    done_files: Arc<AtomicUsize>,
    total_files: Arc<AtomicUsize>,
}

impl Job {
    /// Starts reading `paths` on a worker thread. With a `base` timeline, the articles are added
    /// to it and the new extraction merged into its events (analyst edits kept); without, they
    /// make a new timeline.
    pub fn start(paths: Vec<PathBuf>, base: Option<Document>) -> Self {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let done_files = Arc::new(AtomicUsize::new(0));
        let total_files = Arc::new(AtomicUsize::new(0));
        let (c, d, t) = (cancel.clone(), done_files.clone(), total_files.clone());
        std::thread::spawn(move || {
            let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                extract(&paths, base.as_ref(), &c, &d, &t)
            }));
            let outcome = work.unwrap_or_else(|panic| {
                let reason = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown error".into());
                Outcome::Failed(format!("extraction stopped by an internal error: {reason}"))
            });
            // The app may have gone away; then nobody needs the result.
            let _ = sender.send(outcome);
        });
        Self {
            receiver,
            cancel,
            done_files,
            total_files,
        }
    }

    /// Asks the worker to stop; its result will be discarded.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Files read so far and in all.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done_files.load(Ordering::Relaxed),
            self.total_files.load(Ordering::Relaxed),
        )
    }

    /// The outcome, once there is one.
    pub fn poll(&self) -> Option<Outcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Outcome::Failed("the extraction worker stopped".into()))
            }
        }
    }
}

fn extract(
    paths: &[PathBuf],
    base: Option<&Document>,
    cancel: &AtomicBool,
    done: &AtomicUsize,
    total: &AtomicUsize,
) -> Outcome {
    let loaded = crate::core::ingest::load_paths(paths, &|n, all| {
        total.store(all, Ordering::Relaxed);
        done.store(n, Ordering::Relaxed);
    });
    if cancel.load(Ordering::Relaxed) {
        return Outcome::Cancelled;
    }
    if loaded.articles.is_empty() {
        let why = loaded
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        return Outcome::Failed(if why.is_empty() {
            "no article found".into()
        } else {
            format!("no article could be read: {why}")
        });
    }
    let reading = if let Some(base) = base {
        crate::core::pipeline::add(base, loaded.articles)
    } else {
        let title = crate::core::ingest::story_title(paths, loaded.articles.len());
        crate::core::pipeline::read(loaded.articles, &title)
    };
    if cancel.load(Ordering::Relaxed) {
        return Outcome::Cancelled;
    }
    let crate::core::pipeline::Reading { document, analyses } = reading;
    Outcome::Done(Box::new(Extracted {
        document,
        analyses,
        problems: loaded.problems,
    }))
}
