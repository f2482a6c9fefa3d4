//! Every input a fuzz target ever crashed on, kept under tests/data/fuzz/TARGET/, replayed
//! through the same check (`sightline::core::checks`) on every `cargo test`.

use std::path::Path;

#[test]
fn every_kept_fuzz_input_passes_its_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut replayed = 0;
    for target in std::fs::read_dir(&root).expect("tests/data/fuzz") {
        let target = target.expect("entry").path();
        if !target.is_dir() {
            continue;
        }
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let check = sightline::core::checks::by_name(name)
            .unwrap_or_else(|| panic!("{name} is not a fuzz target"));
        for input in std::fs::read_dir(&target).expect("target dir") {
            let input = input.expect("entry").path();
            let bytes = std::fs::read(&input).expect("input");
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{} fails its check again", input.display());
            replayed += 1;
        }
    }
    // The seeds of each target are kept too, so the replay always runs something.
    assert!(replayed >= 4, "{replayed} inputs replayed");
}
