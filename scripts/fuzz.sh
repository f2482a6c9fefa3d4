#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) with libFuzzer through cargo fuzz.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# A crash stops the run with a non-zero exit; its input is in fuzz/artifacts/TARGET/ (copy it
# to tests/data/fuzz/TARGET/ and fix it: tests/fuzz_regressions.rs replays those files).
# Stable Rust: cargo fuzz needs nightly flags, so RUSTC_BOOTSTRAP=1 enables them, and no
# sanitizer is used (Rust code is memory safe; we look for panics, overflows and hangs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(ingest timex document timelinejs nlp)
fi
# libFuzzer is C++: a compiler is needed to build it.
command -v c++ >/dev/null || { apt-get update -qq && apt-get install -y -qq g++ >/dev/null; }
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$HOME/.cache/sightline-fuzz-target}"
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  # Seed the corpus with the project's own inputs.
  case $target in
    ingest)
      for f in seeds/*.txt tests/data/bad/*; do [[ -f $f ]] && cp -n "$f" "$corpus/" || true; done
      # The first byte picks the format (core::checks::ingest): 5 is PDF.
      for f in tests/data/pdf/*.pdf; do printf '\x05' | cat - "$f" >"$corpus/pdf-$(basename "$f")"; done
      ;;
    document) cp -n tests/data/timeline-v*.json "$corpus/" ;;
    nlp) for f in seeds/*.txt; do cp -n "$f" "$corpus/"; done ;;
  esac
  echo "== fuzz $target for ${seconds}s"
  start=$(date +%s)
  log=$(mktemp)
  set +e
  cargo fuzz run --sanitizer none --release "$target" "$corpus" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20 -max_len=65536 >"$log" 2>&1
  status=$?
  set -e
  grep -E "^(#[0-9]+ +DONE|Done [0-9]+ runs)" "$log" || true
  if ((status != 0)); then
    tail -40 "$log" >&2
    echo "fuzz target $target failed (exit $status); see fuzz/artifacts/$target/" >&2
    exit "$status"
  fi
  echo "== $target: no crash in $(( $(date +%s) - start ))s"
done
