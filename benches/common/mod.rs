//! The benchmark corpus: the seeds and, where present, the TempEval-3 articles, copied with
//! shifted publication dates so every copy differs.

use chrono::{Days, NaiveDate};
use sightline::core::ingest::SEEDS;

/// Article bodies to copy: the seeds' text after any header, plus `TempEval` articles if found.
pub fn bodies() -> Vec<String> {
    let mut out: Vec<String> = SEEDS
        .iter()
        .map(|(_, bytes)| {
            let text = String::from_utf8_lossy(bytes).to_string();
            text.trim_start()
                .strip_prefix("date ")
                .map_or(text.clone(), |rest| rest[10..].to_string())
        })
        .collect();
    let data = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tempeval3-train"
    );
    for name in ["timebank", "aquaint"] {
        if let Ok(lines) = std::fs::read_to_string(format!("{data}/{name}.articles.jsonl")) {
            for line in lines.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                    && let Some(text) = v["text"].as_str()
                {
                    out.push(text.to_string());
                }
            }
        }
    }
    out
}

/// `count` plain-text files in memory, each with its own shifted header date.
pub fn corpus(count: usize) -> Vec<(String, Vec<u8>)> {
    let bodies = bodies();
    let start = NaiveDate::from_ymd_opt(1990, 1, 1).expect("date");
    (0..count)
        .map(|i| {
            let date = start
                .checked_add_days(Days::new((i * 3) as u64))
                .expect("date");
            let text = format!("date {date}\n{}", bodies[i % bodies.len()]);
            (format!("bench/{i:05}.txt"), text.into_bytes())
        })
        .collect()
}
