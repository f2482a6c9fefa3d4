//! What the user asks for, as values: the panels (`ui`) emit them and the app (`app`) applies
//! them at the end of the frame. A leaf of the workbench: `ui` and `app` both use it and never
//! each other's types.

use crate::core::document::{ArticleId, EventId};
use crate::core::edit::Edit;
use crate::core::export::{Format, ImageOptions};
use crate::core::view::{Filter, LaneMode, SlideOrder, SortColumn};
use crate::settings::PanelLayout;

/// What the user asked for; the app applies these at the end of the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show this article in the reader.
    SelectArticle(ArticleId),
    /// Select this event everywhere (timeline, list, inspector, reader).
    SelectEvent(EventId),
    /// Select the next shown event in date order.
    SelectNext,
    /// Select the previous shown event in date order.
    SelectPrevious,
    /// The event under the pointer on the timeline (or none).
    HoverEvent(Option<EventId>),
    /// Show the events this filter lets through.
    SetFilter(Filter),
    /// Group the timeline's lanes by kind, source or tag.
    SetLaneMode(LaneMode),
    /// Sort the event table by this column (again: the other direction).
    SortBy(SortColumn),
    /// Ask the user for files, a folder or a place to save (the system's dialog, or
    /// Sightline's own where none can open).
    Choose(Pick),
    /// Read these files or folders in the background and show their timeline.
    OpenPaths(Vec<std::path::PathBuf>),
    /// Stop opening; keep the current timeline.
    CancelJob,
    /// Give an undated article its publication date (basis `user`) and re-date everything.
    SetArticleDate {
        /// The article.
        article: ArticleId,
        /// Its publication date.
        date: chrono::NaiveDate,
    },
    /// Dark (true) or light theme.
    SetDark(bool),
    /// UI scale.
    SetZoom(f32),
    /// The panels' sizes (a divider was dragged).
    SetLayout(PanelLayout),
    /// Include or leave out an article's evidence.
    SetIncluded {
        /// The article.
        article: ArticleId,
        /// Whether its evidence counts.
        included: bool,
    },
    /// Read these files or folders and add their articles to the open timeline, keeping the
    /// analyst's edits.
    AddArticles(Vec<std::path::PathBuf>),
    /// An analyst edit (undoable).
    Edit(Edit),
    /// A text field lost focus: the next edit is a new undo step.
    EndEditBurst,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Start an empty timeline (asks first if there are unsaved changes).
    NewTimeline,
    /// Open a saved timeline (asks first if there are unsaved changes).
    OpenTimeline(std::path::PathBuf),
    /// Ask for a saved timeline to open (asks first if there are unsaved changes).
    ChooseTimeline,
    /// Save to the timeline's file (asks where if it has none).
    Save,
    /// Save to this file; it becomes the timeline's file.
    SaveAs(std::path::PathBuf),
    /// The answer to "save the unsaved changes?".
    Answer(Answer),
    /// The answer to "replace the existing file?" (no: choose again).
    ConfirmReplace(bool),
    /// Restore (true) or throw away the unsaved work a previous run left.
    RestoreRecovery(bool),
    /// Present the shown events full screen in this order (none: stop presenting).
    Present(Option<SlideOrder>),
    /// Move between slides.
    Slide(SlideMove),
    /// Show or hide the speaker notes.
    ToggleNotes,
    /// Open or close the story-order editor.
    ShowStory(bool),
    /// The size of exported images.
    SetExportImage(ImageOptions),
    /// Write the shown events in this format to this file.
    Export(Format, std::path::PathBuf),
    /// Read a TimelineJS file as a new timeline (asks first if there are unsaved changes).
    ImportTimelineJs(std::path::PathBuf),
}

/// An answer to "save the unsaved changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do not go on.
    Cancel,
}

/// What the user wants to pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// Article files (several) for a new timeline.
    Articles,
    /// Article files (several) to add to the open timeline.
    AddArticles,
    /// A folder of articles.
    Folder,
    /// A saved timeline to open.
    Timeline,
    /// Where to save the timeline.
    SaveTimeline,
    /// Where to write an export.
    Export(Format),
    /// A TimelineJS file to import.
    ImportTimelineJs,
}

/// A move between slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideMove {
    /// The next slide.
    Next,
    /// The previous slide.
    Previous,
    /// The first slide.
    First,
    /// The last slide.
    Last,
}
