//! The tagger on `TempEval-3` training data (`TimeBank` + `AQUAINT`, in `../shared/data`): the scores
//! must not fall below the figures the README reports (minus a small margin).

use sightline::core::eval::{GoldTimex, score, tag_for_scoring};
use sightline::core::ingest::{Format, parse_file};
use std::path::Path;

#[test]
fn tempeval3_training_scores_hold() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/tempeval3-train");
    if !data.exists() {
        eprintln!(
            "SKIPPED: {} not found (the shared data sits beside the clone in CI)",
            data.display()
        );
        return;
    }
    let mut gold: Vec<GoldTimex> = Vec::new();
    let mut system = Vec::new();
    for name in ["timebank", "aquaint"] {
        let path = data.join(format!("{name}.articles.jsonl"));
        let bytes = std::fs::read(&path).expect("articles");
        let articles =
            parse_file(&path.to_string_lossy(), Format::JsonLines, &bytes).expect("corpus");
        system.extend(tag_for_scoring(&articles));
        let gold_text =
            std::fs::read_to_string(data.join(format!("{name}.gold.jsonl"))).expect("gold");
        gold.extend(
            gold_text
                .lines()
                .map(|l| serde_json::from_str::<GoldTimex>(l).expect("gold line")),
        );
    }
    let s = score(&gold, &system);
    eprintln!(
        "strict F1 {:.1}, relaxed F1 {:.1}, value F1 {:.1}",
        s.strict.f1, s.relaxed.f1, s.value_f1
    );
    assert_eq!(s.gold, 1822);
    assert!(s.strict.f1 >= 76.0, "strict F1 {:.1}", s.strict.f1);
    assert!(s.relaxed.f1 >= 90.0, "relaxed F1 {:.1}", s.relaxed.f1);
    assert!(s.value_f1 >= 70.0, "value F1 {:.1}", s.value_f1);
}
