//! Nothing lost: random edit sequences undo back to the original exactly, save then open gives
//! the identical document, a save interrupted at any step leaves the old file loadable, and
//! damaged files are refused with the file named.

use proptest::prelude::*;
use sightline::core::document::{Document, Stance};
use sightline::core::edit::Edit;
use sightline::core::history::History;
use sightline::core::persist::{self, Disk, RealDisk};
use std::path::Path;
use std::sync::OnceLock;

fn seeds() -> Document {
    static SEEDS: OnceLock<Document> = OnceLock::new();
    SEEDS
        .get_or_init(|| {
            sightline::core::pipeline::read(
                sightline::core::ingest::seed_articles().articles,
                "Seed corpus",
            )
            .document
        })
        .clone()
}

/// The id of one of the engine's first events ("e001" …), or of none (then an edit is refused).
fn id() -> impl Strategy<Value = sightline::core::document::EventId> {
    (0usize..14).prop_map(|i| format!("e{:03}", i + 1).into())
}

/// An edit drawn from small numbers; an event may not exist (then the edit is refused).
fn edit_strategy() -> impl Strategy<Value = Edit> {
    let stance = prop_oneof![
        Just(Stance::Supports),
        Just(Stance::Denies),
        Just(Stance::Mentions)
    ];
    let day = (1u32..=28).prop_map(|d| chrono::NaiveDate::from_ymd_opt(2025, 12, d));
    prop_oneof![
        (id(), "[a-z ]{0,12}").prop_map(|(event, title)| Edit::SetTitle { event, title }),
        (id(), "[a-z]{1,8}").prop_map(|(event, kind)| Edit::SetKind { event, kind }),
        (id(), day.clone(), day).prop_map(|(event, a, b)| Edit::SetDates {
            event,
            earliest: a.min(b),
            latest: a.max(b),
            best: None
        }),
        (id(), "[a-z\n]{0,20}").prop_map(|(event, note)| Edit::SetNote { event, note }),
        (id(), proptest::collection::vec("[a-z]{1,6}", 0..3))
            .prop_map(|(event, tags)| Edit::SetTags { event, tags }),
        (id(), any::<bool>()).prop_map(|(event, starred)| Edit::SetStarred { event, starred }),
        (id(), 0usize..6, stance).prop_map(|(event, passage, stance)| Edit::SetStance {
            event,
            passage,
            stance
        }),
        (id(), 0usize..6).prop_map(|(event, passage)| Edit::RemovePassage { event, passage }),
        (id(), id()).prop_map(|(keep, other)| Edit::Merge { keep, other }),
        (
            id(),
            proptest::collection::vec(0usize..6, 1..3),
            "[a-z]{1,8}"
        )
            .prop_map(|(event, passages, title)| Edit::Split {
                event,
                passages,
                title
            }),
        (id()).prop_map(|event| Edit::Delete { event }),
        "[a-z ]{0,10}".prop_map(Edit::SetDocumentTitle),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undoing_every_edit_restores_the_original_exactly(
        edits in proptest::collection::vec(edit_strategy(), 1..25)
    ) {
        let original = seeds();
        let mut doc = original.clone();
        let mut history = History::default();
        let mut states = vec![doc.clone()];
        for edit in edits {
            history.end_burst();
            if history.apply(&mut doc, edit, "2026-11-22T00:00:00Z").is_ok() {
                states.push(doc.clone());
            }
        }
        let edited = doc.clone();
        // Each undo goes back exactly one accepted edit.
        for expected in states.iter().rev().skip(1) {
            prop_assert!(history.undo(&mut doc));
            prop_assert_eq!(&doc, expected);
        }
        prop_assert!(!history.undo(&mut doc));
        prop_assert_eq!(&doc, &original);
        while history.redo(&mut doc) {}
        prop_assert_eq!(&doc, &edited);
    }

    #[test]
    fn save_then_open_gives_the_identical_document(
        edits in proptest::collection::vec(edit_strategy(), 0..10)
    ) {
        let mut doc = seeds();
        for edit in edits {
            let _ = sightline::core::edit::apply(&mut doc, edit, "2026-11-22T00:00:00Z");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("timeline.json");
        persist::save(&doc, &path).expect("save");
        prop_assert_eq!(persist::open(&path).expect("open"), doc);
    }
}

/// A disk whose `fail_at`-th operation fails (0 = the write).
struct FailingDisk {
    fail_at: usize,
    done: usize,
}

impl FailingDisk {
    fn step(&mut self) -> std::io::Result<()> {
        let step = self.done;
        self.done += 1;
        if step == self.fail_at {
            Err(std::io::Error::other("disk full (simulated)"))
        } else {
            Ok(())
        }
    }
}

impl Disk for FailingDisk {
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if self.step().is_err() {
            // A write cut short: half the bytes reach the disk.
            std::fs::write(path, &bytes[..bytes.len() / 2])?;
            return Err(std::io::Error::other("disk full (simulated)"));
        }
        RealDisk.write_synced(path, bytes)
    }

    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.step()?;
        RealDisk.copy(from, to)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.step()?;
        RealDisk.rename(from, to)
    }
}

#[test]
fn a_save_interrupted_at_any_step_leaves_the_old_file_loadable() {
    let old = seeds();
    let mut new = old.clone();
    new.title = "Edited".into();
    for fail_at in 0..3 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.json");
        persist::save(&old, &path).expect("first save");
        let error = persist::save_with(&mut FailingDisk { fail_at, done: 0 }, &new, &path)
            .expect_err("the save fails");
        assert!(error.to_string().contains("t.json"), "{error}");
        assert_eq!(
            persist::open(&path).expect("the old file still opens"),
            old,
            "failing at step {fail_at}"
        );
    }
    // Uninterrupted, the new version replaces the old, which is kept as the backup.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.json");
    persist::save(&old, &path).expect("save");
    persist::save(&new, &path).expect("save again");
    assert_eq!(persist::open(&path).expect("open"), new);
    assert_eq!(
        persist::open(&persist::sibling(&path, ".bak")).expect("backup"),
        old
    );
}

#[test]
fn damaged_files_are_refused_with_the_file_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = seeds().to_json();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "truncated.json",
            json.as_bytes()[..json.len() / 2].to_vec(),
            "not valid JSON",
        ),
        (
            "other.json",
            br#"{"format": "something-else", "version": 1}"#.to_vec(),
            "not a Sightline timeline",
        ),
        (
            "newer.json",
            json.replace(
                &format!("\"version\": {}", sightline::core::document::VERSION),
                "\"version\": 99",
            )
            .into_bytes(),
            "newer Sightline",
        ),
        ("binary.json", vec![0xff, 0xfe, 0x00, 0x01], "not UTF-8"),
        (
            "offsets.json",
            json.replacen("\"start\": ", "\"start\": 9999999", 1)
                .into_bytes(),
            "damaged timeline",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let error = persist::open(&path).expect_err(name).to_string();
        assert!(
            error.contains(name) && error.contains(expected),
            "{name}: {error}"
        );
    }
    let missing = persist::open(&dir.path().join("missing.json")).expect_err("missing");
    assert!(missing.to_string().contains("missing.json"), "{missing}");
}

#[test]
fn every_shipped_format_version_still_opens() {
    for file in [
        "timeline-v1.json",
        "timeline-v2.json",
        "timeline-v3.json",
        "timeline-v4.json",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(file);
        let doc = persist::open(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            doc.version,
            sightline::core::document::VERSION,
            "{file} is migrated"
        );
        assert!(!doc.events.is_empty(), "{file}");
    }
    // The version 2 sample carries an analyst's edit with its history.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timeline-v2.json");
    let doc = persist::open(&path).expect("v2");
    assert!(
        doc.events
            .iter()
            .any(|e| !e.history.is_empty() && e.engine.is_some())
    );
    // Before version 3 no passage named its words: each is read as its own sentence.
    assert!(
        doc.events
            .iter()
            .flat_map(|e| &e.evidence)
            .all(|x| x.context.is_none())
    );
    // Version 3 passages were sentences naming their words (`mention`): they load as those
    // words, read in their sentence, quoting the article exactly.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timeline-v3.json");
    let raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("v3 sample")).expect("json");
    let old = &raw["events"][0]["evidence"][0];
    let doc = persist::open(&path).expect("v3");
    let x = &doc.events[0].evidence[0];
    let context = x
        .context
        .expect("a v3 passage keeps its sentence as context");
    assert_eq!(
        (context.start, context.end),
        (
            old["start"].as_u64().unwrap() as usize,
            old["end"].as_u64().unwrap() as usize
        )
    );
    assert_eq!(
        (x.start, x.end),
        (
            old["mention"]["start"].as_u64().unwrap() as usize,
            old["mention"]["end"].as_u64().unwrap() as usize
        )
    );
    let text = &doc
        .articles
        .iter()
        .find(|a| a.id == x.article)
        .unwrap()
        .text;
    assert_eq!(&text[x.start..x.end], x.quote);
    assert!(x.quote.len() < old["quote"].as_str().unwrap().len());
    // Version 4 passages are the words of their event in their sentence; events name their
    // participants.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timeline-v4.json");
    let doc = persist::open(&path).expect("v4");
    let passages: Vec<_> = doc.events.iter().flat_map(|e| &e.evidence).collect();
    assert!(passages.iter().all(|x| x.context.is_some()));
    assert!(doc.events.iter().any(|e| !e.participants.is_empty()));
}

#[test]
fn a_recovery_file_round_trips_and_a_broken_one_is_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("sub/recovery.json");
    let recovery = persist::Recovery {
        path: Some("/tmp/t.json".into()),
        at: "2026-11-22T00:00:00Z".into(),
        document: seeds(),
    };
    persist::write_recovery(&recovery, &file).expect("write");
    assert_eq!(persist::read_recovery(&file), Some(recovery));
    std::fs::write(&file, "{ broken").expect("write");
    assert_eq!(persist::read_recovery(&file), None);
}
