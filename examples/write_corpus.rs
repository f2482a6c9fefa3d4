//! Writes the benchmark corpus to a folder, up to a size in megabytes, for measuring the
//! command line on real files: `cargo run --release --example write_corpus -- DIR MB`.

#[path = "../benches/common/mod.rs"]
mod common;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(megabytes)) = (args.next(), args.next()) else {
        eprintln!("usage: write_corpus DIR MEGABYTES");
        std::process::exit(2);
    };
    let Ok(megabytes) = megabytes.parse::<usize>() else {
        eprintln!("write_corpus: {megabytes:?} is not a number of megabytes");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir)?;
    let budget = megabytes * 1024 * 1024;
    let (mut written, mut files, mut batch) = (0, 0, 1000);
    while written < budget {
        // Generated a thousand at a time; dates keep shifting across batches.
        let corpus = common::corpus(files + batch);
        for (_, bytes) in &corpus[files..] {
            if written >= budget {
                break;
            }
            std::fs::write(dir.join(format!("{files:06}.txt")), bytes)?;
            written += bytes.len();
            files += 1;
        }
        batch *= 2;
    }
    println!("{files} files, {written} bytes in {}", dir.display());
    Ok(())
}
