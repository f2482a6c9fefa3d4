//! The command line: output formats and exit codes (0 ok, 1 failure, 2 usage).

use std::process::Command;

fn sightline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn timex_prints_json_lines_for_the_embedded_seeds() {
    let out = sightline(&["timex"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert!(lines.len() > 20);
    let friday = lines
        .iter()
        .find(|l| l["text"] == "Last week on Friday")
        .expect("present");
    assert_eq!(friday["doc"], "000_22c6b51998e0793d");
    assert_eq!(friday["type"], "DATE");
    assert_eq!(friday["value"], "2025-12-26");
    assert_eq!(friday["earliest"], "2025-12-26");
    for key in ["start", "end", "latest"] {
        assert!(friday.get(key).is_some(), "{key} missing");
    }
}

#[test]
fn articles_lists_each_article_with_date_basis_and_notes() {
    let out = sightline(&["articles"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(stdout.lines().count(), 5);
    assert!(
        stdout.contains("002_fe6f37084b34e928\t2025-12-30 (dateline, year inferred)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("001_ba32f4ddfaa87310\tundated (unknown)"),
        "{stdout}"
    );
}

#[test]
fn a_bad_file_is_reported_and_skipped_and_nothing_readable_fails() {
    let dir = std::env::temp_dir().join(format!("sightline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let good = dir.join("good.txt");
    let bad = dir.join("bad.json");
    std::fs::write(&good, "date 2024-01-05 Rain fell yesterday.").expect("write");
    std::fs::write(&bad, "{not json").expect("write");
    let out = sightline(&[
        "timex",
        good.to_str().expect("path"),
        bad.to_str().expect("path"),
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.json: invalid JSON"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"value\":\"2024-01-04\""));

    let out = sightline(&["articles", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.json") && stderr.contains("no article could be read"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(
        sightline(&["timex", "--no-such-flag"]).status.code(),
        Some(2)
    );
    assert_eq!(
        sightline(&["eval", "--errors", "many"]).status.code(),
        Some(2)
    );
}

#[test]
fn extract_writes_a_document_and_events_lists_it() {
    let dir = std::env::temp_dir().join(format!("sightline-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let doc = dir.join("seeds.json");
    let out = sightline(&["extract", "-o", doc.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&doc).expect("written")).expect("json");
    assert_eq!(json["format"], "sightline-timeline");
    assert_eq!(json["version"], sightline::core::document::VERSION);
    let out = sightline(&["events", doc.to_str().expect("path")]);
    assert!(out.status.success());
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("2025-12-26"), "{listing}");
    assert!(listing.contains("disputed"), "{listing}");

    let bad = dir.join("not-a-timeline.json");
    std::fs::write(&bad, "{\"hello\": 1}").expect("write");
    let out = sightline(&["events", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not-a-timeline.json") && stderr.contains("not a Sightline timeline"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn parse_writes_conllu_whose_forms_are_the_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "Rebels attacked a convoy near the border on Tuesday. The convoy wasn't hit again.";
    let file = dir.path().join("story.txt");
    std::fs::write(&file, format!("date 2024-03-05\n{text}\n")).expect("write");
    let out = sightline(&["parse", file.to_str().expect("utf-8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conllu = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<Vec<&str>> = conllu
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 10), "{conllu}");
    // The words (not the multiword tokens that hold some of them) put back together are the
    // text, less its spaces.
    let forms: String = rows
        .iter()
        .filter(|r| !r[0].contains('-'))
        .map(|r| r[1])
        .collect();
    assert!(forms.contains(&text.replace(' ', "")), "{forms}");
    assert!(rows.iter().any(|r| r[1] == "n't" && r[2] == "not"));
    assert!(rows.iter().any(|r| r[0].contains('-') && r[1] == "wasn't"));
    assert_eq!(
        conllu.matches("# text = ").count(),
        conllu.lines().filter(|l| l.is_empty()).count()
    );
    let json = sightline(&["parse", "--format", "json", file.to_str().expect("utf-8")]);
    let first = String::from_utf8(json.stdout).expect("utf-8");
    let line: serde_json::Value =
        serde_json::from_str(first.lines().next().expect("a sentence")).expect("json");
    let tokens = line["tokens"].as_array().expect("tokens");
    assert_eq!(tokens[0]["form"], "Rebels");
    assert_eq!(first.lines().count(), 2, "one line a sentence");
    assert_eq!(
        sightline(&["parse", "--format", "xml"]).status.code(),
        Some(2)
    );
    // An over-long sentence is parsed in pieces, and the user is told.
    let long = dir.path().join("list.txt");
    std::fs::write(&long, format!("{}.", vec!["item"; 600].join(" "))).expect("write");
    let out = sightline(&["parse", long.to_str().expect("utf-8")]);
    assert!(out.status.success());
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(note.contains("list: a sentence of 601 words"), "{note}");
}

#[test]
fn mentions_prints_event_json_lines_with_character_offsets() {
    let dir = std::env::temp_dir().join(format!("sightline-mentions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("café.txt");
    // Characters of two and three bytes before the event word: offsets count characters.
    std::fs::write(
        &path,
        "Café news\n\nThe café’s owners sued the city on Friday.\n",
    )
    .expect("written");
    let out = sightline(&["mentions", path.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let text = std::fs::read_to_string(&path).expect("read");
    let sued: serde_json::Value = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json line"))
        .find(|l| l["text"] == "sued")
        .expect("the lawsuit is an event");
    let (start, end) = (
        sued["start"].as_u64().unwrap() as usize,
        sued["end"].as_u64().unwrap() as usize,
    );
    let chars: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(chars, "sued");
    assert_eq!(
        &text[sued["byte_start"].as_u64().unwrap() as usize..][..4],
        "sued"
    );
    assert_eq!(sued["kind"], "EVENT");
    assert_eq!(sued["family"], "justice");
    assert_eq!(sued["patient"]["text"], "the city");
    assert_eq!(sued["time"]["text"], "Friday");
    std::fs::remove_dir_all(&dir).ok();
}
