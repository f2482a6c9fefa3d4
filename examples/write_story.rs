//! Writes the generated 300-article story of `tests/common/story.rs` to a folder, to open it in
//! the app: `cargo run --release --example write_story -- DIR`.

#[path = "../tests/common/story.rs"]
mod story;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: write_story DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir)?;
    for i in 0..story::ARTICLES {
        let (name, text) = story::article(i);
        std::fs::write(dir.join(name), text)?;
    }
    let days: Vec<String> = story::happening_days()
        .iter()
        .map(ToString::to_string)
        .collect();
    println!(
        "{} articles in {}; the happenings' days: {}",
        story::ARTICLES,
        dir.display(),
        days.join(", ")
    );
    Ok(())
}
