#!/usr/bin/env bash
# Trains the event recogniser (assets/nlp/events.model.gz) on TempEval-3's training data and
# scores it on the held-out fifth of the documents:
#   scripts/train_events.sh [DATA]     (DATA defaults to ../shared/data/tempeval3-train)
# EVAL_ONLY=1 scores the committed model without training; EVENT_ITERATIONS sets the passes.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/tempeval3-train}
out=target/te3-events
for corpus in timebank aquaint; do
  python3 ../shared/tools/te3_eval.py convert "$data/$corpus-tml" "$out/$corpus" >/dev/null
done
cargo run --release --example train_events -- "$data" "$out"
python3 ../shared/tools/te3_eval.py eval "$out/dev-gold" "$out/dev-system.jsonl" | sed -n '/EVENT/,$p'
