#!/usr/bin/env bash
# How often sizeup's local engine and llama.cpp's server give the same greedy
# answer to the same request: each local model answers the first CASES
# feedback-sentiment cases of the starter suite in-process and through
# llama-server (as an openai_compatible model), at temperature 0, and the
# answers are compared case by case. Faster kernels round differently; this
# rate must not drop when they change.
#
#   LLAMA_SERVER=/path/to/llama-server tests/parity/agreement.sh [CASES]
#
# Environment: SIZEUP, the binary (default: target/release/sizeup);
# THREADS, llama-server's threads (default: 2); MODELS, the GGUF files in
# models/ to compare (default: the two instruct models; Gemma 3 270M is a
# base model without a chat template). Needs jq and curl.
# Prints one line per model: cases, equal answers (two errors are not
# equal), the rate, and each side's pass rate.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sizeup="${SIZEUP:-$root/target/release/sizeup}"
server="${LLAMA_SERVER:?set LLAMA_SERVER to a llama-server binary}"
cases="${1:-100}"
threads="${THREADS:-2}"
models="${MODELS:-SmolLM2-135M-Instruct.Q4_1.gguf qwen2.5-coder-0.5b-instruct-q4_k_m.gguf}"
port=18765

work="$(mktemp -d)"
pid=""
cleanup() {
  [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

printf '%-42s %6s %6s %7s %12s %12s\n' model cases equal rate "sizeup pass" "llama pass"
for file in $models; do
  gguf="$root/models/$file"
  "$server" -m "$gguf" --port "$port" -t "$threads" -c 2048 --parallel 1 >"$work/server.log" 2>&1 &
  pid=$!
  up=""
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && up=1 && break
    sleep 1
  done
  [ -n "$up" ] || { echo "llama-server did not start for $file:" >&2; cat "$work/server.log" >&2; exit 1; }
  cat >"$work/suite.yaml" <<EOF
name: agreement
defaults: {temperature: 0, timeout: 600s}
models:
  - {id: sizeup, provider: local, model: "$gguf", cost: {hourly_usd: 0}}
  - {id: llama, provider: openai_compatible, model: local, base_url: "http://127.0.0.1:$port/v1", stream: false, concurrency: 1, cost: {hourly_usd: 0}}
tasks:
  - id: feedback-sentiment
    prompt: |
      Is this customer review positive or negative? Answer with one word: positive or negative.

      Review: {{ text }}
    cases: "$root/suites/data/feedback-sentiment.jsonl"
    expected: label
    scorers: [{type: label, labels: [positive, negative]}]
    max_tokens: 4
EOF
  rm -f "$work/r.db"*
  "$sizeup" run "$work/suite.yaml" --limit "$cases" --db "$work/r.db" --quiet >/dev/null
  "$sizeup" export latest --db "$work/r.db" --format json -o "$work/r.json"
  jq -r --arg file "$file" '
    [.trials[] | {case, model, output, passed, error_class}] | group_by(.case)
    | map({same: ((map(.output) | unique | length == 1) and all(.[]; .error_class == null)),
           s: (map(select(.model == "sizeup"))[0].passed),
           l: (map(select(.model == "llama"))[0].passed)})
    | [length, (map(select(.same)) | length), (map(select(.s)) | length), (map(select(.l)) | length)]
    | "\($file)\t\(.[0])\t\(.[1])\t\(.[1] * 100 / .[0] | floor)%\t\(.[2])\t\(.[3])"
  ' "$work/r.json" | awk -F'\t' '{ printf "%-42s %6s %6s %7s %12s %12s\n", $1, $2, $3, $4, $5, $6 }'
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
done
