//! The resident memory the language model takes once read (issue 12's bound: 150 MB), and the
//! peak while reading it: `cargo run --release --example model_memory` (Linux: reads
//! `/proc/self/status`).

/// A line of `/proc/self/status` in kilobytes.
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let before = status_kb("VmRSS:").expect("/proc/self/status (Linux only)");
    let model = sightline::core::nlp::model().expect("the embedded model");
    let after = status_kb("VmRSS:").unwrap_or(0);
    let peak = status_kb("VmHWM:").unwrap_or(0);
    println!(
        "language model resident: {:.1} MB (process {:.1} → {:.1} MB, peak {:.1} MB while reading)",
        after.saturating_sub(before) as f64 / 1024.0,
        before as f64 / 1024.0,
        after as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    std::hint::black_box(model);
}
