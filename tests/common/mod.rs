//! Helpers shared by the workbench tests.

use egui_kittest::Harness;
use sightline::app::SightlineApp;

/// Runs frames until the background job has finished (at most a minute).
pub fn finish_job(harness: &mut Harness<'static, SightlineApp>) {
    let start = std::time::Instant::now();
    while harness.state().job.is_some() && start.elapsed() < std::time::Duration::from_mins(1) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert!(harness.state().job.is_none(), "the job did not finish");
}
